"""Read an uploaded CSV or Excel file into a table of strings, within the limits of lib.settings.

No pandas: this runs in the worker process of `lib.upload.worker`. Each limit is checked before
the work it protects: the size and the line count before decoding, each row's width and each
cell's length as the row is read (the CSV reader's field limit stops a long cell inside the
reader); for Excel, the zip's declared sizes before openpyxl opens the workbook, which is then
streamed in read-only mode and left as soon as a limit is crossed. Refusals are `UploadError`;
refusals, notes and cell problems are keyed messages (lib/labels/upload.py), shown in the
reader's language.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from lib.i18n import KeyedError, Message, message
from lib.settings import (
    EXCEL_COMPRESSION_RATIO,
    EXCEL_PARTS,
    EXCEL_UNCOMPRESSED_BYTES,
    UPLOAD_BYTES,
    UPLOAD_CELL_CHARS,
    UPLOAD_CELLS,
    UPLOAD_CHARS,
    UPLOAD_COLUMNS,
    UPLOAD_ROWS,
)

EXPLANATION_SHEET = "Explications"
KINDS = ("csv", "excel")
_SUFFIXES = {"csv": "csv", "txt": "csv", "tsv": "csv", "xlsx": "excel", "xlsm": "excel"}
_SEPARATORS = (",", ";", "\t")
_SEPARATOR_NAMES = {
    ",": message("upload_separator_comma"),
    ";": message("upload_separator_semicolon"),
    "\t": message("upload_separator_tab"),
}
_MIB = 1024 * 1024
# A cell a spreadsheet would run as a formula (OWASP "CSV injection") unless it is a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CANDIDATE = re.compile("\x00[=+\\-@\t\r]")  # a cell so starting, cells joined by NUL
_NUMBER = re.compile(
    r"[+-]?\s*(?=[.,]?\d)\d*(?:[ \u00a0\u202f]\d+)*(?:[.,]\d+)*(?:[eE][+-]?\d+)?\s*%?"
)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z0-9:$]+)"')
_SHOWN = 40  # characters of a cell quoted in a message


class UploadError(KeyedError, ValueError):
    """The file cannot be read at all; the message says why and what to do (`str()` French,
    `.text(lang)` in `lang`)."""


@dataclass(frozen=True)
class Table:
    """A file read as strings: unique header names, rows padded to the header's width, the line
    (CSV) or sheet row (Excel) of each row, notes and cell problems (line, column, message)."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    notes: list[Message]
    problems: list[tuple[int, str, Message]]


