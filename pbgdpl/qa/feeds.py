"""Atom and RSS feeds of the published questions and answers.

URLs (``<kind>`` = ``atom`` | ``rss``):

    /hoi-dap/nguon-tin/<kind>/                       every legal field
    /hoi-dap/nguon-tin/<kind>/linh-vuc/<field code>/ one legal field (unknown code: 404)

Each holds the 30 most recently published questions: the public title and wording, a
link to the question's page, the field as category. Never anything about the asker.
Links and ids are absolute on ``settings.SITE_BASE_URL``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from pbgdpl.laws.models import LegalField
from pbgdpl.portal.cache import page_cache
from pbgdpl.portal.seo import ORGANIZATION_NAME, absolute_url

from . import selectors
from .models import Question

FEED_SIZE = 30
FEED_TYPES = {"atom": Atom1Feed, "rss": Rss201rev2Feed}


@dataclass
class QaFeedScope:
    title: str
    description: str
    link: str
    self_url: str
    questions: QuerySet[Question]


class QaFeed(Feed):
    """The newest published questions (of one field when ``code`` is given)."""

    author_name = ORGANIZATION_NAME
    language = "vi"
    ttl = 60

    def __init__(self, kind: str) -> None:
        if kind not in FEED_TYPES:
            raise Http404(_("Không có định dạng nguồn tin này."))
        self.kind = kind
        self.feed_type = FEED_TYPES[kind]

    def get_object(self, request: HttpRequest, code: str = "") -> QaFeedScope:
        questions = selectors.questions_published()
        site = settings.WAGTAIL_SITE_NAME
        if not code:
            return QaFeedScope(
                title=_("Hỏi đáp pháp luật – %(site)s") % {"site": site},
                description=_(
                    "Câu hỏi của người dân, doanh nghiệp và câu trả lời của Sở Tư pháp tỉnh "
                    "Gia Lai, có dẫn căn cứ pháp lý."
                ),
                link=absolute_url(reverse("qa:index")),
                self_url=absolute_url(reverse("qa:feed", kwargs={"kind": self.kind})),
                questions=questions,
            )
        field = LegalField.objects.filter(code=code).first()
        if field is None:
            raise Http404(_("Không có lĩnh vực này."))
        return QaFeedScope(
            title=_("Hỏi đáp lĩnh vực %(field)s – %(site)s") % {"field": field.name, "site": site},
            description=_("Câu hỏi và câu trả lời mới về lĩnh vực %(field)s.")
            % {"field": field.name},
            link=absolute_url(reverse("qa:field", kwargs={"code": field.code})),
            self_url=absolute_url(
                reverse("qa:feed-field", kwargs={"kind": self.kind, "code": field.code})
            ),
            questions=questions.filter(legal_field=field),
        )

    # -- the feed
    def title(self, obj: QaFeedScope) -> str:
        return obj.title

    def description(self, obj: QaFeedScope) -> str:
        return obj.description

    def subtitle(self, obj: QaFeedScope) -> str:
        return obj.description

    def link(self, obj: QaFeedScope) -> str:
        return obj.link

    def feed_url(self, obj: QaFeedScope) -> str:
        return obj.self_url

    def feed_guid(self, obj: QaFeedScope) -> str:
        return obj.self_url

    def items(self, obj: QaFeedScope) -> list[Question]:
        questions = list(obj.questions[:FEED_SIZE])
        for question in questions:
            question.feed_url = absolute_url(selectors.question_url(question))
        return questions

    # -- an item
    def item_title(self, item: Question) -> str:
        return item.title

    def item_description(self, item: Question) -> str:
        return item.public_question

    def item_link(self, item: Question) -> str:
        return item.feed_url

    def item_guid(self, item: Question) -> str:
        return item.feed_url

    def item_pubdate(self, item: Question) -> datetime:
        return item.published_at or item.updated_at

    def item_updateddate(self, item: Question) -> datetime:
        return item.updated_at

    def item_categories(self, item: Question) -> list[str]:
        return [item.legal_field.name]

    def item_author_name(self, item: Question) -> str:
        return ORGANIZATION_NAME


# A Feed object keeps per-request state: one per request. Served from the public page
# cache, which the services drop whenever a question is (un)published.


@page_cache
def qa_feed(request: HttpRequest, kind: str) -> HttpResponse:
    return QaFeed(kind)(request)


@page_cache
def qa_field_feed(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    return QaFeed(kind)(request, code=code)
