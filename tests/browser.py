"""Shared helpers for Chromium tests (accessibility, page weight, no-JS behaviour).

Use from any app's tests::

    import pytest
    from tests.browser import browser, new_page, run_axe  # noqa: F401  (browser is a fixture)

    # live_server needs committed data; the flush after the test removes every row, and
    # tests/conftest.py rebuilds the Wagtail page tree for the tests that follow.
    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

    def test_page(browser, live_server):
        with new_page(browser, bypass_csp=True) as page:
            page.goto(live_server.url + "/")
            assert_no_axe_violations(page)

Chromium is Debian's ``/usr/bin/chromium`` driven by Playwright (no browser download);
axe-core comes from ``node_modules`` (``npm install``). When either is missing the
tests are skipped with a notice saying what to install.

Pages are served with a strict Content-Security-Policy. Only contexts made with
``bypass_csp=True`` may inject axe; every other page records CSP violations in
``page.csp_violations`` (see :func:`new_page`) so tests can assert there are none.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
# Resource types counted in a page's weight (images and fonts aside, per DESIGN §6).
WEIGHT_TYPES = frozenset({"document", "stylesheet", "script"})
SCREENSHOT_DIR_ENV = "BROWSER_SCREENSHOTS"


def skip_unless_browser_available(*, axe: bool = False) -> None:
    """Skip the current test, with the reason, when Chromium (or axe-core) is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install it with `apt-get install chromium`")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the Python package playwright is missing: pip install -e '.[dev]'")
    if axe and not AXE_JS.exists():
        pytest.skip(f"{AXE_JS.relative_to(ROOT)} is missing: run `npm install` in {ROOT}")


@pytest.fixture(scope="session")
def browser(django_db_setup: None, django_db_blocker: Any) -> Iterator[Any]:
    """One headless Chromium for the session (skips when Chromium is absent).

    Playwright's sync API keeps an asyncio loop "running" in this thread while the
    test code runs. Django then (1) refuses ORM calls from the test thread (fixtures,
    flushes) as async-unsafe — allowed here while the browser lives, the live server
    answers from its own threads — and (2) looks database connections up per
    context instead of per thread (asgiref.local), which would hand the tests a new
    connection object without the test database's serialized contents, so
    ``serialized_rollback`` would silently restore nothing. The same connection
    objects are therefore installed in the new context.
    """
    skip_unless_browser_available()
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        thread_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            for alias, connection in thread_connections.items():
                connections[alias] = connection
            chromium = pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextmanager
def new_page(
    browser: Any,
    *,
    width: int = 1280,
    height: int = 800,
    bypass_csp: bool = False,
    java_script_enabled: bool = True,
    **context_options: Any,
) -> Iterator[Any]:
    """A page in a fresh context (own cookies). ``page.csp_violations`` lists CSP reports."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        bypass_csp=bypass_csp,
        java_script_enabled=java_script_enabled,
        locale="vi-VN",
        **context_options,
    )
    page = context.new_page()
    violations: list[str] = []
    page.csp_violations = violations

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    try:
        yield page
    finally:
        context.close()


def goto(page: Any, url: str, *, status: int = 200) -> Any:
    """Navigate and check the status (a missing page must not pass as "0 violations")."""
    response = page.goto(url)
    assert response is not None, url
    assert response.status == status, f"{url}: HTTP {response.status}, expected {status}"
    return response


def run_axe(page: Any, tags: tuple[str, ...] = AXE_TAGS) -> list[dict]:
    """Run axe-core on the loaded page; returns its violations (needs ``bypass_csp=True``)."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
    )
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    """Readable report: rule id, impact, help, and the offending nodes' selectors."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').strip()}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Any, tags: tuple[str, ...] = AXE_TAGS) -> None:
    skip_unless_browser_available(axe=True)
    violations = run_axe(page, tags)
    if violations:
        report = format_violations(violations)
        print(f"axe violations on {page.url}:\n{report}")
        pytest.fail(f"{len(violations)} axe violation(s) on {page.url}:\n{report}")


@dataclass
class PageWeight:
    """Bytes transferred (headers + encoded body) of the responses of the counted types,
    by URL; ``decoded`` holds each body's size once decompressed."""

    responses: dict[str, tuple[str, int]] = field(default_factory=dict)
    decoded: dict[str, int] = field(default_factory=dict)

    @property
    def decoded_total(self) -> int:
        return sum(self.decoded.values())

    @property
    def total(self) -> int:
        return sum(size for _, size in self.responses.values())

    def by_type(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for kind, size in self.responses.values():
            out[kind] = out.get(kind, 0) + size
        return out

    def report(self) -> str:
        rows = [
            f"{size:>8} {kind:<10} {url} ({self.decoded.get(url, 0)} bytes decoded)"
            for url, (kind, size) in self.responses.items()
        ]
        return "\n".join([*rows, f"{self.total:>8} total ({self.decoded_total} decoded)"])


def measure_weight(page: Any, url: str, types: frozenset[str] = WEIGHT_TYPES) -> PageWeight:
    """Load ``url`` in a fresh page and add up what its HTML, CSS and JS cost on the
    network: response headers plus the body as sent (compressed when the server
    compresses it), which is the budget's "transferred" (DESIGN §6). The decoded sizes
    are kept too, for the report. Use a fresh context: a cached file would not be fetched
    again.
    """
    from playwright.sync_api import Error as PlaywrightError

    weight = PageWeight()
    pending: list[Any] = []

    def on_response(response: Any) -> None:
        if response.request.resource_type in types:
            pending.append(response)

    page.on("response", on_response)
    goto(page, url)
    page.wait_for_load_state("networkidle")
    for response in pending:
        try:
            decoded = len(response.body())
        except PlaywrightError:  # redirects have no body
            decoded = 0
        sizes = response.request.sizes()
        sent = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        weight.responses[response.url] = (response.request.resource_type, sent)
        weight.decoded[response.url] = decoded
    page.remove_listener("response", on_response)
    return weight


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path | None:
    """Save a PNG into $BROWSER_SCREENSHOTS (when set) for a person to look at."""
    directory = os.environ.get(SCREENSHOT_DIR_ENV)
    if not directory:
        return None
    path = Path(directory) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    return path
