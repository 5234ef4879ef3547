"""Bring your own data (views/importer.py): read an uploaded CSV or Excel file, resolve its
territories, validate it and add it to the session's dataset as a layer. Pure (no Streamlit).

The way a file goes:
- `read` turns its bytes into a table of strings, every limit of `lib.settings` checked before
  the work it protects, in a worker process bounded in time and memory (`worker`);
- `check` runs that read and the validation, each remembered in the session for the last file;
- `fields` declares the four templates (`KINDS`): the fields of each, their French and English
  column names; `mapping` proposes which column of the file feeds which field;
- `validate` checks the rows against the dataset's schema (`lib.schema`), after `rows` has
  shaped them, `territories` has resolved their territories and `indicators` their indicators;
- `problems` shows the report's problems and how to fix them; `layers` turns a confirmed report
  into a `Layer` and registers the provider serving the session's uploads; `page` is the
  importer page's model (its limits caption, field texts, prefilled source form).

Rule: this `__init__` exports the names the importer page and other features read (`__all__`
below: `from lib import upload; upload.checked_upload(...)`); every other name, and the column
mapping, is imported from its submodule (`from lib.upload import mapping as upload_mapping`).
It imports nothing itself: each name is loaded from its submodule on first use, so that the
worker process (`python -m lib.upload.worker`, which imports this package first) reads the file
without loading pandas.
"""

from importlib import import_module

_HOMES = {  # public name -> the submodule defining it
    "FIELDS": "fields",
    "KINDS": "fields",
    "Field": "fields",
    "UploadError": "read",
    "RawUpload": "validate",
    "UploadReport": "validate",
    "territory_name_keys": "validate",
    "validate_upload": "validate",
    "checked_upload": "check",
    "raw_upload": "check",
    "read_upload": "check",
    "remembered_read": "check",
    "UPLOADS_KEY": "layers",
    "SourceInfo": "layers",
    "layer_rows": "layers",
    "next_upload_id": "layers",
    "source_problems": "layers",
    "upload_layer": "layers",
    "fix_hints": "problems",
    "problems_table": "problems",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    """A public name, loaded from its submodule on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
