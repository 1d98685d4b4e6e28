"""Training sessions in workstation bundles: every incoming field checked (no Qt).

Kept apart from trainer/results/bundles.py, which only calls ``check`` and the storage
functions: a session record names its participants by trainee uid and its tests by
attempt uid, so it merges like the rest of the bundle.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from trainer.places import PROVINCES
from trainer.sessions.service import AUDIENCES
from trainer.storage.sessions import MAX_DAYS, MAX_HOURS, SESSION_FIELDS, TEXT_MAX
from trainer.text import name_problem

_UID = re.compile(r"^[0-9A-Za-z_][0-9A-Za-z_-]{0,63}$")
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")
_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT[0-9:.+\-]{8,40}$")
MAX_SESSIONS = 10_000
MAX_PEOPLE = 5_000


def _uid(v: Any) -> bool:
    return isinstance(v, str) and bool(_UID.match(v))


def _stamp(v: Any) -> bool:
    return isinstance(v, str) and bool(_STAMP.match(v))


def _day(v: Any) -> bool:
    if not isinstance(v, str) or len(v) != 10:
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _text(v: Any, limit: int = TEXT_MAX) -> bool:
    return isinstance(v, str) and len(v) <= limit and not any(ord(c) < 32 and c != "\n" for c in v)


def _ref(v: Any) -> bool:
    if v is None:
        return True
    try:
        data = json.loads(v) if isinstance(v, str) and len(v) <= 400 else None
    except ValueError:
        return False
    return (
        isinstance(data, dict)
        and set(data) == {"bank", "id"}
        and all(isinstance(x, str) and _ID.match(x) for x in data.values())
    )


def _modules(v: Any) -> bool:
    try:
        data = json.loads(v) if isinstance(v, str) and len(v) <= 20_000 else None
    except ValueError:
        return False
    return isinstance(data, list) and len(data) <= 50 and all(_ref(json.dumps(m)) for m in data)


_RULES: dict[str, Any] = {
    "uid": _uid,
    "title": lambda v: isinstance(v, str) and name_problem(v, limit=TEXT_MAX).ok,
    "institution": lambda v: v in ("police", "prosecution", "judiciary", "other"),
    "venue": _text,
    "province": lambda v: v == "" or v in PROVINCES,
    "start_date": _day,
    "end_date": _day,
    "trainers": lambda v: _text(v, 20 * 210),
    "audiences": lambda v: isinstance(v, str) and all(a in AUDIENCES for a in v.split(",") if a),
    "modules": _modules,
    "planned_hours": lambda v: (
        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= MAX_HOURS
    ),
    "pre_test": _ref,
    "post_test": _ref,
    "same_questions": lambda v: v in (0, 1),
    "open_test": lambda v: v in (None, "pre", "post"),
    "workstation_uid": _uid,
    "created_at": _stamp,
    "updated_at": _stamp,
    "deleted_at": lambda v: v is None or _stamp(v),
}


def check(records: Any) -> str | None:
    """What is wrong with a bundle's sessions, or None (absent: a bundle of an earlier
    version, which carries none)."""
    if records is None:
        return None
    if not isinstance(records, list) or len(records) > MAX_SESSIONS:
        return "the sessions are not a list"
    for s in records:
        if not isinstance(s, dict) or set(SESSION_FIELDS) - set(s):
            return "a session record is incomplete"
        for key, rule in _RULES.items():
            if not rule(s[key]):
                return f"session {str(s.get('uid'))[:40]}: '{key}' is not valid"
        start, end = date.fromisoformat(s["start_date"]), date.fromisoformat(s["end_date"])
        if not 0 <= (end - start).days < MAX_DAYS:
            return f"session {s['uid']}: its dates are not valid"
        people, marks, tests = s.get("participants"), s.get("attendance"), s.get("tests")
        if not isinstance(people, list) or not all(_uid(u) for u in people):
            return f"session {s['uid']}: its participants are not valid"
        if not isinstance(marks, list) or not isinstance(tests, list):
            return f"session {s['uid']}: no attendance or tests list"
        if len(people) > MAX_PEOPLE or len(marks) > MAX_PEOPLE * MAX_DAYS:
            return f"session {s['uid']}: too many participants"
        for a in marks:
            if not (
                isinstance(a, dict)
                and _uid(a.get("trainee_uid"))
                and _day(a.get("day"))
                and start <= date.fromisoformat(a["day"]) <= end
                and a.get("present") in (0, 1)
                and _stamp(a.get("recorded_at"))
            ):
                return f"session {s['uid']}: an attendance mark is not valid"
        for t in tests:
            if not (
                isinstance(t, dict)
                and _uid(t.get("attempt_uid"))
                and t.get("phase") in ("pre", "post")
            ):
                return f"session {s['uid']}: a test record is not valid"
    return None
