"""The legal library and search pages in a real browser: axe-core, page weight, 320 px,
no JavaScript. One live server, a handful of pages.

Run with screenshots for a person to look at:
    BROWSER_SCREENSHOTS=/tmp/shots pytest tests/laws/test_pages_browser.py -s
"""

from datetime import date

import pytest

from pbgdpl.laws.parsers import structure_parse_text
from pbgdpl.laws.selectors import document_url
from pbgdpl.laws.services import (
    document_create,
    document_import_phapdien,
    document_text_save,
    relation_add,
)
from pbgdpl.portal.context_processors import COOKIE_NAME
from tests.browser import (
    assert_no_axe_violations,
    goto,
    measure_weight,
    new_page,
    screenshot,
    skip_unless_browser_available,
)
from tests.laws.test_views import PAGE_TABLE, SMALL_LAW, long_law

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed data; tests/conftest.py rebuilds the page tree after.
    pytest.mark.django_db(transaction=True),
]

MAX_WEIGHT = 100 * 1024  # DESIGN §6: anonymous page ≤ 100 KB (HTML+CSS+JS)


def _library(tmp_path) -> dict[str, str]:
    """A small library: a law with text and relations, a long law, one đề mục."""
    law = document_create(
        title="Hòa giải ở cơ sở", number="35/2013/QH13", origin="manual", type_name="Luật",
        issued_on=date(2013, 6, 20), effective_on=date(2014, 1, 1), signer="Nguyễn Sinh Hùng",
        fields=["Tư pháp"],
    )  # fmt: skip
    document_text_save(document=law, nodes=structure_parse_text(SMALL_LAW).provisions)
    amending = document_create(
        title="Sửa đổi thử nghiệm", number="13/2023/NĐ-CP", origin="manual",
        type_name="Nghị định", effective_on=date(2023, 8, 1),
    )  # fmt: skip
    relation_add(
        source=amending, target=law, kind="amends", target_eid="chuong_1__dieu_2__khoan_2",
        effective_on=date(2023, 8, 1),
    )  # fmt: skip
    long = document_create(title="Luật dài thử nghiệm", number="99/2024/QH15", origin="manual")
    document_text_save(document=long, nodes=structure_parse_text(long_law()).provisions)
    folder = tmp_path / "demuc"
    folder.mkdir()
    (folder / "a.html").write_text(PAGE_TABLE, encoding="utf-8")
    document_import_phapdien(path=folder)
    return {
        "document": document_url(law),
        "document-long": document_url(long),
        "documents": "/van-ban/",
        "phapdien-subject": "/phap-dien/de-muc/37.1/",
        "search": "/tim-kiem/?q=h%C3%B2a+gi%E1%BA%A3i+vi%C3%AAn",
        "search-empty": "/tim-kiem/",
    }


def test_library_pages_are_accessible_light_and_fit_320_px(browser, live_server, tmp_path):
    skip_unless_browser_available(axe=True)
    pages = _library(tmp_path)
    weights = {}
    for name, path in pages.items():
        url = live_server.url + path
        with new_page(browser, bypass_csp=True) as page:
            goto(page, url)
            screenshot(page, f"laws-{name}-desktop")
            assert_no_axe_violations(page)
        with new_page(browser) as page:
            weight = measure_weight(page, url)
            weights[name] = weight.total
            assert weight.total <= MAX_WEIGHT, weight.report()
            assert page.csp_violations == []
        with new_page(browser, width=320, height=640) as page:
            goto(page, url)
            screenshot(page, f"laws-{name}-320")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= 320, f"{name}: scrollWidth {scroll_width} > 320"
            assert page.locator("h1").is_visible()
    print("page weights (bytes):", weights)
    # High contrast: the badges and the marks keep their contrast.
    with new_page(browser, bypass_csp=True) as page:
        cookie = {"name": COOKIE_NAME, "value": "large.on", "url": live_server.url}
        page.context.add_cookies([cookie])
        for name in ("document", "search"):
            goto(page, live_server.url + pages[name])
            screenshot(page, f"laws-{name}-high-contrast")
            assert_no_axe_violations(page)


def test_document_page_works_without_javascript(browser, live_server, tmp_path):
    pages = _library(tmp_path)
    with new_page(browser, java_script_enabled=False, width=375, height=700) as page:
        goto(page, live_server.url + pages["document-long"])
        toc_link = page.locator("nav.toc a").first
        assert not toc_link.is_visible()  # a long table of contents starts folded
        page.locator("nav.toc summary").click()
        assert toc_link.is_visible()
        goto(page, live_server.url + pages["document"])
        # The status-at-a-date form is a plain GET form.
        page.fill("#ngay", "2013-12-31")
        with page.expect_navigation():
            page.get_by_role("button", name="Xem", exact=True).click()
        assert "ngay=2013-12-31" in page.url
        assert page.get_by_text("Tại ngày 31/12/2013:").is_visible()
        screenshot(page, "laws-document-nojs-status-at-date")
        # Keyboard: the first Tab reaches the skip link, then the page's own controls.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        assert page.csp_violations == []
