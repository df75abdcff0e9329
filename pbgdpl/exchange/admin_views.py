"""Back-office screens of the exchange (Wagtail admin, under ``/admin/trao-doi/``): the
peers this node pulls from (state, last run, errors, counts, cursor), a peer's recent
runs and rejected items, forms to add and edit a peer, "Kéo ngay" (queue a pull now), and
the access tokens this node issues to peers that read its restricted types.

Only province-level holders of "exchange.manage" (province admins) and superusers get in:
peers and tokens belong to no commune (see ``services.EXCHANGE_SCOPE``). Every change
goes through the writes in ``services`` (peer_create, …), which check the permission
again and leave an audit event.
A token is shown once, in the answer to the request that issued it; only its SHA-256 is
stored.
"""

import json
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from pbgdpl.people.permissions import can

from .adapters.base import adapter_kinds
from .models import AccessToken, Peer, PeerRun, RejectedItem
from .registry import registered_types
from .services import (
    EXCHANGE_SCOPE,
    RESERVED_OPTION_PREFIX,
    PeerInvalid,
    access_token_issue,
    access_token_revoke,
    node_base_url,
    peer_create,
    peer_pull_enqueue,
    peer_update,
    public_options,
)

RECENT_RUNS = 20
RECENT_REJECTIONS = 20


# --------------------------------------------------------------------------- permission


def can_manage_exchange(user: Any) -> bool:
    """Whether ``user`` may work in the exchange back office (province admins)."""
    return can(user, "exchange.manage", EXCHANGE_SCOPE)


class ExchangeManagerRequiredMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage_exchange(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --------------------------------------------------------------------------- writes


# --------------------------------------------------------------------------- forms


def _type_choices() -> list[tuple[str, str]]:
    return [(name, f"{spec.title} ({name})") for name, spec in sorted(registered_types().items())]


def _kind_choices() -> list[tuple[str, str]]:
    labels = dict(Peer.Kind.choices)
    return [(kind, labels.get(kind, kind)) for kind in adapter_kinds()]


class PeerForm(forms.Form):
    """A peer to pull from. The token is write-only: never shown; on edit, an empty box
    keeps the stored one."""

    name = forms.SlugField(
        label=gettext_lazy("Tên nút"),
        max_length=60,
        help_text=gettext_lazy(
            "Duy nhất; chữ không dấu, số, gạch ngang, ví dụ: bo-tu-phap. Không đổi được sau "
            "khi tạo."
        ),
        error_messages={
            "invalid": gettext_lazy("Tên nút chỉ gồm chữ không dấu, số, gạch ngang và gạch dưới.")
        },
    )
    base_url = forms.CharField(
        label=gettext_lazy("Địa chỉ gốc"),
        max_length=300,
        help_text=gettext_lazy("Địa chỉ http(s) đầy đủ, ví dụ: https://pbgdpl.gialai.gov.vn"),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Loại nút"))
    types = forms.MultipleChoiceField(
        label=gettext_lazy("Loại dữ liệu cần kéo"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Không chọn loại nào: kéo mọi loại mà nút này biết."),
    )
    token = forms.CharField(
        label=gettext_lazy("Mã truy cập"),
        required=False,
        max_length=300,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=gettext_lazy(
            "Mã do nút kia cấp (nếu có). Với API LGSP: AppName:AccessKey:SecretKey."
        ),
    )
    token_clear = forms.BooleanField(label=gettext_lazy("Xóa mã truy cập đang lưu"), required=False)
    options = forms.CharField(
        label=gettext_lazy("Tùy chọn (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=gettext_lazy(
            'Một đối tượng JSON, ví dụ với API LGSP: {"list_path": "/vbqppl/1.0/van-ban", '
            '"page_size": 100}; "interval_seconds" đặt khoảng cách giữa hai lần kéo theo lịch.'
        ),
    )
    enabled = forms.BooleanField(label=gettext_lazy("Đang bật"), required=False, initial=True)

    def __init__(self, *args: Any, peer: Peer | None = None, **kwargs: Any) -> None:
        self.peer = peer
        if peer is not None and "initial" not in kwargs:
            options = public_options(peer)
            kwargs["initial"] = {
                "name": peer.name,
                "base_url": peer.base_url,
                "kind": peer.kind,
                "types": list(peer.types or []),
                "options": json.dumps(options, ensure_ascii=False, indent=2) if options else "",
                "enabled": peer.enabled,
            }
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _kind_choices()
        self.fields["types"].choices = _type_choices()
        if peer is None:
            del self.fields["token_clear"]
        else:
            self.fields["name"].disabled = True
            self.fields["name"].help_text = _("Không đổi được sau khi tạo.")
            self.fields["token"].help_text = (
                _("Đang có mã truy cập; để trống để giữ nguyên.")
                if peer.token
                else _("Chưa có mã truy cập.")
            )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        if self.peer is None and Peer.objects.filter(name=name).exists():
            raise ValidationError(_("Đã có nút tên “%(name)s”.") % {"name": name})
        return name

    def clean_base_url(self) -> str:
        url = self.cleaned_data["base_url"].strip().rstrip("/")
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError(
                _("Cần một địa chỉ http(s) đầy đủ, ví dụ https://pbgdpl.gialai.gov.vn.")
            ) from None
        if url == node_base_url():
            raise ValidationError(_("Đây là địa chỉ của chính nút này."))
        return url

    def clean_options(self) -> dict:
        text = self.cleaned_data.get("options", "").strip()
        if not text:
            return {}
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise ValidationError(
                _("Tùy chọn không phải JSON hợp lệ: %(error)s") % {"error": exc}
            ) from None
        if not isinstance(value, dict):
            raise ValidationError(_("Tùy chọn phải là một đối tượng JSON {…}."))
        reserved = sorted(k for k in value if str(k).startswith(RESERVED_OPTION_PREFIX))
        if reserved:
            raise ValidationError(
                _("Các khóa %(keys)s do hệ thống quản lý, không đặt ở đây.")
                % {"keys": ", ".join(reserved)}
            )
        return value

    def service_kwargs(self) -> dict:
        """The values for :func:`peer_create` / :func:`peer_update`."""
        data = self.cleaned_data
        values = {
            "base_url": data["base_url"],
            "kind": data["kind"],
            "types": list(data["types"]),
            "options": data["options"],
            "enabled": data["enabled"],
        }
        if self.peer is None:
            values.update(name=data["name"], token=data["token"])
        elif data.get("token_clear"):
            values["token"] = ""
        elif data["token"]:
            values["token"] = data["token"]
        return values


class AccessTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Cấp cho nút"),
        max_length=100,
        help_text=gettext_lazy("Tên cơ quan hoặc nút được cấp, ví dụ: Cổng PBGDPL Bộ Tư pháp."),
    )
    types = forms.MultipleChoiceField(
        label=gettext_lazy("Loại dữ liệu được đọc"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Không chọn loại nào: được đọc mọi loại."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["types"].choices = _type_choices()

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Hãy nhập tên nút được cấp."))
        return name


# --------------------------------------------------------------------------- views


def _home_crumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
        {"url": reverse("exchange_admin:peers"), "label": _("Trao đổi dữ liệu")},
    ]
    return crumbs + [{"url": url, "label": label} for url, label in items]


def _peer_url(peer: Peer) -> str:
    return reverse("exchange_admin:peer", args=[peer.pk])


class PeerListView(ExchangeManagerRequiredMixin, WagtailAdminTemplateMixin, View):
    """Every peer with its state, last run, last error, counts and cursor."""

    template_name = "exchange/admin/peer_list.html"
    page_title = gettext_lazy("Trao đổi dữ liệu")
    header_icon = "resubmit"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
            {"url": "", "label": _("Trao đổi dữ liệu")},
        ]

    def get_header_buttons(self) -> list:
        return [
            HeaderButton(_("Thêm nút"), url=reverse("exchange_admin:peer_add"), icon_name="plus"),
            HeaderButton(_("Mã truy cập"), url=reverse("exchange_admin:tokens"), icon_name="key"),
        ]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(
            self.get_context_data(peers=list(Peer.objects.order_by("name")))
        )


class PeerFormView(ExchangeManagerRequiredMixin, WagtailAdminTemplateMixin, View):
    """Add a peer (no ``pk``) or edit one."""

    template_name = "exchange/admin/peer_form.html"
    header_icon = "resubmit"

    @cached_property
    def peer(self) -> Peer | None:
        pk = self.kwargs.get("pk")
        return get_object_or_404(Peer, pk=pk) if pk is not None else None

    def get_page_title(self) -> str:
        return _("Sửa nút %(name)s") % {"name": self.peer.name} if self.peer else _("Thêm nút")

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.peer is None:
            return _home_crumbs(("", _("Thêm nút")))
        return _home_crumbs((_peer_url(self.peer), self.peer.name), ("", _("Sửa")))

    def render_page(self, form: PeerForm, status: int = 200) -> HttpResponse:
        return self.render_to_response(
            self.get_context_data(form=form, peer=self.peer), status=status
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(PeerForm(peer=self.peer))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = PeerForm(request.POST, peer=self.peer)
        if not form.is_valid():
            messages.validation_error(request, _("Chưa lưu được: hãy sửa các lỗi bên dưới."), form)
            return self.render_page(form)
        if self.peer is None:
            try:
                peer = peer_create(actor=request.user, **form.service_kwargs())
            except PeerInvalid as exc:  # the service checks again (e.g. a name just taken)
                form.add_error(None, str(exc))
                messages.validation_error(
                    request, _("Chưa lưu được: hãy sửa các lỗi bên dưới."), form
                )
                return self.render_page(form)
            messages.success(request, _("Đã thêm nút “%(name)s”.") % {"name": peer.name})
            return redirect(_peer_url(peer))
        if peer_update(actor=request.user, peer=self.peer, **form.service_kwargs()):
            messages.success(request, _("Đã lưu nút “%(name)s”.") % {"name": self.peer.name})
        else:
            messages.info(request, _("Không có thay đổi nào để lưu."))
        return redirect(_peer_url(self.peer))


class PeerDetailView(ExchangeManagerRequiredMixin, WagtailAdminTemplateMixin, View):
    """One peer: its settings and state, "Kéo ngay", its recent runs and rejected items."""

    template_name = "exchange/admin/peer_detail.html"
    header_icon = "resubmit"

    @cached_property
    def peer(self) -> Peer:
        return get_object_or_404(Peer, pk=self.kwargs["pk"])

    def get_page_title(self) -> str:
        return _("Nút %(name)s") % {"name": self.peer.name}

    def get_breadcrumbs_items(self) -> list[dict]:
        return _home_crumbs(("", self.peer.name))

    def get_header_buttons(self) -> list:
        return [
            HeaderButton(
                _("Sửa"), url=reverse("exchange_admin:peer_edit", args=[self.peer.pk]),
                icon_name="edit",
            )
        ]  # fmt: skip

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        peer = self.peer
        titles = {name: spec.title for name, spec in registered_types().items()}
        context = self.get_context_data(
            peer=peer,
            type_titles=[titles.get(t, t) for t in peer.types or []],
            options=public_options(peer, masked=True),
            runs=list(PeerRun.objects.filter(peer=peer).order_by("-started_at")[:RECENT_RUNS]),
            rejections=list(
                RejectedItem.objects.filter(peer=peer).order_by("-at")[:RECENT_REJECTIONS]
            ),
            item_count=peer.items.count(),
            tombstone_count=peer.items.filter(deleted=True).count(),
        )
        return self.render_to_response(context)


class PeerPullView(ExchangeManagerRequiredMixin, View):
    """POST: queue a pull of the peer now ("Kéo ngay")."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        peer = get_object_or_404(Peer, pk=kwargs["pk"])
        try:
            peer_pull_enqueue(actor=request.user, peer=peer)
        except PermissionDenied:
            raise
        except Exception as exc:  # the queue itself failed: say so, change nothing
            messages.error(
                request,
                _("Chưa xếp được lượt kéo nút “%(name)s”: %(error)s")
                % {"name": peer.name, "error": exc},
            )
        else:
            messages.success(
                request,
                _(
                    "Đã xếp lượt kéo nút “%(name)s”; kết quả sẽ hiện ở mục Lần kéo gần đây "
                    "khi tác vụ chạy xong."
                )
                % {"name": peer.name},
            )
        return redirect(_peer_url(peer))


class AccessTokenView(ExchangeManagerRequiredMixin, WagtailAdminTemplateMixin, View):
    """The tokens issued to peers, and the form to issue one (shown once)."""

    template_name = "exchange/admin/tokens.html"
    page_title = gettext_lazy("Mã truy cập cấp cho nút khác")
    header_icon = "key"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _home_crumbs(("", _("Mã truy cập")))

    def render_page(
        self,
        form: AccessTokenForm,
        *,
        issued: AccessToken | None = None,
        raw: str = "",
    ) -> HttpResponse:
        titles = {name: spec.title for name, spec in registered_types().items()}
        tokens = list(AccessToken.objects.order_by("revoked_at", "-created_at"))
        for token in tokens:
            token.type_titles = [titles.get(t, t) for t in token.types or []]
        response = self.render_to_response(
            self.get_context_data(form=form, tokens=tokens, issued=issued, raw_token=raw)
        )
        if raw:
            response["Cache-Control"] = "no-store"
        return response

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page(AccessTokenForm())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = AccessTokenForm(request.POST)
        if not form.is_valid():
            messages.validation_error(request, _("Chưa cấp được: hãy sửa các lỗi bên dưới."), form)
            return self.render_page(form)
        token, raw = access_token_issue(
            actor=request.user, name=form.cleaned_data["name"], types=form.cleaned_data["types"]
        )
        # Shown in this answer only (not through a redirect or a message, which would
        # keep it in the session or cookie).
        return self.render_page(AccessTokenForm(), issued=token, raw=raw)


class AccessTokenRevokeView(ExchangeManagerRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = get_object_or_404(AccessToken, pk=kwargs["pk"])
        if access_token_revoke(actor=request.user, token=token):
            messages.success(
                request, _("Đã thu hồi mã truy cập của “%(name)s”.") % {"name": token.name}
            )
        else:
            messages.info(
                request,
                _("Mã truy cập của “%(name)s” đã bị thu hồi từ trước.") % {"name": token.name},
            )
        return redirect("exchange_admin:tokens")
