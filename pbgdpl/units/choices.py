"""The communes, wards and special zones as a person picks one on a public form: the
kinds that count as a commune, their group labels, and the choices of a select grouped
by kind (phường, xã, đặc khu) — or by province when more than one is loaded."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Unit, UnitKind

# The kinds a person lives in, in the order their groups are shown.
COMMUNE_KINDS = (UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)
GROUP_LABELS = {
    UnitKind.WARD: gettext_lazy("Phường"),
    UnitKind.COMMUNE: gettext_lazy("Xã"),
    UnitKind.SPECIAL_ZONE: gettext_lazy("Đặc khu"),
}


@dataclass
class Choice:
    value: str
    label: str


@dataclass
class ChoiceGroup:
    label: str
    choices: list[Choice] = field(default_factory=list)


def unit_choice_groups(units: QuerySet[Unit]) -> list[ChoiceGroup]:
    """``units`` (communes, wards, special zones) for a select, by code: grouped by kind
    and sorted by name within each group — or grouped by province when the units of more
    than one province are among them."""
    rows = list(
        units.select_related("parent").only("code", "name", "kind", "parent").order_by("name")
    )
    groups: dict[Any, ChoiceGroup] = {}
    if len({row.parent_id for row in rows}) > 1:
        for row in sorted(rows, key=lambda r: ((r.parent.name if r.parent else ""), r.name)):
            label = row.parent.name if row.parent else _("Khác")
            groups.setdefault(row.parent_id, ChoiceGroup(str(label))).choices.append(
                Choice(row.code, row.name)
            )
        return list(groups.values())
    for kind in COMMUNE_KINDS:
        groups[kind] = ChoiceGroup(str(GROUP_LABELS[kind]))
    for row in rows:
        if row.kind in groups:
            groups[row.kind].choices.append(Choice(row.code, row.name))
    return [group for group in groups.values() if group.choices]
