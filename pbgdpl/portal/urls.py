from django.urls import path, re_path

from . import feeds, views

app_name = "portal"
urlpatterns: list = [
    path("hien-thi/", views.display_preferences_set, name="display"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("ngon-ngu/", views.language_set, name="language"),
    path("xa-phuong-cua-toi/", views.local_commune_choose, name="local-commune"),
    path("phan-hoi/", views.page_feedback_submit, name="feedback"),
    path("linh-vuc/<slug:code>/", views.field_articles, name="field"),
    path("doi-tuong/<slug:code>/", views.audience_articles, name="audience"),
    re_path(r"^nguon-tin/(?P<kind>atom|rss)/$", feeds.site_feed, name="feed"),
    re_path(
        r"^nguon-tin/(?P<kind>atom|rss)/chuyen-muc/(?P<page_id>[0-9]{1,10})/$",
        feeds.section_feed,
        name="feed-section",
    ),
    re_path(
        r"^nguon-tin/(?P<kind>atom|rss)/linh-vuc/(?P<code>[-a-zA-Z0-9_]+)/$",
        feeds.field_feed,
        name="feed-field",
    ),
]
