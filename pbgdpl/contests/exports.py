"""XLSX exports of the contests for the back office: the results of a round (ranking and
prizes, with the participants' names — for staff holding "contests.results"; the caller
checks that permission) and participation per commune (no personal data).

The workbooks follow the conventions of :mod:`pbgdpl.core.xlsx` (bold frozen headers,
numbers as ``#,##0``, dates as local date cells, text always text — a name starting
with ``=`` is never run as a formula) and are written with its helpers.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.xlsx import cell_set, sheet_add, workbook_bytes, workbook_new
from pbgdpl.people.identifiers import email_masked, phone_masked

from . import selectors
from .models import Certificate, Contest, Participant, Prize, Round

SECONDS_FORMAT = "#,##0.000"

# --------------------------------------------------------------------------- formatting


def duration_text(duration_ms: int | None) -> str:
    """A duration as ``mm:ss`` (minutes may exceed 59: ``75:03``); whole seconds, cut
    down, as a stopwatch shows them."""
    seconds = max(int(duration_ms or 0), 0) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _area(is_urban: bool) -> str:
    return _("Thành thị") if is_urban else _("Nông thôn")


def _day_text(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


# --------------------------------------------------------------------------- results


def results_xlsx(*, round: Round, unit: Any = None) -> bytes:
    """The results of ``round`` as an XLSX workbook, for staff with "contests.results"
    (the caller checks it; the export itself is written to the audit log with the
    requesting user, since it holds names and contact details).

    Sheets:

    - "Xếp hạng": every ranked participant (optionally only those whose commune lies in
      ``unit``'s subtree; ranks stay the ranks in the whole round), with the full name,
      commune, urban/rural, correct answers and items, time (``mm:ss`` and seconds),
      prediction and its gap to the real number, submission time (local), and the phone
      number and e-mail address masked;
    - "Giải thưởng": the prizes awarded (``Prize`` rows), with full contact details to
      hand them over;
    - "Thông tin": the contest, round, scope, the answer to the prediction question and
      the ranking rules.
    """
    rows, total = selectors.leaderboard(round=round, unit=unit, limit=None)
    contacts = {
        pk: (phone, email)
        for pk, phone, email in Participant.objects.filter(contest_id=round.contest_id).values_list(
            "id", "phone", "email"
        )
    }
    workbook = workbook_new()
    ranking = sheet_add(
        workbook,
        _("Xếp hạng"),
        [
            _("Hạng"),
            _("Họ và tên"),
            _("Xã, phường"),
            _("Khu vực"),
            _("Số câu đúng"),
            _("Tổng số câu"),
            _("Thời gian (phút:giây)"),
            _("Thời gian (giây)"),
            _("Dự đoán"),
            _("Chênh lệch dự đoán"),
            _("Nộp bài lúc"),
            _("Số điện thoại (che bớt)"),
            _("Thư điện tử (che bớt)"),
        ],
        (
            [
                r.rank,
                r.name,
                r.unit,
                _area(r.is_urban),
                r.correct,
                r.total,
                duration_text(r.duration_ms),
                r.duration_ms / 1000,
                r.prediction,
                r.prediction_gap,
                r.submitted_at,
                phone_masked(contacts.get(r.participant_id, ("", ""))[0]),
                email_masked(contacts.get(r.participant_id, ("", ""))[1]),
            ]
            for r in rows
        ),
    )
    for (cell,) in ranking.iter_rows(min_row=2, min_col=8, max_col=8):
        cell.number_format = SECONDS_FORMAT

    prizes = list(
        Prize.objects.filter(round=round)
        .select_related("participant", "participant__unit", "attempt")
        .order_by("rank", "id")
    )
    if unit is not None:
        prizes = [p for p in prizes if p.participant.unit.path.startswith(unit.path)]
    codes = dict(
        Certificate.objects.filter(attempt_id__in=[p.attempt_id for p in prizes]).values_list(
            "attempt_id", "code"
        )
    )
    erased = _("(đã xoá dữ liệu cá nhân)")
    sheet_add(
        workbook,
        _("Giải thưởng"),
        [
            _("Hạng"),
            _("Giải"),
            _("Họ và tên"),
            _("Xã, phường"),
            _("Khu vực"),
            _("Số điện thoại"),
            _("Thư điện tử"),
            _("Số câu đúng"),
            _("Tổng số câu"),
            _("Thời gian (phút:giây)"),
            _("Mã giấy chứng nhận"),
        ],
        (
            [
                p.rank,
                p.name,
                erased if p.participant.personal_data_erased_at else p.participant.name,
                p.participant.unit.name,
                _area(p.participant.unit.is_urban),
                p.participant.phone,
                p.participant.email,
                p.attempt.correct,
                p.attempt.total,
                duration_text(p.attempt.duration_ms),
                codes.get(p.attempt_id, ""),
            ]
            for p in prizes
        ),
    )

    contest = round.contest
    actual = selectors.round_all_correct_count(round) if round.prediction else None
    info = [
        [_("Cuộc thi"), contest.title],
        [_("Đợt thi"), round.title],
        [_("Thời gian đợt thi"), f"{_day_text(round.opens_at)} – {_day_text(round.closes_at)}"],
        [_("Phạm vi"), unit.name if unit is not None else _("Toàn bộ người dự thi")],
        [_("Số người được xếp hạng"), total],
        [_("Số giải đã trao"), len(prizes)],
    ]
    if actual is not None:
        info.append([_("Số người trả lời đúng tất cả các câu (đáp án câu dự đoán)"), actual])
    info += [
        [_("Lập lúc"), timezone.now()],
        [
            _("Cách xếp hạng"),
            _(
                "Mỗi người một dòng (bài được chấm tốt nhất): nhiều câu đúng hơn xếp trên; "
                "bằng nhau thì thời gian làm bài ngắn hơn (máy chủ đo, tính đến phần nghìn "
                "giây); rồi dự đoán gần đáp án hơn; rồi nộp sớm hơn."
            ),
        ],
    ]
    sheet_add(workbook, _("Thông tin"), [_("Mục"), _("Nội dung")], info, wrap=[2])

    with transaction.atomic():
        audit_record(
            action="contests.results.export",
            obj=round,
            unit_code=contest.unit.code,
            data={"unit": unit.code if unit is not None else "", "rows": len(rows)},
        )
    return workbook_bytes(workbook)


# --------------------------------------------------------------------------- participation


def _period_bound(value: date | datetime | None, *, end: bool) -> datetime | None:
    """A datetime passes through; a date means whole local days (``end``: the day is
    included, so the bound is the next midnight)."""
    if value is None or isinstance(value, datetime):
        return value
    day = value + timedelta(days=1) if end else value
    return timezone.make_aware(datetime.combine(day, time.min))


def participation_xlsx(
    *,
    contest: Contest | None = None,
    round: Round | None = None,
    date_from: date | datetime | None = None,
    date_to: date | datetime | None = None,
) -> bytes:
    """Participation per commune as an XLSX workbook (sheet "Tham gia"): for each
    commune its code, name, urban/rural, participants and attempts
    (:func:`selectors.participation_by_unit`), then the urban and rural subtotals, the
    grand total, and two note rows with the scope and the method.

    ``date_from``/``date_to`` are datetimes (attempts closed in ``[date_from, date_to)``)
    or dates (whole local days, both included). No personal data is read."""
    start = _period_bound(date_from, end=False)
    stop = _period_bound(date_to, end=True)
    rows = selectors.participation_by_unit(
        contest=contest, round=round, date_from=start, date_to=stop
    )
    body: list[list[Any]] = [
        [r.unit_code, r.unit, _area(r.is_urban), r.participants, r.attempts] for r in rows
    ]
    urban = [r for r in rows if r.is_urban]
    rural = [r for r in rows if not r.is_urban]
    totals = [
        (_("Cộng thành thị"), _area(True), urban),
        (_("Cộng nông thôn"), _area(False), rural),
        (_("Tổng cộng"), None, rows),
    ]
    first_total = len(body) + 2
    for label, area, subset in totals:
        body.append(
            [
                None,
                label,
                area,
                sum(r.participants for r in subset),
                sum(r.attempts for r in subset),
            ]
        )
    workbook = workbook_new()
    sheet = sheet_add(
        workbook,
        _("Tham gia"),
        [_("Mã đơn vị"), _("Xã, phường"), _("Khu vực"), _("Số người tham gia"), _("Số lượt thi")],
        body,
        widths={2: 40},
        autofilter=False,  # the total rows must not be sorted in among the communes
    )
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    for row in sheet.iter_rows(min_row=first_total, max_row=first_total + 2):
        for cell in row:
            cell.font = bold

    scope = []
    if contest is not None:
        scope.append(_("cuộc thi “%(title)s”") % {"title": contest.title})
    if round is not None:
        scope.append(
            _("đợt “%(round)s” của cuộc thi “%(title)s”")
            % {"round": round.title, "title": round.contest.title}
        )
    if not scope:
        scope.append(_("mọi cuộc thi"))
    if date_from is not None:
        scope.append(_("từ %(day)s") % {"day": _day_text(date_from)})
    if date_to is not None:
        scope.append(
            (_("đến hết %(day)s") if not isinstance(date_to, datetime) else _("đến trước %(day)s"))
            % {"day": _day_text(date_to)}
        )
    notes = [
        _("Phạm vi: %(scope)s.") % {"scope": ", ".join(scope)},
        _(
            "Cách tính: số người tham gia là số người dự thi (đăng ký riêng ở từng cuộc thi) "
            "có ít nhất một bài đã nộp hoặc hết giờ tự nộp trong phạm vi, mỗi người tính một "
            "lần theo xã, phường đã khai; số lượt thi là số bài đã nộp hoặc hết giờ tự nộp "
            "(bài đang làm không tính). Khu vực thành thị, nông thôn theo phân loại của đơn "
            "vị hành chính."
        ),
    ]
    note_row = first_total + len(totals) + 1
    for offset, text in enumerate(notes):
        cell = cell_set(sheet, note_row + offset, 1, text)
        cell.alignment = Alignment(wrap_text=False, vertical="top")
    return workbook_bytes(workbook)
