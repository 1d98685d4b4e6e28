"""The sync engine: push what this workstation recorded, pull what others published (no Qt).

Local first: every answer is written to the workstation's own SQLite, and nothing on
that path knows the network. A sync, run off the GUI thread with its own SQLite
connection (``sync_now(Database(path), …)``), sends the outboxes (trainees with their
function, training sessions, session tests, finished attempts with their questions and
steps, certificates and revocations, audit entries, the workstation's public key) in
batches, each in one central transaction; an outbox row is removed only after the server
committed it. A batch the server refuses (a check, row-level security, bad data) is sent
again in halves down to single records, and each record it still refuses is held back
with its reason (``held_records``, ``send_again``) while the rest goes on; a lost
connection is not a refusal and keeps everything queued. Then the sync takes what the centre publishes:
staff accounts, question banks, other workstations' keys, revocations.

The rules are the bundles' (``trainer.results.bundles``): who is the same person
(``People.match``), a profile or a training session changed only by the workstation
that made it and only by a newer edit, the first news of a revocation kept, a revocation marking a received
certificate. Ownership is the server's: each workstation signs in as its own role and
row-level security refuses rows that carry another workstation's uid.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.central.config import CentralConfig
from trainer.errors import CentralError, ErrorCode, TrainerError
from trainer.progress import CancelToken
from trainer.storage import central
from trainer.storage.central import push
from trainer.storage.central.local import HeldRecord, LocalStatus, SyncLedger
from trainer.storage.database import Database

if TYPE_CHECKING:
    import psycopg

# Rows per central transaction: big enough for COPY to pay, small enough that a cut
# connection costs little to send again.
ATTEMPT_BATCH = 400
TRAINEE_BATCH = 500
CERTIFICATE_BATCH = 500
SESSION_BATCH = 200
SESSION_TEST_BATCH = 1000
AUDIT_BATCH = 5000
MAX_ACCOUNT_NAME = 100
MAX_BANK_BYTES = 8 * 1024 * 1024


_HELD_WORDS = {
    "trainee": "trainees",
    "session": "training sessions",
    "session_test": "session tests",
    "attempt": "attempts",
    "certificate": "certificates",
    "audit": "audit entries",
}


@dataclass
class SyncReport:
    """What one sync did: counts per kind, and what went wrong (sync goes on where it can)."""

    server: str
    workstation: str = ""
    station: int = 0
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: dict[str, int] = field(default_factory=dict)
    held: dict[str, int] = field(default_factory=dict)  # refused by the server, kept here
    errors: list[TrainerError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled and not self.held

    def add(self, counts: dict[str, int], kind: str, n: int) -> None:
        counts[kind] = counts.get(kind, 0) + n

    def lines(self) -> list[str]:
        out = [f"central database: {self.server} (station {self.station})"]
        out += [f"sent {kind}: {n}" for kind, n in sorted(self.pushed.items())]
        out += [f"received {kind}: {n}" for kind, n in sorted(self.pulled.items())]
        out += [
            f"held back, refused by the central database: {_HELD_WORDS.get(kind, kind)}: {n}"
            for kind, n in sorted(self.held.items())
        ]
        if self.cancelled:
            out.append("stopped before the end; the rest is sent next time")
        out += [f"problem: {e}" for e in self.errors]
        return out


@dataclass(frozen=True)
class SyncStatus:
    """The state the status bar shows: read from the local database alone."""

    connected: bool
    last_success_at: str | None
    last_attempt_at: str | None
    last_error_code: ErrorCode | None
    last_error: str | None
    station: int | None
    server: str | None
    attempts_waiting: int
    answers_waiting: int
    trainees_waiting: int
    certificates_waiting: int
    sessions_waiting: int = 0  # training sessions and session tests
    held: int = 0  # records the central database refused, held back here

    @property
    def waiting(self) -> int:
        return (
            self.attempts_waiting
            + self.trainees_waiting
            + self.certificates_waiting
            + self.sessions_waiting
        )


def sync_status(database: Database, config: CentralConfig | None = None) -> SyncStatus:
    """Cheap (one local query): the status bar may call it every few seconds."""
    s: LocalStatus = SyncLedger(database).status()
    try:
        code = ErrorCode(s.last_error_code) if s.last_error_code else None
    except ValueError:
        code = None
    return SyncStatus(
        connected=config is not None,
        last_success_at=s.last_success_at,
        last_attempt_at=s.last_attempt_at,
        last_error_code=code,
        last_error=s.last_error,
        station=s.station,
        server=config.display_url() if config is not None else s.server,
        attempts_waiting=s.attempts_waiting,
        answers_waiting=s.answers_waiting,
        trainees_waiting=s.trainees_waiting,
        certificates_waiting=s.certificates_waiting,
        sessions_waiting=s.sessions_waiting,
        held=s.held,
    )


def held_records(database: Database) -> list[HeldRecord]:
    """The records the central database refused, with its reasons (the latest first)."""
    return SyncLedger(database).held()


def send_again(database: Database, actor: str | None) -> int:
    """Put every held record back in the outbox, once the cause is fixed on the server:
    the next sync sends them (and holds back again any the server still refuses).
    Recorded in the audit log. Returns how many."""
    from trainer.storage import audit

    count = SyncLedger(database).send_again()
    if count:
        audit.record(database, "central.send_again", f"{count} records", actor=actor)
    return count


def station_of(database: Database) -> int | None:
    """The station number the centre gave this workstation, once it synced."""
    return SyncLedger(database).station()


Progress = Callable[[str, int], None]


def sync_now(
    database: Database,
    config: CentralConfig,
    cancel: CancelToken | None = None,
    *,
    progress: Progress | None = None,
    library_dir: Path | None = None,
    shipped_banks: Path | None = None,
) -> SyncReport:
    """Push, then pull. A CentralError when the server cannot be used at all (unreachable,
    refused, incompatible): nothing local is lost, the status row keeps the error. Problems
    with one part (a bank that does not load) are listed in the report. ``library_dir``:
    where pulled banks go (the data folder's bank library; None leaves banks out)."""
    ledger = SyncLedger(database)
    report = SyncReport(server=config.display_url())
    try:
        with contextlib.closing(central.connect(config)) as conn:
            central.check_compatible(conn)
            push.prepare_session(conn)
            uid, station, _name = push.own_workstation(conn)
            if uid != ledger.workstation_uid():
                raise CentralError(
                    f"these central database credentials belong to another workstation ({uid})",
                    code=ErrorCode.CENTRAL_OTHER_WORKSTATION,
                    params={"workstation": uid},
                )
            report.workstation, report.station = uid, station
            ledger.station_known(station)  # certificate numbers carry it from now on
            _push(conn, ledger, report, cancel, progress)
            if not report.cancelled:
                _pull(conn, database, report, library_dir, shipped_banks)
            push.record_sync(conn)
    except CentralError as exc:
        ledger.failed(exc.code.value if exc.code else None, exc.message)
        raise
    except Exception as exc:
        import psycopg

        if not isinstance(exc, psycopg.Error):
            raise
        error = central.lost(exc)
        ledger.failed(error.code.value if error.code else None, error.message)
        raise error from None
    if report.cancelled:  # what was sent stays sent; the rest waits for the next sync
        return report
    first = report.errors[0] if report.errors else None
    ledger.succeeded(
        report.station,
        report.server,
        first.code.value if first is not None and first.code else None,
        first.message if first is not None else None,
    )
    return report


def sync_data_folder(
    data_dir: Path,
    shipped_banks: Path,
    *,
    url: str | None = None,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> SyncReport:
    """One sync of a data folder, as the window's worker and the command line run it: the
    address from ``url``, the environment or the saved settings; its own connection to the
    folder's database (the quiz keeps its own); pulled banks into the folder's library."""
    from trainer.central.config import resolve
    from trainer.paths import DataDir

    config = resolve(data_dir, url)
    if config is None:
        raise CentralError(
            "this workstation is not connected to a central database "
            "(python -m trainer central connect URL, --central URL or $TIP_TRAINER_CENTRAL)",
            code=ErrorCode.CENTRAL_NOT_CONNECTED,
        )
    folder = DataDir(data_dir)
    database = Database(folder.database)
    try:
        return sync_now(
            database,
            config,
            cancel,
            progress=progress,
            library_dir=folder.banks,
            shipped_banks=shipped_banks,
        )
    finally:
        database.close()


def _stopped(cancel: CancelToken | None, report: SyncReport) -> bool:
    if cancel is not None and cancel.cancelled:
        report.cancelled = True
    return report.cancelled


# -- push ------------------------------------------------------------------------------------
Record = dict[str, Any]


def _send(
    ledger: SyncLedger,
    report: SyncReport,
    kind: str,
    records: list[Record],
    send: Callable[[list[Record]], object],
    sent: Callable[[list[Record]], None],
    key: Callable[[Record], str],
    label: Callable[[Record], str],
) -> list[Record]:
    """``send`` the batch in one central transaction, then mark it ``sent``. When the server
    refuses it (a check, a permission, bad data), each half is sent on its own, and so on
    down to single records: those it still refuses are held back with its reason, the
    others go through. One bad record among 400 costs about 18 small transactions, not
    400 (400 attempts measured on a local server: 0.35-0.54 s; with one refused, 0.95 s
    by halves against 3-3.9 s record by record). A lost
    connection is raised as it is (everything not confirmed stays queued). Returns the
    records that went through."""
    try:
        send(records)
    except Exception as exc:
        reason = central.refusal(exc)
        if reason is None:
            raise
    else:
        sent(records)
        return records
    if len(records) == 1:
        ledger.hold(kind, key(records[0]), label(records[0]), reason)
        report.add(report.held, kind, 1)
        return []
    middle = len(records) // 2
    through = _send(ledger, report, kind, records[:middle], send, sent, key, label)
    return through + _send(ledger, report, kind, records[middle:], send, sent, key, label)


def _when(value: object) -> str:
    return str(value or "")[:10]


def _push(
    conn: psycopg.Connection[Any],
    ledger: SyncLedger,
    report: SyncReport,
    cancel: CancelToken | None,
    progress: Progress | None,
) -> None:
    uid = report.workstation
    key = ledger.own_key()
    if key is not None:
        try:
            push.push_key(conn, str(key["key_id"]), uid, bytes(key["public_key"]), str(key["name"]))
        except Exception as exc:
            reason = central.refusal(exc)
            if reason is None:
                raise
            report.errors.append(
                CentralError(
                    f"the central database refused the change: {reason}",
                    code=ErrorCode.CENTRAL_REFUSED,
                    params={"reason": reason},
                )
            )
    while not _stopped(cancel, report):
        trainees = ledger.trainees_to_send(TRAINEE_BATCH)
        if not trainees:
            break
        through = _send(
            ledger,
            report,
            "trainee",
            trainees,
            lambda batch: _push_trainees(conn, uid, batch),
            lambda batch: ledger.trainees_sent(
                [(int(t["id"]), str(t["updated_at"])) for t in batch]
            ),
            lambda t: str(t["id"]),
            lambda t: str(t["name"]),
        )
        report.add(report.pushed, "trainees", len(through))
    while not _stopped(cancel, report):
        sessions = ledger.sessions_to_send(SESSION_BATCH)
        if not sessions:
            break
        through = _send(
            ledger,
            report,
            "session",
            sessions,
            lambda batch: push.push_sessions(conn, [_session_row(s, uid) for s in batch]),
            lambda batch: ledger.sessions_sent(
                [(int(s["id"]), str(s["updated_at"])) for s in batch]
            ),
            lambda s: str(s["id"]),
            lambda s: f"{s['title']} ({s['start_date']})",
        )
        report.add(report.pushed, "training sessions", len(through))
    while not _stopped(cancel, report):
        tests = ledger.session_tests_to_send(SESSION_TEST_BATCH)
        if not tests:
            break
        through = _send(
            ledger,
            report,
            "session_test",
            tests,
            lambda batch: push.push_session_tests(
                conn,
                [(t["attempt_uid"], uid, t["session_uid"], t["phase"]) for t in batch],
            ),
            lambda batch: ledger.session_tests_sent([str(t["attempt_uid"]) for t in batch]),
            lambda t: str(t["attempt_uid"]),
            lambda t: (
                f"{t['phase']}: {t['trainee_name'] or ''}, {t['module_id'] or ''},"
                f" {_when(t['started_at'])}"
            ),
        )
        report.add(report.pushed, "session tests", len(through))
    counted = {"answers": 0, "steps": 0}

    def send_attempts(batch: list[Record]) -> None:
        ids = [int(a["id"]) for a in batch]
        attempt_rows = [(a["uid"], uid, *(a[c] for c in push.ATTEMPT_COLUMNS[2:])) for a in batch]
        questions = ledger.questions_of(ids, uid)
        steps = ledger.steps_of(ids, uid)
        push.push_attempts(conn, attempt_rows, questions, steps)
        counted["answers"] += len(questions)
        counted["steps"] += len(steps)

    while not _stopped(cancel, report):
        attempts = ledger.attempts_to_send(ATTEMPT_BATCH)
        if not attempts:
            break
        through = _send(
            ledger,
            report,
            "attempt",
            attempts,
            send_attempts,
            lambda batch: ledger.attempts_sent([int(a["id"]) for a in batch]),
            lambda a: str(a["id"]),
            lambda a: f"{a['trainee_name']}, {a['module_id']}, {_when(a['started_at'])}",
        )
        report.add(report.pushed, "attempts", len(through))
        if progress is not None:
            progress("attempts", report.pushed["attempts"])
    if counted["answers"] or counted["steps"] or "attempts" in report.pushed:
        report.add(report.pushed, "answers", counted["answers"])
        report.add(report.pushed, "steps", counted["steps"])
    while not _stopped(cancel, report):
        certificates = ledger.certificates_to_send(CERTIFICATE_BATCH)
        if not certificates:
            break
        through = _send(
            ledger,
            report,
            "certificate",
            certificates,
            lambda batch: push.push_certificates(
                conn,
                [
                    tuple({**c, "workstation_uid": uid}[k] for k in push.CERTIFICATE_COLUMNS)
                    for c in batch
                ],
            ),
            lambda batch: ledger.certificates_sent(
                [(int(c["id"]), str(c["status"])) for c in batch]
            ),
            lambda c: str(c["id"]),
            lambda c: f"{c['number']}, {c['trainee_name']}",
        )
        report.add(report.pushed, "certificates", len(through))
    while not _stopped(cancel, report):
        entries = [
            dict(zip(_AUDIT_FIELDS, e, strict=True)) for e in ledger.audit_to_send(AUDIT_BATCH)
        ]
        if not entries:
            break
        through = _send(
            ledger,
            report,
            "audit",
            entries,
            lambda batch: push.push_audit(
                conn, [(uid, *(e[f] for f in _AUDIT_FIELDS)) for e in batch]
            ),
            lambda batch: ledger.audit_sent(int(batch[-1]["id"])),
            lambda e: str(e["id"]),
            lambda e: f"{e['at']}, {e['action']}",
        )
        report.add(report.pushed, "audit entries", len(through))


_AUDIT_FIELDS = ("id", "at", "actor", "action", "detail", "prev_hash", "hash")


def _session_row(s: Record, uid: str) -> tuple[Any, ...]:
    values = {**s, "workstation_uid": uid, "same_questions": bool(s["same_questions"])}
    return tuple(values[c] for c in push.SESSION_COLUMNS)


def _push_trainees(conn: psycopg.Connection[Any], uid: str, trainees: list[dict[str, Any]]) -> int:
    """Profiles sent in one transaction; a new one is linked to the person it is by the
    bundles' rule, against every profile the centre holds (one workstation at a time)."""
    from trainer.results.bundles import People, normalise_name, normalise_service_number

    keyed = [
        (t, normalise_service_number(t["service_number"]), normalise_name(str(t["name"])))
        for t in trainees
    ]

    def decide(
        known: dict[str, str], candidates: list[tuple[str, str, str, str, str | None]]
    ) -> list[Sequence[Any]]:
        people: People[str] = People(candidates)
        rows: list[Sequence[Any]] = []
        for t, service_key, name_key in keyed:
            person, reason = known.get(str(t["uid"])), ""
            if person is None:
                found, reason = people.match(t)
                person = found if found is not None else str(t["uid"])
                people.add(person, str(t["uid"]), t["name"], t["institution"], t["service_number"])
            rows.append(
                (
                    t["uid"],
                    uid,
                    person,
                    reason,
                    t["name"],
                    t["institution"],
                    t["service_number"],
                    service_key,
                    name_key,
                    t["gender"],
                    t["province"],
                    t["created_at"],
                    t["updated_at"],
                    t["function"],
                )
            )
        return rows

    push.push_trainees(
        conn,
        [str(t["uid"]) for t in trainees],
        [(str(t["institution"]), sk, nk) for t, sk, nk in keyed],
        decide,
    )
    return len(trainees)


# -- pull ------------------------------------------------------------------------------------
def _bad(what: str) -> CentralError:
    return CentralError(
        f"the central database sent data that was refused: {what}",
        code=ErrorCode.CENTRAL_BAD_DATA,
        params={"what": what},
    )


def _pull(
    conn: psycopg.Connection[Any],
    database: Database,
    report: SyncReport,
    library_dir: Path | None,
    shipped_banks: Path | None,
) -> None:
    ledger = SyncLedger(database)
    steps: list[tuple[str, Callable[[], int]]] = [
        ("staff accounts", lambda: ledger.take_accounts(_checked_accounts(push.accounts(conn)))),
        ("keys", lambda: ledger.take_keys(_checked_keys(push.trusted_keys(conn), report))),
        ("revocations", lambda: _take_revocations(database, push.revocations(conn))),
    ]
    for kind, step in steps:
        try:
            report.add(report.pulled, kind, step())
        except CentralError as exc:
            report.errors.append(exc)
    if library_dir is not None:
        _pull_banks(conn, database, report, library_dir, shipped_banks)


def _checked_accounts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from trainer.storage.accounts import KdfParams

    for a in rows:
        name = a.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_ACCOUNT_NAME:
            raise _bad("a staff account without a valid name")
        if a.get("role") not in ("trainer", "coordinator"):
            raise _bad(f"staff account {name!r} has an unknown role")
        for key in ("password_hash", "salt"):
            value = a.get(key)
            if not isinstance(value, bytes | bytearray | memoryview) or not 8 <= len(value) <= 1024:
                raise _bad(f"staff account {name!r} has no valid password hash")
            a[key] = bytes(value)
        try:
            kdf = KdfParams.decode(str(a.get("kdf")))
        except (TrainerError, ValueError, TypeError, KeyError):
            raise _bad(f"staff account {name!r} names an unknown password scheme") from None
        # bounded: a cost the server chose must not take a workstation's memory at sign-in
        if not (2**10 <= kdf.n <= 2**20 and kdf.n & (kdf.n - 1) == 0 and 1 <= kdf.r <= 32):
            raise _bad(f"staff account {name!r} names a password cost out of bounds")
        if not 1 <= kdf.p <= 16:
            raise _bad(f"staff account {name!r} names a password cost out of bounds")
        if not isinstance(a.get("disabled"), bool) or not isinstance(a.get("updated_at"), str):
            raise _bad(f"staff account {name!r} is incomplete")
    return rows


def _checked_keys(rows: list[dict[str, Any]], report: SyncReport) -> list[dict[str, Any]]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from trainer.certificates.signing import key_id
    from trainer.text import printable

    out = []
    for k in rows:
        if k.get("workstation_uid") == report.workstation:
            continue  # our own key, as we sent it
        raw = k.get("public_key")
        if not isinstance(raw, bytes | bytearray | memoryview) or len(raw) != 32:
            raise _bad("a public key that is not an Ed25519 key")
        try:
            derived = key_id(Ed25519PublicKey.from_public_bytes(bytes(raw)))
        except ValueError:
            raise _bad("a public key that is not an Ed25519 key") from None
        if derived != k.get("key_id"):
            raise _bad(f"key {printable(str(k.get('key_id')))[:40]} does not match its id")
        name = k.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 200:
            raise _bad(f"key {derived} has no valid name")
        out.append({"key_id": derived, "public_key": bytes(raw), "name": printable(name)})
    return out


def _take_revocations(database: Database, rows: list[dict[str, Any]]) -> int:
    """Revocations taken as a revocation list or bundle is: the first news kept, a
    certificate of this register marked revoked."""
    from trainer.storage.bundles import BundleRepository
    from trainer.storage.certificates import Revocation

    checked = []
    for r in rows:
        issuer, number, reason = r.get("issuer_key_id"), r.get("number"), r.get("reason")
        if not (
            isinstance(issuer, str)
            and 0 < len(issuer) <= 64
            and isinstance(number, str)
            and 0 < len(number) <= 64
            and isinstance(reason, str)
            and len(reason) <= 2000
            and isinstance(r.get("revoked_at"), str)
        ):
            raise _bad("a revocation that is incomplete or far too long")
        checked.append(Revocation(issuer, number, reason, str(r["revoked_at"])))
    taken = 0
    with BundleRepository(database).merging() as merge:
        for revocation in checked:
            known = merge.registered(revocation.issuer_key_id, revocation.number)
            if known is not None and known[1] == "valid":
                merge.mark_revoked(known[0], revocation)
                taken += 1
            elif merge.remember_revocation(revocation):
                taken += 1
    return taken


def _pull_banks(
    conn: psycopg.Connection[Any],
    database: Database,
    report: SyncReport,
    library_dir: Path,
    shipped_banks: Path | None,
) -> None:
    """Banks published to the centre, each checked and added to the library as a bank file
    a trainer imports (a bank that does not load is named in the report, not added)."""
    from trainer.banks.library import BankLibrary
    from trainer.paths import shipped_banks_dir

    ledger = SyncLedger(database)
    taken = ledger.banks_taken()
    library = BankLibrary(
        database,
        shipped_banks if shipped_banks is not None else shipped_banks_dir(),
        library_dir,
        actor="central",
    )
    for b in push.bank_list(conn):
        content_hash = str(b["content_hash"])
        if content_hash in taken:
            continue
        if int(b["size"]) > MAX_BANK_BYTES:
            report.errors.append(_bad(f"bank {b['bank_id']} is larger than a bank may be"))
            continue
        content = push.bank_content(conn, content_hash)
        if hashlib.sha256(content).hexdigest() != content_hash:
            report.errors.append(_bad(f"bank {b['bank_id']} does not match its digest"))
            continue
        library_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=library_dir.parent) as folder:
            path = Path(folder) / "published-bank.yaml"
            path.write_bytes(content)
            try:
                library.import_bank(path)
                outcome = "added"
                report.add(report.pulled, "banks", 1)
            except TrainerError as exc:
                outcome = f"refused: {exc.message}"
                report.errors.append(
                    CentralError(
                        f"the bank {b['bank_id']} {b['version']} published to the centre was "
                        f"not added: {exc.message}",
                        code=ErrorCode.CENTRAL_BAD_DATA,
                        params={"what": f"bank {b['bank_id']}"},
                    )
                )
        ledger.bank_taken(content_hash, outcome)
