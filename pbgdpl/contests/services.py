"""Writes of the contests: the question bank (with its freeze while a round is live),
contests and rounds, participants, and attempts owned by the server.

Attempts follow the lessons of Moodle quiz and Open edX at exam time:

* start is idempotent — a double click, a retry after a timeout or two tabs get the same
  attempt (a partial unique index allows one attempt in progress per participant and
  round, and a race is resolved by reading the winner);
* the deadline is stored on the attempt when it starts and enforced by the server (a save
  or submission after it closes the attempt with the answers saved until then);
* an autosave is one UPDATE of one row, no lock held across requests;
* a submission is stored first (status, time, answers) and graded after, in its own
  transaction — a crash between the two leaves a stored, ungraded submission that
  ``attempts_grade_pending`` grades; repeating a submission returns the first result.
"""

import random
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold, normalize_document_number, plain_text_clean
from pbgdpl.laws.models import LegalField
from pbgdpl.people.identifiers import normalize_email, normalize_phone
from pbgdpl.people.permissions import require
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_list_valid

from .models import (
    Attempt,
    AttemptStatus,
    Choice,
    Contest,
    Difficulty,
    DrawRule,
    Eligibility,
    Item,
    ItemStatus,
    Participant,
    ParticipantGroup,
    Round,
)
from .selectors import participant_token_hash

CHOICES_MIN = 2
CHOICES_MAX = 6
STEM_MAX_CHARS = 2000
CHOICE_MAX_CHARS = 500
PREDICTION_MAX = 10_000_000
PARTICIPANT_UNIT_KINDS = ("xa", "phuong", "dac_khu")

CONSENT_VERSION = "2026-01"
CONSENT_TEXTS = {
    "2026-01": (
        "Tôi đồng ý để Ban tổ chức dùng họ tên, số điện thoại hoặc thư điện tử và xã, phường "
        "tôi khai chỉ để tổ chức cuộc thi: xác định mỗi người dự thi một lần, chấm điểm, "
        "liên hệ trao giải và thống kê số người tham gia theo địa bàn. Bảng xếp hạng chỉ "
        "hiện tên viết tắt; dữ liệu được xoá 12 tháng sau khi cuộc thi kết thúc."
    ),
}


