"""Reads of the training app, one module per area: ``registry`` (people as a user may
see them, who was in a unit's registry on a day, history) and ``stats`` (the training
indicators). Everything public is re-exported here."""

from .registry import people_in_registry, people_visible, person_history
from .stats import STATS_DEFINITIONS, TrainingStats, training_stats

__all__ = [
    "STATS_DEFINITIONS",
    "TrainingStats",
    "people_in_registry",
    "people_visible",
    "person_history",
    "training_stats",
]
