from django.urls import path

from . import views

app_name = "portal"
urlpatterns: list = [
    path("hien-thi/", views.display_preferences_set, name="display"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("ngon-ngu/", views.language_set, name="language"),
]
