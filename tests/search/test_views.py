"""The public search page /tim-kiem/: results, number jumps, filters, bad input, escaping."""

import json
from datetime import date

import pytest

from pbgdpl.laws.parsers import structure_parse_text
from pbgdpl.laws.selectors import document_url
from pbgdpl.laws.services import (
    document_create,
    document_import_alqac,
    document_import_phapdien,
    document_text_save,
)
from tests.laws.test_import import PAGE_A
from tests.search.test_api import LAWS

pytestmark = pytest.mark.django_db


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
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE_A, encoding="utf-8")
    document_import_phapdien(path=folder)
    return doc


def _html(client, params, status=200):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == status, response.status_code
    return response.content.decode()


def test_results_show_title_snippet_document_and_count(client, library):
    html = _html(client, {"q": "giấy phép lái xe"})
    assert html.count("<h1") == 1
    assert "Tìm thấy" in html and "giây" in html
    results = html[html.index('class="results"') :]
    assert "Điều 58. Điều kiện của người lái xe tham gia giao thông" in results
    assert "<mark>" in results  # the snippet's own mark-up
    assert "#dieu-58" in results
    assert "Luật Giao thông thử nghiệm" in results
    assert 'value="giấy phép lái xe"' in html  # the form keeps the query


def test_phapdien_results_show_their_place_and_source(client, library):
    html = _html(client, {"q": "hòa giải viên", "kind": "provision"})
    results = html[html.index('class="results"') :]
    assert "Điều 37.1.LQ.2. Hòa giải viên" in results
    assert 'href="/phap-dien/chu-de/37/"' in results and 'href="/phap-dien/de-muc/37.1/"' in results
    assert "Đề mục 37.1. Hòa giải ở cơ sở" in results
    assert "Điều 2 Luật số 35/2013/QH13" in results  # the source citation


@pytest.mark.parametrize("q", ["14/2012/QH13", "14/2012/qh13", " 14 /2012/QH13 "])
def test_a_unique_document_number_redirects_to_the_document(client, library, q):
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 302
    assert response["Location"] == document_url(library)


def test_a_full_number_redirects_even_when_shorter_keys_match_others(client, library):
    other = document_create(title="Nghị định trùng số", number="14/2012/NĐ-CP", origin="manual")
    response = client.get("/tim-kiem/", {"q": "14/2012/QH13"})
    assert response.status_code == 302 and response["Location"] == document_url(library)
    html = _html(client, {"q": "14/2012"})  # two documents: listed, no redirect
    jump = html[html.index('class="jump"') :]
    assert f'href="{document_url(library)}"' in jump and f'href="{document_url(other)}"' in jump


def test_number_with_words_lists_the_document_at_the_top(client, library):
    html = _html(client, {"q": "14/2012/QH13 phạm vi điều chỉnh"})
    jump = html[html.index('class="jump"') : html.index("</section>", html.index('class="jump"'))]
    assert "Văn bản có số ký hiệu" in jump
    assert f'href="{document_url(library)}"' in jump
    assert "Còn hiệu lực" in jump
    # Looking for articles that mention a number does not jump away either.
    assert client.get("/tim-kiem/", {"q": "14/2012/QH13", "kind": "provision"}).status_code == 200


def test_user_input_is_always_escaped(client, library):
    evil = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
    html = _html(
        client, {"q": evil, "kind": evil, "type": evil, "status": evil, "field": evil, "year": evil}
    )
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "nonsense"}, "Loại kết quả “nonsense” không có"),
        ({"status": "mai_mai"}, "Tình trạng hiệu lực “mai_mai” không có"),
        ({"year": "abc"}, "Năm ban hành phải là một số"),
        ({"year": "1800"}, "Năm ban hành phải là một số"),
        ({"type": "khong-co"}, "Loại văn bản “khong-co” không có"),
        ({"field": "khong-co"}, "Lĩnh vực “khong-co” không có"),
        ({"limit": "999"}, "Số kết quả mỗi trang"),
        ({"offset": "5000"}, "Chỉ xem được"),
        ({"offset": "-3"}, "Chỉ xem được"),
        ({"trang": "0"}, "Số trang không hợp lệ"),
    ],
)
def test_bad_filters_give_a_message_not_an_error(client, library, params, message):
    html = _html(client, {"q": "giấy phép lái xe", **params})
    assert message in html
    assert "Điều 58." in html  # the search still runs, without the bad value


def test_filters_narrow_the_results(client, library):
    html = _html(
        client, {"q": "phạm vi điều chỉnh", "kind": "provision", "type": "luat", "year": "2012"}
    )
    results = html[html.index('class="results"') :]
    assert "Phổ biến, giáo dục pháp luật" in results
    assert "Luật Giao thông thử nghiệm" not in results
    assert '<option value="luat" selected>' in html
    assert "Bộ lọc (đang dùng)" in html


def test_results_are_paged(client, library):
    html = _html(client, {"q": "người lái xe", "kind": "provision", "limit": "1"})
    assert 'aria-label="Các trang kết quả"' in html
    assert "trang=2" in html and "limit=1" in html
    second = _html(client, {"q": "người lái xe", "kind": "provision", "limit": "1", "trang": "2"})
    assert 'aria-current="page"><span class="sr-only">Trang </span>2' in second


def test_no_results_suggests_what_to_do(client, library):
    html = _html(client, {"q": "xyzzyq"})
    assert "Không tìm thấy kết quả nào" in html and "Kiểm tra chính tả" in html


def test_empty_query_shows_examples(client, library):
    html = _html(client, {})
    assert html.count("<h1") == 1
    assert "Gợi ý cách tìm" in html
    assert "14/2012/QH13" in html and "hòa giải ở cơ sở" in html
    assert "?q=" in html
    assert "Tìm thấy" not in html
    assert "Gợi ý cách tìm" in _html(client, {"q": "   ", "type": "luat"})
