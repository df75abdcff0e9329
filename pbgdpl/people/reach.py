"""The contract between the feature apps and the indicators (kpi) for "persons reached
digitally": each app that knows identified people (accounts, contest participants, Q&A
askers, trainees, survey respondents) exposes a selector returning :class:`ReachRecord`
rows; kpi merges the rows of one person (any shared key) and counts each person once
per period, by the commune they gave.

Keys are keyed hashes of the normalised identifiers, never the identifiers themselves,
so the indicator computation handles no personal data.
"""

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.crypto import salted_hmac

from .identifiers import normalize_email, normalize_phone

REACH_SALT = "pbgdpl.people.reach"


@dataclass(frozen=True)
class ReachRecord:
    """One identified person seen by one app on one day.

    ``keys``: the person's hashed identifiers (see :func:`reach_keys`); two records that
    share a key are the same person. ``unit_id``: the commune (or ward) the person gave,
    None when they gave none. ``source``: "account", "contest", "qa", "training",
    "survey"."""

    keys: tuple[str, ...]
    unit_id: int | None
    on: date
    source: str


def reach_keys(*, phone: str = "", email: str = "", user_id: int | None = None) -> tuple[str, ...]:
    """The hashed identifiers of a person: one per identifier given (normalised phone,
    normalised e-mail, account id); a phone that is not a Vietnamese number is skipped.
    Empty when none is given (such a record cannot count as an identified person)."""
    keys = []
    if phone:
        # A phone we cannot normalise cannot be matched: the other identifiers still count.
        with suppress(ValueError):
            keys.append(salted_hmac(REACH_SALT, "p:" + normalize_phone(phone)).hexdigest()[:32])
    if email and (value := normalize_email(email)):
        keys.append(salted_hmac(REACH_SALT, "e:" + value).hexdigest()[:32])
    if user_id is not None:
        keys.append(salted_hmac(REACH_SALT, f"u:{user_id}").hexdigest()[:32])
    return tuple(keys)


def reach_period_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """The instants ``[start, end)`` covering the local days ``date_from``..``date_to``
    (both included), for filtering timestamps by the site's time zone."""
    start = timezone.make_aware(datetime.combine(date_from, time.min))
    end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min))
    return start, end
