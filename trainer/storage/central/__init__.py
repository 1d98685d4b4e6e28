"""The central PostgreSQL: connection, schema migrations, roles (no Qt).

Only this package speaks SQL to the central server. ``connect(config)`` opens a
connection with errors made plain (``CentralError`` with a code the interface can
translate); ``check_compatible`` refuses a server whose schema this program does not
know; ``init_server`` and ``add_workstation`` are the administrator's commands
(``python -m trainer central init-server`` / ``add-workstation``).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer import __version__
from trainer.errors import CentralError, ErrorCode

if TYPE_CHECKING:
    import psycopg

    from trainer.central.config import CentralConfig

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ROLE_PREFIX = "tip_ws_"
WORKSTATION_GROUP = "tip_workstation"
COORDINATOR_GROUP = "tip_coordinator"
# The oldest program that may write to a server of this schema (central_meta).
MIN_APP_VERSION = "0.1.0"
_UID = re.compile(r"^[0-9a-f]{32}$")
# One server-wide lock while the schema is changed (two administrators at once).
_MIGRATION_LOCK = 0x7469705F6D6967  # "tip_mig"


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every central migration shipped, in order."""
    found = []
    for entry in MIGRATIONS_DIR.glob("*.sql"):
        found.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text("utf-8")))
    found.sort()
    return found


def schema_version() -> int:
    """The central schema this program writes (the newest migration it ships)."""
    return max(v for v, _, _ in available_migrations())


def _version_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(".")[:3])
    except ValueError:
        return (10**6,)  # not a version this program can compare: take it as newer


def _plain(exc: Exception, config: CentralConfig) -> CentralError:
    """What a failed connection means, said plainly."""
    import psycopg

    text = str(exc)
    state = getattr(exc, "sqlstate", None)
    if state in ("28P01", "28000") or "password authentication failed" in text:
        return CentralError(
            f"the central database refused the user {config.user!r} or its password",
            code=ErrorCode.CENTRAL_WRONG_PASSWORD,
            params={"user": config.user},
        )
    if "no password supplied" in text:
        return CentralError(
            f"the central database needs a password for the user {config.user!r}",
            code=ErrorCode.CENTRAL_WRONG_PASSWORD,
            params={"user": config.user},
        )
    if state == "3D000":
        return CentralError(
            f"the central database {config.dbname!r} does not exist on {config.host}",
            code=ErrorCode.CENTRAL_NOT_PREPARED,
        )
    if "SSL" in text or "certificate" in text.lower():
        reason = text.strip().splitlines()[-1][:200] if text.strip() else "TLS error"
        return CentralError(
            f"the secure connection to the central database failed: {reason}",
            code=ErrorCode.CENTRAL_TLS_FAILED,
            params={"reason": reason},
        )
    if isinstance(exc, psycopg.OperationalError):
        return CentralError(
            f"the central database server {config.host}:{config.port} cannot be reached",
            code=ErrorCode.CENTRAL_UNREACHABLE,
            params={"host": f"{config.host}:{config.port}"},
        )
    return CentralError(
        f"the central database refused the change: {text[:200]}",
        code=ErrorCode.CENTRAL_REFUSED,
        params={"reason": text[:200]},
    )


def lost(exc: Exception) -> CentralError:
    """A connection that broke during a sync: what was not committed is sent again."""
    import psycopg

    if isinstance(exc, psycopg.OperationalError | psycopg.errors.AdminShutdown):
        return CentralError(
            "the connection to the central database was lost; what was not confirmed "
            "will be sent again next time",
            code=ErrorCode.CENTRAL_CONNECTION_LOST,
        )
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    return CentralError(
        f"the central database refused the change: {text}",
        code=ErrorCode.CENTRAL_REFUSED,
        params={"reason": text},
    )


def refusal(exc: BaseException) -> str | None:
    """The server's reason when ``exc`` is the server refusing the rows it was sent (a
    check, a missing value, row-level security, a value of the wrong form): those rows
    are held back and the rest goes on. None for anything else — a lost connection, an
    unreachable or incompatible server — after which everything stays queued."""
    import psycopg

    refused = (
        psycopg.IntegrityError,
        psycopg.DataError,
        psycopg.errors.InsufficientPrivilege,
        psycopg.errors.RaiseException,
    )
    if not isinstance(exc, refused):
        return None
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    reason = lines[0] if lines else type(exc).__name__
    detail = getattr(getattr(exc, "diag", None), "message_detail", None)
    if detail:
        reason = f"{reason} ({detail.strip()})"
    return reason[:500]


def connect(config: CentralConfig, *, autocommit: bool = True) -> psycopg.Connection[Any]:
    """A connection to the central database, or a CentralError that says why not.

    In autocommit mode by default: every change is made inside ``conn.transaction()``."""
    import psycopg

    params: dict[str, Any] = {
        "host": config.host,
        "port": config.port,
        "dbname": config.dbname,
        "user": config.user,
        "sslmode": config.sslmode,
        "connect_timeout": config.connect_timeout,
        "application_name": f"tip-trainer {__version__}",
        # a dead server is noticed in seconds, not after the system's TCP timeout
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }
    if config.sslrootcert:
        params["sslrootcert"] = config.sslrootcert
    if config.password is not None:
        params["password"] = config.password
    try:
        return psycopg.connect(autocommit=autocommit, **params)
    except psycopg.Error as exc:
        raise _plain(exc, config) from None


