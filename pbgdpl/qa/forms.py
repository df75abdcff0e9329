"""The public forms of the Legal Q&A: asking a question, finding a question by its
tracking code, and asking for one's personal data to be erased.

The forms only carry what was typed and what the templates need to show it again
(choices, ids, error messages). Every rule about what may be stored lives in
``services.qa_question_submit``: its ``QaInputError.errors`` are attached to the fields
here with :meth:`QuestionAskForm.errors_apply`, so the page and the API give the same
messages.
"""

from typing import Any

from django import forms
from django.conf import settings

from pbgdpl.laws.models import LegalField
from pbgdpl.units.choices import Choice, unit_choice_groups

from .services import (
    CONSENT_TEXTS,
    CONSENT_VERSION,
    TEXT_MAX_CHARS,
    TEXT_MIN_CHARS,
    QuestionInput,
    question_units,
)

HONEYPOT = "website"
SUGGEST_BUTTON = "goi_y"
ERASE_CONFIRM = "xac_nhan"
# The order of the fields on the page: the error summary lists errors in this order.
FIELD_ORDER = (
    "legal_field",
    "unit",
    "text",
    "name",
    "email",
    "phone",
    "consent",
    HONEYPOT,
)


def legal_field_choices() -> list[Choice]:
    """Every legal field, by name."""
    return [Choice(code, name) for code, name in LegalField.objects.values_list("code", "name")]


class QuestionAskForm(forms.Form):
    """The ask form, as typed. ``is_valid()`` only reads the values: the service checks
    them (and raises every problem at once)."""

    legal_field = forms.CharField(required=False)
    unit = forms.CharField(required=False)
    text = forms.CharField(required=False, strip=False)
    name = forms.CharField(required=False)
    email = forms.CharField(required=False)
    phone = forms.CharField(required=False)
    consent = forms.BooleanField(required=False)
    consent_version = forms.CharField(required=False)
    website = forms.CharField(required=False, strip=False)

    # The id of each field's control on the page (the error summary links to them).
    ids = {
        "legal_field": "q-field",
        "unit": "q-unit",
        "text": "q-text",
        "name": "q-name",
        "email": "q-email",
        "phone": "q-phone",
        "consent": "q-consent",
        HONEYPOT: "q-website",
    }
    text_max = TEXT_MAX_CHARS
    text_min = TEXT_MIN_CHARS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.field_choices = legal_field_choices()
        self.unit_groups = unit_choice_groups(question_units())
        self.consent_version_current = CONSENT_VERSION
        self.consent_text = CONSENT_TEXTS[CONSENT_VERSION]
        self.answer_days = settings.QA_ANSWER_WORKING_DAYS

    def value(self, name: str) -> Any:
        """What was typed in ``name`` ("" before the first post)."""
        if not self.is_bound:
            return ""
        raw = self.data.get(name, "")
        return raw if name != "consent" else raw not in ("", "0", "false", "off", None)

    @property
    def values(self) -> dict[str, Any]:
        """``{field: typed value}`` for the template (re-shown as typed after an error)."""
        return {name: self.value(name) for name in self.fields}

    def question_input(self) -> QuestionInput:
        """The typed values for ``services.qa_question_submit`` (nothing checked here)."""
        return QuestionInput(
            legal_field=self.data.get("legal_field", ""),
            unit=self.data.get("unit", ""),
            text=self.data.get("text", ""),
            name=self.data.get("name", ""),
            email=self.data.get("email", ""),
            phone=self.data.get("phone", ""),
            consent=bool(self.value("consent")),
            consent_version=self.data.get("consent_version", ""),
            honeypot=self.data.get(HONEYPOT, ""),
        )

    def errors_apply(self, errors: dict[str, str]) -> None:
        """Attach the service's messages (``QaInputError.errors``) to the fields."""
        self.is_valid()
        for name, message in errors.items():
            self.add_error(name if name in self.fields else None, message)

    def error_for(self, name: str) -> str:
        """The message of field ``name``, or ""."""
        if not self.is_bound:
            return ""
        messages = self.errors.get(name)
        return messages[0] if messages else ""

    def error_summary(self) -> list[dict[str, str]]:
        """Every message in page order, each with the id of its control ("" when the
        control is hidden from people: the honeypot)."""
        if not self.is_bound:
            return []
        out = []
        for name in FIELD_ORDER:
            for message in self.errors.get(name, []):
                target = "" if name == HONEYPOT else self.ids[name]
                out.append({"message": message, "target": target})
        for message in self.non_field_errors():
            out.append({"message": message, "target": ""})
        return out

    @property
    def bound_errors(self) -> dict[str, str]:
        """``{field: first message}`` for the template (empty when nothing is wrong)."""
        if not self.is_bound:
            return {}
        return {name: self.error_for(name) for name in FIELD_ORDER if self.error_for(name)}
