"""Writes of the indicators app: the survey figures of each commune (enter, submit,
return, approve, lock, unlock), surveys and their answers.

Entry workflow (per commune and period, DHIS2-style approval and locking):

- a commune officer (``kpi.enter`` on the commune) types in the sample size, how many of
  the people surveyed were reached by digital legal information and how many were
  satisfied, while the entry is a draft (saving a submitted one takes it back to draft);
- they submit it; an approver (``kpi.approve``) returns it with a reason or approves it —
  not one they entered or submitted themselves (four eyes; a second province
  administrator can approve what the first one typed);
- an approver locks approved entries (one commune, or every commune of a unit at once,
  including those without figures, so nothing can be typed in later);
- approved and locked entries cannot change; a province administrator (``kpi.unlock``)
  unlocks one, giving a reason, back to draft. Every step is in the audit log.

Only approved and locked figures count in the indicators.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import plain_text_clean
from pbgdpl.people.permissions import can
from pbgdpl.people.reach import reach_keys
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit
from pbgdpl.units.selectors import unit_get, unit_list_valid

from .compute import dirty_mark, dirty_mark_day
from .models import (
    DataElement,
    DataValue,
    EntryApproval,
    EntryState,
    Period,
    Survey,
    SurveyContext,
    SurveyResponse,
)
from .periods import PeriodError, period_get

NOTE_MAX = 1000
REASON_MIN = 10
REASON_MAX = 500
COMMENT_MAX = 1000
FIGURE_MAX = 10_000_000
SURVEY_SALT = "pbgdpl.kpi.survey"


class KpiInputError(ValueError):
    """Input the services refuse: ``errors`` maps a field to a Vietnamese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(" ".join(errors.values()))


class KpiStateError(ValueError):
    """An action the current state does not allow; the message (Vietnamese) says why."""


class SurveyDuplicateError(KpiStateError):
    """The same browser already answered this survey today (for this context)."""


# --------------------------------------------------------------------------- helpers


