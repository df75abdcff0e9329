"""The anonymous page cache: hits and misses, invalidation, who is never cached."""

import os
import socket
import uuid

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from pbgdpl.portal.cache import page_cache, page_cache_generation, page_cache_invalidate
from pbgdpl.portal.context_processors import COOKIE_NAME
from pbgdpl.portal.models import NewsPage, SectionPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _generation_file(settings, tmp_path):
    """Each test gets its own machine-wide generation file (the local-memory cache)."""
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "page_cache_generation"
    settings.PAGE_CACHE_SECONDS = 300
    return settings.PAGE_CACHE_GENERATION_FILE


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def publish_news(home, title: str) -> NewsPage:
    section = SectionPage.objects.child_of(home).filter(slug="tin-tuc").first()
    if section is None:
        section = home.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    page = section.add_child(
        instance=NewsPage(title=title, slug=f"tin-{uuid.uuid4().hex[:8]}", summary="Tóm tắt.")
    )
    page.save_revision().publish()
    return page


def test_second_anonymous_request_is_a_hit_with_the_same_bytes(client, home_page):
    first = client.get("/")
    assert first.status_code == 200
    assert cache_state(first) == "miss"
    second = client.get("/")
    assert second.status_code == 200
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # Pages differ by the preference cookies: shared caches must know it, hit or miss.
    assert "Cookie" in second["Vary"]
    # The headers the middleware stack adds are there on a hit too.
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert second[header] == first[header], header


@pytest.fixture(params=["middleware", "decorator-only"])
def cache_layers(request, settings):
    """The site runs with PageCacheMiddleware; the decorator must also work on its own."""
    if request.param == "decorator-only":
        settings.MIDDLEWARE = [
            m for m in settings.MIDDLEWARE if not m.endswith("PageCacheMiddleware")
        ]
    return request.param


def test_hits_and_misses_with_and_without_the_middleware(client, home_page, cache_layers):
    assert cache_state(client.get("/")) == "miss"
    hit = client.get("/")
    assert cache_state(hit) == "hit"
    assert "Cookie" in hit["Vary"]
    publish_news(home_page, "Tin mới đăng")
    fresh = client.get("/")
    assert cache_state(fresh) == "miss"
    assert "Tin mới đăng" in fresh.content.decode()
    client.cookies["sessionid"] = "x"
    assert cache_state(client.get("/")) is None


def test_the_middleware_caches_only_views_that_opted_in(client, db):
    # The legal library and the health check are not Wagtail pages: never stored.
    for path in ("/van-ban/", "/healthz"):
        client.get(path)
        assert cache_state(client.get(path)) is None


def test_a_page_that_sets_a_cookie_in_middleware_is_not_stored(client, home_page):
    """A cookie added outside the view (here the CSRF cookie of a page using a token) keeps
    the final response out of the cache."""
    from django.middleware.csrf import get_token

    from pbgdpl.portal.models import HomePage

    original = HomePage.get_context

    def with_token(self, request, *args, **kwargs):
        get_token(request)
        return original(self, request, *args, **kwargs)

    HomePage.get_context = with_token
    try:
        first = client.get("/")
        assert "csrftoken" in first.cookies
        client.cookies.clear()
        assert cache_state(client.get("/")) == "miss"
    finally:
        HomePage.get_context = original


def test_head_is_served_from_the_entry_of_get(client, home_page):
    client.get("/")
    assert cache_state(client.head("/")) == "hit"


