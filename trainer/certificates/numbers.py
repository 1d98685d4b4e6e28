"""The last certificate number given, kept beside the signing key (no Qt).

The register in the database says which numbers were given, but a database can be
restored from a backup that predates some certificates: counting from the register
alone would give their numbers again, and two people would hold valid certificates
with one number (revoking one would revoke the other). So the last sequence number
given by each signing key, per year, is also written to ``keys/certificate-numbers.json``
(before the certificate is committed, atomically, owner-only), and a new number is
always past both the register and this mark.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from trainer.errors import CertificateError
from trainer.files import replace_atomically
from trainer.privacy import private_file

MARK_FILE = "certificate-numbers.json"
MAX_MARK_BYTES = 64 * 1024  # one line per year: a few hundred bytes in practice
_YEAR = re.compile(r"^\d{4}$")
_REPAIR = (
    "certificates cannot be issued until it is repaired: restore the keys folder from a "
    "copy, or ask a technician"
)


class NumberMark:
    """The highest sequence number ``key_id`` has given, per year."""

    def __init__(self, keys_dir: Path, key_id: str) -> None:
        self.path = keys_dir / MARK_FILE
        self.key_id = key_id

    def last(self) -> dict[int, int]:
        """Year → the last sequence number given ({} when nothing is marked yet)."""
        try:
            with self.path.open("rb") as handle:
                data = handle.read(MAX_MARK_BYTES + 1)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise self._damaged(f"it cannot be read: {exc.strerror}") from exc
        if len(data) > MAX_MARK_BYTES:
            raise self._damaged("it is far too large")
        try:
            mark = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise self._damaged("it is not the expected JSON") from exc
        if not isinstance(mark, dict) or not isinstance(mark.get("key_id"), str):
            raise self._damaged("it names no signing key")
        if mark["key_id"] != self.key_id:
            return {}  # another key's numbers carry another prefix
        last = mark.get("last")
        if not isinstance(last, dict) or not all(
            isinstance(year, str)
            and _YEAR.match(year)
            and isinstance(seq, int)
            and not isinstance(seq, bool)
            and 0 <= seq < 10**9
            for year, seq in last.items()
        ):
            raise self._damaged("its numbers are not whole numbers per year")
        return {int(year): seq for year, seq in last.items()}

    def reserve(self, year: int, at_least: int) -> int:
        """The sequence number to give now (at least ``at_least``), recorded before use."""
        last = self.last()
        seq = max(at_least, last.get(year, 0) + 1)
        last[year] = seq
        text = json.dumps(
            {"key_id": self.key_id, "last": {str(y): n for y, n in sorted(last.items())}},
            indent=1,
        )

        def write(tmp: Path) -> None:
            tmp.write_text(text + "\n", encoding="utf-8")
            private_file(tmp)

        replace_atomically(
            self.path,
            write,
            fail=lambda exc: CertificateError(
                f"the record of certificate numbers cannot be written ({exc.strerror}); "
                "nothing was issued",
                where=str(self.path),
            ),
        )
        return seq

    def _damaged(self, why: str) -> CertificateError:
        return CertificateError(
            f"the record of certificate numbers is damaged ({why}); {_REPAIR}",
            where=str(self.path),
        )
