"""Where the central PostgreSQL is and how to sign in to it (no Qt).

A workstation is connected to a central database by an address such as
``postgresql://ws_3f9a@server.example:5432/tip?sslmode=verify-full&sslrootcert=/path/ca.pem``,
given in Staff → Network, on the command line (``--central URL``) or in the
``TIP_TRAINER_CENTRAL`` environment variable. The address without its password is kept in
``central.json`` in the data folder; the password goes to ``central-password`` in the
keys folder, a file readable by its owner only (POSIX mode 0600; on Windows the data
folder lives in the user's profile, whose default access list admits that user and the
system only). The password is never shown again: ``CentralConfig.display_url`` and
``repr`` leave it out.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from trainer.errors import CentralError, ErrorCode
from trainer.files import TooLargeError, read_bounded, replace_atomically
from trainer.privacy import PRIVATE_FILE, private_file, private_folder

ENV_VAR = "TIP_TRAINER_CENTRAL"
CONFIG_NAME = "central.json"
PASSWORD_NAME = "central-password"
MAX_CONFIG_BYTES = 16 * 1024
MAX_PASSWORD_CHARS = 1024
DEFAULT_PORT = 5432
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,63}$")
_HOST = re.compile(r"^[A-Za-z0-9_.\-:\[\]]{1,253}$")


@dataclass(frozen=True)
class CentralConfig:
    """A central database address; ``password`` is never part of what is shown or saved
    in ``central.json``."""

    host: str
    dbname: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"
    sslrootcert: str | None = None
    connect_timeout: int = 5
    password: str | None = field(default=None, repr=False, compare=False)

    def display_url(self) -> str:
        """The address as people may see it: never the password."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        url = f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.dbname)}"
        query = [f"sslmode={self.sslmode}"]
        if self.sslrootcert:
            query.append(f"sslrootcert={quote(self.sslrootcert, safe='/:')}")
        return url + "?" + "&".join(query)

    def with_password(self, password: str | None) -> CentralConfig:
        return replace(self, password=password)


def _bad(reason: str) -> CentralError:
    return CentralError(
        f"the central database address is not valid: {reason}",
        code=ErrorCode.CENTRAL_BAD_ADDRESS,
        params={"reason": reason},
    )


def check(config: CentralConfig) -> CentralConfig:
    """The config itself when every field is sound, else a CentralError saying which."""
    if not _HOST.match(config.host):
        raise _bad("the server name is missing or has characters a server name cannot have")
    if not _NAME.match(config.dbname):
        raise _bad("the database name is missing or not a plain name")
    if not _NAME.match(config.user):
        raise _bad("the user name is missing or not a plain name")
    if not 1 <= config.port <= 65535:
        raise _bad("the port must be between 1 and 65535")
    if config.sslmode not in SSL_MODES:
        raise _bad(f"sslmode must be one of {', '.join(SSL_MODES)}")
    if config.sslrootcert is not None and (
        not config.sslrootcert or len(config.sslrootcert) > 1024 or "\0" in config.sslrootcert
    ):
        raise _bad("sslrootcert must be the path of a certificate file")
    if not 1 <= config.connect_timeout <= 120:
        raise _bad("connect_timeout must be between 1 and 120 seconds")
    if config.password is not None and (
        len(config.password) > MAX_PASSWORD_CHARS or "\0" in config.password
    ):
        raise _bad("the password is too long or holds a NUL character")
    return config


def from_url(url: str) -> CentralConfig:
    """The config an address names (``postgresql://user[:password]@host[:port]/dbname
    [?sslmode=…&sslrootcert=…&connect_timeout=…]``), its password (if any) included."""
    if len(url) > 4096:
        raise _bad("the address is far too long")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise _bad(str(exc)) from None
    if parts.scheme not in ("postgresql", "postgres"):
        raise _bad("it must start with postgresql://")
    if parts.fragment:
        raise _bad("it cannot have a # part")
    query = parse_qs(parts[3], keep_blank_values=True, strict_parsing=False)  # the ?… part
    known = {"sslmode", "sslrootcert", "connect_timeout"}
    unknown = sorted(set(query) - known)
    if unknown:
        raise _bad(f"unknown option {unknown[0]!r}")
    if any(len(v) != 1 for v in query.values()):
        raise _bad("an option is given twice")
    timeout_text = query.get("connect_timeout", ["5"])[0]
    if not timeout_text.isdigit():
        raise _bad("connect_timeout must be a whole number of seconds")
    return check(
        CentralConfig(
            host=parts.hostname or "",
            port=port or DEFAULT_PORT,
            dbname=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
            sslmode=query.get("sslmode", ["prefer"])[0],
            sslrootcert=query.get("sslrootcert", [None])[0],
            connect_timeout=int(timeout_text),
            password=unquote(parts.password) if parts.password is not None else None,
        )
    )


