"""Forms of the outreach back office (Wagtail admin, under ``/admin/hoat-dong-pbgdpl/``).

They only shape what was typed into the services' inputs (:class:`services.ActivityInput`,
:class:`services.PlanInput`, :class:`services.TargetInput`); every rule lives in
:mod:`pbgdpl.outreach.services`, whose refusals (``OutreachInputError.errors``) are put
back on the fields with ``errors_to_form``. Numbers are text boxes here so that the
person sees the services' own message ("1.200" is read as 1200).
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.people.backoffice_forms import (
    PlainTextField,
    UnitChoiceField,
    date_field,
    errors_to_form,
    form_errors_text,
)
from pbgdpl.units.models import Unit

from .models import (
    Activity,
    ActivityKind,
    ActivityMode,
    AudienceGroup,
    OutreachPlan,
    TargetKind,
)
from .selectors import PERIOD_MAX_DAYS, period_default
from .services import ActivityInput, PlanInput, TargetInput

__all__ = [
    "ActivityDeleteForm",
    "ActivityFilterForm",
    "ActivityForm",
    "EvidenceForm",
    "ImportForm",
    "PlanApproveForm",
    "PlanFilterForm",
    "PlanForm",
    "PlanReopenForm",
    "ReportForm",
    "errors_to_form",
    "form_errors_text",
]

TARGET_ROWS = 12


def _number_box(label: str, *, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=15,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def _unit_field(label: str, *, required: bool = True, empty_label: Any = None) -> UnitChoiceField:
    return UnitChoiceField(
        label=label,
        queryset=Unit.objects.none(),
        required=required,
        to_field_name="code",
        empty_label=empty_label,
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được giao."),
        },
    )


def _plan_label(plan: OutreachPlan) -> str:
    return f"{plan.year} — {plan.unit.name}: {plan.title}"


# --------------------------------------------------------------------------- activities


class ActivityFilterForm(forms.Form):
    """The filters of the activity list (a GET form: every filtered list has its own
    address)."""

    q = forms.CharField(
        label=gettext_lazy("Tìm theo tên, địa điểm, nội dung"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    unit = _unit_field(
        gettext_lazy("Đơn vị (gồm đơn vị trực thuộc)"),
        required=False,
        empty_label=gettext_lazy("Mọi đơn vị"),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Loại hoạt động"), required=False)
    mode = forms.ChoiceField(label=gettext_lazy("Hình thức"), required=False)
    audience = forms.ChoiceField(label=gettext_lazy("Đối tượng"), required=False)
    date_from = date_field(gettext_lazy("Từ ngày"))
    date_to = date_field(gettext_lazy("Đến ngày"))

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["kind"].choices = [("", _("Mọi loại")), *ActivityKind.choices]
        self.fields["mode"].choices = [("", _("Mọi hình thức")), *ActivityMode.choices]
        self.fields["audience"].choices = [("", _("Mọi đối tượng")), *AudienceGroup.choices]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        return data

    def value(self, name: str) -> Any:
        """The cleaned value of a filter, or None when it was empty or not valid."""
        data = getattr(self, "cleaned_data", {})
        return data.get(name) or None

    def filters(self) -> dict[str, Any]:
        """The filters as ``selectors.activity_filter`` takes them."""
        return {
            "unit": self.value("unit"),
            "kind": self.value("kind") or "",
            "mode": self.value("mode") or "",
            "audience": self.value("audience") or "",
            "date_from": self.value("date_from"),
            "date_to": self.value("date_to"),
            "text": self.value("q") or "",
        }


class ActivityForm(forms.Form):
    """One activity: what, when, where, for whom, how many took part, which laws."""

    unit = _unit_field(gettext_lazy("Đơn vị tổ chức"))
    plan = forms.TypedChoiceField(
        label=gettext_lazy("Thuộc kế hoạch"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=gettext_lazy("Kế hoạch năm của chính đơn vị tổ chức (nếu có)."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Loại hoạt động"), required=False)
    title = forms.CharField(
        label=gettext_lazy("Tên hoạt động"),
        required=False,
        max_length=300,
        widget=forms.TextInput(
            attrs={"placeholder": gettext_lazy("Ví dụ: Tuyên truyền Luật Đất đai 2024 tại thôn 3")}
        ),
    )
    start_date = date_field(gettext_lazy("Ngày tổ chức"))
    end_date = date_field(
        gettext_lazy("Đến ngày"),
        help_text=gettext_lazy("Chỉ ghi khi hoạt động kéo dài nhiều ngày."),
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Hình thức"),
        required=False,
        choices=ActivityMode.choices,
        widget=forms.RadioSelect,
    )
    place = forms.CharField(
        label=gettext_lazy("Địa điểm"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Bắt buộc với hoạt động có phần trực tiếp."),
    )
    url = forms.CharField(
        label=gettext_lazy("Đường dẫn (trực tuyến)"),
        required=False,
        max_length=600,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=gettext_lazy("Bài đăng, trang tin hoặc buổi phát trực tuyến."),
    )
    audiences = forms.MultipleChoiceField(
        label=gettext_lazy("Đối tượng được phổ biến"),
        required=False,
        choices=AudienceGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    participants_total = _number_box(gettext_lazy("Tổng số lượt người tham dự"))
    participants_urban = _number_box(
        gettext_lazy("Trong đó ở thành thị"),
        help_text=gettext_lazy("Để trống cả hai ô: tính theo khu vực của đơn vị."),
    )
    participants_rural = _number_box(gettext_lazy("Trong đó ở nông thôn"))
    participants_note = forms.CharField(
        label=gettext_lazy("Giải thích số người tham dự"),
        required=False,
        max_length=300,
        help_text=gettext_lazy(
            "Cần khi xã có người dự ở thành thị, hoặc phường có người dự ở nông thôn."
        ),
    )
    online_views = _number_box(
        gettext_lazy("Lượt xem, tiếp cận trực tuyến"),
        help_text=gettext_lazy("Theo số liệu của nền tảng đăng tải."),
    )
    legal_documents = forms.CharField(
        label=gettext_lazy("Văn bản pháp luật được phổ biến"),
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"placeholder": "31/2024/QH15, 52/2014/QH13"}),
        help_text=gettext_lazy("Số, ký hiệu văn bản, cách nhau bằng dấu phẩy."),
    )
    speakers = forms.CharField(
        label=gettext_lazy("Báo cáo viên, người thực hiện"), required=False, max_length=300
    )
    description = PlainTextField(
        label=gettext_lazy("Nội dung, kết quả"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 4000}),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet,
        plans: QuerySet,
        activity: Activity | None = None,
        **kwargs: Any,
    ) -> None:
        if activity is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(activity)
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["kind"].choices = [("", _("— Chọn loại hoạt động —")), *ActivityKind.choices]
        self.fields["plan"].choices = [
            ("", _("— Không thuộc kế hoạch nào —")),
            *((plan.pk, _plan_label(plan)) for plan in plans.select_related("unit")),
        ]
        if not self.is_bound and "unit" not in self.initial:
            first = units.first()
            if first is not None:
                self.initial["unit"] = first
        if not self.is_bound and "mode" not in self.initial:
            self.initial["mode"] = ActivityMode.OFFLINE

    @staticmethod
    def initial_for(activity: Activity) -> dict[str, Any]:
        return {
            "unit": activity.unit,
            "plan": activity.plan_id,
            "kind": activity.kind,
            "title": activity.title,
            "start_date": activity.start_date,
            "end_date": activity.end_date,
            "mode": activity.mode,
            "place": activity.place,
            "url": activity.url,
            "audiences": list(activity.audiences.values_list("group", flat=True)),
            "participants_total": activity.participants_total,
            "participants_urban": activity.participants_urban,
            "participants_rural": activity.participants_rural,
            "participants_note": activity.participants_note,
            "online_views": activity.online_views or "",
            "legal_documents": ", ".join(activity.legal_documents or []),
            "speakers": activity.speakers,
            "description": activity.description,
        }

    def activity_input(self) -> ActivityInput:
        data = self.cleaned_data
        unit = data.get("unit")
        return ActivityInput(
            unit=unit.code if unit else "",
            kind=data.get("kind") or "",
            title=data.get("title") or "",
            start_date=data.get("start_date"),
            end_date=data.get("end_date"),
            mode=data.get("mode") or "",
            audiences=list(data.get("audiences") or []),
            plan=data.get("plan"),
            description=data.get("description") or "",
            place=data.get("place") or "",
            url=data.get("url") or "",
            participants_total=data.get("participants_total"),
            participants_urban=data.get("participants_urban"),
            participants_rural=data.get("participants_rural"),
            participants_note=data.get("participants_note") or "",
            online_views=data.get("online_views"),
            legal_documents=data.get("legal_documents") or "",
            speakers=data.get("speakers") or "",
        )


class ActivityDeleteForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do xoá"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Ví dụ: nhập trùng với hoạt động khác."),
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp minh chứng"),
        required=False,
        help_text=gettext_lazy(
            "Ảnh (JPG, PNG, WebP, HEIC), PDF hoặc văn bản Word, OpenDocument; tối đa 10 MB."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".jpg,.jpeg,.png,.webp,.heic,.pdf,.doc,.docx,.odt"}
        ),
    )
    caption = forms.CharField(
        label=gettext_lazy("Mô tả"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Ví dụ: Ảnh hội nghị")}),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn tệp Excel (.xlsx) để nhập."),
            "empty": gettext_lazy("Tệp được chọn không có nội dung."),
        },
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


# --------------------------------------------------------------------------- plans


class PlanFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Năm"), required=False, coerce=int, empty_value=None
    )
    unit = _unit_field(
        gettext_lazy("Đơn vị (gồm đơn vị trực thuộc)"),
        required=False,
        empty_label=gettext_lazy("Mọi đơn vị"),
    )

    def __init__(self, *args: Any, units: QuerySet, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["year"].choices = [("", _("Mọi năm")), *((y, str(y)) for y in years)]

    def value(self, name: str) -> Any:
        data = getattr(self, "cleaned_data", {})
        return data.get(name) or None


class PlanForm(forms.Form):
    """A plan and its targets (up to ``TARGET_ROWS`` rows; empty rows are ignored)."""

    unit = _unit_field(gettext_lazy("Đơn vị"))
    year = forms.TypedChoiceField(label=gettext_lazy("Năm kế hoạch"), coerce=int)
    title = forms.CharField(
        label=gettext_lazy("Tên kế hoạch"),
        required=False,
        max_length=300,
        widget=forms.TextInput(
            attrs={
                "placeholder": gettext_lazy("Ví dụ: Kế hoạch phổ biến, giáo dục pháp luật năm 2026")
            }
        ),
    )
    note = PlainTextField(
        label=gettext_lazy("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet | None,
        plan: OutreachPlan | None = None,
        **kwargs: Any,
    ) -> None:
        if plan is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(plan)
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = list(range(this_year + 1, this_year - 4, -1))
        if plan is not None and plan.year not in years:
            years.append(plan.year)
        self.fields["year"].choices = [(y, str(y)) for y in years]
        if units is None:  # editing: the unit does not change
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units
            if not self.is_bound and "unit" not in self.initial:
                first = units.first()
                if first is not None:
                    self.initial["unit"] = first
        if not self.is_bound and "year" not in self.initial:
            self.initial["year"] = this_year
        kinds = [("", _("— Chọn chỉ tiêu —")), *TargetKind.choices]
        activity_kinds = [("", _("(mọi loại)")), *ActivityKind.choices]
        for i in range(1, TARGET_ROWS + 1):
            self.fields[f"target_kind_{i}"] = forms.ChoiceField(
                label=_("Chỉ tiêu %(n)s") % {"n": i}, required=False, choices=kinds
            )
            self.fields[f"target_activity_kind_{i}"] = forms.ChoiceField(
                label=_("Loại hoạt động (chỉ tiêu %(n)s)") % {"n": i},
                required=False,
                choices=activity_kinds,
            )
            self.fields[f"target_value_{i}"] = _number_box(_("Giá trị (chỉ tiêu %(n)s)") % {"n": i})
            self.fields[f"target_note_{i}"] = forms.CharField(
                label=_("Ghi chú (chỉ tiêu %(n)s)") % {"n": i}, required=False, max_length=200
            )

    @staticmethod
    def initial_for(plan: OutreachPlan) -> dict[str, Any]:
        initial: dict[str, Any] = {"year": plan.year, "title": plan.title, "note": plan.note}
        for i, target in enumerate(plan.targets.all(), start=1):
            initial[f"target_kind_{i}"] = target.kind
            initial[f"target_activity_kind_{i}"] = target.activity_kind
            initial[f"target_value_{i}"] = target.value
            initial[f"target_note_{i}"] = target.note
        return initial

    def target_rows(self) -> list[dict[str, Any]]:
        """Bound fields per target row, with the row's error, for the template."""
        return [
            {
                "number": i,
                "kind": self[f"target_kind_{i}"],
                "activity_kind": self[f"target_activity_kind_{i}"],
                "value": self[f"target_value_{i}"],
                "note": self[f"target_note_{i}"],
            }
            for i in range(1, TARGET_ROWS + 1)
        ]

    @staticmethod
    def target_error_fields() -> dict[str, str]:
        """Where the services' ``target_<n>`` errors go: on the row's first box."""
        return {f"target_{i}": f"target_kind_{i}" for i in range(1, TARGET_ROWS + 1)}

    def plan_input(self, *, unit: Unit) -> PlanInput:
        data = self.cleaned_data
        return PlanInput(
            unit=unit.code, year=data.get("year"), title=data.get("title") or "",
            note=data.get("note") or "",
        )  # fmt: skip

    def targets_input(self) -> list[TargetInput]:
        data = self.cleaned_data
        return [
            TargetInput(
                kind=data.get(f"target_kind_{i}") or "",
                activity_kind=data.get(f"target_activity_kind_{i}") or "",
                value=data.get(f"target_value_{i}"),
                note=data.get(f"target_note_{i}") or "",
            )
            for i in range(1, TARGET_ROWS + 1)
        ]