def unit_resolve(unit: Unit | str | None, *, field: str = "unit") -> Unit:
    """The unit given as a Unit or a code, or KpiInputError (unknown unit)."""
    if isinstance(unit, Unit):
        return unit
    code = str(unit or "").strip()
    if not code:
        raise KpiInputError({field: _("Chưa chọn đơn vị.")})
    found = unit_get(code=code[:20])
    if found is None:
        raise KpiInputError(
            {field: _("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code[:20]}}
        )
    return found


def period_resolve(period: Period | str | None) -> Period:
    if isinstance(period, Period):
        return period
    try:
        return period_get(str(period or ""))
    except PeriodError as exc:
        raise KpiInputError({"period": str(exc)}) from None


def _is_commune(unit: Unit) -> bool:
    return unit.kind not in PROVINCE_LEVEL_KINDS and not unit.children.exists()


_GROUPED = re.compile(r"^\d{1,3}(?:[.\s]\d{3})+$")


def whole_number(value: Any, *, label: str) -> int:
    """A whole number ≥ 0 from a form or API value ("1200", "1.200", 1200), or ValueError
    with a Vietnamese message naming ``label``."""
    if isinstance(value, bool):
        raise ValueError(_("%(label)s phải là số nguyên không âm.") % {"label": label})
    if isinstance(value, int):
        number = value
    elif isinstance(value, Decimal | float):
        if value != int(value):
            raise ValueError(_("%(label)s phải là số nguyên, không có phần lẻ.") % {"label": label})
        number = int(value)
    else:
        text = str(value or "").strip().replace("\u00a0", " ")
        if not text:
            raise ValueError(_("Chưa nhập %(label)s.") % {"label": label.lower()})
        if _GROUPED.match(text):
            text = re.sub(r"[.\s]", "", text)
        if not text.isdigit() or not text.isascii():
            if text.startswith("-") and text[1:].strip().isdigit():
                raise ValueError(_("%(label)s không được là số âm.") % {"label": label})
            raise ValueError(
                _("%(label)s phải là số nguyên không âm (ví dụ 120), không phải “%(value)s”.")
                % {"label": label, "value": text[:20]}
            )
        number = int(text)
    if number < 0:
        raise ValueError(_("%(label)s không được là số âm.") % {"label": label})
    return number


def _deny(message: str) -> PermissionDenied:
    return PermissionDenied(message)


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class EntryFigures:
    sample: int
    reached: int
    satisfied: int


FIGURE_LABELS = {
    "sample": "Số người được khảo sát",
    "reached": "Số người đã tiếp cận thông tin pháp luật qua nền tảng số",
    "satisfied": "Số người hài lòng",
}


def entry_figures_clean(*, unit: Unit, sample: Any, reached: Any, satisfied: Any) -> EntryFigures:
    """The three figures as whole numbers, checked together, or KpiInputError."""
    errors: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for name, raw in (("sample", sample), ("reached", reached), ("satisfied", satisfied)):
        try:
            numbers[name] = whole_number(raw, label=_(FIGURE_LABELS[name]))
        except ValueError as exc:
            errors[name] = str(exc)
    if "sample" in numbers:
        n = numbers["sample"]
        if n == 0:
            errors["sample"] = _("Số người được khảo sát phải lớn hơn 0.")
        elif unit.population and n > unit.population:
            errors["sample"] = _(
                "Số người được khảo sát (%(n)s) không được lớn hơn dân số của %(unit)s "
                "(%(population)s)."
            ) % {"n": n, "unit": unit.name, "population": unit.population}
        elif n > FIGURE_MAX:
            errors["sample"] = _("Số người được khảo sát quá lớn.")
        for name in ("reached", "satisfied"):
            if name in numbers and numbers[name] > n:
                errors[name] = _(
                    "%(label)s (%(value)s) không được lớn hơn số người được khảo sát (%(n)s)."
                ) % {"label": _(FIGURE_LABELS[name]), "value": numbers[name], "n": n}
    if errors:
        raise KpiInputError(errors)
    return EntryFigures(**numbers)


def _entry_for_update(unit: Unit, period: Period) -> EntryApproval | None:
    return (
        EntryApproval.objects.select_for_update()
        .filter(unit=unit, period=period)
        .select_related("unit", "period")
        .first()
    )


def _frozen_message(entry: EntryApproval) -> str:
    if entry.state == EntryState.LOCKED:
        return _(
            "Số liệu %(period)s của %(unit)s đã khoá, không sửa được. Cần quản trị cấp tỉnh mở "
            "khoá (có ghi lý do)."
        ) % {"period": entry.period, "unit": entry.unit.name}
    return _(
        "Số liệu %(period)s của %(unit)s đã được duyệt, không sửa được. Cần quản trị cấp tỉnh "
        "mở khoá (có ghi lý do)."
    ) % {"period": entry.period, "unit": entry.unit.name}


def _entry_target(actor: Any, unit: Any, period: Any, action: str) -> tuple[Unit, Period]:
    errors: dict[str, str] = {}
    try:
        unit = unit_resolve(unit)
    except KpiInputError as exc:
        errors.update(exc.errors)
    try:
        period = period_resolve(period)
    except KpiInputError as exc:
        errors.update(exc.errors)
    if errors:
        raise KpiInputError(errors)
    if not can(actor, action, unit):
        raise _deny(_("Bạn không có quyền với số liệu của %(unit)s.") % {"unit": unit.name})
    return unit, period


@transaction.atomic
def entry_save(
    *,
    actor: Any,
    unit: Unit | str,
    period: Period | str,
    sample: Any,
    reached: Any,
    satisfied: Any,
    note: str = "",
    today: date | None = None,
) -> EntryApproval:
    """Store the survey figures of a commune for a period (a draft). Refused: an unknown
    unit or period, a unit that is not a commune, a period not begun, figures that are not
    whole numbers ≥ 0 or do not add up, an entry already approved or locked."""
    unit, period = _entry_target(actor, unit, period, "kpi.enter")
    if not _is_commune(unit) or unit.valid_to is not None:
        raise KpiInputError(
            {"unit": _("Chỉ nhập số liệu khảo sát cho xã, phường, đặc khu đang có hiệu lực.")}
        )
    today = today or timezone.localdate()
    if period.start > today:
        raise KpiInputError(
            {"period": _("%(period)s chưa bắt đầu, chưa nhập số liệu được.") % {"period": period}}
        )
    figures = entry_figures_clean(unit=unit, sample=sample, reached=reached, satisfied=satisfied)
    note = plain_text_clean(note)
    if len(note) > NOTE_MAX:
        raise KpiInputError({"note": _("Ghi chú tối đa 1.000 ký tự.")})
    entry = _entry_for_update(unit, period)
    if entry is not None and entry.is_frozen:
        raise KpiStateError(_frozen_message(entry))
    before = None
    if entry is None:
        entry = EntryApproval(unit=unit, period=period)
    else:
        from .selectors import entry_figures

        before = entry_figures(unit=unit, period=period)
    was_submitted = entry.state == EntryState.SUBMITTED
    now = timezone.now()
    entry.state = EntryState.DRAFT
    entry.note = note
    entry.entered_by = actor
    entry.entered_at = now
    entry.returned_reason = "" if was_submitted else entry.returned_reason
    entry.save()
    elements = {e.code: e for e in DataElement.objects.filter(source="entry")}
    for name, value in (
        ("entry_sample", figures.sample),
        ("entry_reached", figures.reached),
        ("entry_satisfied", figures.satisfied),
    ):
        DataValue.objects.update_or_create(
            element=elements[name],
            unit=unit,
            period=period,
            defaults={"value": Decimal(value), "source": "entry", "updated_by": actor},
        )
    audit_record(
        action="kpi.entry.save",
        obj=entry,
        actor=actor,
        data={
            "period": period.code,
            "before": before,
            "after": {
                "sample": figures.sample,
                "reached": figures.reached,
                "satisfied": figures.satisfied,
            },
            "was_submitted": was_submitted,
        },
    )
    return entry


def _entry_existing(unit: Unit, period: Period) -> EntryApproval:
    entry = _entry_for_update(unit, period)
    if entry is None:
        raise KpiStateError(
            _("%(unit)s chưa có số liệu %(period)s.") % {"unit": unit.name, "period": period}
        )
    return entry


@transaction.atomic
def entry_submit(*, actor: Any, unit: Unit | str, period: Period | str) -> EntryApproval:
    """Send a draft for approval."""
    unit, period = _entry_target(actor, unit, period, "kpi.enter")
    entry = _entry_existing(unit, period)
    if entry.state != EntryState.DRAFT:
        raise KpiStateError(
            _("Chỉ gửi duyệt được số liệu đang nhập (hiện: %(state)s).")
            % {"state": entry.get_state_display()}
        )
    entry.state = EntryState.SUBMITTED
    entry.submitted_by = actor
    entry.submitted_at = timezone.now()
    entry.save()
    audit_record(action="kpi.entry.submit", obj=entry, actor=actor, data={"period": period.code})
    return entry


@transaction.atomic
def entry_return(
    *, actor: Any, unit: Unit | str, period: Period | str, reason: str
) -> EntryApproval:
    """Give a submitted entry back to the commune with a reason."""
    unit, period = _entry_target(actor, unit, period, "kpi.approve")
    reason = _reason_clean(reason)
    entry = _entry_existing(unit, period)
    if entry.state != EntryState.SUBMITTED:
        raise KpiStateError(_("Chỉ trả lại được số liệu đang chờ duyệt."))
    entry.state = EntryState.DRAFT
    entry.returned_reason = reason
    entry.save()
    audit_record(
        action="kpi.entry.return",
        obj=entry,
        actor=actor,
        data={"period": period.code, "reason": reason},
    )
    return entry


@transaction.atomic
def entry_approve(*, actor: Any, unit: Unit | str, period: Period | str) -> EntryApproval:
    """Approve a submitted entry: from now on its figures count in the indicators."""
    unit, period = _entry_target(actor, unit, period, "kpi.approve")
    entry = _entry_existing(unit, period)
    if entry.state != EntryState.SUBMITTED:
        raise KpiStateError(
            _("Chỉ duyệt được số liệu đang chờ duyệt (hiện: %(state)s).")
            % {"state": entry.get_state_display()}
        )
    if actor.pk in (entry.entered_by_id, entry.submitted_by_id):
        raise _deny(_("Người nhập hoặc gửi số liệu không tự duyệt số liệu của mình."))
    entry.state = EntryState.APPROVED
    entry.approved_by = actor
    entry.approved_at = timezone.now()
    entry.save()
    audit_record(action="kpi.entry.approve", obj=entry, actor=actor, data={"period": period.code})
    _changed(period, unit)
    return entry


@transaction.atomic
def entry_lock(*, actor: Any, unit: Unit | str, period: Period | str) -> EntryApproval:
    """Lock a commune's figures for a period: an approved entry, or an empty one (nothing
    can be typed in afterwards). A draft or a submitted entry must be approved first."""
    unit, period = _entry_target(actor, unit, period, "kpi.approve")
    if not _is_commune(unit):
        raise KpiInputError({"unit": _("Chỉ khoá số liệu của từng xã, phường, đặc khu.")})
    return _lock_one(actor, unit, period)


def _lock_one(actor: Any, unit: Unit, period: Period) -> EntryApproval:
    entry = _entry_for_update(unit, period)
    if entry is None:
        entry = EntryApproval(unit=unit, period=period)
    elif entry.state == EntryState.LOCKED:
        return entry
    elif entry.state != EntryState.APPROVED:
        raise KpiStateError(
            _("Số liệu %(period)s của %(unit)s chưa được duyệt, chưa khoá được.")
            % {"period": period, "unit": unit.name}
        )
    entry.state = EntryState.LOCKED
    entry.locked_by = actor
    entry.locked_at = timezone.now()
    entry.save()
    audit_record(action="kpi.entry.lock", obj=entry, actor=actor, data={"period": period.code})
    return entry


@dataclass
class LockReport:
    locked: list[Unit]
    already: list[Unit]
    pending: list[Unit]  # draft or submitted: not locked


@transaction.atomic
def entries_lock(*, actor: Any, unit: Unit | str, period: Period | str) -> LockReport:
    """Lock the period for every commune under ``unit`` (approved or empty entries); the
    communes whose figures still wait (draft, submitted) are listed, not locked."""
    unit, period = _entry_target(actor, unit, period, "kpi.approve")
    report = LockReport(locked=[], already=[], pending=[])
    communes = [
        u
        for u in unit_list_valid(on=min(period.end, timezone.localdate()))
        .filter(path__startswith=unit.path)
        .exclude(kind__in=PROVINCE_LEVEL_KINDS)
        .order_by("name")
        if can(actor, "kpi.approve", u)
    ]
    states = dict(
        EntryApproval.objects.filter(period=period, unit__in=communes).values_list(
            "unit_id", "state"
        )
    )
    for commune in communes:
        state = states.get(commune.pk)
        if state == EntryState.LOCKED:
            report.already.append(commune)
        elif state in (None, EntryState.APPROVED):
            _lock_one(actor, commune, period)
            report.locked.append(commune)
        else:
            report.pending.append(commune)
    return report


def _reason_clean(reason: str) -> str:
    reason = plain_text_clean(reason)
    if len(reason) < REASON_MIN:
        raise KpiInputError(
            {"reason": _("Hãy ghi rõ lý do (ít nhất %(n)s ký tự).") % {"n": REASON_MIN}}
        )
    if len(reason) > REASON_MAX:
        raise KpiInputError({"reason": _("Lý do tối đa %(n)s ký tự.") % {"n": REASON_MAX}})
    return reason


@transaction.atomic
def entry_unlock(
    *, actor: Any, unit: Unit | str, period: Period | str, reason: str
) -> EntryApproval:
    """Take an approved or locked entry back to draft (province administrators only), with
    a reason kept in the audit log; its figures stop counting until approved again."""
    unit, period = _entry_target(actor, unit, period, "kpi.unlock")
    reason = _reason_clean(reason)
    entry = _entry_existing(unit, period)
    if not entry.is_frozen:
        raise KpiStateError(_("Chỉ mở khoá được số liệu đã duyệt hoặc đã khoá."))
    previous = entry.state
    entry.state = EntryState.DRAFT
    entry.approved_by = None
    entry.approved_at = None
    entry.locked_by = None
    entry.locked_at = None
    entry.save()
    audit_record(
        action="kpi.entry.unlock",
        obj=entry,
        actor=actor,
        data={"period": period.code, "reason": reason, "previous_state": previous},
    )
    _changed(period, unit)
    return entry


def _changed(period: Period, unit: Unit) -> None:
    """Mark the values touched by a commune's counted figures for recomputation, and ask
    the background worker to recompute once the change is committed."""
    dirty_mark(period=period, unit_id=unit.pk)

    def enqueue() -> None:
        from .tasks import kpi_recompute_task

        kpi_recompute_task.enqueue()

    transaction.on_commit(enqueue, robust=True)


# --------------------------------------------------------------------------- surveys


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
_LONG_NUMBER = re.compile(r"(?<!\d)\d{9,12}(?!\d)")
HIDDEN = "[đã ẩn]"


def survey_comment_clean(comment: str) -> str:
    """The comment as plain text, with e-mail addresses, phone numbers and long numbers
    (ID card numbers) replaced: a survey keeps no personal data, even typed in by mistake."""
    text = plain_text_clean(comment)
    text = _EMAIL.sub(HIDDEN, text)
    text = _PHONE.sub(HIDDEN, text)
    return _LONG_NUMBER.sub(HIDDEN, text)


def survey_dedupe_hash(*, survey: Survey, day: date, context: str, client: str) -> str:
    """The keyed hash that lets one browser (or, without cookies, one address) answer a
    survey once per day and context; neither the token nor the address is stored."""
    return salted_hmac(SURVEY_SALT, f"{survey.pk}|{day.isoformat()}|{context}|{client}").hexdigest()


def survey_client_token_new() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class SurveyAnswer:
    score: Any
    comment: str = ""
    unit: str = ""


@transaction.atomic
def survey_response_add(
    *,
    survey: Survey,
    answer: SurveyAnswer,
    client: str,
    context_type: str = "",
    context_id: str = "",
    user: Any = None,
    day: date | None = None,
) -> SurveyResponse:
    """Store one answer (score 1–5, optional comment and commune). ``client``: the
    browser's random token (or a stand-in for the address); with it, a second answer to
    the same survey the same day in the same context is refused. ``user``: a signed-in
    respondent is counted as a person reached (by a hashed key, never by name)."""
    if not survey.active:
        raise KpiStateError(_("Khảo sát này đã đóng. Cảm ơn bạn đã quan tâm."))
    errors: dict[str, str] = {}
    try:
        score = int(str(answer.score).strip())
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        errors["score"] = _("Hãy chọn một mức từ 1 (rất không hài lòng) đến 5 (rất hài lòng).")
    comment = survey_comment_clean(answer.comment or "")
    if len(comment) > COMMENT_MAX:
        errors["comment"] = _("Góp ý tối đa 1.000 ký tự (hiện %(n)s).") % {"n": len(comment)}
    unit = None
    code = (answer.unit or "").strip()
    if code:
        unit = unit_get(code=code[:20])
        if unit is None or not _is_commune(unit) or unit.valid_to is not None:
            errors["unit"] = _("Không tìm thấy xã, phường đã chọn. Hãy chọn lại trong danh sách.")
    if errors:
        raise KpiInputError(errors)
    day = day or timezone.localdate()
    context = f"{context_type}:{context_id}" if context_type else ""
    dedupe = survey_dedupe_hash(survey=survey, day=day, context=context, client=client)
    if SurveyResponse.objects.filter(survey=survey, dedupe_hash=dedupe).exists():
        raise SurveyDuplicateError(_("Bạn đã trả lời khảo sát này hôm nay. Cảm ơn bạn!"))
    reach_key = ""
    if user is not None and getattr(user, "is_authenticated", False):
        reach_key = reach_keys(user_id=user.pk)[0]
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey,
                score=score,
                comment=comment,
                unit=unit,
                context_type=context_type[:40],
                context_id=str(context_id)[:40],
                day=day,
                dedupe_hash=dedupe,
                reach_key=reach_key,
            )
    except IntegrityError:
        raise SurveyDuplicateError(_("Bạn đã trả lời khảo sát này hôm nay. Cảm ơn bạn!")) from None
    dirty_mark_day(day)  # recomputed by the next "kpi_recompute" run
    return response


@dataclass(frozen=True)
class SurveyInput:
    slug: str
    title: str
    context: str
    question: str
    unit: str
    sampling_rate: Any
    active: bool = True
    intro: str = ""
    ask_unit: bool = True


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@transaction.atomic
def survey_save(*, actor: Any, data: SurveyInput, survey: Survey | None = None) -> Survey:
    """Create or change a survey (``kpi.surveys`` on its unit)."""
    errors: dict[str, str] = {}
    slug = (data.slug or "").strip().lower()
    if not _SLUG.match(slug) or len(slug) > 80:
        errors["slug"] = _("Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.")
    elif Survey.objects.filter(slug=slug).exclude(pk=getattr(survey, "pk", None)).exists():
        errors["slug"] = _("Đường dẫn “%(slug)s” đã có khảo sát khác dùng.") % {"slug": slug}
    title = plain_text_clean(data.title)
    if not title or len(title) > 200:
        errors["title"] = _("Tiêu đề có từ 1 đến 200 ký tự.")
    question = plain_text_clean(data.question)
    if not question or len(question) > 300:
        errors["question"] = _("Câu hỏi có từ 1 đến 300 ký tự.")
    intro = plain_text_clean(data.intro)
    if len(intro) > 1000:
        errors["intro"] = _("Lời giới thiệu tối đa 1.000 ký tự.")
    if data.context not in SurveyContext.values:
        errors["context"] = _("Hãy chọn nơi hiện khảo sát.")
    try:
        rate = Decimal(str(data.sampling_rate).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        rate = Decimal(-1)
    if not Decimal(0) <= rate <= Decimal(1):
        errors["sampling_rate"] = _("Tỷ lệ mời là một số từ 0 đến 1 (ví dụ 0,2 là mời 20%).")
    try:
        unit = unit_resolve(data.unit)
    except KpiInputError as exc:
        errors.update(exc.errors)
        unit = None
    if errors:
        raise KpiInputError(errors)
    if not can(actor, "kpi.surveys", unit) or (
        survey is not None and not can(actor, "kpi.surveys", survey.unit)
    ):
        raise _deny(_("Bạn không có quyền quản lý khảo sát của %(unit)s.") % {"unit": unit.name})
    creating = survey is None
    survey = survey or Survey()
    survey.slug = slug
    survey.title = title
    survey.context = data.context
    survey.question = question
    survey.intro = intro
    survey.unit = unit
    survey.sampling_rate = rate.quantize(Decimal("0.001"))
    survey.active = bool(data.active)
    survey.ask_unit = bool(data.ask_unit)
    survey.save()
    audit_record(
        action="kpi.survey.create" if creating else "kpi.survey.change",
        obj=survey,
        actor=actor,
        data={"slug": slug, "active": survey.active, "sampling_rate": str(survey.sampling_rate)},
    )
    return survey