class ContestInputError(ValueError):
    """Input refused; ``errors`` maps each bad field to a Vietnamese message. Nothing
    was stored."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class ContestStateError(ValueError):
    """The action does not fit the current state (round closed, item frozen, attempt
    already closed); ``code`` is a stable machine-readable reason."""

    def __init__(self, message: str, *, code: str) -> None:
        self.code = code
        super().__init__(message)


# --------------------------------------------------------------------------- question bank


@dataclass
class ItemInput:
    stem: str
    choices: list[str]
    correct: list[int]  # 0-based indexes into ``choices``
    legal_field: str  # code
    difficulty: str = Difficulty.MEDIUM
    explanation: str = ""
    tags: list[str] | None = None
    citation_number: str = ""
    citation_article: str = ""
    citation_detail: str = ""
    practice: bool = True


def item_input_clean(data: ItemInput) -> dict[str, Any]:
    """Validate one question of the bank; returns clean values or raises
    ContestInputError with every problem at once (used by the form and the XLSX import,
    which reports them per row)."""
    errors: dict[str, str] = {}
    stem = plain_text_clean(data.stem)
    if len(stem) < 10:
        errors["stem"] = _("Câu hỏi phải có ít nhất 10 ký tự.")
    elif len(stem) > STEM_MAX_CHARS:
        errors["stem"] = _("Câu hỏi tối đa 2.000 ký tự.")
    choices = [plain_text_clean(c) for c in data.choices or []]
    while choices and not choices[-1]:
        choices.pop()
    if not CHOICES_MIN <= len(choices) <= CHOICES_MAX:
        errors["choices"] = _("Cần từ 2 đến 6 phương án trả lời.")
    elif any(not c for c in choices):
        errors["choices"] = _("Không được để trống phương án ở giữa.")
    elif any(len(c) > CHOICE_MAX_CHARS for c in choices):
        errors["choices"] = _("Mỗi phương án tối đa 500 ký tự.")
    elif len({c.casefold() for c in choices}) != len(choices):
        errors["choices"] = _("Có hai phương án giống nhau.")
    correct = sorted(set(data.correct or []))
    if not correct:
        errors["correct"] = _("Cần ít nhất một phương án đúng.")
    elif any(not 0 <= i < len(choices) for i in correct):
        errors["correct"] = _("Đáp án đúng phải là một trong các phương án đã nhập.")
    elif len(correct) == len(choices):
        errors["correct"] = _("Không thể mọi phương án đều đúng.")
    legal_field = LegalField.objects.filter(code=(data.legal_field or "").strip()).first()
    if legal_field is None:
        errors["legal_field"] = _("Lĩnh vực không có trong danh mục.")
    if data.difficulty not in Difficulty.values:
        errors["difficulty"] = _("Độ khó phải là: dễ, trung bình hoặc khó.")
    number = ""
    if (data.citation_number or "").strip():
        try:
            number = normalize_document_number(data.citation_number)
        except ValueError:
            errors["citation_number"] = _(
                "Số ký hiệu văn bản không đúng dạng (ví dụ 45/2019/QH14)."
            )
    article = (data.citation_article or "").strip().removeprefix("Điều").strip()
    if article and not (article[:-1].isdigit() or article.isdigit()):
        errors["citation_article"] = _("Số điều không hợp lệ.")
    if errors:
        raise ContestInputError(errors)
    return {
        "stem": stem,
        "choices": choices,
        "correct": correct,
        "legal_field": legal_field,
        "difficulty": data.difficulty,
        "explanation": plain_text_clean(data.explanation)[:4000],
        "tags": [plain_text_clean(t)[:60] for t in (data.tags or []) if plain_text_clean(t)],
        "citation_number": number,
        "citation_article": article,
        "citation_detail": plain_text_clean(data.citation_detail)[:80],
        "practice": bool(data.practice),
    }


def item_frozen_rounds(item: Item, *, now: datetime | None = None) -> list[Round]:
    """Rounds that freeze ``item``: live now, or already attempted (changing a question
    others have answered would change their scores)."""
    now = now or timezone.now()
    return list(
        Round.objects.filter(pool=item)
        .filter(Q(opens_at__lte=now, closes_at__gt=now) | Q(attempts__isnull=False))
        .distinct()
    )


def _item_write(item: Item, clean: dict[str, Any]) -> None:
    for name in (
        "stem",
        "explanation",
        "legal_field",
        "difficulty",
        "tags",
        "citation_number",
        "citation_article",
        "citation_detail",
        "practice",
    ):
        setattr(item, name, clean[name])
    item.save()
    item.choices.all().delete()
    Choice.objects.bulk_create(
        Choice(item=item, position=i, text=text, is_correct=i in clean["correct"])
        for i, text in enumerate(clean["choices"])
    )


@transaction.atomic
def item_create(*, actor: Any, unit: Unit, data: ItemInput) -> Item:
    """Add a question to the bank as a draft, owned by ``unit`` (role "contests.bank" on
    that unit)."""
    require(actor, "contests.bank", unit)
    clean = item_input_clean(data)
    item = Item(unit=unit, created_by=actor if getattr(actor, "pk", None) else None)
    _item_write(item, clean)
    audit_record(action="contests.item.create", obj=item, actor=actor, data={})
    return item


@transaction.atomic
def item_update(*, actor: Any, item: Item, data: ItemInput) -> Item:
    """Change a question. Refused while a round using it is live or once anyone answered
    it in a round (make a new question instead). A changed approved question goes back
    to review."""
    require(actor, "contests.bank", item)
    item = Item.objects.select_for_update().get(pk=item.pk)
    frozen = item_frozen_rounds(item)
    if frozen:
        raise ContestStateError(
            _("Câu hỏi đang được dùng trong đợt thi “%(round)s”: không sửa được.")
            % {"round": frozen[0].title},
            code="item_frozen",
        )
    clean = item_input_clean(data)
    _item_write(item, clean)
    if item.status == ItemStatus.APPROVED:
        item.status = ItemStatus.REVIEW
        item.save(update_fields=["status", "updated_at"])
    audit_record(action="contests.item.update", obj=item, actor=actor, data={})
    return item


@transaction.atomic
def item_set_status(*, actor: Any, item: Item, status: str) -> Item:
    """Move a question through review: draft → review (bank writers), review → approved
    or back to draft, approved → retired (approvers, "contests.bank_approve")."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    allowed = {
        (ItemStatus.DRAFT, ItemStatus.REVIEW): "contests.bank",
        (ItemStatus.REVIEW, ItemStatus.DRAFT): "contests.bank_approve",
        (ItemStatus.REVIEW, ItemStatus.APPROVED): "contests.bank_approve",
        (ItemStatus.APPROVED, ItemStatus.RETIRED): "contests.bank_approve",
        (ItemStatus.RETIRED, ItemStatus.APPROVED): "contests.bank_approve",
    }
    action = allowed.get((item.status, status))
    if action is None:
        raise ContestStateError(
            _("Không chuyển được câu hỏi sang trạng thái này."), code="item_state"
        )
    require(actor, action, item)
    if status == ItemStatus.APPROVED and item.created_by_id and item.created_by_id == actor.pk:
        raise ContestStateError(_("Người soạn không tự duyệt câu hỏi của mình."), code="own_item")
    if status == ItemStatus.RETIRED and item_frozen_rounds(item):
        raise ContestStateError(
            _("Câu hỏi đang được dùng trong một đợt thi: không ngừng dùng được."),
            code="item_frozen",
        )
    item.status = status
    if status == ItemStatus.APPROVED:
        item.approved_by = actor
        item.approved_at = timezone.now()
    item.save()
    audit_record(action=f"contests.item.{status}", obj=item, actor=actor, data={})
    return item


