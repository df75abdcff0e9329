"""Reads of the training app, one module per area: ``registry`` (people as a user may
see them, who was in a unit's registry on a day, history) and ``stats`` (the training
indicators), ``learning`` (the learner's enrolments, progress, quizzes, certificates).
Everything public is re-exported here."""

from ..lessons import lesson_html
from .learning import (
    EnrolmentProgress,
    ModuleState,
    QuizReviewItem,
    SessionRow,
    VideoSource,
    certificate_by_code,
    enrolment_progress,
    learner_enrolment,
    learner_enrolments,
    learner_of,
    module_at,
    module_states,
    prerequisites_state,
    quiz_attempt_of,
    quiz_attempt_open,
    quiz_items_available,
    quiz_review,
    sessions_with_attendance,
    video_source,
)
from .registry import people_in_registry, people_visible, person_history
from .stats import STATS_DEFINITIONS, TrainingStats, training_stats

__all__ = [
    "STATS_DEFINITIONS",
    "EnrolmentProgress",
    "ModuleState",
    "QuizReviewItem",
    "SessionRow",
    "TrainingStats",
    "VideoSource",
    "certificate_by_code",
    "enrolment_progress",
    "learner_enrolment",
    "learner_enrolments",
    "learner_of",
    "lesson_html",
    "module_at",
    "module_states",
    "people_in_registry",
    "people_visible",
    "person_history",
    "prerequisites_state",
    "quiz_attempt_of",
    "quiz_attempt_open",
    "quiz_items_available",
    "quiz_review",
    "sessions_with_attendance",
    "training_stats",
    "video_source",
]
