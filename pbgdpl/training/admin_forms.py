"""Forms of the training back office (Wagtail admin, under ``/admin/training/``).

They only shape what was typed into the services' inputs (:class:`services.PersonInput`,
:class:`services.SessionInput`, :class:`catalogue.CourseInput`,
:class:`catalogue.ModuleInput`); the rules live in the services, whose refusals
(``TrainingInputError.errors``) are put back on the fields with ``errors_to_form``. The
small form helpers are the contests back office's, so both screens behave alike.
"""

import json
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.contests.models import Item
from pbgdpl.core.xlsx import UPLOAD_MAX_BYTES
from pbgdpl.laws.models import LegalField
from pbgdpl.people.backoffice_forms import (
    PlainTextField,
    UnitChoiceField,
    date_field,
    datetime_field,
)
from pbgdpl.units.models import Unit

from .models import Course, CourseMode, Module, ModuleKind, Person, PersonRole, PersonStatus
from .services import PersonInput, SessionInput
from .services.catalogue import DOCUMENT_TYPES, LESSON_FEATURES, CourseInput, ModuleInput

__all__ = [
    "AttendanceImportForm",
    "CompletionForm",
    "CourseForm",
    "EnrolForm",
    "ModuleForm",
    "PersonFilterForm",
    "PersonForm",
    "PersonMoveForm",
    "PersonStatusForm",
    "RegistryImportForm",
    "SessionForm",
    "StatsForm",
]


def _legal_fields() -> QuerySet[LegalField]:
    return LegalField.objects.order_by("name")


class XlsxUploadForm(forms.Form):
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

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel dạng .xlsx."))
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 5 MB."))
        return upload


RegistryImportForm = XlsxUploadForm
AttendanceImportForm = XlsxUploadForm


# --------------------------------------------------------------------------- registry


class PersonFilterForm(forms.Form):
    """The filters of the registry (a GET form: every filtered list has its address)."""

    q = forms.CharField(
        label=gettext_lazy("Tìm theo tên, số điện thoại, thư điện tử"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("Mọi đơn vị"),
    )
    role = forms.ChoiceField(label=gettext_lazy("Vai trò"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái"), required=False)

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["role"].choices = [("", _("Mọi vai trò")), *PersonRole.choices]
        self.fields["status"].choices = [("", _("Mọi trạng thái")), *PersonStatus.choices]

    def value(self, name: str) -> Any:
        """The cleaned value of a filter, or None when it was empty or not valid."""
        data = getattr(self, "cleaned_data", {})
        return data.get(name) or None


class PersonForm(forms.Form):
    """One person of the registry. The unit is chosen when adding only (a move keeps the
    history); "Từ ngày" is where their history starts."""

    full_name = forms.CharField(label=gettext_lazy("Họ và tên"), required=False, max_length=120)
    role = forms.ChoiceField(
        label=gettext_lazy("Vai trò"), choices=PersonRole.choices, widget=forms.RadioSelect
    )
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị"),
        queryset=Unit.objects.none(),
        empty_label=gettext_lazy("— Chọn đơn vị —"),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được quản lý danh sách."),
        },
    )
    since = date_field(
        gettext_lazy("Làm công tác ở đơn vị từ ngày"),
        help_text=gettext_lazy("Để trống là hôm nay."),
    )
    birth_date = date_field(gettext_lazy("Ngày sinh"))
    phone = forms.CharField(label=gettext_lazy("Số điện thoại"), required=False, max_length=30)
    email = forms.CharField(label=gettext_lazy("Thư điện tử"), required=False, max_length=254)
    position = forms.CharField(
        label=gettext_lazy("Chức vụ, nơi công tác"), required=False, max_length=200
    )
    decision_number = forms.CharField(
        label=gettext_lazy("Số quyết định công nhận"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("Bắt buộc với báo cáo viên pháp luật."),
    )
    decision_date = date_field(gettext_lazy("Ngày quyết định"))
    term_from = date_field(gettext_lazy("Nhiệm kỳ từ"))
    term_to = date_field(gettext_lazy("Nhiệm kỳ đến"))
    legal_fields = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Lĩnh vực phụ trách"),
        queryset=LegalField.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, units: QuerySet | None = None, person: Person | None = None, **kwargs
    ) -> None:
        if person is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "full_name": person.full_name,
                "role": person.role,
                "birth_date": person.birth_date,
                "phone": person.phone,
                "email": person.email,
                "position": person.position,
                "decision_number": person.decision_number,
                "decision_date": person.decision_date,
                "term_from": person.term_from,
                "term_to": person.term_to,
                "legal_fields": [f.code for f in person.legal_fields.all()],
            }
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["legal_fields"].queryset = _legal_fields()
        if person is not None:  # editing: the unit changes by a move
            del self.fields["unit"]
            del self.fields["since"]
        else:
            self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
            if not self.is_bound and units is not None and units.count() == 1:
                self.initial["unit"] = units.first()

    def person_input(self) -> PersonInput:
        data = self.cleaned_data
        unit = self.person.unit if self.person is not None else data["unit"]
        return PersonInput(
            full_name=data.get("full_name") or "",
            role=data.get("role") or "",
            unit=unit.code,
            birth_date=data.get("birth_date"),
            phone=data.get("phone") or "",
            email=data.get("email") or "",
            position=data.get("position") or "",
            decision_number=data.get("decision_number") or "",
            decision_date=data.get("decision_date"),
            term_from=data.get("term_from"),
            term_to=data.get("term_to"),
            legal_fields=[f.code for f in data.get("legal_fields") or []],
            since=data.get("since"),
        )


