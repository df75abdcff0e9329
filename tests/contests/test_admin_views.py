"""The contests back office over HTTP (/admin/cuoc-thi/): who sees which items, contests
and results; the review of the question bank by the right roles only; bad input that
stores nothing; the freeze of items and rounds once a round is live; the choice of a
round's questions; publication refused while the pool is short; results scoped to the
reader's communes with contact details behind an audited look; usage statistics; XLSX in
and out; prizes and certificates."""

import html
import io
import re
from datetime import UTC, datetime, timedelta

import openpyxl
import pytest
from django.test import Client
from django.utils import timezone

from pbgdpl.contests import bank_io, services
from pbgdpl.contests.models import Contest, Item, ItemStatus, Prize, Round
from pbgdpl.contests.services import ContestInput, DrawRuleInput, RoundInput
from pbgdpl.core.models import AuditEvent
from pbgdpl.people.models import Role
from tests.contests.factories import (
    contest_world,
    correct_answers,
    item_approved,
    item_input,
    participant_join,
)
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor

pytestmark = pytest.mark.django_db

HOME = "/admin/cuoc-thi/"
BANK = HOME + "cau-hoi/"
NEW_ITEM = BANK + "moi/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world():
    return contest_world()


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def assert_denied(response) -> None:
    """Wagtail answers a refused back-office screen with a redirect to the dashboard (or
    the login page); a plain 403 is fine too."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")


def item_url(item) -> str:
    return f"{BANK}{item.pk}/"


def contest_url(contest) -> str:
    return f"{HOME}{contest.pk}/"


def round_url(round, tail: str = "") -> str:
    return f"{HOME}{round.contest_id}/dot-{round.number}/{tail}"


def item_post(world, **overrides) -> dict:
    """What the item form posts: a valid question unless overridden."""
    data = {
        "stem": "Theo Luật Hôn nhân và gia đình, nam được kết hôn từ đủ bao nhiêu tuổi?",
        "choice_1": "Đủ 18 tuổi",
        "choice_2": "Đủ 20 tuổi",
        "choice_3": "Đủ 21 tuổi",
        "choice_4": "",
        "choice_5": "",
        "choice_6": "",
        "correct_2": "on",
        "explanation": "Điều 8: nam từ đủ 20 tuổi trở lên.",
        "legal_field": world.field.code,
        "difficulty": "easy",
        "tags": "kết hôn, độ tuổi",
        "citation_number": "52/2014/QH13",
        "citation_article": "8",
        "citation_detail": "điểm a khoản 1",
        "practice": "on",
        "unit": world.commune.pk,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def draft(world, n: int = 100, *, unit=None, actor=None) -> Item:
    """A draft question of ``unit`` (the commune by default)."""
    unit = unit or world.commune
    actor = actor or (world.reporter if unit == world.commune else world.other_officer)
    return services.item_create(actor=actor, unit=unit, data=item_input(world, n))


def play(world, n: int, *, unit=None, right: int | None = None, round=None):
    """Participant ``n`` of ``unit`` takes ``round`` (round 1) and submits with ``right``
    items correct (all by default); returns the participant."""
    participant, _token = participant_join(world, n, unit=unit)
    attempt = services.attempt_start(round=round or world.round, participant=participant)
    answers = correct_answers(attempt)
    keys = list(answers)[: len(answers) if right is None else right]
    services.attempt_submit(
        attempt=attempt, participant=participant, answers={k: answers[k] for k in keys}
    )
    return participant


def rules_management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "30",
    }


def round_post(round=None, **overrides) -> dict:
    """What the round form posts: the stored values of ``round`` (or a new round opening
    next week) with its rules and prizes, unless overridden."""
    if round is not None:
        local_open = timezone.localtime(round.opens_at)
        local_close = timezone.localtime(round.closes_at)
        data = {
            "title": round.title,
            "opens_at": local_open.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": local_close.strftime("%Y-%m-%dT%H:%M"),
            "time_limit_minutes": str(round.time_limit_seconds // 60),
            "attempts_allowed": str(round.attempts_allowed),
            "certificate_min_percent": str(round.certificate_min_percent or ""),
        }
        for name in ("shuffle_items", "shuffle_choices", "prediction"):
            if getattr(round, name):
                data[name] = "on"
        rules = [
            (str(r.count), r.legal_field.code if r.legal_field_id else "", r.difficulty)
            for r in round.draw_rules.all()
        ]
        prizes = [(name, str(count)) for name, count in round.prizes]
    else:
        data = {
            "title": "Đợt thi thử",
            "opens_at": "2031-03-02T08:00",
            "closes_at": "2031-03-09T17:30",
            "time_limit_minutes": "20",
            "attempts_allowed": "2",
            "shuffle_items": "on",
            "prediction": "on",
            "certificate_min_percent": "70",
        }
        rules = [("3", "", "")]
        prizes = [("Giải Nhất", "1")]
    rules = overrides.pop("rules", rules)
    prizes = overrides.pop("prizes", prizes)
    data.update(rules_management("quy_tac", len(rules)))
    for i, (count, field, difficulty) in enumerate(rules):
        data.update(
            {
                f"quy_tac-{i}-count": count,
                f"quy_tac-{i}-legal_field": field,
                f"quy_tac-{i}-difficulty": difficulty,
            }
        )
    data.update(rules_management("giai", len(prizes)))
    for i, (name, count) in enumerate(prizes):
        data.update({f"giai-{i}-name": name, f"giai-{i}-count": count})
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --------------------------------------------------------------------------- menu, access


def test_the_menu_and_pages_are_for_those_with_a_contests_role(world, client):
    propagandist = RoleAssignmentFactory(role=Role.PROPAGANDIST, unit=world.commune).user

    def menu_urls(user) -> set[str]:
        page = text_of(client_for(user).get("/admin/"))  # the sidebar is JSON
        return set(re.findall(r'"url": "(/admin/cuoc-thi/[^"]*)"', page))

    for user in (world.officer, world.approver, world.province_admin):
        assert {HOME, BANK} <= menu_urls(user), user
    assert menu_urls(world.reporter) == {BANK, NEW_ITEM}  # writes questions only
    assert NEW_ITEM not in menu_urls(world.approver)  # approves, does not write
    response = client_for(propagandist).get("/admin/")
    assert response.status_code == 200 and HOME not in text_of(response)
    pages = [
        HOME,
        BANK,
        NEW_ITEM,
        item_url(world.items[0]),
        contest_url(world.contest),
        round_url(world.round),
        round_url(world.next_round, "cau-hoi/"),
        round_url(world.round, "ket-qua/"),
    ]
    citizen = UserFactory()
    RoleAssignmentFactory(user=citizen, role=Role.CITIZEN, unit=world.commune)
    for page in pages:
        anonymous = client.get(page)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")
        assert_denied(client_for(propagandist).get(page))
        assert_denied(client_for(citizen).get(page))
    # Writes too.
    assert_denied(client_for(propagandist).post(NEW_ITEM, item_post(world)))
    assert not Item.objects.filter(stem__startswith="Theo Luật Hôn nhân").exists()


# --------------------------------------------------------------------------- the bank


def test_the_bank_lists_only_the_items_one_may_read(world):
    mine = draft(world, 100)
    theirs = draft(world, 101, unit=world.other_commune)
    approved = world.items[0]  # approved, of the commune

    def listed(user) -> set[int]:
        page = text_of(client_for(user).get(BANK))
        return {int(n) for n in re.findall(r'class="ct-admin-code">#(\d+)<', page)}

    assert {mine.pk, approved.pk} <= listed(world.officer) and theirs.pk not in listed(
        world.officer
    )
    # Another commune's officer reads approved items (to build contests), not drafts.
    other = listed(world.other_officer)
    assert theirs.pk in other and approved.pk in other and mine.pk not in other
    assert {mine.pk, theirs.pk, approved.pk} <= listed(world.approver)
    outsider = client_for(world.other_officer)
    assert outsider.get(item_url(mine)).status_code == 404
    before = Item.objects.get(pk=mine.pk).stem
    assert outsider.post(item_url(mine), item_post(world)).status_code == 404
    response = outsider.post(item_url(mine) + "trang-thai/", {"thao_tac": "gui-duyet"})
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.stem == before and mine.status == ItemStatus.DRAFT
    # An approved item of another commune is readable but not editable.
    page = text_of(outsider.get(item_url(approved)))
    assert approved.stem in page and "Lưu câu hỏi</button>" not in page
    response = outsider.post(item_url(approved), item_post(world, stem="Sửa trộm câu hỏi này?"))
    assert response.status_code in (403, 409)
    assert Item.objects.get(pk=approved.pk).stem == approved.stem


def test_bank_filters(world):
    client = client_for(world.approver)
    tagged = services.item_create(
        actor=world.reporter,
        unit=world.commune,
        data=item_input(world, 200, stem="Người lao động được nghỉ phép năm bao nhiêu ngày?",
                        legal_field=world.other_field.code, difficulty="hard",
                        tags=["Lao động", "nghỉ phép"]),
    )  # fmt: skip
    theirs = draft(world, 201, unit=world.other_commune)

    def listed(**params) -> set[int]:
        page = text_of(client.get(BANK, params))
        return {int(n) for n in re.findall(r'class="ct-admin-code">#(\d+)<', page)}

    every = {i.pk for i in world.items} | {tagged.pk, theirs.pk}
    assert listed() == every
    assert listed(status="draft") == {tagged.pk, theirs.pk}
    assert listed(status="approved") == {i.pk for i in world.items}
    assert listed(difficulty="hard") == {tagged.pk}
    assert tagged.pk in listed(field=world.other_field.code)
    assert world.items[0].pk not in listed(field=world.other_field.code)
    assert listed(tag="nghỉ phép") == {tagged.pk}
    assert listed(q="nghi phep nam") == {tagged.pk}  # without diacritics
    assert listed(q=f"#{theirs.pk}") == {theirs.pk}
    assert listed(unit=world.other_commune.code) == {theirs.pk}
    response = client.get(BANK, {"difficulty": "rất khó"})
    assert "Một số bộ lọc không hợp lệ" in text_of(response)


def test_the_bank_shows_usage_statistics(world):
    for n in range(3):
        play(world, n)
    page = text_of(client_for(world.officer).get(BANK, {"status": "approved"}))
    assert "Lượt làm" in page and "Tỷ lệ đúng" in page and "Phân biệt" in page
    # 3 attempts of 5 items drawn from 8: 15 exposures, all correct.
    exposures = [
        int(n)
        for n in re.findall(
            r'<td class="ct-admin-numbers">(\d+)</td>\s*<td class="ct-admin-numbers">(?:\d+%|—)',
            page,
        )
    ]
    assert sum(exposures) == 15
    assert "100%" in page
    assert "Quá dễ" in page  # everyone answered correctly: the advice of the statistics


# --------------------------------------------------------------------------- writing items


def test_a_question_is_written_as_a_draft_of_ones_unit(world):
    client = client_for(world.reporter)
    page = text_of(client.get(NEW_ITEM))
    assert world.commune.name in page and world.other_commune.name not in page
    response = client.post(NEW_ITEM, item_post(world, correct_3="on"))
    assert response.status_code == 302
    item = Item.objects.get(stem__startswith="Theo Luật Hôn nhân và gia đình, nam")
    assert response["Location"] == item_url(item)
    assert item.status == ItemStatus.DRAFT and item.unit == world.commune
    assert item.created_by == world.reporter and item.tags == ["kết hôn", "độ tuổi"]
    assert [(c.text, c.is_correct) for c in item.choices.all()] == [
        ("Đủ 18 tuổi", False),
        ("Đủ 20 tuổi", True),
        ("Đủ 21 tuổi", True),
    ]
    assert (item.citation_number, item.citation_article) == ("52/2014/QH13", "8")
    # Empty rows in between are ignored, the "đúng" boxes follow their rows.
    response = client.post(
        NEW_ITEM,
        item_post(
            world,
            stem="Câu hỏi có dòng trống giữa các phương án thì sao?",
            choice_1="",
            choice_2="Phương án thứ hai",
            choice_3="",
            choice_4="Phương án thứ tư",
            correct_2=None,
            correct_4="on",
        ),
    )
    assert response.status_code == 302
    spaced = Item.objects.get(stem__startswith="Câu hỏi có dòng trống")
    assert [(c.text, c.is_correct) for c in spaced.choices.all()] == [
        ("Phương án thứ hai", False),
        ("Phương án thứ tư", True),
    ]


@pytest.mark.parametrize(
    "overrides, message",
    [
        (
            {"choice_2": "", "choice_3": "", "correct_2": None, "correct_1": "on"},
            "Cần từ 2 đến 6 phương án trả lời.",
        ),
        ({"correct_2": None}, "Cần ít nhất một phương án đúng."),
        (
            {f"choice_{i}": f"Phương án số {i}" for i in range(1, 8)},
            "Cần từ 2 đến 6 phương án trả lời.",
        ),
        ({"stem": "<script>alert(1)</script>"}, "Câu hỏi phải có ít nhất 10 ký tự."),
        ({"choice_3": "", "correct_3": "on"}, "Phương án 3 được đánh dấu đúng"),
        ({"legal_field": ""}, "Lĩnh vực không có trong danh mục."),
        ({"citation_number": "không phải số"}, "Số ký hiệu văn bản không đúng dạng"),
        ({"unit": "999999"}, "Chỉ chọn được đơn vị bạn được soạn câu hỏi."),
    ],
)
def test_bad_questions_are_refused_with_a_message_and_nothing_is_stored(world, overrides, message):
    before = Item.objects.count()
    response = client_for(world.reporter).post(NEW_ITEM, item_post(world, **overrides))
    assert response.status_code == 200
    page = text_of(response)
    assert message in page
    assert "Chưa lưu được câu hỏi" in page  # the message at the top
    assert Item.objects.count() == before
    # What was typed is still there.
    assert item_post(world, **overrides)["stem"] in page


def test_markup_is_stored_as_plain_text_and_shown_escaped(world):
    client = client_for(world.reporter)
    stem = "<b>Đậm</b> Tuổi kết hôn <script>alert('x')</script> của nam là bao nhiêu?"
    response = client.post(NEW_ITEM, item_post(world, stem=stem, choice_1="<i>18</i> tuổi"))
    assert response.status_code == 302
    item = Item.objects.get(stem__startswith="Đậm")
    assert "<" not in item.stem and item.choices.first().text == "18 tuổi"
    assert "<script>" not in client.get(item_url(item)).content.decode()


def test_another_communes_unit_cannot_be_chosen(world):
    response = client_for(world.officer).post(
        NEW_ITEM, item_post(world, unit=world.other_commune.pk)
    )
    assert response.status_code == 200
    assert "Chỉ chọn được đơn vị bạn được soạn câu hỏi." in text_of(response)
    assert not Item.objects.filter(unit=world.other_commune).exists()


def test_editing_an_item(world):
    item = draft(world)
    client = client_for(world.reporter)
    response = client.post(
        item_url(item), item_post(world, stem="Câu hỏi đã sửa: tuổi kết hôn của nam?", unit=None)
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.stem == "Câu hỏi đã sửa: tuổi kết hôn của nam?" and item.unit == world.commune
    response = client.post(item_url(item), item_post(world, correct_2=None, unit=None))
    assert "Cần ít nhất một phương án đúng." in text_of(response)
    item.refresh_from_db()
    assert item.stem == "Câu hỏi đã sửa: tuổi kết hôn của nam?"
    # An approved item that is not frozen goes back to review when changed.
    free = item_approved(world, 300)
    response = client.post(item_url(free), item_post(world, unit=None))
    assert response.status_code == 302
    assert Item.objects.get(pk=free.pk).status == ItemStatus.REVIEW
    assert "đưa về chờ duyệt" in text_of(client.get(item_url(free)))


def test_a_frozen_item_says_why_and_refuses_changes(world):
    item = world.items[0]  # in the pool of round 1, which is open
    client = client_for(world.reporter)
    page = text_of(client.get(item_url(item)))
    assert "Câu hỏi này không sửa được" in page
    assert f"{world.contest.title} – {world.round.title}" in page
    assert "Lưu câu hỏi</button>" not in page
    assert f"{NEW_ITEM}?tu={item.pk}" in page  # start a new question from a copy
    copy = text_of(client.get(NEW_ITEM, {"tu": item.pk}))
    assert item.stem in copy
    stem = item.stem
    response = client.post(item_url(item), item_post(world, stem="Đổi câu hỏi khi đang thi?"))
    assert response.status_code == 409
    page = text_of(response)
    assert f"Câu hỏi đang được dùng trong đợt thi “{world.round.title}”: không sửa được." in page
    assert "Đổi câu hỏi khi đang thi?" in page  # what was typed is shown to copy
    item.refresh_from_db()
    assert item.stem == stem and item.status == ItemStatus.APPROVED
    # Retiring it is refused too.
    response = client_for(world.approver).post(
        item_url(item) + "trang-thai/", {"thao_tac": "ngung-dung"}
    )
    assert response.status_code in (200, 409)
    assert Item.objects.get(pk=item.pk).status == ItemStatus.APPROVED


# --------------------------------------------------------------------------- review


def status_of(item) -> str:
    return Item.objects.get(pk=item.pk).status


def test_writers_submit_approvers_approve(world):
    item = draft(world)
    reporter = client_for(world.reporter)
    assert "Gửi duyệt</button>" in text_of(reporter.get(item_url(item)))
    response = reporter.post(item_url(item) + "trang-thai/", {"thao_tac": "gui-duyet"})
    assert response.status_code == 302 and status_of(item) == ItemStatus.REVIEW
    # The writer (a reporter) cannot approve.
    page = text_of(reporter.get(item_url(item)))
    assert ">Duyệt</button>" not in page
    response = reporter.post(item_url(item) + "trang-thai/", {"thao_tac": "duyet"})
    assert response.status_code == 403 and "Bạn không có quyền" in text_of(response)
    assert status_of(item) == ItemStatus.REVIEW
    # Nor may an officer of another commune.
    assert (
        client_for(world.other_officer)
        .post(item_url(item) + "trang-thai/", {"thao_tac": "duyet"})
        .status_code
        == 404
    )
    approver = client_for(world.approver)
    assert ">Duyệt</button>" in text_of(approver.get(item_url(item)))
    response = approver.post(item_url(item) + "trang-thai/", {"thao_tac": "tra-lai"})
    assert response.status_code == 302 and status_of(item) == ItemStatus.DRAFT
    reporter.post(item_url(item) + "trang-thai/", {"thao_tac": "gui-duyet"})
    response = approver.post(item_url(item) + "trang-thai/", {"thao_tac": "duyet"})
    assert response.status_code == 302 and status_of(item) == ItemStatus.APPROVED
    assert Item.objects.get(pk=item.pk).approved_by == world.approver
    response = approver.post(item_url(item) + "trang-thai/", {"thao_tac": "ngung-dung"})
    assert response.status_code == 302 and status_of(item) == ItemStatus.RETIRED
    # A step that does not fit the state is explained.
    response = approver.post(item_url(item) + "trang-thai/", {"thao_tac": "duyet"})
    assert response.status_code == 409
    assert "Câu hỏi đang ở trạng thái “Ngừng dùng”" in text_of(response)


def test_the_writer_cannot_approve_their_own_item(world):
    admin = client_for(world.province_admin)  # may write and approve
    admin.post(NEW_ITEM, item_post(world, unit=world.province.pk))
    item = Item.objects.get(unit=world.province)
    admin.post(item_url(item) + "trang-thai/", {"thao_tac": "gui-duyet"})
    assert status_of(item) == ItemStatus.REVIEW
    page = text_of(admin.get(item_url(item)))
    assert "không tự duyệt được" in page and ">Duyệt</button>" not in page
    response = admin.post(item_url(item) + "trang-thai/", {"thao_tac": "duyet"})
    assert response.status_code == 403
    assert "Người soạn không tự duyệt câu hỏi của mình" in text_of(response)
    assert status_of(item) == ItemStatus.REVIEW
    client_for(world.approver).post(item_url(item) + "trang-thai/", {"thao_tac": "duyet"})
    assert status_of(item) == ItemStatus.APPROVED


# --------------------------------------------------------------------------- XLSX


def test_export_the_current_filter_and_import_with_a_dry_run(world):
    client = client_for(world.officer)
    response = client.get(BANK + "xuat/", {"difficulty": "easy"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    stems = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[1]}
    easy = {i.stem for i in world.items if i.difficulty == "easy"}
    assert stems == easy

    # A file with a bad row: the check lists it and nothing is stored.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(bank_io.BANK_COLUMNS))
    good = ["", "Người từ đủ bao nhiêu tuổi có quyền bầu cử?", "Đủ 16 tuổi", "Đủ 18 tuổi"]
    sheet.append([*good, "", "", "", "", "B", world.field.name, "Dễ"])
    sheet.append(["", "Câu hỏi thiếu đáp án đúng ở dòng ba?", "Có", "Không", "", "", "", "", "",
                  world.field.name, "Dễ"])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    before = Item.objects.count()

    def upload(op: str, content: bytes):
        from django.core.files.uploadedfile import SimpleUploadedFile

        file = SimpleUploadedFile("cau-hoi.xlsx", content)
        return client.post(BANK + "nhap/", {"unit": world.commune.pk, "file": file, "thao_tac": op})

    for op in ("kiem-tra", "nhap"):
        response = upload(op, buffer.getvalue())
        assert response.status_code == 200
        page = text_of(response)
        assert "chưa câu hỏi nào được lưu" in page
        assert re.search(r"<td class=\"ct-admin-numbers\">3</td><td>Đáp án đúng</td>", page), page
        assert Item.objects.count() == before
    sheet.delete_rows(3)
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload("kiem-tra", buffer.getvalue())
    assert "Tệp hợp lệ: sẽ thêm 1 và cập nhật 0 câu hỏi." in text_of(response)
    assert Item.objects.count() == before
    response = upload("nhap", buffer.getvalue())
    assert response.status_code == 302
    imported = Item.objects.get(stem="Người từ đủ bao nhiêu tuổi có quyền bầu cử?")
    assert imported.status == ItemStatus.DRAFT and imported.unit == world.commune
    # Not a spreadsheet.
    response = upload("nhap", b"not a spreadsheet")
    assert response.status_code == 200 and "Chưa nhập được" in text_of(response)


def test_import_into_another_communes_bank_is_refused(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(world.officer).post(
        BANK + "nhap/",
        {"unit": world.other_commune.pk, "file": SimpleUploadedFile("a.xlsx", b"x")},
    )
    assert response.status_code == 200
    assert "Chỉ chọn được đơn vị bạn được soạn câu hỏi." in text_of(response)


# --------------------------------------------------------------------------- contests


def test_contests_are_listed_for_their_organisers_and_result_readers(world):
    commune_contest = services.contest_create(
        actor=world.other_officer,
        data=ContestInput(title="Cuộc thi của phường Pleiku", unit=world.other_commune.code),
    )
    draft_contest = services.contest_create(
        actor=world.province_admin,
        data=ContestInput(title="Cuộc thi cấp tỉnh đang soạn", unit=world.province.code),
    )
    admin = text_of(client_for(world.province_admin).get(HOME))
    assert all(c.title in admin for c in (world.contest, commune_contest, draft_contest))
    officer = client_for(world.officer)
    page = text_of(officer.get(HOME))
    # The province's published contest (to read their commune's results); not another
    # commune's, nor a draft of the province.
    assert world.contest.title in page
    assert commune_contest.title not in page and draft_contest.title not in page
    assert officer.get(contest_url(commune_contest)).status_code == 404
    assert officer.get(contest_url(draft_contest)).status_code == 404
    detail = text_of(officer.get(contest_url(world.contest)))
    assert "Kết quả" in detail and "Sửa cuộc thi" not in detail
    assert_denied(officer.get(contest_url(world.contest) + "sua/"))
    response = officer.post(contest_url(world.contest) + "cong-bo/", {"published": "0"})
    assert response.status_code == 403
    assert Contest.objects.get(pk=world.contest.pk).published
    other = client_for(world.other_officer)
    assert "Sửa cuộc thi" in text_of(other.get(contest_url(commune_contest)))
    assert_denied(client_for(world.reporter).get(HOME))  # writes questions only


def test_create_and_edit_a_contest(world):
    client = client_for(world.province_admin)
    response = client.post(HOME + "moi/", {"title": "Thi", "unit": world.province.pk,
                                           "eligibility": "anyone"})  # fmt: skip
    assert response.status_code == 200
    assert "Tên cuộc thi từ 5 đến 255 ký tự." in text_of(response)
    response = client.post(
        HOME + "moi/",
        {"title": "Cuộc thi cho người ở Ia Hrú", "unit": world.province.pk, "eligibility": "unit"},
    )
    assert "Chọn địa bàn được dự thi." in text_of(response)
    assert Contest.objects.count() == 1
    response = client.post(
        HOME + "moi/",
        {
            "title": "Cuộc thi cho người ở Ia Hrú",
            "unit": world.province.pk,
            "eligibility": "unit",
            "eligible_unit": world.commune.pk,
            "description": "Giới thiệu <b>ngắn</b>.",
        },
    )
    assert response.status_code == 302
    contest = Contest.objects.get(title="Cuộc thi cho người ở Ia Hrú")
    assert response["Location"] == contest_url(contest)
    assert contest.eligible_unit == world.commune and not contest.published
    assert contest.description == "Giới thiệu ngắn."
    # A commune officer organises for their commune only.
    response = client_for(world.officer).post(
        HOME + "moi/",
        {"title": "Cuộc thi cấp tỉnh giả", "unit": world.province.pk, "eligibility": "anyone"},
    )
    assert "Chỉ chọn được đơn vị bạn được tổ chức cuộc thi." in text_of(response)
    # Who may take part cannot change once people took part.
    play(world, 1)
    response = client.post(
        contest_url(world.contest) + "sua/",
        {
            "title": world.contest.title,
            "unit": world.province.pk,
            "eligibility": "group",
            "eligible_group": "student",
        },
    )
    assert response.status_code == 409
    assert "Cuộc thi đã có người dự thi: không đổi được đối tượng dự thi." in text_of(response)
    assert Contest.objects.get(pk=world.contest.pk).eligibility == "anyone"


def test_publishing_is_refused_while_a_pool_is_too_small(world):
    admin = world.province_admin
    contest = services.contest_create(
        actor=admin, data=ContestInput(title="Cuộc thi thiếu câu hỏi", unit=world.province.code)
    )
    client = client_for(admin)
    response = client.post(contest_url(contest) + "cong-bo/", {"published": "1"})
    assert response.status_code == 409
    assert "Chưa công bố được: Cuộc thi chưa có đợt thi nào." in text_of(response)
    start = timezone.now() + timedelta(days=3)
    round = services.round_create(
        actor=admin,
        contest=contest,
        data=RoundInput(
            title="Đợt duy nhất",
            opens_at=start,
            closes_at=start + timedelta(days=2),
            draw_rules=[DrawRuleInput(count=20)],
        ),
    )
    services.round_pool_set(actor=admin, round=round, items=world.items)
    page = text_of(client.get(contest_url(contest)))
    assert "Quy tắc cần 20 câu, bộ câu hỏi chỉ có 8." in page  # shown before trying
    response = client.post(contest_url(contest) + "cong-bo/", {"published": "1"})
    assert response.status_code == 409
    assert "Đợt “Đợt duy nhất”: Quy tắc cần 20 câu, bộ câu hỏi chỉ có 8." in text_of(response)
    assert not Contest.objects.get(pk=contest.pk).published
    services.round_update(
        actor=admin,
        round=round,
        data=RoundInput(title="Đợt duy nhất", opens_at=start, closes_at=start + timedelta(days=2),
                        draw_rules=[DrawRuleInput(count=5)]),
    )  # fmt: skip
    response = client.post(contest_url(contest) + "cong-bo/", {"published": "1"})
    assert response.status_code == 302
    assert Contest.objects.get(pk=contest.pk).published
    response = client.post(contest_url(contest) + "cong-bo/", {"published": "0"})
    assert response.status_code == 302 and not Contest.objects.get(pk=contest.pk).published


# --------------------------------------------------------------------------- rounds


def test_a_round_is_created_in_local_time_with_rules_and_prizes(world):
    client = client_for(world.province_admin)
    url = contest_url(world.contest) + "dot-moi/"
    assert 'type="datetime-local"' in text_of(client.get(url))
    data = round_post(
        rules=[("2", world.field.code, "easy"), ("1", "", ""), ("", "", "")],
        prizes=[("Giải Nhất", "1"), ("Giải Khuyến khích", "5"), ("", "")],
    )
    response = client.post(url, data)
    assert response.status_code == 302, text_of(response)[:3000]
    round = Round.objects.get(contest=world.contest, number=3)
    assert response["Location"] == contest_url(world.contest) + "#dot-3"
    # 08:00 in Việt Nam (UTC+7) is 01:00 UTC.
    assert round.opens_at == datetime(2031, 3, 2, 1, 0, tzinfo=UTC)
    assert timezone.localtime(round.closes_at).strftime("%d/%m/%Y %H:%M") == "09/03/2031 17:30"
    assert (round.time_limit_seconds, round.attempts_allowed) == (1200, 2)
    assert (round.shuffle_items, round.shuffle_choices, round.prediction) == (True, False, True)
    assert round.certificate_min_percent == 70
    rules = [(r.count, r.legal_field_id and r.legal_field.code, r.difficulty)
             for r in round.draw_rules.all()]  # fmt: skip
    assert rules == [(2, world.field.code, "easy"), (1, None, "")]
    assert round.prizes == [["Giải Nhất", 1], ["Giải Khuyến khích", 5]]
    # The edit form shows the local times back.
    page = text_of(client.get(round_url(round)))
    assert 'value="2031-03-02T08:00"' in page and 'value="2031-03-09T17:30"' in page


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"closes_at": "2031-03-01T08:00"}, "Thời điểm đóng phải sau thời điểm mở."),
        ({"opens_at": "2031-02-30T08:00"}, "Thời điểm không hợp lệ"),
        ({"opens_at": ""}, "Cần thời điểm mở và đóng đợt thi."),
        ({"time_limit_minutes": "0"}, "Thời gian làm bài từ 1 đến 600 phút."),
        ({"attempts_allowed": "nhiều"}, "Nhập số lượt (từ 1 đến 20)."),
        ({"rules": [("0", "", "")]}, "Mỗi quy tắc rút từ 1 đến 200 câu."),
        ({"rules": [("150", "", ""), ("100", "", "")]}, "Một bài thi tối đa 200 câu."),
        ({"rules": [("", "dat-dai", "")]}, "Mỗi quy tắc rút từ 1 đến 200 câu."),
        ({"prizes": [("", "3")]}, "Mỗi giải cần tên và số lượng từ 1 đến 1.000."),
        ({"certificate_min_percent": "120"}, "Tỷ lệ từ 0 đến 100."),
    ],
)
def test_bad_rounds_are_refused_and_nothing_is_stored(world, overrides, message):
    response = client_for(world.province_admin).post(
        contest_url(world.contest) + "dot-moi/", round_post(**overrides)
    )
    assert response.status_code == 200
    page = text_of(response)
    assert message in page and "Chưa lưu được đợt thi" in page
    assert world.contest.rounds.count() == 2


def test_a_live_round_is_frozen_except_the_allowed_fields(world):
    round = world.round  # open now
    client = client_for(world.province_admin)
    page = text_of(client.get(round_url(round)))
    assert "Đợt thi đã mở" in page and "các phần đã khoá" in page
    assert re.search(r'name="time_limit_minutes"[^>]*disabled', page)
    assert "quy_tac-TOTAL_FORMS" not in page  # the rules are shown, not editable
    # The browser does not send the locked fields: title, prizes, threshold and a later
    # close are saved.
    data = round_post(round, title="Đợt 1 (gia hạn)", certificate_min_percent="60",
                      prizes=[("Giải Nhất", "2")])  # fmt: skip
    for name in ("opens_at", "time_limit_minutes", "attempts_allowed", "shuffle_items",
                 "shuffle_choices", "prediction"):  # fmt: skip
        data.pop(name, None)
    for key in [k for k in data if k.startswith("quy_tac-")]:
        del data[key]
    later = timezone.localtime(round.closes_at + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(round_url(round), {**data, "closes_at": later})
    assert response.status_code == 302, text_of(response)[:2000]
    round.refresh_from_db()
    assert round.title == "Đợt 1 (gia hạn)" and round.certificate_min_percent == 60
    assert round.prizes == [["Giải Nhất", 2]] and round.time_limit_seconds == 900
    assert timezone.localtime(round.closes_at).strftime("%Y-%m-%dT%H:%M") == later
    # The title alone, with the close time sent back as shown (to the minute), is fine.
    response = client.post(round_url(round), {**data, "title": "Đợt 1"} | {"closes_at": later})
    assert response.status_code == 302
    # A change to a frozen field (a form opened before the round opened, a crafted
    # request) is refused with the reason, and nothing changes.
    round.refresh_from_db()
    stored = (round.title, round.time_limit_seconds, round.closes_at)
    cases = [
        {**data, "title": "Đổi tên", "time_limit_minutes": "30"},
        round_post(round, title="Đổi tên") | {"quy_tac-0-count": "3"},
        {**data, "title": "Đổi tên", "closes_at": "2020-01-01T08:00"},
    ]
    for case in cases:
        response = client.post(round_url(round), case)
        assert response.status_code in (200, 409), case
        assert "chỉ sửa được tên, cơ cấu giải, ngưỡng giấy chứng nhận" in text_of(response) or (
            "Thời điểm đóng phải sau thời điểm mở." in text_of(response)
        )
        round.refresh_from_db()
        assert (round.title, round.time_limit_seconds, round.closes_at) == stored


def test_only_organisers_of_the_contest_edit_rounds(world):
    data = round_post(world.next_round, title="Đợt 2 sửa trộm")
    for user in (world.officer, world.approver, world.reporter):
        response = client_for(user).post(round_url(world.next_round), data)
        assert response.status_code in (302, 403, 404), user
        if response.status_code == 302:
            assert_denied(response)
    assert Round.objects.get(pk=world.next_round.pk).title == "Đợt 2"


# --------------------------------------------------------------------------- pool


def pool_ids(round) -> set[int]:
    return set(Round.objects.get(pk=round.pk).pool.values_list("pk", flat=True))


def test_choosing_a_rounds_questions(world):
    round = world.next_round  # opens next week; pool = the 8 approved items
    client = client_for(world.province_admin)
    url = round_url(round, "cau-hoi/")
    page = text_of(client.get(url))
    assert page.count('name="chon"') == 8 and page.count(" checked") >= 8
    extra = item_approved(world, 400)
    keep = {i.pk for i in world.items[:6]}
    shown = [i.pk for i in world.items] + [extra.pk]
    response = client.post(url, {"thao_tac": "luu", "hien": shown, "chon": [*keep, extra.pk]})
    assert response.status_code == 302
    assert pool_ids(round) == keep | {extra.pk}
    page = text_of(client.get(response["Location"]))
    assert "Đã lưu bộ câu hỏi: 7 câu (thêm 1, bỏ 2)." in page
    # "Chọn tất cả câu đang lọc": every approved item of the filter, all pages.
    other_field = {i.pk for i in Item.objects.filter(status="approved",
                                                     legal_field=world.other_field)}  # fmt: skip
    response = client.post(f"{url}?field={world.other_field.code}", {"thao_tac": "them-tat-ca"})
    assert response.status_code == 302 and f"field={world.other_field.code}" in response["Location"]
    assert pool_ids(round) == keep | {extra.pk} | other_field
    response = client.post(f"{url}?field={world.other_field.code}", {"thao_tac": "bo-tat-ca"})
    assert pool_ids(round) == (keep | {extra.pk}) - other_field
    # The draw rule needs 5: fewer is shown as a problem, and publishing is refused.
    client.post(url, {"thao_tac": "luu", "hien": shown, "chon": shown[:2]})
    page = text_of(client.get(url))
    assert "Quy tắc cần 5 câu, bộ câu hỏi chỉ có 2." in page
    # A draft is never offered, and a forged one is refused.
    mine = draft(world)
    assert f'name="chon" value="{mine.pk}"' not in text_of(client.get(url))
    response = client.post(url, {"thao_tac": "luu", "hien": [mine.pk], "chon": [mine.pk]})
    assert response.status_code == 200
    assert "Chỉ dùng câu hỏi đã duyệt" in text_of(response)
    assert mine.pk not in pool_ids(round)


def test_a_live_rounds_questions_are_locked(world):
    client = client_for(world.province_admin)
    url = round_url(world.round, "cau-hoi/")
    page = text_of(client.get(url))
    assert "bộ câu hỏi đã khoá" in page and "Lưu lựa chọn" not in page
    before = pool_ids(world.round)
    response = client.post(url, {"thao_tac": "luu", "hien": list(before), "chon": []})
    assert response.status_code == 409
    assert "Đợt thi đã mở: không đổi được bộ câu hỏi." in text_of(response)
    assert pool_ids(world.round) == before


def test_only_organisers_choose_questions(world):
    url = round_url(world.next_round, "cau-hoi/")
    before = pool_ids(world.next_round)
    for user in (world.officer, world.approver):
        client = client_for(user)
        assert client.get(url).status_code in (302, 403)
        response = client.post(url, {"thao_tac": "luu", "hien": list(before), "chon": []})
        assert response.status_code in (302, 403)
    assert pool_ids(world.next_round) == before


# --------------------------------------------------------------------------- results


@pytest.fixture
def played(world):
    """Two participants of the commune and one of the other commune took round 1."""
    return {
        "here": [play(world, 1, right=5), play(world, 2, right=3)],
        "there": [play(world, 3, unit=world.other_commune, right=4)],
    }


def test_results_show_full_names_only_within_the_readers_communes(world, played):
    url = round_url(world.round, "ket-qua/")
    names = {p.name for group in played.values() for p in group}
    admin = text_of(client_for(world.province_admin).get(url))
    assert all(name in admin for name in names)
    assert "Thành thị" in admin and "Nông thôn" in admin
    assert re.search(r"Người tham gia ở thành thị\s*<strong>1</strong>", admin)
    assert re.search(r"Người tham gia ở nông thôn\s*<strong>2</strong>", admin)
    here = {p.name for p in played["here"]}
    officer = client_for(world.officer)
    page = text_of(officer.get(url))
    assert all(name in page for name in here)
    assert played["there"][0].name not in page and world.other_commune.name not in page
    assert re.search(r"Người đăng ký\s*<strong>2</strong>", page)
    # Ranks stay those of the whole round: 5 right (1st), 4 right (2nd, elsewhere), 3 right.
    assert re.findall(r'<td class="ct-admin-numbers">(\d+)</td>\s*<td>Nguyễn', page) == ["1", "3"]
    # Asking for another commune is ignored, with a word.
    page = text_of(officer.get(url, {"unit": world.other_commune.code}))
    assert played["there"][0].name not in page
    assert "Địa bàn được chọn không hợp lệ" in page
    other = text_of(client_for(world.other_officer).get(url))
    assert played["there"][0].name in other and not any(n in other for n in here)
    # No results role: no results.
    for user in (world.reporter,):
        assert_denied(client_for(user).get(url))


def test_contact_details_are_masked_and_each_look_is_audited(world, played):
    person = played["here"][0]
    url = round_url(world.round, "ket-qua/")
    officer = client_for(world.officer)
    page = text_of(officer.get(url))
    assert person.phone not in page
    assert f"{person.phone[:4]}***{person.phone[-3:]}" in page
    response = officer.post(round_url(world.round, f"ket-qua/lien-he/{person.pk}/"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#nguoi-{person.pk}")
    events = AuditEvent.objects.filter(action="contests.personal_data.view")
    assert events.count() == 1 and events.get().object_id == str(person.pk)
    shown = text_of(officer.get(response["Location"]))
    assert person.phone in shown and "đã được ghi vào nhật ký" in shown
    assert person.phone not in text_of(officer.get(url))  # once
    # Another commune's participant: not found, not audited.
    stranger = played["there"][0]
    response = officer.post(round_url(world.round, f"ket-qua/lien-he/{stranger.pk}/"))
    assert response.status_code == 404
    assert events.count() == 1
    assert_denied(
        client_for(world.reporter).post(round_url(world.round, f"ket-qua/lien-he/{person.pk}/"))
    )
    assert events.count() == 1


def test_prizes_and_certificates_from_the_results_page(world, played):
    client = client_for(world.province_admin)
    url = round_url(world.round, "ket-qua/")
    response = client.post(url + "xet-giai/")
    assert response.status_code == 409  # still open
    assert "Đợt thi chưa kết thúc" in text_of(response)
    assert not Prize.objects.exists()
    Round.objects.filter(pk=world.round.pk).update(closes_at=timezone.now())
    # A commune officer reads their commune's results but does not award the round.
    officer = client_for(world.officer)
    assert "Xét giải</button>" not in text_of(officer.get(url))
    assert officer.post(url + "xet-giai/").status_code == 403
    assert not Prize.objects.exists()
    response = client.post(url + "xet-giai/")
    assert response.status_code == 302
    assert "Đã xét giải: 3 người đoạt giải" in text_of(client.get(response["Location"]))
    winner = played["here"][0]
    assert Prize.objects.get(participant=winner).name == "Giải Nhất"
    response = client.post(url + "chung-nhan/")
    assert response.status_code == 302
    page = text_of(client.get(response["Location"]))
    # The three prize winners (Giải Nhất ×1, Giải Nhì ×2) get one each.
    assert "Đã cấp 3 giấy chứng nhận mới." in page
    assert "Đã cấp 3 giấy chứng nhận." in page


def test_results_exports(world, played):
    url = round_url(world.round, "ket-qua/")
    response = client_for(world.province_admin).get(url + "xlsx/")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = {str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row}
    assert played["there"][0].name in cells and played["here"][0].name in cells
    officer = client_for(world.officer)
    response = officer.get(url + "xlsx/")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = {str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row}
    assert played["here"][0].name in cells and played["there"][0].name not in cells
    response = client_for(world.province_admin).get(url + "tham-gia/", {"date_from": "2020-01-01"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert_denied(officer.get(url + "tham-gia/"))


# --------------------------------------------------------------------------- in a browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_back_office_in_a_browser_without_javascript(browser, live_server):
    """Write a question, look at the bank, a live round's locked form and the results
    (screenshots with BROWSER_SCREENSHOTS=/tmp/shots)."""
    from tests.browser import AXE_JS, format_violations, goto, new_page, run_axe, screenshot

    world = contest_world()
    for n in range(3):
        play(world, n, right=5 - n)
    play(world, 9, unit=world.other_commune, right=4)
    item = draft(world)
    cookies = {}
    for name, user in (("writer", world.reporter), ("admin", world.province_admin)):
        client = client_for(user)
        cookies[name] = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    with new_page(browser, java_script_enabled=False, height=2200) as page:
        page.context.add_cookies([{**cookies["writer"], "url": live_server.url}])
        goto(page, live_server.url + NEW_ITEM)
        page.get_by_label("Câu hỏi", exact=True).fill(
            "Thời hiệu khởi kiện về thừa kế bất động sản?"
        )
        page.get_by_label("Phương án 1", exact=True).fill("10 năm")
        page.get_by_label("Lĩnh vực", exact=True).select_option(world.field.code)
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu câu hỏi (nháp)").click()
        # One choice and none marked: refused, what was typed is kept.
        assert page.get_by_text("Cần từ 2 đến 6 phương án trả lời.").first.is_visible()
        assert page.get_by_label("Phương án 1", exact=True).input_value() == "10 năm"
        screenshot(page, "contests-admin-item-errors")
        page.get_by_label("Phương án 2", exact=True).fill("30 năm")
        page.get_by_label("Phương án 2 đúng").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu câu hỏi (nháp)").click()
        assert page.get_by_text("(nháp). Gửi duyệt khi đã soát xong.").is_visible()
        screenshot(page, "contests-admin-item-form")
        goto(page, live_server.url + BANK)
        screenshot(page, "contests-admin-bank")
        assert page.get_by_role("link", name=item.stem[:40], exact=False).count() == 1
    created = Item.objects.get(stem__startswith="Thời hiệu khởi kiện")
    assert [c.is_correct for c in created.choices.all()] == [False, True]
    with new_page(browser, java_script_enabled=False, height=2200) as page:
        page.context.add_cookies([{**cookies["admin"], "url": live_server.url}])
        goto(page, live_server.url + round_url(world.round))
        assert page.get_by_label("Thời gian làm bài (phút)").is_disabled()
        screenshot(page, "contests-admin-round-live")
        goto(page, live_server.url + contest_url(world.contest) + "dot-moi/")
        screenshot(page, "contests-admin-round-new")
        goto(page, live_server.url + round_url(world.round, "ket-qua/"))
        assert page.get_by_role("cell", name="Nguyễn Văn Thí Sinh 9", exact=True).is_visible()
        screenshot(page, "contests-admin-results")
        goto(page, live_server.url + round_url(world.next_round, "cau-hoi/"))
        screenshot(page, "contests-admin-pool")
        goto(page, live_server.url + contest_url(world.contest))
        screenshot(page, "contests-admin-contest")
    # With JavaScript on, as most staff use it: no axe-core violation on our screens.
    if AXE_JS.exists():
        pages = [BANK, NEW_ITEM, item_url(item), item_url(world.items[0]), HOME,
                 contest_url(world.contest), round_url(world.round), contest_url(world.contest)
                 + "dot-moi/", round_url(world.next_round, "cau-hoi/"),
                 round_url(world.round, "ket-qua/"), BANK + "nhap/"]  # fmt: skip
        problems = []
        for path in pages:
            with new_page(browser, bypass_csp=True) as page:
                page.context.add_cookies([{**cookies["admin"], "url": live_server.url}])
                goto(page, live_server.url + path)
                violations = run_axe(page)
                if violations:
                    problems.append(f"{path}:\n{format_violations(violations)}")
        assert not problems, "\n".join(problems)
