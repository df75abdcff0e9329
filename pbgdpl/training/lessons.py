"""Lesson texts: the one cleaning of a lesson's rich text. The catalogue stores lessons in
Wagtail's database format cleaned here; the learner page shows the stored text expanded
(links resolved) — the same cleaning applies again on display, so a row written any
other way (an old import, a direct database edit) cannot put a script on the page."""

from django.utils.html import linebreaks, strip_tags
from django.utils.safestring import SafeString, mark_safe

# Headings below the page's <h1>, emphasis, lists, links (http(s), mailto, tel): no images
# (another origin would break the CSP), scripts, styles, iframes or event handlers.
LESSON_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def lesson_html_clean(html: str) -> str:
    """Rich text as stored: only the :data:`LESSON_FEATURES` elements and link addresses
    that are http(s), mailto or tel survive (no scripts, styles, event handlers, images,
    iframes, javascript: links), in Wagtail's database format, well formed for its
    editor."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    html = (html or "").strip()
    if not html:
        return ""
    whitelisted = EditorHTMLConverter(features=LESSON_FEATURES).to_database_format(html)
    converter = ContentstateConverter(features=LESSON_FEATURES)
    try:
        cleaned = converter.to_database_format(converter.from_database_format(whitelisted))
    except Exception:  # the editor's converter is strict; the whitelisted text is safe
        cleaned = whitelisted
    return "" if not strip_tags(cleaned).strip() else cleaned


def lesson_html(body: str) -> SafeString:
    """A lesson's text as HTML safe to show: rich text cleaned by
    :func:`lesson_html_clean` with its links expanded; plain text as paragraphs."""
    body = body or ""
    if "<" not in body:
        return mark_safe(linebreaks(body, autoescape=True))  # noqa: S308 (escaped)
    from wagtail.rich_text import expand_db_html

    return mark_safe(expand_db_html(lesson_html_clean(body)))  # noqa: S308 (cleaned)