class PersonMoveForm(forms.Form):
    unit = UnitChoiceField(
        label=gettext_lazy("Chuyển đến đơn vị"),
        queryset=Unit.objects.none(),
        empty_label=gettext_lazy("— Chọn đơn vị —"),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị mới."),
            "invalid_choice": gettext_lazy("Chỉ chuyển được đến đơn vị bạn được quản lý."),
        },
    )
    on = date_field(gettext_lazy("Từ ngày"), required=True)
    reason = forms.CharField(
        label=gettext_lazy("Lý do"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Ví dụ: sắp xếp đơn vị hành chính, điều động công tác."),
    )

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())

    def clean_on(self) -> date:
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày chuyển không được sau hôm nay."))
        return day


class PersonStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái mới"), choices=PersonStatus.choices)
    since = date_field(gettext_lazy("Từ ngày"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("since", timezone.localdate())


# --------------------------------------------------------------------------- courses


class CourseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.unit.name})"


class CourseForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Tên khoá bồi dưỡng"), required=False, max_length=255
    )
    slug = forms.CharField(
        label=gettext_lazy("Đường dẫn"),
        required=False,
        max_length=120,
        help_text=gettext_lazy("Chữ không dấu, số và dấu gạch ngang; để trống để tạo từ tên."),
    )
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị tổ chức"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị tổ chức."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được tổ chức bồi dưỡng."),
        },
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Hình thức"),
        choices=CourseMode.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Trực tuyến: học viên tự học các học phần và hoàn thành khi học xong. Trực tiếp, "
            "kết hợp: có buổi học; hoàn thành được xác nhận cho người đã dự."
        ),
    )
    audience = forms.MultipleChoiceField(
        label=gettext_lazy("Đối tượng"),
        choices=PersonRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Không chọn là mọi người trong danh sách."),
    )
    hours = forms.DecimalField(
        label=gettext_lazy("Số giờ"),
        required=False,
        max_digits=6,
        decimal_places=1,
        error_messages={"invalid": gettext_lazy("Nhập số giờ, ví dụ 4 hoặc 2,5.")},
    )
    qualifying = forms.BooleanField(
        label=gettext_lazy("Tính vào chỉ tiêu bồi dưỡng kỹ năng số"), required=False, initial=True
    )
    pass_mark = forms.IntegerField(
        label=gettext_lazy("Điểm đạt bài kiểm tra (%)"),
        required=False,
        initial=70,
        error_messages={"invalid": gettext_lazy("Nhập một số từ 1 đến 100.")},
    )
    prerequisites = CourseChoiceField(
        label=gettext_lazy("Khoá cần hoàn thành trước"),
        queryset=Course.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = PlainTextField(
        label=gettext_lazy("Giới thiệu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet,
        courses: QuerySet,
        course: Course | None = None,
        **kwargs: Any,
    ) -> None:
        if course is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": course.title,
                "slug": course.slug,
                "unit": course.unit,
                "mode": course.mode,
                "audience": list(course.audience or []),
                "hours": course.hours,
                "qualifying": course.qualifying,
                "pass_mark": course.pass_mark,
                "prerequisites": list(course.prerequisites.all()),
                "description": course.description,
            }
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if course is not None:
            courses = courses.exclude(pk=course.pk)
        self.fields["prerequisites"].queryset = courses.select_related("unit").order_by("title")
        if not self.is_bound and "unit" not in self.initial:
            first = units.first()
            if first is not None:
                self.initial["unit"] = first

    def course_input(self) -> CourseInput:
        data = self.cleaned_data
        return CourseInput(
            title=data.get("title") or "",
            unit=data["unit"].code,
            mode=data.get("mode") or "",
            slug=data.get("slug") or "",
            description=data.get("description") or "",
            audience=list(data.get("audience") or []),
            hours=data.get("hours") if data.get("hours") is not None else 0,
            qualifying=bool(data.get("qualifying")),
            pass_mark=data.get("pass_mark") if data.get("pass_mark") is not None else 0,
            prerequisites=[c.pk for c in data.get("prerequisites") or []],
        )


class PublishForm(forms.Form):
    published = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1", empty_value=None
    )