# --------------------------------------------------------------------------- contests


@dataclass
class ContestInput:
    title: str
    unit: str  # code of the organising unit
    description: str = ""
    rules: str = ""
    eligibility: str = Eligibility.ANYONE
    eligible_unit: str = ""  # code, with eligibility "unit"
    eligible_group: str = ""  # with eligibility "group"
    slug: str = ""


def _contest_clean(data: ContestInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    title = plain_text_clean(data.title).replace("\n", " ")
    if not 5 <= len(title) <= 255:
        errors["title"] = _("Tên cuộc thi từ 5 đến 255 ký tự.")
    unit = unit_list_valid().filter(code=(data.unit or "").strip()).first()
    if unit is None:
        errors["unit"] = _("Đơn vị tổ chức không có trong danh mục đơn vị hành chính.")
    eligible_unit = None
    if data.eligibility not in Eligibility.values:
        errors["eligibility"] = _("Đối tượng dự thi không hợp lệ.")
    elif data.eligibility == Eligibility.UNIT:
        eligible_unit = unit_list_valid().filter(code=(data.eligible_unit or "").strip()).first()
        if eligible_unit is None:
            errors["eligible_unit"] = _("Chọn địa bàn được dự thi.")
    elif data.eligibility == Eligibility.GROUP and data.eligible_group not in (
        ParticipantGroup.values
    ):
        errors["eligible_group"] = _("Chọn nhóm đối tượng được dự thi.")
    slug = slugify(fold(data.slug or title))[:120] if title else ""
    if errors:
        raise ContestInputError(errors)
    return {
        "title": title,
        "unit": unit,
        "description": plain_text_clean(data.description)[:10000],
        "rules": plain_text_clean(data.rules)[:20000],
        "eligibility": data.eligibility,
        "eligible_unit": eligible_unit,
        "eligible_group": data.eligible_group if data.eligibility == Eligibility.GROUP else "",
        "slug": slug,
    }


@transaction.atomic
def contest_create(*, actor: Any, data: ContestInput) -> Contest:
    """Create an unpublished contest organised by ``data.unit`` (role "contests.manage"
    on that unit). The slug is made unique by a numeric suffix."""
    clean = _contest_clean(data)
    require(actor, "contests.manage", clean["unit"])
    base = clean["slug"] or "cuoc-thi"
    slug, n = base, 1
    while Contest.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:110]}-{n}"
    clean["slug"] = slug
    contest = Contest.objects.create(**clean)
    audit_record(action="contests.contest.create", obj=contest, actor=actor, data={})
    return contest


@transaction.atomic
def contest_update(*, actor: Any, contest: Contest, data: ContestInput) -> Contest:
    """Change a contest's description and rules; who may take part cannot change once a
    round has attempts (it would change who was allowed in)."""
    require(actor, "contests.manage", contest)
    clean = _contest_clean(data)
    require(actor, "contests.manage", clean["unit"])
    started = Attempt.objects.filter(round__contest=contest).exists()
    if started and (
        clean["eligibility"] != contest.eligibility
        or clean["eligible_unit"] != contest.eligible_unit
        or clean["eligible_group"] != contest.eligible_group
    ):
        raise ContestStateError(
            _("Cuộc thi đã có người dự thi: không đổi được đối tượng dự thi."),
            code="contest_started",
        )
    clean.pop("slug")
    for name, value in clean.items():
        setattr(contest, name, value)
    contest.save()
    audit_record(action="contests.contest.update", obj=contest, actor=actor, data={})
    return contest


@transaction.atomic
def contest_publish(*, actor: Any, contest: Contest, published: bool) -> Contest:
    """Show (or hide) the contest on the portal. Publishing needs at least one round whose
    question pool satisfies its draw rules."""
    require(actor, "contests.manage", contest)
    if published:
        rounds = list(contest.rounds.all())
        if not rounds:
            raise ContestStateError(_("Cuộc thi chưa có đợt thi nào."), code="no_rounds")
        for round in rounds:
            problems = round_draw_problems(round)
            if problems:
                raise ContestStateError(
                    _("Đợt “%(round)s”: %(problem)s")
                    % {"round": round.title, "problem": problems[0]},
                    code="round_pool",
                )
    contest.published = published
    contest.save(update_fields=["published", "updated_at"])
    audit_record(
        action="contests.contest.publish" if published else "contests.contest.unpublish",
        obj=contest,
        actor=actor,
        data={},
    )
    return contest


