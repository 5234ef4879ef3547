"""Tables to show, converted to Arrow once.

Streamlit converts a pandas frame to Arrow on every draw (about 2 ms a table); a page built
from cached tables converts them once, here. Columns mixing types (text and numbers) become
text, as Streamlit would show them.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from lib.formatting import is_missing


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """`frame` (without its index) as an Arrow table."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        mixed = frame.select_dtypes(include="object").columns
        as_text = {
            column: frame[column].map(lambda v: None if is_missing(v) else str(v))
            for column in mixed
        }
        return pa.Table.from_pandas(frame.assign(**as_text), preserve_index=False)
