"""One interface over everything a page can show: the embedded data plus extra layers.

A `Layer` adds rows to the fact tables (indicators with their metadata, perceptions, alliances,
sources): a session upload, a workshop's results... Pages only ever see a `Dataset`;
`combine()` builds it from the embedded one and the active layers, labelling every added row
with its layer (`origin` column) so the UI can say where a figure comes from. Later features
register a `LayerProvider`; the pages do not change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd

from lib.data import Dataset
from lib.i18n import t

EMBEDDED_ORIGIN = "embedded"
# sources.verification -> label key of what follows the source's name (verified: nothing)
VERIFICATION_LABELS = {
    "unverified": "source_unverified",
    "partly_verified": "source_partly_verified",
}
# Fact tables a layer may add to, with their keys: a layer row replaces an earlier row of the same
# key (e.g. an uploaded newer value of an embedded indicator for one territory).
FACT_KEYS = {
    "indicator_meta": ["indicator_id"],
    "indicators": ["territory_id", "indicator_id", "period"],
    "perceptions": ["perception_id"],
    "alliances": ["alliance_id"],
    "initiatives": ["initiative_id"],
    "sources": ["source_id"],
}
FACT_TABLES = tuple(FACT_KEYS)


@dataclass(frozen=True)
class Layer:
    """Rows from one origin, shown beside the embedded data or instead of it."""

    layer_id: str
    label: str  # shown with every figure of the layer, e.g. "données importées : <source>"
    tables: Mapping[str, pd.DataFrame]  # subset of FACT_TABLES, already validated
    replaces_embedded: bool = False  # True: the layer's tables hide the embedded rows

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever the layer's rows change (a cache key; computed once per layer,
        which is immutable, although pages ask for it on every rerun)."""
        digest = hashlib.sha256(f"{self.layer_id}|{self.label}|{self.replaces_embedded}".encode())
        for name in sorted(self.tables):
            digest.update(name.encode())
            digest.update(
                pd.util.hash_pandas_object(self.tables[name], index=False).values.tobytes()
            )
        return digest.hexdigest()[:16]


# A provider returns the layers active for a session (its state is passed in).
LayerProvider = Callable[[Mapping[str, object]], list[Layer]]
PROVIDERS: list[LayerProvider] = []


def register_provider(provider: LayerProvider) -> LayerProvider:
    """Register a source of layers (workshops, uploads); usable as a decorator."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)
    return provider


def active_layers(state: Mapping[str, object]) -> list[Layer]:
    """Every registered provider's layers for this session state."""
    return [layer for provider in PROVIDERS for layer in provider(state)]


def with_origin(dataset: Dataset) -> Dataset:
    """The embedded dataset with an `origin` column on its fact tables."""
    changes = {
        name: getattr(dataset, name).assign(origin=EMBEDDED_ORIGIN)
        for name in FACT_TABLES
        if "origin" not in getattr(dataset, name).columns
    }
    return replace(dataset, **changes) if changes else dataset


def with_commune_rows(dataset: Dataset, rows: pd.DataFrame, withheld: pd.DataFrame) -> Dataset:
    """`dataset` plus the embedded commune-level indicator `rows` and the commune values
    `withheld` by their producer (`lib.data.load_commune_indicators`, `load_commune_withheld`),
    under a version of its own."""
    return replace(
        dataset,
        indicators=pd.concat(
            [dataset.indicators, rows.assign(origin=EMBEDDED_ORIGIN)], ignore_index=True
        ),
        withheld=withheld,
        version=dataset.version + "+communes",
    )


def _suffixes(sources: pd.DataFrame, lang: str) -> list[str]:
    """What follows a source's name: " — non vérifié" (or "vérification partielle") for a
    researched series whose notes say so, then " (<layer label>)" for a source a layer added."""
    origins = sources["origin"] if "origin" in sources else [EMBEDDED_ORIGIN] * len(sources)
    checks = sources["verification"] if "verification" in sources else [None] * len(sources)
    return [
        (t(VERIFICATION_LABELS[check], lang) if check in VERIFICATION_LABELS else "")
        + (f" ({origin})" if isinstance(origin, str) and origin != EMBEDDED_ORIGIN else "")
        for origin, check in zip(origins, checks, strict=True)
    ]


def _year(year: object) -> str:
    """' (2023)' after a source's title, nothing when its year is not given."""
    text = "" if pd.isna(year) else str(year).strip()
    return f" ({text})" if text else ""


def source_texts(sources: pd.DataFrame, lang: str = "fr") -> dict[str, str]:
    """source_id -> 'Publisher, title (year)' (no "()" without a year), followed by its
    verification status when not fully verified and by the layer's label for a source that a
    layer added (e.g. « (données importées : Enquête) »): every page cites sources this way."""
    return {
        source_id: f"{publisher}, {title}{_year(year)}{suffix}"
        for source_id, publisher, title, year, suffix in zip(
            sources["source_id"],
            sources["publisher"],
            sources["title"],
            sources["year"],
            _suffixes(sources, lang),
            strict=True,
        )
    }


def publisher_texts(sources: pd.DataFrame, lang: str = "fr") -> dict[str, str]:
    """source_id -> publisher, with the same suffixes as `source_texts`."""
    return {
        source_id: f"{publisher}{suffix}"
        for source_id, publisher, suffix in zip(
            sources["source_id"], sources["publisher"], _suffixes(sources, lang), strict=True
        )
    }


def combine(base: Dataset, layers: Sequence[Layer]) -> Dataset:
    """The dataset pages show: `base` plus (or replaced by) each layer's rows."""
    if not layers:
        return base
    added: dict[str, list[pd.DataFrame]] = {}
    hide_embedded: set[str] = set()
    for layer in layers:
        for name, rows in layer.tables.items():
            if name not in FACT_TABLES:
                raise ValueError(f"a layer cannot change the table {name!r}")
            added.setdefault(name, []).append(rows.assign(origin=layer.label))
            if layer.replaces_embedded and name != "sources":
                hide_embedded.add(name)
    tables = {}
    for name, parts in added.items():  # one pass per table: later layers win on a key
        kept = getattr(base, name)
        if name in hide_embedded:
            kept = kept[kept["origin"] != EMBEDDED_ORIGIN]
        merged = pd.concat([kept, *parts], ignore_index=True)
        tables[name] = merged.drop_duplicates(FACT_KEYS[name], keep="last").reset_index(drop=True)
    version = base.version + "+" + "+".join(layer.fingerprint for layer in layers)
    return replace(base, version=version, **tables)
