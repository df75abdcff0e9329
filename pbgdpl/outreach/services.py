"""Writes of the outreach app: annual plans and their targets, activities and their
evidence files.

Every write checks "outreach.manage" on the unit concerned (an officer of commune A can
never touch commune B's plans or activities), validates everything first and raises
:class:`OutreachInputError` with one Vietnamese message per bad field — then nothing is
stored — and writes an audit event in the same transaction.

Rules about participants (``activity_input_clean``):

- ``participants_urban + participants_rural ≤ participants_total``; the rest is "not
  classified" and shown as such in reports;
- when neither is given for an activity of a commune, ward or special zone, every
  participant is counted in the unit's own area (a ward's are urban, a commune's rural);
  a province-level activity keeps them unclassified;
- urban participants at an activity of a rural unit (or rural ones at an urban unit) need
  an explanation (``participants_note``), e.g. people from a neighbouring ward;
- activities that gather people (conference, mobile session, contest, Law Day, legal aid,
  village meeting) need at least one participant; online views only for activities with
  an online part.
"""

import hashlib
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import find_document_numbers, fold, plain_text_clean
from pbgdpl.core.uploads import CONTENT_TYPES, UploadRefused, megabytes_text, upload_check
from pbgdpl.people.permissions import require
from pbgdpl.units.models import PROVINCE_LEVEL_KINDS, Unit
from pbgdpl.units.selectors import unit_list_valid

from .models import (
    GATHERING_KINDS,
    OFFLINE_MODES,
    ONLINE_ONLY_KINDS,
    PERCENT_TARGETS,
    Activity,
    ActivityAudience,
    ActivityEvidence,
    ActivityKind,
    ActivityMode,
    AudienceGroup,
    EvidenceKind,
    OutreachPlan,
    PlanStatus,
    PlanTarget,
    TargetKind,
)

TITLE_MIN, TITLE_MAX = 5, 255
DESCRIPTION_MAX = 4000
NOTE_MAX = 2000
PARTICIPANTS_MAX = 10_000_000
VIEWS_MAX = 1_000_000_000
LEGAL_DOCUMENTS_MAX = 20
ACTIVITY_DAYS_MAX = 366
TARGETS_MAX = 30
TARGET_COUNT_MAX = 100_000_000
PLAN_YEAR_MIN = 2020
EVIDENCE_PER_ACTIVITY_MAX = 20
EVIDENCE_MAX_BYTES_DEFAULT = 10 * 1024 * 1024  # messages say "10 MB" for the default

# Allowed evidence: extension → kind (the content is checked by pbgdpl.core.uploads).
EVIDENCE_TYPES: dict[str, str] = {
    "jpg": EvidenceKind.PHOTO,
    "jpeg": EvidenceKind.PHOTO,
    "png": EvidenceKind.PHOTO,
    "webp": EvidenceKind.PHOTO,
    "heic": EvidenceKind.PHOTO,
    "pdf": EvidenceKind.PDF,
    "docx": EvidenceKind.DOCUMENT,
    "doc": EvidenceKind.DOCUMENT,
    "odt": EvidenceKind.DOCUMENT,
}


class OutreachInputError(ValueError):
    """Input refused; ``errors`` maps each bad field to a Vietnamese message. Nothing
    was stored."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def evidence_max_bytes() -> int:
    return int(getattr(settings, "OUTREACH_EVIDENCE_MAX_BYTES", EVIDENCE_MAX_BYTES_DEFAULT))


def _date_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _clean_line(value: Any, limit: int) -> str:
    """One line of user text: tags and control characters removed, spaces collapsed."""
    return " ".join(plain_text_clean(str(value or "")).split())[:limit]


def _count(
    errors: dict[str, str], name: str, value: Any, *, maximum: int, label: str
) -> int | None:
    """A whole number ≥ 0 typed by a person (None when empty); an error otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        value = None
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str):
        text = value.strip().replace(".", "").replace(",", "").replace(" ", "")
        value = int(text) if text.isdigit() else None
    if not isinstance(value, int) or value < 0:
        errors[name] = _("%(label)s phải là số nguyên không âm.") % {"label": label}
        return None
    if value > maximum:
        errors[name] = _("%(label)s quá lớn (tối đa %(max)s).") % {
            "label": label,
            "max": f"{maximum:,}".replace(",", "."),
        }
        return None
    return value


