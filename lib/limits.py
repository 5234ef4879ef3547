"""Every limit on what a user sends, declared once: name, value, unit and what it bounds.

A feature declares its limits here with `declare` and reads them as constants of this module;
`limits_markdown()` renders the table of the README (`python -m lib.limits`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """One named limit."""

    name: str
    value: int
    unit: str
    doc: str


LIMITS: dict[str, Limit] = {}


def declare(name: str, value: int, unit: str, doc: str) -> int:
    """Register a limit (a name may be declared once) and return its value."""
    if name in LIMITS:
        raise ValueError(f"limit declared twice: {name}")
    LIMITS[name] = Limit(name, value, unit, doc)
    return value


# --- uploaded data files (lib/upload_read.py, lib/upload_worker.py) ----------------------------
UPLOAD_BYTES = declare("UPLOAD_BYTES", 5 * 1024 * 1024, "bytes", "size of an uploaded file")
UPLOAD_ROWS = declare("UPLOAD_ROWS", 50_000, "rows", "data rows of an uploaded file")
UPLOAD_COLUMNS = declare(
    "UPLOAD_COLUMNS", 50, "columns", "columns of an uploaded file (checked on each row as read)"
)
UPLOAD_CELL_CHARS = declare("UPLOAD_CELL_CHARS", 2_000, "characters", "text of one cell")
UPLOAD_CELLS = declare(
    "UPLOAD_CELLS", 500_000, "cells", "cells of an uploaded file (all rows, header excluded)"
)
UPLOAD_CHARS = declare(
    "UPLOAD_CHARS",
    10_000_000,
    "characters",
    "text of all cells together (what the server holds once the file is read)",
)
EXCEL_UNCOMPRESSED_BYTES = declare(
    "EXCEL_UNCOMPRESSED_BYTES",
    50 * 1024 * 1024,
    "bytes",
    "sum of the uncompressed sizes an .xlsx declares for its parts (checked before opening it)",
)
EXCEL_COMPRESSION_RATIO = declare(
    "EXCEL_COMPRESSION_RATIO",
    100,
    "× (uncompressed / compressed)",
    "how much an .xlsx may expand (ordinary workbooks: 5–20×)",
)
EXCEL_PARTS = declare("EXCEL_PARTS", 200, "zip entries", "parts (files) inside an .xlsx")
UPLOAD_PARSE_SECONDS = declare(
    "UPLOAD_PARSE_SECONDS", 15, "seconds", "wall-clock time to read one file (worker killed)"
)
UPLOAD_PARSE_MEMORY = declare(
    "UPLOAD_PARSE_MEMORY",
    1024 * 1024 * 1024,
    "bytes",
    "address space of the worker process reading one file (RLIMIT_AS)",
)
UPLOAD_PARALLEL_PARSES = declare(
    "UPLOAD_PARALLEL_PARSES",
    2,
    "processes",
    "files read at the same time by one server (the others wait, then are refused)",
)

# --- presentation story files (lib/story.py) ---------------------------------------------------
STORY_BYTES = declare("STORY_BYTES", 64 * 1024, "bytes", "size of a story file")
STORY_DEPTH = declare(
    "STORY_DEPTH", 8, "levels", "nesting of JSON objects and lists (checked before parsing)"
)
STORY_INTEGER_DIGITS = declare(
    "STORY_INTEGER_DIGITS", 9, "digits", "any integer in a story file (such as `version`)"
)
STORY_STEPS = declare("STORY_STEPS", 30, "steps", "steps of a story")
STORY_TITLE_CHARS = declare("STORY_TITLE_CHARS", 120, "characters", "title of a story")
STORY_CAPTION_CHARS = declare("STORY_CAPTION_CHARS", 300, "characters", "caption of a step")


def _shown(limit: Limit) -> str:
    for size, prefix in ((1024**3, "GiB"), (1024**2, "MiB"), (1024, "KiB")):
        if limit.unit == "bytes" and limit.value % size == 0:
            return f"{limit.value // size:,} {prefix}"
    return f"{limit.value:,}"


def limits_markdown() -> str:
    """The limits as a Markdown table (name, value, unit, what it bounds)."""
    lines = ["| limit (`lib/limits.py`) | value | unit | bounds |", "|---|---|---|---|"]
    lines += [
        f"| `{limit.name}` | {_shown(limit)} | {limit.unit} | {limit.doc} |"
        for limit in LIMITS.values()
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(limits_markdown())
