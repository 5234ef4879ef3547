"""Classed legends: quantile breaks and a colour-blind-safe sequential palette."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# ColorBrewer YlOrRd, 5 classes: sequential, colour-blind safe and print friendly.
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
MISSING_COLOUR = "#d9d9d9"


@dataclass(frozen=True)
class Classes:
    """Class bounds (k + 1 increasing edges) and one colour per class."""

    edges: tuple[float, ...]
    colours: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.colours)


def quantile_classes(values: pd.Series, k: int = 5, decimals: int | None = None) -> Classes:
    """Up to k quantile classes over the non-missing values (fewer when values repeat); with
    `decimals`, the edges are rounded to the precision the values are shown with (the legend
    then reads the edges as they are, and no class falls between two shown values)."""
    present = values.dropna().astype(float)
    if present.empty:
        return Classes(edges=(), colours=())
    edges = np.quantile(present, np.linspace(0, 1, k + 1))
    edges = np.unique(edges if decimals is None else edges.round(decimals))
    if len(edges) == 1:
        edges = np.array([edges[0], edges[0]])
    count = len(edges) - 1
    colours = _spread(count)
    return Classes(edges=tuple(float(e) for e in edges), colours=colours)


def _spread(count: int) -> tuple[str, ...]:
    """Pick `count` colours across the palette, keeping both ends."""
    if count >= len(PALETTE):
        return PALETTE
    positions = np.linspace(0, len(PALETTE) - 1, count).round().astype(int)
    return tuple(PALETTE[i] for i in positions)


def assign_classes(values: pd.Series, classes: Classes) -> pd.Series:
    """Class number (0 = lowest) for each value; missing values get <NA>."""
    if classes.count == 0:
        return pd.Series(pd.NA, index=values.index, dtype="Int64")
    inner = np.asarray(classes.edges[1:-1])
    numbers = np.searchsorted(inner, values.astype(float).to_numpy(), side="right")
    result = pd.Series(numbers, index=values.index, dtype="Int64")
    return result.mask(values.isna())
