"""Atom and RSS feeds of the portal's articles.

URLs (both formats, ``<kind>`` = ``atom`` | ``rss``):

    /nguon-tin/<kind>/                         the whole site (Vietnamese articles)
    /nguon-tin/<kind>/?ngon_ngu=en             the whole site in another content language
    /nguon-tin/<kind>/chuyen-muc/<page id>/    the articles below one section (chuyên mục,
                                               tủ sách, trang tin cơ sở), in its language
    /nguon-tin/<kind>/linh-vuc/<field code>/   the articles of one legal field
                                               (``?ngon_ngu=`` as for the whole site)

Each feed holds the 30 newest live, public articles. Links and ids are absolute URLs on
``settings.SITE_BASE_URL``. An unknown section, field or language is a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from pbgdpl.laws.models import LegalField

from .cache import page_cache
from .models import ArticlePage, BookshelfPage, SectionPage, UnitAreaPage
from .selectors import articles_live, articles_under
from .seo import (
    ORGANIZATION_NAME,
    absolute_url,
    article_published_at,
    feed_path,
    page_absolute_url,
)

FEED_SIZE = 30
FEED_TYPES = {"atom": Atom1Feed, "rss": Rss201rev2Feed}
LISTING_TYPES = (SectionPage, BookshelfPage, UnitAreaPage)


@dataclass
class FeedScope:
    """What one feed covers: its texts, its links and its articles."""

    title: str
    description: str
    link: str
    self_url: str
    language: str
    articles: QuerySet[ArticlePage]
    request: HttpRequest


def _locale(request: HttpRequest) -> Locale:
    """The content language asked for with ``?ngon_ngu=`` (Vietnamese by default)."""
    code = request.GET.get("ngon_ngu", "") or settings.LANGUAGE_CODE
    known = {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    locale = Locale.objects.filter(language_code=code).first() if code in known else None
    if locale is None:
        raise Http404(_("Không có nguồn tin bằng ngôn ngữ này."))
    return locale


def _home_url(locale: Locale, request: HttpRequest) -> str:
    from .models import HomePage

    home = HomePage.objects.live().filter(locale=locale).order_by("path").first()
    return (page_absolute_url(home, request) if home else "") or absolute_url("/")


class ArticleFeed(Feed):
    """The shared behaviour: items, their links, dates and categories."""

    author_name = ORGANIZATION_NAME
    ttl = 60

    def __init__(self, kind: str) -> None:
        if kind not in FEED_TYPES:
            raise Http404(_("Không có định dạng nguồn tin này."))
        self.kind = kind
        self.feed_type = FEED_TYPES[kind]

    # -- the feed
    def title(self, obj: FeedScope) -> str:
        return obj.title

    def description(self, obj: FeedScope) -> str:
        return obj.description

    def subtitle(self, obj: FeedScope) -> str:
        return obj.description

    def link(self, obj: FeedScope) -> str:
        return obj.link

    def feed_url(self, obj: FeedScope) -> str:
        return obj.self_url

    def feed_guid(self, obj: FeedScope) -> str:
        return obj.self_url

    def get_feed(self, obj: FeedScope, request: HttpRequest):
        self.language = obj.language
        return super().get_feed(obj, request)

    def items(self, obj: FeedScope) -> list[ArticlePage]:
        articles = list(
            obj.articles.select_related("locale").prefetch_related("legal_fields")[:FEED_SIZE]
        )
        for article in articles:
            article.feed_url = page_absolute_url(article, obj.request)
        return [article for article in articles if article.feed_url]

    # -- an item
    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.feed_url

    def item_guid(self, item: ArticlePage) -> str:
        return item.feed_url

    def item_pubdate(self, item: ArticlePage) -> datetime:
        return article_published_at(item)

    def item_updateddate(self, item: ArticlePage) -> datetime:
        return item.last_published_at or article_published_at(item)

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [legal_field.name for legal_field in item.legal_fields.all()]

    def item_author_name(self, item: ArticlePage) -> str:
        return ORGANIZATION_NAME


class SiteFeed(ArticleFeed):
    """The newest articles of the whole site in one content language."""

    def get_object(self, request: HttpRequest) -> FeedScope:
        locale = _locale(request)
        language = locale.language_code
        with translation.override(language):  # the feed's texts in the feed's language
            title = _("%(site)s – Bài viết mới") % {"site": settings.WAGTAIL_SITE_NAME}
            description = _(
                "Tin tức, hướng dẫn, tình huống pháp luật và tài liệu mới nhất của cổng phổ "
                "biến, giáo dục pháp luật – Sở Tư pháp tỉnh Gia Lai."
            )
        return FeedScope(
            title=title,
            description=description,
            link=_home_url(locale, request),
            self_url=absolute_url(feed_path(self.kind, language=language)),
            language=language,
            articles=articles_live(locale=locale),
            request=request,
        )


class SectionFeed(ArticleFeed):
    """The newest articles below one section (or bookshelf, or commune news area)."""

    def get_object(self, request: HttpRequest, page_id: int) -> FeedScope:
        page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
        page = page.specific if page is not None else None
        if not isinstance(page, LISTING_TYPES):
            raise Http404(_("Không có chuyên mục này."))
        language = page.locale.language_code
        with translation.override(language):
            title = _("%(section)s – %(site)s") % {
                "section": page.title,
                "site": settings.WAGTAIL_SITE_NAME,
            }
            description = page.intro or _("Bài viết mới của chuyên mục “%(section)s”.") % {
                "section": page.title
            }
        return FeedScope(
            title=title,
            description=description,
            link=page_absolute_url(page, request) or absolute_url("/"),
            self_url=absolute_url(feed_path(self.kind, section_id=page.pk)),
            language=language,
            articles=articles_under(page),
            request=request,
        )


class FieldFeed(ArticleFeed):
    """The newest articles of one legal field (lĩnh vực) in one content language."""

    def get_object(self, request: HttpRequest, code: str) -> FeedScope:
        legal_field = LegalField.objects.filter(code=code).first()
        if legal_field is None:
            raise Http404(_("Không có lĩnh vực này."))
        locale = _locale(request)
        language = locale.language_code
        with translation.override(language):
            title = _("Lĩnh vực %(field)s – %(site)s") % {
                "field": legal_field.name,
                "site": settings.WAGTAIL_SITE_NAME,
            }
            description = _("Bài viết mới về lĩnh vực %(field)s.") % {"field": legal_field.name}
        return FeedScope(
            title=title,
            description=description,
            link=_home_url(locale, request),
            self_url=absolute_url(
                feed_path(self.kind, field_code=legal_field.code, language=language)
            ),
            language=language,
            articles=articles_live(locale=locale).filter(legal_fields=legal_field),
            request=request,
        )


# The views. A Feed object keeps per-request state, so each request gets its own. The
# responses share the public page cache, dropped whenever a page is (un)published.


@page_cache
def site_feed(request: HttpRequest, kind: str) -> HttpResponse:
    return SiteFeed(kind)(request)


@page_cache
def section_feed(request: HttpRequest, kind: str, page_id: int) -> HttpResponse:
    return SectionFeed(kind)(request, page_id=page_id)


@page_cache
def field_feed(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    return FieldFeed(kind)(request, code=code)
