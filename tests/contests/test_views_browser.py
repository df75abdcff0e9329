"""The contests' public pages in real headless Chromium: a whole attempt on a 320 px phone
with JavaScript off (register, start, answer, save, submit), 0 axe-core violations on
every page (normal and high contrast), no horizontal scroll at 320 px, small pages, no
CSP violation; with JavaScript on, the countdown, the autosave through the API and the
submission at zero.

Screenshots for a person to look at:
    BROWSER_SCREENSHOTS=/tmp/shots pytest tests/contests/test_views_browser.py -s
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from pbgdpl.contests import selectors, services
from pbgdpl.contests.models import Attempt, AttemptStatus, Choice, Participant, Round
from pbgdpl.portal.context_processors import COOKIE_NAME
from tests.browser import (
    assert_no_axe_violations,
    goto,
    measure_weight,
    new_page,
    screenshot,
    skip_unless_browser_available,
)
from tests.contests.factories import (
    contest_world,
    correct_answers,
    item_approved,
    participant_join,
)
from tests.factories import LegalDocumentFactory

pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_WEIGHT = 100 * 1024
CODE = "hon-nhan-va-gia-dinh"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _finish(world, n: int, *, unit=None, right: int = 5):
    """Participant ``n`` submits with ``right`` items correct; returns (participant, token,
    attempt)."""
    participant, token = participant_join(world, n, unit=unit)
    attempt = services.attempt_start(round=world.round, participant=participant)
    answers = dict(list(correct_answers(attempt).items())[:right])
    attempt = services.attempt_submit(attempt=attempt, participant=participant, answers=answers)
    return participant, token, attempt


def _scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _with_cookie(page, live_server, world, token: str) -> None:
    page.context.add_cookies(
        [
            {
                "name": selectors.participant_cookie_name(world.contest),
                "value": token,
                "url": live_server.url,
            }
        ]
    )


def test_whole_attempt_on_a_320px_phone_without_javascript(browser, live_server):
    skip_unless_browser_available()
    world = contest_world()
    _finish(world, 1)
    slug = world.contest.slug
    with new_page(browser, java_script_enabled=False, width=320, height=640) as page:
        goto(page, live_server.url + "/cuoc-thi/")
        screenshot(page, "contests-320-index")
        with page.expect_navigation():
            page.get_by_role("link", name=world.contest.title).click()
        screenshot(page, "contests-320-detail")
        assert _scroll_width(page) <= 320
        # A first try without consent: the error is shown and what was typed is kept.
        page.get_by_label("Họ và tên").fill("Phạm Thị Điện Thoại")
        page.get_by_role("textbox", name="Số điện thoại").fill("0912 345 678")
        page.get_by_label("Xã, phường nơi bạn sinh sống").select_option(world.commune.code)
        page.get_by_label("Bạn là").select_option("student")
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng ký", exact=True).click()
        summary = page.locator(".error-summary")
        assert summary.is_visible()
        assert "Cần đồng ý" in summary.inner_text()
        assert page.get_by_label("Họ và tên").input_value() == "Phạm Thị Điện Thoại"
        screenshot(page, "contests-320-register-error")
        assert Participant.objects.count() == 1
        page.get_by_label("Tôi đồng ý", exact=False).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng ký", exact=True).click()
        assert page.locator("#ma-du-thi").is_visible()
        code = page.locator("#ma-du-thi .ct-code").inner_text()
        participant = Participant.objects.get(phone="0912345678")
        assert participant.group == "student"
        token = code.replace(" ", "")
        assert services.participant_for_token(contest=world.contest, token=token) == participant
        screenshot(page, "contests-320-detail-registered")
        assert _scroll_width(page) <= 320

        with page.expect_navigation():
            page.get_by_role("button", name="Bắt đầu làm bài").click()
        attempt = Attempt.objects.get(participant=participant)
        assert page.url == f"{live_server.url}/cuoc-thi/{slug}/bai-thi/{attempt.pk}/"
        # Without JavaScript: the deadline is written out, no live countdown.
        assert page.locator(".ct-deadline").is_visible()
        assert page.locator("[data-timer]").is_hidden()
        screenshot(page, "contests-320-take")
        assert _scroll_width(page) <= 320
        answers = correct_answers(attempt)
        items = list(answers.items())
        # Answer two, save, come back: the choices are still ticked.
        for item_id, choice_ids in items[:2]:
            page.locator(f"#c-{item_id}-{choice_ids[0]}").check()
        page.get_by_label("Theo bạn, bao nhiêu người", exact=False).fill("7")
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu bài").click()
        assert "Đã lưu bài lúc" in page.locator(".messages").inner_text()
        assert page.locator(f"#c-{items[0][0]}-{items[0][1][0]}").is_checked()
        assert page.get_by_label("Theo bạn, bao nhiêu người", exact=False).input_value() == "7"
        attempt.refresh_from_db()
        assert attempt.answers[items[0][0]] == items[0][1]
        # Then the rest, one of them wrong, and submit.
        for item_id, choice_ids in items[2:4]:
            page.locator(f"#c-{item_id}-{choice_ids[0]}").check()
        wrong = (
            Choice.objects.filter(item_id=items[4][0], is_correct=False).values_list(
                "pk", flat=True
            )
        ).first()
        page.locator(f"#c-{items[4][0]}-{wrong}").check()
        screenshot(page, "contests-320-take-answered")
        with page.expect_navigation():
            page.get_by_role("button", name="Nộp bài").click()
        assert page.url.endswith(f"/bai-thi/{attempt.pk}/ket-qua/")
        assert page.locator(".ct-score-number").inner_text() == "4/5"
        assert "Đã nộp bài lúc" in page.locator(".messages").inner_text()
        screenshot(page, "contests-320-result")
        assert _scroll_width(page) <= 320
        # Back to the attempt (never cached): it is closed, the result page says so.
        page.go_back()
        assert page.url.endswith("/ket-qua/")
        assert "Bài thi đã được nộp" in page.locator(".messages").inner_text()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.correct == 4 and attempt.prediction == 7
    assert Attempt.objects.filter(participant=participant).count() == 1


def _site(world) -> dict:
    """Paths of every public contest page, with the cookies they need."""
    LegalDocumentFactory(number="52/2014/QH10", title="Luật Hôn nhân và gia đình")
    for n in range(100, 104):  # practice items: in no round
        item_approved(world, n)
    _first, done_token, done = _finish(world, 1)
    _finish(world, 2, unit=world.other_commune, right=3)
    _finish(world, 3, right=4)
    taker, taker_token = participant_join(world, 4)
    attempt = services.attempt_start(round=world.round, participant=taker)
    slug = world.contest.slug
    return {
        "done": done,
        "done_token": done_token,
        "taker_token": taker_token,
        "attempt": attempt,
        "paths": {
            "index": ("/cuoc-thi/", None),
            "detail": (f"/cuoc-thi/{slug}/", None),
            "detail-registered": (f"/cuoc-thi/{slug}/", taker_token),
            "take": (f"/cuoc-thi/{slug}/bai-thi/{attempt.pk}/", taker_token),
            "result": (f"/cuoc-thi/{slug}/bai-thi/{done.pk}/ket-qua/", done_token),
            "practice-index": ("/luyen-tap/", None),
            "practice-question": (f"/luyen-tap/{CODE}/", None),
            "certificate-find": ("/cuoc-thi/chung-nhan/", None),
        },
    }


def _close_and_certify(world) -> str:
    from pbgdpl.contests import results
    from pbgdpl.contests.models import Certificate

    past = timezone.now() - timedelta(minutes=1)
    Round.objects.filter(pk=world.round.pk).update(closes_at=past)
    # A round's attempts end when it closes at the latest.
    Attempt.objects.filter(round=world.round, deadline__gt=past).update(deadline=past)
    world.round.refresh_from_db()
    results.certificates_issue(actor=world.province_admin, round=world.round)
    return Certificate.objects.order_by("pk").first().code


def test_every_contest_page_is_accessible_light_and_fits_320px(browser, live_server):
    skip_unless_browser_available(axe=True)
    world = contest_world()
    site = _site(world)
    problems: list[str] = []

    def check(name: str, path: str, token: str | None) -> None:
        url = live_server.url + path
        for contrast in (None, "larger.on"):
            with new_page(browser, bypass_csp=True) as page:
                if token:
                    _with_cookie(page, live_server, world, token)
                if contrast:
                    page.context.add_cookies(
                        [{"name": COOKIE_NAME, "value": contrast, "url": live_server.url}]
                    )
                goto(page, url)
                try:
                    assert_no_axe_violations(page)
                except BaseException as err:  # pytest.fail raises a BaseException
                    problems.append(f"{name} ({contrast or 'normal'}): {err}")
                screenshot(page, f"contests-1280-{name}{'-hc' if contrast else ''}")
        with new_page(browser) as page:
            if token:
                _with_cookie(page, live_server, world, token)
            weight = measure_weight(page, url)
            print(f"{name}: {weight.total} bytes")
            if weight.total > MAX_WEIGHT:
                problems.append(f"{name}: {weight.total} bytes > {MAX_WEIGHT}\n{weight.report()}")
            if page.csp_violations:
                problems.append(f"{name}: CSP {page.csp_violations}")
        with new_page(browser, width=320, height=640) as page:
            if token:
                _with_cookie(page, live_server, world, token)
            goto(page, url)
            screenshot(page, f"contests-320-{name}")
            width = _scroll_width(page)
            if width > 320:
                problems.append(f"{name}: scrollWidth {width} at 320 px")

    for name, (path, token) in site["paths"].items():
        check(name, path, token)

    # A practice answer (POST) at both widths.
    for width in (1280, 320):
        with new_page(browser, bypass_csp=True, width=width, height=800) as page:
            goto(page, live_server.url + f"/luyen-tap/{CODE}/")
            page.locator(".ct-choices input").first.check()
            with page.expect_navigation():
                page.get_by_role("button", name="Trả lời").click()
            assert page.locator(".ct-verdict-box").is_visible()
            assert page.get_by_role("button", name="Câu tiếp theo").is_visible()
            try:
                assert_no_axe_violations(page)
            except BaseException as err:
                problems.append(f"practice-answer ({width}): {err}")
            screenshot(page, f"contests-{width}-practice-answer")
            if _scroll_width(page) > width:
                problems.append(f"practice-answer: scrollWidth at {width}")

    # After the round: the leaderboard, the result with answers, a certificate.
    code = _close_and_certify(world)
    slug = world.contest.slug
    after = {
        "leaderboard": (f"/cuoc-thi/{slug}/dot-1/xep-hang/", None),
        "result-closed": (
            f"/cuoc-thi/{slug}/bai-thi/{site['done'].pk}/ket-qua/",
            site["done_token"],
        ),
        "certificate": (f"/cuoc-thi/chung-nhan/{code}/", None),
    }
    for name, (path, token) in after.items():
        check(name, path, token)
    assert not problems, "\n".join(problems)


def test_registration_errors_are_accessible_at_320px(browser, live_server):
    skip_unless_browser_available(axe=True)
    world = contest_world()
    with new_page(browser, bypass_csp=True, width=320, height=800) as page:
        goto(page, f"{live_server.url}/cuoc-thi/{world.contest.slug}/")
        page.get_by_label("Họ và tên").fill("<b>Tên</b>")
        page.get_by_role("textbox", name="Số điện thoại").fill("123")
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng ký", exact=True).click()
        summary = page.locator(".error-summary")
        # contests.js moves the focus to the summary; its links lead to the fields.
        assert page.evaluate("document.activeElement.id") == "loi"
        assert summary.get_by_role("link").count() == 4  # name, phone, commune, consent
        assert page.get_by_label("Họ và tên").get_attribute("aria-invalid") == "true"
        summary.get_by_role("link", name="Số điện thoại không hợp lệ", exact=False).click()
        assert page.evaluate("location.hash") == "#dk-dien-thoai"
        assert_no_axe_violations(page)
        screenshot(page, "contests-320-register-errors")
        assert _scroll_width(page) <= 320
    assert Participant.objects.count() == 0


def test_countdown_autosave_and_submission_at_zero_with_javascript(browser, live_server):
    skip_unless_browser_available(axe=True)
    world = contest_world()
    participant, token = participant_join(world, 1)
    attempt = services.attempt_start(round=world.round, participant=participant)
    url = f"{live_server.url}/cuoc-thi/{world.contest.slug}/bai-thi/{attempt.pk}/"
    answers = correct_answers(attempt)
    item_id, choice_ids = next(iter(answers.items()))
    # With the page's real Content-Security-Policy.
    with new_page(browser, width=320, height=640) as page:
        _with_cookie(page, live_server, world, token)
        goto(page, url)
        timer = page.locator("[data-timer]")
        assert timer.is_visible()
        assert timer.get_attribute("role") == "timer"
        assert timer.get_attribute("aria-live") == "off"
        assert "Còn lại" in timer.inner_text()
        assert page.locator("[data-left]").is_hidden()
        assert page.locator("[data-warning]").get_attribute("aria-live") == "polite"
        # A change is saved at once through the API, without leaving the page.
        page.locator(f"#c-{item_id}-{choice_ids[0]}").check()
        page.get_by_text("Đã lưu lúc", exact=False).wait_for(timeout=5000)
        screenshot(page, "contests-320-take-js", full_page=False)
        assert page.csp_violations == []
    attempt.refresh_from_db()
    assert attempt.answers == {item_id: choice_ids}
    assert attempt.status == AttemptStatus.ACTIVE

    # Near the deadline: the warning, then the form submits itself at zero.
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=4))
    with new_page(browser, bypass_csp=True) as page:
        _with_cookie(page, live_server, world, token)
        goto(page, url)
        assert page.locator(".ct-ending").is_visible()
        screenshot(page, "contests-1280-take-js-ending")
        assert_no_axe_violations(page)
        second_item, second_choices = list(answers.items())[1]
        page.locator(f"#c-{second_item}-{second_choices[0]}").check()
        page.wait_for_url("**/ket-qua/", timeout=15000)
        assert page.locator(".ct-score-number").inner_text() == "2/5"
        screenshot(page, "contests-1280-result-after-zero")
    attempt.refresh_from_db()
    assert attempt.status in (AttemptStatus.SUBMITTED, AttemptStatus.EXPIRED)
    assert attempt.correct == 2
