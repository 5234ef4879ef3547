"""Check an uploaded file: read it in the worker process, then validate it, each step remembered
in the session for the last file.

`read_upload` turns bytes into a frame of strings (read by `lib.upload.read` in a worker process
bounded in time and memory, `lib.upload.worker`, every limit of `lib.settings` checked before the
work it protects); `checked_upload` validates it (`lib.upload.validate`). A rerun of the page
with the same file, kind and mapping reads and validates nothing again. Pure (no Streamlit).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping

import pandas as pd

from lib.data import Dataset
from lib.schema import Problem
from lib.upload.read import Table, UploadError, upload_kind
from lib.upload.validate import RawUpload, UploadReport, validate_upload
from lib.upload.worker import read_isolated

MEMO_KEY = "upload_last_check"  # session state: the last file checked and its report
READ_KEY = "upload_last_read"  # session state: the last file read (or why it could not be)


def read_upload(name: str, data: bytes) -> RawUpload:
    """Read an uploaded CSV or Excel file as strings, in a worker process bounded in time and
    memory (`lib.upload.worker`); raise `UploadError` if it cannot."""
    return raw_upload(read_isolated(upload_kind(name, data), data))


def raw_upload(table: Table) -> RawUpload:
    """The table read from a file as a frame of strings, indexed by line - 2."""
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=str)
    frame.index = pd.Index([line - 2 for line in table.lines])  # a row's line is index + 2
    problems = tuple(Problem("", line, column, problem) for line, column, problem in table.problems)
    return RawUpload(frame, tuple(table.notes), problems)


def remembered_read(memo: MutableMapping[str, object], name: str, data: bytes) -> RawUpload:
    """`read_upload`, remembered in `memo` (the session's state, never a shared cache) for the
    last file read: a rerun does not read it again. Raises the same UploadError every time."""
    key = hashlib.sha256(data).hexdigest() + "|" + name
    last = memo.get(READ_KEY)
    if not (isinstance(last, tuple) and last[0] == key):
        try:
            result: RawUpload | UploadError = read_upload(name, data)
        except UploadError as error:
            result = error
        last = memo[READ_KEY] = (key, result)
    if isinstance(last[1], UploadError):
        raise last[1]
    return last[1]


def checked_upload(
    memo: MutableMapping[str, object],
    name: str,
    data: bytes,
    kind: str,
    dataset: Dataset,
    upload_id: str,
    mapping: Mapping[str, str] | None = None,
) -> UploadReport:
    """`remembered_read` + `validate_upload`, the last check remembered in `memo`: a rerun
    with the same file, kind, mapping and data does not validate again."""
    parts = ("", name, kind, dataset.version, upload_id, repr(sorted((mapping or {}).items())))
    key = hashlib.sha256(data).hexdigest() + "|".join(parts)
    last = memo.get(MEMO_KEY)
    if not (isinstance(last, tuple) and last[0] == key):
        raw = remembered_read(memo, name, data)
        last = memo[MEMO_KEY] = (key, validate_upload(raw, kind, dataset, upload_id, name, mapping))
    return last[1]
