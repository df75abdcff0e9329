"""Reads over administrative units."""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from pbgdpl.core.text import fold

from .models import PROVINCE_LEVEL_KINDS, Unit


def _valid_on(on: date | None) -> Q:
    day = on or timezone.localdate()
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


def unit_list_valid(*, on: date | None = None) -> QuerySet[Unit]:
    """Units in force on ``on`` (today by default)."""
    return Unit.objects.filter(_valid_on(on))


def unit_get(*, code: str) -> Unit | None:
    """The unit with this code, whatever its validity, or None."""
    return Unit.objects.filter(code=code.strip()).first()


def unit_children(*, parent: Unit | None, on: date | None = None) -> QuerySet[Unit]:
    """Direct children of ``parent`` (top-level units when None) in force on ``on``."""
    qs = unit_list_valid(on=on)
    qs = qs.filter(parent__isnull=True) if parent is None else qs.filter(parent=parent)
    return qs.order_by("kind", "name")


def unit_subtree(*, root: Unit, on: date | None = None) -> QuerySet[Unit]:
    """``root`` and every unit below it, in force on ``on``."""
    return unit_list_valid(on=on).filter(path__startswith=root.path)


def province_name_key(name: str) -> str:
    """A province name folded and without "tỉnh"/"thành phố", for matching user input."""
    return fold(name).removeprefix("tinh ").removeprefix("thanh pho ").strip()


def unit_find_province(*, name_or_code: str) -> Unit | None:
    """A stored province-level unit by code or by name (diacritics and 'tỉnh' optional)."""
    wanted = province_name_key(name_or_code)
    for unit in Unit.objects.filter(kind__in=PROVINCE_LEVEL_KINDS):
        if unit.code == name_or_code.strip() or province_name_key(unit.name) == wanted:
            return unit
    return None
