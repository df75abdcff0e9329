"""The account pages (log in, log out, "Tài khoản của tôi" with the commune the person
lives in) and enrolling and verifying the staff second factor (TOTP)."""

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token

from pbgdpl.core.audit import audit_record
from pbgdpl.core.redirects import safe_next_url

from .communes import commune_by_id, commune_groups
from .forms import AccountLoginForm, TotpCodeForm
from .services import PeopleError, totp_device_pending, user_commune_set


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return safe_next_url(request, target, default="/admin/")


def _qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@never_cache
@login_required(login_url="wagtailadmin_login")
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """Show the QR code and key of a new authenticator device; confirm it with a first code."""
    if request.user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    device = totp_device_pending(user=request.user)
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit_record(action="auth.2fa_enrol", obj=request.user)
            messages.success(request, _("Đã bật xác thực hai bước."))
            return HttpResponseRedirect(_next_url(request))
        audit_record(action="auth.2fa_failed", obj=request.user, data={"step": "enrol"})
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã mới nhất."))
    key_b32 = base64.b32encode(device.bin_key).decode("ascii")
    return render(
        request,
        "people/two_factor_enrol.html",
        {
            "form": form,
            "qr_uri": _qr_data_uri(device.config_url),
            "secret": " ".join(key_b32[i : i + 4] for i in range(0, len(key_b32), 4)),
            "next": _next_url(request),
        },
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Ask an enrolled user for the current code from their authenticator app."""
    if request.user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            audit_record(action="auth.2fa_verify", obj=request.user)
            return HttpResponseRedirect(_next_url(request))
        audit_record(action="auth.2fa_failed", obj=request.user, data={"step": "verify"})
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn."))
    return render(
        request,
        "people/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=200 if request.method == "GET" else 400,
    )


# ----------------------------------------------------------------------------- account pages
class AccountLoginView(LoginView):
    """Log in on the public site with an e-mail address or phone number (throttled by
    django-axes like the back-office login); then back to ``next`` or the account page."""

    template_name = "people/login.html"
    form_class = AccountLoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("people:profile")
    extra_context = {"no_feedback": True}


account_login = never_cache(AccountLoginView.as_view())


@require_POST
def account_logout(request: HttpRequest) -> HttpResponse:
    """Log out (POST only, with the CSRF token) and go to the home page."""
    logout(request)
    messages.info(request, _("Bạn đã đăng xuất."))
    return HttpResponseRedirect("/", status=303)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required(login_url=reverse_lazy("people:login"))
def account_profile(request: HttpRequest) -> HttpResponse:
    """ "Tài khoản của tôi": who is logged in, and the commune they live in (optional; the
    indicators count people reached by it). POST ``unit`` = a commune code, or empty to
    clear it; a code that is not a commune in force is refused (400), nothing changed."""
    user = request.user
    error = ""
    status = 200
    if request.method == "POST":
        try:
            user_commune_set(user=user, unit_code=request.POST.get("unit", ""), actor=user)
        except PeopleError as exc:
            error = str(exc)
            status = 400
        else:
            messages.success(request, _("Đã lưu xã, phường nơi bạn sinh sống."))
            return HttpResponseRedirect(reverse("people:profile"), status=303)
    return render(
        request,
        "people/profile.html",
        {
            "account": user,
            # A commune set before a reorganisation is shown, but no longer offered.
            "commune": commune_by_id(user.unit_id),
            "old_unit": user.unit if user.unit_id and not commune_by_id(user.unit_id) else None,
            "groups": commune_groups(),
            "error": error,
            "no_feedback": True,
        },
        status=status,
    )
