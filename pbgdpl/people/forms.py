"""Forms: the second-factor code, the public login, and the Wagtail user forms with a
phone number and the commune the person lives in."""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from pbgdpl.units.models import Unit

from .communes import communes_valid
from .identifiers import normalize_phone


class TotpCodeForm(forms.Form):
    token = forms.CharField(
        label=_("Mã 6 chữ số trong ứng dụng xác thực"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Mã chỉ gồm chữ số."))
        return token


class _PhoneMixin:
    def clean_phone(self) -> str | None:
        value = (self.cleaned_data.get("phone") or "").strip()
        if not value:
            return None
        try:
            return normalize_phone(value)
        except ValueError as exc:
            raise forms.ValidationError(_("Số điện thoại không hợp lệ.")) from exc


COMMUNE_LABEL = _("Xã, phường nơi sinh sống")
COMMUNE_HELP = _(
    "Không bắt buộc. Dùng để thống kê số người được tiếp cận thông tin pháp luật theo xã, "
    "phường (không công khai)."
)


class _CommuneMixin:
    """The account's commune: communes in force today (and the one already set)."""

    def _commune_field_add(self) -> None:
        current = getattr(getattr(self, "instance", None), "unit_id", None)
        ids = [c.id for c in communes_valid()]
        self.fields["unit"] = forms.ModelChoiceField(
            queryset=Unit.objects.filter(Q(pk__in=ids) | Q(pk=current)).order_by("name"),
            required=False,
            label=COMMUNE_LABEL,
            help_text=COMMUNE_HELP,
        )


class StaffUserCreationForm(_PhoneMixin, _CommuneMixin, UserCreationForm):
    phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20)

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"phone", "unit"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._commune_field_add()


class StaffUserEditForm(_PhoneMixin, _CommuneMixin, UserEditForm):
    phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20)

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"phone", "unit"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._commune_field_add()


class AccountLoginForm(AuthenticationForm):
    """The public login: e-mail address or phone number, and the password."""

    username = forms.CharField(
        label=_("Thư điện tử hoặc số điện thoại"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    error_messages = {
        "invalid_login": _(
            "Thư điện tử/số điện thoại hoặc mật khẩu không đúng. Lưu ý mật khẩu phân biệt "
            "chữ hoa, chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khoá."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
