"""Forms of the Legal Q&A back office (Wagtail admin).

They only shape and check what was typed; every rule about questions lives in
:mod:`pbgdpl.qa.services` (and the settings rules in :mod:`pbgdpl.qa.config_services`),
which the views call and whose errors (``QaInputError.errors``) are put back on the
form's fields with :func:`errors_to_form`. Fields the services check (a decline reason,
a due date in the past, a citation number) are therefore optional here, so that the
person sees the service's own, precise message.
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.core.models import CalendarDay
from pbgdpl.laws.models import LegalField
from pbgdpl.people.backoffice_forms import (
    PlainTextField,
    UnitChoiceField,
    date_field,
)

from .config_services import (
    WORKING_DAYS_MAX,
    WORKING_DAYS_MIN,
    calendar_day_add,
    calendar_day_delete,
    service_level_set,
)
from .models import Question, QuestionStatus
from .services import CITATIONS_MAX, CitationInput

# Query-string value of the status filter for "every status" (the default is open ones).
STATUS_ALL = "tat-ca"


def _field_choices() -> QuerySet[LegalField]:
    return LegalField.objects.order_by("name")


def field_filter_field() -> forms.ModelChoiceField:
    """An optional legal-field filter (by code; "every field" when empty). The form sets
    the queryset."""
    return forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"),
        queryset=LegalField.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("Mọi lĩnh vực"),
    )


def unit_filter_field() -> UnitChoiceField:
    """An optional commune filter (by code; "every commune" when empty). The form sets the
    queryset to the units the reader may see."""
    return UnitChoiceField(
        label=gettext_lazy("Xã, phường"),
        queryset=LegalField.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("Mọi xã, phường"),
    )


# --------------------------------------------------------------------------- queue


class QueueFilterForm(forms.Form):
    """The filters of the queue (a GET form: every filtered list has its own address)."""

    SORTS = (
        ("han", gettext_lazy("Hạn trả lời: gần nhất trước")),
        ("-han", gettext_lazy("Hạn trả lời: xa nhất trước")),
        ("-nhan", gettext_lazy("Mới tiếp nhận trước")),
        ("nhan", gettext_lazy("Tiếp nhận lâu nhất trước")),
    )

    q = forms.CharField(
        label=gettext_lazy("Mã theo dõi hoặc tiêu đề"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái"), required=False)
    field = field_filter_field()
    unit = unit_filter_field()
    mine = forms.BooleanField(label=gettext_lazy("Được giao cho tôi"), required=False)
    overdue = forms.BooleanField(label=gettext_lazy("Quá hạn"), required=False)
    sort = forms.ChoiceField(label=gettext_lazy("Sắp xếp"), required=False, choices=SORTS)

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Đang xử lý (chưa xong)")),
            (STATUS_ALL, _("Mọi trạng thái")),
            *QuestionStatus.choices,
        ]
        self.fields["field"].queryset = _field_choices()
        self.fields["unit"].queryset = units

    def value(self, name: str) -> Any:
        """The cleaned value of a filter, or its empty value when it was not valid."""
        data = getattr(self, "cleaned_data", {})
        return data.get(name) or None


# --------------------------------------------------------------------------- triage


class ClassifyForm(forms.Form):
    legal_field = forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"),
        queryset=LegalField.objects.none(),
        error_messages={"required": gettext_lazy("Vui lòng chọn lĩnh vực.")},
    )
    unit = UnitChoiceField(
        label=gettext_lazy("Xã, phường"),
        queryset=LegalField.objects.none(),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn xã, phường."),
            "invalid_choice": gettext_lazy(
                "Chỉ chọn được xã, phường đang hoạt động mà bạn được tiếp nhận câu hỏi."
            ),
        },
    )

    def __init__(self, *args: Any, question: Question, units: QuerySet, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"legal_field": question.legal_field, "unit": question.unit})
        super().__init__(*args, **kwargs)
        self.fields["legal_field"].queryset = _field_choices()
        self.fields["unit"].queryset = units


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(
        label=gettext_lazy("Giao cho"),
        coerce=int,
        error_messages={
            "required": gettext_lazy("Vui lòng chọn người trả lời."),
            "invalid_choice": gettext_lazy(
                "Người được chọn không trả lời câu hỏi của xã, phường này."
            ),
        },
    )
    due_on = date_field(
        gettext_lazy("Hạn trả lời mới"),
        help_text=gettext_lazy("Để trống để giữ hạn hiện tại."),
    )

    def __init__(
        self, *args: Any, question: Question, candidates: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {"assignee": question.assignee_id})
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("— Chọn người trả lời —")), *candidates]
        self.fields["due_on"].help_text = _(
            "Hiện tại: %(due)s. Để trống để giữ nguyên; không chọn được ngày đã qua."
        ) % {"due": question.due_on.strftime("%d/%m/%Y")}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do (người hỏi sẽ đọc được)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=gettext_lazy(
            "Ví dụ: không phải câu hỏi pháp luật; vụ việc đang được tòa án giải quyết."
        ),
    )


class MergeForm(forms.Form):
    into_code = forms.CharField(
        label=gettext_lazy("Mã theo dõi của câu hỏi gốc"),
        required=False,
        max_length=30,
        help_text=gettext_lazy("Ví dụ HD-7K4M2-QXR0Z; hoặc chọn một câu hỏi tương tự bên dưới."),
    )
    into = forms.TypedChoiceField(
        label=gettext_lazy("Câu hỏi tương tự cùng lĩnh vực"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy("Câu hỏi được chọn không còn trong danh sách.")
        },
    )

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = candidates
        if not candidates:
            del self.fields["into"]

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors and not data.get("into_code", "").strip() and not data.get("into"):
            raise forms.ValidationError(_("Vui lòng ghi mã theo dõi hoặc chọn câu hỏi để gộp vào."))
        return data


# --------------------------------------------------------------------------- answer


class AnswerForm(forms.Form):
    """The public wording and the answer; the legal grounds are a :data:`CitationFormSet`."""

    title = forms.CharField(
        label=gettext_lazy("Tiêu đề công khai"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Ngắn, rõ, không có thông tin cá nhân; tối đa 200 ký tự."),
    )
    public_question = PlainTextField(
        label=gettext_lazy("Câu hỏi công khai"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Câu hỏi như sẽ được đăng: đã bỏ họ tên, địa chỉ, số điện thoại, số giấy tờ. "
            "Bản đầu tiên là nguyên văn đã che thư điện tử, số điện thoại, số căn cước: hãy "
            "đọc lại."
        ),
    )
    answer = PlainTextField(
        label=gettext_lazy("Câu trả lời"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    audiences = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Đối tượng"),
        queryset=LegalField.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        from pbgdpl.portal.models import Audience

        from .services import personal_data_mask

        kwargs.setdefault(
            "initial",
            {
                "title": question.title,
                "public_question": question.public_question or personal_data_mask(question.text),
                "answer": question.answer,
                "audiences": list(question.audiences.all()) if question.pk else [],
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["audiences"].queryset = Audience.objects.order_by("sort_order", "name")


class CitationRowForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Số ký hiệu"), required=False, max_length=80)
    article = forms.CharField(label=gettext_lazy("Điều"), required=False, max_length=20)
    detail = forms.CharField(label=gettext_lazy("Khoản, điểm"), required=False, max_length=80)
    title = forms.CharField(
        label=gettext_lazy("Tên văn bản (khi thư viện chưa có)"), required=False, max_length=300
    )


class BaseCitationFormSet(forms.BaseFormSet):
    def citations(self, *, extra: CitationInput | None = None) -> list[CitationInput]:
        """The rows kept (not ticked for removal, with a number), in order, plus ``extra``."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not (data.get("number") or "").strip():
                continue
            rows.append(
                CitationInput(
                    number=data["number"],
                    article=data.get("article", ""),
                    detail=data.get("detail", ""),
                    title=data.get("title", ""),
                )
            )
        if extra is not None:
            rows.append(extra)
        return rows


