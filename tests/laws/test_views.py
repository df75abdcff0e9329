"""Public pages of the legal library: document page (status at a date, anchors, table of
contents, paged text, relations, Pháp điển citations), the list, the Bộ pháp điển."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from pbgdpl.laws.models import LegalDocument, PhapDienArticle, Provision
from pbgdpl.laws.parsers import structure_parse_text
from pbgdpl.laws.selectors import document_url, provision_url
from pbgdpl.laws.services import (
    document_create,
    document_import_alqac,
    document_import_phapdien,
    document_text_save,
    relation_add,
)
from pbgdpl.laws.views import eid_label, parse_day, text_blocks
from tests.factories import LegalDocumentFactory
from tests.laws.test_import import PAGE_A

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ALQAC = ROOT.parent / "shared" / "data" / "alqac2024" / "law.json"
MAX_WEIGHT = 100 * 1024  # DESIGN §6: HTML + CSS + JS of an anonymous page

SMALL_LAW = """Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định việc hòa giải các mâu thuẫn nhỏ trong cộng đồng.

Điều 2. Nguyên tắc
1. Tôn trọng sự tự nguyện của các bên.
2. Không ép buộc, trong đó:
a) không đe dọa;
b) không hứa hẹn lợi ích.

Chương II
TỔ HÒA GIẢI