def _rich_text_widget() -> forms.Widget:
    """Wagtail's rich text editor (Draftail) limited to the lesson features. What it
    sends is the editor's JSON; plain HTML (a script, the editor not loaded) is taken as
    is — the service sanitises both the same way."""
    from wagtail.admin.rich_text import DraftailRichTextArea

    class LessonEditor(DraftailRichTextArea):
        def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
            raw = data.get(name)
            if raw is None:
                return None
            try:
                json.loads(raw)
            except ValueError:
                return raw
            return super().value_from_datadict(data, files, name)

    return LessonEditor(features=LESSON_FEATURES)


class ModuleForm(forms.Form):
    """A module: its kind decides which of the other fields matter (the services say
    what is missing). The quiz questions are approved items of the question bank, ticked
    in a list the form's search narrows."""

    title = forms.CharField(label=gettext_lazy("Tên học phần"), required=False, max_length=255)
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại học phần"), choices=ModuleKind.choices, widget=forms.RadioSelect
    )
    body = forms.CharField(
        label=gettext_lazy("Nội dung bài học / lời giới thiệu"),
        required=False,
        help_text=gettext_lazy(
            "Bắt buộc với bài học. Tiêu đề, chữ đậm, nghiêng, danh sách và liên kết."
        ),
    )
    video_url = forms.CharField(
        label=gettext_lazy("Địa chỉ video"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Với học phần video: địa chỉ https://…"),
    )
    document = forms.FileField(
        label=gettext_lazy("Tệp tài liệu"),
        required=False,
        help_text=gettext_lazy("Với học phần tài liệu."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in DOCUMENT_TYPES)}
        ),
    )
    items = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Câu hỏi kiểm tra"),
        queryset=Item.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("Chỉ chọn được câu hỏi đã duyệt."),
            "invalid_pk_value": gettext_lazy("Câu hỏi không hợp lệ."),
        },
    )

    def __init__(
        self, *args: Any, items: QuerySet, module: Module | None = None, **kwargs: Any
    ) -> None:
        if module is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": module.title,
                "kind": module.kind,
                "body": module.body,
                "video_url": module.video_url,
                "items": list(module.items.values_list("pk", flat=True)),
            }
        super().__init__(*args, **kwargs)
        self.fields["body"].widget = _rich_text_widget()
        self.fields["items"].queryset = items
        allowed = ", ".join(f".{ext}" for ext in DOCUMENT_TYPES)
        self.fields["document"].help_text = _(
            "Với học phần tài liệu: %(types)s, tối đa %(mb)s MB."
        ) % {"types": allowed, "mb": _document_mb()}

    def module_input(self) -> ModuleInput:
        data = self.cleaned_data
        return ModuleInput(
            title=data.get("title") or "",
            kind=data.get("kind") or "",
            body=data.get("body") or "",
            video_url=data.get("video_url") or "",
            document=data.get("document") or None,
            items=[item.pk for item in data.get("items") or []],
        )


