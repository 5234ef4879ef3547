"""Every limit and setting a user or operator meets, declared once: name, value, unit, one line.

A module reads its settings as constants of this module (`from lib.settings import UPLOAD_ROWS`);
nothing overrides them at run time: to change one, change it here. The environment variables the
app reads are declared here too (`variable`), each with what applies when it is unset.
`python -m lib.settings` prints the README's two tables (a test checks the README shows them).
"""

from __future__ import annotations

from dataclasses import dataclass

Value = int | float | str | tuple[float, ...]


@dataclass(frozen=True)
class Setting:
    """One named limit or setting."""

    name: str
    value: Value
    unit: str
    doc: str


@dataclass(frozen=True)
class Variable:
    """One environment variable the app reads."""

    name: str
    unset: str  # what applies when the variable is not set
    doc: str


SETTINGS: dict[str, Setting] = {}
VARIABLES: dict[str, Variable] = {}


def declare(name: str, value: Value, unit: str, doc: str) -> Value:
    """Register a setting (a name may be declared once) and return its value."""
    if name in SETTINGS:
        raise ValueError(f"setting declared twice: {name}")
    SETTINGS[name] = Setting(name, value, unit, doc)
    return value


def variable(name: str, unset: str, doc: str) -> str:
    """Register an environment variable (once) and return its name."""
    if name in VARIABLES:
        raise ValueError(f"variable declared twice: {name}")
    VARIABLES[name] = Variable(name, unset, doc)
    return name


# --- uploaded data files (lib/upload/read.py, lib/upload/worker.py) ----------------------------
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

# --- presentation story files (lib/presentation/story.py) -----------------------------------------
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

# --- territory search and page addresses (lib/territory_search.py, lib/filters.py) -------------
SEARCH_QUERY_CHARS = declare(
    "SEARCH_QUERY_CHARS", 80, "characters", "text typed in the territory search (the rest ignored)"
)
SEARCH_RESULTS = declare("SEARCH_RESULTS", 10, "territories", "matches a search lists")
PAGE_PARAM_CHARS = declare(
    "PAGE_PARAM_CHARS",
    64,
    "characters",
    "value of a page parameter in a URL (`mode`, `step`, `code`, `p`; a longer one is ignored)",
)