CITATION_EMPTY_ROWS = 3
CitationFormSet = forms.formset_factory(
    CitationRowForm,
    formset=BaseCitationFormSet,
    extra=CITATION_EMPTY_ROWS,
    can_delete=True,
    max_num=CITATIONS_MAX + CITATION_EMPTY_ROWS,
    absolute_max=CITATIONS_MAX + CITATION_EMPTY_ROWS,
)
CITATION_PREFIX = "can_cu"


def citation_formset(data: Any = None, *, question: Question) -> BaseCitationFormSet:
    """The citation rows of ``question`` (bound to ``data`` when posted)."""
    initial = [
        {"number": c.number, "article": c.article, "detail": c.detail, "title": c.title}
        for c in question.citations.all()
    ]
    return CitationFormSet(data, initial=initial, prefix=CITATION_PREFIX)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Điều cần sửa"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do gỡ (ghi vào nhật ký)"),
        required=False,
        max_length=500,
    )


# --------------------------------------------------------------------------- settings


class ServiceLevelForm(forms.Form):
    """One field's deadline; empty means "use the default"."""

    legal_field = forms.ModelChoiceField(
        queryset=LegalField.objects.all(),
        to_field_name="code",
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("Lĩnh vực không còn tồn tại.")},
    )
    working_days = forms.IntegerField(
        label=gettext_lazy("Số ngày làm việc"),
        required=False,
        min_value=WORKING_DAYS_MIN,
        max_value=WORKING_DAYS_MAX,
        error_messages={
            "invalid": gettext_lazy("Nhập một số ngày làm việc (từ 1 đến 60)."),
            "min_value": gettext_lazy("Thời hạn trả lời phải từ 1 đến 60 ngày làm việc."),
            "max_value": gettext_lazy("Thời hạn trả lời phải từ 1 đến 60 ngày làm việc."),
        },
    )

    def save(self, *, actor: Any) -> Any:
        """Store through :func:`config_services.service_level_set` (raises QaInputError,
        PermissionDenied)."""
        return service_level_set(
            actor=actor,
            legal_field=self.cleaned_data["legal_field"],
            working_days=self.cleaned_data.get("working_days"),
        )


