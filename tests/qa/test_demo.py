"""The Q&A demo goes through the real workflow and is safe to load twice."""

import pytest

from pbgdpl.core.text import normalize_document_number
from pbgdpl.laws.seeds import FIELDS
from pbgdpl.portal.seeds import AUDIENCES
from pbgdpl.qa.demo import qa_demo_load
from pbgdpl.qa.demo_data import QUESTIONS
from pbgdpl.qa.models import Question, QuestionStatus
from pbgdpl.qa.services import personal_data_findings
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_content_is_well_formed():
    from django.utils.text import slugify

    from pbgdpl.core.text import fold

    field_codes = {slugify(fold(name)) for name in FIELDS}
    audience_codes = {code for code, _name, _description in AUDIENCES}
    assert 35 <= len(QUESTIONS) <= 50
    titles = [q["title"] for q in QUESTIONS]
    assert len(set(titles)) == len(titles)
    for item in QUESTIONS:
        assert item["field"] in field_codes, item["field"]
        assert set(item.get("audiences", [])) <= audience_codes
        for cite in item.get("citations", []):
            assert normalize_document_number(cite["number"]) == cite["number"]
        if item["status"] in ("published", "answered"):
            assert item["citations"] and item["answer"]
            for text in (item["title"], item["public_question"], item["answer"]):
                assert not personal_data_findings(
                    text, names=[(item.get("asker") or {}).get("name", "")]
                ), text


def test_the_demo_loads_through_the_workflow_once():
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    for n in range(5):
        UnitFactory(parent=province, name=f"Xã Demo {n}")
    admin = UserFactory(is_superuser=True, is_staff=True)
    counts = qa_demo_load(admin=admin, province=province)
    expected = {}
    for item in QUESTIONS:
        expected[item["status"]] = expected.get(item["status"], 0) + 1
    assert counts["published"] == expected["published"]
    assert Question.objects.count() == len(QUESTIONS)
    published = Question.objects.filter(status=QuestionStatus.PUBLISHED)
    assert published.count() == expected["published"]
    assert all(q.citations.exists() for q in published)
    assert all(q.answered_at > q.received_at for q in published)
    merged = Question.objects.filter(status=QuestionStatus.MERGED).count()
    assert merged == sum(1 for q in QUESTIONS if q.get("duplicate_of_title"))
    assert qa_demo_load(admin=admin, province=province) == {"kept": len(QUESTIONS)}
    assert Question.objects.count() == len(QUESTIONS)