Điều 3. Tổ hòa giải
Mỗi thôn có một tổ hòa giải.
"""

ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def long_law(chapters: int = 3, per_chapter: int = 20) -> str:
    """A text long enough to be split into pages (one chapter a page)."""
    lines, n = [], 0
    filler = "Nội dung thử nghiệm của khoản này được viết đủ dài để văn bản phải chia trang. "
    for c in range(chapters):
        lines += [f"Chương {ROMAN[c]}", f"QUY ĐỊNH THỬ NGHIỆM SỐ {c + 1}", ""]
        for _ in range(per_chapter):
            n += 1
            lines += [f"Điều {n}. Quy định số {n}", "1. " + filler * 8, "2. " + filler * 8, ""]
    return "\n".join(lines)


@pytest.fixture
def law():
    doc = document_create(
        title="Hòa giải ở cơ sở (thử nghiệm)",
        number="35/2013/QH13",
        origin="manual",
        type_name="Luật",
        issued_on=date(2013, 6, 20),
        effective_on=date(2014, 1, 1),
        signer="Nguyễn Sinh Hùng",
        fields=["Tư pháp"],
        source_url="https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=27615",
    )
    document_text_save(document=doc, nodes=structure_parse_text(SMALL_LAW).provisions)
    return doc


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def _section(html: str, element_id: str) -> str:
    """The HTML of the element with this id up to the next </section> or </div>."""
    start = html.index(f'id="{element_id}"')
    ends = [i for i in (html.find("</section>", start), html.find("</div>", start)) if i != -1]
    return html[start : min(ends)]


# --------------------------------------------------------------------------- helpers


def test_parse_day_accepts_iso_and_vietnamese_order():
    assert parse_day("2024-07-01") == date(2024, 7, 1)
    assert parse_day("01/07/2024") == date(2024, 7, 1)
    assert parse_day(" 1-7-2024 ") == date(2024, 7, 1)
    for bad in ("2024-13-45", "31/02/2024", "hôm qua", "2024", "<script>"):
        assert parse_day(bad) is None


def test_eid_labels_read_like_a_citation():
    assert eid_label("chuong_2__dieu_5__khoan_2__diem_a") == "điểm a khoản 2 Điều 5"
    assert eid_label("dieu_5") == "Điều 5"
    assert eid_label("chuong_3") == "Chương 3"


def test_text_blocks_turn_bar_rows_into_tables():
    blocks = text_blocks("Mức phí như sau:\nLoại | Mức\nA | 10\nB | 20 | thêm\nGhi chú.")
    assert [b["kind"] for b in blocks] == ["p", "table", "p"]
    assert blocks[1]["rows"] == [["Loại", "Mức", ""], ["A", "10", ""], ["B", "20", "thêm"]]


# --------------------------------------------------------------------------- document page


def test_document_page_shows_metadata_status_anchors_and_toc(client, law):
    url = document_url(law)
    assert url == "/eli/vn/luat/2013/35-2013-qh13/"
    html = _html(client, url)
    assert html.count("<h1") == 1
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{url}">' in html
    for text in (
        "35/2013/QH13",
        "Quốc hội",
        "Nguyễn Sinh Hùng",
        "20/06/2013",
        "01/01/2014",
        "Tư pháp",
        "Tình trạng hiệu lực tại ngày",
    ):
        assert text in html, text
    assert "Còn hiệu lực" in _section(html, "tinh-trang")
    assert "badge-con_hieu_luc" in html and "✓" in html  # symbol and words, not colour alone
    for anchor in ("dieu-1", "dieu-2", "dieu-2-khoan-2", "dieu-2-khoan-2-diem-b", "dieu-3"):
        assert f'id="{anchor}"' in html, anchor
        assert f'href="#{anchor}"' in html, anchor  # the link to this place
    toc = html[html.index('class="toc"') : html.index('class="law-text"')]
    for provision in Provision.objects.filter(document=law, kind__in=["chuong", "dieu"]):
        assert f'href="{url}#{provision.anchor}"' in toc, provision.anchor
    assert "Tôn trọng sự tự nguyện của các bên." in html
    assert "Các trang của văn bản" not in html  # one page: no page links


def test_status_at_a_date_and_the_text_that_applied_then(client, law):
    url = document_url(law)
    html = _html(client, url + "?ngay=2013-12-31")
    day = _section(html, "tinh-trang")
    assert "Còn hiệu lực" in day  # today
    assert "Tại ngày 31/12/2013:" in html
    assert "Chưa có hiệu lực" in html[html.index("Tại ngày 31/12/2013:") :]
    assert '<meta name="robots" content="noindex">' in html
    # The same in the Vietnamese day order.
    assert "Tại ngày 31/12/2013:" in _html(client, url + "?ngay=31/12/2013")
    # A new text from 2024: a day before shows the old text, today the new one.
    edited = SMALL_LAW.replace(
        "Mỗi thôn có một tổ hòa giải.", "Mỗi thôn, tổ dân phố có một tổ hòa giải."
    )
    document_text_save(
        document=law, nodes=structure_parse_text(edited).provisions, valid_from=date(2024, 1, 1)
    )
    old = _html(client, url + "?ngay=2020-05-01")
    assert "Mỗi thôn có một tổ hòa giải." in old and "tổ dân phố" not in old
    assert "không phải bản hiện hành" in old
    assert "tổ dân phố" in _html(client, url)
    assert "tổ dân phố" in _html(client, url + "?ngay=2024-02-01")


def test_status_follows_relations_at_each_date(client, law):
    new = document_create(
        title="Luật thay thế thử nghiệm",
        number="99/2024/QH15",
        origin="manual",
        type_name="Luật",
        effective_on=date(2025, 7, 1),
    )
    relation_add(source=new, target=law, kind="replaces", effective_on=date(2025, 7, 1))
    url = document_url(law)
    before = _html(client, url + "?ngay=2025-06-30")
    after = _html(client, url + "?ngay=2025-07-01")
    assert "Còn hiệu lực" in before[before.index("Tại ngày") :]
    tail = after[after.index("Tại ngày") :]
    assert "Hết hiệu lực toàn bộ" in tail and "bị thay thế bởi 99/2024/QH15" in tail


@pytest.mark.parametrize("bad", ["2024-13-45", "31/02/2024", "abc", "<script>alert(1)</script>"])
def test_a_bad_date_gives_a_friendly_message_and_todays_status(client, law, bad):
    response = client.get(document_url(law), {"ngay": bad})
    assert response.status_code == 200
    html = response.content.decode()
    assert "không phải là một ngày hợp lệ" in html
    assert "Tại ngày" not in html
    assert "Còn hiệu lực" in _section(html, "tinh-trang")
    assert "<script>alert(1)" not in html


def test_long_text_is_paged_and_links_point_to_the_right_page(client):
    doc = LegalDocumentFactory(number="", title="Luật dài thử nghiệm")
    version, _ = document_text_save(document=doc, nodes=structure_parse_text(long_law()).provisions)
    assert version.page_count >= 2
    url = document_url(doc)
    first = _html(client, url)
    chapters = Provision.objects.filter(version=version, kind="chuong").order_by("position")
    for chapter in chapters:  # every chapter is in the table of contents, on its page
        link = provision_url(
            document_url_path=url,
            anchor=chapter.anchor,
            page=chapter.page,
            page_count=version.page_count,
        )
        assert f'href="{link}"' in first, link
    assert any(c.page > 1 for c in chapters)
    last = Provision.objects.filter(version=version, kind="dieu").order_by("-position").first()
    assert last.page == version.page_count
    assert f'id="{last.anchor}"' not in first
    assert 'aria-label="Các trang của văn bản"' in first and f'href="{url}?trang=2"' in first
    later = _html(client, f"{url}?trang={last.page}")
    assert f'id="{last.anchor}"' in later
    assert f'id="{last.anchor}-khoan-2"' in later or f'id="dieu-{last.number}-khoan-2"' in later
    # "Go to article" jumps to its page and anchor.
    response = client.get(url, {"dieu": last.number})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?trang={last.page}#{last.anchor}"
    assert "không có Điều 999" in _html(client, url + "?dieu=999")
    _html(client, url + "?trang=99", status=404)
    _html(client, url + "?trang=abc", status=404)


def test_relations_are_shown_both_ways(client, law):
    new = document_create(
        title="Sửa đổi thử nghiệm",
        number="13/2023/NĐ-CP",
        origin="manual",
        type_name="Nghị định",
        effective_on=date(2023, 8, 1),
    )
    document_text_save(
        document=new,
        nodes=structure_parse_text("Điều 1. Sửa đổi\nSửa đổi khoản 2 Điều 2.").provisions,
    )
    relation_add(
        source=new,
        target=law,
        kind="amends",
        target_eid="chuong_1__dieu_2__khoan_2",
        source_eid="dieu_1",
        effective_on=date(2023, 8, 1),
    )
    relation_add(source=new, target=law, kind="guides")
    html = _html(client, document_url(law))
    relations = _section(html, "relations-title")
    assert "Văn bản này bị tác động bởi" in relations
    assert "Bị sửa đổi, bổ sung bởi" in relations and "Được hướng dẫn bởi" in relations
    assert f'href="{document_url(new)}"' in relations
    assert "khoản 2 Điều 2" in relations and "01/08/2023" in relations
    assert f'href="{document_url(law)}#dieu-2-khoan-2"' in relations  # the provision, linked
    other = _section(_html(client, document_url(new)), "relations-title")
    assert "Văn bản này tác động đến" in other
    assert "Sửa đổi, bổ sung" in other and f'href="{document_url(law)}"' in other
    assert "khoản 2 Điều 2" in other


def test_citing_phapdien_articles_are_listed_by_cited_article(client, law, tmp_path):
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE_A, encoding="utf-8")
    document_import_phapdien(path=folder)
    html = _html(client, document_url(law))
    citing = html[html.index('id="citing-title"') :]
    assert "Các điều của Bộ pháp điển dẫn nguồn từ văn bản này" in html
    assert citing.index("Điều 1") < citing.index("Điều 2")
    assert 'href="/phap-dien/de-muc/37.1/#dieu-37-1-lq-1"' in citing
    assert 'href="/phap-dien/de-muc/37.1/#dieu-37-1-lq-2"' in citing
    assert 'href="#dieu-1"' in citing  # the cited article, on this page


def test_a_document_known_only_from_citations_says_it_has_no_text(client, tmp_path):
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE_A, encoding="utf-8")
    document_import_phapdien(path=folder)
    source = LegalDocument.objects.get(number="35/2013/QH13")
    html = _html(client, document_url(source))
    assert "chưa có toàn văn" in html
    assert 'href="/phap-dien/de-muc/37.1/#dieu-37-1-lq-2"' in html
    assert "Chưa có hiệu lực" not in _section(html, "tinh-trang")  # in force since 2014


@pytest.mark.parametrize(
    "path",
    ["/eli/vn/luat/2099/khong-co/", "/phap-dien/de-muc/99.9/", "/phap-dien/chu-de/99/"],
)
def test_unknown_things_are_404(client, path):
    assert client.get(path).status_code == 404


# --------------------------------------------------------------------------- list


def test_document_list_pages_and_filters(client, django_assert_max_num_queries):
    today = timezone.localdate()
    LegalDocumentFactory.create_batch(33, issued_on=date(2019, 5, 1), effective_on=date(2019, 6, 1))
    expired = LegalDocumentFactory(
        title="Quy định đã hết hiệu lực",
        issued_on=date(2010, 1, 1),
        effective_on=date(2010, 2, 1),
        expires_on=date(2015, 1, 1),
    )
    future = LegalDocumentFactory(
        title="Quy định sắp có hiệu lực", issued_on=today, effective_on=today + timedelta(days=30)
    )
    law = document_create(
        title="Luật có loại",
        number="14/2012/QH13",
        origin="manual",
        type_name="Luật",
        issued_on=date(2012, 6, 20),
        effective_on=date(2013, 1, 1),
    )
    with django_assert_max_num_queries(12):
        html = _html(client, "/van-ban/")
    assert html.count("<h1") == 1
    assert "36 văn bản, đang xem 1–30." in html
    assert html.count('class="badge ') == 30
    assert 'href="?trang=2"' in html
    assert "theo ngày có hiệu lực" in html
    assert "31–36" in _html(client, "/van-ban/?trang=2")
    only_law = _html(client, "/van-ban/?type=luat")
    assert "1 văn bản" in only_law and law.title in only_law
    assert "Quy định đã hết hiệu lực" in _html(client, "/van-ban/?year=2010")
    expired_page = _html(client, "/van-ban/?status=het_hieu_luc")
    assert (
        "1 văn bản" in expired_page
        and expired.title in expired_page
        and "Hết hiệu lực toàn bộ" in expired_page
    )
    assert future.title in _html(client, "/van-ban/?status=chua_hieu_luc")
    bad = _html(client, "/van-ban/?year=abc&type=khong-co&status=zzz")
    assert "Năm ban hành phải là một số" in bad and "Loại văn bản “khong-co” không có" in bad
    assert "Tình trạng hiệu lực “zzz” không có" in bad
    assert "36 văn bản" in bad
    assert 'action="/tim-kiem/"' in html and 'name="kind" value="document"' in html
    _html(client, "/van-ban/?trang=9", status=404)


# --------------------------------------------------------------------------- Bộ pháp điển

PAGE_TABLE = PAGE_A.replace(
    "<p>2. Tổ hòa giải là tổ chức tự quản của nhân dân.</p>",
    "<p>2. Tổ hòa giải là tổ chức tự quản của nhân dân.</p>"
    "<table><tr><td>Loại</td><td>Mức</td></tr><tr><td>Thôn</td><td>10</td></tr></table>",
)


@pytest.fixture
def phapdien(tmp_path):
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE_TABLE, encoding="utf-8")
    document_import_phapdien(path=folder)


def test_phapdien_index_and_topic_pages(client, phapdien):
    index = _html(client, "/phap-dien/")
    assert "Chủ đề 37. Tố tụng và các phương thức giải quyết tranh chấp" in index
    assert 'href="/phap-dien/chu-de/37/"' in index and "1 đề mục · 2 điều" in index
    topic = _html(client, "/phap-dien/chu-de/37/")
    assert topic.count("<h1") == 1
    assert (
        'href="/phap-dien/de-muc/37.1/"' in topic
        and "Hòa giải ở cơ sở" in topic
        and "2 điều" in topic
    )


def test_phapdien_subject_page(client, phapdien):
    html = _html(client, "/phap-dien/de-muc/37.1/")
    assert html.count("<h1") == 1
    crumbs = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    assert 'href="/phap-dien/"' in crumbs and 'href="/phap-dien/chu-de/37/"' in crumbs
    assert "Chương I. QUY ĐỊNH CHUNG" in html
    for anchor in ("dieu-37-1-lq-1", "dieu-37-1-lq-2"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    assert "Điều 37.1.LQ.1. Phạm vi điều chỉnh" in re.sub(r"<[^>]+>", "", html)
    assert "Hòa giải viên là người được công nhận" in html
    assert '<th scope="col">Loại</th>' in html and "<td>Thôn</td>" in html
    source = LegalDocument.objects.get(number="35/2013/QH13")
    # No text of the source here: the citation links our page of the document.
    assert f'<a href="{document_url(source)}">Điều 1 Luật số 35/2013/QH13' in html
    # (that page links the official text: the source URL of the citation)
    assert 'href="http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=27615" rel="external' in _html(
        client, document_url(source)
    )
    # The related-article note links the Pháp điển article it names.
    related = html[html.index('class="pd-related"') :]
    assert 'href="/phap-dien/de-muc/37.1/#dieu-37-1-lq-1"' in related
    # With the source text here, the citation links the cited article.
    document_text_save(document=source, nodes=structure_parse_text(SMALL_LAW).provisions)
    html = _html(client, "/phap-dien/de-muc/37.1/")
    assert f'<a href="{document_url(source)}#dieu-2">Điều 2 Luật số 35/2013/QH13' in html
    _html(client, "/phap-dien/de-muc/37.1/?trang=5", status=404)


def test_pages_have_no_inline_script_or_style(client, law, phapdien):
    for url in (document_url(law), "/van-ban/", "/phap-dien/", "/phap-dien/de-muc/37.1/"):
        html = _html(client, url)
        # (schema.org JSON-LD is data, never run: the CSP does not apply to it.)
        inline = r"<script(?![^>]*\bsrc=)(?! type=\"application/ld\+json\">)"
        assert not re.search(inline, html), url
        assert " style=" not in html and "<style" not in html, url


def many_articles_page(n: int, *, body_words: int = 80) -> str:
    """A đề mục page (official markup) with ``n`` articles citing Điều 1..n of 35/2013/QH13."""
    head = PAGE_A[: PAGE_A.index("<div class='_content'>") + len("<div class='_content'>")]
    filler = " ".join(["nội dung thử nghiệm"] * (body_words // 3))
    parts = ["<p class='pChuong'>Chương I</p><p class='pChuong'>QUY ĐỊNH CHUNG</p>"]
    for i in range(1, n + 1):
        parts.append(
            f"<p class='pDieu'><a name='37001{i:035d}'></a>Điều 37.1.LQ.{i}. Điều thử {i}</p>"
            "<p class='pGhiChu'><a href='http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=27615'"
            f" target='_blank'>(Điều {i} Luật số 35/2013/QH13, có hiệu lực thi hành kể từ ngày"
            f" 01/01/2014)</a></p><p class='pNoiDung'><p>Điều {i}: {filler}.</p></p>"
        )
    return head + "".join(parts) + "</div>"


def test_long_lists_of_citing_articles_and_long_subjects_are_paged(client, tmp_path):
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(many_articles_page(105), encoding="utf-8")
    document_import_phapdien(path=folder)
    source = LegalDocument.objects.get(number="35/2013/QH13")
    url = document_url(source)
    first = _html(client, url)
    assert "105 điều của Bộ pháp điển" in first and "Trang 1/2 của danh sách." in first
    assert first.count('href="/phap-dien/de-muc/37.1/') == 100
    assert 'aria-label="Các trang của danh sách điều pháp điển"' in first
    second = _html(client, url + "?trang=2")
    assert second.count('href="/phap-dien/de-muc/37.1/') == 5
    assert "Điều 37.1.LQ.105." in second
    _html(client, url + "?trang=3", status=404)
    # The đề mục itself is long: paged, every page lists the chapters, its own articles.
    subject = _html(client, "/phap-dien/de-muc/37.1/")
    assert 'aria-label="Các trang của đề mục"' in subject and 'href="?trang=2"' not in subject
    assert 'href="/phap-dien/de-muc/37.1/?trang=2"' in subject
    article = PhapDienArticle.objects.order_by("-position").first()
    assert article.page > 1
    later = _html(client, f"/phap-dien/de-muc/37.1/?trang={article.page}")
    assert f'id="{article.anchor}"' in later and f'id="{article.anchor}"' not in subject
    assert "Chương I. QUY ĐỊNH CHUNG" in later  # the chapter heading again, in the TOC


@pytest.mark.skipif(not ALQAC.exists(), reason="ALQAC data absent (../shared/data)")
def test_every_page_of_the_real_laws_stays_within_the_weight_budget(client):
    document_import_alqac(path=ALQAC)
    import gzip

    # Transferred bytes (DESIGN §6): pages go gzipped (GZipMiddleware), static files are
    # served precompressed by whitenoise.
    static = ROOT / "pbgdpl" / "portal" / "static" / "portal"
    assets = sum(len(gzip.compress((static / n).read_bytes())) for n in ("site.css", "site.js"))
    heavy, largest = [], 0
    for document in LegalDocument.objects.filter(origin="alqac"):
        version = document.versions.get(is_current=True)
        for page in range(1, version.page_count + 1):
            response = client.get(
                f"{document_url(document)}?trang={page}", HTTP_ACCEPT_ENCODING="gzip"
            )
            assert response.headers.get("Content-Encoding") == "gzip"
            size = len(response.content) + assets
            largest = max(largest, size)
            if size > MAX_WEIGHT:
                heavy.append((document.title, page, size))
    print(f"largest law page: {largest} bytes transferred")
    assert heavy == []
