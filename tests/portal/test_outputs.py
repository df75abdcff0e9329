"""The portal's standard outputs: Atom/RSS feeds, sitemaps, robots.txt, Open Graph,
schema.org JSON-LD, canonical/hreflang and feed links in the <head>."""

import json
import re
from datetime import date, datetime

import pytest
from defusedxml import ElementTree as ET
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction

from pbgdpl.laws.models import DocumentType, IssuingBody, LegalField
from pbgdpl.laws.selectors import document_url
from pbgdpl.portal import sitemaps
from pbgdpl.portal.models import (
    BookshelfPage,
    GuidancePage,
    HomePage,
    NewsPage,
    PageCitation,
    SectionPage,
)
from tests.factories import LegalDocumentFactory

pytestmark = pytest.mark.django_db

BASE = "https://pbgdpl.example.vn"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def _base_url(settings, tmp_path):
    settings.SITE_BASE_URL = BASE
    settings.MEDIA_ROOT = tmp_path


def home() -> HomePage:
    return HomePage.objects.get(locale__language_code="vi")


def draft(parent, page):
    """Add ``page`` below ``parent`` as a draft, as an editor would."""
    page.live = False
    parent.add_child(instance=page)
    return page


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def fields():
    return {
        "land": LegalField.objects.get(code="dat-dai"),
        "labour": LegalField.objects.get(code="lao-dong"),
        "tax": LegalField.objects.get(code="thue"),
    }


@pytest.fixture
def law():
    return LegalDocumentFactory(
        number="31/2024/QH15",
        title="Luật Đất đai",
        eli="luat/2024/31-2024-qh15",
        issued_on=date(2024, 1, 18),
        effective_on=date(2024, 8, 1),
        doc_type=DocumentType.objects.get_or_create(code="luat", defaults={"name": "Luật"})[0],
        issuer=IssuingBody.objects.get_or_create(code="quoc-hoi", defaults={"name": "Quốc hội"})[0],
    )


@pytest.fixture
def tree(fields, law):
    """Two sections and a bookshelf; three published articles, a draft, a withdrawn one
    and a private one."""
    news_section = publish(draft(home(), SectionPage(title="Tin tức", slug="tin-tuc")))
    guide_section = publish(draft(home(), SectionPage(title="Hướng dẫn", slug="huong-dan")))
    shelf = publish(draft(home(), BookshelfPage(title="Tủ sách", slug="tu-sach")))

    news = draft(
        news_section,
        NewsPage(
            title="Ngày Pháp luật 9/11",
            slug="ngay-phap-luat",
            summary="Hưởng ứng Ngày Pháp luật.",
            date=date(2025, 11, 9),
        ),
    )
    news.legal_fields.set([fields["land"], fields["labour"]])
    news.citations.add(PageCitation(number="31/2024/qh15", article="137"))
    news.citations.add(PageCitation(number="45/2019/QH14", title="Bộ luật Lao động"))
    publish(news)

    older = publish(
        draft(
            news_section,
            NewsPage(
                title="Hội nghị tập huấn",
                slug="tap-huan",
                summary="Tập huấn.",
                date=date(2025, 10, 1),
            ),
        )
    )
    guide = draft(
        guide_section,
        GuidancePage(
            title="Đăng ký đất đai",
            slug="dang-ky-dat",
            summary="Các bước.",
            date=date(2025, 10, 20),
        ),
    )
    guide.legal_fields.set([fields["land"]])
    publish(guide)

    draft(news_section, NewsPage(title="Bản nháp chưa đăng", slug="nhap", summary="x"))
    withdrawn = publish(draft(news_section, NewsPage(title="Tin đã gỡ", slug="da-go", summary="x")))
    withdrawn.unpublish()
    private = publish(draft(news_section, NewsPage(title="Tin nội bộ", slug="noi-bo", summary="x")))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return {
        "news_section": news_section,
        "guide_section": guide_section,
        "shelf": shelf,
        "news": news,
        "older": older,
        "guide": guide,
    }


