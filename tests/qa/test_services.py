"""The Q&A workflow through its services: who may do what, in which state, with what input;
personal data kept only with consent, erased on request and on time."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.core.models import AuditEvent
from pbgdpl.core.workdays import working_days_add
from pbgdpl.exchange.models import SharedItem
from pbgdpl.qa import services
from pbgdpl.qa.models import Question, QuestionStatus, ServiceLevel
from pbgdpl.qa.selectors import question_by_code, question_tracking, questions_queue
from pbgdpl.qa.services import CitationInput, QaInputError, QaStateError
from pbgdpl.search.selectors import SearchRequest, search_run
from tests.qa.factories import CITATION, qa_world, question_ask, question_input, question_to

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def world():
    return qa_world()


# --------------------------------------------------------------------------- asking


def test_a_question_gets_a_tracking_code_and_a_deadline_in_working_days(world, settings):
    settings.QA_ANSWER_WORKING_DAYS = 7
    question = question_ask(world)
    assert question.status == QuestionStatus.RECEIVED
    assert services.tracking_code_normalize(question.code) == question.code
    assert question.due_on == working_days_add(start=timezone.localdate(), days=7)
    assert AuditEvent.objects.filter(action="qa.question.receive", object_id=str(question.pk))


def test_the_deadline_follows_the_fields_service_level(world):
    ServiceLevel.objects.create(legal_field=world.field, working_days=3)
    question = question_ask(world)
    assert question.due_on == working_days_add(start=timezone.localdate(), days=3)


def test_tracking_codes_are_forgiving_when_typed_back(world):
    question = question_ask(world)
    typed = question.code.lower().replace("-", " ").replace("0", "o")
    assert question_by_code(typed) == question
    assert question_by_code("HD-00000") is None
    assert services.tracking_code_normalize("<script>") == ""


def test_contact_details_need_consent_and_are_recorded_with_its_version(world):
    with pytest.raises(QaInputError) as refused:
        question_ask(world, name="Rơ Châm H'Lan", email="hlan@example.com")
    assert "consent" in refused.value.errors
    assert Question.objects.count() == 0
    question = question_ask(
        world,
        name="Rơ Châm H'Lan",
        email="HLan@Example.com",
        phone="+84 905 123 456",
        consent=True,
    )
    assert question.asker_email == "hlan@example.com"
    assert question.asker_phone == "0905123456"
    assert question.consent_version == services.CONSENT_VERSION
    assert question.consent_at is not None
    anonymous = question_ask(world)
    assert anonymous.consent_at is None and not anonymous.has_personal_data


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   \n  "}, "text"),
        ({"text": "Ngắn quá"}, "text"),
        ({"text": "x" * 100_000}, "text"),
        ({"text": "Đất " * 1100}, "text"),
        ({"text": "<p><b></b></p>" * 10}, "text"),
        ({"legal_field": "khong-co"}, "legal_field"),
        ({"legal_field": ""}, "legal_field"),
        ({"unit": "99999999"}, "unit"),
        ({"unit": "52"}, "unit"),  # the province, not a commune
        ({"email": "khong-phai-thu", "consent": True}, "email"),
        ({"phone": "12345", "consent": True}, "phone"),
        ({"name": "A" * 200, "consent": True}, "name"),
        ({"honeypot": "http://spam.example"}, "website"),
        ({"consent": True, "name": "Lan", "consent_version": "1999-01"}, "consent"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(world, overrides, field):
    question_ask(world)  # something already stored must stay
    with pytest.raises(QaInputError) as refused:
        question_ask(world, **overrides)
    assert field in refused.value.errors
    assert refused.value.errors[field]
    assert Question.objects.count() == 1


def test_several_bad_fields_are_reported_at_once(world):
    with pytest.raises(QaInputError) as refused:
        question_ask(world, text="", unit="0", legal_field="x")
    assert {"text", "unit", "legal_field"} <= set(refused.value.errors)


def test_markup_is_stripped_from_the_question(world):
    question = question_ask(
        world,
        text='<script>alert("x")</script>Tôi muốn hỏi về <b>thủ tục</b> đăng ký kết hôn ạ?',
    )
    assert "<" not in question.text and ">" not in question.text
    assert "thủ tục" in question.text


def test_a_merged_commune_is_not_offered(world):
    world.other_commune.valid_to = timezone.localdate()
    world.other_commune.save()
    with pytest.raises(QaInputError):
        question_ask(world, unit=world.other_commune.code)


# --------------------------------------------------------------------------- roles


def test_a_commune_officer_triages_only_their_commune(world):
    mine = question_ask(world)
    theirs = question_ask(world, unit=world.other_commune.code)
    with pytest.raises(PermissionDenied):
        services.qa_question_assign(actor=world.officer, question=theirs, assignee=world.reporter)
    with pytest.raises(PermissionDenied):
        services.qa_question_decline(actor=world.officer, question=theirs, reason="Không rõ.")
    assert set(questions_queue(world.officer)) == {mine}
    assert set(questions_queue(world.other_officer)) == {theirs}
    assert set(questions_queue(world.province_admin)) == {mine, theirs}
    assert not questions_queue(world.citizen).exists()


def test_assignees_must_answer_questions_of_that_commune(world):
    question = question_ask(world)
    for not_eligible in (world.other_officer, world.citizen, world.approver):
        with pytest.raises(QaInputError) as refused:
            services.qa_question_assign(
                actor=world.province_admin, question=question, assignee=not_eligible
            )
        assert "assignee" in refused.value.errors
    services.qa_question_assign(
        actor=world.province_admin, question=question, assignee=world.reporter
    )
    assert set(questions_queue(world.reporter)) == {question}


def test_only_the_assignee_or_a_triager_writes_the_answer(world):
    question = question_to(world, "assigned")
    other_reporter = qa_world_reporter(world)
    for outsider in (other_reporter, world.other_officer, world.citizen, world.approver):
        with pytest.raises(PermissionDenied):
            services.qa_answer_save(
                actor=outsider, question=question, answer="Sai người.", citations=[CITATION]
            )
    assert not questions_queue(other_reporter).exists()
    question.refresh_from_db()
    assert "Sai người" not in question.answer


def qa_world_reporter(world):
    from tests.qa.factories import staff

    return staff("reporter", world.commune)


def test_only_approvers_approve_and_never_their_own_answer(world):
    question = question_to(world, "review")
    for not_approver in (world.reporter, world.officer, world.editor):
        with pytest.raises(PermissionDenied):
            services.qa_answer_approve(actor=not_approver, question=question)
    own = question_to(world, "received")
    services.qa_question_assign(
        actor=world.province_admin, question=own, assignee=world.province_admin
    )
    services.qa_answer_save(
        actor=world.province_admin,
        question=own,
        answer="Trả lời.",
        citations=[CITATION],
        title="Tiêu đề",
        public_question="Câu hỏi công khai về đăng ký kết hôn.",
    )
    services.qa_answer_submit(actor=world.province_admin, question=own)
    with pytest.raises(PermissionDenied):
        services.qa_answer_approve(actor=world.province_admin, question=own)
    services.qa_answer_approve(actor=world.approver, question=own)


def test_only_approvers_publish(world):
    question = question_to(world, "answered")
    for not_approver in (world.reporter, world.officer, world.editor, world.other_officer):
        with pytest.raises(PermissionDenied):
            services.qa_question_publish(actor=not_approver, question=question)
    assert Question.objects.get(pk=question.pk).status == QuestionStatus.ANSWERED


# --------------------------------------------------------------------------- states


def test_an_answer_needs_a_legal_ground_before_approval(world):
    question = question_to(world, "received")
    services.qa_question_assign(actor=world.officer, question=question, assignee=world.reporter)
    services.qa_answer_save(actor=world.reporter, question=question, answer="", citations=[])
    with pytest.raises(QaInputError) as refused:
        services.qa_answer_submit(actor=world.reporter, question=question)
    assert {"answer", "citations"} <= set(refused.value.errors)


def test_bad_citations_are_refused_and_the_draft_kept(world):
    question = question_to(world, "assigned")
    for bad in (
        CitationInput(number="không phải số hiệu"),
        CitationInput(number="52/2014/QH13", article="mười"),
    ):
        with pytest.raises(QaInputError) as refused:
            services.qa_answer_save(
                actor=world.reporter, question=question, answer="Khác", citations=[bad]
            )
        assert "citations" in refused.value.errors
    question.refresh_from_db()
    assert question.answer.startswith("Hai bạn")
    assert [c.number for c in question.citations.all()] == ["52/2014/QH13"]


def test_messy_citation_numbers_are_normalised(world):
    question = question_to(world, "assigned")
    services.qa_answer_save(
        actor=world.reporter,
        question=question,
        answer="Trả lời",
        citations=[
            CitationInput(number="52/2014/qh13", article="Điều 8", detail="khoản 1"),
            CitationInput(number="52/2014/QH13", article="8", detail="khoản 1"),  # same
            CitationInput(number="168/2024/NĐCP", article="6"),
        ],
    )
    rows = [(c.number, c.article, c.detail) for c in question.citations.all()]
    assert rows == [("52/2014/QH13", "8", "khoản 1"), ("168/2024/NĐ-CP", "6", "")]


def test_a_returned_answer_goes_back_to_its_writer(world):
    question = question_to(world, "review")
    with pytest.raises(QaStateError):
        services.qa_answer_save(
            actor=world.reporter, question=question, answer="Sửa", citations=[CITATION]
        )
    with pytest.raises(QaInputError):
        services.qa_answer_return(actor=world.approver, question=question, note=" ")
    services.qa_answer_return(actor=world.approver, question=question, note="Thêm căn cứ.")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED
    assert question.review_note == "Thêm căn cứ."
    services.qa_answer_save(
        actor=world.reporter, question=question, answer="Đã sửa", citations=[CITATION]
    )


def test_decline_needs_a_reason_and_closes(world):
    question = question_ask(world)
    with pytest.raises(QaInputError):
        services.qa_question_decline(actor=world.officer, question=question, reason="  ")
    services.qa_question_decline(
        actor=world.officer, question=question, reason="Vụ việc đang được Tòa án giải quyết."
    )
    question.refresh_from_db()
    assert question.status == QuestionStatus.DECLINED and question.closed_at
    tracking = question_tracking(question)
    assert tracking["status"] == "declined"
    assert "Tòa án" in tracking["decline_reason"]
    with pytest.raises(QaStateError):
        services.qa_question_assign(actor=world.officer, question=question, assignee=world.reporter)


def test_a_duplicate_follows_the_answer_of_the_question_it_was_merged_into(world):
    main = question_to(world, "assigned")
    duplicate = question_ask(world)
    with pytest.raises(QaInputError):
        services.qa_question_merge(actor=world.officer, question=duplicate, into=duplicate)
    services.qa_question_merge(actor=world.officer, question=duplicate, into=main)
    duplicate.refresh_from_db()
    assert question_tracking(duplicate)["status"] == "assigned"
    assert question_tracking(duplicate)["merged_into"] == main.code
    services.qa_answer_submit(actor=world.reporter, question=main)
    services.qa_answer_approve(actor=world.approver, question=main)
    tracking = question_tracking(Question.objects.get(pk=duplicate.pk))
    assert tracking["status"] == "answered"
    assert tracking["answer"].startswith("Hai bạn")
    assert [c.number for c in tracking["citations"]] == ["52/2014/QH13"]


def test_the_asker_sees_assigned_while_the_answer_waits_for_approval(world):
    question = question_to(world, "review")
    tracking = question_tracking(question)
    assert tracking["status"] == "assigned"
    assert tracking["answer"] == ""  # not before approval


# --------------------------------------------------------------------------- publishing


def test_the_whole_path_ends_in_search_and_the_exchange(world):
    question = question_to(world, "published")
    assert question.status == QuestionStatus.PUBLISHED and question.published_at
    found = search_run(SearchRequest(q="đăng ký kết hôn xã khác", kind="qa")).results
    assert [r["url"] for r in found][:1] == [f"/hoi-dap/{question.pk}/dang-ky-ket-hon-o-dau/"]
    item = SharedItem.objects.get(type="qa.answer", local_id=str(question.pk))
    assert item.data["citations"][0]["number"] == "52/2014/QH13"
    assert not item.deleted
    services.qa_question_unpublish(actor=world.approver, question=question, reason="Cũ")
    assert not search_run(SearchRequest(q="đăng ký kết hôn xã khác", kind="qa")).results
    item.refresh_from_db()
    assert item.deleted


def test_nothing_personal_reaches_search_or_the_exchange(world):
    question = question_to(
        world,
        "published",
        name="Ksor H'Bia Độc Nhất",
        email="hbia.docnhat@example.com",
        phone="0905 777 888",
        consent=True,
        text="Tôi là Ksor H'Bia Độc Nhất, số 0905 777 888, muốn hỏi đăng ký kết hôn ở đâu?",
    )
    item = SharedItem.objects.get(type="qa.answer", local_id=str(question.pk))
    dumped = str(item.data)
    hits = search_run(SearchRequest(q="Độc Nhất hbia 0905777888", kind="qa")).results
    for secret in ("Độc Nhất", "hbia.docnhat", "0905", "777 888", world.commune.name):
        assert secret not in dumped
        assert all(secret not in str(hit) for hit in hits)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("public_question", "Chị Lan (0905 123 456) hỏi về đăng ký kết hôn."),
        ("public_question", "Hỏi qua lan@example.com về đăng ký kết hôn."),
        ("title", "Câu hỏi của Rơ Mah Lan"),
        ("answer", "Số căn cước 064 090 001234 của bạn không cần ghi."),
    ],
)
def test_publishing_is_refused_while_personal_data_remains(world, field, value):
    question = question_to(world, "answered", name="Rơ Mah Lan", consent=True)
    setattr(question, field, value)
    question.save()
    with pytest.raises(QaInputError) as refused:
        services.qa_question_publish(actor=world.approver, question=question)
    assert field in refused.value.errors
    assert Question.objects.get(pk=question.pk).status == QuestionStatus.ANSWERED


def test_the_public_wording_starts_from_a_masked_copy():
    masked = services.personal_data_mask(
        "Gọi 0905.123.456 hoặc +84 912 345 678, thư lan@example.com, CCCD 064090001234."
    )
    assert "0905" not in masked and "912" not in masked
    assert "example.com" not in masked and "064090001234" not in masked
    assert masked.count("[…]") == 4


# --------------------------------------------------------------------------- personal data


def test_staff_look_at_contact_details_is_audited_and_limited(world):
    question = question_ask(world, name="Lan", email="lan@example.com", consent=True)
    contact = services.qa_personal_data_view(actor=world.officer, question=question)
    assert contact["email"] == "lan@example.com"
    assert (
        AuditEvent.objects.filter(
            action="qa.personal_data.view", object_id=str(question.pk), actor_id=world.officer.pk
        ).count()
        == 1
    )
    for outsider in (world.other_officer, world.reporter, world.approver, world.citizen):
        with pytest.raises(PermissionDenied):
            services.qa_personal_data_view(actor=outsider, question=question)
    assert AuditEvent.objects.filter(action="qa.personal_data.view").count() == 1


def test_the_asker_erases_their_data_with_the_tracking_code(world):
    question = question_to(world, "published", name="Lan", email="lan@example.com", consent=True)
    services.qa_personal_data_erase_by_code(code=question.code.lower())
    question.refresh_from_db()
    assert (question.asker_name, question.asker_email, question.asker_phone) == ("", "", "")
    assert question.text == ""
    assert question.personal_data_erased_at and question.erasure_reason == "request"
    # The de-identified public version stays published.
    assert question.status == QuestionStatus.PUBLISHED and question.public_question
    with pytest.raises(Question.DoesNotExist):
        services.qa_personal_data_erase_by_code(code="HD-ZZZZZ-ZZZZZ")


def test_erasing_an_open_question_withdraws_it(world):
    question = question_ask(world, phone="0905123456", consent=True)
    services.qa_personal_data_erase_by_code(code=question.code)
    question.refresh_from_db()
    assert question.status == QuestionStatus.DECLINED and question.closed_at
    assert question.asker_phone == ""


def test_personal_data_is_purged_after_the_retention_period(world, settings):
    settings.QA_PERSONAL_DATA_RETENTION_DAYS = 365
    old = question_to(world, "answered", email="cu@example.com", consent=True)
    recent = question_to(world, "answered", email="moi@example.com", consent=True)
    still_open = question_ask(world, email="mo@example.com", consent=True)
    Question.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=366))
    Question.objects.filter(pk=recent.pk).update(closed_at=timezone.now() - timedelta(days=364))
    assert services.qa_personal_data_purge_expired() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert old.asker_email == "" and old.erasure_reason == "retention"
    assert old.status == QuestionStatus.ANSWERED  # the answer and the counts stay
    assert recent.asker_email == "moi@example.com"
    assert still_open.asker_email == "mo@example.com"
    assert services.qa_personal_data_purge_expired() == 0  # nothing twice


def test_the_purge_command_reports_what_it_did(world, settings):
    from io import StringIO

    from django.core.management import call_command

    old = question_to(world, "declined", email="cu@example.com", consent=True)
    Question.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=400))
    out = StringIO()
    call_command("qa_purge", stdout=out)
    assert "1 câu hỏi" in out.getvalue()


# --------------------------------------------------------------------------- notices


def test_askers_who_left_an_address_are_told_by_email(
    world, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        question = question_ask(world, email="lan@example.com", consent=True)
    assert len(mail.outbox) == 1
    assert question.code in mail.outbox[0].subject
    assert f"/hoi-dap/theo-doi/{question.code}/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        question_ask(world)  # no address: nothing sent
    assert len(mail.outbox) == 1


def test_no_email_once_the_data_is_erased(world, settings):
    from pbgdpl.qa.tasks import qa_asker_notify_task

    question = question_ask(world, email="lan@example.com", consent=True)
    services.qa_personal_data_erase(question=question, reason="request")
    assert qa_asker_notify_task.call(question_id=question.pk, event="answered") == "skipped"
    assert mail.outbox == []


def test_input_helper_defaults(world):
    data = question_input(world)
    assert data.consent is False and data.honeypot == ""