@dataclass
class DrawRuleInput:
    count: int
    legal_field: str = ""  # code; empty = any field
    difficulty: str = ""  # empty = any difficulty


@dataclass
class RoundInput:
    title: str
    opens_at: datetime
    closes_at: datetime
    time_limit_minutes: int = 15
    attempts_allowed: int = 1
    shuffle_items: bool = True
    shuffle_choices: bool = True
    prediction: bool = True
    draw_rules: list[DrawRuleInput] | None = None
    prizes: list[tuple[str, int]] | None = None  # [(name, how many)] in rank order
    certificate_min_percent: int | None = 80


def _round_clean(data: RoundInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    title = plain_text_clean(data.title).replace("\n", " ")
    if not 2 <= len(title) <= 255:
        errors["title"] = _("Tên đợt thi từ 2 đến 255 ký tự.")
    if not data.opens_at or not data.closes_at:
        errors["opens_at"] = _("Cần thời điểm mở và đóng đợt thi.")
    elif data.closes_at <= data.opens_at:
        errors["closes_at"] = _("Thời điểm đóng phải sau thời điểm mở.")
    if not 1 <= int(data.time_limit_minutes or 0) <= 600:
        errors["time_limit_minutes"] = _("Thời gian làm bài từ 1 đến 600 phút.")
    if not 1 <= int(data.attempts_allowed or 0) <= 20:
        errors["attempts_allowed"] = _("Số lượt dự thi từ 1 đến 20.")
    rules = []
    for rule in data.draw_rules or []:
        legal_field = None
        if rule.legal_field:
            legal_field = LegalField.objects.filter(code=rule.legal_field).first()
            if legal_field is None:
                errors["draw_rules"] = _("Lĩnh vực “%(code)s” không có trong danh mục.") % {
                    "code": rule.legal_field[:40]
                }
        if rule.difficulty and rule.difficulty not in Difficulty.values:
            errors["draw_rules"] = _("Độ khó không hợp lệ.")
        if not 1 <= int(rule.count or 0) <= 200:
            errors["draw_rules"] = _("Mỗi quy tắc rút từ 1 đến 200 câu.")
        rules.append((legal_field, rule.difficulty or "", int(rule.count or 0)))
    if sum(r[2] for r in rules) > 200:
        errors["draw_rules"] = _("Một bài thi tối đa 200 câu.")
    prizes = []
    for name, count in data.prizes or []:
        name = plain_text_clean(str(name)).replace("\n", " ")[:120]
        if not name or not 1 <= int(count or 0) <= 1000:
            errors["prizes"] = _("Mỗi giải cần tên và số lượng từ 1 đến 1.000.")
        prizes.append([name, int(count or 0)])
    percent = data.certificate_min_percent
    if percent is not None and not 0 <= int(percent) <= 100:
        errors["certificate_min_percent"] = _("Tỷ lệ từ 0 đến 100.")
    if errors:
        raise ContestInputError(errors)
    return {
        "title": title,
        "opens_at": data.opens_at,
        "closes_at": data.closes_at,
        "time_limit_seconds": int(data.time_limit_minutes) * 60,
        "attempts_allowed": int(data.attempts_allowed),
        "shuffle_items": bool(data.shuffle_items),
        "shuffle_choices": bool(data.shuffle_choices),
        "prediction": bool(data.prediction),
        "prizes": prizes,
        "certificate_min_percent": None if percent is None else int(percent),
        "rules": rules,
    }


def _draw_rules_write(round: Round, rules: list[tuple]) -> None:
    round.draw_rules.all().delete()
    DrawRule.objects.bulk_create(
        DrawRule(round=round, legal_field=f, difficulty=d, count=c) for f, d, c in rules
    )


@transaction.atomic
def round_create(*, actor: Any, contest: Contest, data: RoundInput) -> Round:
    """Add the next round to ``contest`` (role "contests.manage" on its unit)."""
    require(actor, "contests.manage", contest)
    clean = _round_clean(data)
    rules = clean.pop("rules")
    number = (contest.rounds.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    round = Round.objects.create(contest=contest, number=number, **clean)
    _draw_rules_write(round, rules)
    audit_record(action="contests.round.create", obj=round, actor=actor, data={})
    return round


@transaction.atomic
def round_update(*, actor: Any, round: Round, data: RoundInput) -> Round:
    """Change a round. Before it opens anything may change; once open (the freeze) only
    the title, the prizes, the certificate threshold and a later closing time are
    accepted — the draw, timing and attempts stay as the participants found them."""
    require(actor, "contests.manage", round)
    round = Round.objects.select_for_update().get(pk=round.pk)
    clean = _round_clean(data)
    rules = clean.pop("rules")
    if round.opens_at <= timezone.now():
        frozen = {
            "opens_at": round.opens_at,
            "time_limit_seconds": round.time_limit_seconds,
            "attempts_allowed": round.attempts_allowed,
            "shuffle_items": round.shuffle_items,
            "shuffle_choices": round.shuffle_choices,
            "prediction": round.prediction,
        }
        current_rules = [(r.legal_field, r.difficulty, r.count) for r in round.draw_rules.all()]
        changed = [k for k, v in frozen.items() if clean[k] != v]
        if rules != current_rules:
            changed.append("draw_rules")
        if clean["closes_at"] < round.closes_at:
            changed.append("closes_at")
        if changed:
            raise ContestStateError(
                _(
                    "Đợt thi đã mở: chỉ sửa được tên, cơ cấu giải, ngưỡng giấy chứng nhận và "
                    "lùi thời điểm đóng."
                ),
                code="round_live",
            )
    for name, value in clean.items():
        setattr(round, name, value)
    round.save()
    if round.opens_at > timezone.now():
        _draw_rules_write(round, rules)
    audit_record(action="contests.round.update", obj=round, actor=actor, data={})
    return round


@transaction.atomic
def round_pool_set(*, actor: Any, round: Round, items: Iterable[Item]) -> Round:
    """Choose the questions a round draws from: approved ones only; refused once the round
    has opened (the pool is frozen with it)."""
    require(actor, "contests.manage", round)
    if round.opens_at <= timezone.now():
        raise ContestStateError(_("Đợt thi đã mở: không đổi được bộ câu hỏi."), code="round_live")
    items = list(items)
    bad = [i.pk for i in items if i.status != ItemStatus.APPROVED]
    if bad:
        raise ContestInputError(
            {
                "pool": _("Chỉ dùng câu hỏi đã duyệt (chưa duyệt: %(ids)s).")
                % {"ids": ", ".join(map(str, bad[:10]))}
            }
        )
    round.pool.set(items)
    audit_record(action="contests.round.pool", obj=round, actor=actor, data={"items": len(items)})
    return round


def round_draw_size(round: Round) -> int:
    """How many items an attempt of ``round`` gets."""
    rules = list(round.draw_rules.all())
    return sum(r.count for r in rules) if rules else round.pool.count()


def round_draw_problems(round: Round) -> list[str]:
    """Why the pool cannot satisfy the draw rules (empty when it can)."""
    problems = []
    pool = round.pool.filter(status=ItemStatus.APPROVED)
    for rule in round.draw_rules.all():
        qs = pool
        if rule.legal_field_id:
            qs = qs.filter(legal_field_id=rule.legal_field_id)
        if rule.difficulty:
            qs = qs.filter(difficulty=rule.difficulty)
        have = qs.count()
        if have < rule.count:
            problems.append(
                _("Quy tắc cần %(need)s câu, bộ câu hỏi chỉ có %(have)s.")
                % {"need": rule.count, "have": have}
            )
    if not pool.exists():
        problems.append(_("Đợt thi chưa có câu hỏi nào đã duyệt."))
    return problems


# --------------------------------------------------------------------------- participants


@dataclass
class ParticipantInput:
    name: str
    unit: str
    phone: str = ""
    email: str = ""
    group: str = ParticipantGroup.CITIZEN
    consent: bool = False
    consent_version: str = ""


def participant_for_token(*, contest: Contest, token: str) -> Participant | None:
    """The participant of ``contest`` holding ``token``, or None (also once their personal
    data is erased: the token dies with it)."""
    if not token or len(token) > 200:
        return None
    return Participant.objects.filter(
        contest=contest,
        token_hash=participant_token_hash(token),
        personal_data_erased_at__isnull=True,
    ).first()


def participant_eligible(contest: Contest, *, unit: Unit, group: str) -> bool:
    if contest.eligibility == Eligibility.UNIT and contest.eligible_unit_id:
        return unit.path.startswith(contest.eligible_unit.path)
    if contest.eligibility == Eligibility.GROUP and contest.eligible_group:
        return group == contest.eligible_group
    return True


@transaction.atomic
def participant_register(
    *, contest: Contest, data: ParticipantInput, user: Any = None
) -> tuple[Participant, str]:
    """Register a person for ``contest``; returns the participant and their secret token
    (shown once; only its hash is stored). One identity per contest: the same normalised
    phone number or e-mail address is refused. Consent to the stated purpose is required.
    """
    errors: dict[str, str] = {}
    name = plain_text_clean(data.name).replace("\n", " ")
    if "<" in (data.name or "") or ">" in (data.name or ""):
        errors["name"] = _("Họ và tên chỉ gồm chữ, không được có ký tự < hoặc >.")
    elif not 2 <= len(name) <= 120:
        errors["name"] = _("Vui lòng nhập họ và tên (tối đa 120 ký tự).")
    phone = email = ""
    if (data.phone or "").strip():
        try:
            phone = normalize_phone(data.phone)
        except ValueError:
            errors["phone"] = _("Số điện thoại không hợp lệ (ví dụ 0905 123 456).")
    if (data.email or "").strip():
        try:
            validate_email(data.email.strip())
            email = normalize_email(data.email)
        except Exception:
            errors["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    if not phone and not email and not {"phone", "email"} & set(errors):
        errors["phone"] = _("Cần số điện thoại hoặc thư điện tử để xác định người dự thi.")
    unit = (
        unit_list_valid()
        .filter(code=(data.unit or "").strip(), kind__in=("xa", "phuong", "dac_khu"))
        .first()
    )
    if unit is None:
        errors["unit"] = _("Vui lòng chọn xã, phường.")
    if data.group not in ParticipantGroup.values:
        errors["group"] = _("Nhóm đối tượng không hợp lệ.")
    if not data.consent:
        errors["consent"] = _("Cần đồng ý với mục đích sử dụng thông tin để dự thi.")
    elif (data.consent_version or CONSENT_VERSION) not in CONSENT_TEXTS:
        errors["consent"] = _("Lời đồng ý đã thay đổi: vui lòng tải lại trang.")
    if (
        unit is not None
        and "group" not in errors
        and not participant_eligible(contest, unit=unit, group=data.group)
    ):
        errors["unit"] = _("Cuộc thi này dành cho đối tượng khác: bạn không thuộc diện dự thi.")
    if not errors:
        taken = Participant.objects.filter(contest=contest).filter(
            (Q(phone=phone) if phone else Q(pk__in=[]))
            | (Q(email=email) if email else Q(pk__in=[]))
        )
        if taken.exists():
            errors["phone" if phone else "email"] = _(
                "Số điện thoại hoặc thư điện tử này đã đăng ký cuộc thi. Mỗi người chỉ đăng ký "
                "một lần: hãy tiếp tục trên thiết bị đã đăng ký."
            )
    if errors:
        raise ContestInputError(errors)
    token = secrets.token_urlsafe(24)
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                contest=contest,
                name=name,
                phone=phone,
                email=email,
                unit=unit,
                group=data.group,
                user=user if getattr(user, "is_authenticated", False) else None,
                token_hash=participant_token_hash(token),
                consent_version=data.consent_version or CONSENT_VERSION,
                consent_at=timezone.now(),
            )
    except IntegrityError:  # the same person registering twice at the same moment
        raise ContestInputError(
            {"phone" if phone else "email": _("Số điện thoại hoặc thư điện tử này đã đăng ký.")}
        ) from None
    return participant, token


# --------------------------------------------------------------------------- attempts


def _round_state(round: Round, now: datetime) -> str:
    if now < round.opens_at:
        return "upcoming"
    if now >= round.closes_at:
        return "closed"
    return "open"


def _draw(round: Round, rng: random.Random) -> list[dict]:
    pool = list(
        round.pool.filter(status=ItemStatus.APPROVED).values("id", "legal_field_id", "difficulty")
    )
    rules = list(round.draw_rules.all())
    chosen: list[int] = []
    if rules:
        taken: set[int] = set()
        for rule in rules:
            candidates = [
                p["id"]
                for p in pool
                if p["id"] not in taken
                and (not rule.legal_field_id or p["legal_field_id"] == rule.legal_field_id)
                and (not rule.difficulty or p["difficulty"] == rule.difficulty)
            ]
            if len(candidates) < rule.count:
                raise ContestStateError(
                    _("Đợt thi chưa đủ câu hỏi theo quy tắc rút đề."), code="round_pool"
                )
            picked = rng.sample(candidates, rule.count)
            taken.update(picked)
            chosen.extend(picked)
    else:
        chosen = [p["id"] for p in pool]
    if not chosen:
        raise ContestStateError(_("Đợt thi chưa có câu hỏi."), code="round_pool")
    if round.shuffle_items:
        rng.shuffle(chosen)
    choices: dict[int, list[int]] = {}
    for item_id, choice_id in (
        Choice.objects.filter(item_id__in=chosen)
        .values_list("item_id", "id")
        .order_by("item_id", "position")
    ):
        choices.setdefault(item_id, []).append(choice_id)
    draw = []
    for item_id in chosen:
        order = list(choices[item_id])
        if round.shuffle_choices:
            rng.shuffle(order)
        draw.append({"item": item_id, "choices": order})
    return draw


def attempt_start(
    *, round: Round, participant: Participant, now: datetime | None = None
) -> Attempt:
    """Start (or resume) the participant's attempt in ``round``.

    Idempotent: while an attempt is in progress the same one is returned, whatever the
    number of clicks, tabs or retries. A new attempt needs the round open, attempts left,
    and gets its deadline now: the time limit, but never after the round closes.
    """
    now = now or timezone.now()
    if participant.contest_id != round.contest_id:
        raise ContestStateError(_("Người dự thi không thuộc cuộc thi này."), code="not_participant")
    # One read gives both the attempt in progress and the number used: two reads could
    # straddle a concurrent click's commit and refuse it as "no attempts left".
    attempts = list(Attempt.objects.filter(round=round, participant=participant))
    active = next((a for a in attempts if a.status == AttemptStatus.ACTIVE), None)
    if active is not None:
        if active.deadline > now:
            return active
        attempt_expire(attempt=active, now=now)
    state = _round_state(round, now)
    if state != "open" or not round.contest.published:
        raise ContestStateError(
            _("Đợt thi chưa mở.") if state == "upcoming" else _("Đợt thi đã kết thúc."),
            code=f"round_{state}",
        )
    used = len(attempts)
    if used >= round.attempts_allowed:
        raise ContestStateError(
            _("Bạn đã dùng hết %(n)s lượt dự thi của đợt này.") % {"n": round.attempts_allowed},
            code="no_attempts_left",
        )
    deadline = min(now + timedelta(seconds=round.time_limit_seconds), round.closes_at)
    draw = _draw(round, random.Random(secrets.randbits(64)))  # noqa: S311 (not security)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                round=round,
                participant=participant,
                number=used + 1,
                started_at=now,
                deadline=deadline,
                draw=draw,
                total=len(draw),
            )
    except IntegrityError:
        # A concurrent start won the race: return its attempt.
        winner = Attempt.objects.filter(
            round=round, participant=participant, status=AttemptStatus.ACTIVE
        ).first()
        if winner is None:
            raise
        return winner


def _duration_ms(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds() * 1000))


