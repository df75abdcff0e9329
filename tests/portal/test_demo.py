"""The portal's demo content: what ``portal_demo_load`` builds, that every article is
classified and cites the law, that it is served, translated, and built only once."""

import io
import re
import shutil
from datetime import date

import pytest
from django.utils.translation import check_for_language
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from pbgdpl.portal.demo import DOCX_LABEL, markup_blocks, markup_html, portal_demo_load
from pbgdpl.portal.models import (
    ArticlePage,
    GuidancePage,
    HandbookPage,
    HomePage,
    LegalCasePage,
    MediaPage,
    NewsPage,
    PageCitation,
    SectionPage,
    UnitAreaPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Images, Word files and MP3s go to a throwaway directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def loaded(commune_a):
    """The demo loaded once, with the unit it looks for first (Phường Quy Nhơn) present."""
    return portal_demo_load()


def vi_articles():
    return ArticlePage.objects.live().filter(locale__language_code="vi").specific()


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    return response.content.decode()


# --- what is built --------------------------------------------------------------------


def test_builds_thirty_classified_articles_citing_the_law_and_runs_once(loaded, commune_a):
    articles = list(vi_articles())
    assert len(articles) >= 30
    for model, least in ((NewsPage, 8), (GuidancePage, 7), (LegalCasePage, 6), (HandbookPage, 4)):
        assert sum(isinstance(a, model) for a in articles) >= least, model.__name__
    assert sum(isinstance(a, MediaPage) for a in articles) >= 2
    assert loaded["skipped"] == [] or all("espeak" in s for s in loaded["skipped"])
    for page in articles:
        assert page.summary.strip(), page.slug
        assert date(2025, 1, 1) <= page.date <= date(2026, 12, 31), page.slug
        assert page.legal_fields.exists(), page.slug
        assert page.audiences.exists(), page.slug
        citations = list(page.citations.all())
        assert citations, page.slug
        for citation in citations:
            assert re.fullmatch(r"\d+/\d{4}/[A-ZĐ0-9\-]+", citation.number), citation.number
            assert citation.title
            assert citation.article == "" or citation.article[0].isdigit()
    # Sections where the site menu links, the bookshelf, and one commune's area.
    home = HomePage.objects.get(locale__language_code="vi")
    assert home.body
    children = {p.slug: p.specific for p in home.get_children().live()}
    for slug in ("tin-tuc", "huong-dan-phap-luat", "tinh-huong-phap-luat", "da-phuong-tien"):
        assert isinstance(children[slug], SectionPage), slug
    assert children["tu-sach-phap-luat"].__class__.__name__ == "BookshelfPage"
    area = UnitAreaPage.objects.get(unit=commune_a)
    local = NewsPage.objects.live().descendant_of(area)
    assert local.count() == 2
    for page in local:
        assert "Phường Quy Nhơn" in page.title
        assert "{unit}" not in page.summary + page.place + str(list(page.body.raw_data))
    # News pictures describe themselves.
    with_images = NewsPage.objects.filter(feed_image__isnull=False)
    assert with_images.count() >= 2
    assert all(page.feed_image.description.strip() for page in with_images)

    # A second run creates nothing.
    def counts():
        return (
            Page.objects.count(),
            Revision.objects.count(),
            PageCitation.objects.count(),
            get_image_model().objects.count(),
            get_document_model().objects.count(),
        )

    before = counts()
    again = portal_demo_load()
    assert counts() == before
    assert again["pages_created"] == again["translations_created"] == 0
    assert again["images_created"] == again["documents_created"] == 0
    assert again["pages_existing"] == loaded["pages_created"] + loaded["translations_created"]


def test_media_and_handbooks_carry_text_equivalents_and_files(loaded, client):
    import docx

    infographics = MediaPage.objects.filter(media_kind="infographic")
    assert infographics.count() >= 2
    for page in infographics:
        assert page.image is not None and page.image.width >= 1000
        assert len(page.image.description) > 40  # the alt text
        assert "<ol>" in page.transcript  # every item of the graphic, as text
        assert page.image.description in html_of(client, page).replace("&quot;", '"')
    if shutil.which("espeak-ng"):
        audio = MediaPage.objects.get(media_kind="audio")
        assert audio.media_file.file.name.endswith(".mp3")
        assert audio.media_file.file_size > 10_000
        assert re.fullmatch(r"\d+:\d\d", audio.duration)
        assert "không lái xe" in audio.transcript
        assert audio.media_file.url in html_of(client, audio)
    else:
        assert not MediaPage.objects.filter(media_kind="audio").exists()
    for page in HandbookPage.objects.all():
        files = list(page.files.all())
        assert files and files[0].label == DOCX_LABEL, page.slug
        with files[0].document.file.open("rb") as handle:
            document = docx.Document(io.BytesIO(handle.read()))
        text = "\n".join(p.text for p in document.paragraphs)
        assert page.title in text
        assert len(text.split()) > 200
        assert files[0].document.url in html_of(client, page)


def test_without_units_the_commune_area_is_left_out():
    result = portal_demo_load()
    assert not UnitAreaPage.objects.exists()
    assert any("đơn vị hành chính" in reason for reason in result["skipped"])
    assert vi_articles().count() >= 28


# --- what readers get -------------------------------------------------------------------


def test_pages_are_served_in_vietnamese_english_and_jrai(loaded, client):
    html = html_of(client, Page.objects.get(url_path="/trang-chu/tin-tuc/"))
    assert "Gia Lai hưởng ứng Ngày Pháp luật Việt Nam 9/11/2026" in html
    html = html_of(client, GuidancePage.objects.get(slug="dang-ky-khai-sinh-cho-con"))
    assert "Ai đi đăng ký và trong thời hạn nào?" in html
    assert "Luật Hộ tịch" in html and "60/2014/QH13" in html
    html = html_of(client, LegalCasePage.objects.get(slug="cay-nha-hang-xom-vuon-sang-vuon"))
    assert "Anh A có quyền yêu cầu ông B cắt tỉa" in html and "Bộ luật Dân sự" in html
    news = NewsPage.objects.get(slug="tro-giup-phap-ly-luu-dong-tai-lang-jrai")
    assert "Tin minh họa" in html_of(client, news)  # events are marked as illustrative
    html_of(client, UnitAreaPage.objects.get())

    # English: the home page, three sections and at least four articles, live and served.
    home_en = HomePage.objects.get(locale__language_code="en")
    assert home_en.live and home_en.slug == "home"
    assert "Legal dissemination and education portal" in html_of(client, home_en)
    sections = SectionPage.objects.live().filter(locale__language_code="en")
    assert {s.slug for s in sections} >= {"news", "legal-guidance", "legal-cases"}
    english = list(ArticlePage.objects.live().filter(locale__language_code="en").specific())
    assert len(english) >= 4
    vietnamese = Locale.objects.get(language_code="vi")
    for page in english:
        assert re.fullmatch(r"[a-z0-9\-]+", page.slug)
        source = page.get_translation(vietnamese)
        assert source.live and source.title != page.title
        assert page.citations.count() == source.citations.count()
        assert page.url.startswith("/en/")
        assert page.title.replace("'", "&#x27;") in html_of(client, page)
    assert "marriageable age" in LegalCasePage.objects.get(locale__language_code="en").analysis

    # Jrai: a home page that says, in Vietnamese and English, that translation is under way.
    home_jra = HomePage.objects.get(locale__language_code="jra")
    assert home_jra.live
    assert "đang được biên dịch viên chuẩn bị" in home_jra.intro
    assert "being prepared by translators" in home_jra.intro
    assert check_for_language("jra"), "pbgdpl/locale/jra makes Django recognise Jrai"
    assert "being prepared by translators" in html_of(client, home_jra)


# --- the markup -------------------------------------------------------------------------


def test_markup_becomes_body_blocks():
    blocks = markup_blocks(
        "Intro **bold** <b>x</b>\n\n## A heading\nText after.\n- one\n- two\n\n"
        "! Ghi nhớ\n- remember\n\n> A quote"
    )
    assert [b["type"] for b in blocks] == ["paragraph", "heading", "paragraph", "note", "quote"]
    assert blocks[0]["value"] == "<p>Intro <b>bold</b> &lt;b&gt;x&lt;/b&gt;</p>"
    assert blocks[1]["value"] == "A heading"
    assert blocks[2]["value"] == "<p>Text after.</p><ul><li>one</li><li>two</li></ul>"
    assert blocks[3]["value"] == {"title": "Ghi nhớ", "text": "<ul><li>remember</li></ul>"}
    assert blocks[4]["value"] == "A quote"
    assert markup_html("## H\n1. a\n2. b") == "<h2>H</h2><ol><li>a</li><li>b</li></ol>"


def test_every_cited_law_links_into_the_library(loaded):
    from pbgdpl.portal.models import ArticlePage
    from pbgdpl.portal.selectors import citations_for_page

    links = [
        link
        for page in ArticlePage.objects.filter(locale__language_code="vi")
        for link in citations_for_page(page)
    ]
    assert len(links) >= 30
    assert all(link.document_url for link in links), [x.label for x in links if not x.document_url]
