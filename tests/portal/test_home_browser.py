"""The public shell in a real browser: accessibility, weight, 320 px, no-JS, keyboard.

Run with screenshots for a person to look at:
    BROWSER_SCREENSHOTS=/tmp/shots pytest tests/portal/test_home_browser.py -s
"""

import pytest

from pbgdpl.portal.context_processors import COOKIE_NAME
from tests.browser import (
    assert_no_axe_violations,
    goto,
    measure_weight,
    new_page,
    screenshot,
    skip_unless_browser_available,
)

expect = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'").expect

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed data; tests/conftest.py rebuilds the page tree that
    # the flush after the test removes (not serialized_rollback: see tests/conftest.py).
    pytest.mark.django_db(transaction=True),
]

MAX_WEIGHT = 100 * 1024  # DESIGN §6: anonymous page ≤ 100 KB (HTML+CSS+JS)


def html_classes(page) -> str:
    return page.evaluate("document.documentElement.className")


def test_static_files_are_served(browser, live_server):
    with new_page(browser) as page:
        for path in (
            "/static/portal/site.css",
            "/static/portal/site.js",
            "/static/portal/favicon.svg",
        ):
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{path}: {response.status}"
        goto(page, live_server.url + "/")
        # The stylesheet is applied: the skip link is moved off screen until focused.
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position")
            == "absolute"
        )


@pytest.mark.parametrize(
    ("name", "path", "cookie"),
    [
        ("home", "/", None),
        ("home-high-contrast", "/", "normal.on"),
        ("home-larger-high-contrast", "/", "larger.on"),
        ("not-found", "/khong-co-trang-nay/", None),
    ],
)
def test_axe_finds_no_violations(browser, live_server, name, path, cookie):
    skip_unless_browser_available(axe=True)
    # bypass_csp only here: axe is injected as an inline script.
    with new_page(browser, bypass_csp=True) as page:
        if cookie:
            page.context.add_cookies(
                [{"name": COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        goto(page, live_server.url + path, status=404 if name == "not-found" else 200)
        screenshot(page, f"desktop-{name}")
        assert_no_axe_violations(page)
    print(f"axe: 0 violations on {path} ({name})")


def test_home_page_weight(browser, live_server):
    with new_page(browser) as page:
        weight = measure_weight(page, live_server.url + "/")
        print(f"home page weight: {weight.total} bytes")
        print(weight.report())
        assert weight.by_type().get("document", 0) > 0
        assert weight.by_type().get("stylesheet", 0) > 0
        assert weight.by_type().get("script", 0) > 0
        assert weight.total <= MAX_WEIGHT, weight.report()
        assert page.csp_violations == []


@pytest.mark.parametrize("cookie", [None, "larger.off", "larger.on"])
def test_readable_at_320_px_without_horizontal_scroll(browser, live_server, cookie):
    with new_page(browser, width=320, height=640) as page:
        if cookie:
            page.context.add_cookies(
                [{"name": COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        goto(page, live_server.url + "/")
        screenshot(page, f"phone-320-{cookie or 'default'}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 320, f"scrollWidth {scroll_width} > 320 ({cookie})"
        assert page.locator("h1").is_visible()


def test_works_without_javascript(browser, live_server):
    with new_page(browser, java_script_enabled=False) as page:
        goto(page, live_server.url + "/")
        assert page.locator("main#noi-dung h1").is_visible()
        assert page.locator("main .tile").count() == 4
        assert html_classes(page) == ""

        with page.expect_navigation():
            page.get_by_role("button", name="A+ – cỡ chữ lớn").click()
        assert page.url == live_server.url + "/"
        assert html_classes(page) == "fs-large"
        assert (
            page.get_by_role("button", name="A+ – cỡ chữ lớn").get_attribute("aria-pressed")
            == "true"
        )

        with page.expect_navigation():
            page.get_by_role("button", name="Tương phản cao").click()
        assert html_classes(page) == "fs-large hc"
        screenshot(page, "nojs-large-high-contrast")
        # The text really is bigger: 118.75 % of 16 px.
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "19px"
        assert page.csp_violations == []


def test_javascript_switches_without_reload(browser, live_server):
    with new_page(browser) as page:
        goto(page, live_server.url + "/")
        page.evaluate("window.__sameDocument = true")
        page.get_by_role("button", name="A++ – cỡ chữ rất lớn").click()
        # (a locator assertion: wait_for_function would need eval, which the CSP forbids)
        expect(page.locator("html")).to_have_class("fs-larger")
        page.get_by_role("button", name="Tương phản cao").click()
        expect(page.locator("html")).to_have_class("fs-larger hc")
        assert page.evaluate("window.__sameDocument") is True  # no reload happened
        cookies = {c["name"]: c["value"] for c in page.context.cookies()}
        assert cookies[COOKIE_NAME] == "larger.on"
        page.reload()
        assert html_classes(page) == "fs-larger hc"
        assert page.csp_violations == []


def test_first_tab_focuses_the_skip_link(browser, live_server):
    with new_page(browser) as page:
        goto(page, live_server.url + "/")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.className, document.activeElement.getAttribute('href'),"
            " document.activeElement.textContent]"
        )
        assert focused == ["skip-link", "#noi-dung", "Bỏ qua, đến nội dung chính"]
        assert page.locator(".skip-link").is_visible()
        screenshot(page, "desktop-skip-link-focused", full_page=False)
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "noi-dung"


def test_print_hides_controls(browser, live_server):
    with new_page(browser) as page:
        goto(page, live_server.url + "/")
        page.emulate_media(media="print")
        assert not page.locator(".display-form").is_visible()
        assert not page.locator(".site-nav").is_visible()
        assert page.locator("main h1").is_visible()
        after = page.evaluate(
            "getComputedStyle(document.querySelector('main a.tile'), '::after').content"
        )
        assert "/van-ban/" in after
