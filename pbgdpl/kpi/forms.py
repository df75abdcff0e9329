"""Public form helpers of the indicators app: the communes a survey answer may name, the
signed context of a survey invitation, the visitor's random survey token."""

from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy

from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, UnitKind
from pbgdpl.units.selectors import unit_list_valid

CLIENT_COOKIE = "kpi_khao_sat"
CLIENT_COOKIE_AGE = 365 * 24 * 3600
CONTEXT_SALT = "pbgdpl.kpi.survey.context"
CONTEXT_MAX_AGE = 14 * 24 * 3600
GROUP_ORDER = (UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)
GROUP_LABELS = {
    UnitKind.WARD: gettext_lazy("Phường"),
    UnitKind.COMMUNE: gettext_lazy("Xã"),
    UnitKind.SPECIAL_ZONE: gettext_lazy("Đặc khu"),
}
SCORE_LABELS = {
    1: gettext_lazy("Rất không hài lòng"),
    2: gettext_lazy("Không hài lòng"),
    3: gettext_lazy("Bình thường"),
    4: gettext_lazy("Hài lòng"),
    5: gettext_lazy("Rất hài lòng"),
}


@dataclass
class ChoiceGroup:
    label: str
    choices: list[tuple[str, str]] = field(default_factory=list)


def commune_choice_groups() -> list[ChoiceGroup]:
    """The communes in force, grouped by kind (phường, xã, đặc khu), by name."""
    rows = (
        unit_list_valid(on=timezone.localdate())
        .exclude(kind__in=PROVINCE_LEVEL_KINDS)
        .order_by("name")
        .values_list("code", "name", "kind")
    )
    groups = {kind: ChoiceGroup(str(GROUP_LABELS[kind])) for kind in GROUP_ORDER}
    for code, name, kind in rows:
        if kind in groups:
            groups[kind].choices.append((code, name))
    return [g for g in groups.values() if g.choices]


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
