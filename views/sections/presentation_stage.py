"""The presentation page's stage: what its sections draw with (dataset, filters, the story and
its steps shown) and the slide of a step."""

from __future__ import annotations

from dataclasses import dataclass

from lib import cached
from lib.data import Dataset
from lib.filters import Allowed, Filters
from lib.presentation import presenting, slides, story
from lib.session import current_dataset, current_filters
from lib.vocabulary import is_level


@dataclass(frozen=True)
class Stage:
    dataset: Dataset
    filters: Filters
    allowed: Allowed
    current: story.Story  # the story prepared
    steps: list[story.Step]  # its steps shown (a workshop without published results skipped)

    @property
    def lang(self) -> str:
        return self.filters.lang

    @classmethod
    def open(cls) -> Stage:
        """The stage of this run."""
        dataset = current_dataset()
        filters = current_filters(dataset)
        current = presenting.current_story(dataset, filters.territory, filters.lang)
        return cls(
            dataset=dataset,
            filters=filters,
            allowed=cached.allowed_values(dataset),
            current=current,
            steps=story.shown_steps(dataset, current),
        )

    def slide(self, step: story.Step) -> slides.Slide:
        """What a step shows (cached)."""
        filters_shown = story.step_filters(step, self.allowed, self.lang)
        commune = is_level(filters_shown.territory, "commune")  # its indices need the communes
        scoped = cached.with_communes(self.dataset) if commune else self.dataset
        return cached.slide(scoped, step.kind, filters_shown, step.caption)
