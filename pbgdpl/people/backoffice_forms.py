"""Form helpers every back-office screen of the apps shares: putting a service's
refusals back on the fields, one-line error texts for messages, the unit select, text
boxes that keep line ends as stored, and date / date-and-time boxes in local time."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]
DATE_ERRORS = {"invalid": gettext_lazy("Ngày không hợp lệ (ví dụ 31/12/2026).")}


def errors_to_form(form: forms.Form, errors: dict[str, str], *, aliases: dict | None = None):
    """Put a service's input errors (``{field: message}``) on ``form``: on the field of
    the same name (or its alias), else as a form-wide error."""
    aliases = aliases or {}
    for name, message in errors.items():
        target = aliases.get(name, name)
        form.add_error(target if target in form.fields else None, message)


def form_errors_text(*forms_: Any) -> str:
    """Every error of ``forms_`` (forms or formsets) in one line, for a message."""
    texts: list[str] = []
    for form in forms_:
        if isinstance(form, forms.BaseFormSet):
            texts.extend(str(e) for e in form.non_form_errors())
            for sub in form.forms:
                texts.extend(str(e) for errs in sub.errors.values() for e in errs)
        else:
            texts.extend(str(e) for errs in form.errors.values() for e in errs)
    seen: list[str] = []
    for text in texts:
        if text not in seen:
            seen.append(text)
    return " ".join(seen)


class UnitChoiceField(forms.ModelChoiceField):
    """A unit select labelled with the units' names."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class PlainTextField(forms.CharField):
    """Text from a textarea with line ends as stored (browsers send CR LF), so that an
    untouched box does not count as a change."""

    def to_python(self, value: Any) -> str:
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


def date_field(label: str, *, required: bool = False, **kwargs: Any) -> forms.DateField:
    """A date box (the browser's date picker; dd/mm/yyyy typed by hand is accepted too)."""
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            **DATE_ERRORS,
            "required": gettext_lazy("Vui lòng chọn ngày."),
        },
        **kwargs,
    )


def datetime_field(label: str, **kwargs: Any) -> forms.DateTimeField:
    """A date and time in the province's local time (the browser's picker; "dd/mm/yyyy
    hh:mm" typed by hand is accepted too)."""
    return forms.DateTimeField(
        label=label,
        required=False,
        input_formats=DATETIME_INPUT_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "invalid": gettext_lazy("Thời điểm không hợp lệ (ví dụ 31/12/2026 08:00).")
        },
        **kwargs,
    )
