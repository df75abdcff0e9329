"""Public pages of the KPI dashboard (included at the site root):

- ``/chi-tieu/`` — the summary of the province (or of ``?don-vi=<code>``) for a period
  (``?ky=2026``, ``2026Q3``, ``2026-05``);
- ``/chi-tieu/<indicator>/<unit>/`` — one indicator for one unit with the units below it,
  the furthest short of the target first (``?ky=…&khu-vuc=thanh-thi|nong-thon``).
"""

from django.urls import path

from . import views_dashboard as views

app_name = "kpi_dashboard"
urlpatterns = [
    path("chi-tieu/", views.summary, name="summary"),
    path("chi-tieu/<slug:indicator>/<str:unit>/", views.drilldown, name="drilldown"),
]
