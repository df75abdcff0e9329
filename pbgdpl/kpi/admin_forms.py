"""Forms of the indicators back office (Wagtail admin, under ``/admin/chi-tieu/``).

They carry what was typed; every rule lives in :mod:`pbgdpl.kpi.services`, whose
refusals (``KpiInputError.errors``) are put back on the fields with :meth:`apply_errors`,
so the back office and the services give the same Vietnamese messages."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PeriodType, SurveyContext
from .periods import period_bounds, period_label_for, period_recent_codes


class ServiceErrorsMixin:
    def apply_errors(self, errors: dict[str, str]) -> None:
        """Each of the services' messages on its field (or on the whole form)."""
        for name, message in errors.items():
            self.add_error(name if name in self.fields else None, message)


class FiguresInput(forms.TextInput):
    input_type = "text"

    def __init__(self) -> None:
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 10})


class EntryForm(ServiceErrorsMixin, forms.Form):
    """The survey figures of a commune for a period (checked by ``services.entry_save``)."""

    sample = forms.CharField(
        label=_("Số người được khảo sát"),
        required=False,
        max_length=20,
        widget=FiguresInput(),
        help_text=_("Cỡ mẫu của cuộc khảo sát người dân trong kỳ; không lớn hơn dân số."),
    )
    reached = forms.CharField(
        label=_("Số người đã tiếp cận thông tin pháp luật qua nền tảng số"),
        required=False,
        max_length=20,
        widget=FiguresInput(),
        help_text=_(
            "Trong số người được khảo sát: số người cho biết đã tiếp cận thông tin pháp luật "
            "qua cổng thông tin, mạng xã hội, ứng dụng hoặc tin nhắn."
        ),
    )
    satisfied = forms.CharField(
        label=_("Số người hài lòng"),
        required=False,
        max_length=20,
        widget=FiguresInput(),
        help_text=_("Trong số người được khảo sát: số người hài lòng hoặc rất hài lòng."),
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Cách khảo sát, thời gian, người thực hiện (không ghi thông tin cá nhân)."),
    )


class ReasonForm(ServiceErrorsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def period_choices(*, today: Any = None) -> list[tuple[str, str]]:
    """The periods an entry can be made for: the last three years and eight quarters."""
    today = today or timezone.localdate()
    codes = period_recent_codes(today=today, kind=PeriodType.YEAR, count=3)
    codes += period_recent_codes(today=today, kind=PeriodType.QUARTER, count=8)
    choices = []
    for code in codes:
        canonical, kind, start, _end = period_bounds(code)
        choices.append((canonical, period_label_for(kind, start)))
    return choices


class PeriodFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ"), required=False)
    state = forms.ChoiceField(label=_("Trạng thái"), required=False)

    def __init__(self, *args: Any, states: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = period_choices()
        self.fields["state"].choices = [("", _("Tất cả")), *states]

    def value(self, name: str) -> str:
        if not self.is_bound or not self.is_valid():
            return self.fields[name].initial or ""
        return self.cleaned_data.get(name) or ""


class SurveyForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), required=False, max_length=200)
    slug = forms.CharField(
        label=_("Đường dẫn"),
        required=False,
        max_length=80,
        help_text=_("Phần cuối của địa chỉ /khao-sat/…/, ví dụ “hai-long-hoi-dap”."),
    )
    context = forms.ChoiceField(label=_("Hiện ở"), choices=SurveyContext.choices)
    question = forms.CharField(label=_("Câu hỏi"), required=False, max_length=300)
    intro = forms.CharField(
        label=_("Lời giới thiệu"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    unit = forms.ChoiceField(
        label=_("Đơn vị tổ chức"),
        help_text=_("Câu trả lời không chọn xã, phường được tính cho đơn vị này."),
    )
    sampling_rate = forms.CharField(
        label=_("Tỷ lệ mời"),
        required=False,
        max_length=10,
        help_text=_("Từ 0 đến 1: 1 là mời mọi người xem; 0,2 là mời 20% người xem."),
    )
    active = forms.BooleanField(label=_("Đang mở"), required=False)
    ask_unit = forms.BooleanField(label=_("Hỏi xã, phường của người trả lời"), required=False)

    def __init__(self, *args: Any, units: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = units
