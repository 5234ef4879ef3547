"""The dataset's schema: its tables, their columns and allowed values (`tables`), and the
validation of a raw table against them, with keyed messages (`validate`).

Rule: this `__init__` exports what the loaders and the upload read (`__all__` below:
`from lib.schema import validate_table`); every other name (the allowed values of a column,
`Col`, `Table`) is imported from its submodule (`from lib.schema.tables import MEASURES`).
"""

from lib.schema.tables import ENGLISH_NOTES, TABLES
from lib.schema.validate import DataValidationError, Problem, validate_table

__all__ = ["ENGLISH_NOTES", "TABLES", "DataValidationError", "Problem", "validate_table"]
