"""The feedback form in a real browser with JavaScript off: the headers Chromium sends
with a same-site form post (Origin, Sec-Fetch-Site) pass the view's cross-site check."""

import pytest

from pbgdpl.portal.models import PageFeedback
from tests.browser import goto, new_page

pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_answer_with_a_comment_without_javascript(browser, live_server):
    with new_page(browser, java_script_enabled=False, width=320, height=640) as page:
        goto(page, live_server.url + "/")
        section = page.locator("section#phan-hoi")
        assert section.get_by_role("heading", name="Thông tin này có hữu ích không?").is_visible()
        # The honeypot is invisible to people.
        assert not page.locator('input[name="website"]').is_visible()
        page.get_by_label("Góp ý thêm (không bắt buộc)").fill("Nên có thêm số điện thoại hỗ trợ.")
        with page.expect_navigation():
            section.get_by_role("button", name="Có", exact=True).click()
        assert page.url == live_server.url + "/?phan_hoi=cam-on#phan-hoi"
        assert page.get_by_role("status").filter(has_text="Cảm ơn bạn đã góp ý.").is_visible()
        assert page.locator("form.feedback-form").count() == 0
    answer = PageFeedback.objects.get()
    assert (answer.path, answer.helpful) == ("/", True)
    assert answer.comment == "Nên có thêm số điện thoại hỗ trợ."
    assert answer.page is not None
