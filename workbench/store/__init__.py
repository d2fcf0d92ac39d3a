"""The verdict store (issue 4): verdicts, pair judgements and finding reviews, with their history, in a
TinyDB file that is safe to share between sessions.  See :mod:`workbench.store.storage` for the file."""

from workbench.store.ratings import DEFAULT_RATINGS, RatingScale
from workbench.store.records import KINDS, RELATIONS, STATUSES, Record, Review, Verdict, target_kind
from workbench.store.storage import SCHEMA_VERSION, AtomicJSONStorage
from workbench.store.store import VerdictStore

__all__ = [
    "DEFAULT_RATINGS", "KINDS", "RELATIONS", "SCHEMA_VERSION", "STATUSES", "AtomicJSONStorage", "RatingScale",
    "Record", "Review", "Verdict", "VerdictStore", "target_kind",
]
