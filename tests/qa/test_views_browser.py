"""The Q&A's public pages in real headless Chromium: 0 axe-core violations (normal and
high contrast), ≤ 100 KB of HTML+CSS+JS, no CSP violation, no horizontal scroll at
320 px; the ask form works with JavaScript off (and shows its errors accessibly), and
with JavaScript on it suggests similar answers while the reader types.

Screenshots for a person to look at:
    BROWSER_SCREENSHOTS=/tmp/shots pytest tests/qa/test_views_browser.py -s
"""

import pytest

from pbgdpl.portal.context_processors import COOKIE_NAME
from pbgdpl.portal.models import Audience
from pbgdpl.qa import services
from pbgdpl.qa.models import Question
from pbgdpl.qa.selectors import question_url
from tests.browser import (
    assert_no_axe_violations,
    goto,
    measure_weight,
    new_page,
    screenshot,
    skip_unless_browser_available,
)
from tests.qa.factories import qa_world, question_to

pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


MAX_WEIGHT = 100 * 1024
LONG_TEXT = (
    "Tôi và bạn gái muốn đăng ký kết hôn nhưng hai người ở hai xã khác nhau trong tỉnh. "
    "Xin hỏi chúng tôi nộp hồ sơ ở Ủy ban nhân dân xã nào, cần mang theo những giấy tờ gì "
    "và mất bao lâu thì nhận được giấy chứng nhận kết hôn?"
)


def build_qa() -> dict:
    """A commune, published questions (one with an audience), and questions in other
    states for the tracking pages; returns the world, paths and codes."""
    world = qa_world()
    published = question_to(world, "published")
    farmers = Audience.objects.get_or_create(code="nong-dan", defaults={"name": "Nông dân"})[0]
    published.audiences.add(farmers)
    second = question_to(world, "published")
    second = services.qa_answer_save(
        actor=world.province_admin,
        question=second,
        answer=(
            "Theo Điều 18 Luật Hộ tịch, hai bên nam, nữ nộp tờ khai đăng ký kết hôn cho cơ "
            "quan đăng ký hộ tịch.\n\nNgay sau khi nhận đủ giấy tờ, nếu thấy đủ điều kiện "
            "kết hôn, công chức tư pháp – hộ tịch ghi việc kết hôn vào Sổ hộ tịch."
        ),
        citations=[services.CitationInput(number="60/2014/QH13", article="18")],
        title="Thủ tục đăng ký kết hôn gồm những bước nào?",
        public_question="Thủ tục đăng ký kết hôn tại Ủy ban nhân dân xã gồm những bước nào?",
    )
    received = question_to(world, "received")
    answered = question_to(world, "answered")
    declined = question_to(world, "declined")
    return {
        "world": world,
        "paths": {
            "list": "/hoi-dap/",
            "list-field": f"/hoi-dap/linh-vuc/{world.field.code}/",
            "list-audience": "/hoi-dap/doi-tuong/nong-dan/",
            "list-search": "/hoi-dap/?q=k%E1%BA%BFt+h%C3%B4n",
            "detail": question_url(published),
            "detail-2": question_url(second),
            "ask": "/hoi-dap/gui-cau-hoi/",
            "track-find": "/hoi-dap/theo-doi/",
            "track-received": f"/hoi-dap/theo-doi/{received.code}/",
            "track-answered": f"/hoi-dap/theo-doi/{answered.code}/",
            "track-declined": f"/hoi-dap/theo-doi/{declined.code}/",
        },
        "published": published,
    }


def _no_horizontal_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_every_qa_page_is_accessible_light_and_fits_320px(browser, live_server):
    skip_unless_browser_available(axe=True)
    site = build_qa()
    problems: list[str] = []
    for name, path in site["paths"].items():
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
                except BaseException as err:  # pytest.fail raises a BaseException
                    problems.append(f"{name} ({contrast or 'normal'}): {err}")
                screenshot(page, f"qa-1280-{name}{'-hc' if contrast else ''}")
        with new_page(browser) as page:
            weight = measure_weight(page, url)
            print(f"{name}: {weight.total} bytes")
            if weight.total > MAX_WEIGHT:
                problems.append(f"{name}: {weight.total} bytes > {MAX_WEIGHT}\n{weight.report()}")
            if page.csp_violations:
                problems.append(f"{name}: CSP {page.csp_violations}")
        with new_page(browser, width=320, height=640) as page:
            goto(page, url)
            screenshot(page, f"qa-320-{name}")
            width = _no_horizontal_scroll(page)
            if width > 320:
                problems.append(f"{name}: scrollWidth {width} at 320 px")
    assert not problems, "\n".join(problems)


