"""Reads of the personnel registry: the rows a user may see, who was in a unit's registry
on a day, a person's history."""

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from pbgdpl.people.permissions import filter_permitted

from ..models import (
    Person,
    PersonMove,
    PersonStatus,
)


def people_visible(user: Any) -> QuerySet[Person]:
    """The registry rows of the units where ``user`` holds "training.view" or
    "training.registry"."""
    visible = filter_permitted(user, "training.view", Person.objects.all())
    editable = filter_permitted(user, "training.registry", Person.objects.all())
    return (
        Person.objects.filter(Q(pk__in=visible.values("pk")) | Q(pk__in=editable.values("pk")))
        .select_related("unit")
        .prefetch_related("legal_fields")
    )


def people_in_registry(*, unit_path: str, on: date) -> QuerySet[Person]:
    """People who were in the registry in the subtree of ``unit_path`` on ``on``: their
    history places them there that day and they had not ended by then (a person marked
    ended counts up to the day before their ``status_since``; without a date, not at all)."""
    moves = PersonMove.objects.filter(unit__path__startswith=unit_path, since__lte=on).filter(
        Q(until__isnull=True) | Q(until__gt=on)
    )
    ended = Q(status=PersonStatus.ENDED) & (Q(status_since__isnull=True) | Q(status_since__lte=on))
    return Person.objects.filter(pk__in=moves.values("person_id")).exclude(ended)


def person_history(person: Person) -> list[PersonMove]:
    """The units a person worked in, oldest first."""
    return list(person.moves.select_related("unit").order_by("since"))