def _grace() -> timedelta:
    return timedelta(seconds=getattr(settings, "CONTEST_DEADLINE_GRACE_SECONDS", 3))


def _answers_clean(attempt: Attempt, answers: dict) -> dict[str, list[int]]:
    if not isinstance(answers, dict) or len(answers) > 200:
        raise ContestInputError({"answers": _("Dữ liệu bài làm không hợp lệ.")})
    allowed = {str(entry["item"]): set(entry["choices"]) for entry in attempt.draw}
    clean: dict[str, list[int]] = {}
    for key, value in answers.items():
        key = str(key)
        if key not in allowed:
            raise ContestInputError(
                {"answers": _("Câu hỏi %(id)s không có trong bài thi này.") % {"id": key[:20]}}
            )
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, int) for v in value):
            raise ContestInputError({"answers": _("Phương án trả lời không hợp lệ.")})
        if not set(value) <= allowed[key]:
            raise ContestInputError({"answers": _("Phương án không thuộc câu hỏi này.")})
        clean[key] = sorted(set(value))
    return clean


def attempt_answers_save(
    *, attempt: Attempt, participant: Participant, answers: dict, now: datetime | None = None
) -> Attempt:
    """Merge ``answers`` ({item id: [choice ids]}) into the attempt: one conditional
    UPDATE, so a save racing a submission or the deadline can never change a closed
    attempt. After the deadline the attempt is closed with what was saved before, and
    ContestStateError("closed") says so."""
    now = now or timezone.now()
    if attempt.participant_id != participant.pk:
        raise ContestStateError(_("Không có bài thi này."), code="not_found")
    clean = _answers_clean(attempt, answers)
    if attempt.status != AttemptStatus.ACTIVE:
        raise ContestStateError(_("Bài thi đã nộp, không sửa được nữa."), code="closed")
    if now > attempt.deadline + _grace():
        attempt_expire(attempt=attempt, now=now)
        raise ContestStateError(
            _("Đã hết giờ làm bài: bài được nộp với các câu đã lưu."), code="closed"
        )
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status != AttemptStatus.ACTIVE:
            raise ContestStateError(_("Bài thi đã nộp, không sửa được nữa."), code="closed")
        merged = {**locked.answers, **clean}
        Attempt.objects.filter(pk=attempt.pk).update(answers=merged, saves=locked.saves + 1)
    attempt.answers = merged
    attempt.saves = locked.saves + 1
    return attempt


