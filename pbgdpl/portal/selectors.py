"""Reads for the public portal: lists, an article's context, citations, translations, the
chosen commune's content, and the anonymous page views by commune (for the indicators)."""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Locale, Page

from pbgdpl.laws.models import LegalField
from pbgdpl.laws.selectors import CitationLink, citation_links
from pbgdpl.people.communes import Commune

from .models import ArticlePage, Audience, LocalPageView, PageCitation

PER_PAGE = 12


def articles_live(*, locale: Locale | None = None) -> QuerySet[ArticlePage]:
    """Every published, public article (all types), newest first."""
    qs = ArticlePage.objects.live().public()
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs.order_by("-date", "-first_published_at", "-id")


def articles_published_by_id(ids: list[str]) -> QuerySet[ArticlePage]:
    """The published, public articles among ``ids`` (strings; others ignored), specific,
    with what search and the exchange read of them."""
    keys = [int(i) for i in ids if str(i).isdigit()]
    return (
        ArticlePage.objects.live()
        .public()
        .filter(id__in=keys)
        .specific()
        .select_related("locale")
        .prefetch_related("legal_fields", "audiences", "citations")
    )


def article_ids_published():
    """The ids of every published, public article (an iterator, for full rebuilds)."""
    return (
        ArticlePage.objects.live().public().order_by("pk").values_list("pk", flat=True).iterator()
    )


def articles_under(parent: Page) -> QuerySet[ArticlePage]:
    """Published public articles anywhere below ``parent``, newest first."""
    return articles_live().descendant_of(parent)


