"""Citations of source provisions (pbgdpl.laws.parsers.citation): pure functions.

The coverage over the real corpus is measured in test_parse_phapdien.py, which parses it.
"""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbgdpl.laws.parsers import Citation, citation_parse, citation_parse_html

LINK = "http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=52378#Chuong_I_Dieu_1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(Điều 1 Nghị định số 21/2015/NĐ-CP Quy định về nhuận bút, thù lao đối với tác "
            "phẩm điện ảnh, mỹ thuật, nhiếp ảnh, sân khấu và các loại hình nghệ thuật biểu "
            "diễn khác ngày 14/02/2015 của Chính phủ, có hiệu lực thi hành kể từ ngày "
            "15/04/2015)",
            {
                "article_number": "1",
                "document_type": "Nghị định",
                "document_number": "21/2015/NĐ-CP",
                "document_title": "Quy định về nhuận bút, thù lao đối với tác phẩm điện ảnh, "
                "mỹ thuật, nhiếp ảnh, sân khấu và các loại hình nghệ thuật biểu diễn khác",
                "issued_on": date(2015, 2, 14),
                "issuer": "Chính phủ",
                "effective_on": date(2015, 4, 15),
            },
        ),
        (
            "(Điều 2 Nghị định số 21/2015/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/04/2015)",
            {
                "article_number": "2",
                "document_type": "Nghị định",
                "document_number": "21/2015/NĐ-CP",
                "document_title": "",
                "issued_on": None,
                "issuer": "",
                "effective_on": date(2015, 4, 15),
            },
        ),
        (
            "(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 của Quốc hội, có "
            "hiệu lực thi hành kể từ ngày 01/01/2021)",
            {
                "document_type": "Luật",
                "document_number": "57/2020/QH14",
                "document_title": "Luật Thanh niên",
                "issuer": "Quốc hội",
                "issued_on": date(2020, 6, 16),
            },
        ),
        (
            "(Điều 2 Thông tư liên tịch số 119/2013/TTLT-BTC-BNV, có hiệu lực thi hành kể từ "
            "ngày 15/10/2013)",
            {"document_type": "Thông tư liên tịch", "document_number": "119/2013/TTLT-BTC-BNV"},
        ),
        (
            "(Điều 2 Bộ luật số 101/2015/QH13, có hiệu lực thi hành kể từ ngày 01/01/2018)",
            {"document_type": "Bộ luật", "document_number": "101/2015/QH13"},
        ),
        (
            "(Điều 5a Thông tư số 06/2017/TT-BVHTTDL, có hiệu lực thi hành kể từ ngày 01/02/2018)",
            {"article_number": "5a", "document_number": "06/2017/TT-BVHTTDL"},
        ),
        # Messy numbers as printed in the corpus.
        (
            "(Điều 2 Thông tư số 18 /2018/TT-NHNN, có hiệu lực thi hành kể từ ngày 01/01/2019)",
            {"document_number": "18/2018/TT-NHNN"},
        ),
        (
            "(Điều 18 Thông tư số 05/2020/TT- BGTVT, có hiệu lực thi hành kể từ ngày 15/04/2020)",
            {"document_number": "05/2020/TT-BGTVT"},
        ),
        (
            "(Điều 10 Quyết định số Số: 12/2018/QĐ-TTg, có hiệu lực thi hành kể từ ngày "
            "24/04/2018)",
            {"document_number": "12/2018/QĐ-TTg", "document_title": ""},
        ),
        (
            "(Điều 2 Thông tư số ''42/2022/TT-BCT, có hiệu lực thi hành kể từ ngày 16/02/2023)",
            {"document_number": "42/2022/TT-BCT"},
        ),
        (
            "(Điều 6 Luật số 21-LCT/HDNN8, có hiệu lực thi hành kể từ ngày 11/07/1989)",
            {"document_number": "21-LCT/HDNN8", "effective_on": date(1989, 7, 11)},
        ),
        # Khoản/điểm prefixes and the long date form.
        (
            "khoản 2 Điều 1 Nghị quyết số 28/2016/QH14 ngày 11/11/2016 của Quốc hội, có hiệu "
            "lực thi hành kể từ ngày 01/01/2017",
            {
                "clause_number": "2",
                "article_number": "1",
                "document_type": "Nghị quyết",
                "issued_on": date(2016, 11, 11),
                "issuer": "Quốc hội",
                "effective_on": date(2017, 1, 1),
            },
        ),
        (
            "Điểm a Khoản 2 Điều 3 Thông tư số 119/2014/TT-BTC, có hiệu lực kể từ ngày 01 "
            "tháng 9 năm 2014",
            {
                "point": "a",
                "clause_number": "2",
                "article_number": "3",
                "effective_on": date(2014, 9, 1),
            },
        ),
        # No number printed: the document is known by its title (and its vbpl.vn link).
        (
            "(Điều 18 Pháp lệnh Về Hàm, cấp ngoại giao, có hiệu lực thi hành kể từ ngày "
            "31/05/1995)",
            {
                "document_type": "Pháp lệnh",
                "document_number": "",
                "document_title": "Về Hàm, cấp ngoại giao",
                "effective_on": date(1995, 5, 31),
            },
        ),
        (
            "(Điều 1 Pháp lệnh số Không số Về Hàm, cấp ngoại giao ngày 31/05/1995 của Ủy ban "
            "Thường vụ Quốc hội, có hiệu lực thi hành kể từ ngày 31/05/1995)",
            {
                "document_number": "",
                "document_title": "Về Hàm, cấp ngoại giao",
                "issuer": "Ủy ban Thường vụ Quốc hội",
            },
        ),
        (
            "(Điều 2 Hiến pháp, có hiệu lực thi hành kể từ ngày 01/01/2014)",
            {"document_type": "Hiến pháp", "document_number": "", "article_number": "2"},
        ),
        # Parts of an article taking effect on different dates: the earliest.
        (
            "(Điều 51 Luật số 62/2014/QH13, khoản 1, khoản 2 và khoản 3 có hiệu lực thi hành "
            "kể từ ngày 01/06/2015, khoản 4 có hiệu lực thi hành kể từ ngày 01/02/2015 )",
            {
                "document_number": "62/2014/QH13",
                "effective_on": date(2015, 2, 1),
                "unparsed": "",
            },
        ),
    ],
)
def test_citation_forms(text, expected):
    citation = citation_parse(text, url=LINK)
    for name, value in expected.items():
        assert getattr(citation, name) == value, name
    assert citation.url == LINK
    assert citation.vbpl_item_id == "52378"
    assert not citation.text.startswith("(")