# --- workshops (lib/workshop/) -----------------------------------------------------------------
WORKSHOP_TITLE_CHARS = declare("WORKSHOP_TITLE_CHARS", 120, "characters", "title of a workshop")
WORKSHOP_COMMENT_CHARS = declare(
    "WORKSHOP_COMMENT_CHARS", 280, "characters", "comment of a participant"
)
WORKSHOP_CHOICES_MIN = declare(
    "WORKSHOP_CHOICES_MIN", 3, "domains", "fewest domains an organiser may ask each participant for"
)
WORKSHOP_CHOICES_MAX = declare(
    "WORKSHOP_CHOICES_MAX", 5, "domains", "most domains an organiser may ask each participant for"
)
WORKSHOP_JOINS_PER_BROWSER = declare(
    "WORKSHOP_JOINS_PER_BROWSER",
    3,
    "participants",
    "participants one browser session may create in one workshop",
)
MIN_PARTICIPANTS = declare(
    "MIN_PARTICIPANTS",
    5,
    "participants",
    "privacy rule: to publish a workshop, and to show an actor profile on its own",
)
CODE_ALPHABET = declare(
    "CODE_ALPHABET",
    "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
    "symbols",
    "symbols of join codes and organiser keys (Crockford base 32: no I, L, O, U)",
)
JOIN_CODE_LENGTH = declare(
    "JOIN_CODE_LENGTH", 8, "symbols", "join code (40 random bits, shown as ABCD-EFGH)"
)
ORGANISER_KEY_LENGTH = declare(
    "ORGANISER_KEY_LENGTH", 16, "symbols", "organiser key (80 random bits)"
)
ORGANISER_KEY_FAILURES = declare(
    "ORGANISER_KEY_FAILURES",
    5,
    "failures",
    "wrong organiser keys a browser may type on one workshop before it must wait",
)
JOIN_CODE_FAILURES = declare(
    "JOIN_CODE_FAILURES", 10, "failures", "wrong join codes a browser may type before it must wait"
)
LOCKOUT_FIRST_WAIT = declare(
    "LOCKOUT_FIRST_WAIT",
    30,
    "seconds",
    "first wait after too many failures (doubling with each further failure)",
)
LOCKOUT_MAX_WAIT = declare("LOCKOUT_MAX_WAIT", 15 * 60, "seconds", "longest wait after failures")
PUBLIC_BASE_URL_CHARS = declare(
    "PUBLIC_BASE_URL_CHARS",
    300,
    "characters",
    "public address of the app (the join link then always fits a QR code)",
)
LIVE_RESULTS_SECONDS = declare(
    "LIVE_RESULTS_SECONDS", 3, "seconds", "refresh of the organiser's live results"
)
WORKSHOP_STAMP_TTL = declare(
    "WORKSHOP_STAMP_TTL",
    2,
    "seconds",
    "cache TTL: a published workshop's change reaches the explore pages within this",
)
SQLITE_BUSY_TIMEOUT = declare(
    "SQLITE_BUSY_TIMEOUT",
    5_000,
    "ms",
    "wait for SQLite's write lock before a write attempt fails",
)
BUSY_RETRY_PAUSES = declare(
    "BUSY_RETRY_PAUSES",
    (0.05, 0.25),
    "seconds",
    "pauses before retrying a write the storage refused as busy (then a message)",
)

# --- environment variables ---------------------------------------------------------------------
DATABASE_URL_ENV = variable(
    "DATABASE_URL",
    "the SQLite file `WORKSHOP_DB_PATH`",
    "workshop storage on PostgreSQL (`postgresql://user:password@host:5432/db`)",
)
WORKSHOP_DB_PATH_ENV = variable(
    "WORKSHOP_DB_PATH",
    "`data_local/ateliers.sqlite3`",
    "the SQLite file of the workshops when `DATABASE_URL` is unset",
)
PUBLIC_BASE_URL_ENV = variable(
    "PUBLIC_BASE_URL",
    "typed on the organiser page, else the page's own address",
    "the app's address phones open (join links and QR codes)",
)
ALLOW_METRICS_ENV = variable(
    "ALLOW_METRICS",
    "404",
    "`1` serves Streamlit's `/_stcore/metrics` (private networks only)",
)


def shown(setting: Setting) -> str:
    """The value as the README shows it: bytes in KiB/MiB/GiB, thousands separated."""
    value = setting.value
    if isinstance(value, str):
        return f"`{value}`"
    if isinstance(value, tuple):
        return ", ".join(str(part) for part in value)
    for size, prefix in ((1024**3, "GiB"), (1024**2, "MiB"), (1024, "KiB")):
        if setting.unit == "bytes" and value % size == 0:
            return f"{value // size:,} {prefix}"
    return f"{value:,}"


def settings_markdown() -> str:
    """The settings as a Markdown table (name, value, unit, what it sets)."""
    lines = ["| setting (`lib/settings.py`) | value | unit | what it sets |", "|---|---|---|---|"]
    lines += [f"| `{s.name}` | {shown(s)} | {s.unit} | {s.doc} |" for s in SETTINGS.values()]
    return "\n".join(lines)


def variables_markdown() -> str:
    """The environment variables as a Markdown table (name, when unset, what it sets)."""
    lines = ["| environment variable | when unset | what it sets |", "|---|---|---|"]
    lines += [f"| `{v.name}` | {v.unset} | {v.doc} |" for v in VARIABLES.values()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(settings_markdown(), variables_markdown(), sep="\n\n")
