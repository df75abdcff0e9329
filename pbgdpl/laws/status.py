"""Status in force of a legal document on any date, from its dates and relations."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _


class Status:
    NOT_YET = "chua_hieu_luc"
    IN_FORCE = "con_hieu_luc"
    PARTIAL = "het_hieu_luc_mot_phan"
    EXPIRED = "het_hieu_luc"
    UNKNOWN = "khong_xac_dinh"

    LABELS = {
        NOT_YET: _("Chưa có hiệu lực"),
        IN_FORCE: _("Còn hiệu lực"),
        PARTIAL: _("Hết hiệu lực một phần"),
        EXPIRED: _("Hết hiệu lực toàn bộ"),
        UNKNOWN: _("Chưa xác định"),
    }


@dataclass(frozen=True)
class Event:
    """An incoming relation that changes the target's force: kind, date, whole or part."""

    kind: str  # "replaces" | "repeals" | "amends"
    on: date | None
    whole: bool
    source: str = ""  # number or title of the acting document, for display


@dataclass(frozen=True)
class StatusAt:
    code: str
    on: date
    since: date | None = None
    amended: bool = False
    because: list[Event] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(Status.LABELS[self.code])

    @property
    def in_force(self) -> bool:
        return self.code in (Status.IN_FORCE, Status.PARTIAL)


def status_at(
    *,
    on: date,
    effective_on: date | None,
    expires_on: date | None,
    events: list[Event] = (),
) -> StatusAt:
    """The status on ``on``.

    Rules, in order: expired when ``expires_on`` <= on, or a whole-document repeal or
    replacement took effect on or before ``on``; not yet in force when ``effective_on`` is
    after ``on``; unknown when there is no effective date; partly expired when a repeal of
    some provisions took effect; otherwise in force (``amended`` tells whether an
    amendment took effect). A relation without a date counts from the acting document's
    effect, which the caller passes as ``Event.on``; an event without any date is ignored.
    """
    ended = [
        e for e in events if e.whole and e.kind in ("replaces", "repeals") and e.on and e.on <= on
    ]
    end_dates = [e.on for e in ended]
    if expires_on and expires_on <= on:
        end_dates.append(expires_on)
    if end_dates:
        return StatusAt(code=Status.EXPIRED, on=on, since=min(end_dates), because=ended)
    if effective_on and effective_on > on:
        return StatusAt(code=Status.NOT_YET, on=on, since=None)
    if effective_on is None:
        return StatusAt(code=Status.UNKNOWN, on=on)
    partial = [
        e
        for e in events
        if not e.whole and e.kind in ("replaces", "repeals") and e.on and e.on <= on
    ]
    amended = any(e.kind == "amends" and e.on and e.on <= on for e in events)
    if partial:
        return StatusAt(
            code=Status.PARTIAL,
            on=on,
            since=min(e.on for e in partial),
            amended=amended,
            because=partial,
        )
    return StatusAt(code=Status.IN_FORCE, on=on, since=effective_on, amended=amended)


def force_window(
    *, effective_on: date | None, expires_on: date | None, events: list[Event] = ()
) -> tuple[date | None, date | None]:
    """(first day in force, first day no longer in force) — what the search index keeps
    to filter by status on any day without re-indexing."""
    ends = [e.on for e in events if e.whole and e.kind in ("replaces", "repeals") and e.on]
    if expires_on:
        ends.append(expires_on)
    return effective_on, (min(ends) if ends else None)
