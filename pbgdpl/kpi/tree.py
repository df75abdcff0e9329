"""The unit tree as the computation sees it: the units in force on one day, loaded once,
with each unit's subtree, leaves (communes, wards, special zones) and urban/rural side."""

from dataclasses import dataclass, field
from datetime import date

from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit
from pbgdpl.units.selectors import unit_list_valid


@dataclass
class TreeUnit:
    id: int
    code: str
    path: str
    parent_id: int | None
    kind: str
    is_urban: bool
    population: int | None
    children: list[int] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children and self.kind not in PROVINCE_LEVEL_KINDS

    @property
    def side(self) -> str:
        """ "urban" or "rural" for a leaf, "" for a unit above communes."""
        if not self.is_leaf:
            return ""
        return "urban" if self.is_urban else "rural"


class UnitTree:
    """The units in force on ``on``, by id."""

    def __init__(self, units: list[TreeUnit]) -> None:
        self.units: dict[int, TreeUnit] = {u.id: u for u in units}
        for unit in units:
            if unit.parent_id in self.units:
                self.units[unit.parent_id].children.append(unit.id)
        self._by_path = {u.path: u.id for u in units}
        self._subtree: dict[int, list[int]] = {}
        self._resolved: dict[int, int | None] = {}

    @classmethod
    def load(cls, *, on: date) -> "UnitTree":
        rows = unit_list_valid(on=on).values_list(
            "id", "code", "path", "parent_id", "kind", "is_urban", "population"
        )
        return cls([TreeUnit(*row) for row in rows.order_by("path")])

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self.units

    def subtree(self, unit_id: int) -> list[int]:
        """``unit_id`` and every unit below it."""
        if unit_id not in self._subtree:
            out = [unit_id]
            for child in self.units[unit_id].children:
                out.extend(self.subtree(child))
            self._subtree[unit_id] = out
        return self._subtree[unit_id]

    def leaves(self, unit_id: int, side: str = "") -> list[int]:
        """The communes in ``unit_id``'s subtree (itself when it is one), of one side
        ("urban", "rural") or both ("")."""
        return [
            uid
            for uid in self.subtree(unit_id)
            if self.units[uid].is_leaf and (not side or self.units[uid].side == side)
        ]

    def ancestors(self, unit_id: int) -> list[int]:
        """The units above ``unit_id``, nearest first."""
        out = []
        parent = self.units[unit_id].parent_id
        while parent is not None and parent in self.units:
            out.append(parent)
            parent = self.units[parent].parent_id
        return out

    def roots(self) -> list[int]:
        return [u.id for u in self.units.values() if u.parent_id not in self.units]

    def resolve(self, unit_id: int | None) -> int | None:
        """The unit of the tree that stands for ``unit_id``: itself when in force, else the
        deepest unit in force above it (a commune merged since then counts in its
        province); None when unknown or outside the tree."""
        if unit_id is None:
            return None
        if unit_id in self.units:
            return unit_id
        if unit_id not in self._resolved:
            path = Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()
            found = None
            if path:
                prefixes = [path[: i + 1] for i, ch in enumerate(path) if ch == "/"]
                for prefix in reversed(prefixes):
                    if prefix in self._by_path:
                        found = self._by_path[prefix]
                        break
            self._resolved[unit_id] = found
        return self._resolved[unit_id]
