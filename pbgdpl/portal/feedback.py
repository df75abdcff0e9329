""" "Thông tin này có hữu ích không?": the yes/no answer (and optional comment) at the end of
every public page, kept per page for the satisfaction indicator.

No personal data: no user, no IP address (the rate limit keys on a keyed hash of it, in
the cache only), and the comment is plain text without markup.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from pbgdpl.core.ratelimit import RateLimit, rate_limit_hit
from pbgdpl.core.text import CONTROL_CHARS, plain_text_clean

from .models import PageFeedback
from .routing import content_language_of_path

COMMENT_MAX_CHARS = 1000
PATH_MAX_CHARS = 500
RATE_DEFAULT = (10, 600)  # at most 10 answers per IP address per 10 minutes


class FeedbackError(ValueError):
    """The answer cannot be stored; the message (Vietnamese) says why, for the reader."""


def feedback_path_clean(path: str) -> str:
    """The local path of a page (no query, no fragment), or FeedbackError.

    Accepts only a path on this site: it starts with a single "/", has no scheme or host,
    no backslash or control character, and is at most 500 characters.
    """
    path = (path or "").strip()
    parts = urlsplit(path)
    if (
        not path.startswith("/")
        or path.startswith("//")
        or "\\" in path
        or parts.scheme
        or parts.netloc
        or CONTROL_CHARS.search(path)
        or any(ch in path for ch in "\t\n\r ")
    ):
        raise FeedbackError(_("Địa chỉ trang không hợp lệ."))
    clean = parts.path
    if len(clean) > PATH_MAX_CHARS:
        raise FeedbackError(_("Địa chỉ trang quá dài."))
    return clean


def feedback_comment_clean(comment: str) -> str:
    """The comment as plain text: no HTML, no control characters, NFC, trimmed."""
    return plain_text_clean(comment)


def _page_for_path(path: str, *, site: Site | None) -> Page | None:
    """The live Wagtail page at ``path`` in the page tree of its content language."""
    language = content_language_of_path(path)
    rest = path
    if language in settings.PREFIXED_CONTENT_LANGUAGES:
        rest = path[len(language) + 1 :]
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale)
        if root is None:
            return None
    url_path = root.url_path + rest.lstrip("/")
    if not url_path.endswith("/"):
        url_path += "/"
    return Page.objects.live().filter(url_path=url_path, locale=locale).first()


@transaction.atomic
def page_feedback_record(
    *, path: str, helpful: bool, comment: str = "", language: str = "", site: Site | None = None
) -> PageFeedback:
    """Store one answer for the page at ``path`` (a local path: "/tin-tuc/bai-viet/").

    The answer is linked to the live Wagtail page at that path when there is one (in the
    page tree of the path's content language, on ``site`` or the default site); other
    pages (the legal library, search) are kept by path alone. The comment is stored as
    plain text (HTML and control characters removed). Raises FeedbackError for a path
    that is not local or too long, or a comment over 1,000 characters; nothing is stored.
    """
    clean_path = feedback_path_clean(path)
    if len(comment or "") > COMMENT_MAX_CHARS:
        raise FeedbackError(_("Góp ý tối đa 1.000 ký tự."))
    languages = {code for code, _name in settings.LANGUAGES}
    return PageFeedback.objects.create(
        path=clean_path,
        page=_page_for_path(clean_path, site=site),
        helpful=bool(helpful),
        comment=feedback_comment_clean(comment),
        language=language if language in languages else "",
    )


def page_feedback_summary(*, page: Page | None = None, path: str | None = None) -> dict:
    """Counts of answers for a page (or, without a page, a path).

    Returns ``{"yes": int, "no": int, "share": float | None}`` where ``share`` is the
    fraction of "yes" answers (0–1), None when nobody answered.
    """
    if page is None and path is None:
        raise ValueError("page or path is required")
    answers = PageFeedback.objects.all()
    answers = answers.filter(page=page) if page is not None else answers.filter(path=path)
    counts = answers.aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    yes, no = counts["yes"] or 0, counts["no"] or 0
    return {"yes": yes, "no": no, "share": round(yes / (yes + no), 4) if yes + no else None}


# ----------------------------------------------------------------------------- rate limit
def feedback_rate_limit(request: HttpRequest) -> RateLimit:
    """Count this answer against the sender's limit (settings.PAGE_FEEDBACK_RATE:
    (answers, seconds), default 10 per 10 minutes); see :mod:`pbgdpl.core.ratelimit`."""
    limit, window = getattr(settings, "PAGE_FEEDBACK_RATE", RATE_DEFAULT)
    return rate_limit_hit(request, scope="portal.feedback", limit=limit, window=window)
