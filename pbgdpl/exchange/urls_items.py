from django.urls import path

from . import item_views

app_name = "exchange_items"
urlpatterns = [
    path("id/<str:type>/<uuid:uuid>", item_views.item_resolve, name="resolve"),
    path("nguon-khac/<str:type>/<uuid:uuid>/", item_views.item_detail, name="item"),
]
