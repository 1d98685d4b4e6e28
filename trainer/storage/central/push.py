"""The central server's side of a sync (no Qt): what a workstation writes and reads.

Every write is idempotent: rows are known by their global keys (uids, attempt uid and
slot or sequence, issuer key and number, workstation and audit id) and a row the server
holds already is left as it is (``ON CONFLICT DO NOTHING``), so a batch sent twice —
after a cut connection, a crash or a killed process — leaves the same rows. Answers go
in with ``COPY`` into a temporary table, then one ``INSERT … SELECT`` (``COPY`` itself
cannot skip rows already there, and row-level security checks ``INSERT``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from trainer import __version__
from trainer.errors import CentralError, ErrorCode
from trainer.storage.sessions import SESSION_FIELDS

if TYPE_CHECKING:
    import psycopg

Row = dict[str, Any]

ATTEMPT_COLUMNS = (
    "uid",
    "workstation_uid",
    "trainee_uid",
    "bank_id",
    "bank_version",
    "bank_hash",
    "module_id",
    "module_title",
    "audiences",
    "behaviour",
    "language",
    "seed",
    "pass_mark",
    "review",
    "training_hours",
    "started_at",
    "deadline",
    "finished_at",
    "state",
    "score",
    "max_score",
    "percent",
    "passed",
)
QUESTION_COLUMNS = (
    "attempt_uid",
    "slot",
    "workstation_uid",
    "question_id",
    "kind",
    "topic",
    "max_mark",
    "snapshot",
    "response",
    "fraction",
    "mark",
    "flagged",
    "first_shown_at",
    "answered_at",
    "seconds_spent",
)
STEP_COLUMNS = (
    "attempt_uid",
    "seq",
    "workstation_uid",
    "slot",
    "action",
    "response",
    "fraction",
    "created_at",
)
TRAINEE_COLUMNS = (
    "uid",
    "workstation_uid",
    "person_uid",
    "person_reason",
    "name",
    "institution",
    "service_number",
    "service_key",
    "name_key",
    "gender",
    "province",
    "created_at",
    "updated_at",
    "function",
)
# The central training_sessions table holds the fields a bundle carries, no more.
SESSION_COLUMNS = SESSION_FIELDS
SESSION_TEST_COLUMNS = ("attempt_uid", "workstation_uid", "session_uid", "phase")
CERTIFICATE_COLUMNS = (
    "issuer_key_id",
    "number",
    "workstation_uid",
    "year",
    "seq",
    "kind",
    "trainee_uid",
    "trainee_name",
    "institution",
    "attempt_uid",
    "subject",
    "modules",
    "programme_name",
    "audiences",
    "score",
    "training_hours",
    "certified_on",
    "issued_at",
    "issuer_name",
    "code",
    "status",
    "revoked_at",
    "revoked_reason",
)
AUDIT_COLUMNS = (
    "workstation_uid",
    "local_id",
    "at",
    "actor",
    "action",
    "detail",
    "prev_hash",
    "hash",
)
# Bounds on what a pull reads (a server sending millions of rows is refused, not read).
MAX_PULLED_ACCOUNTS = 10_000
MAX_PULLED_KEYS = 10_000
MAX_PULLED_REVOCATIONS = 1_000_000
MAX_PULLED_BANKS = 1_000


def _columns(names: Sequence[str]) -> str:
    return ", ".join(names)


def own_workstation(conn: psycopg.Connection[Any]) -> tuple[str, int, str]:
    """(uid, station, name) of the workstation the connection's user is."""
    row = conn.execute(
        "SELECT uid, station, name FROM workstations WHERE role_name = current_user"
    ).fetchone()
    if row is None:
        user = str(conn.info.user)
        raise CentralError(
            f"the central database user {user!r} is not registered as a workstation "
            "(python -m trainer central add-workstation)",
            code=ErrorCode.CENTRAL_NOT_A_WORKSTATION,
            params={"user": user},
        )
    return str(row[0]), int(row[1]), str(row[2])


def prepare_session(conn: psycopg.Connection[Any]) -> None:
    """A commit the workstation is told of is on the server's disk: the outbox is emptied
    after it, so a server set to ``synchronous_commit = off`` must not lose it in a crash."""
    conn.execute("SET synchronous_commit = on")


