"""Every content type renders for readers: structure, citations as links, taxonomy,
translations, listings with filters, print view, and search."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Locale

from pbgdpl.laws.models import LegalField
from pbgdpl.portal.models import (
    Audience,
    BookshelfPage,
    GuidancePage,
    HandbookFile,
    HandbookPage,
    HomePage,
    LegalCasePage,
    MediaPage,
    NewsPage,
    PageCitation,
    SectionPage,
)
from tests.factories import LegalDocumentFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.full_clean()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home() -> HomePage:
    return HomePage.objects.get(locale__language_code="vi")


def add(parent, page):
    parent.add_child(instance=page)
    return page


@pytest.fixture
def tree(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    land = LegalField.objects.get(code="dat-dai")
    farmers = Audience.objects.get(code="nong-dan")
    section = publish(
        add(home(), SectionPage(title="Hướng dẫn", slug="huong-dan", intro="Giải thích"))
    )
    guide = add(
        section,
        GuidancePage(
            title="Cấp giấy chứng nhận quyền sử dụng đất",
            slug="cap-so-do",
            summary="Những giấy tờ cần chuẩn bị.",
            body=[("heading", "Hồ sơ gồm gì"), ("paragraph", "<p>Đơn đề nghị và giấy tờ.</p>")],
        ),
    )
    guide.legal_fields.add(land)
    guide.audiences.add(farmers)
    guide.citations.add(PageCitation(number="31/2024/qh15", article="137", detail="khoản 1"))
    guide.citations.add(PageCitation(number="45/2019/QH14", title="Bộ luật Lao động"))
    publish(guide)
    case = add(
        section,
        LegalCasePage(
            title="Tranh chấp ranh giới đất",
            slug="tranh-chap",
            summary="Hai nhà tranh chấp lối đi.",
            situation="<p>Ông A và ông B tranh chấp.</p>",
            question="Phải làm gì trước?",
            analysis="<p>Hòa giải ở cơ sở trước.</p>",
            conclusion="<p>Đến Ủy ban nhân dân xã.</p>",
        ),
    )
    publish(case)
    news = publish(
        add(
            section,
            NewsPage(
                title="Ngày Pháp luật 9/11",
                slug="ngay-phap-luat",
                summary="Hưởng ứng.",
                place="Pleiku",
            ),
        )
    )
    doc = Document.objects.create(
        title="Sổ tay", file=SimpleUploadedFile("so-tay.docx", b"PK\x03\x04 test")
    )
    audio = Document.objects.create(
        title="Bài nghe", file=SimpleUploadedFile("bai.mp3", b"ID3 test")
    )
    media = publish(
        add(
            section,
            MediaPage(
                title="Nghe luật",
                slug="nghe-luat",
                summary="Bản ghi âm.",
                media_kind="audio",
                media_file=audio,
                transcript="<p>Lời thoại đầy đủ.</p>",
            ),
        )
    )
    shelf = publish(add(home(), BookshelfPage(title="Tủ sách", slug="tu-sach")))
    book = add(
        shelf,
        HandbookPage(
            title="Sổ tay hòa giải",
            slug="so-tay-hoa-giai",
            summary="Cho hòa giải viên.",
            handbook_kind="handbook",
            year=2025,
        ),
    )
    book.files.add(HandbookFile(document=doc, label="Bản Word"))
    publish(book)
    return {
        "section": section,
        "guide": guide,
        "case": case,
        "news": news,
        "media": media,
        "shelf": shelf,
        "book": book,
        "land": land,
    }


def test_every_article_type_renders_with_one_h1_and_landmarks(client, tree):
    for key in ("guide", "case", "news", "media", "book", "section", "shelf"):
        response = client.get(tree[key].url)
        assert response.status_code == 200, key
        html = response.content.decode()
        assert html.count("<h1") == 1, key
        assert '<main id="noi-dung"' in html
        assert tree[key].title in html


def test_home_lists_latest_articles_by_type(client, tree):
    html = client.get("/").content.decode()
    for key in ("guide", "case", "news", "media", "book"):
        assert tree[key].title in html, key


def test_citation_links_to_the_library_document_when_present(client, tree):
    law = LegalDocumentFactory(number="31/2024/QH15", title="Luật Đất đai")
    html = client.get(tree["guide"].url).content.decode()
    assert "Căn cứ pháp lý" in html
    assert "khoản 1, Điều 137 Luật Đất đai số 31/2024/QH15" in html
    assert f'href="/eli/vn/{law.eli}' in html or f'href="{law.eli}' in html or "/van-ban/" in html
    # A document the library lacks still shows, as text.
    assert "Bộ luật Lao động số 45/2019/QH14" in html


def test_citation_number_is_normalised_and_bad_number_rejected(tree):
    from django.core.exceptions import ValidationError

    row = tree["guide"].citations.get(article="137")
    assert row.number in ("31/2024/qh15", "31/2024/QH15")
    bad = PageCitation(page=tree["guide"], number="không phải số")
    with pytest.raises(ValidationError):
        bad.clean()
    ok = PageCitation(page=tree["guide"], number="42/2022/NĐCP", article="Điều 5")
    ok.clean()
    assert ok.number == "42/2022/NĐ-CP"
    assert ok.article == "5"


def test_legal_case_shows_situation_analysis_and_applicable_articles(client, tree):
    tree["case"].citations.add(
        PageCitation(number="35/2013/QH13", title="Luật Hòa giải ở cơ sở", article="3")
    )
    publish(tree["case"])
    html = client.get(tree["case"].url).content.decode()
    assert html.index("Tình huống") < html.index("Phân tích") < html.index("Điều luật áp dụng")
    assert "Điều 3 Luật Hòa giải ở cơ sở số 35/2013/QH13" in html


def test_handbook_has_download_links(client, tree):
    html = client.get(tree["book"].url).content.decode()
    assert "Tải về" in html and "so-tay" in html and "download" in html


def test_media_audio_has_player_and_transcript(client, tree):
    html = client.get(tree["media"].url).content.decode()
    assert "<audio controls" in html and "Lời thoại đầy đủ." in html


def test_media_page_requires_file_or_image(tree):
    from django.core.exceptions import ValidationError

    page = MediaPage(title="x", slug="x", summary="x", media_kind="video", transcript="<p>x</p>")
    with pytest.raises(ValidationError) as err:
        page.clean()
    assert "media_file" in err.value.message_dict
    page = MediaPage(
        title="x", slug="x", summary="x", media_kind="infographic", transcript="<p>x</p>"
    )
    with pytest.raises(ValidationError) as err:
        page.clean()
    assert "image" in err.value.message_dict


def test_listing_filters_by_field_and_audience(client, tree):
    url = tree["section"].url
    all_html = client.get(url).content.decode()
    assert tree["case"].title in all_html and tree["guide"].title in all_html
    html = client.get(url, {"linh_vuc": "dat-dai"}).content.decode()
    assert tree["guide"].title in html and tree["case"].title not in html
    html = client.get(url, {"doi_tuong": "nong-dan"}).content.decode()
    assert tree["guide"].title in html and tree["news"].title not in html
    # Unknown filter values and page numbers give an empty list or the last page, never an error.
    assert client.get(url, {"linh_vuc": "khong-co"}).status_code == 200
    assert client.get(url, {"trang": "999"}).status_code == 200
    assert client.get(url, {"trang": "abc"}).status_code == 200


def test_field_and_audience_pages(client, tree):
    html = client.get("/linh-vuc/dat-dai/").content.decode()
    assert tree["guide"].title in html and tree["news"].title not in html
    assert client.get("/doi-tuong/nong-dan/").status_code == 200
    assert client.get("/linh-vuc/khong-co-linh-vuc/").status_code == 404
    assert client.get("/doi-tuong/khong-co/").status_code == 404


def test_drafts_and_unpublished_pages_are_not_shown(client, tree):
    draft = add(
        tree["section"], GuidancePage(title="Bản nháp bí mật", slug="nhap", summary="x", live=False)
    )
    draft.save_revision()
    assert client.get("/huong-dan/nhap/").status_code == 404
    assert "Bản nháp bí mật" not in client.get(tree["section"].url).content.decode()
    tree["news"].unpublish()
    assert client.get(tree["news"].url).status_code == 404
    assert tree["news"].title not in client.get("/").content.decode()


def test_print_view_marks_the_page(client, tree):
    html = client.get(tree["guide"].url, {"ban_in": "1"}).content.decode()
    assert "print-view" in html.split(">", 2)[1]


def test_page_can_be_read_in_english(client, tree):
    en = Locale.objects.get(language_code="en")
    english = tree["guide"].copy_for_translation(en, copy_parents=True)
    english.title = "Getting a land use right certificate"
    english.slug = "land-certificate"
    english.summary = "What to prepare."
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.url.startswith("/en/")
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Getting a land use right certificate" in html
    assert '<html lang="en"' in html
    # Each version links to the other.
    vi_html = client.get(tree["guide"].url).content.decode()
    assert f'href="{english.url}"' in vi_html and 'hreflang="en"' in vi_html
    assert f'href="{tree["guide"].url}"' in html


def test_vietnamese_pages_keep_their_url_whatever_the_interface_language(client, tree):
    client.cookies["django_language"] = "en"
    response = client.get(tree["guide"].url)
    assert response.status_code == 200
    assert tree["guide"].title in response.content.decode()


def test_published_articles_are_found_by_search(client, tree):
    from pbgdpl.search.selectors import SearchRequest, search_run

    result = search_run(SearchRequest(q="giấy chứng nhận quyền sử dụng đất", kind="page"))
    urls = [r["url"] for r in result.results]
    assert tree["guide"].url in urls
    tree["guide"].unpublish()
    result = search_run(SearchRequest(q="giấy chứng nhận quyền sử dụng đất", kind="page"))
    assert tree["guide"].url not in [r["url"] for r in result.results]
    response = client.get("/tim-kiem/", {"q": "tranh chấp ranh giới", "kind": "page"})
    assert tree["case"].title in response.content.decode()


def test_every_content_type_appears_in_feeds_sitemap_and_search(client, tree):
    from pbgdpl.search.selectors import SearchRequest, search_run

    kinds = ("guide", "case", "news", "media", "book")
    atom = client.get("/nguon-tin/atom/").content.decode()
    rss = client.get("/nguon-tin/rss/").content.decode()
    sitemap = client.get("/sitemap-trang.xml").content.decode()
    for key in kinds:
        page = tree[key]
        assert page.url in atom and page.url in rss, key
        assert page.url in sitemap, key
        found = search_run(SearchRequest(q=page.title, kind="page"))
        assert page.url in [r["url"] for r in found.results], key


def test_image_upload_requires_a_text_alternative(client, tmp_path, settings):
    import io

    from PIL import Image as PILImage
    from wagtail.images.models import Image
    from wagtail.models import Collection

    from tests.factories import UserFactory, login_with_second_factor

    settings.MEDIA_ROOT = tmp_path
    admin = UserFactory(is_superuser=True, is_staff=True)
    login_with_second_factor(client, admin)
    buf = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 0, 0)).save(buf, "PNG")

    def upload(description):
        buf.seek(0)
        return client.post(
            "/admin/images/add/",
            {
                "title": "Ảnh",
                "description": description,
                "collection": Collection.get_first_root_node().id,
                "file": SimpleUploadedFile("a.png", buf.read(), content_type="image/png"),
            },
        )

    response = upload("")
    assert response.status_code == 200
    assert Image.objects.count() == 0
    assert "Văn bản thay thế" in response.content.decode()
    response = upload("Cờ đỏ")
    assert response.status_code == 302
    assert Image.objects.get().description == "Cờ đỏ"
