"""Writes of the training app, one module per area: ``registry`` (people in PBGDPL
roles, their moves and status), ``courses`` (sessions, enrolment, attendance,
completion), ``learning`` (the learner's account, modules, quizzes, automatic completion),
``certificates`` (issue, verification URL, PDF), ``reminders`` (e-mails to learners).
Everything public is re-exported here, so callers write
``from pbgdpl.training import services`` and ``services.person_create(...)``."""

from .certificates import (
    CERTIFICATE_PREFIX,
    certificate_issue,
    certificate_path,
    certificate_pdf,
    certificate_url,
)
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
from .learning import (
    enrolment_complete_if_done,
    learner_link_account,
    module_complete,
    quiz_start,
    quiz_submit,
)
from .registry import (
    PersonInput,
    person_create,
    person_input_clean,
    person_move,
    person_set_status,
    person_update,
)
from .reminders import ReminderReport, reminder_send

__all__ = [
    "CERTIFICATE_PREFIX",
    "EnrolReport",
    "PersonInput",
    "ReminderReport",
    "SessionInput",
    "TrainingInputError",
    "attendance_mark",
    "certificate_issue",
    "certificate_path",
    "certificate_pdf",
    "certificate_url",
    "completion_mark",
    "enrol_people",
    "enrol_unit",
    "enrolment_complete_if_done",
    "learner_link_account",
    "module_complete",
    "person_create",
    "person_input_clean",
    "person_move",
    "person_set_status",
    "person_update",
    "quiz_start",
    "quiz_submit",
    "reminder_send",
    "session_add",
]
