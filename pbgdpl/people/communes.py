"""The communes, wards and special zones a person can say they live in (in force today):
for an account's commune and for the portal's "my commune" choice.

The list is read once per hour and per day into the shared cache (a few hundred small
tuples for one province) and kept by each process while the cache says it is current, so
checking a code on every request costs one small cache read and no query. Units only
change by import (``units_load``); a change shows within ``COMMUNES_CACHE_SECONDS``.
"""

import secrets
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from pbgdpl.core.text import fold
from pbgdpl.units.choices import COMMUNE_KINDS, GROUP_LABELS
from pbgdpl.units.selectors import unit_list_valid

COMMUNES_CACHE_SECONDS = 3600
_CACHE_KEY = "people:communes:v1:{day}"
_VERSION_KEY = "people:communes:v1:version:{day}"
# This process's copy of the list (see ``_index``): "current" = (version, list, by code,
# by id); and "today" = (date, epoch second it ends). Entries are replaced whole, never
# edited in place.
_memo: dict = {}


@dataclass(frozen=True)
class Commune:
    """A commune, ward or special zone in force today."""

    id: int
    code: str
    name: str
    kind: str
    province: str

    @property
    def folded(self) -> str:
        return fold(self.name)


@dataclass
class CommuneGroup:
    label: str
    communes: list[Commune] = field(default_factory=list)


def today_local() -> date:
    """Today in the site's time zone, as ``timezone.localdate()``, computed once per day
    and process (it is asked on every page view)."""
    now = time.time()
    memo = _memo.get("today")
    if memo is not None and now < memo[1]:
        return memo[0]
    local = timezone.localtime()
    day = local.date()
    midnight = timezone.make_aware(datetime.combine(day + timedelta(days=1), datetime.min.time()))
    _memo["today"] = (day, now + (midnight - local).total_seconds())
    return day


def _index() -> tuple[list[Commune], dict[str, Commune], dict[int, Commune]]:
    """The communes in force today, by code and by id.

    Two layers: the rows in the shared cache (one query per hour and day for every
    process), and this process's own copy, reused as long as the shared cache holds the
    same version (one small cache read per call instead of unpickling the list: the portal
    checks the reader's commune on every page, page-cache hits included)."""
    day = today_local().isoformat()
    rows_key, version_key = _CACHE_KEY.format(day=day), _VERSION_KEY.format(day=day)
    version = cache.get(version_key)
    current = _memo.get("current")
    if version is not None and current is not None and current[0] == version:
        return current[1], current[2], current[3]
    rows = cache.get(rows_key) if version is not None else None
    if rows is None:
        rows = [
            (unit.id, unit.code, unit.name, unit.kind, unit.parent.name if unit.parent else "")
            for unit in unit_list_valid(on=date.fromisoformat(day))
            .filter(kind__in=COMMUNE_KINDS)
            .select_related("parent")
            .only("id", "code", "name", "kind", "parent__name")
            .order_by("name", "code")
        ]
        version = secrets.token_hex(8)
        cache.set(rows_key, rows, COMMUNES_CACHE_SECONDS)
        cache.set(version_key, version, COMMUNES_CACHE_SECONDS)
    communes = [Commune(*row) for row in rows]
    by_code = {c.code: c for c in communes}
    by_id = {c.id: c for c in communes}
    _memo["current"] = (version, communes, by_code, by_id)  # one assignment: thread-safe
    return communes, by_code, by_id


def communes_valid() -> list[Commune]:
    """Every commune, ward and special zone in force today, by name."""
    return list(_index()[0])


def commune_by_code(code: str | None) -> Commune | None:
    """The commune in force today with this code; None for anything else (unknown,
    merged away, a province, malformed)."""
    wanted = (code or "").strip()
    if not wanted or len(wanted) > 20:
        return None
    return _index()[1].get(wanted)


def commune_by_id(unit_id: int | None) -> Commune | None:
    """The commune in force today with this unit id, or None."""
    return _index()[2].get(unit_id) if unit_id is not None else None


def communes_search(text: str, *, limit: int = 20) -> list[Commune]:
    """Communes whose name contains every word typed, with or without diacritics and
    whatever the case ("ia grai", "Phường Pleiku", "pleiku"); the kind word ("xã",
    "phường") may be left out. At most ``limit``, names starting with the text first."""
    words = fold(text).split()
    if not words:
        return []
    query = " ".join(words)
    found = [c for c in communes_valid() if all(w in c.folded for w in words)]
    found.sort(key=lambda c: (not _bare_name(c.folded).startswith(query), c.folded))
    return found[:limit]


def _bare_name(folded: str) -> str:
    for prefix in ("xa ", "phuong ", "dac khu "):
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def communes_span_provinces() -> bool:
    """Whether the communes of more than one province are loaded."""
    return len({c.province for c in communes_valid()}) > 1


def commune_groups() -> list[CommuneGroup]:
    """The communes for a select: grouped by kind (phường, xã, đặc khu), by name within a
    group — or by province when the communes of more than one province are loaded."""
    communes = communes_valid()
    groups: dict[str, CommuneGroup] = {}
    if communes_span_provinces():
        for commune in sorted(communes, key=lambda c: (c.province, c.folded)):
            groups.setdefault(commune.province, CommuneGroup(commune.province)).communes.append(
                commune
            )
        return list(groups.values())
    for kind in COMMUNE_KINDS:
        groups[kind] = CommuneGroup(str(GROUP_LABELS[kind]))
    for commune in communes:
        groups[commune.kind].communes.append(commune)
    return [group for group in groups.values() if group.communes]