def record_sync(conn: psycopg.Connection[Any]) -> None:
    with conn.transaction():
        conn.execute(
            "UPDATE workstations SET last_sync_at = now(), app_version = %s"
            " WHERE role_name = current_user",
            (__version__,),
        )


def _stage(
    cur: psycopg.Cursor[Any], table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """``rows`` copied into the session's temporary twin of ``table`` (emptied at commit)."""
    cur.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS push_{table} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
    )
    with cur.copy(f"COPY push_{table} ({_columns(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _merge_staged(cur: psycopg.Cursor[Any], table: str, columns: Sequence[str]) -> int:
    """The staged rows added to ``table``; those it holds already are left as they are.
    Usually every row is new: a plain insert is tried first (in a savepoint), and only a
    batch sent again after an interruption takes the slower ``ON CONFLICT`` path."""
    import psycopg

    insert = (
        f"INSERT INTO {table} ({_columns(columns)}) SELECT {_columns(columns)} FROM push_{table}"
    )
    try:
        with cur.connection.transaction():
            cur.execute(insert)
    except psycopg.errors.UniqueViolation:
        cur.execute(insert + " ON CONFLICT DO NOTHING")
    return max(cur.rowcount, 0)


def push_attempts(
    conn: psycopg.Connection[Any],
    attempts: Sequence[Sequence[Any]],
    questions: Sequence[Sequence[Any]],
    steps: Sequence[Sequence[Any]],
) -> tuple[int, int, int]:
    """Finished attempts with their questions and steps, in one transaction (rows in the
    order of ``*_COLUMNS``). Returns how many of each the server did not hold yet."""
    with conn.transaction(), conn.cursor() as cur:
        _stage(cur, "attempts", ATTEMPT_COLUMNS, attempts)
        _stage(cur, "attempt_questions", QUESTION_COLUMNS, questions)
        _stage(cur, "steps", STEP_COLUMNS, steps)
        added = (
            _merge_staged(cur, "attempts", ATTEMPT_COLUMNS),
            _merge_staged(cur, "attempt_questions", QUESTION_COLUMNS),
            _merge_staged(cur, "steps", STEP_COLUMNS),
        )
    return added


def push_trainees(
    conn: psycopg.Connection[Any],
    uids: Sequence[str],
    keys: Sequence[tuple[str, str | None, str]],
    decide: Callable[
        [dict[str, str], list[tuple[str, str, str, str, str | None]]], list[Sequence[Any]]
    ],
) -> None:
    """Profiles sent in one transaction, one workstation at a time: ``decide(known,
    candidates)`` gets the person uid of the profiles the server holds among ``uids`` and
    the profiles that may be the same person as one of ``keys``, and returns the rows
    (``TRAINEE_COLUMNS``) to add or update."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('tip-trainer people'))")
        rows = decide(known_trainees(conn, uids), candidates(conn, keys))
        upsert_trainees(conn, rows)


def known_trainees(conn: psycopg.Connection[Any], uids: Sequence[str]) -> dict[str, str]:
    """uid → person uid of the profiles the server holds among ``uids``."""
    rows = conn.execute(
        "SELECT uid, person_uid FROM trainees WHERE uid = ANY(%s)", (list(uids),)
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def candidates(
    conn: psycopg.Connection[Any], keys: Sequence[tuple[str, str | None, str]]
) -> list[tuple[str, str, str, str, str | None]]:
    """(person uid, uid, name, institution, service number) of the profiles that may be
    the same person as one of ``keys`` (institution, service key, name key): the same
    institution and the same service number or name."""
    institutions = [k[0] for k in keys]
    # two index lookups per key (a join each), not a scan of every profile
    rows = conn.execute(
        "SELECT person_uid, uid, name, institution, service_number FROM ("
        " SELECT t.* FROM trainees t JOIN unnest(%s::text[], %s::text[]) AS k (inst, sk)"
        " ON t.institution = k.inst AND t.service_key = k.sk"
        " UNION SELECT t.* FROM trainees t JOIN unnest(%s::text[], %s::text[]) AS k (inst, nk)"
        " ON t.institution = k.inst AND t.name_key = k.nk) AS found"
        " ORDER BY received_at, uid",
        (institutions, [k[1] for k in keys], institutions, [k[2] for k in keys]),
    ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]


def upsert_trainees(conn: psycopg.Connection[Any], rows: Sequence[Sequence[Any]]) -> None:
    """Profiles (``TRAINEE_COLUMNS``): added, or a newer edit taken (the person kept)."""
    with conn.cursor() as cur:
        cur.executemany(
            f"INSERT INTO trainees ({_columns(TRAINEE_COLUMNS)})"
            f" VALUES ({', '.join(['%s'] * len(TRAINEE_COLUMNS))})"
            " ON CONFLICT (uid) DO UPDATE SET name = excluded.name,"
            " institution = excluded.institution, service_number = excluded.service_number,"
            " service_key = excluded.service_key, name_key = excluded.name_key,"
            " gender = excluded.gender, province = excluded.province,"
            " function = excluded.function, updated_at = excluded.updated_at"
            " WHERE trainees.updated_at < excluded.updated_at"
            # a profile sent before the centre kept functions: its function is taken
            " OR (trainees.updated_at = excluded.updated_at AND trainees.function IS NULL"
            " AND excluded.function IS NOT NULL)",
            [tuple(r) for r in rows],
        )


def push_sessions(conn: psycopg.Connection[Any], rows: Sequence[Sequence[Any]]) -> None:
    """Training sessions (``SESSION_COLUMNS``): added, or a newer edit taken (the bundles'
    rule: only the workstation that made a session changes it, row-level security
    holds the server to that)."""
    fields = [c for c in SESSION_COLUMNS if c not in ("uid", "workstation_uid", "created_at")]
    with conn.transaction(), conn.cursor() as cur:
        cur.executemany(
            f"INSERT INTO training_sessions ({_columns(SESSION_COLUMNS)})"
            f" VALUES ({', '.join(['%s'] * len(SESSION_COLUMNS))})"
            f" ON CONFLICT (uid) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in fields)}"
            " WHERE training_sessions.updated_at < excluded.updated_at",
            [tuple(r) for r in rows],
        )


def push_session_tests(conn: psycopg.Connection[Any], rows: Sequence[Sequence[Any]]) -> int:
    """Which attempts were a session's pre-test or post-test (``SESSION_TEST_COLUMNS``);
    a mark the server holds already is left as it is. Returns how many were new."""
    with conn.transaction(), conn.cursor() as cur:
        _stage(cur, "session_tests", SESSION_TEST_COLUMNS, rows)
        return _merge_staged(cur, "session_tests", SESSION_TEST_COLUMNS)


def push_certificates(conn: psycopg.Connection[Any], rows: Sequence[Sequence[Any]]) -> int:
    """Certificates (``CERTIFICATE_COLUMNS``) and, for revoked ones, their revocation;
    a certificate the server holds as valid takes a revocation. Returns how many were new."""
    added = 0
    with conn.transaction(), conn.cursor() as cur:
        for row in rows:
            c = dict(zip(CERTIFICATE_COLUMNS, row, strict=True))
            cur.execute(
                f"INSERT INTO certificates ({_columns(CERTIFICATE_COLUMNS)})"
                f" VALUES ({', '.join(['%s'] * len(CERTIFICATE_COLUMNS))})"
                " ON CONFLICT DO NOTHING",
                tuple(row),
            )
            added += max(cur.rowcount, 0)
            if c["status"] == "revoked":
                cur.execute(
                    "UPDATE certificates SET status = 'revoked', revoked_at = %s,"
                    " revoked_reason = %s WHERE issuer_key_id = %s AND number = %s"
                    " AND status = 'valid'",
                    (c["revoked_at"], c["revoked_reason"], c["issuer_key_id"], c["number"]),
                )
                cur.execute(
                    "INSERT INTO revocations (issuer_key_id, number, workstation_uid, reason,"
                    " revoked_at) VALUES (%s, %s, %s, %s, coalesce(%s::timestamptz, now()))"
                    " ON CONFLICT DO NOTHING",
                    (
                        c["issuer_key_id"],
                        c["number"],
                        c["workstation_uid"],
                        c["revoked_reason"] or "",
                        c["revoked_at"],
                    ),
                )
    return added


def push_audit(conn: psycopg.Connection[Any], rows: Sequence[Sequence[Any]]) -> int:
    with conn.transaction(), conn.cursor() as cur:
        _stage(cur, "audit_log", AUDIT_COLUMNS, rows)
        return _merge_staged(cur, "audit_log", AUDIT_COLUMNS)


def push_key(
    conn: psycopg.Connection[Any], key_id: str, workstation_uid: str, public_key: bytes, name: str
) -> None:
    with conn.transaction():
        conn.execute(
            "INSERT INTO trusted_keys (key_id, workstation_uid, public_key, name)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (key_id, workstation_uid, public_key, name),
        )


# -- what a workstation pulls ------------------------------------------------------------------
def _bounded(conn: psycopg.Connection[Any], sql: str, limit: int, what: str) -> list[Row]:
    cur = conn.execute(f"{sql} LIMIT {limit + 1}")
    names = [d.name for d in cur.description or []]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    if len(rows) > limit:
        raise CentralError(
            f"the central database sent more {what} than this program takes ({limit})",
            code=ErrorCode.CENTRAL_BAD_DATA,
            params={"what": what},
        )
    return rows


def accounts(conn: psycopg.Connection[Any]) -> list[Row]:
    return _bounded(
        conn,
        "SELECT name, role, password_hash, salt, kdf, disabled,"
        " to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
        " AS updated_at FROM accounts ORDER BY name",
        MAX_PULLED_ACCOUNTS,
        "staff accounts",
    )


def trusted_keys(conn: psycopg.Connection[Any]) -> list[Row]:
    return _bounded(
        conn,
        "SELECT k.key_id, k.public_key, k.name, k.workstation_uid FROM trusted_keys k"
        " ORDER BY k.key_id",
        MAX_PULLED_KEYS,
        "keys",
    )


def revocations(conn: psycopg.Connection[Any]) -> list[Row]:
    return _bounded(
        conn,
        "SELECT issuer_key_id, number, reason,"
        " to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
        " AS revoked_at FROM revocations ORDER BY issuer_key_id, number",
        MAX_PULLED_REVOCATIONS,
        "revocations",
    )


def bank_list(conn: psycopg.Connection[Any]) -> list[Row]:
    """(content hash, bank id, version, file name, size) of the published banks."""
    return _bounded(
        conn,
        "SELECT content_hash, bank_id, version, file_name, length(content) AS size FROM banks"
        " ORDER BY published_at, content_hash",
        MAX_PULLED_BANKS,
        "banks",
    )


def bank_content(conn: psycopg.Connection[Any], content_hash: str) -> bytes:
    row = conn.execute(
        "SELECT content FROM banks WHERE content_hash = %s", (content_hash,)
    ).fetchone()
    return bytes(row[0]) if row else b""


# -- what a coordinator publishes --------------------------------------------------------------
def publish_accounts(conn: psycopg.Connection[Any], rows: Sequence[Row]) -> int:
    """Staff accounts published (a newer copy replaces the central one)."""
    changed = 0
    with conn.transaction(), conn.cursor() as cur:
        for a in rows:
            cur.execute(
                "INSERT INTO accounts (name, role, password_hash, salt, kdf, disabled, updated_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (name) DO UPDATE SET"
                " role = excluded.role, password_hash = excluded.password_hash,"
                " salt = excluded.salt, kdf = excluded.kdf, disabled = excluded.disabled,"
                " updated_at = excluded.updated_at WHERE accounts.updated_at < excluded.updated_at",
                (
                    a["name"],
                    a["role"],
                    bytes(a["password_hash"]),
                    bytes(a["salt"]),
                    a["kdf"],
                    bool(a["disabled"]),
                    a["updated_at"],
                ),
            )
            changed += max(cur.rowcount, 0)
    return changed


def publish_bank(
    conn: psycopg.Connection[Any],
    content_hash: str,
    bank_id: str,
    version: str,
    file_name: str,
    content: bytes,
    published_by: str,
) -> bool:
    with conn.transaction():
        cur = conn.execute(
            "INSERT INTO banks (content_hash, bank_id, version, file_name, content, published_by)"
            " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (content_hash, bank_id, version, file_name, content, published_by),
        )
        return cur.rowcount > 0
