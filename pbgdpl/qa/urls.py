from django.urls import path, re_path

from . import feeds, views

app_name = "qa"
urlpatterns = [
    path("hoi-dap/", views.question_list, name="index"),
    path("hoi-dap/gui-cau-hoi/", views.question_ask, name="ask"),
    path("hoi-dap/theo-doi/", views.question_track_find, name="track-find"),
    path("hoi-dap/theo-doi/<str:code>/", views.question_track, name="track"),
    path(
        "hoi-dap/theo-doi/<str:code>/xoa-du-lieu/",
        views.question_track_erase,
        name="track-erase",
    ),
    path("hoi-dap/linh-vuc/<slug:code>/", views.question_list_field, name="field"),
    path("hoi-dap/doi-tuong/<slug:code>/", views.question_list_audience, name="audience"),
    path("hoi-dap/<int:pk>/<slug:slug>/", views.question_detail, name="detail"),
    re_path(r"^hoi-dap/nguon-tin/(?P<kind>atom|rss)/$", feeds.qa_feed, name="feed"),
    re_path(
        r"^hoi-dap/nguon-tin/(?P<kind>atom|rss)/linh-vuc/(?P<code>[-a-zA-Z0-9_]+)/$",
        feeds.qa_field_feed,
        name="feed-field",
    ),
]
