"""Public pages of the indicators app (included at the site root)."""

from django.urls import path

from . import views

app_name = "kpi"
urlpatterns = [
    path("chi-tieu/dinh-nghia/", views.indicators_page, name="indicators"),
    path("khao-sat/<slug:slug>/", views.survey_answer, name="survey"),
    path("khao-sat/<slug:slug>/cam-on/", views.survey_thanks, name="survey_thanks"),
]
