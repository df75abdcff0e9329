"""The Legal Q&A back office over HTTP (/admin/hoi-dap/): who sees which questions, every
action by the right roles only, the asker's contact details behind an audited look, the
whole path from a question to a published answer with a legal ground picked from search,
bad input that changes nothing, and the settings (deadlines, holidays)."""

import html
import json
import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from pbgdpl.core.models import AuditEvent, CalendarDay
from pbgdpl.core.workdays import working_days_add
from pbgdpl.laws.parsers import structure_parse_text
from pbgdpl.laws.services import document_create, document_import_phapdien, document_text_save
from pbgdpl.people.models import Role
from pbgdpl.qa import services
from pbgdpl.qa.config_services import calendar_day_add, service_level_set
from pbgdpl.qa.models import Question, QuestionStatus, ServiceLevel
from pbgdpl.search.selectors import SearchRequest, search_run
from tests.factories import RoleAssignmentFactory, login_with_second_factor
from tests.laws.test_import import PAGE_A
from tests.qa.factories import CITATION, qa_world, question_ask, question_to

pytestmark = pytest.mark.django_db

HOME = "/admin/hoi-dap/"
SETTINGS = HOME + "cau-hinh/"
REPORT = HOME + "bao-cao/"
ASKER = {
    "name": "Hoàng Thị Riêng Tư",
    "email": "rieng.tu@example.vn",
    "phone": "0905 777 888",
    "consent": True,
}


@pytest.fixture
def world():
    return qa_world()


def detail(question) -> str:
    return f"{HOME}{question.pk}/"


def action(question, name: str) -> str:
    return f"{HOME}{question.pk}/{name}/"


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def fresh(question) -> Question:
    return Question.objects.get(pk=question.pk)


def events(question, action_name: str):
    return AuditEvent.objects.filter(
        object_type="qa.question", object_id=str(question.pk), action=action_name
    )


