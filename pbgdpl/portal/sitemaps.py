"""Sitemaps and robots.txt.

``/sitemap.xml`` is a sitemap index; it lists one sitemap per section, paged
(``/sitemap-<section>.xml?p=2`` …) so that each stays small however large the library
grows:

    trang     every live, public Wagtail page in every content language, with its
              translations as hreflang alternates
    van-ban   every legal document of the library

Every location is absolute on ``settings.SITE_BASE_URL`` (never the Wagtail Site's
hostname nor the request's Host header).
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from pbgdpl.laws.models import LegalDocument
from pbgdpl.laws.selectors import document_url

from .seo import absolute_url, page_path

SITEMAP_PAGE_SIZE = 1000
ROBOTS_DISALLOW = (
    "/admin/",
    "/tai-khoan/",
    "/api/",
    "/tim-kiem/",
    "/hien-thi/",
    "/ngon-ngu/",
    "/i18n/",
    "/_util/",
)


class _BaseUrlSite:
    """What Django's Sitemap asks of a "site": the host (and path) of SITE_BASE_URL."""

    def __init__(self) -> None:
        parts = urlsplit(settings.SITE_BASE_URL)
        self.protocol = parts.scheme or "https"
        self.domain = parts.netloc + parts.path.rstrip("/")


class PageSitemap(Sitemap):
    """Live public pages below the default site's home page and its translations."""

    limit = SITEMAP_PAGE_SIZE

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request

    def items(self) -> QuerySet[Page]:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        roots = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        under = Q()
        for path in roots:
            under |= Q(path__startswith=path)
        return Page.objects.live().public().filter(under).select_related("locale").order_by("path")

    def lastmod(self, page: Page):
        return page.last_published_at or page.latest_revision_created_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain) -> list[dict]:
        pages = list(self.paginator.page(page).object_list)
        # Every translation of the pages listed here, for their hreflang alternates.
        keys = {p.translation_key for p in pages}
        siblings = defaultdict(list)
        for other in self.items().filter(translation_key__in=keys):
            path = page_path(other, self.request)
            if path:
                siblings[other.translation_key].append(
                    (other.locale.language_code, absolute_url(path))
                )
        order = {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
        urls = []
        latest = None
        for item in pages:
            path = page_path(item, self.request)
            if not path:
                continue
            lastmod = self.lastmod(item)
            if lastmod and (latest is None or lastmod > latest):
                latest = lastmod
            alternates = []
            translations = sorted(siblings[item.translation_key], key=lambda t: order.get(t[0], 99))
            if len(translations) > 1:
                alternates = [{"lang_code": code, "location": loc} for code, loc in translations]
                alternates += [
                    {"lang_code": "x-default", "location": loc}
                    for code, loc in translations
                    if code == settings.LANGUAGE_CODE
                ]
            urls.append(
                {
                    "item": item,
                    "location": absolute_url(path),
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        self.latest_lastmod = latest
        return urls


class LegalDocumentSitemap(Sitemap):
    """Every legal document of the library, at its stable /eli/vn/… address."""

    limit = SITEMAP_PAGE_SIZE

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request

    def items(self) -> QuerySet[LegalDocument]:
        return LegalDocument.objects.only("id", "eli", "updated_at").order_by("id")

    def location(self, document: LegalDocument) -> str:
        return document_url(document)

    def lastmod(self, document: LegalDocument):
        return document.updated_at

    def get_latest_lastmod(self):
        return LegalDocument.objects.aggregate(latest=Max("updated_at"))["latest"]


SECTIONS: dict[str, type[Sitemap]] = {"trang": PageSitemap, "van-ban": LegalDocumentSitemap}


def sitemap_section_register(name: str, sitemap_class: type[Sitemap]) -> None:
    """Add a feature app's sitemap as section ``name`` (``/sitemap-<name>.xml``, listed in
    the index). Call it from the app's ``AppConfig.ready()``; the class is built with the
    request (``sitemap_class(request)``) and must give absolute-path locations. Registering
    the same name again replaces the class."""
    SECTIONS[name] = sitemap_class


def _tag_noindex(response: HttpResponse) -> HttpResponse:
    response.headers["X-Robots-Tag"] = "noindex, noarchive"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The sitemap index: every page of every section's sitemap."""
    entries = []
    for section, sitemap_class in SECTIONS.items():
        sitemap = sitemap_class(request)
        location = absolute_url(reverse("sitemap-section", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        pages = max(1, sitemap.paginator.num_pages)
        entries.append(SitemapIndexItem(location, lastmod))
        entries += [
            SitemapIndexItem(f"{location}?p={number}", lastmod) for number in range(2, pages + 1)
        ]
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    return _tag_noindex(response)


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One page (``?p=``) of one section's sitemap; 404 for an unknown section or page."""
    sitemap_class = SECTIONS.get(section)
    if sitemap_class is None:
        raise Http404(_("Không có sơ đồ trang này."))
    site = _BaseUrlSite()
    try:
        urls = sitemap_class(request).get_urls(
            page=request.GET.get("p", 1), site=site, protocol=site.protocol
        )
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("Không có trang này của sơ đồ trang.")) from None
    response = TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
    return _tag_noindex(response)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: everything public may be crawled except back-office, account and
    endless (search results) or state-changing (display, language) URLs."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += ["Allow: /", "", f"Sitemap: {absolute_url(reverse('sitemap-index'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