def _int_param(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() else None


def listing_context(*, request: HttpRequest, parent: Page, per_page: int = PER_PAGE) -> dict:
    """Context of a listing page: the articles below ``parent`` filtered by ``linh_vuc``
    (legal field code) and ``doi_tuong`` (audience code), one page of them, and the
    filter choices that have at least one article."""
    qs = articles_under(parent)
    field_code = request.GET.get("linh_vuc", "")
    audience_code = request.GET.get("doi_tuong", "")
    if field_code:
        qs = qs.filter(legal_fields__code=field_code)
    if audience_code:
        qs = qs.filter(audiences__code=audience_code)
    paginator = Paginator(qs.specific().select_related("feed_image"), per_page)
    page_number = _int_param(request, "trang") or 1
    listing = paginator.get_page(page_number)
    under = articles_under(parent)
    query = request.GET.copy()
    query.pop("trang", None)
    return {
        "articles": listing,
        "filter_query": query.urlencode(),
        "page_languages": page_translations(parent),
        "field_choices": LegalField.objects.filter(portal_pages__in=under).distinct(),
        "audience_choices": Audience.objects.filter(pages__in=under).distinct(),
        "field_code": field_code,
        "audience_code": audience_code,
    }


def citations_for_page(page: ArticlePage) -> list[CitationLink]:
    """The page's citations with links into the legal library (three queries)."""
    rows = list(PageCitation.objects.filter(page=page).order_by("sort_order", "id"))
    return citation_links(rows)


def page_translations(page: Page) -> list[Page]:
    """The live translations of ``page`` (itself included), in the configured order."""
    from django.conf import settings

    order = {code: i for i, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    pages = list(page.get_translations(inclusive=True).live().public().select_related("locale"))
    return sorted(pages, key=lambda p: order.get(p.locale.language_code, 99))


def related_articles(page: ArticlePage, *, limit: int = 4) -> list[ArticlePage]:
    """Other live articles sharing a legal field with ``page``, newest first."""
    field_ids = list(page.legal_fields.values_list("id", flat=True))
    if not field_ids:
        return []
    return list(
        articles_live(locale=page.locale)
        .filter(legal_fields__in=field_ids)
        .exclude(id=page.id)
        .distinct()[:limit]
    )


def article_context(*, request: HttpRequest, page: ArticlePage) -> dict:
    """Context of an article page: citations as links, fields, audiences, related."""
    from .audio import article_audio_player

    return {
        "page_languages": page_translations(page),
        "citations": citations_for_page(page),
        "page_fields": list(page.legal_fields.all()),
        "page_audiences": list(page.audiences.all()),
        "related": related_articles(page),
        "audio": article_audio_player(page),  # portal/includes/audio_player.html
    }


def home_context(*, request: HttpRequest, home: Page) -> dict:
    """Context of the home page: latest articles of the home's language, by type."""
    from .models import GuidancePage, HandbookPage, LegalCasePage, MediaPage, NewsPage

    def latest(model, n):
        return list(
            model.objects.live()
            .public()
            .filter(locale=home.locale)
            .order_by("-date", "-id")
            .select_related("feed_image")[:n]
        )

    return {
        "local": local_content(request=request, locale=home.locale),
        "latest_news": latest(NewsPage, 5),
        "latest_guidance": latest(GuidancePage, 4),
        "latest_cases": latest(LegalCasePage, 3),
        "latest_media": latest(MediaPage, 3),
        "latest_handbooks": latest(HandbookPage, 4),
        "audiences": Audience.objects.all(),
        "news_section": news_section(locale=home.locale),
        "page_languages": page_translations(home),
    }


@dataclass
class LocalContent:
    """What the home page shows first for a reader who chose a commune."""

    commune: Commune
    area: Page | None  # the commune's news area (UnitAreaPage) in this language
    articles: list[ArticlePage]
    answers: list[tuple[str, str]]  # (title, url) of published Q&A answers of the commune


LOCAL_ARTICLES = 4
LOCAL_ANSWERS = 3


def local_content(*, request: HttpRequest | None, locale: Locale) -> LocalContent | None:
    """The chosen commune's latest articles (from its news area in ``locale``) and
    published Q&A answers (questions asked from there); None when no commune is chosen."""
    from pbgdpl.qa.selectors import question_url, questions_published

    from .local import local_commune
    from .models import UnitAreaPage

    commune = local_commune(request)
    if commune is None:
        return None
    area = (
        UnitAreaPage.objects.live()
        .public()
        .filter(unit_id=commune.id, locale=locale)
        .order_by("path")
        .first()
    )
    articles = (
        list(articles_under(area).specific().select_related("feed_image")[:LOCAL_ARTICLES])
        if area is not None
        else []
    )
    answers = [
        (q.title, question_url(q))
        for q in questions_published()
        .filter(unit_id=commune.id)
        .select_related(None)
        .prefetch_related(None)
        .only("pk", "title")[:LOCAL_ANSWERS]
    ]
    return LocalContent(commune=commune, area=area, articles=articles, answers=answers)


def news_section(*, locale: Locale) -> Page | None:
    """The top-level section holding the most news of a language (the "all news" link)."""
    from .models import NewsPage, SectionPage

    best, best_count = None, 0
    for section in SectionPage.objects.live().filter(locale=locale, depth=3):
        count = NewsPage.objects.live().descendant_of(section).count()
        if count > best_count:
            best, best_count = section, count
    return best


def articles_for_field(code: str) -> tuple[LegalField | None, QuerySet[ArticlePage]]:
    """A legal field by code and its live articles (all languages), newest first."""
    field = LegalField.objects.filter(code=code).first()
    if field is None:
        return None, ArticlePage.objects.none()
    return field, articles_live().filter(legal_fields=field)


def articles_for_audience(code: str) -> tuple[Audience | None, QuerySet[ArticlePage]]:
    """An audience by code and its live articles (all languages), newest first."""
    audience = Audience.objects.filter(code=code).first()
    if audience is None:
        return None, ArticlePage.objects.none()
    return audience, articles_live().filter(audiences=audience)


def local_page_views(*, date_from: date, date_to: date) -> list[tuple[int, date, int]]:
    """Anonymous page views by the commune the readers chose, per day, for the days
    ``date_from``..``date_to`` (both included): ``[(unit_id, day, views), …]`` by day then
    unit. Views of readers who chose no commune are not counted anywhere. Counts still
    buffered in a web process (``services.local_page_view_add``) appear once written."""
    return list(
        LocalPageView.objects.filter(day__gte=date_from, day__lte=date_to, count__gt=0)
        .order_by("day", "unit_id")
        .values_list("unit_id", "day", "count")
    )
