from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("boi-duong/", views.my_courses, name="my-courses"),
    # Before "<slug>/": a course cannot take these addresses.
    path("boi-duong/chung-nhan/", views.certificate_find, name="certificate-find"),
    path("boi-duong/chung-nhan/<str:code>/", views.certificate_verify, name="certificate"),
    path("boi-duong/chung-nhan/<str:code>/pdf/", views.certificate_pdf, name="certificate-pdf"),
    path("boi-duong/<slug:slug>/", views.course_page, name="course"),
    path("boi-duong/<slug:slug>/hoc-phan/<int:position>/", views.module_page, name="module"),
    path(
        "boi-duong/<slug:slug>/hoc-phan/<int:position>/xong/",
        views.module_done,
        name="module-done",
    ),
    path("boi-duong/<slug:slug>/kiem-tra/<int:position>/", views.quiz_page, name="quiz"),
    path(
        "boi-duong/<slug:slug>/kiem-tra/<int:position>/ket-qua/<int:attempt_id>/",
        views.quiz_result,
        name="quiz-result",
    ),
]