def upload_kind(name: str, data: bytes) -> str:
    """'csv' or 'excel' for a file that may be read; UploadError when it is too big, empty or of
    another type."""
    if len(data) > UPLOAD_BYTES:
        raise UploadError("upload_too_big", size=len(data) / _MIB, limit=UPLOAD_BYTES // _MIB)
    if not data.strip():
        raise UploadError("upload_empty")
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "xls":
        raise UploadError("upload_xls")
    if suffix not in _SUFFIXES:
        raise UploadError("upload_type", suffix=suffix)
    return _SUFFIXES[suffix]


def read_table(kind: str, data: bytes, before_openpyxl: Callable[[], None] | None = None) -> Table:
    """The file (`kind` from `upload_kind`) as a table of strings; UploadError if it cannot.
    `before_openpyxl` runs once an Excel file's zip has passed its checks, before openpyxl is
    imported."""
    return _read_excel(data, before_openpyxl) if kind == "excel" else _read_csv(data)


# --- limits shared by both formats ---------------------------------------------------------


def _too_many_rows(rows: int) -> UploadError:
    return UploadError("upload_too_many_rows", rows=rows, limit=UPLOAD_ROWS)


def _too_long(line: int) -> UploadError:
    return UploadError("upload_cell_too_long", limit=UPLOAD_CELL_CHARS, line=line)


def _check_row(line: int, row: list[str], lengths: list[int]) -> None:
    if len(row) > UPLOAD_COLUMNS:
        raise UploadError("upload_too_many_columns", n=len(row), line=line, limit=UPLOAD_COLUMNS)
    if lengths and max(lengths) > UPLOAD_CELL_CHARS:
        raise _too_long(line)


def _table(rows: Iterable[tuple[int, list[str]]], notes: list[str]) -> Table:
    """Header (first non-blank row), data rows (blank ones dropped) and formula cells, every
    limit checked on each row as it comes."""
    header: list[str] | None = None
    body: list[list[str]] = []
    lines: list[int] = []
    seen = cells = chars = 0
    for line, row in rows:
        lengths = list(map(len, row))
        _check_row(line, row, lengths)
        blank = not any(map(str.strip, row))
        if header is None:
            header = None if blank else [cell.strip() for cell in row]
            continue
        seen += 1
        if seen > UPLOAD_ROWS:
            raise _too_many_rows(seen)
        if blank:
            continue
        cells += len(row)
        chars += sum(lengths)
        if cells > UPLOAD_CELLS:
            raise UploadError("upload_too_many_cells", limit=UPLOAD_CELLS)
        if chars > UPLOAD_CHARS:
            raise UploadError("upload_too_many_chars", limit=UPLOAD_CHARS)
        body.append(row)
        lines.append(line)
    if header is None:
        raise UploadError("upload_empty")
    if not body:
        raise UploadError("upload_header_only")
    width = max(len(header), *map(len, body))
    names = _unique_headers(header + [""] * (width - len(header)))
    body = [row if len(row) == width else row + [""] * (width - len(row)) for row in body]
    problems = [
        (line, names[j], message("upload_formula", cell=_shown(cell),
                                 cell_ref=f"{_column_letter(j + 1)}{line}"))
        for line, row in zip(lines, body, strict=True)
        if _FORMULA_CANDIDATE.search("\x00" + "\x00".join(row))  # one search a row, in C
        for j, cell in enumerate(row)
        if formula_like(cell)
    ]  # fmt: skip
    return Table(names, body, lines, notes, problems)


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read the cell as a formula (=, +, -, @, tab or CR first)
    rather than as text or a number (a negative number such as -3,5 is not)."""
    return text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text.strip())


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _unique_headers(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for position, name in enumerate(header):
        name = name or f"colonne_{position + 1}"
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}.{seen[name] - 1}")
    return unique


# --- CSV ---------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str | Message]:
    """The text and the name of its encoding (UTF-8, UTF-8 with BOM, Windows-1252, Latin-1)."""
    for boms, name in (
        ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "UTF-32"),
        ((b"\xff\xfe", b"\xfe\xff"), "UTF-16"),
    ):
        if data.startswith(boms):
            raise UploadError("upload_encoding", encoding=name)
    head = data[:65536]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    if b"\x00" in head or controls > len(head) // 100:
        raise UploadError("upload_binary")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), message("upload_utf8_bom")
    for encoding, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


def _separator(text: str) -> str:
    first = re.search(r"\S[^\n]*", text)
    header = first.group() if first else ""
    counts = {sep: header.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(data: bytes) -> Table:
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if lines - 1 > UPLOAD_ROWS:
        raise _too_many_rows(lines - 1)  # counted before decoding (quoted line breaks too)
    text, encoding = _decode(data)
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    notes = [message("upload_note_csv", encoding=encoding, separator=_SEPARATOR_NAMES[separator])]
    previous = csv.field_size_limit(UPLOAD_CELL_CHARS)  # a longer cell stops the reader
    try:
        return _table(_csv_rows(reader, separator), notes)
    finally:
        csv.field_size_limit(previous)


def _csv_rows(reader: Iterator[list[str]], separator: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each record; a record wider than the header, an unclosed quote or
    a cell over the limit is refused with its line."""
    width = None
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise _too_long(line) from None
            raise _unreadable_csv(separator, line) from None
        if width is None and row:
            width = len(row)
        elif width is not None and len(row) > width:
            raise _unreadable_csv(separator, line)
        yield line, row
        line = reader.line_num + 1


def _unreadable_csv(separator: str, line: int) -> UploadError:
    return UploadError("upload_csv_unreadable", line=line, separator=_SEPARATOR_NAMES[separator])


# --- Excel -------------------------------------------------------------------------------------


def _unreadable_excel() -> UploadError:
    return UploadError("upload_excel_unreadable")


def _check_archive(archive: zipfile.ZipFile) -> None:
    """The zip's central directory within the limits, before any part is decompressed (Python's
    zipfile never inflates a part beyond its declared size)."""
    parts = archive.infolist()
    if len(parts) > EXCEL_PARTS:
        raise UploadError("upload_excel_parts", n=len(parts), limit=EXCEL_PARTS)
    declared = sum(part.file_size for part in parts)
    if declared > EXCEL_UNCOMPRESSED_BYTES:
        limit = EXCEL_UNCOMPRESSED_BYTES // _MIB
        raise UploadError("upload_excel_size", size=declared // _MIB, limit=limit)
    ratio = declared / max(1, sum(part.compress_size for part in parts))
    if ratio > EXCEL_COMPRESSION_RATIO:
        raise UploadError("upload_excel_ratio", ratio=int(ratio), limit=EXCEL_COMPRESSION_RATIO)


def _merged_ranges(archive: zipfile.ZipFile, path: str) -> list[str]:
    """The first merged ranges (`<mergeCell ref=...>`) of a sheet, read from its XML in chunks
    (read-only mode does not give them)."""
    found: list[str] = []
    tail = b""
    with archive.open(path) as part:
        while len(found) < 5 and (chunk := part.read(1 << 16)):
            block = tail + chunk
            end = block.rfind(b">") + 1
            if b"mergeCell" in block:  # a plain search first: the regex is 20 times slower
                found += [ref.decode() for ref in _MERGE.findall(block, 0, end)]
            tail = block[end:][-4096:]
    return found[:5]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def _excel_rows(sheet: object) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells without the trailing empty ones) of each row of the sheet."""
    sheet.reset_dimensions()  # rows are not padded to the dimension the file declares
    for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        end = len(values)
        while end and values[end - 1] in (None, ""):
            end -= 1
        yield row_number, [_cell_text(value) for value in values[:end]]


def _read_excel(data: bytes, before_openpyxl: Callable[[], None] | None) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _unreadable_excel() from None
    _check_archive(archive)
    if before_openpyxl:
        before_openpyxl()
    from openpyxl import load_workbook  # only needed for Excel files

    try:
        book = load_workbook(io.BytesIO(data), read_only=True)
    except MemoryError:
        raise
    except Exception:  # openpyxl's errors on a damaged file are of many kinds
        raise _unreadable_excel() from None
    try:
        names = book.sheetnames
        sheet_name = next((n for n in names if n.strip().lower() != EXPLANATION_SHEET.lower()), "")
        if not sheet_name:
            raise UploadError("upload_excel_no_sheet")
        sheet = book[sheet_name]
        merged = _merged_ranges(archive, sheet._worksheet_path)  # openpyxl 3.1 (pinned)
        if merged:
            raise UploadError("upload_excel_merged", ranges=", ".join(merged), sheet=sheet_name)
        note = (
            message("upload_note_sheets", sheet=sheet_name, n=len(names))
            if len(names) > 1
            else message("upload_note_sheet", sheet=sheet_name)
        )
        return _table(_excel_rows(sheet), [note])
    except (UploadError, MemoryError):
        raise
    except Exception:
        raise _unreadable_excel() from None
    finally:
        book.close()