# --------------------------------------------------------------------------- plans


@dataclass
class PlanInput:
    unit: str  # unit code
    year: int | None
    title: str
    note: str = ""


@dataclass
class TargetInput:
    kind: str
    value: Any
    activity_kind: str = ""
    note: str = ""


def _plan_clean(data: PlanInput, *, plan: OutreachPlan | None = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    unit = unit_list_valid().filter(code=(data.unit or "").strip()).first()
    if unit is None:
        errors["unit"] = _("Đơn vị không có trong danh mục đơn vị hành chính hiện hành.")
    this_year = timezone.localdate().year
    year = data.year
    if not isinstance(year, int) or isinstance(year, bool):
        errors["year"] = _("Vui lòng nhập năm của kế hoạch (ví dụ %(year)s).") % {"year": this_year}
    elif not PLAN_YEAR_MIN <= year <= this_year + 1:
        errors["year"] = _("Năm kế hoạch phải từ %(min)s đến %(max)s.") % {
            "min": PLAN_YEAR_MIN,
            "max": this_year + 1,
        }
    title = _clean_line(data.title, 300)
    if "<" in (data.title or "") or ">" in (data.title or ""):
        errors["title"] = _("Tên kế hoạch không được có ký tự < hoặc >.")
    elif not TITLE_MIN <= len(title) <= TITLE_MAX:
        errors["title"] = _("Vui lòng nhập tên kế hoạch (từ 5 đến 255 ký tự).")
    note = plain_text_clean(data.note)
    if len(note) > NOTE_MAX:
        errors["note"] = _("Ghi chú dài tối đa 2.000 ký tự.")
    if not errors:
        duplicate = OutreachPlan.objects.filter(unit=unit, year=year)
        if plan is not None:
            duplicate = duplicate.exclude(pk=plan.pk)
        if duplicate.exists():
            errors["year"] = _("%(unit)s đã có kế hoạch năm %(year)s.") % {
                "unit": unit.name,
                "year": year,
            }
    if errors:
        raise OutreachInputError(errors)
    return {"unit": unit, "year": year, "title": title, "note": note}


def _target_empty(target: TargetInput) -> bool:
    return not (target.kind or "").strip() and not str(target.value or "").strip()


def targets_clean(targets: Iterable[TargetInput], *, unit: Unit) -> list[dict[str, Any]]:
    """Validate a plan's whole list of targets (rows with neither kind nor value are
    skipped but keep their place); errors are keyed ``targets`` for the list and
    ``target_<n>`` for row n (1-based, counting skipped rows)."""
    errors: dict[str, str] = {}
    clean: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    targets = list(targets)
    if sum(1 for t in targets if not _target_empty(t)) > TARGETS_MAX:
        raise OutreachInputError(
            {"targets": _("Một kế hoạch có tối đa %(n)s chỉ tiêu.") % {"n": TARGETS_MAX}}
        )
    for number, target in enumerate(targets, start=1):
        if _target_empty(target):
            continue
        key = f"target_{number}"
        kind = (target.kind or "").strip()
        activity_kind = (target.activity_kind or "").strip()
        prefix = _("Chỉ tiêu %(n)s: ") % {"n": number}
        if kind not in TargetKind.values:
            errors[key] = prefix + _("chọn loại chỉ tiêu.")
            continue
        if kind == TargetKind.ACTIVITIES_OF_KIND:
            if activity_kind not in ActivityKind.values:
                errors[key] = prefix + _("chọn loại hoạt động cho chỉ tiêu này.")
                continue
        else:
            activity_kind = ""
        if kind == TargetKind.UNITS_COVERED and unit.kind not in PROVINCE_LEVEL_KINDS:
            errors[key] = prefix + _(
                "chỉ tiêu số xã, phường có hoạt động chỉ dùng cho kế hoạch cấp tỉnh."
            )
            continue
        row_errors: dict[str, str] = {}
        percent = kind in PERCENT_TARGETS
        value = _count(
            row_errors,
            "value",
            target.value,
            maximum=100 if percent else TARGET_COUNT_MAX,
            label=_("Giá trị"),
        )
        if row_errors:
            errors[key] = prefix + row_errors["value"]
            continue
        if not value:
            errors[key] = prefix + (
                _("nhập tỷ lệ từ 1 đến 100 (%).") if percent else _("nhập giá trị lớn hơn 0.")
            )
            continue
        if (kind, activity_kind) in seen:
            errors[key] = prefix + _("trùng với chỉ tiêu %(n)s.") % {"n": seen[kind, activity_kind]}
            continue
        seen[kind, activity_kind] = number
        clean.append(
            {
                "kind": kind,
                "activity_kind": activity_kind,
                "value": value,
                "note": _clean_line(target.note, 200),
            }
        )
    if errors:
        raise OutreachInputError(errors)
    return clean


def _plan_editable(plan: OutreachPlan) -> None:
    if plan.status == PlanStatus.APPROVED:
        raise OutreachInputError(
            {
                "status": _(
                    "Kế hoạch đã phê duyệt không sửa được: chuyển kế hoạch về dự thảo (ghi lý "
                    "do) rồi sửa."
                )
            }
        )


@transaction.atomic
def plan_create(
    *, actor: Any, data: PlanInput, targets: Iterable[TargetInput] = ()
) -> OutreachPlan:
    """A draft plan of ``data.unit`` for ``data.year`` (one a year per unit), with its
    targets."""
    clean = _plan_clean(data)
    require(actor, "outreach.manage", clean["unit"])
    target_rows = targets_clean(targets, unit=clean["unit"])
    try:
        with transaction.atomic():
            plan = OutreachPlan.objects.create(**clean, created_by=_user(actor))
    except IntegrityError:  # the same unit and year saved at the same moment
        raise OutreachInputError(
            {"year": _("Đơn vị đã có kế hoạch năm %(year)s.") % {"year": clean["year"]}}
        ) from None
    PlanTarget.objects.bulk_create(PlanTarget(plan=plan, **row) for row in target_rows)
    audit_record(
        action="outreach.plan.create",
        obj=plan,
        actor=actor,
        data={"year": plan.year, "targets": len(target_rows)},
    )
    return plan


@transaction.atomic
def plan_update(
    *,
    actor: Any,
    plan: OutreachPlan,
    data: PlanInput,
    targets: Iterable[TargetInput] | None = None,
) -> OutreachPlan:
    """Change a draft plan (its unit stays; the year only while no activity is filed under
    it) and, when ``targets`` is given, replace its targets."""
    require(actor, "outreach.manage", plan)
    plan = OutreachPlan.objects.select_for_update().get(pk=plan.pk)
    _plan_editable(plan)
    clean = _plan_clean(data, plan=plan)
    errors = {}
    if clean["unit"].pk != plan.unit_id:
        errors["unit"] = _("Không đổi được đơn vị của kế hoạch: hãy lập kế hoạch mới.")
    elif clean["year"] != plan.year and plan.activities.live().exists():
        errors["year"] = _("Đã có hoạt động thuộc kế hoạch này: không đổi được năm kế hoạch.")
    if errors:
        raise OutreachInputError(errors)
    target_rows = None if targets is None else targets_clean(targets, unit=plan.unit)
    plan.year, plan.title, plan.note = clean["year"], clean["title"], clean["note"]
    plan.save(update_fields=["year", "title", "note", "updated_at"])
    if target_rows is not None:
        _targets_replace(plan, target_rows)
    audit_record(
        action="outreach.plan.update",
        obj=plan,
        actor=actor,
        data={} if target_rows is None else {"targets": len(target_rows)},
    )
    return plan


def _targets_replace(plan: OutreachPlan, rows: list[dict[str, Any]]) -> None:
    plan.targets.all().delete()
    PlanTarget.objects.bulk_create(PlanTarget(plan=plan, **row) for row in rows)


@transaction.atomic
def plan_targets_set(
    *, actor: Any, plan: OutreachPlan, targets: Iterable[TargetInput]
) -> list[PlanTarget]:
    """Replace all targets of a draft plan at once (all or nothing)."""
    require(actor, "outreach.manage", plan)
    plan = OutreachPlan.objects.select_for_update().get(pk=plan.pk)
    _plan_editable(plan)
    rows = targets_clean(targets, unit=plan.unit)
    _targets_replace(plan, rows)
    audit_record(action="outreach.plan.targets", obj=plan, actor=actor, data={"targets": len(rows)})
    return list(plan.targets.all())


def decision_number_clean(value: str) -> str:
    """The số, ký hiệu of the document that issued a plan in canonical spelling
    ("15/kh-ubnd" → "15/KH-UBND"); OutreachInputError when it is not one."""
    found = find_document_numbers(value or "")
    if len(found) != 1:
        raise OutreachInputError(
            {
                "decision_number": _(
                    "Ghi một số, ký hiệu văn bản ban hành kế hoạch, ví dụ 15/KH-UBND hoặc "
                    "120/QĐ-UBND."
                )
            }
        )
    return str(found[0])[:60]


@transaction.atomic
def plan_approve(
    *, actor: Any, plan: OutreachPlan, decision_number: str, decision_date: date | None
) -> OutreachPlan:
    """Record that the plan was approved (issued) by the document ``decision_number`` of
    ``decision_date`` (not in the future; in the plan's year or the year before). A plan
    needs at least one target to be approved."""
    require(actor, "outreach.manage", plan)
    plan = OutreachPlan.objects.select_for_update().get(pk=plan.pk)
    errors: dict[str, str] = {}
    if plan.status == PlanStatus.APPROVED:
        raise OutreachInputError({"status": _("Kế hoạch đã được phê duyệt.")})
    try:
        number = decision_number_clean(decision_number)
    except OutreachInputError as exc:
        errors.update(exc.errors)
    if decision_date is None:
        errors["decision_date"] = _("Vui lòng nhập ngày ban hành kế hoạch.")
    elif decision_date > timezone.localdate():
        errors["decision_date"] = _("Ngày ban hành không được sau hôm nay.")
    elif not plan.year - 1 <= decision_date.year <= plan.year:
        errors["decision_date"] = _("Ngày ban hành phải trong năm %(year)s hoặc năm trước đó.") % {
            "year": plan.year
        }
    if not plan.targets.exists():
        errors["targets"] = _("Kế hoạch cần ít nhất một chỉ tiêu trước khi phê duyệt.")
    if errors:
        raise OutreachInputError(errors)
    plan.decision_number = number
    plan.decision_date = decision_date
    plan.status = PlanStatus.APPROVED
    plan.approved_at = timezone.now()
    plan.approved_by = _user(actor)
    plan.save(
        update_fields=[
            "decision_number",
            "decision_date",
            "status",
            "approved_at",
            "approved_by",
            "updated_at",
        ]
    )
    audit_record(
        action="outreach.plan.approve",
        obj=plan,
        actor=actor,
        data={"decision_number": number, "decision_date": decision_date.isoformat()},
    )
    return plan


@transaction.atomic
def plan_reopen(*, actor: Any, plan: OutreachPlan, reason: str) -> OutreachPlan:
    """Take an approved plan back to draft to adjust it (e.g. an amending plan), with the
    reason in the audit log; its document number and date are kept until it is approved
    again."""
    require(actor, "outreach.manage", plan)
    plan = OutreachPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.APPROVED:
        raise OutreachInputError({"status": _("Kế hoạch đang là dự thảo.")})
    reason = _clean_line(reason, 300)
    if len(reason) < 5:
        raise OutreachInputError(
            {"reason": _("Ghi lý do chuyển kế hoạch về dự thảo (ít nhất 5 ký tự).")}
        )
    plan.status = PlanStatus.DRAFT
    plan.approved_at = None
    plan.approved_by = None
    plan.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
    audit_record(action="outreach.plan.reopen", obj=plan, actor=actor, data={"reason": reason})
    return plan


@transaction.atomic
def plan_delete(*, actor: Any, plan: OutreachPlan) -> None:
    """Delete a draft plan that no activity is filed under."""
    require(actor, "outreach.manage", plan)
    plan = OutreachPlan.objects.select_for_update().get(pk=plan.pk)
    _plan_editable(plan)
    if plan.activities.exists():
        raise OutreachInputError(
            {"plan": _("Đã có hoạt động thuộc kế hoạch này: không xoá được kế hoạch.")}
        )
    audit_record(action="outreach.plan.delete", obj=plan, actor=actor, data={"year": plan.year})
    plan.delete()


# --------------------------------------------------------------------------- activities


@dataclass
class ActivityInput:
    unit: str  # unit code
    kind: str
    title: str
    start_date: date | None
    mode: str
    audiences: list[str] = field(default_factory=list)
    end_date: date | None = None
    plan: int | None = None  # OutreachPlan id
    description: str = ""
    place: str = ""
    url: str = ""
    participants_total: Any = None
    participants_urban: Any = None
    participants_rural: Any = None
    participants_note: str = ""
    online_views: Any = None
    legal_documents: str | list[str] = ""
    speakers: str = ""


def legal_documents_parse(value: str | Iterable[str]) -> tuple[list[str], list[str]]:
    """The document numbers in ``value`` (a text with numbers separated by commas,
    semicolons or lines, or a list), canonical and each once, and the pieces holding no
    number ("Luật Đất đai" alone)."""
    pieces = re.split(r"[,;\n]+", value) if isinstance(value, str) else list(value)
    numbers: list[str] = []
    bad: list[str] = []
    for piece in pieces:
        piece = " ".join(str(piece or "").split())
        if not piece:
            continue
        found = find_document_numbers(piece)
        if not found:
            bad.append(piece[:60])
        for number in found:
            text = str(number)
            if text not in numbers:
                numbers.append(text)
    return numbers, bad


def _area_rule_errors(
    errors: dict[str, str], unit: Unit, urban: int, rural: int, note: str
) -> None:
    if unit.kind in PROVINCE_LEVEL_KINDS or note:
        return
    if not unit.is_urban and urban:
        errors["participants_note"] = _(
            "%(unit)s là đơn vị nông thôn: ghi rõ vì sao có %(n)s người tham dự ở thành thị "
            "(ví dụ người từ phường lân cận đến dự)."
        ) % {"unit": unit.name, "n": urban}
    elif unit.is_urban and rural:
        errors["participants_note"] = _(
            "%(unit)s là đơn vị thành thị: ghi rõ vì sao có %(n)s người tham dự ở nông thôn "
            "(ví dụ người từ xã lân cận đến dự)."
        ) % {"unit": unit.name, "n": rural}


def activity_input_clean(
    data: ActivityInput, *, existing: Activity | None = None
) -> dict[str, Any]:
    """Validate one activity; returns clean values (``audiences`` a list of codes) or
    raises OutreachInputError with every problem at once (the form and the XLSX import
    report them per field, per row)."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    kind = (data.kind or "").strip()
    if kind not in ActivityKind.values:
        errors["kind"] = _("Chọn loại hoạt động.")
    mode = (data.mode or "").strip()
    if mode not in ActivityMode.values:
        errors["mode"] = _("Chọn hình thức: trực tiếp, trực tuyến hoặc kết hợp.")
    elif kind in ONLINE_ONLY_KINDS and mode != ActivityMode.ONLINE:
        errors["mode"] = _("%(kind)s chỉ có hình thức trực tuyến.") % {
            "kind": ActivityKind(kind).label
        }
    title = _clean_line(data.title, 300)
    if "<" in (data.title or "") or ">" in (data.title or ""):
        errors["title"] = _("Tên hoạt động không được có ký tự < hoặc >.")
    elif not TITLE_MIN <= len(title) <= TITLE_MAX:
        errors["title"] = _("Vui lòng nhập tên hoạt động (từ 5 đến 255 ký tự).")
    description = plain_text_clean(data.description)
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = _("Nội dung dài tối đa 4.000 ký tự.")

    start, end = data.start_date, data.end_date
    unit = None
    code = (data.unit or "").strip()
    if start is None:
        errors["start_date"] = _("Vui lòng nhập ngày tổ chức.")
    elif start > today:
        errors["start_date"] = _(
            "Chỉ ghi nhận hoạt động đã diễn ra: ngày tổ chức không được sau hôm nay."
        )
    else:
        unit = unit_list_valid(on=start).filter(code=code).first()
        if unit is None:
            known = Unit.objects.filter(code=code).first() if code else None
            if known is not None and start < known.valid_from:
                errors["start_date"] = _(
                    "%(unit)s được thành lập từ ngày %(day)s: ngày tổ chức phải từ ngày đó."
                ) % {"unit": known.name, "day": _date_text(known.valid_from)}
            else:
                errors["unit"] = _("Đơn vị không có trong danh mục đơn vị hành chính vào ngày đó.")
        if end is not None:
            if end < start:
                errors["end_date"] = _("“Đến ngày” không được trước ngày tổ chức.")
            elif (end - start).days > ACTIVITY_DAYS_MAX:
                errors["end_date"] = _("Một hoạt động kéo dài tối đa một năm.")
    if end is not None and end == start:
        end = None

    audiences: list[str] = []
    for group in data.audiences or []:
        group = (group or "").strip()
        if group not in AudienceGroup.values:
            errors["audiences"] = _("Đối tượng không hợp lệ: “%(value)s”.") % {"value": group[:40]}
            break
        if group not in audiences:
            audiences.append(group)
    if not audiences and "audiences" not in errors:
        errors["audiences"] = _("Chọn ít nhất một đối tượng được phổ biến.")

    place = _clean_line(data.place, 300)
    if len(place) > 255:
        errors["place"] = _("Địa điểm dài tối đa 255 ký tự.")
    elif mode in OFFLINE_MODES and not place:
        errors["place"] = _("Ghi địa điểm tổ chức (ví dụ Nhà văn hóa thôn 3).")
    url = (data.url or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
            if len(url) > 500:
                raise ValidationError("too long")
        except ValidationError:
            errors["url"] = _("Đường dẫn không hợp lệ (bắt đầu bằng https://, tối đa 500 ký tự).")
    elif kind in ONLINE_ONLY_KINDS:
        errors["url"] = _("Ghi đường dẫn tới tin, bài đã đăng.")

    labels = {
        "participants_total": _("Số lượt người tham dự"),
        "participants_urban": _("Số người ở thành thị"),
        "participants_rural": _("Số người ở nông thôn"),
        "online_views": _("Lượt xem, tiếp cận trực tuyến"),
    }
    total = _count(
        errors,
        "participants_total",
        data.participants_total,
        maximum=PARTICIPANTS_MAX,
        label=labels["participants_total"],
    )
    urban = _count(
        errors,
        "participants_urban",
        data.participants_urban,
        maximum=PARTICIPANTS_MAX,
        label=labels["participants_urban"],
    )
    rural = _count(
        errors,
        "participants_rural",
        data.participants_rural,
        maximum=PARTICIPANTS_MAX,
        label=labels["participants_rural"],
    )
    views = _count(
        errors, "online_views", data.online_views, maximum=VIEWS_MAX, label=labels["online_views"]
    )
    note = _clean_line(data.participants_note, 300)
    total = total or 0
    if urban is None and rural is None and "participants_urban" not in errors:
        urban = rural = 0
        if total and unit is not None and unit.kind not in PROVINCE_LEVEL_KINDS:
            if unit.is_urban:
                urban = total
            else:
                rural = total
    urban, rural = urban or 0, rural or 0
    if urban + rural > total and not {"participants_urban", "participants_rural"} & set(errors):
        errors["participants_rural"] = _(
            "Số người ở thành thị và ở nông thôn cộng lại (%(sum)s) không được lớn hơn tổng số "
            "lượt người tham dự (%(total)s)."
        ) % {"sum": urban + rural, "total": total}
    if unit is not None:
        _area_rule_errors(errors, unit, urban, rural, note)
    if kind in GATHERING_KINDS and not total and "participants_total" not in errors:
        errors["participants_total"] = _("Ghi số lượt người tham dự hoạt động.")
    views = views or 0
    if views and mode == ActivityMode.OFFLINE:
        errors["online_views"] = _("Chỉ ghi lượt xem trực tuyến khi hoạt động có phần trực tuyến.")

    numbers, bad = legal_documents_parse(data.legal_documents or "")
    if bad:
        errors["legal_documents"] = _(
            "Không nhận ra số, ký hiệu văn bản: %(bad)s. Ghi số, ký hiệu như 31/2024/QH15, "
            "cách nhau bằng dấu phẩy."
        ) % {"bad": ", ".join(f"“{b}”" for b in bad[:5])}
    elif len(numbers) > LEGAL_DOCUMENTS_MAX:
        errors["legal_documents"] = _("Ghi tối đa %(n)s văn bản.") % {"n": LEGAL_DOCUMENTS_MAX}

    plan = None
    if data.plan:
        plan = OutreachPlan.objects.select_related("unit").filter(pk=data.plan).first()
        if plan is None:
            errors["plan"] = _("Không có kế hoạch này.")
        elif unit is not None and plan.unit_id != unit.pk:
            errors["plan"] = _("Kế hoạch phải là kế hoạch của chính đơn vị tổ chức hoạt động.")
        elif start is not None and plan.year != start.year:
            errors["plan"] = _("Hoạt động ngày %(day)s không thuộc kế hoạch năm %(year)s.") % {
                "day": _date_text(start),
                "year": plan.year,
            }

    if errors:
        raise OutreachInputError(errors)
    speakers = _clean_line(data.speakers, 300)
    return {
        "unit": unit,
        "plan": plan,
        "kind": kind,
        "title": title,
        "description": description,
        "start_date": start,
        "end_date": end,
        "mode": mode,
        "place": place,
        "url": url,
        "participants_total": total,
        "participants_urban": urban,
        "participants_rural": rural,
        "participants_note": note,
        "online_views": views,
        "legal_documents": numbers,
        "speakers": speakers,
        "audiences": audiences,
        "search_text": fold(" ".join([title, place, speakers, description])),
    }


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _audiences_set(activity: Activity, groups: list[str]) -> None:
    activity.audiences.exclude(group__in=groups).delete()
    have = set(activity.audiences.values_list("group", flat=True))
    ActivityAudience.objects.bulk_create(
        ActivityAudience(activity=activity, group=g) for g in groups if g not in have
    )


@transaction.atomic
def activity_create(*, actor: Any, data: ActivityInput) -> Activity:
    """Record an activity of ``data.unit`` ("outreach.manage" on that unit)."""
    clean = activity_input_clean(data)
    require(actor, "outreach.manage", clean["unit"])
    audiences = clean.pop("audiences")
    activity = Activity.objects.create(**clean, created_by=_user(actor), updated_by=_user(actor))
    _audiences_set(activity, audiences)
    audit_record(
        action="outreach.activity.create",
        obj=activity,
        actor=actor,
        data={"kind": activity.kind, "date": activity.start_date.isoformat()},
    )
    return activity


def _live(activity: Activity) -> None:
    if activity.deleted_at is not None:
        raise OutreachInputError({"activity": _("Hoạt động này đã bị xoá.")})


@transaction.atomic
def activity_update(*, actor: Any, activity: Activity, data: ActivityInput) -> Activity:
    """Change an activity. Moving it to another unit needs "outreach.manage" on both."""
    require(actor, "outreach.manage", activity)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _live(activity)
    clean = activity_input_clean(data, existing=activity)
    if clean["unit"].pk != activity.unit_id:
        require(actor, "outreach.manage", clean["unit"])
    audiences = clean.pop("audiences")
    changed = sorted(name for name, value in clean.items() if getattr(activity, name) != value)
    for name, value in clean.items():
        setattr(activity, name, value)
    activity.updated_by = _user(actor)
    activity.save()
    _audiences_set(activity, audiences)
    audit_record(
        action="outreach.activity.update",
        obj=activity,
        actor=actor,
        data={"changed": [c for c in changed if c != "search_text"]},
    )
    return activity


@transaction.atomic
def activity_delete(*, actor: Any, activity: Activity, reason: str) -> Activity:
    """Delete an activity: it leaves every list, report and export; the row, its evidence
    and the reason stay for the audit trail."""
    require(actor, "outreach.manage", activity)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _live(activity)
    reason = _clean_line(reason, 300)
    if len(reason) < 5:
        raise OutreachInputError({"reason": _("Ghi lý do xoá hoạt động (ít nhất 5 ký tự).")})
    activity.deleted_at = timezone.now()
    activity.deleted_by = _user(actor)
    activity.deleted_reason = reason
    activity.save(update_fields=["deleted_at", "deleted_by", "deleted_reason", "updated_at"])
    audit_record(
        action="outreach.activity.delete", obj=activity, actor=actor, data={"reason": reason}
    )
    return activity


# --------------------------------------------------------------------------- evidence


def _upload_read(file: Any, limit: int) -> tuple[bytes, str]:
    """The bytes (at most ``limit`` + 1) and the base name of an upload."""
    if isinstance(file, bytes | bytearray):
        return bytes(file[: limit + 1]), ""
    if file is None or not hasattr(file, "read"):
        raise OutreachInputError({"file": _("Chưa chọn tệp minh chứng.")})
    size = getattr(file, "size", None)
    name = os.path.basename(str(getattr(file, "name", "") or "").replace("\\", "/"))
    if isinstance(size, int) and size > limit:
        raise _too_large(limit)
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if isinstance(data, str):
        raise OutreachInputError({"file": _("Tệp không đọc được.")})
    return data, name


def _too_large(limit: int) -> OutreachInputError:
    return OutreachInputError(
        {
            "file": _("Tệp lớn hơn %(size)s: hãy thu nhỏ ảnh hoặc tách tệp.")
            % {"size": megabytes_text(limit)}
        }
    )


def evidence_file_check(data: bytes, name: str) -> tuple[str, str, str]:
    """Check one evidence file: (extension, kind, content type) or OutreachInputError.
    Allowed: photos (JPEG, PNG, WebP, HEIC), PDF, Word (.doc, .docx) and .odt, up to
    ``OUTREACH_EVIDENCE_MAX_BYTES``; the content must be what the name says."""
    try:
        extension = upload_check(
            data,
            name=name,
            allowed=EVIDENCE_TYPES,
            max_bytes=evidence_max_bytes(),
            kinds=_("ảnh, tệp PDF hoặc văn bản Word"),
        )
    except UploadRefused as exc:
        raise OutreachInputError({"file": exc.message}) from None
    return extension, EVIDENCE_TYPES[extension], CONTENT_TYPES[extension]


@transaction.atomic
def evidence_add(
    *, actor: Any, activity: Activity, file: Any, caption: str = ""
) -> ActivityEvidence:
    """Attach an evidence file to an activity (see :func:`evidence_file_check`), at most
    ``EVIDENCE_PER_ACTIVITY_MAX`` a activity, the same content once. The file is kept
    under a random name in the private evidence storage."""
    require(actor, "outreach.manage", activity)
    activity = Activity.objects.select_for_update().select_related("unit").get(pk=activity.pk)
    _live(activity)
    data, name = _upload_read(file, evidence_max_bytes())
    extension, kind, content_type = evidence_file_check(data, name)
    if activity.evidence.count() >= EVIDENCE_PER_ACTIVITY_MAX:
        raise OutreachInputError(
            {
                "file": _("Mỗi hoạt động có tối đa %(n)s tệp minh chứng.")
                % {"n": EVIDENCE_PER_ACTIVITY_MAX}
            }
        )
    digest = hashlib.sha256(data).hexdigest()
    if activity.evidence.filter(sha256=digest).exists():
        raise OutreachInputError({"file": _("Tệp này đã có trong minh chứng của hoạt động.")})
    caption = _clean_line(caption, 200)
    original = _clean_line(name, 200) or f"minh-chung.{extension}"
    today = timezone.localdate()
    evidence = ActivityEvidence(
        activity=activity,
        kind=kind,
        original_name=original,
        content_type=content_type,
        size=len(data),
        sha256=digest,
        caption=caption,
        uploaded_by=_user(actor),
    )
    evidence.file.save(
        f"{today:%Y/%m}/{secrets.token_hex(16)}.{extension}", ContentFile(data), save=False
    )
    try:
        with transaction.atomic():
            evidence.save()
            audit_record(
                action="outreach.evidence.add",
                obj=evidence,
                actor=actor,
                data={"activity": activity.pk, "name": original, "size": len(data)},
            )
    except Exception:
        evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


@transaction.atomic
def evidence_remove(*, actor: Any, evidence: ActivityEvidence) -> None:
    """Remove an evidence file (the file goes once the removal is committed)."""
    require(actor, "outreach.manage", evidence.activity)
    _live(evidence.activity)
    storage, name = evidence.file.storage, evidence.file.name
    audit_record(
        action="outreach.evidence.remove",
        obj=evidence,
        actor=actor,
        data={"activity": evidence.activity_id, "name": evidence.original_name},
    )
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


def evidence_download_record(*, actor: Any, evidence: ActivityEvidence) -> None:
    """Write a staff member's download of an evidence file to the audit log (photos may
    show people); the caller checked "outreach.view"."""
    audit_record(
        action="outreach.evidence.download",
        obj=evidence,
        actor=actor,
        data={"activity": evidence.activity_id},
    )