def test_an_amended_article_lists_what_changed_it():
    citation = citation_parse(
        "(Điều 4 Luật số 23/2004/QH11, có hiệu lực thi hành kể từ ngày 01/01/2005, có nội "
        "dung được sửa đổi, có nội dung được bổ sung bởi Điều 1 Luật số 48/2014/QH13 có hiệu "
        "lực thi hành kể từ ngày 01/01/2015; Điều 4 Luật số 35/2018/QH14 có hiệu lực thi "
        "hành kể từ ngày 01/01/2019)"
    )
    assert citation.document_number == "23/2004/QH11"
    assert citation.effective_on == date(2005, 1, 1)
    assert citation.change_note == "có nội dung được sửa đổi, có nội dung được bổ sung"
    assert [(c.article_number, c.document_number, c.effective_on) for c in citation.changed_by] == [
        ("1", "48/2014/QH13", date(2015, 1, 1)),
        ("4", "35/2018/QH14", date(2019, 1, 1)),
    ]
    assert citation.unparsed == ""


def test_html_citation_gives_each_cited_provision_its_own_link():
    fragment = (
        "(<a href='http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=43328#Dieu_1' "
        "target='_blank'>Điều 1</a> Quyết định số 38/2007/QĐ-NHNN, có hiệu lực thi hành kể "
        "từ ngày 29/11/2007, có nội dung được sửa đổi bởi <a href='http://vbpl.vn/TW/Pages/"
        "vbpq-toanvan.aspx?ItemID=26931#Dieu_1' target='_blank'>Điều 1</a> Thông tư số "
        "23/2011/TT-NHNN có hiệu lực thi hành kể từ ngày 14/10/2011)"
    )
    citation = citation_parse_html(fragment)
    assert citation.text.startswith("Điều 1 Quyết định số 38/2007/QĐ-NHNN")
    assert citation.vbpl_item_id == "43328"
    assert citation.change_note == "có nội dung được sửa đổi"
    (change,) = citation.changed_by
    assert change.vbpl_item_id == "26931"
    assert change.document_number == "23/2011/TT-NHNN"


def test_html_entities_and_inline_tags_are_text():
    citation = citation_parse_html(
        "<a href='x?ItemID=7'>(<em>Điều</em> 3 Luật số 1/2020/QH14 Luật A&amp;B ngày "
        "01/02/2020 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/07/2020)</a>"
    )
    assert citation.document_title == "Luật A&B"
    assert citation.article_number == "3"
    assert citation.vbpl_item_id == "7"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "(",
        ")",
        "(((",
        "Điều",
        "Điều 5",
        "bởi bởi bởi",
        "ngày 31/02/2015 của",
        "Điều 1 Luật số , có hiệu lực thi hành kể từ ngày 99/99/9999",
        "x" * 5000,
        "\x00\ufffd<>",
    ],
)
def test_odd_input_never_raises(text):
    citation = citation_parse(text)
    assert isinstance(citation, Citation)
    assert citation.effective_on is None
    assert citation_parse_html(text).effective_on is None


def test_impossible_dates_are_none():
    citation = citation_parse(
        "(Điều 2 Luật số 1/2020/QH14 Luật X ngày 30/02/2020 của Quốc hội, có hiệu lực thi "
        "hành kể từ ngày 31/04/2020)"
    )
    assert citation.issued_on is None
    assert citation.effective_on is None
    assert citation.document_number == "1/2020/QH14"


_PIECES = st.sampled_from([
    "(", ")", "Điều 1", "khoản 2", "điểm a", "Luật", "Thông tư liên tịch", "số", "1/2020/QH14",
    "ngày 01/01/2020", "ngày 31/02/2020", "của Chính phủ", "có hiệu lực thi hành kể từ ngày",
    "01/01/2021", ",", ";", "bởi", "và", "<a href='x?ItemID=1'>", "</a>", "<p>", "&amp;",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30))
def test_any_citation_text_parses_without_raising(pieces):
    text = " ".join(pieces)
    for citation in (citation_parse(text), citation_parse_html(text)):
        assert isinstance(citation, Citation)
        for value in (citation.issued_on, citation.effective_on):
            assert value is None or isinstance(value, date)