def test_ask_form_errors_are_accessible_and_keep_what_was_typed(browser, live_server):
    skip_unless_browser_available(axe=True)
    build_qa()
    for width in (1280, 320):
        with new_page(browser, bypass_csp=True, width=width, height=800) as page:
            goto(page, live_server.url + "/hoi-dap/gui-cau-hoi/")
            page.get_by_label("Câu hỏi của bạn").fill("Ngắn quá")
            page.get_by_role("textbox", name="Thư điện tử").fill("khong-phai-email")
            with page.expect_navigation():
                page.get_by_role("button", name="Gửi câu hỏi").click()
            summary = page.locator(".error-summary")
            assert summary.is_visible()
            # ask.js focuses the summary; its links lead to the fields.
            assert page.evaluate("document.activeElement.id") == "loi"
            assert summary.get_by_role("link").count() == 5
            assert page.get_by_label("Câu hỏi của bạn").input_value() == "Ngắn quá"
            assert (
                page.get_by_role("textbox", name="Thư điện tử").input_value() == "khong-phai-email"
            )
            assert (
                page.get_by_role("textbox", name="Thư điện tử").get_attribute("aria-invalid")
                == "true"
            )
            summary.get_by_role("link", name="Vui lòng chọn lĩnh vực trong danh sách.").click()
            assert page.evaluate("location.hash") == "#q-field"
            assert_no_axe_violations(page)
            screenshot(page, f"qa-{width}-ask-errors")
            assert _no_horizontal_scroll(page) <= width
    assert Question.objects.count() == 5  # build_qa's only


def test_ask_and_track_without_javascript(browser, live_server):
    skip_unless_browser_available()
    site = build_qa()
    world = site["world"]
    with new_page(browser, java_script_enabled=False, width=320, height=640) as page:
        goto(page, live_server.url + "/hoi-dap/")
        with page.expect_navigation():
            page.get_by_role("link", name="Gửi câu hỏi").first.click()
        # The honeypot is off-screen for people (and hidden from screen readers).
        box = page.locator('input[name="website"]').bounding_box()
        assert box is not None and box["x"] + box["width"] <= 0
        assert page.locator(".qa-hp").get_attribute("aria-hidden") == "true"
        page.get_by_label("Lĩnh vực").select_option(world.field.code)
        page.get_by_label("Xã, phường nơi bạn sinh sống hoặc làm việc").select_option(
            world.commune.code
        )
        page.get_by_label("Câu hỏi của bạn").fill(LONG_TEXT)
        # Suggestions without JavaScript: the server shows them above the form.
        with page.expect_navigation():
            page.get_by_role("button", name="Xem câu trả lời tương tự").click()
        suggestions = page.locator("#goi-y")
        assert suggestions.get_by_role("link", name="Đăng ký kết hôn ở đâu?").count() == 1
        assert page.get_by_label("Câu hỏi của bạn").input_value() == LONG_TEXT
        assert Question.objects.count() == 5
        page.get_by_role("textbox", name="Thư điện tử").fill("nguoihoi@example.vn")
        page.get_by_label("Tôi đồng ý", exact=False).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Gửi câu hỏi").click()
        question = Question.objects.order_by("-pk").first()
        assert page.url.startswith(f"{live_server.url}/hoi-dap/theo-doi/{question.code}/")
        assert page.locator(".qa-code").inner_text() == question.code
        assert page.get_by_text("Ghi lại mã này để theo dõi").is_visible()
        screenshot(page, "qa-320-track-sent")
        assert question.asker_email == "nguoihoi@example.vn"
        assert question.text == LONG_TEXT
        # Erase one's personal data, with the confirmation ticked.
        page.get_by_label("Tôi muốn xoá dữ liệu cá nhân", exact=False).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Xoá dữ liệu cá nhân của tôi").click()
        assert page.locator("#du-lieu-ca-nhan").get_by_role("status").is_visible()
        screenshot(page, "qa-320-track-erased")
    question.refresh_from_db()
    assert question.asker_email == "" and question.text == ""
    assert question.status == "declined"


def test_suggestions_appear_while_typing(browser, live_server):
    skip_unless_browser_available(axe=True)
    build_qa()
    with new_page(browser, bypass_csp=True) as page:
        goto(page, live_server.url + "/hoi-dap/gui-cau-hoi/")
        region = page.locator("[data-suggest-region]")
        assert region.get_attribute("aria-live") == "polite"
        page.get_by_label("Câu hỏi của bạn").press_sequentially("đăng ký kết hôn ở xã", delay=10)
        link = region.get_by_role("link", name="Đăng ký kết hôn ở đâu?", exact=False)
        link.first.wait_for(timeout=5000)
        assert link.first.get_attribute("target") == "_blank"
        # Snippets are shown as text: no markup from the server is inserted.
        assert region.locator("mark").count() == 0
        assert "ký tự" in page.locator(".qa-char-count").inner_text()
        assert_no_axe_violations(page)
        screenshot(page, "qa-1280-ask-suggestions")
    # And with the page's real Content-Security-Policy.
    with new_page(browser) as page:
        goto(page, live_server.url + "/hoi-dap/gui-cau-hoi/")
        page.get_by_label("Câu hỏi của bạn").press_sequentially("đăng ký kết hôn", delay=10)
        page.locator("[data-suggest-region] a").first.wait_for(timeout=5000)
        assert page.csp_violations == []