class CalendarDayForm(forms.Form):
    day = date_field(gettext_lazy("Ngày"), required=True)
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại"),
        choices=CalendarDay.Kind.choices,
        initial=CalendarDay.Kind.HOLIDAY,
    )
    name = forms.CharField(
        label=gettext_lazy("Tên"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Ví dụ: Tết Nguyên đán; Làm bù cho ngày nghỉ 02/5."),
    )

    def save(self, *, actor: Any) -> CalendarDay:
        """Store through :func:`config_services.calendar_day_add` (raises QaInputError,
        PermissionDenied)."""
        return calendar_day_add(
            actor=actor,
            day=self.cleaned_data["day"],
            kind=self.cleaned_data["kind"],
            name=self.cleaned_data.get("name", ""),
        )


class CalendarDayDeleteForm(forms.Form):
    day = date_field(gettext_lazy("Ngày"), required=True)

    def save(self, *, actor: Any) -> None:
        calendar_day_delete(actor=actor, day=self.cleaned_data["day"])


# --------------------------------------------------------------------------- reports


class ReportForm(forms.Form):
    """The period (default: the current year) and the optional field and commune."""

    date_from = date_field(gettext_lazy("Từ ngày"))
    date_to = date_field(gettext_lazy("Đến ngày"))
    field = field_filter_field()
    unit = unit_filter_field()

    MAX_DAYS = 366 * 5

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = _field_choices()
        self.fields["unit"].queryset = units

    @staticmethod
    def default_period(today: date | None = None) -> tuple[date, date]:
        today = today or timezone.localdate()
        return date(today.year, 1, 1), date(today.year, 12, 31)

    def clean(self) -> dict:
        data = super().clean()
        start, end = self.default_period()
        data["date_from"] = data.get("date_from") or start
        data["date_to"] = data.get("date_to") or end
        if "date_from" in self.errors or "date_to" in self.errors:
            return data
        if data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        elif (data["date_to"] - data["date_from"]).days > self.MAX_DAYS:
            self.add_error("date_to", _("Mỗi báo cáo tối đa 5 năm."))
        return data
