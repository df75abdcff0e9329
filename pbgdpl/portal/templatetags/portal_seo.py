"""Template tags for what machines read in a page's <head> (see pbgdpl.portal.seo).

{% load portal_seo %}
{% portal_head_meta as meta %}          Open Graph, canonical, hreflang, feeds, JSON-LD
{% legislation_jsonld document status %} a legal document's schema.org Legislation
"""

from django import template
from django.utils.safestring import SafeString

from pbgdpl.portal import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_head_meta(context) -> seo.HeadMeta:
    """The head data of whatever this context renders (works without page or request)."""
    return seo.head_meta(context)


@register.simple_tag
def legislation_jsonld(document, status=None) -> SafeString:
    """``<script type="application/ld+json">`` with the document's Legislation data;
    ``status`` is its status in force today when the view already computed it."""
    if document is None:
        return SafeString("")
    return seo.jsonld_script(seo.legislation_jsonld(document, status=status))
