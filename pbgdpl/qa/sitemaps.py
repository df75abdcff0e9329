"""The published questions in the sitemap (section "hoi-dap": ``/sitemap-hoi-dap.xml``).

Registered by the app with ``pbgdpl.portal.sitemaps.sitemap_section_register("hoi-dap",
QaSitemap)``; the portal's sitemap views put every location on
``settings.SITE_BASE_URL``.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.http import HttpRequest

from pbgdpl.portal.sitemaps import SITEMAP_PAGE_SIZE

from . import selectors
from .models import Question

SECTION = "hoi-dap"


class QaSitemap(Sitemap):
    """Every published question at its public address, last changed at ``updated_at``."""

    limit = SITEMAP_PAGE_SIZE

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request

    def items(self) -> QuerySet[Question]:
        return (
            selectors.questions_published()
            .select_related(None)
            .prefetch_related(None)
            .only("id", "title", "updated_at")
            .order_by("id")
        )

    def location(self, question: Question) -> str:
        return selectors.question_url(question)

    def lastmod(self, question: Question):
        return question.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
