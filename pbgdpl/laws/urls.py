from django.urls import path

from . import views

app_name = "laws"
urlpatterns = [
    path("van-ban/", views.document_index, name="documents"),
    path("eli/vn/<path:eli>/", views.document_detail, name="document"),
    path("phap-dien/", views.phapdien_index, name="phapdien"),
    path("phap-dien/chu-de/<int:number>/", views.phapdien_topic, name="phapdien-topic"),
    path("phap-dien/de-muc/<str:number>/", views.phapdien_subject, name="phapdien-subject"),
]
