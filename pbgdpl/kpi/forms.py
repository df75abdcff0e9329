"""Public form helpers of the indicators app: the communes a survey answer may name, the
signed context of a survey invitation, the visitor's random survey token."""

from typing import Any

from django.core import signing
from django.utils.translation import gettext_lazy

from pbgdpl.units.choices import COMMUNE_KINDS, ChoiceGroup, unit_choice_groups
from pbgdpl.units.selectors import unit_list_valid

CLIENT_COOKIE = "kpi_khao_sat"
CLIENT_COOKIE_AGE = 365 * 24 * 3600
CONTEXT_SALT = "pbgdpl.kpi.survey.context"
CONTEXT_MAX_AGE = 14 * 24 * 3600
SCORE_LABELS = {
    1: gettext_lazy("Rất không hài lòng"),
    2: gettext_lazy("Không hài lòng"),
    3: gettext_lazy("Bình thường"),
    4: gettext_lazy("Hài lòng"),
    5: gettext_lazy("Rất hài lòng"),
}


def commune_choice_groups() -> list[ChoiceGroup]:
    """The communes in force, grouped by kind (phường, xã, đặc khu), by name."""
    return unit_choice_groups(unit_list_valid().filter(kind__in=COMMUNE_KINDS))


def survey_context_sign(context_type: str, context_id: Any) -> str:
    """The signed reference to what a survey invitation was shown after ("qa.question",
    42), so that a visitor cannot attach an answer to something else."""
    return signing.dumps([context_type, str(context_id)], salt=CONTEXT_SALT, compress=True)


def survey_context_read(value: str) -> tuple[str, str]:
    """(type, id) of a signed context, or ("", "") when missing, forged or too old."""
    if not value or len(value) > 300:
        return "", ""
    try:
        context_type, context_id = signing.loads(value, salt=CONTEXT_SALT, max_age=CONTEXT_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return "", ""
    return str(context_type)[:40], str(context_id)[:40]