def config_path(data_dir: Path) -> Path:
    return data_dir / CONFIG_NAME


def password_path(data_dir: Path) -> Path:
    return data_dir / "keys" / PASSWORD_NAME


def _unreadable(reason: str, where: Path) -> CentralError:
    return CentralError(
        f"the central database settings cannot be read: {reason}",
        where=str(where),
        code=ErrorCode.CENTRAL_SETTINGS_UNREADABLE,
        params={"reason": reason},
    )


def load(data_dir: Path) -> CentralConfig | None:
    """The saved address with its password, or None when this workstation is not
    connected to a central database."""
    path = config_path(data_dir)
    try:
        data = read_bounded(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return None
    except TooLargeError:
        raise _unreadable("the file is far too large", path) from None
    except OSError as exc:
        raise _unreadable(exc.strerror or str(exc), path) from None
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _unreadable("it is not the expected JSON", path) from None
    if not isinstance(raw, dict):
        raise _unreadable("it is not the expected JSON", path)
    fields: dict[str, type | tuple[type, ...]] = {
        "host": str,
        "dbname": str,
        "user": str,
        "port": int,
        "sslmode": str,
        "sslrootcert": (str, type(None)),
        "connect_timeout": int,
    }
    if set(raw) != set(fields) or not all(
        isinstance(raw[k], t) and not isinstance(raw[k], bool) for k, t in fields.items()
    ):
        raise _unreadable("its fields are not the expected ones", path)
    try:
        config = check(CentralConfig(**raw))
    except CentralError as exc:
        raise _unreadable(exc.message, path) from None
    return config.with_password(_load_password(data_dir))


def _load_password(data_dir: Path) -> str | None:
    path = password_path(data_dir)
    try:
        data = read_bounded(path, MAX_PASSWORD_CHARS * 4)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unreadable(exc.strerror or str(exc), path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _unreadable("the password file is not text", path) from None


def save(data_dir: Path, config: CentralConfig, password: str | None) -> None:
    """Keep the address (``central.json``) and the password (owner-only file); a None
    password removes a saved one (trust authentication, or a client certificate)."""
    config = check(config.with_password(password))

    def fail(exc: OSError) -> CentralError:
        return CentralError(
            f"the central database settings cannot be saved ({exc.strerror})",
            where=str(data_dir),
            code=ErrorCode.CENTRAL_SETTINGS_UNREADABLE,
            params={"reason": exc.strerror or str(exc)},
        )

    keys = private_folder(data_dir / "keys")
    secret = password_path(data_dir)
    if password is None:
        try:
            secret.unlink(missing_ok=True)
        except OSError as exc:
            raise fail(exc) from None
    else:

        def write_secret(tmp: Path) -> None:
            # created owner-only: the password is never readable by others, even briefly
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
            with os.fdopen(fd, "wb") as handle:
                handle.write(password.encode("utf-8"))
            private_file(tmp)

        replace_atomically(keys / PASSWORD_NAME, write_secret, fail=fail)
    saved = asdict(config)
    del saved["password"]
    text = json.dumps(saved, indent=1, sort_keys=True) + "\n"

    def write_config(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")
        private_file(tmp)

    replace_atomically(config_path(data_dir), write_config, fail=fail)


def forget(data_dir: Path) -> None:
    """Disconnect this workstation: the address and the password are removed."""
    for path in (config_path(data_dir), password_path(data_dir)):
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise _unreadable(exc.strerror or str(exc), path) from None


def resolve(data_dir: Path, url: str | None = None) -> CentralConfig | None:
    """The central database to use: ``url`` (``--central``), else the environment
    variable, else the saved address; None when there is none. A password missing from
    a given address is taken from the saved one when both name the same server and user."""
    given = url if url is not None else os.environ.get(ENV_VAR) or None
    saved = load(data_dir)
    if given is None:
        return saved
    config = from_url(given)
    if (
        config.password is None
        and saved is not None
        and (saved.host, saved.port, saved.user) == (config.host, config.port, config.user)
    ):
        config = config.with_password(saved.password)
    return config
