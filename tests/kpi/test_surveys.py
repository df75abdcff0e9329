"""Satisfaction surveys: the 1–5 scale, duplicates, sampling, no personal data, the
public pages (without JavaScript) and the invitation tag; satisfaction = share of 4–5."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from pbgdpl.kpi import services
from pbgdpl.kpi.forms import CLIENT_COOKIE, survey_context_read, survey_context_sign
from pbgdpl.kpi.models import SurveyResponse
from pbgdpl.kpi.selectors import (
    survey_counts_by_unit,
    survey_invite_decide,
    survey_reach_records,
    survey_summary,
)
from pbgdpl.kpi.services import KpiInputError, KpiStateError, SurveyAnswer, SurveyDuplicateError
from pbgdpl.people.reach import reach_keys

from .factories import survey_make

pytestmark = pytest.mark.django_db
DAY = date(2026, 5, 10)


def answer(survey, score, *, client="c1", day=DAY, **kwargs):
    unit = kwargs.pop("unit", "")
    comment = kwargs.pop("comment", "")
    return services.survey_response_add(
        survey=survey,
        answer=SurveyAnswer(score=score, comment=comment, unit=unit),
        client=client,
        day=day,
        **kwargs,
    )


@pytest.mark.parametrize("score", [0, 6, "", "năm", None, "3.5"])
def test_scores_outside_one_to_five_are_refused(world, score):
    survey = survey_make(world)
    with pytest.raises(KpiInputError) as exc:
        answer(survey, score)
    assert "từ 1 (rất không hài lòng) đến 5 (rất hài lòng)" in exc.value.errors["score"]
    assert not SurveyResponse.objects.exists()


def test_unknown_commune_and_long_comment_refused(world):
    survey = survey_make(world)
    with pytest.raises(KpiInputError) as exc:
        answer(survey, 4, unit="00000", comment="x" * 1001)
    assert "Không tìm thấy xã, phường" in exc.value.errors["unit"]
    assert "tối đa 1.000 ký tự" in exc.value.errors["comment"]
    with pytest.raises(KpiInputError):
        answer(survey, 4, unit=world.province.code)  # not a commune
    assert not SurveyResponse.objects.exists()


def test_one_answer_per_browser_per_day_and_context(world):
    survey = survey_make(world)
    answer(survey, 5)
    with pytest.raises(SurveyDuplicateError) as exc:
        answer(survey, 1)
    assert "đã trả lời khảo sát này hôm nay" in str(exc.value)
    answer(survey, 4, day=date(2026, 5, 11))  # another day
    answer(survey, 4, context_type="qa.question", context_id="7")  # another context
    answer(survey, 3, client="c2")  # another browser
    assert SurveyResponse.objects.count() == 4
    assert list(SurveyResponse.objects.values_list("score", flat=True).order_by("pk")) == [
        5, 4, 4, 3,
    ]  # fmt: skip


def test_no_personal_data_is_kept(world, django_user_model):
    survey = survey_make(world)
    response = answer(
        survey,
        4,
        client="secret-browser-token",
        comment="<b>Tốt</b>. Gọi tôi 0905 123 456 hoặc an.nguyen@example.vn, CCCD 079123456789.",
    )
    assert response.comment == "Tốt. Gọi tôi [đã ẩn] hoặc [đã ẩn], CCCD [đã ẩn]."
    stored = SurveyResponse.objects.values().get()
    text = " ".join(str(v) for v in stored.values())
    assert "secret-browser-token" not in text and "127.0.0.1" not in text
    assert stored["reach_key"] == ""
    # A signed-in respondent counts as a person reached, by a hashed key only.
    user = world.citizen
    signed_in = answer(survey, 5, client="other", user=user, unit=world.ward_a.code)
    assert signed_in.reach_key == reach_keys(user_id=user.pk)[0]
    assert str(user.pk) != signed_in.reach_key and user.email not in signed_in.reach_key
    records = survey_reach_records(date_from=DAY, date_to=DAY)
    assert [(r.keys, r.unit_id, r.source) for r in records] == [
        ((signed_in.reach_key,), world.ward_a.pk, "survey")
    ]


def test_closed_survey_refuses(world):
    survey = survey_make(world, active=False)
    with pytest.raises(KpiStateError):
        answer(survey, 5)


def test_satisfaction_is_the_share_of_four_and_five(world):
    survey = survey_make(world)
    for i, score in enumerate([5, 4, 4, 3, 2, 1, 5, 5]):
        answer(survey, score, client=f"c{i}", unit=world.ward_a.code if i % 2 else "")
    summary = survey_summary(survey)
    assert summary["total"] == 8 and summary["satisfied"] == 5
    assert summary["satisfaction"] == Decimal("62.5")
    assert summary["by_score"] == [(1, 1), (2, 1), (3, 1), (4, 2), (5, 3)]
    # Counted by the commune chosen, else by the survey's unit.
    counts = sorted(survey_counts_by_unit(date_from=DAY, date_to=DAY))
    assert counts == sorted([(world.ward_a.pk, 4, 2), (world.province.pk, 4, 3)])


def test_sampling_is_decided_on_the_server_and_stable_per_visitor(world):
    survey = survey_make(world, sampling_rate=Decimal("0.3"))
    tokens = [f"token-{i:04d}" for i in range(2000)]
    invited = [t for t in tokens if survey_invite_decide(survey=survey, client_token=t)]
    assert 0.25 < len(invited) / len(tokens) < 0.35
    assert all(survey_invite_decide(survey=survey, client_token=t) for t in invited[:50])
    everyone = survey_make(world, slug="moi-tat-ca", sampling_rate=1)
    nobody = survey_make(world, slug="khong-moi", sampling_rate=0)
    assert survey_invite_decide(survey=everyone, client_token=None)
    assert not any(survey_invite_decide(survey=nobody, client_token=t) for t in tokens[:100])


def test_signed_context_cannot_be_forged():
    value = survey_context_sign("qa.question", 42)
    assert survey_context_read(value) == ("qa.question", "42")
    assert survey_context_read(value[:-2] + "xx") == ("", "")
    assert survey_context_read("qa.question:42") == ("", "")


def test_invite_tag_shows_for_sampled_visitors_only(world):
    survey = survey_make(world, context="qa", slug="hai-long-hoi-dap", sampling_rate=1)
    template = Template('{% load kpi_tags %}{% kpi_survey_invite "qa" obj %}')
    request = RequestFactory().get("/hoi-dap/1/")
    html = template.render(Context({"request": request, "obj": world.ward_a}))
    assert "/khao-sat/hai-long-hoi-dap/?ctx=" in html and "Trả lời khảo sát" in html
    survey.sampling_rate = 0
    survey.save()
    assert "khao-sat" not in template.render(Context({"request": request, "obj": None}))
    assert template.render(Context({"request": request})).strip() == ""
    empty = Template('{% load kpi_tags %}{% kpi_survey_invite "training" %}')
    assert empty.render(Context({"request": request})).strip() == ""


def test_feature_pages_get_the_invite_through_the_core_slot(world):
    """Q&A, contests and training templates ask for the "survey_invite" slot (they never
    load kpi's tags); kpi fills it."""
    survey_make(world, context="training", slug="hai-long-boi-duong", sampling_rate=1)
    slot = Template('{% load core_slots %}{% slot "survey_invite" survey_context=c obj=obj %}')
    request = RequestFactory().get("/boi-duong/khoa/")
    html = slot.render(Context({"request": request, "obj": world.ward_a, "c": "training"}))
    assert "/khao-sat/hai-long-boi-duong/?ctx=" in html
    assert slot.render(Context({"request": request, "c": "contest"})).strip() == ""


# --------------------------------------------------------------------------- pages


def test_survey_page_get_post_and_thanks(client, world):
    survey = survey_make(world)
    page = client.get("/khao-sat/hai-long-cong/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'type="radio" name="score" value="5"' in html and "Rất hài lòng" in html
    assert "Phường Quy Nhơn" in html  # the commune select
    assert CLIENT_COOKIE in page.cookies and page.cookies[CLIENT_COOKIE]["httponly"]
    assert page["Cache-Control"].startswith("private")
    ctx = survey_context_sign("qa.question", 9)
    response = client.post(
        "/khao-sat/hai-long-cong/",
        {"score": "4", "comment": "Dễ hiểu", "unit": world.ward_a.code, "ctx": ctx},
    )
    assert response.status_code == 303 and response["Location"] == "/khao-sat/hai-long-cong/cam-on/"
    stored = SurveyResponse.objects.get()
    assert (stored.score, stored.unit, stored.context_type, stored.context_id) == (
        4, world.ward_a, "qa.question", "9",
    )  # fmt: skip
    thanks = client.get(response["Location"])
    assert "Cảm ơn bạn đã trả lời" in thanks.content.decode()
    again = client.post("/khao-sat/hai-long-cong/", {"score": "5", "ctx": ctx})
    assert again.status_code == 409
    assert "đã trả lời khảo sát này hôm nay" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert survey.responses.count() == 1


def test_survey_page_bad_input_is_shown_again(client, world):
    survey_make(world)
    response = client.post(
        "/khao-sat/hai-long-cong/", {"score": "9", "comment": "Góp ý của tôi", "unit": "nope"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Chưa gửi được câu trả lời" in html and 'href="#ks-score-5"' in html
    assert "Không tìm thấy xã, phường đã chọn" in html
    assert "Góp ý của tôi</textarea>" in html
    assert not SurveyResponse.objects.exists()


def test_survey_without_cookies_is_deduplicated_by_a_hash_of_the_address(client, world):
    survey_make(world)
    first = client.post("/khao-sat/hai-long-cong/", {"score": "5"}, REMOTE_ADDR="203.0.113.5")
    client.cookies.clear()
    second = client.post("/khao-sat/hai-long-cong/", {"score": "5"}, REMOTE_ADDR="203.0.113.5")
    assert (first.status_code, second.status_code) == (303, 409)
    assert "203.0.113.5" not in str(SurveyResponse.objects.values().get())


def test_closed_or_unknown_survey_is_not_found(client, world):
    survey_make(world, active=False)
    assert client.get("/khao-sat/hai-long-cong/").status_code == 404
    assert client.get("/khao-sat/khong-co/").status_code == 404


def test_survey_rate_limit(client, world, settings):
    survey_make(world)
    settings.KPI_SURVEY_RATE = (2, 600)
    statuses = []
    for i in range(3):
        # a new browser each time (its own token): only the address is the same
        client.cookies[CLIENT_COOKIE] = f"browser-token-number-{i}"
        response = client.post(
            "/khao-sat/hai-long-cong/", {"score": "5"}, REMOTE_ADDR="198.51.100.9"
        )
        statuses.append(response.status_code)
    assert statuses == [303, 303, 429] and int(response["Retry-After"]) > 0
    assert "Bạn gửi quá nhiều lần" in response.content.decode()
    assert SurveyResponse.objects.count() == 2