def attempt_submit(
    *,
    attempt: Attempt,
    participant: Participant,
    answers: dict | None = None,
    prediction: int | None = None,
    key: str = "",
    now: datetime | None = None,
) -> Attempt:
    """Submit the attempt (final). Stores the last answers, the prediction and the time,
    commits, then grades. Idempotent: submitting a closed attempt again changes nothing
    and returns it (with its grade). After the deadline (plus a few seconds' grace for
    the network) the answers sent now are not taken: the attempt closes with what was
    saved before."""
    now = now or timezone.now()
    if attempt.participant_id != participant.pk:
        raise ContestStateError(_("Không có bài thi này."), code="not_found")
    clean = _answers_clean(attempt, answers or {})
    if prediction is not None and not 0 <= prediction <= PREDICTION_MAX:
        raise ContestInputError({"prediction": _("Số dự đoán không hợp lệ.")})
    key = (key or "")[:100]
    late = now > attempt.deadline + _grace()
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status == AttemptStatus.ACTIVE:
            locked.status = AttemptStatus.EXPIRED if late else AttemptStatus.SUBMITTED
            if not late:
                locked.answers = {**locked.answers, **clean}
                locked.prediction = prediction if attempt.round.prediction else None
            locked.submitted_at = min(now, locked.deadline) if late else now
            locked.submit_key = key
            locked.duration_ms = _duration_ms(locked.started_at, locked.submitted_at)
            locked.save(
                update_fields=[
                    "status",
                    "answers",
                    "prediction",
                    "submitted_at",
                    "submit_key",
                    "duration_ms",
                ]
            )
    if locked.graded_at is None:
        locked = attempt_grade(attempt_id=locked.pk)
    return locked


