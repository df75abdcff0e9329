"""The public forms of the contests: registering for a contest, continuing on another
device with one's "mã dự thi", the answers of an attempt, and the practice quiz's state.

The forms carry what was typed and what the templates need to show it again (choices,
control ids, messages). The rules about what may be stored live in the services
(``services.participant_register``, ``services.attempt_answers_save``…): their
``ContestInputError.errors`` are attached to the fields here, so the page and the API
give the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext as _

from pbgdpl.units.choices import Choice, ChoiceGroup, unit_choice_groups
from pbgdpl.units.selectors import unit_list_valid

from .models import Contest, Eligibility, ParticipantGroup
from .services import (
    CONSENT_TEXTS,
    CONSENT_VERSION,
    PARTICIPANT_UNIT_KINDS,
    PREDICTION_MAX,
    ParticipantInput,
)

# The order of the fields on the page: the error summary lists errors in this order.
FIELD_ORDER = ("name", "phone", "email", "unit", "group", "consent")
# Markup in a name is refused outright (the service would strip the tags and keep the
# rest, which is never what the person meant to be called).
TOKEN_MAX_CHARS = 200
# The name of each item's control on the take page: "cau-<item id>".
ANSWER_PREFIX = "cau-"
PREDICTION_FIELD = "du-doan"
SUBMIT_KEY_FIELD = "khoa"
PRACTICE_STATE_FIELD = "tt"
PRACTICE_SALT = "pbgdpl.contests.practice"
PRACTICE_MAX_AGE = 24 * 3600


def contest_unit_choice_groups(contest: Contest) -> list[ChoiceGroup]:
    """The communes a participant of ``contest`` may choose (in force today; within the
    contest's area when it is limited to one), grouped as :func:`unit_choice_groups` does."""
    rows = unit_list_valid().filter(kind__in=PARTICIPANT_UNIT_KINDS)
    if contest.eligibility == Eligibility.UNIT and contest.eligible_unit_id:
        rows = rows.filter(path__startswith=contest.eligible_unit.path)
    return unit_choice_groups(rows)


def group_choices(contest: Contest) -> list[Choice]:
    """The participant groups (only the eligible one when the contest is for one group)."""
    if contest.eligibility == Eligibility.GROUP and contest.eligible_group:
        return [Choice(contest.eligible_group, str(contest.get_eligible_group_display()))]
    return [Choice(value, str(label)) for value, label in ParticipantGroup.choices]


class ServiceErrorsMixin:
    """Attach a service's ``{field: message}`` to the form and list them in page order."""

    ids: dict[str, str] = {}
    order: tuple[str, ...] = ()

    def errors_apply(self, errors: dict[str, str]) -> None:
        self.is_valid()
        for name, message in errors.items():
            target = name if name in self.fields else None
            if target is None or not self.errors.get(target):
                self.add_error(target, message)

    def error_for(self, name: str) -> str:
        if not self.is_bound:
            return ""
        found = self.errors.get(name)
        return found[0] if found else ""

    def error_summary(self) -> list[dict[str, str]]:
        """Every message in page order, each with the id of its control."""
        if not self.is_bound:
            return []
        out = [
            {"message": message, "target": self.ids.get(name, "")}
            for name in self.order
            for message in self.errors.get(name, [])
        ]
        out += [{"message": m, "target": ""} for m in self.non_field_errors()]
        return out

    @property
    def bound_errors(self) -> dict[str, str]:
        if not self.is_bound:
            return {}
        return {name: self.error_for(name) for name in self.order if self.error_for(name)}


class RegistrationForm(ServiceErrorsMixin, forms.Form):
    """The registration form, as typed; ``services.participant_register`` checks it."""

    name = forms.CharField(required=False)
    phone = forms.CharField(required=False)
    email = forms.CharField(required=False)
    unit = forms.CharField(required=False)
    group = forms.CharField(required=False)
    consent = forms.BooleanField(required=False)
    consent_version = forms.CharField(required=False)

    ids = {
        "name": "dk-ten",
        "phone": "dk-dien-thoai",
        "email": "dk-thu",
        "unit": "dk-xa",
        "group": "dk-nhom",
        "consent": "dk-dong-y",
    }
    order = FIELD_ORDER

    def __init__(self, *args: Any, contest: Contest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.unit_groups = contest_unit_choice_groups(contest)
        self.group_choices = group_choices(contest)
        self.consent_version_current = CONSENT_VERSION
        self.consent_text = CONSENT_TEXTS[CONSENT_VERSION]

    def value(self, name: str) -> Any:
        if not self.is_bound:
            if name == "group":  # most people are "Người dân"; a group contest has one
                values = [c.value for c in self.group_choices]
                return ParticipantGroup.CITIZEN if ParticipantGroup.CITIZEN in values else values[0]
            return ""
        raw = self.data.get(name, "")
        return raw if name != "consent" else raw not in ("", "0", "false", "off", None)

    @property
    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.fields}

    def participant_input(self) -> ParticipantInput:
        """The typed values for ``services.participant_register`` (which checks them
        all and reports every problem at once)."""
        return ParticipantInput(
            name=str(self.data.get("name", "")),
            unit=str(self.data.get("unit", "")),
            phone=str(self.data.get("phone", "")),
            email=str(self.data.get("email", "")),
            group=str(self.data.get("group", "")),
            consent=bool(self.value("consent")),
            consent_version=str(self.data.get("consent_version", "")),
        )


def token_normalize(raw: str) -> str:
    """The "mã dự thi" as typed (spaces, line breaks) → the token; "" when unusable."""
    token = re.sub(r"\s+", "", raw or "")
    return token if 0 < len(token) <= TOKEN_MAX_CHARS else ""


def token_grouped(token: str) -> str:
    """The token in groups of four characters, easier to copy by hand."""
    return " ".join(token[i : i + 4] for i in range(0, len(token), 4))


# --------------------------------------------------------------------------- attempts


@dataclass
class AnswersPosted:
    """What the take form sent: the answers of every item shown ({item id: [choice
    ids]}; an item with nothing ticked is sent as [] — the page shows every item, so the
    form is the whole state), the prediction, and what could not be read."""

    answers: dict[str, list[int]]
    prediction: int | None
    prediction_raw: str
    errors: dict[str, str]


def answers_from_post(data: Any, *, item_ids: list[int]) -> AnswersPosted:
    """Read the take form: ``cau-<item id>`` (one value for a radio group, several for
    check boxes) and ``du-doan``. Values that are not numbers are reported, not guessed."""
    answers: dict[str, list[int]] = {}
    errors: dict[str, str] = {}
    for item_id in item_ids:
        values = data.getlist(f"{ANSWER_PREFIX}{item_id}")
        chosen = []
        for value in values:
            value = str(value).strip()
            if not value.isdigit() or len(value) > 12:
                errors["answers"] = _("Phương án trả lời không hợp lệ. Vui lòng chọn lại.")
                break
            chosen.append(int(value))
        answers[str(item_id)] = chosen
    raw = str(data.get(PREDICTION_FIELD, "")).strip().replace(".", "").replace(" ", "")
    prediction = None
    if raw:
        if raw.isdigit() and int(raw) <= PREDICTION_MAX:
            prediction = int(raw)
        else:
            errors["prediction"] = _("Số người dự đoán phải là một số nguyên từ 0 đến %(max)s.") % {
                "max": f"{PREDICTION_MAX:,}".replace(",", ".")
            }
    return AnswersPosted(
        answers=answers, prediction=prediction, prediction_raw=raw[:20], errors=errors
    )


# --------------------------------------------------------------------------- practice


@dataclass
class PracticeState:
    """Where a visitor is in a practice session: the field ("" for every field), the
    item asked now (None between questions), the items already answered, and how many
    were right. Carried in a signed hidden field: it cannot be forged."""

    field: str
    current: int | None = None
    seen: list[int] = field(default_factory=list)
    right: int = 0

    @property
    def answered(self) -> int:
        return len(self.seen)

    def dumps(self) -> str:
        return signing.dumps(
            {"f": self.field, "q": self.current, "s": self.seen, "r": self.right},
            salt=PRACTICE_SALT,
            compress=True,
        )

    @classmethod
    def loads(cls, raw: str, *, field_code: str) -> PracticeState | None:
        """The state signed by :meth:`dumps` for ``field_code``; None when forged,
        damaged, too old or of another field."""
        if not raw or len(raw) > 2000:
            return None
        try:
            data = signing.loads(raw, salt=PRACTICE_SALT, max_age=PRACTICE_MAX_AGE)
        except signing.BadSignature:
            return None
        try:
            state = cls(
                field=str(data["f"]),
                current=None if data["q"] is None else int(data["q"]),
                seen=[int(i) for i in data["s"]],
                right=int(data["r"]),
            )
        except (KeyError, TypeError, ValueError):
            return None
        if state.field != field_code or not 0 <= state.right <= len(state.seen):
            return None
        return state
