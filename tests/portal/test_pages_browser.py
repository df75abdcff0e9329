"""Every public page type in real headless Chromium: 0 axe-core violations (normal and
high contrast), ≤ 100 KB of HTML+CSS+JS, no CSP violation, readable at 320 px, images as
lazy responsive renditions, and usable with JavaScript off.

Screenshots for a person to look at:
    BROWSER_SCREENSHOTS=/tmp/shots pytest tests/portal/test_pages_browser.py -s
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from pbgdpl.laws.models import LegalField
from pbgdpl.portal.context_processors import COOKIE_NAME
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
    UnitAreaPage,
)
from tests.browser import (
    assert_no_axe_violations,
    goto,
    measure_weight,
    new_page,
    screenshot,
    skip_unless_browser_available,
)
from tests.factories import UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_WEIGHT = 100 * 1024


def _png(text: str, size=(1200, 700)) -> SimpleUploadedFile:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    img = PILImage.new("RGB", size, (20, 54, 93))
    ImageDraw.Draw(img).text((40, 40), text, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return SimpleUploadedFile(f"{text}.png", buf.getvalue(), content_type="image/png")


def _publish(parent, page):
    parent.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _shared_item() -> str:
    """An item pulled from another portal; returns the URL of its read-only page."""
    from django.db import transaction

    from pbgdpl.exchange.models import Peer

    origin = "https://tinh-ban.example.vn"
    uuid = "8c1b2f3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"
    data = {
        "title": "Hướng dẫn đăng ký kết hôn",
        "kind": "guidancepage",
        "kind_label": "Bài hướng dẫn pháp luật",
        "language": "vi",
        "date": "2026-03-01",
        "summary": "Thủ tục đăng ký kết hôn.",
        "text": "Thủ tục đăng ký kết hôn.\nHai bên nộp tờ khai tại Ủy ban nhân dân xã.",
        "url": f"{origin}/huong-dan/ket-hon/",
        "fields": ["Hộ tịch"],
    }
    peer = Peer.objects.create(name="tinh-ban", base_url=origin)
    with transaction.atomic():  # as the puller does: one transaction per batch
        _receive(peer, origin, uuid, data)
    return f"/nguon-khac/portal.page/{uuid}/"


def _receive(peer, origin: str, uuid: str, data: dict) -> None:
    from datetime import UTC, datetime

    from pbgdpl.exchange.canonical import content_hash
    from pbgdpl.exchange.services import ReceivedItem, exchange_item_receive

    exchange_item_receive(
        peer=peer,
        item=ReceivedItem(
            uri=f"{origin}/id/portal.page/{uuid}",
            type="portal.page",
            op="upsert",
            version=1,
            hash=content_hash(data),
            updated_at=datetime(2026, 3, 1, tzinfo=UTC),
            origin=origin,
            data=data,
            licence="CC BY 4.0",
        ),
    )


def build_site() -> dict[str, str]:
    """One page of every type; returns {name: url}."""
    home = HomePage.objects.get(locale__language_code="vi")
    land = LegalField.objects.get(code="dat-dai")
    farmers = Audience.objects.get(code="nong-dan")
    photo = Image.objects.create(
        title="Buổi tuyên truyền",
        description="Cán bộ tư pháp nói chuyện với bà con",
        file=_png("anh"),
    )
    chart = Image.objects.create(
        title="5 bước", description="Sơ đồ năm bước đăng ký khai sinh", file=_png("do-hoa")
    )
    docx = Document.objects.create(
        title="Sổ tay", file=SimpleUploadedFile("so-tay.docx", b"PK\x03\x04")
    )
    section = _publish(home, SectionPage(title="Tin tức", slug="tin-tuc", intro="Tin hoạt động."))
    news = NewsPage(
        title="Ngày Pháp luật Việt Nam",
        slug="ngay-phap-luat",
        summary="Các xã hưởng ứng Ngày Pháp luật.",
        place="Pleiku",
        feed_image=photo,
        body=[
            ("heading", "Hoạt động chính"),
            ("paragraph", "<p>Nhiều hoạt động tuyên truyền.</p>"),
            (
                "image",
                {"image": photo, "alt": "Bà con nghe tuyên truyền", "caption": "Ảnh minh họa"},
            ),
            ("note", {"title": "Ghi nhớ", "text": "<p>Ngày 9 tháng 11 hằng năm.</p>"}),
        ],
    )
    section.add_child(instance=news)
    news.legal_fields.add(land)
    news.audiences.add(farmers)
    news.citations.add(
        PageCitation(number="80/2015/QH13", title="Luật Ban hành văn bản quy phạm pháp luật")
    )
    news.save_revision().publish()
    guide = _publish(
        section,
        GuidancePage(
            title="Đăng ký khai sinh",
            slug="khai-sinh",
            summary="Thủ tục.",
            body=[("paragraph", "<p>Trong 60 ngày.</p>")],
        ),
    )
    case = _publish(
        section,
        LegalCasePage(
            title="Tình huống tảo hôn",
            slug="tao-hon",
            summary="Kết hôn khi chưa đủ tuổi.",
            situation="<p>Em H. 16 tuổi.</p>",
            question="Có được kết hôn không?",
            analysis="<p>Chưa đủ tuổi kết hôn.</p>",
            conclusion="<p>Không được.</p>",
        ),
    )
    media = _publish(
        section,
        MediaPage(
            title="Năm bước khai sinh",
            slug="nam-buoc",
            summary="Đồ họa.",
            media_kind="infographic",
            image=chart,
            transcript="<ol><li>Chuẩn bị giấy tờ.</li><li>Nộp hồ sơ.</li></ol>",
        ),
    )
    shelf = _publish(home, BookshelfPage(title="Tủ sách pháp luật", slug="tu-sach-phap-luat"))
    book = HandbookPage(
        title="Sổ tay hòa giải", slug="so-tay", summary="Cho hòa giải viên.", year=2025
    )
    shelf.add_child(instance=book)
    book.files.add(HandbookFile(document=docx, label="Bản Word"))
    book.save_revision().publish()
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh", parent=None)
    ward = UnitFactory(code="21583", name="Phường Quy Nhơn", kind="phuong", parent=province)
    area = _publish(home, UnitAreaPage(title="Tin Phường Quy Nhơn", slug="quy-nhon", unit=ward))
    local = _publish(
        area, NewsPage(title="Hòa giải ở tổ dân phố", slug="hoa-giai", summary="Tin cơ sở.")
    )
    english = guide.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title, english.slug, english.summary = "Birth registration", "birth", "The procedure."
    english.save_revision().publish()
    english.refresh_from_db()
    jrai = home.copy_for_translation(Locale.objects.get(language_code="jra"))
    jrai.intro = "Nội dung tiếng Jrai đang được biên dịch."
    jrai.save_revision().publish()
    shared = _shared_item()
    return {
        "shared-item": shared,
        "home": "/",
        "section": section.url,
        "news": news.url,
        "guidance": guide.url,
        "legal-case": case.url,
        "media": media.url,
        "bookshelf": shelf.url,
        "handbook": book.url,
        "unit-area": area.url,
        "unit-news": local.url,
        "field": "/linh-vuc/dat-dai/",
        "english": english.url,
        "jrai-home": "/jra/",
        "audience": "/doi-tuong/nong-dan/",
        "search-articles": "/tim-kiem/?q=khai+sinh&kind=page",
    }


def test_every_page_type_is_accessible_light_and_responsive(
    browser, live_server, settings, tmp_path
):
    skip_unless_browser_available(axe=True)
    settings.MEDIA_ROOT = tmp_path
    urls = build_site()
    problems: list[str] = []
    for name, path in urls.items():
        url = live_server.url + path
        for contrast in (None, "larger.on"):
            with new_page(browser, bypass_csp=True) as page:
                if contrast:
                    page.context.add_cookies(
                        [{"name": COOKIE_NAME, "value": contrast, "url": live_server.url}]
                    )
                goto(page, url)
                try:
                    assert_no_axe_violations(page)
                except AssertionError as err:
                    problems.append(f"{name} ({contrast or 'normal'}): {err}")
                screenshot(page, f"portal-1280-{name}{'-hc' if contrast else ''}")
        with new_page(browser) as page:
            weight = measure_weight(page, url)
            print(f"{name}: {weight.total} bytes")
            if weight.total > MAX_WEIGHT:
                problems.append(f"{name}: {weight.total} bytes > {MAX_WEIGHT}\n{weight.report()}")
            if page.csp_violations:
                problems.append(f"{name}: CSP {page.csp_violations}")
            lazy = page.evaluate(
                "Array.from(document.querySelectorAll('main img')).filter("
                "i => i.getAttribute('loading') !== 'lazy' || !i.getAttribute('srcset')).length"
            )
            if lazy:
                problems.append(f"{name}: {lazy} image(s) not lazy/responsive")
            missing_alt = page.evaluate("document.querySelectorAll('img:not([alt])').length")
            if missing_alt:
                problems.append(f"{name}: {missing_alt} image(s) without alt")
        with new_page(browser, width=320, height=640) as page:
            goto(page, url)
            screenshot(page, f"portal-320-{name}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > 320:
                problems.append(f"{name}: scrollWidth {scroll_width} at 320 px")
    assert not problems, "\n".join(problems)


def test_article_readable_and_navigable_without_javascript(
    browser, live_server, settings, tmp_path
):
    skip_unless_browser_available()
    settings.MEDIA_ROOT = tmp_path
    urls = build_site()
    with new_page(browser, java_script_enabled=False) as page:
        goto(page, live_server.url + urls["section"])
        page.get_by_role("link", name="Đăng ký khai sinh").first.click()
        page.wait_for_load_state()
        assert page.locator("main h1").inner_text() == "Đăng ký khai sinh"
        # The language link leads to the English version.
        page.get_by_role("link", name="English").first.click()
        page.wait_for_load_state()
        assert page.locator("main h1").inner_text() == "Birth registration"
        # Filters are a plain form (the interface is English now: the reader chose it).
        goto(page, live_server.url + urls["section"])
        page.select_option("#f-linh-vuc", "dat-dai")
        with page.expect_navigation():
            page.locator(".listing-filters button[type=submit]").click()
        assert "linh_vuc=dat-dai" in page.url
        assert page.get_by_role("link", name="Ngày Pháp luật Việt Nam").count() == 1
        assert page.get_by_role("link", name="Đăng ký khai sinh").count() == 0


def test_keyboard_reaches_the_article_from_the_skip_link(browser, live_server, settings, tmp_path):
    skip_unless_browser_available()
    settings.MEDIA_ROOT = tmp_path
    urls = build_site()
    with new_page(browser) as page:
        goto(page, live_server.url + urls["legal-case"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "noi-dung"