def attempt_expire(*, attempt: Attempt, now: datetime | None = None) -> Attempt:
    """Close an attempt whose deadline passed, with the answers saved so far, and grade it
    (idempotent)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status == AttemptStatus.ACTIVE and now > locked.deadline:
            locked.status = AttemptStatus.EXPIRED
            locked.submitted_at = locked.deadline
            locked.duration_ms = _duration_ms(locked.started_at, locked.deadline)
            locked.save(update_fields=["status", "submitted_at", "duration_ms"])
    if locked.status != AttemptStatus.ACTIVE and locked.graded_at is None:
        locked = attempt_grade(attempt_id=locked.pk)
    return locked


def attempt_grade(*, attempt_id: Any) -> Attempt:
    """Grade a closed attempt: an item counts as correct when exactly its correct choices
    were selected. Idempotent (a graded attempt is left alone)."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
        if attempt.status == AttemptStatus.ACTIVE or attempt.graded_at is not None:
            return attempt
        item_ids = [entry["item"] for entry in attempt.draw]
        correct_sets: dict[int, set[int]] = {i: set() for i in item_ids}
        for item_id, choice_id in Choice.objects.filter(
            item_id__in=item_ids, is_correct=True
        ).values_list("item_id", "id"):
            correct_sets[item_id].add(choice_id)
        correct = sum(
            1
            for item_id in item_ids
            if set(attempt.answers.get(str(item_id), [])) == correct_sets[item_id]
        )
        attempt.correct = correct
        attempt.total = len(item_ids)
        attempt.graded_at = timezone.now()
        attempt.save(update_fields=["correct", "total", "graded_at"])
    return attempt


