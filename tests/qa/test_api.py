"""/api/v1/qa/…: asking without an account, the per-address limit, tracking, erasure, the
published answers and the suggestions."""

import pytest

from pbgdpl.qa.models import Question
from tests.qa.factories import QUESTION_TEXT, qa_world, question_to

pytestmark = pytest.mark.django_db

URL = "/api/v1/qa/questions"


@pytest.fixture
def world():
    return qa_world()


def payload(world, **overrides):
    body = {"legal_field": world.field.code, "unit": world.commune.code, "text": QUESTION_TEXT}
    body.update(overrides)
    return body


def post(client, body, ip="203.0.113.7"):
    return client.post(URL, body, content_type="application/json", REMOTE_ADDR=ip)


def test_asking_returns_a_tracking_code_that_shows_the_status(client, world):
    response = post(client, payload(world))
    assert response.status_code == 201
    body = response.json()
    assert body["code"].startswith("HD-") and body["status"] == "received"
    assert body["tracking_url"].endswith(f"/hoi-dap/theo-doi/{body['code']}/")
    status = client.get(f"{URL}/{body['code'].lower()}").json()
    assert status["status"] == "received"
    assert status["answer"] == "" and status["citations"] == []
    assert "name" not in status and "email" not in status


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "Đ" * 100_000}, "text"),
        ({"text": "<script>alert(1)</script>"}, "text"),
        ({"unit": "00000"}, "unit"),
        ({"legal_field": "khong-ton-tai"}, "legal_field"),
        ({"website": "spam"}, "website"),
        ({"email": "a@example.com"}, "consent"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, world, overrides, field):
    response = post(client, payload(world, **overrides))
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Câu hỏi chưa gửi được."
    assert body["errors"][field]
    assert Question.objects.count() == 0


def test_wrong_types_are_refused_by_the_schema(client, world):
    response = post(client, payload(world, text=["không", "phải", "chuỗi"]))
    assert response.status_code == 422
    assert response.json()["detail"] == "Dữ liệu gửi lên không hợp lệ."
    response = client.post(URL, "{không phải json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert Question.objects.count() == 0


def test_script_tags_are_stored_as_plain_text_and_returned_escaped(client, world):
    text = "<script>alert(1)</script> Xin hỏi <img src=x onerror=alert(2)> về đăng ký kết hôn"
    response = post(client, payload(world, text=text))
    assert response.status_code == 201
    question = Question.objects.get()
    assert "<" not in question.text and "onerror" not in question.text


def test_a_burst_of_50_from_one_address_is_cut_at_the_limit_and_loses_nothing(
    client, world, settings
):
    settings.QA_ASK_RATE = (10, 3600)
    codes, refused = [], []
    for n in range(50):
        response = post(client, payload(world, text=f"{QUESTION_TEXT} (lần {n})"))
        if response.status_code == 201:
            codes.append(response.json()["code"])
        else:
            refused.append(response)
    assert len(codes) == 10 and len(refused) == 40
    assert all(r.status_code == 429 for r in refused)
    assert 0 < int(refused[0]["Retry-After"]) <= 3601
    assert "quá nhiều" in refused[0].json()["detail"]
    stored = set(Question.objects.values_list("code", flat=True))
    assert stored == set(codes)
    assert sorted(Question.objects.values_list("text", flat=True)) == sorted(
        f"{QUESTION_TEXT} (lần {n})" for n in range(10)
    )
    # Another address is not affected.
    assert post(client, payload(world), ip="198.51.100.1").status_code == 201


def test_unknown_codes_are_404_and_lookups_are_limited(client, world):
    response = client.get(f"{URL}/HD-AAAAA-AAAAA")
    assert response.status_code == 404
    assert "mã theo dõi" in response.json()["detail"]
    assert client.get(f"{URL}/%3Cscript%3E").status_code == 404
    for _ in range(60):
        client.get(f"{URL}/HD-AAAAA-AAAAB", REMOTE_ADDR="192.0.2.9")
    limited = client.get(f"{URL}/HD-AAAAA-AAAAB", REMOTE_ADDR="192.0.2.9")
    assert limited.status_code == 429 and limited["Retry-After"]


def test_the_answer_and_its_grounds_show_once_approved(client, world):
    question = question_to(world, "answered")
    body = client.get(f"{URL}/{question.code}").json()
    assert body["status"] == "answered"
    assert body["answer"].startswith("Hai bạn")
    assert body["citations"][0]["number"] == "52/2014/QH13"
    assert body["citations"][0]["label"].startswith("Điều 18")
    assert body["url"] == ""


def test_the_asker_erases_their_data(client, world):
    question = question_to(world, "assigned", name="Lan", phone="0905123456", consent=True)
    response = client.post(f"{URL}/{question.code}/erasure")
    assert response.status_code == 200
    assert response.json()["personal_data_erased"] is True
    question.refresh_from_db()
    assert question.asker_phone == "" and question.status == "declined"
    assert client.get(f"{URL}/{question.code}").json()["personal_data_erased"] is True
    assert client.post(f"{URL}/HD-AAAAA-AAAAA/erasure").status_code == 404


def test_published_answers_are_listed_without_personal_data(client, world):
    published = question_to(
        world, "published", name="Siu Thị Duy Nhất", email="duynhat@example.com", consent=True
    )
    question_to(world, "answered")  # not public
    body = client.get("/api/v1/qa/answers").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["id"] == published.pk and item["citations"][0]["number"] == "52/2014/QH13"
    assert item["url"].endswith(f"/hoi-dap/{published.pk}/dang-ky-ket-hon-o-dau/")
    raw = client.get("/api/v1/qa/answers").content.decode()
    assert "Duy Nhất" not in raw and "duynhat" not in raw and published.code not in raw
    assert client.get("/api/v1/qa/answers?legal_field=dat-dai").json()["count"] == 0
    assert client.get(f"/api/v1/qa/answers/{published.pk}").status_code == 200
    assert client.get("/api/v1/qa/answers/999999").status_code == 404
    assert client.get("/api/v1/qa/answers?limit=1000").status_code == 422


def test_suggestions_find_published_answers(client, world):
    question_to(world, "published")
    body = client.get("/api/v1/qa/suggestions", {"q": "kết hôn với người xã khác"}).json()
    assert body["answers"][0]["title"] == "Đăng ký kết hôn ở đâu?"
    assert client.get("/api/v1/qa/suggestions", {"q": "ab"}).json() == {
        "answers": [],
        "articles": [],
    }


def test_consent_text_is_published(client):
    body = client.get("/api/v1/qa/consent").json()
    assert body["version"] and "12 tháng" in body["text"] and body["retention_days"] == 365


def test_the_openapi_schema_lists_the_qa_api(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/qa/questions",
        "/api/v1/qa/questions/{code}",
        "/api/v1/qa/questions/{code}/erasure",
        "/api/v1/qa/answers",
        "/api/v1/qa/suggestions",
    ):
        assert path in paths
