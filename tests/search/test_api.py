"""GET /api/v1/search over the legal library: keywords, numbers, questions, filters, bad input."""

import json
from datetime import date

import pytest

from pbgdpl.laws.parsers import structure_parse_text
from pbgdpl.laws.services import (
    document_create,
    document_import_alqac,
    document_text_save,
    relation_add,
)

pytestmark = pytest.mark.django_db

LAWS = [
    {"id": "Luật Giao thông thử nghiệm", "articles": [
        {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định về trật tự, an toàn giao thông đường bộ."},  # noqa: E501
        {"id": "58", "text": "Điều kiện của người lái xe tham gia giao thông\n\n1. Người lái xe phải mang theo giấy phép lái xe, giấy đăng ký xe.\n2. Công an xã được kiểm tra giấy tờ của người lái xe theo quy định."},  # noqa: E501
        {"id": "60", "text": "Tuổi của người lái xe\n\nNgười đủ 18 tuổi trở lên được lái xe mô tô hai bánh."},  # noqa: E501
    ]},
    {"id": "Luật Hôn nhân thử nghiệm", "articles": [
        {"id": "8", "text": "Điều kiện kết hôn\n\n1. Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên."},  # noqa: E501
    ]},
]  # fmt: skip


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "law.json"
    path.write_text(json.dumps(LAWS, ensure_ascii=False))
    document_import_alqac(path=path)
    doc = document_create(
        title="Phổ biến, giáo dục pháp luật",
        number="14/2012/QH13",
        origin="manual",
        type_name="Luật",
        issued_on=date(2012, 6, 20),
        effective_on=date(2013, 1, 1),
    )
    document_text_save(
        document=doc,
        nodes=structure_parse_text(
            "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về phổ biến, giáo dục pháp luật."
        ).provisions,
    )
    return doc


def _search(client, **params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    "q",
    [
        "Công an xã có được phạt lỗi không mang bằng lái xe không?",
        "cong an xa co duoc kiem tra giay phep lai xe khong",
        "giấy phép lái xe",
        "giaays pheps laif xe",
    ],
)
def test_questions_and_keywords_find_the_article(client, library, q):
    body = _search(client, q=q, kind="provision")
    top = body["results"][0]
    assert (top["document"]["title"], top["provision"]["article_number"]) == (
        "Luật Giao thông thử nghiệm",
        "58",
    )
    assert "<mark>" in top["snippet"]
    assert top["url"].endswith("#dieu-58")
    assert set(body) >= {"count", "took_ms", "results"}


@pytest.mark.parametrize("q", ["14/2012/QH13", "14/2012", "QH13 14", "luật 14/2012/qh13"])
def test_document_numbers_jump_to_the_document(client, library, q):
    body = _search(client, q=q)
    assert body["jump"]["results"][0]["document"]["number"] == "14/2012/QH13"
    assert body["jump"]["results"][0]["url"] == "/eli/vn/luat/2012/14-2012-qh13/"


def test_status_filter_and_status_in_results(client, library):
    old = library
    new = document_create(
        title="Phổ biến pháp luật mới",
        number="50/2024/QH15",
        origin="manual",
        type_name="Luật",
        issued_on=date(2024, 1, 1),
        effective_on=date(2025, 1, 1),
    )
    relation_add(source=new, target=old, kind="replaces", effective_on=date(2025, 1, 1))
    results = _search(client, q="phổ biến pháp luật", kind="document")["results"]
    status = {r["document"]["number"]: r["document"]["status"] for r in results}
    assert status == {"14/2012/QH13": "het_hieu_luc", "50/2024/QH15": "con_hieu_luc"}
    in_force = _search(client, q="phổ biến pháp luật", kind="document", status="con_hieu_luc")
    assert [r["document"]["number"] for r in in_force["results"]] == ["50/2024/QH15"]
    back_then = _search(
        client, q="phổ biến pháp luật", kind="document", status="con_hieu_luc", on="2020-01-01"
    )
    assert [r["document"]["number"] for r in back_then["results"]] == ["14/2012/QH13"]


def test_paging_and_type_filter(client, library):
    first = _search(client, q="người lái xe", kind="provision", limit=1)
    second = _search(client, q="người lái xe", kind="provision", limit=1, offset=1)
    assert first["count"] >= 2 and first["results"][0]["uri"] != second["results"][0]["uri"]
    assert _search(client, q="người lái xe", type="nghi-dinh")["count"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "kind": "nothing"},
        {"q": "x", "limit": 0},
        {"q": "x", "limit": 500},
        {"q": "x", "offset": -1},
        {"q": "x", "status": "maybe"},
        {"q": "x", "year": 3000},
        {"q": "x", "on": "not-a-date"},
        {"q": "x", "limit": "ten"},
    ],
)
def test_bad_parameters_get_422_with_a_message(client, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "q", ["", "   ", '"', "a:b AND (", "?" * 50, "x" * 5000, "<script>alert(1)</script>"]
)
def test_odd_queries_never_fail(client, library, q):
    body = _search(client, q=q)
    assert isinstance(body["results"], list)
    assert "<script>" not in json.dumps(body)
