"""Factories for the Legal Q&A tests: a province with communes, staff with roles, and
questions taken through the real services to any state."""

from dataclasses import dataclass
from datetime import date

from pbgdpl.laws.models import LegalField
from pbgdpl.qa import services
from pbgdpl.qa.models import Question
from pbgdpl.qa.services import CitationInput, QuestionInput
from tests.factories import RoleAssignmentFactory, UnitFactory, UserFactory

QUESTION_TEXT = "Tôi muốn đăng ký kết hôn với người ở xã bên cạnh thì cần giấy tờ gì và làm ở đâu?"


@dataclass
class QaWorld:
    """A province with two communes and the people who work on questions."""

    province: object
    commune: object
    other_commune: object
    field: LegalField
    other_field: LegalField
    province_admin: object
    officer: object  # unit_officer of ``commune``
    other_officer: object  # unit_officer of ``other_commune``
    reporter: object  # reporter of ``commune``
    approver: object  # approver for the whole province
    editor: object  # editor for the whole province
    citizen: object


def staff(role: str, unit) -> object:
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=role, unit=unit, valid_from=date(2025, 7, 1))
    return user


def qa_world() -> QaWorld:
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    commune = UnitFactory(parent=province, name="Xã Ia Hrú")
    other = UnitFactory(parent=province, name="Phường Pleiku", kind="phuong")
    field, _ = LegalField.objects.get_or_create(
        code="hon-nhan-va-gia-dinh", defaults={"name": "Hôn nhân và gia đình"}
    )
    other_field, _ = LegalField.objects.get_or_create(code="dat-dai", defaults={"name": "Đất đai"})
    citizen = UserFactory()
    RoleAssignmentFactory(user=citizen, role="citizen", unit=commune)
    return QaWorld(
        province=province,
        commune=commune,
        other_commune=other,
        field=field,
        other_field=other_field,
        province_admin=staff("province_admin", province),
        officer=staff("unit_officer", commune),
        other_officer=staff("unit_officer", other),
        reporter=staff("reporter", commune),
        approver=staff("approver", province),
        editor=staff("editor", province),
        citizen=citizen,
    )


def question_input(world: QaWorld, **overrides) -> QuestionInput:
    values = {
        "legal_field": world.field.code,
        "unit": world.commune.code,
        "text": QUESTION_TEXT,
    }
    values.update(overrides)
    return QuestionInput(**values)


def question_ask(world: QaWorld, **overrides) -> Question:
    return services.qa_question_submit(data=question_input(world, **overrides))


CITATION = CitationInput(number="52/2014/QH13", article="18", detail="")


def question_to(world: QaWorld, status: str, **overrides) -> Question:
    """A question taken by the real services to ``status`` ("received", "assigned",
    "review", "answered", "published", "declined")."""
    question = question_ask(world, **overrides)
    if status == "received":
        return question
    if status == "declined":
        return services.qa_question_decline(
            actor=world.officer, question=question, reason="Không phải câu hỏi pháp luật."
        )
    question = services.qa_question_assign(
        actor=world.officer, question=question, assignee=world.reporter
    )
    question = services.qa_answer_save(
        actor=world.reporter,
        question=question,
        answer="Hai bạn đăng ký kết hôn tại Ủy ban nhân dân xã nơi một trong hai người cư trú.",
        citations=[CITATION],
        title="Đăng ký kết hôn ở đâu?",
        public_question="Đăng ký kết hôn với người ở xã khác thì làm ở đâu, cần giấy tờ gì?",
    )
    if status == "assigned":
        return question
    question = services.qa_answer_submit(actor=world.reporter, question=question)
    if status == "review":
        return question
    question = services.qa_answer_approve(actor=world.approver, question=question)
    if status == "answered":
        return question
    return services.qa_question_publish(actor=world.approver, question=question)
