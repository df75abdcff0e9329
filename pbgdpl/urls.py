import re

from django.conf import settings
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pbgdpl.api.main import api
from pbgdpl.core.views import healthz
from pbgdpl.portal import sitemaps
from pbgdpl.portal.routing import page_urlpatterns

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("api/v1/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("tai-khoan/", include("pbgdpl.people.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("pbgdpl.laws.urls")),
    path("", include("pbgdpl.search.urls")),
    path("", include("pbgdpl.qa.urls")),
    path("", include("pbgdpl.contests.urls")),
    path("", include("pbgdpl.training.urls")),
    path("", include("pbgdpl.outreach.urls")),
    path("", include("pbgdpl.kpi.urls")),
    path("", include("pbgdpl.kpi.urls_dashboard")),
    path("", include("pbgdpl.portal.urls")),
    path("", include("pbgdpl.exchange.urls_items")),
    path("", include("pbgdpl.exchange.urls_push")),
    path("", include("pbgdpl.exchange.urls")),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve as serve_file

    def serve_media(request, path):
        # MEDIA_ROOT read per request: tests point it at a temporary directory.
        return serve_file(request, path, document_root=settings.MEDIA_ROOT)

    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media)]

urlpatterns += page_urlpatterns()