def _document_mb() -> int:
    from .services.catalogue import document_max_bytes

    return document_max_bytes() // (1024 * 1024)


class SessionForm(forms.Form):
    starts_at = datetime_field(gettext_lazy("Bắt đầu (giờ Việt Nam)"))
    ends_at = datetime_field(gettext_lazy("Kết thúc (giờ Việt Nam)"))
    online = forms.BooleanField(label=gettext_lazy("Học trực tuyến"), required=False)
    place = forms.CharField(
        label=gettext_lazy("Địa điểm"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("Bắt buộc với buổi học trực tiếp."),
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Số chỗ"),
        required=False,
        error_messages={"invalid": gettext_lazy("Nhập số chỗ (từ 1 đến 10.000).")},
    )
    trainer = forms.CharField(label=gettext_lazy("Giảng viên"), required=False, max_length=200)

    def session_input(self) -> SessionInput:
        data = self.cleaned_data
        return SessionInput(
            starts_at=data.get("starts_at"),
            ends_at=data.get("ends_at"),
            online=bool(data.get("online")),
            place=data.get("place") or "",
            capacity=data.get("capacity"),
            trainer=data.get("trainer") or "",
        )


class EnrolForm(forms.Form):
    """Enrol the ticked people (``nguoi``) or everyone of a unit (``don_vi``)."""

    nguoi = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Người được chọn không hợp lệ.")},
    )
    don_vi = UnitChoiceField(
        label=gettext_lazy("Ghi danh mọi người đang hoạt động của đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("— Chọn đơn vị —"),
        error_messages={"invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn quản lý.")},
    )

    def __init__(self, *args: Any, people: QuerySet, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nguoi"].queryset = people
        self.fields["don_vi"].queryset = units


class CompletionForm(forms.Form):
    hoc_vien = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=[])
    on = date_field(gettext_lazy("Ngày hoàn thành"), required=True)

    def __init__(self, *args: Any, enrolments: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hoc_vien"].choices = [(pk, str(pk)) for pk in enrolments]
        self.fields["hoc_vien"].error_messages["invalid_choice"] = _(
            "Chỉ xác nhận được học viên đã dự buổi học, trong đơn vị bạn quản lý."
        )
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())

    def clean_hoc_vien(self) -> list[int]:
        chosen = self.cleaned_data.get("hoc_vien") or []
        if not chosen:
            raise forms.ValidationError(_("Chọn ít nhất một học viên."))
        return chosen

    def clean_on(self) -> date:
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày hoàn thành không được sau hôm nay."))
        return day

    def completed_at(self) -> datetime:
        """The moment recorded: the end of the chosen day (now, for today)."""
        day = self.cleaned_data["on"]
        if day >= timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


class StatsForm(forms.Form):
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị (tính cả đơn vị trực thuộc)"),
        queryset=Unit.objects.none(),
        to_field_name="code",
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được xem số liệu."),
        },
    )
    date_from = date_field(gettext_lazy("Từ ngày"), required=True)
    date_to = date_field(gettext_lazy("Đến ngày (tính cả ngày này)"), required=True)

    MAX_DAYS = 366 * 5

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if end < start:
                self.add_error("date_to", _("Ngày cuối kỳ phải sau ngày đầu kỳ."))
            elif (end - start).days > self.MAX_DAYS:
                self.add_error("date_to", _("Kỳ tối đa 5 năm."))
        return data
