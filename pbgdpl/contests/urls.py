from django.urls import path

from . import views

app_name = "contests"
urlpatterns = [
    path("cuoc-thi/", views.contest_list, name="index"),
    # Before "<slug>/": a contest cannot take these addresses.
    path("cuoc-thi/chung-nhan/", views.certificate_find, name="certificate-find"),
    path("cuoc-thi/chung-nhan/<str:code>/", views.certificate_verify, name="certificate"),
    path("cuoc-thi/chung-nhan/<str:code>/pdf/", views.certificate_pdf, name="certificate-pdf"),
    path("cuoc-thi/<slug:slug>/", views.contest_detail, name="detail"),
    path("cuoc-thi/<slug:slug>/dang-ky/", views.contest_register, name="register"),
    path("cuoc-thi/<slug:slug>/tiep-tuc/", views.contest_resume, name="resume"),
    path("cuoc-thi/<slug:slug>/thoat/", views.contest_leave, name="leave"),
    path("cuoc-thi/<slug:slug>/dot-<int:number>/bat-dau/", views.attempt_start, name="start"),
    path("cuoc-thi/<slug:slug>/dot-<int:number>/xep-hang/", views.leaderboard, name="leaderboard"),
    path("cuoc-thi/<slug:slug>/bai-thi/<uuid:attempt_id>/", views.attempt_take, name="take"),
    path(
        "cuoc-thi/<slug:slug>/bai-thi/<uuid:attempt_id>/ket-qua/",
        views.attempt_result,
        name="result",
    ),
    path("luyen-tap/", views.practice_index, name="practice-index"),
    path("luyen-tap/<slug:code>/", views.practice, name="practice"),
]
