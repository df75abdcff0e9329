from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.account_profile, name="profile"),
    path("dang-nhap/", views.account_login, name="login"),
    path("dang-xuat/", views.account_logout, name="logout"),
    path("xac-thuc-2-buoc/", views.two_factor_enrol, name="2fa_enrol"),
    path("xac-thuc-2-buoc/nhap-ma/", views.two_factor_verify, name="2fa_verify"),
]
