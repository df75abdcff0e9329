from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("oai", views.oai, name="oai"),
]
