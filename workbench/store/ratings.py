"""Rating scales: the labels a team publishes and the ClaimReview ``ratingValue`` behind each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from workbench.errors import InputError

# Best to worst, as fact-checkers publish them; 0 means "no numeric value" (it is not on the scale).
DEFAULT_RATINGS: Mapping[str, float] = MappingProxyType({
    "true": 6,
    "mostly-true": 5,
    "mixed": 4,
    "misleading": 3,
    "mostly-false": 2,
    "false": 1,
    "unverifiable": 0,
})


def _key(label: str) -> str:
    return " ".join(label.split()).casefold()


@dataclass(frozen=True)
class RatingScale:
    """Labels mapped to ClaimReview rating values; a label valued 0 has no value and is left out of the
    best/worst range (a claim that cannot be verified is not "worse than false")."""

    values: Mapping[str, float] = field(default_factory=lambda: DEFAULT_RATINGS)

    def __post_init__(self) -> None:
        if not self.values:
            raise InputError("a rating scale needs at least one label")
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @classmethod
    def from_config(cls, ratings: Mapping[str, float]) -> "RatingScale":
        """A team's own scale from ``Config.ratings``, else the default."""
        return cls(ratings) if ratings else cls()

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.values)

    def label(self, rating: str) -> str:
        """The scale's own spelling of ``rating`` (case and spacing forgiven), or an error listing them all."""
        wanted = _key(rating)
        for label in self.values:
            if _key(label) == wanted:
                return label
        raise InputError(f"unknown rating {rating!r}; valid ratings: {', '.join(self.values)}")

    def value(self, label: str) -> float | None:
        """The ClaimReview ratingValue, or None for a label with no value (or one no longer on the scale)."""
        number = self.values.get(label)
        return number if number else None

    @property
    def best(self) -> float | None:
        scored = [v for v in self.values.values() if v]
        return max(scored) if scored else None

    @property
    def worst(self) -> float | None:
        scored = [v for v in self.values.values() if v]
        return min(scored) if scored else None
