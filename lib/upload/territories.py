"""Which territory each row of an upload names: a level and an INSEE code, or the project's id;
a column of territory names checks the code, or names the territory when the code is missing
and the name is unambiguous (never read as a code). Pure (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from lib.data import Dataset
from lib.i18n import Message, message
from lib.schema import Problem
from lib.upload.mapping import NAME_FIELD, header_key, name_keys
from lib.vocabulary import make_id

LEVEL_WORDS = {
    "region": "region",
    "reg": "region",
    "department": "department",
    "departement": "department",
    "dep": "department",
    "dept": "department",
    "commune": "commune",
    "com": "commune",
    "france": "france",
}
_UNPLACED = ("upload_territory_missing", "upload_code_missing")  # a name may place the row


def _resolve_one(
    tid: str, level: str, level_word: str, code: str, known: set[str]
) -> tuple[str | None, Message | None]:
    tid, code = tid.strip().upper(), code.strip()
    if tid:
        if tid in known:
            return tid, None
        if "-" not in tid and not level_word:
            return None, message("upload_code_ambiguous", code=tid)
        if "-" in tid:
            return None, message("upload_territory_unknown_id", territory=tid)
        code = tid
    if not level_word and not code:
        return None, message("upload_territory_missing")
    resolved_level = LEVEL_WORDS.get(level_word)
    if resolved_level is None:
        return None, message("upload_level_unknown", level=level)
    if not code and resolved_level != "france":
        return None, message("upload_code_missing")
    resolved = make_id(resolved_level, code)
    if resolved not in known:
        return None, message("upload_territory_unknown", level=level, code=code)
    return resolved, None


def _problem_column(problem: Message, tid: str) -> str:
    if problem.key == "upload_level_unknown":
        return "level"
    return "territory_id" if tid.strip() else "code"


def resolve_territories(
    frame: pd.DataFrame, dataset: Dataset, file: str
) -> tuple[pd.Series, list[Problem]]:
    """Each row's prefixed territory id (level + INSEE code, or the id; None when it cannot be
    told) and the problems, located by line (the header is line 1) and field."""
    empty = pd.Series("", index=frame.index)
    known = dataset.refs()["territories"]
    tids, levels, codes = (frame.get(c, empty) for c in ("territory_id", "level", "code"))
    words = {level: header_key(level) for level in levels.unique()}
    results = [
        _resolve_one(tid, level, words[level], code, known)
        for tid, level, code in zip(tids, levels, codes, strict=True)
    ]
    ids = pd.Series([r[0] for r in results], index=frame.index, dtype=object)
    messages = {i: m for i, (_, m) in zip(frame.index, results, strict=True) if m}
    columns = {
        i: _problem_column(messages[i], tid)
        for i, tid in zip(frame.index, tids, strict=True)
        if i in messages
    }
    if NAME_FIELD in frame and frame[NAME_FIELD].str.strip().ne("").any():
        _use_names(frame, levels, dataset, ids, messages, columns)
    problems = [Problem(file, int(i) + 2, columns[i], m) for i, m in messages.items()]
    return ids, sorted(problems, key=lambda p: p.line or 0)


def _use_names(
    frame: pd.DataFrame,
    levels: pd.Series,
    dataset: Dataset,
    ids: pd.Series,
    messages: dict,
    columns: dict,
) -> None:
    """Check each resolved row's name; name the territory of a row without a code when its name
    is unambiguous (at the row's level if given). Updates ids, messages and columns in place."""
    names = frame[NAME_FIELD].str.strip()
    territories = dataset.territories
    tids, keys = territories["territory_id"].tolist(), name_keys(territories["name"]).tolist()
    actual = dict(zip(tids, keys, strict=True))
    named = dict(zip(tids, territories["name"].tolist(), strict=True))
    wanted = set(name_keys(names[names != ""]))
    candidates: dict[str, list[tuple[str, str]]] = {}
    for tid, level, key in zip(tids, territories["level"].tolist(), keys, strict=True):
        if key in wanted:
            candidates.setdefault(key, []).append((tid, level))
    for i, name in names[names != ""].items():
        key, tid = header_key(name), ids[i]
        if tid is not None:
            if actual.get(tid) != key:
                messages[i] = message(
                    "upload_name_mismatch", name=name, actual=named[tid], territory=tid
                )
                columns[i] = NAME_FIELD
            continue
        if i not in messages or messages[i].key not in _UNPLACED:
            continue
        level = LEVEL_WORDS.get(header_key(levels[i]))
        found = [t for t, lv in candidates.get(key, []) if level is None or lv == level]
        if len(found) == 1:
            ids[i] = found[0]
            del messages[i], columns[i]
            continue
        columns[i] = NAME_FIELD
        messages[i] = (
            message("upload_name_ambiguous", name=name, n=len(found))
            if found
            else message("upload_name_unknown", name=name)
        )
