"""The practice types (types of alliance) an initiative can have, as filter options and labels."""

from __future__ import annotations

from lib import vocabulary
from lib.data import Dataset
from lib.i18n import t

UNCLASSIFIED = "unclassified"  # practice filter option: initiatives without a type


def practice_options(dataset: Dataset) -> list[str]:
    """Practice ids in the list's order, then UNCLASSIFIED."""
    return [*dataset.practices["practice_id"], UNCLASSIFIED]


def practice_labels(dataset: Dataset, lang: str) -> dict[str, str]:
    """Practice id -> label, flagging types outside the Observatoire's typology
    ('Dialogue territorial (hors typologie de l'Observatoire)'); UNCLASSIFIED -> 'non classé'."""
    practices = dataset.practices
    inside = dict(zip(practices["practice_id"], practices["observatoire_typology"], strict=True))
    outside = t("ini_outside_typology", lang)
    return {
        **{
            p: label if inside[p] else f"{label} ({outside})"
            for p, label in vocabulary.labels(dataset, "practice", lang).items()
        },
        UNCLASSIFIED: t("ini_unclassified", lang),
    }


def practice_label(dataset: Dataset, practice_id: object, lang: str) -> str:
    """The label of one practice id (no type -> 'non classé')."""
    labels = practice_labels(dataset, lang)
    return (
        labels.get(practice_id, labels[UNCLASSIFIED])
        if isinstance(practice_id, str)
        else labels[UNCLASSIFIED]
    )
