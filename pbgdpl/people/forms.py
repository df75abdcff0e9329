"""Forms: the second-factor code, and the Wagtail user forms with a phone number."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

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


class StaffUserCreationForm(_PhoneMixin, UserCreationForm):
    phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20)

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"phone"}


class StaffUserEditForm(_PhoneMixin, UserEditForm):
    phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20)

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"phone"}