def test_a_hit_runs_no_query(client, home_page, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        assert cache_state(client.get("/")) == "hit"


def test_query_string_is_part_of_the_key(client, home_page):
    client.get("/")
    assert cache_state(client.get("/?trang=2")) == "miss"
    assert cache_state(client.get("/?trang=2")) == "hit"


def test_publishing_a_new_page_shows_on_the_cached_home_page(client, home_page):
    publish_news(home_page, "Tin thứ nhất")
    assert "Tin thứ nhất" in client.get("/").content.decode()
    assert cache_state(client.get("/")) == "hit"

    publish_news(home_page, "Hội nghị tập huấn hòa giải cơ sở")
    response = client.get("/")
    assert cache_state(response) == "miss"
    assert "Hội nghị tập huấn hòa giải cơ sở" in response.content.decode()


def test_unpublishing_drops_the_page_from_the_cached_home_page(client, home_page):
    page = publish_news(home_page, "Tin sẽ bị gỡ")
    assert "Tin sẽ bị gỡ" in client.get("/").content.decode()
    page.unpublish()
    response = client.get("/")
    assert cache_state(response) == "miss"
    assert "Tin sẽ bị gỡ" not in response.content.decode()


def test_invalidate_changes_the_generation():
    before = page_cache_generation()
    assert page_cache_generation() == before
    page_cache_invalidate()
    assert page_cache_generation() != before


def test_another_process_bumping_the_generation_file_is_seen(client, home_page, _generation_file):
    """With the process-local memory cache, another worker's invalidation reaches this one
    through the generation file (what page_cache_invalidate does in that worker)."""
    client.get("/")
    assert cache_state(client.get("/")) == "hit"
    replacement = _generation_file.with_name("from-another-process")
    replacement.write_text("x")
    os.replace(replacement, _generation_file)
    assert cache_state(client.get("/")) == "miss"


def test_logged_in_users_are_never_cached(client, home_page):
    client.get("/")  # an anonymous entry exists
    client.force_login(UserFactory())
    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200
        assert cache_state(response) is None


def test_a_session_cookie_bypasses_the_cache(client, home_page):
    client.get("/")
    client.cookies["sessionid"] = "anything"
    for _ in range(2):
        assert cache_state(client.get("/")) is None


def test_a_pending_message_bypasses_the_cache(client, home_page):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert cache_state(client.get("/")) is None


def test_display_cookie_variants_are_cached_apart(client, home_page):
    plain = client.get("/")
    assert cache_state(plain) == "miss"
    assert 'class="fs-large hc"' not in plain.content.decode()

    client.cookies[COOKIE_NAME] = "large.on"
    large = client.get("/")
    assert cache_state(large) == "miss"
    assert 'class="fs-large hc"' in large.content.decode()
    assert cache_state(client.get("/")) == "hit"

    # A tampered value means the defaults: it shares the defaults' entry.
    client.cookies[COOKIE_NAME] = "<script>.x"
    tampered = client.get("/")
    assert cache_state(tampered) == "hit"
    assert tampered.content == plain.content


def test_language_cookie_variants_are_cached_apart(client, home_page):
    vietnamese = client.get("/")
    client.cookies["django_language"] = "en"
    english = client.get("/")
    assert cache_state(english) == "miss"
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="vi"' in vietnamese.content.decode()
    assert cache_state(client.get("/")) == "hit"
    del client.cookies["django_language"]
    assert client.get("/").content == vietnamese.content


def test_not_found_is_not_cached(client, home_page):
    for _ in range(2):
        response = client.get("/khong-co-trang-nay/")
        assert response.status_code == 404
        assert cache_state(response) != "hit"


def test_post_is_not_cached(client, home_page):
    client.get("/")
    assert cache_state(client.post("/")) is None


# --- responses the decorator must not store (a plain view, through RequestFactory) -------


def _anonymous_get(path="/x/"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    "make_response",
    [
        pytest.param(lambda n: _with_cookie(HttpResponse(f"v{n}")), id="set-cookie"),
        pytest.param(lambda n: _with_cc(HttpResponse(f"v{n}"), "private"), id="private"),
        pytest.param(lambda n: _with_cc(HttpResponse(f"v{n}"), "no-cache"), id="no-cache"),
        pytest.param(lambda n: HttpResponse(f"v{n}", status=201), id="non-200"),
    ],
)
def test_unshareable_responses_are_not_stored(make_response):
    calls = []

    @page_cache
    def view(request):
        calls.append(1)
        return make_response(len(calls))

    first = view(_anonymous_get())
    second = view(_anonymous_get())
    assert cache_state(second) == "miss"
    assert (first.content, second.content) == (b"v1", b"v2")


def test_a_response_that_used_a_csrf_token_is_not_stored():
    from django.middleware.csrf import get_token

    @page_cache
    def view(request):
        return HttpResponse(get_token(request))

    view(_anonymous_get())
    assert cache_state(view(_anonymous_get())) == "miss"


def test_a_preview_is_not_cached():
    @page_cache
    def view(request):
        return HttpResponse("preview")

    request = _anonymous_get()
    request.is_preview = True
    assert cache_state(view(request)) is None


def _with_cookie(response):
    response.set_cookie("x", "1")
    return response


def _with_cc(response, value):
    response["Cache-Control"] = value
    return response


# --- a cache shared by several app servers -------------------------------------------------


def _redis_url() -> str | None:
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    host_port = url.split("://", 1)[1].split("/", 1)[0]
    host, _, port = host_port.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port or 6379)), timeout=0.3):
            return url
    except OSError:
        return None


def test_invalidation_through_a_shared_redis_cache(client, home_page, settings):
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis server reachable (set REDIS_URL)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    from django.core.cache import caches

    other_server = caches.create_connection("default")  # a second client of the same Redis
    try:
        assert cache_state(client.get("/")) == "miss"
        assert cache_state(client.get("/")) == "hit"
        # Another app server publishes: it bumps the shared generation.
        other_server.set("portal:page-cache:generation", "from-another-server", None)
        assert cache_state(client.get("/")) == "miss"
        assert cache_state(client.get("/")) == "hit"
    finally:
        caches["default"].clear()


def test_an_unwritable_generation_file_does_not_break_pages(client, home_page, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings.PAGE_CACHE_GENERATION_FILE = blocker / "page_cache_generation"  # parent is a file
    assert cache_state(client.get("/")) == "miss"
    assert cache_state(client.get("/")) == "hit"
    page_cache_invalidate()
    assert client.get("/").status_code == 200


def test_gzip_and_plain_clients_get_their_own_cached_copy(client):
    import gzip

    first = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert first["Content-Encoding"] == "gzip" and first["X-Page-Cache"] == "miss"
    hit = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == gzip.decompress(first.content)
    plain = client.get("/")
    assert plain["X-Page-Cache"] == "miss" and "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(hit.content)
    assert client.get("/")["X-Page-Cache"] == "hit"
