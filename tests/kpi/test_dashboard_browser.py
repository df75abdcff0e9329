"""The KPI dashboard's public pages in real headless Chromium: 0 axe-core violations
(normal and high contrast), ≤ 100 KB of HTML+CSS+JS, no CSP violation, no horizontal
scroll at 320 px, and the period picker works with JavaScript off.

Screenshots for a person to look at:
    BROWSER_SCREENSHOTS=/tmp/shots pytest tests/kpi/test_dashboard_browser.py -s
"""

import pytest

from pbgdpl.kpi.compute import indicators_compute
from pbgdpl.kpi.definitions import indicators_load
from pbgdpl.kpi.periods import period_get
from pbgdpl.portal.context_processors import COOKIE_NAME
from tests.browser import (
    assert_no_axe_violations,
    goto,
    measure_weight,
    new_page,
    screenshot,
    skip_unless_browser_available,
)

from .factories import TODAY, entry_approved, kpi_world

pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_WEIGHT = 100 * 1024


def build(fake_sources) -> dict[str, str]:
    indicators_load()  # a transactional test before this one flushed the preloaded rows
    world = kpi_world()
    for quarter, extra in (("2026Q1", 0), ("2026Q2", 5)):
        for unit, sample, reached, satisfied in (
            (world.ward_a, 200, 180, 190),
            (world.ward_b, 200, 150, 170),
            (world.commune_x, 100, 30, 50),
            (world.commune_y, 100, 64, 92),
        ):
            entry_approved(world, unit, quarter, sample, reached + extra, satisfied)
    for code in ("2026Q1", "2026Q2", "2026"):
        indicators_compute(period=period_get(code), today=TODAY)
    return {
        "summary": "/chi-tieu/?ky=2026",
        "drill": f"/chi-tieu/satisfaction/{world.province.code}/?ky=2026",
        "commune": f"/chi-tieu/reach_rural/{world.commune_x.code}/?ky=2026",
        "error": "/chi-tieu/?ky=2026Q7",
    }


def test_dashboard_pages_are_accessible_light_and_fit_320px(browser, live_server, fake_sources):
    skip_unless_browser_available(axe=True)
    paths = build(fake_sources)
    problems: list[str] = []
    for name, path in paths.items():
        url = live_server.url + path
        status = 400 if name == "error" else 200
        for contrast in (None, "larger.on"):
            with new_page(browser, bypass_csp=True) as page:
                if contrast:
                    page.context.add_cookies(
                        [{"name": COOKIE_NAME, "value": contrast, "url": live_server.url}]
                    )
                goto(page, url, status=status)
                try:
                    assert_no_axe_violations(page)
                except BaseException as err:  # pytest.fail raises a BaseException
                    problems.append(f"{name} ({contrast or 'normal'}): {err}")
                screenshot(page, f"kpi-1280-{name}{'-hc' if contrast else ''}")
        if status == 200:
            with new_page(browser) as page:
                weight = measure_weight(page, url)
                print(f"{name}: {weight.total} bytes")
                if weight.total > MAX_WEIGHT:
                    problems.append(f"{name}: {weight.total} > {MAX_WEIGHT}\n{weight.report()}")
                if page.csp_violations:
                    problems.append(f"{name}: CSP {page.csp_violations}")
        with new_page(browser, width=320, height=640, java_script_enabled=False) as page:
            goto(page, url, status=status)
            screenshot(page, f"kpi-320-{name}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                problems.append(f"{name}: {width}px wide at 320px")
    assert not problems, "\n".join(problems)


def test_period_picker_works_without_javascript(browser, live_server, fake_sources):
    skip_unless_browser_available()
    paths = build(fake_sources)
    with new_page(browser, java_script_enabled=False, width=320, height=640) as page:
        goto(page, live_server.url + paths["drill"])
        page.get_by_label("Kỳ báo cáo").select_option("2026Q1")
        page.get_by_label("Khu vực").select_option("nong-thon")
        with page.expect_navigation():
            page.get_by_role("button", name="Xem").click()
        assert "ky=2026Q1" in page.url and "khu-vuc=nong-thon" in page.url
        heading = page.get_by_role("heading", level=1).inner_text()
        assert "Quý I/2026" in heading and "nông thôn" in heading
        rows = page.locator("table.kd-table tbody tr th a").all_inner_texts()
        assert rows == ["Xã Ia Hrú", "Xã Kông Chro"]