def absolute(page) -> str:
    return BASE + page.url


def parse(response):
    assert response.status_code == 200, response.content[:300]
    return ET.fromstring(response.content)


def atom_titles(root) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]


def rss_titles(root) -> list[str]:
    return [i.findtext("title") for i in root.iter("item")]


# --------------------------------------------------------------------------- feeds


def test_site_atom_feed_lists_published_public_articles_newest_first(client, tree):
    response = client.get("/nguon-tin/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse(response)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "PBGDPL Số – Bài viết mới"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Sở Tư pháp tỉnh Gia Lai"
    # Newest by date first; no draft, withdrawn or password-protected article.
    assert atom_titles(root) == ["Ngày Pháp luật 9/11", "Đăng ký đất đai", "Hội nghị tập huấn"]
    entry = next(root.iter(f"{ATOM}entry"))
    link = entry.find(f"{ATOM}link").get("href")
    assert link == absolute(tree["news"]) == f"{BASE}/tin-tuc/ngay-phap-luat/"
    assert entry.findtext(f"{ATOM}id") == link
    assert entry.findtext(f"{ATOM}summary") == "Hưởng ứng Ngày Pháp luật."
    assert {c.get("term") for c in entry.iter(f"{ATOM}category")} == {"Đất đai", "Lao động"}
    published = datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    assert published == tree["news"].first_published_at
    assert entry.findtext(f"{ATOM}updated")
    self_link = next(lk for lk in root.findall(f"{ATOM}link") if lk.get("rel") == "self")
    assert self_link.get("href") == f"{BASE}/nguon-tin/atom/"


def test_site_rss_feed(client, tree):
    response = client.get("/nguon-tin/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse(response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "vi"
    assert channel.findtext("link") == BASE + "/"
    assert rss_titles(root) == ["Ngày Pháp luật 9/11", "Đăng ký đất đai", "Hội nghị tập huấn"]
    item = channel.find("item")
    assert item.findtext("link") == absolute(tree["news"])
    assert item.findtext("guid") == absolute(tree["news"])
    assert item.findtext("description") == "Hưởng ứng Ngày Pháp luật."
    assert item.findtext("pubDate")
    assert sorted(c.text for c in item.findall("category")) == ["Lao động", "Đất đai"]


def test_feed_holds_the_thirty_newest(client, tree):
    section = tree["guide_section"]
    for n in range(31):
        section.add_child(
            instance=GuidancePage(
                title=f"Bài {n}", slug=f"bai-{n}", summary="x", date=date(2024, 1, 1 + n % 28)
            )
        )
    titles = atom_titles(parse(client.get("/nguon-tin/atom/")))
    assert len(titles) == 30
    assert titles[:3] == ["Ngày Pháp luật 9/11", "Đăng ký đất đai", "Hội nghị tập huấn"]


def test_a_newly_published_article_shows_in_the_cached_feed(client, tree):
    first = client.get("/nguon-tin/rss/")
    assert client.get("/nguon-tin/rss/")["X-Page-Cache"] == "hit"
    assert "Tin mới đăng" not in first.content.decode()
    publish(draft(tree["news_section"], NewsPage(title="Tin mới đăng", slug="moi", summary="x")))
    assert rss_titles(parse(client.get("/nguon-tin/rss/")))[0] == "Tin mới đăng"


def test_section_feeds_hold_only_the_sections_articles(client, tree):
    news_id = tree["news_section"].pk
    root = parse(client.get(f"/nguon-tin/atom/chuyen-muc/{news_id}/"))
    assert atom_titles(root) == ["Ngày Pháp luật 9/11", "Hội nghị tập huấn"]
    assert root.findtext(f"{ATOM}title") == "Tin tức – PBGDPL Số"
    alternate = next(lk for lk in root.findall(f"{ATOM}link") if lk.get("rel") == "alternate")
    assert alternate.get("href") == absolute(tree["news_section"])
    root = parse(client.get(f"/nguon-tin/rss/chuyen-muc/{tree['guide_section'].pk}/"))
    assert rss_titles(root) == ["Đăng ký đất đai"]
    # A bookshelf is a listing too (empty here).
    assert rss_titles(parse(client.get(f"/nguon-tin/rss/chuyen-muc/{tree['shelf'].pk}/"))) == []


@pytest.mark.parametrize("which", ["article", "home", "unknown", "unpublished"])
def test_section_feed_of_something_else_is_404(client, tree, which):
    if which == "unpublished":
        tree["guide_section"].unpublish()
    page_id = {
        "article": tree["news"].pk,
        "home": home().pk,
        "unknown": 987654,
        "unpublished": tree["guide_section"].pk,
    }[which]
    assert client.get(f"/nguon-tin/atom/chuyen-muc/{page_id}/").status_code == 404


def test_field_feeds_hold_only_the_fields_articles(client, tree):
    root = parse(client.get("/nguon-tin/atom/linh-vuc/dat-dai/"))
    assert atom_titles(root) == ["Ngày Pháp luật 9/11", "Đăng ký đất đai"]
    assert root.findtext(f"{ATOM}title") == "Lĩnh vực Đất đai – PBGDPL Số"
    assert rss_titles(parse(client.get("/nguon-tin/rss/linh-vuc/lao-dong/"))) == [
        "Ngày Pháp luật 9/11"
    ]
    assert rss_titles(parse(client.get("/nguon-tin/rss/linh-vuc/thue/"))) == []


@pytest.mark.parametrize(
    "url",
    [
        "/nguon-tin/atom/linh-vuc/khong-co/",
        "/nguon-tin/rss/linh-vuc/khong-co/",
        "/nguon-tin/json/",
        "/nguon-tin/atom/?ngon_ngu=xx",
        "/nguon-tin/atom/?ngon_ngu=<script>",
        "/nguon-tin/rss/linh-vuc/dat-dai/?ngon_ngu=fr",
    ],
)
def test_bad_feed_urls_are_404(client, tree, url):
    assert client.get(url).status_code == 404


def test_feeds_per_content_language(client, tree):
    en = Locale.objects.get(language_code="en")
    english = tree["guide"].copy_for_translation(en, copy_parents=True)
    english.title = "Registering land"
    english.slug = "registering-land"
    publish(english)
    # The whole-site feed is Vietnamese; ?ngon_ngu=en gives the English articles.
    assert "Registering land" not in atom_titles(parse(client.get("/nguon-tin/atom/")))
    root = parse(client.get("/nguon-tin/rss/", {"ngon_ngu": "en"}))
    assert rss_titles(root) == ["Registering land"]
    assert root.find("channel").findtext("language") == "en"
    assert root.find("channel/item").findtext("link") == BASE + english.url
    assert english.url.startswith("/en/")
    assert rss_titles(parse(client.get("/nguon-tin/rss/linh-vuc/dat-dai/?ngon_ngu=en"))) == [
        "Registering land"
    ]


# --------------------------------------------------------------------------- sitemaps


def test_sitemap_index_lists_its_sections_on_the_base_url(client, tree, law):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = parse(response)
    assert root.tag == f"{SITEMAP}sitemapindex"
    locs = [e.text for e in root.iter(f"{SITEMAP}loc")]
    # Feature apps add their own sections (the Q&A: hoi-dap) after the portal's two.
    assert locs[:2] == [f"{BASE}/sitemap-trang.xml", f"{BASE}/sitemap-van-ban.xml"]
    assert f"{BASE}/sitemap-hoi-dap.xml" in locs
    assert all(e.text for e in root.iter(f"{SITEMAP}lastmod"))


def test_page_sitemap_lists_live_public_pages_with_absolute_urls(client, tree):
    root = parse(client.get("/sitemap-trang.xml"))
    locs = [e.text for e in root.iter(f"{SITEMAP}loc")]
    assert all(loc.startswith(BASE + "/") for loc in locs), locs
    for key in ("news_section", "guide_section", "shelf", "news", "older", "guide"):
        assert absolute(tree[key]) in locs
    assert BASE + "/" in locs  # the home page
    assert not [loc for loc in locs if any(s in loc for s in ("/nhap/", "/da-go/", "/noi-bo/"))]


def test_page_sitemap_gives_translations_as_hreflang_alternates(client, tree):
    en = Locale.objects.get(language_code="en")
    english = tree["guide"].copy_for_translation(en, copy_parents=True)
    english.slug = "registering-land"
    publish(english)
    root = parse(client.get("/sitemap-trang.xml"))
    by_loc = {u.findtext(f"{SITEMAP}loc"): u for u in root.iter(f"{SITEMAP}url")}
    assert BASE + english.url in by_loc
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in by_loc[absolute(tree["guide"])].iter(f"{XHTML}link")
    }
    assert alternates == {
        "vi": absolute(tree["guide"]),
        "en": BASE + english.url,
        "x-default": absolute(tree["guide"]),
    }
    assert not list(by_loc[absolute(tree["older"])].iter(f"{XHTML}link"))


def test_document_sitemap_is_paged_and_absolute(client, law, monkeypatch):
    others = [LegalDocumentFactory() for _ in range(4)]
    monkeypatch.setattr(sitemaps.LegalDocumentSitemap, "limit", 2)
    index = [e.text for e in parse(client.get("/sitemap.xml")).iter(f"{SITEMAP}loc")]
    assert [loc for loc in index if "van-ban" in loc] == [
        f"{BASE}/sitemap-van-ban.xml",
        f"{BASE}/sitemap-van-ban.xml?p=2",
        f"{BASE}/sitemap-van-ban.xml?p=3",
    ]
    seen = []
    for page, size in ((1, 2), (2, 2), (3, 1)):
        root = parse(client.get("/sitemap-van-ban.xml", {"p": page}))
        urls = list(root.iter(f"{SITEMAP}url"))
        assert len(urls) == size
        assert all(u.findtext(f"{SITEMAP}lastmod") for u in urls)
        seen += [u.findtext(f"{SITEMAP}loc") for u in urls]
    assert sorted(seen) == sorted(BASE + document_url(d) for d in [law, *others])
    assert BASE + "/eli/vn/luat/2024/31-2024-qh15/" in seen


@pytest.mark.parametrize(
    "url", ["/sitemap-van-ban.xml?p=9", "/sitemap-van-ban.xml?p=x", "/sitemap-khac.xml"]
)
def test_bad_sitemap_urls_are_404(client, law, url):
    assert client.get(url).status_code == 404


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/tai-khoan/", "/api/", "/tim-kiem/", "/hien-thi/", "/ngon-ngu/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines  # the public portal stays crawlable
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


# --------------------------------------------------------------------------- the <head>


def head(page=None, path="/", **extra) -> str:
    """head_meta.html rendered as for ``page`` (its own context when given)."""
    request = RequestFactory().get(path)
    context = page.get_context(request) if page is not None else {"request": request}
    context.update(extra)
    return render_to_string("portal/includes/head_meta.html", context)


def jsonld(html: str) -> list[dict]:
    return [json.loads(m) for m in JSONLD.findall(html)]


def meta(html: str, prop: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def alternates(html: str, mime: str) -> list[str]:
    pattern = rf'<link rel="alternate" type="{re.escape(mime)}" title="[^"]*" href="([^"]*)"'
    return re.findall(pattern, html)


def test_news_page_has_news_article_jsonld_with_citations(tree, law):
    news = NewsPage.objects.get(pk=tree["news"].pk)
    [data] = jsonld(head(news))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Ngày Pháp luật 9/11"
    assert data["description"] == "Hưởng ứng Ngày Pháp luật."
    assert data["url"] == absolute(news)
    assert data["inLanguage"] == "vi"
    assert data["publisher"]["name"] == data["author"]["name"] == "Sở Tư pháp tỉnh Gia Lai"
    assert data["datePublished"] and data["dateModified"]
    assert sorted(a["name"] for a in data["about"]) == ["Lao động", "Đất đai"]
    assert data["citation"] == [
        {
            "@type": "Legislation",
            "name": "Luật Đất đai",
            "legislationIdentifier": "31/2024/QH15",
            "url": BASE + document_url(law),
        },
        {
            "@type": "Legislation",
            "name": "Bộ luật Lao động",
            "legislationIdentifier": "45/2019/QH14",
        },
    ]
    assert "image" not in data


def test_other_articles_are_schema_article_and_listings_have_no_jsonld(tree):
    [data] = jsonld(head(GuidancePage.objects.get(pk=tree["guide"].pk)))
    assert data["@type"] == "Article"
    assert jsonld(head(tree["news_section"])) == []
    assert jsonld(head()) == []


def test_a_script_end_tag_in_the_title_cannot_break_out(tree):
    news = NewsPage.objects.get(pk=tree["news"].pk)
    evil = '</script><script>alert(1)</script><!-- & "x"'
    news.title = evil
    news.summary = evil
    publish(news)
    html = head(NewsPage.objects.get(pk=news.pk))
    start = html.index('<script type="application/ld+json">')
    end = html.index("</script>", start)
    body = html[start + len('<script type="application/ld+json">') : end]
    assert "<" not in body and ">" not in body and "&" not in body
    assert html.count("<script") == 1 and html.count("</script>") == 1
    data = json.loads(body)
    assert data["headline"] == evil and data["description"] == evil
    # Attributes are escaped as usual.
    assert meta(html, "og:title") == (
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;x&quot;"
    )


def test_article_open_graph_canonical_and_feed_links(tree):
    news = NewsPage.objects.get(pk=tree["news"].pk)
    news.feed_image = Image.objects.create(title="Ảnh", file=get_test_image_file(size=(1600, 900)))
    publish(news)
    news = NewsPage.objects.get(pk=news.pk)
    html = head(news)
    assert meta(html, "og:title") == "Ngày Pháp luật 9/11"
    assert meta(html, "og:description") == "Hưởng ứng Ngày Pháp luật."
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == absolute(news)
    assert meta(html, "og:site_name") == "PBGDPL Số"
    assert meta(html, "og:locale") == "vi_VN"
    image = meta(html, "og:image")
    assert image.startswith(BASE + "/") and "fill-1200x630" in image
    assert meta(html, "og:image:width") == "1200" and meta(html, "og:image:height") == "630"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert jsonld(html)[0]["image"] == [image]
    assert f'<link rel="canonical" href="{absolute(news)}">' in html
    atom = alternates(html, "application/atom+xml")
    rss = alternates(html, "application/rss+xml")
    assert atom[0] == f"{BASE}/nguon-tin/atom/" and rss[0] == f"{BASE}/nguon-tin/rss/"
    assert sorted(atom[1:]) == [
        f"{BASE}/nguon-tin/atom/linh-vuc/dat-dai/",
        f"{BASE}/nguon-tin/atom/linh-vuc/lao-dong/",
    ]
    assert len(rss) == 3


def test_section_page_offers_its_own_feeds(tree):
    section = tree["news_section"]
    html = head(section, path=section.url + "?trang=2")
    assert alternates(html, "application/atom+xml") == [
        f"{BASE}/nguon-tin/atom/",
        f"{BASE}/nguon-tin/atom/chuyen-muc/{section.pk}/",
    ]
    assert 'title="Tin tức – PBGDPL Số (RSS)"' in html
    assert meta(html, "og:type") == "website"
    assert meta(html, "twitter:card") == "summary"
    assert f'<link rel="canonical" href="{absolute(section)}?trang=2">' in html


def test_translated_page_links_its_translations(tree):
    en = Locale.objects.get(language_code="en")
    english = tree["guide"].copy_for_translation(en, copy_parents=True)
    english.title = "Registering land"
    english.slug = "registering-land"
    publish(english)
    english = GuidancePage.objects.get(pk=english.pk)
    html = head(english, path=english.url)
    assert f'<link rel="alternate" hreflang="vi" href="{absolute(tree["guide"])}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{BASE}{english.url}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{absolute(tree["guide"])}">' in html
    assert meta(html, "og:locale") == "en_US"
    assert meta(html, "og:locale:alternate") == "vi_VN"
    assert jsonld(html)[0]["inLanguage"] == "en"
    assert alternates(html, "application/atom+xml")[0] == f"{BASE}/nguon-tin/atom/?ngon_ngu=en"


def test_head_meta_without_page_or_request_makes_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("portal/includes/head_meta.html", {})
    assert meta(html, "og:title") == "PBGDPL Số"
    assert meta(html, "og:url") is None
    assert "canonical" not in html
    assert alternates(html, "application/atom+xml") == [f"{BASE}/nguon-tin/atom/"]
    # A plain Context (what Django's 500 handler uses) works too.
    Template('{% include "portal/includes/head_meta.html" %}').render(Context())


def test_a_field_listing_offers_the_fields_feed(fields):
    html = head(legal_field=fields["tax"], path="/linh-vuc/thue/")
    assert alternates(html, "application/rss+xml") == [
        f"{BASE}/nguon-tin/rss/",
        f"{BASE}/nguon-tin/rss/linh-vuc/thue/",
    ]
    assert meta(html, "og:url") == f"{BASE}/linh-vuc/thue/"


def test_legal_document_page_has_legislation_jsonld(client, law):
    law.fields.add(LegalField.objects.get(code="dat-dai"))
    law.source_url = "https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=1"
    law.save()
    response = client.get(document_url(law))
    assert response.status_code == 200
    html = response.content.decode()
    [data] = jsonld(html)
    assert data["@type"] == "Legislation"
    assert data["name"] == "Luật Đất đai"
    assert data["legislationIdentifier"] == "31/2024/QH15"
    assert data["legislationType"] == "Luật"
    assert data["legislationDate"] == "2024-01-18"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Quốc hội"}
    assert data["url"] == BASE + document_url(law)
    assert data["inLanguage"] == "vi"
    assert data["sameAs"] == law.source_url
    assert data["about"] == [{"@type": "Thing", "name": "Đất đai"}]


def test_expired_document_is_not_in_force(client, law):
    law.expires_on = date(2024, 12, 31)
    law.save()
    [data] = jsonld(client.get(document_url(law)).content.decode())
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"


# --------------------------------------------------------------------------- whole pages
# These need base.html to include portal/includes/head_meta.html.


def test_article_page_head_carries_the_outputs(client, tree):
    html = client.get(tree["news"].url).content.decode()
    head_html = html.split("</head>", 1)[0]
    assert meta(head_html, "og:title") == "Ngày Pháp luật 9/11"
    assert jsonld(head_html)[0]["@type"] == "NewsArticle"
    assert f"{BASE}/nguon-tin/atom/" in alternates(head_html, "application/atom+xml")


def test_plain_views_and_the_500_page_carry_the_site_feeds(client, law):
    html = client.get(document_url(law)).content.decode().split("</head>", 1)[0]
    assert alternates(html, "application/atom+xml") == [f"{BASE}/nguon-tin/atom/"]
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == "Luật 31/2024/QH15"
    assert meta(html, "og:description") == "Luật Đất đai"
    assert meta(html, "og:url") == BASE + document_url(law)
    error_page = render_to_string("500.html")
    assert f"{BASE}/nguon-tin/rss/" in error_page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_jsonld_raises_no_csp_violation_in_a_browser(browser, live_server, law):
    from tests.browser import goto, new_page

    with new_page(browser) as page:
        goto(page, live_server.url + document_url(law))
        data = page.evaluate(
            "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)"
        )
        assert data["@type"] == "Legislation"
        assert page.csp_violations == []