def attempts_close_due(*, now: datetime | None = None) -> int:
    """Close every attempt past its deadline and grade every submitted attempt not yet
    graded (after a crash between storing and grading). Run every minute during a round
    (``manage.py contest_close_due`` or the task); returns how many were finished."""
    now = now or timezone.now()
    done = 0
    for attempt in Attempt.objects.filter(status=AttemptStatus.ACTIVE, deadline__lt=now):
        attempt_expire(attempt=attempt, now=now)
        done += 1
    for pk in (
        Attempt.objects.filter(graded_at__isnull=True)
        .exclude(status=AttemptStatus.ACTIVE)
        .values_list("pk", flat=True)
    ):
        attempt_grade(attempt_id=pk)
        done += 1
    return done


# --------------------------------------------------------------------------- personal data


def participant_personal_data_erase(*, participant: Participant, actor: Any = None) -> Participant:
    """Erase a participant's name and contact details (the consent's promise, or on
    request). Their attempts, commune and group stay, so results and the participation
    counts do not change; they leave the leaderboards. Idempotent."""
    if participant.personal_data_erased_at is None:
        Participant.objects.filter(pk=participant.pk).update(
            name="", phone="", email="", user=None, personal_data_erased_at=timezone.now()
        )
        audit_record(action="contests.participant.erase", obj=participant, actor=actor, data={})
        participant.refresh_from_db()
    return participant


def participants_purge_expired(*, now: datetime | None = None) -> int:
    """Erase the personal data of participants of contests whose last round closed more
    than ``settings.CONTEST_PERSONAL_DATA_RETENTION_DAYS`` ago (the consent text says 12
    months); returns how many. Run daily (``manage.py contest_purge``)."""
    from django.db.models import Max

    now = now or timezone.now()
    limit = now - timedelta(days=settings.CONTEST_PERSONAL_DATA_RETENTION_DAYS)
    ended = (
        Contest.objects.annotate(last_close=Max("rounds__closes_at"))
        .filter(last_close__lt=limit)
        .values_list("pk", flat=True)
    )
    count = 0
    for participant in Participant.objects.filter(
        contest_id__in=list(ended), personal_data_erased_at__isnull=True
    ):
        participant_personal_data_erase(participant=participant)
        count += 1
    return count