def assert_denied(response) -> None:
    """Wagtail answers a refused back-office screen with a redirect to the dashboard (or
    the login page); a plain 403 is fine too."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")


def editor_data(question, *, citations=None, **fields) -> dict:
    """What the answer form posts: the stored values unless overridden, and the rows of
    legal grounds (number, article, detail) as the formset expects them."""
    question = fresh(question)
    if citations is None:
        citations = [(c.number, c.article, c.detail) for c in question.citations.all()]
    data = {
        "title": question.title,
        "public_question": question.public_question or services.personal_data_mask(question.text),
        "answer": question.answer,
        "tim": "",
        "can_cu-TOTAL_FORMS": str(len(citations)),
        "can_cu-INITIAL_FORMS": str(question.citations.count()),
        "can_cu-MIN_NUM_FORMS": "0",
        "can_cu-MAX_NUM_FORMS": "23",
    }
    for index, (number, article, detail_) in enumerate(citations):
        data[f"can_cu-{index}-number"] = number
        data[f"can_cu-{index}-article"] = article
        data[f"can_cu-{index}-detail"] = detail_
    data.update(fields)
    return data


def marriage_law():
    """Our own two-article text, filed under the real number of the Marriage Law."""
    document = document_create(
        title="Hôn nhân và gia đình",
        number="52/2014/QH13",
        origin="manual",
        type_name="Luật",
        issued_on=date(2014, 6, 19),
        effective_on=date(2015, 1, 1),
    )
    document_text_save(
        document=document,
        nodes=structure_parse_text(
            "Điều 17. Giấy chứng nhận kết hôn\nGiấy chứng nhận kết hôn do cơ quan có thẩm "
            "quyền cấp cho hai bên nam, nữ.\n"
            "Điều 18. Đăng ký kết hôn\nViệc kết hôn phải được đăng ký tại Ủy ban nhân dân "
            "cấp xã nơi cư trú của một trong hai bên."
        ).provisions,
    )
    return document


def add_buttons(response) -> list[dict]:
    """The legal grounds offered by the "Thêm làm căn cứ" buttons of a page."""
    values = re.findall(r'name="them_can_cu" value="([^"]*)"', response.content.decode())
    return [json.loads(html.unescape(v)) for v in values]


# --------------------------------------------------------------------------- menu, queue


def test_the_menu_is_shown_to_those_who_work_on_or_report_on_questions(world, province):
    propagandist = RoleAssignmentFactory(role=Role.PROPAGANDIST, unit=world.commune).user
    for user in (world.officer, world.reporter, world.approver, world.editor):
        page = text_of(client_for(user).get("/admin/"))
        assert HOME in page, user
        assert SETTINGS not in page  # province admins only
    assert REPORT in text_of(client_for(world.officer).get("/admin/"))
    assert REPORT not in text_of(client_for(world.reporter).get("/admin/"))
    admin_page = text_of(client_for(world.province_admin).get("/admin/"))
    assert HOME in admin_page and SETTINGS in admin_page and REPORT in admin_page
    response = client_for(propagandist).get("/admin/")
    assert response.status_code == 200 and HOME not in text_of(response)
    assert_denied(client_for(propagandist).get(HOME))


def test_the_queue_lists_only_the_questions_the_user_may_work_on(world):
    own = question_ask(world)
    elsewhere = question_ask(world, unit=world.other_commune.code)
    assigned = question_to(world, "assigned")  # given to the reporter
    officer = text_of(client_for(world.officer).get(HOME))
    assert own.code in officer and assigned.code in officer and elsewhere.code not in officer
    other = text_of(client_for(world.other_officer).get(HOME))
    assert elsewhere.code in other and own.code not in other and assigned.code not in other
    reporter = text_of(client_for(world.reporter).get(HOME))
    assert assigned.code in reporter and own.code not in reporter
    assert elsewhere.code not in reporter
    approver = text_of(client_for(world.approver).get(HOME))
    assert all(q.code in approver for q in (own, elsewhere, assigned))


def test_the_queue_shows_open_questions_by_due_date_with_an_overdue_badge(world):
    later = question_ask(world)
    late = question_ask(world)
    Question.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    done = question_to(world, "published")
    response = client_for(world.officer).get(HOME)
    page = text_of(response)
    assert page.index(late.code) < page.index(later.code)
    assert done.code not in page  # open ones only by default
    assert page.count(">Quá hạn</span>") == 1  # a visible word, not a colour
    late_row = page[page.index(late.code) : page.index(later.code)]
    assert "Quá hạn" in late_row
    # Counts per status at the top, whatever the filter.
    counts = {
        label: int(n) for label, n in re.findall(r">\s*([^<>]+?)\s*<strong>(\d+)</strong>", page)
    }
    assert counts["Đã tiếp nhận"] == 2 and counts["Đã công khai"] == 1
    assert counts["Quá hạn"] == 1 and counts["Tất cả"] == 3
    everything = text_of(client_for(world.officer).get(HOME, {"status": "tat-ca"}))
    assert done.code in everything
    newest_first = text_of(client_for(world.officer).get(HOME, {"sort": "-han"}))
    assert newest_first.index(later.code) < newest_first.index(late.code)


def test_queue_filters(world):
    client = client_for(world.officer)
    plain = question_ask(world)
    land = question_ask(world, legal_field=world.other_field.code)
    assigned = services.qa_question_assign(
        actor=world.officer, question=question_ask(world), assignee=world.officer
    )
    late = question_ask(world)
    Question.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    review = question_to(world, "review")
    titled = question_to(world, "answered")  # title "Đăng ký kết hôn ở đâu?"

    def codes(**params) -> set[str]:
        page = text_of(client.get(HOME, params))
        all_codes = {q.code for q in (plain, land, assigned, late, review, titled)}
        return {code for code in all_codes if code in page}

    assert codes() == {plain.code, land.code, assigned.code, late.code, review.code}
    assert codes(field=world.other_field.code) == {land.code}
    assert codes(mine="on") == {assigned.code}
    assert codes(overdue="on") == {late.code}
    assert codes(status="review") == {review.code}
    assert codes(status="answered") == {titled.code}
    assert codes(q=plain.code.lower().replace("-", " ")) == {plain.code}
    assert codes(status="tat-ca", q="kết hôn ở đâu") == {review.code, titled.code}
    assert codes(unit=world.commune.code) == codes()
    # A commune the user may not see is not offered; asking for it is ignored, with a word.
    response = client.get(HOME, {"unit": world.other_commune.code})
    assert world.other_commune.name not in text_of(response)
    assert "Một số bộ lọc không hợp lệ" in text_of(response)


def test_the_queue_pages_by_fifty(world):
    for _ in range(51):
        question_ask(world)
    client = client_for(world.officer)
    first = text_of(client.get(HOME))
    assert first.count('class="qa-admin-code"') == 50
    assert "Trang 1 / 2" in first
    second = text_of(client.get(HOME, {"p": 2}))
    assert second.count('class="qa-admin-code"') == 1


def test_no_personal_data_in_the_queue_and_contact_details_only_on_request(world):
    question = question_ask(
        world, text="Hàng xóm lấn đất nhà tôi ở thôn Plei Ơi, tôi phải làm gì?", **ASKER
    )
    secrets = [ASKER["name"], ASKER["email"], "0905777888", "Plei Ơi"]
    for user in (world.officer, world.approver, world.province_admin):
        queue = text_of(client_for(user).get(HOME))
        assert question.code in queue
        assert not [s for s in secrets if s in queue]
    page = text_of(client_for(world.officer).get(detail(question)))
    assert "Plei Ơi" in page  # the wording is needed to answer
    assert not [s for s in secrets[:3] if s in page]
    assert "Xem thông tin liên hệ" in page


def test_contact_details_need_qa_personal_data_and_every_look_is_audited(world):
    question = question_ask(world, **ASKER)
    services.qa_question_assign(actor=world.officer, question=question, assignee=world.reporter)
    for user in (world.reporter, world.approver):  # they may act, not see the contact
        client = client_for(user)
        page = text_of(client.get(detail(question)))
        assert "Xem thông tin liên hệ" not in page
        response = client.post(action(question, "lien-he"))
        assert response.status_code == 403
        assert ASKER["email"] not in text_of(response)
    assert not events(question, "qa.personal_data.view").exists()

    officer = client_for(world.officer)
    response = officer.post(action(question, "lien-he"))
    assert response.status_code == 302 and response["Location"].endswith("#lien-he")
    assert events(question, "qa.personal_data.view").count() == 1
    shown = text_of(officer.get(response["Location"]))
    assert ASKER["name"] in shown and ASKER["email"] in shown and "0905777888" in shown
    assert "đã được ghi vào nhật ký" in shown
    hidden = text_of(officer.get(detail(question)))  # shown once
    assert ASKER["email"] not in hidden
    officer.post(action(question, "lien-he"))
    assert events(question, "qa.personal_data.view").count() == 2
    history = text_of(officer.get(detail(question)))
    assert history.count("Xem thông tin liên hệ của người hỏi") == 2


# --------------------------------------------------------------------------- boundaries


def test_another_communes_question_is_not_found_and_nothing_changes(world):
    question = question_ask(world)
    assert client_for(world.officer).get(detail(question)).status_code == 200
    outsiders = [world.other_officer, world.reporter]  # the reporter is not assigned to it
    posts = {
        "phan-cong": {"assignee": world.other_officer.pk},
        "tu-choi": {"reason": "Không phải câu hỏi pháp luật."},
        "gop": {"into_code": question.code},
        "phan-loai": {"legal_field": world.other_field.pk, "unit": world.other_commune.pk},
        "tra-loi": editor_data(question, answer="Trả lời của người ngoài."),
        "lien-he": {},
        "duyet": {},
        "cong-khai": {},
    }
    for user in outsiders:
        client = client_for(user)
        assert client.get(detail(question)).status_code == 404
        for name, data in posts.items():
            assert client.post(action(question, name), data).status_code == 404, name
    after = fresh(question)
    assert after.status == QuestionStatus.RECEIVED and after.answer == ""
    assert after.assignee is None and after.unit == world.commune
    assert not AuditEvent.objects.filter(object_id=str(question.pk)).exclude(
        action="qa.question.receive"
    )


def test_only_triagers_triage(world):
    question = question_ask(world)
    services.qa_question_assign(actor=world.officer, question=question, assignee=world.reporter)
    reporter = client_for(world.reporter)
    page = text_of(reporter.get(detail(question)))
    for name in ("phan-cong", "tu-choi", "phan-loai", "gop"):
        assert action(question, name) not in page
    for name, data in {
        "phan-cong": {"assignee": world.reporter.pk},
        "tu-choi": {"reason": "Không phải câu hỏi pháp luật."},
        "phan-loai": {"legal_field": world.other_field.pk, "unit": world.commune.pk},
    }.items():
        response = reporter.post(action(question, name), data)
        assert response.status_code in (200, 403), name
        assert "Chưa" in text_of(response)
    after = fresh(question)
    assert after.status == QuestionStatus.ASSIGNED and after.legal_field == world.field


def test_only_approvers_approve_and_publish(world):
    question = question_to(world, "review")  # drafted by the reporter
    for user in (world.officer, world.reporter, world.editor):
        client = client_for(user)
        page = text_of(client.get(detail(question)))
        assert "Duyệt câu trả lời</button>" not in page
        response = client.post(action(question, "duyet"))
        assert response.status_code == 403
        assert "Bạn không có quyền" in text_of(response)
    assert fresh(question).status == QuestionStatus.REVIEW
    approver = client_for(world.approver)
    assert "Duyệt câu trả lời</button>" in text_of(approver.get(detail(question)))
    assert approver.post(action(question, "duyet")).status_code == 302
    assert fresh(question).status == QuestionStatus.ANSWERED
    for user in (world.officer, world.reporter):
        assert client_for(user).post(action(question, "cong-khai")).status_code == 403
    assert fresh(question).status == QuestionStatus.ANSWERED
    assert approver.post(action(question, "cong-khai")).status_code == 302
    assert fresh(question).status == QuestionStatus.PUBLISHED
    response = client_for(world.officer).post(action(question, "go-cong-khai"), {"reason": "x"})
    assert response.status_code == 403
    response = approver.post(action(question, "go-cong-khai"), {"reason": "Luật đã thay đổi"})
    assert response.status_code == 302
    assert fresh(question).status == QuestionStatus.ANSWERED
    assert events(question, "qa.question.unpublish").get().data == {"reason": "Luật đã thay đổi"}


def test_the_writer_cannot_approve_their_own_answer(world):
    admin = client_for(world.province_admin)  # may write and approve
    question = question_ask(world)
    response = admin.post(
        action(question, "tra-loi"),
        editor_data(
            question,
            answer="Đăng ký tại xã.",
            citations=[("52/2014/QH13", "18", "")],
            thao_tac="trinh",
        ),
    )
    assert response.status_code == 302
    assert fresh(question).status == QuestionStatus.REVIEW
    page = text_of(admin.get(detail(question)))
    assert "không tự duyệt được" in page and "Duyệt câu trả lời</button>" not in page
    response = admin.post(action(question, "duyet"))
    assert response.status_code == 403
    assert "Người soạn không tự duyệt câu trả lời của mình." in text_of(response)
    assert fresh(question).status == QuestionStatus.REVIEW
    assert client_for(world.approver).post(action(question, "duyet")).status_code == 302
    assert fresh(question).status == QuestionStatus.ANSWERED


def test_csrf_is_required(world):
    question = question_ask(world)
    client = Client(enforce_csrf_checks=True)
    login_with_second_factor(client, world.officer)
    response = client.post(action(question, "tu-choi"), {"reason": "Không phải câu hỏi."})
    assert response.status_code == 403
    assert fresh(question).status == QuestionStatus.RECEIVED


# --------------------------------------------------------------------------- the whole path


def test_ask_assign_answer_with_a_ground_from_search_approve_publish(world):
    marriage_law()
    question = question_ask(world, **ASKER)
    officer = client_for(world.officer)
    page = text_of(officer.get(detail(question)))
    assert str(world.reporter) in page  # offered as an assignee
    assert str(world.other_officer) not in page  # answers another commune
    due = timezone.localdate() + timedelta(days=30)
    response = officer.post(
        action(question, "phan-cong"), {"assignee": world.reporter.pk, "due_on": due.isoformat()}
    )
    assert response.status_code == 302 and response["Location"] == detail(question)
    question = fresh(question)
    assert (question.status, question.assignee, question.due_on) == (
        "assigned",
        world.reporter,
        due,
    )

    reporter = client_for(world.reporter)
    search = "đăng ký kết hôn ở đâu"
    offered = add_buttons(reporter.get(detail(question), {"tim": search}))
    assert offered[0] == {
        "number": "52/2014/QH13",
        "article": "18",
        "detail": "",
        "title": "Hôn nhân và gia đình",
    }
    answer = "Hai bạn đăng ký kết hôn tại Ủy ban nhân dân xã nơi một trong hai người cư trú."
    response = reporter.post(
        action(question, "tra-loi"),
        editor_data(
            question,
            title="Đăng ký kết hôn ở xã nào?",
            public_question="Hai người ở hai xã khác nhau đăng ký kết hôn ở đâu?",
            answer=answer,
            tim=search,
            them_can_cu=json.dumps(offered[0], ensure_ascii=False),
        ),
    )
    assert response.status_code == 302
    assert "tim=" in response["Location"] and response["Location"].endswith("#can-cu")
    question = fresh(question)
    assert question.answer == answer
    assert [(c.number, c.article) for c in question.citations.all()] == [("52/2014/QH13", "18")]
    page = text_of(reporter.get(detail(question)))
    # The ground is shown as a link to the article in the library.
    link = re.search(
        r'<a href="([^"]+)"[^>]*>Điều 18 Hôn nhân và gia đình số 52/2014/QH13</a>', page
    )
    assert link and link.group(1).endswith("#dieu-18"), page[page.find("Đã lưu:") :][:600]

    response = reporter.post(action(question, "tra-loi"), editor_data(question, thao_tac="trinh"))
    assert response.status_code == 302
    assert fresh(question).status == QuestionStatus.REVIEW

    approver = client_for(world.approver)
    assert approver.post(action(question, "duyet")).status_code == 302
    assert approver.post(action(question, "cong-khai")).status_code == 302
    question = fresh(question)
    assert question.status == QuestionStatus.PUBLISHED and question.approved_by == world.approver
    found = search_run(SearchRequest(q="đăng ký kết hôn hai xã", kind="qa")).results
    assert found and found[0]["title"] == "Đăng ký kết hôn ở xã nào?"
    history = text_of(approver.get(detail(question)))
    for step in (
        "Tiếp nhận câu hỏi",
        "Phân công trả lời",
        f"Giao cho {world.reporter}",
        "Lưu bản nháp câu trả lời",
        "Trình duyệt câu trả lời",
        "Duyệt câu trả lời",
        "Công khai",
    ):
        assert step in history, step


def test_a_phapdien_hit_adds_the_provision_it_comes_from(world, tmp_path):
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE_A, encoding="utf-8")
    document_import_phapdien(path=folder)
    question = question_to(world, "assigned")
    response = client_for(world.reporter).get(detail(question), {"tim": "hòa giải viên"})
    assert {"number": "35/2013/QH13", "article": "2", "detail": ""}.items() <= (
        add_buttons(response)[0].items()
    )


def test_a_search_saves_a_changed_draft_first_and_keeps_an_unchanged_one_untouched(world):
    marriage_law()
    question = question_ask(world)
    officer = client_for(world.officer)
    response = officer.post(
        action(question, "tra-loi"), editor_data(question, tim="kết hôn", thao_tac="tim")
    )
    assert response.status_code == 302 and "tim=" in response["Location"]
    assert fresh(question).status == QuestionStatus.RECEIVED  # nothing typed: nothing saved
    assert not events(question, "qa.answer.save").exists()
    response = officer.post(
        action(question, "tra-loi"),
        editor_data(question, answer="Bản nháp đang viết.", tim="kết hôn", thao_tac="tim"),
    )
    assert response.status_code == 302
    assert fresh(question).answer == "Bản nháp đang viết."


def test_merge_into_a_similar_question(world):
    original = question_to(world, "published")
    duplicate = question_ask(world)
    officer = client_for(world.officer)
    page = text_of(officer.get(detail(duplicate)))
    assert original.code in page  # offered among similar questions of the field
    response = officer.post(action(duplicate, "gop"), {"into": original.pk})
    assert response.status_code == 302
    duplicate = fresh(duplicate)
    assert duplicate.status == QuestionStatus.MERGED and duplicate.duplicate_of == original
    assert duplicate.code in text_of(officer.get(detail(original)))


def test_classify_within_the_communes_one_triages(world):
    question = question_ask(world)
    officer = client_for(world.officer)
    response = officer.post(
        action(question, "phan-loai"),
        {"legal_field": world.other_field.pk, "unit": world.other_commune.pk},
    )
    assert response.status_code == 200
    assert "Chỉ chọn được xã, phường" in text_of(response)
    assert fresh(question).unit == world.commune
    response = officer.post(
        action(question, "phan-loai"),
        {"legal_field": world.other_field.pk, "unit": world.commune.pk},
    )
    assert response.status_code == 302 and fresh(question).legal_field == world.other_field
    admin = client_for(world.province_admin)
    response = admin.post(
        action(question, "phan-loai"),
        {"legal_field": world.other_field.pk, "unit": world.other_commune.pk},
    )
    assert response.status_code == 302 and fresh(question).unit == world.other_commune
    assert officer.get(detail(question)).status_code == 404
    assert client_for(world.other_officer).get(detail(question)).status_code == 200


# --------------------------------------------------------------------------- bad input


def test_a_decline_needs_a_reason(world):
    question = question_ask(world)
    response = client_for(world.officer).post(action(question, "tu-choi"), {"reason": "  "})
    assert response.status_code == 200
    assert "Vui lòng ghi lý do để người hỏi được biết." in text_of(response)
    assert fresh(question).status == QuestionStatus.RECEIVED
    assert not events(question, "qa.question.decline").exists()


def test_assigning_needs_a_due_date_ahead_and_someone_who_answers_there(world):
    question = question_ask(world)
    officer = client_for(world.officer)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = officer.post(
        action(question, "phan-cong"),
        {"assignee": world.reporter.pk, "due_on": yesterday.strftime("%d/%m/%Y")},
    )
    assert response.status_code == 200
    assert "Hạn trả lời không được ở quá khứ." in text_of(response)
    response = officer.post(action(question, "phan-cong"), {"assignee": world.other_officer.pk})
    assert response.status_code == 200
    assert "không trả lời câu hỏi của xã, phường này" in text_of(response)
    response = officer.post(action(question, "phan-cong"), {"due_on": "31/02/2027"})
    page = text_of(response)
    assert "Vui lòng chọn người trả lời." in page and "Ngày không hợp lệ" in page
    question = fresh(question)
    assert question.assignee is None and question.status == QuestionStatus.RECEIVED
    assert not events(question, "qa.question.assign").exists()


def test_a_bad_document_number_keeps_what_was_typed_and_stores_nothing(world):
    question = question_ask(world)
    typed = "Câu trả lời đang soạn dở, chưa lưu ở đâu khác."
    response = client_for(world.officer).post(
        action(question, "tra-loi"),
        editor_data(question, answer=typed, citations=[("không phải số", "18", "")]),
    )
    assert response.status_code == 200
    page = text_of(response)
    assert "Số ký hiệu “không phải số” không đúng dạng" in page
    assert typed in page and "không phải số" in page
    question = fresh(question)
    assert question.answer == "" and not question.citations.exists()
    assert question.status == QuestionStatus.RECEIVED


def test_a_draft_without_a_legal_ground_is_saved_but_not_submitted(world):
    question = question_ask(world)
    response = client_for(world.officer).post(
        action(question, "tra-loi"), editor_data(question, answer="Trả lời.", thao_tac="trinh")
    )
    assert response.status_code == 200
    assert "Câu trả lời cần dẫn ít nhất một văn bản làm căn cứ pháp lý." in text_of(response)
    question = fresh(question)
    assert question.answer == "Trả lời." and question.status == QuestionStatus.ASSIGNED


def test_merging_needs_another_question_one_may_triage(world):
    question = question_ask(world)
    elsewhere = question_ask(world, unit=world.other_commune.code)
    officer = client_for(world.officer)
    cases = {
        question.code: "Không thể gộp câu hỏi vào chính nó.",
        elsewhere.code: "Không tìm thấy câu hỏi có mã",
        "HD-00000-00000": "Không tìm thấy câu hỏi có mã",
        "": "Vui lòng ghi mã theo dõi hoặc chọn câu hỏi để gộp vào.",
    }
    for code, message in cases.items():
        response = officer.post(action(question, "gop"), {"into_code": code})
        assert response.status_code == 200, code
        assert message in text_of(response), code
    assert fresh(question).status == QuestionStatus.RECEIVED
    assert fresh(elsewhere).status == QuestionStatus.RECEIVED


def test_returning_an_answer_needs_a_note(world):
    question = question_to(world, "review")
    approver = client_for(world.approver)
    response = approver.post(action(question, "tra-lai"), {"note": ""})
    assert response.status_code == 200 and "Vui lòng ghi điều cần sửa." in text_of(response)
    assert fresh(question).status == QuestionStatus.REVIEW
    response = approver.post(action(question, "tra-lai"), {"note": "Dẫn thêm Luật Hộ tịch."})
    assert response.status_code == 302
    assert fresh(question).status == QuestionStatus.ASSIGNED
    page = text_of(client_for(world.reporter).get(detail(question)))
    assert "Dẫn thêm Luật Hộ tịch." in page


def test_publishing_is_refused_while_the_public_wording_holds_personal_data(world):
    question = question_to(world, "assigned")
    services.qa_answer_save(
        actor=world.reporter,
        question=question,
        answer="Đăng ký tại xã.",
        citations=[CITATION],
        title="Đăng ký kết hôn",
        public_question="Tôi ở xã Ia Hrú, số 0905 123 456, hỏi đăng ký kết hôn ở đâu?",
    )
    services.qa_answer_submit(actor=world.reporter, question=question)
    services.qa_answer_approve(actor=world.approver, question=question)
    response = client_for(world.province_admin).post(action(question, "cong-khai"))
    assert response.status_code == 200
    assert "Còn thông tin cá nhân: số điện thoại" in text_of(response)
    assert fresh(question).status == QuestionStatus.ANSWERED


def test_a_state_change_in_between_is_explained(world):
    question = question_to(world, "review")
    services.qa_answer_approve(actor=world.approver, question=question)
    response = client_for(world.approver).post(action(question, "duyet"))
    assert response.status_code == 409
    assert "Chỉ duyệt được câu trả lời đang chờ duyệt." in text_of(response)


# --------------------------------------------------------------------------- settings


def test_only_province_admins_configure(world):
    commune_admin = RoleAssignmentFactory(role=Role.PROVINCE_ADMIN, unit=world.commune).user
    for user in (world.officer, world.approver, world.reporter, commune_admin):
        client = client_for(user)
        assert_denied(client.get(SETTINGS))
        assert_denied(
            client.post(
                SETTINGS + "thoi-han/", {"legal_field": world.field.code, "working_days": "5"}
            )
        )
        assert_denied(
            client.post(SETTINGS + "ngay/", {"day": "2027-03-10", "kind": "holiday", "name": "X"})
        )
    assert not ServiceLevel.objects.exists()
    assert not CalendarDay.objects.filter(day=date(2027, 3, 10)).exists()
    for user in (world.officer, commune_admin):
        with pytest.raises(PermissionDenied):
            service_level_set(actor=user, legal_field=world.field, working_days=5)
        with pytest.raises(PermissionDenied):
            calendar_day_add(actor=user, day=date(2027, 3, 10), kind="holiday", name="X")
    assert client_for(world.province_admin).get(SETTINGS).status_code == 200


def test_service_levels_are_set_checked_and_audited(world, settings):
    settings.QA_ANSWER_WORKING_DAYS = 10
    admin = client_for(world.province_admin)
    page = text_of(admin.get(SETTINGS))
    assert world.field.name in page and "10 ngày làm việc (mặc định)" in page
    for bad in ("0", "61", "mười"):
        response = admin.post(
            SETTINGS + "thoi-han/", {"legal_field": world.field.code, "working_days": bad}
        )
        assert response.status_code == 200
        assert "Chưa lưu được thời hạn" in text_of(response)
    assert not ServiceLevel.objects.exists()
    response = admin.post(
        SETTINGS + "thoi-han/", {"legal_field": world.field.code, "working_days": "15"}
    )
    assert response.status_code == 302
    assert ServiceLevel.objects.get(legal_field=world.field).working_days == 15
    event = AuditEvent.objects.get(action="qa.config.service_level")
    assert event.data == {"field": world.field.code, "before": None, "after": 15}
    question = question_ask(world)
    today = timezone.localdate()
    assert question.due_on == working_days_add(start=today, days=15)
    response = admin.post(SETTINGS + "thoi-han/", {"legal_field": world.field.code})
    assert response.status_code == 302 and not ServiceLevel.objects.exists()


def test_the_calendar_of_holidays_is_kept_here(world):
    admin = client_for(world.province_admin)
    day = {"day": "10/03/2027", "kind": "holiday", "name": "Ngày nghỉ thử nghiệm"}
    response = admin.post(SETTINGS + "ngay/", day)
    assert response.status_code == 302 and response["Location"].endswith("?nam=2027#lich")
    entry = CalendarDay.objects.get(day=date(2027, 3, 10))
    assert (entry.kind, entry.name) == ("holiday", "Ngày nghỉ thử nghiệm")
    assert AuditEvent.objects.filter(action="qa.config.calendar_add").count() == 1
    assert "Ngày nghỉ thử nghiệm" in text_of(admin.get(SETTINGS, {"nam": 2027}))
    cases = [
        ({**day, "name": "Trùng ngày"}, "Ngày 10/03/2027 đã có trong lịch"),
        ({**day, "day": "2027-03-11", "name": "  "}, "Vui lòng ghi tên ngày"),
        ({**day, "day": "11/13/2027"}, "Ngày không hợp lệ"),
        ({**day, "day": "2027-03-12", "kind": "holiday-ish"}, "Chưa thêm được ngày"),
    ]
    for data, message in cases:
        response = admin.post(SETTINGS + "ngay/", data)
        assert response.status_code == 200, data
        assert message in text_of(response), data
    assert CalendarDay.objects.filter(day__year=2027).count() == 1
    assert CalendarDay.objects.get(day=date(2027, 3, 10)).name == "Ngày nghỉ thử nghiệm"
    response = admin.post(SETTINGS + "ngay/xoa/", {"day": "2027-03-10"})
    assert response.status_code == 302
    assert not CalendarDay.objects.filter(day=date(2027, 3, 10)).exists()
    assert AuditEvent.objects.filter(action="qa.config.calendar_delete").count() == 1
    response = admin.post(SETTINGS + "ngay/xoa/", {"day": "2027-03-10"}, follow=True)
    assert "không có trong lịch" in text_of(response)


# --------------------------------------------------------------------------- in a browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_answer_editor_works_without_javascript(browser, live_server):
    from tests.browser import goto, new_page, screenshot

    world = qa_world()
    marriage_law()
    question = question_to(world, "assigned")
    question_ask(world)  # something else in the queue
    client = client_for(world.reporter)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    with new_page(browser, java_script_enabled=False, height=1000) as page:
        page.context.add_cookies([{**cookie, "url": live_server.url}])
        goto(page, live_server.url + HOME)
        screenshot(page, "qa-admin-queue")
        page.get_by_role("link", name=question.code).click()
        page.get_by_label("Tìm điều luật làm căn cứ").fill("đăng ký kết hôn ở đâu")
        with page.expect_navigation():
            page.get_by_label("Tìm điều luật làm căn cứ").press("Enter")  # the search button
        assert "tim=" in page.url
        screenshot(page, "qa-admin-detail-editor")
        page.get_by_role("textbox", name="Câu trả lời", exact=True).fill(
            "Đăng ký tại Ủy ban nhân dân xã."
        )
        add = page.locator('button[name="them_can_cu"]', has_text="Điều 18. Đăng ký kết hôn")
        with page.expect_navigation():
            add.click()
        assert page.get_by_text(
            "Đã thêm căn cứ “Điều 18, 52/2014/QH13” và lưu bản nháp."
        ).is_visible()
        assert page.get_by_role("textbox", name="Câu trả lời", exact=True).input_value() == (
            "Đăng ký tại Ủy ban nhân dân xã."
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu và trình duyệt").click()
        assert page.get_by_text("Đã lưu và trình duyệt câu trả lời.").is_visible()
    question = fresh(question)
    assert question.status == QuestionStatus.REVIEW
    assert [(c.number, c.article) for c in question.citations.all()] == [("52/2014/QH13", "18")]
    report_client = client_for(world.approver)
    cookie = {"name": "sessionid", "value": report_client.cookies["sessionid"].value}
    with new_page(browser, java_script_enabled=False, height=1000) as page:
        page.context.add_cookies([{**cookie, "url": live_server.url}])
        goto(page, live_server.url + REPORT)
        assert page.get_by_text(re.compile(r"^Tiếp nhận trong kỳ\s+2$")).is_visible()
        screenshot(page, "qa-admin-report")
