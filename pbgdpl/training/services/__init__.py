"""Writes of the training app, one module per area: ``registry`` (people in PBGDPL
roles, their moves and status), ``courses`` (sessions, enrolment, attendance,
completion). Everything public is re-exported here, so callers write
``from pbgdpl.training import services`` and ``services.person_create(...)``."""

from .courses import (
    EnrolReport,
    SessionInput,
    attendance_mark,
    completion_mark,
    enrol_people,
    enrol_unit,
    session_add,
)
from .errors import TrainingInputError
from .registry import (
    PersonInput,
    person_create,
    person_input_clean,
    person_move,
    person_set_status,
    person_update,
)

__all__ = [
    "EnrolReport",
    "PersonInput",
    "SessionInput",
    "TrainingInputError",
    "attendance_mark",
    "completion_mark",
    "enrol_people",
    "enrol_unit",
    "person_create",
    "person_input_clean",
    "person_move",
    "person_set_status",
    "person_update",
    "session_add",
]
