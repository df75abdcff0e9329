"""Results and participation exports: the workbooks are opened with openpyxl and every
value is checked against what was set up by hand — ranks and tie-breaks, times as mm:ss,
local submission times, masked contacts (full ones only on the prize sheet), the unit
filter, text that looks like a formula, subtotals and the method note."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from pbgdpl.contests import services
from pbgdpl.contests.exports import (
    duration_text,
    participation_xlsx,
    results_xlsx,
)
from pbgdpl.contests.models import Attempt, Certificate, Prize, Round
from pbgdpl.core.models import AuditEvent
from pbgdpl.people.identifiers import email_masked, phone_masked
from tests.contests.factories import contest_world, correct_answers, participant_join

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 3, 10, 9, 0, 0))  # local time (Asia/Ho_Chi_Minh)


def take(world, round, participant, *, start, seconds, right, prediction=None):
    attempt = services.attempt_start(round=round, participant=participant, now=start)
    answers = correct_answers(attempt)
    keys = list(answers)[:right]
    return services.attempt_submit(
        attempt=attempt,
        participant=participant,
        answers={k: answers[k] for k in keys},
        prediction=prediction,
        now=start + timedelta(seconds=seconds),
    )


@pytest.fixture
def results():
    """Round 1 (1–31 March 2026, three items per attempt):

    ====  ====================  =========  ========  =======  ==========  =====
    who   name                  commune    correct   time     prediction  rank
    ====  ====================  =========  ========  =======  ==========  =====
    p0    Trần Thị Bình         Ia Hrú     3/3       100.25s  5 (gap 3)   2
    p1    Lê Văn An             Pleiku     3/3       75s      1 (gap 1)   1
    p2    =1+2 Nguyễn Văn Cư    Ia Hrú     2/3       30s      —           3
    ====  ====================  =========  ========  =======  ==========  =====
    """
    world = contest_world(items=3, draw=3)
    Round.objects.filter(pk=world.round.pk).update(
        opens_at=START - timedelta(days=9), closes_at=START + timedelta(days=21)
    )
    world.round.refresh_from_db()
    p0, _ = participant_join(world, 0, name="Trần Thị Bình")
    p1, _ = participant_join(
        world,
        1,
        name="Lê Văn An",
        unit=world.other_commune,
        phone="0912 345 678",
        email="Le.An@Example.vn",
    )
    p2, _ = participant_join(world, 2, name="=1+2 Nguyễn Văn Cư")
    a0 = take(world, world.round, p0, start=START, seconds=100.25, right=3, prediction=5)
    a1 = take(
        world,
        world.round,
        p1,
        start=START + timedelta(seconds=10),
        seconds=75,
        right=3,
        prediction=1,
    )
    take(world, world.round, p2, start=START + timedelta(seconds=20), seconds=30, right=2)
    prize1 = Prize.objects.create(
        round=world.round, participant=p1, attempt=a1, rank=1, name="Giải Nhất"
    )
    Prize.objects.create(round=world.round, participant=p0, attempt=a0, rank=2, name="Giải Nhì")
    Certificate.objects.create(code="GL-2026-0001", attempt=a1, prize=prize1)
    world.people = (p0, p1, p2)
    return world


def open_book(data: bytes):
    return load_workbook(io.BytesIO(data))


def values(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_results_workbook_ranks_masks_and_lists_prizes(results):
    world = results
    book = open_book(results_xlsx(round=world.round))
    assert book.sheetnames == ["Xếp hạng", "Giải thưởng", "Thông tin"]

    ranking = book["Xếp hạng"]
    assert ranking.freeze_panes == "A2"
    assert values(ranking) == [
        (
            "Hạng",
            "Họ và tên",
            "Xã, phường",
            "Khu vực",
            "Số câu đúng",
            "Tổng số câu",
            "Thời gian (phút:giây)",
            "Thời gian (giây)",
            "Dự đoán",
            "Chênh lệch dự đoán",
            "Nộp bài lúc",
            "Số điện thoại (che bớt)",
            "Thư điện tử (che bớt)",
        ),
        (
            1,
            "Lê Văn An",
            "Phường Pleiku",
            "Thành thị",
            3,
            3,
            "01:15",
            75,
            1,
            1,
            datetime(2026, 3, 10, 9, 1, 25),
            "0912***678",
            "l***@example.vn",
        ),
        (
            2,
            "Trần Thị Bình",
            "Xã Ia Hrú",
            "Nông thôn",
            3,
            3,
            "01:40",
            100.25,
            5,
            3,
            datetime(2026, 3, 10, 9, 1, 40),
            "0905***000",
            None,
        ),
        (
            3,
            "=1+2 Nguyễn Văn Cư",
            "Xã Ia Hrú",
            "Nông thôn",
            2,
            3,
            "00:30",
            30,
            None,
            None,
            datetime(2026, 3, 10, 9, 0, 50),
            "0905***002",
            None,
        ),
    ]
    assert ranking["B4"].data_type == "s"  # a name is never run as a formula
    assert ranking["K2"].number_format == "dd/mm/yyyy hh:mm:ss"
    assert ranking["E2"].number_format == "#,##0"

    assert values(book["Giải thưởng"]) == [
        (
            "Hạng",
            "Giải",
            "Họ và tên",
            "Xã, phường",
            "Khu vực",
            "Số điện thoại",
            "Thư điện tử",
            "Số câu đúng",
            "Tổng số câu",
            "Thời gian (phút:giây)",
            "Mã giấy chứng nhận",
        ),
        (
            1,
            "Giải Nhất",
            "Lê Văn An",
            "Phường Pleiku",
            "Thành thị",
            "0912345678",
            "le.an@example.vn",
            3,
            3,
            "01:15",
            "GL-2026-0001",
        ),
        (
            2,
            "Giải Nhì",
            "Trần Thị Bình",
            "Xã Ia Hrú",
            "Nông thôn",
            "0905000000",
            None,
            3,
            3,
            "01:40",
            None,
        ),
    ]

    info = dict(values(book["Thông tin"])[1:])
    assert info["Cuộc thi"] == "Cuộc thi tìm hiểu Luật Hôn nhân và gia đình"
    assert info["Thời gian đợt thi"] == "01/03/2026 09:00 – 31/03/2026 09:00"
    assert info["Phạm vi"] == "Toàn bộ người dự thi"
    assert info["Số người được xếp hạng"] == 3
    assert info["Số người trả lời đúng tất cả các câu (đáp án câu dự đoán)"] == 2

    audit = AuditEvent.objects.get(action="contests.results.export")
    assert audit.data == {"unit": "", "rows": 3}
    assert audit.unit_code == world.province.code


def test_results_for_one_commune_keep_the_round_ranks(results):
    world = results
    book = open_book(results_xlsx(round=world.round, unit=world.commune))
    rows = values(book["Xếp hạng"])[1:]
    assert [(r[0], r[1]) for r in rows] == [(2, "Trần Thị Bình"), (3, "=1+2 Nguyễn Văn Cư")]
    prizes = values(book["Giải thưởng"])[1:]
    assert [(p[0], p[2]) for p in prizes] == [(2, "Trần Thị Bình")]
    assert dict(values(book["Thông tin"])[1:])["Phạm vi"] == "Xã Ia Hrú"


def test_erased_winner_keeps_the_prize_row_without_personal_data(results):
    world = results
    p0 = world.people[0]
    type(p0).objects.filter(pk=p0.pk).update(
        name="", phone="", email="", personal_data_erased_at=timezone.now()
    )
    book = open_book(results_xlsx(round=world.round))
    assert [r[1] for r in values(book["Xếp hạng"])[1:]] == ["Lê Văn An", "=1+2 Nguyễn Văn Cư"]
    prize = values(book["Giải thưởng"])[2]
    assert prize[:3] == (2, "Giải Nhì", "(đã xoá dữ liệu cá nhân)")
    assert prize[5:7] == (None, None)


def test_participation_per_commune_with_subtotals_and_note(results):
    world = results
    p0 = world.people[0]
    # Round 2: p0 takes part again; someone still answering is not counted.
    later = world.next_round.opens_at + timedelta(hours=1)
    take(world, world.next_round, p0, start=later, seconds=60, right=1)
    p3, _ = participant_join(world, 3, unit=world.other_commune)
    services.attempt_start(round=world.next_round, participant=p3, now=later)
    assert Attempt.objects.count() == 5

    book = open_book(participation_xlsx(contest=world.contest))
    sheet = book["Tham gia"]
    assert sheet.freeze_panes == "A2"
    rows = values(sheet)
    assert rows[:6] == [
        ("Mã đơn vị", "Xã, phường", "Khu vực", "Số người tham gia", "Số lượt thi"),
        (world.other_commune.code, "Phường Pleiku", "Thành thị", 1, 1),
        (world.commune.code, "Xã Ia Hrú", "Nông thôn", 2, 3),
        (None, "Cộng thành thị", "Thành thị", 1, 1),
        (None, "Cộng nông thôn", "Nông thôn", 2, 3),
        (None, "Tổng cộng", None, 3, 4),
    ]
    assert sheet["B6"].font.bold and sheet["D5"].number_format == "#,##0"
    assert rows[7][0] == "Phạm vi: cuộc thi “Cuộc thi tìm hiểu Luật Hôn nhân và gia đình”."
    assert rows[8][0].startswith("Cách tính: số người tham gia là số người dự thi")

    # Whole local days, both ends included: only 10 March 2026 (round 1).
    day = date(2026, 3, 10)
    rows = values(
        load_workbook(
            io.BytesIO(participation_xlsx(round=world.round, date_from=day, date_to=day))
        )["Tham gia"]
    )
    assert rows[1:4] == [
        (world.other_commune.code, "Phường Pleiku", "Thành thị", 1, 1),
        (world.commune.code, "Xã Ia Hrú", "Nông thôn", 2, 2),
        (None, "Cộng thành thị", "Thành thị", 1, 1),
    ]
    assert rows[-2][0] == (
        "Phạm vi: đợt “Đợt 1” của cuộc thi “Cuộc thi tìm hiểu Luật Hôn nhân và gia đình”, "
        "từ 10/03/2026, đến hết 10/03/2026."
    )
    nothing = values(
        load_workbook(
            io.BytesIO(participation_xlsx(date_from=date(2026, 3, 11), date_to=date(2026, 3, 31)))
        )["Tham gia"]
    )
    assert nothing[1:4] == [
        (None, "Cộng thành thị", "Thành thị", 0, 0),
        (None, "Cộng nông thôn", "Nông thôn", 0, 0),
        (None, "Tổng cộng", None, 0, 0),
    ]


def test_formatting_helpers():
    assert duration_text(100_250) == "01:40"
    assert duration_text(4_503_999) == "75:03"
    assert duration_text(None) == "00:00"
    assert phone_masked("0905123456") == "0905***456"
    assert phone_masked("") == "" and phone_masked("12345") == "***"
    assert email_masked("nguyen.an@example.vn") == "n***@example.vn"
    assert email_masked("") == ""