class PlanApproveForm(forms.Form):
    decision_number = forms.CharField(
        label=gettext_lazy("Số, ký hiệu văn bản ban hành"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Ví dụ 15/KH-UBND")}),
    )
    decision_date = date_field(gettext_lazy("Ngày ban hành"))


class PlanReopenForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do chuyển về dự thảo"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Ví dụ: điều chỉnh chỉ tiêu theo Kế hoạch số 40/KH-UBND."),
    )


# --------------------------------------------------------------------------- report


class ReportForm(forms.Form):
    """The unit (with everything below it) and the period (default: the current year)."""

    unit = _unit_field(gettext_lazy("Đơn vị (gồm đơn vị trực thuộc)"), required=False)
    date_from = date_field(gettext_lazy("Từ ngày"))
    date_to = date_field(gettext_lazy("Đến ngày"))

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = None
        self.units = units

    def clean(self) -> dict:
        data = super().clean()
        start, end = period_default()
        data["date_from"] = data.get("date_from") or start
        data["date_to"] = data.get("date_to") or end
        if not data.get("unit") and "unit" not in self.errors:
            data["unit"] = self.units.first()
        if "date_from" in self.errors or "date_to" in self.errors:
            return data
        if data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        elif (data["date_to"] - data["date_from"]).days > PERIOD_MAX_DAYS:
            self.add_error("date_to", _("Mỗi báo cáo tối đa 5 năm."))
        return data

    def period(self) -> tuple[Unit | None, date, date]:
        data = self.cleaned_data
        return data.get("unit"), data["date_from"], data["date_to"]
