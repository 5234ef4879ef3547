"""The embedded dataset plus the commune rows and withheld values, as a commune's profile reads
it (`lib.cached.with_communes` without Streamlit's cache)."""

from dataclasses import replace

import pandas as pd

from lib.data import Dataset, load_commune_indicators, load_commune_withheld, load_dataset


def with_commune_rows() -> Dataset:
    embedded = load_dataset()
    return replace(
        embedded,
        indicators=pd.concat(
            [embedded.indicators, load_commune_indicators(embedded)], ignore_index=True
        ),
        withheld=load_commune_withheld(embedded),
    )