def server_schema(conn: psycopg.Connection[Any]) -> tuple[int, str]:
    """(schema version, oldest app version allowed) the server holds; (0, "") when the
    server has not been prepared."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('central_meta') IS NOT NULL")
        row = cur.fetchone()
        if not row or not row[0]:
            return 0, ""
        cur.execute(
            "SELECT key, value FROM central_meta WHERE key IN ('schema_version', 'min_app_version')"
        )
        meta = {str(k): str(v) for k, v in cur.fetchall()}
    version_text = meta.get("schema_version", "0")
    if not version_text.isdigit() or len(version_text) > 9:
        raise CentralError(
            "the central database names a schema version this program cannot read",
            code=ErrorCode.CENTRAL_BAD_DATA,
            params={"what": "schema version"},
        )
    return int(version_text), meta.get("min_app_version", "")[:40]


def check_compatible(conn: psycopg.Connection[Any]) -> None:
    """Refuse a server this program cannot work with, saying why (nothing is written)."""
    server, min_app = server_schema(conn)
    ours = schema_version()
    if server == 0:
        raise CentralError(
            "the central database has not been prepared for TiP Trainer "
            "(python -m trainer central init-server)",
            code=ErrorCode.CENTRAL_NOT_PREPARED,
        )
    if server > ours:
        raise CentralError(
            f"the central database has schema version {server}, newer than this program "
            f"knows ({ours}): update TiP Trainer on this workstation",
            code=ErrorCode.CENTRAL_SCHEMA_NEWER,
            params={"server": server, "app": ours},
        )
    if server < ours:
        raise CentralError(
            f"the central database has schema version {server}, older than this program "
            f"needs ({ours}): upgrade it with python -m trainer central init-server",
            code=ErrorCode.CENTRAL_SCHEMA_OLDER,
            params={"server": server, "app": ours},
        )
    if min_app and _version_tuple(min_app) > _version_tuple(__version__):
        raise CentralError(
            f"the central database needs TiP Trainer {min_app} or newer; this is {__version__}",
            code=ErrorCode.CENTRAL_APP_TOO_OLD,
            params={"needed": min_app, "app": __version__},
        )


def init_server(conn: psycopg.Connection[Any]) -> list[int]:
    """Create or upgrade the central schema and its roles (as the database's owner); the
    migrations not yet applied, each in its own transaction. Safe to run again."""
    newly: list[int] = []
    server, _ = server_schema(conn)
    if server > schema_version():
        check_compatible(conn)
    for version, _name, sql in available_migrations():
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            done, _ = server_schema(conn)
            if version <= done:
                continue
            cur.execute(sql.encode("utf-8"))
            cur.execute(
                "INSERT INTO central_meta (key, value) VALUES ('schema_version', %s),"
                " ('min_app_version', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(version), MIN_APP_VERSION),
            )
        newly.append(version)
    return newly


def role_name(workstation_uid: str) -> str:
    return ROLE_PREFIX + workstation_uid


def add_workstation(
    conn: psycopg.Connection[Any], uid: str, name: str, *, coordinator: bool = False
) -> tuple[str, str, int]:
    """Register a workstation: its own login role with a new random password, and its
    station number. Returns (user, password, station); the password is shown once."""
    from psycopg import sql

    if not _UID.match(uid):
        raise CentralError(
            "a workstation id is 32 hexadecimal characters "
            "(python -m trainer sync --status shows it)"
        )
    name = " ".join(name.split())[:200] or uid
    check_compatible(conn)
    role = role_name(uid)
    password = secrets.token_urlsafe(24)
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        cur.execute("SELECT station FROM workstations WHERE uid = %s", (uid,))
        row = cur.fetchone()
        if row is not None:
            station = int(row[0])
            cur.execute(
                sql.SQL("ALTER ROLE {} WITH LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )
        else:
            cur.execute("SELECT coalesce(max(station), 0) + 1 FROM workstations")
            found = cur.fetchone()
            station = int(found[0]) if found else 1
            if station > 999:
                raise CentralError("the central database already has 999 workstations")
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            verb = "ALTER" if cur.fetchone() else "CREATE"
            cur.execute(
                sql.SQL(verb + " ROLE {} WITH LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )
            cur.execute(
                "INSERT INTO workstations (uid, role_name, name, station) VALUES (%s, %s, %s, %s)",
                (uid, role, name, station),
            )
        cur.execute(
            sql.SQL("GRANT {} TO {}").format(
                sql.Identifier(WORKSTATION_GROUP), sql.Identifier(role)
            )
        )
        if coordinator:
            cur.execute(
                sql.SQL("GRANT {} TO {}").format(
                    sql.Identifier(COORDINATOR_GROUP), sql.Identifier(role)
                )
            )
    return role, password, station
