"""Forms of the contests back office (Wagtail admin, under ``/admin/cuoc-thi/``).

They only shape what was typed into the services' inputs (:class:`services.ItemInput`,
:class:`services.ContestInput`, :class:`services.RoundInput`); every rule about items,
contests and rounds lives in :mod:`pbgdpl.contests.services`, whose refusals
(``ContestInputError.errors``) are put back on the fields with :func:`errors_to_form`.
So fields the services check are mostly optional here: the person sees the service's
own, precise message.
"""

import re
from datetime import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pbgdpl.core.xlsx import UPLOAD_MAX_BYTES as IMPORT_MAX_BYTES
from pbgdpl.laws.models import LegalField
from pbgdpl.people.backoffice_forms import (
    PlainTextField,
    UnitChoiceField,
    datetime_field,
    errors_to_form,
)
from pbgdpl.units.models import Unit

from .models import Contest, Difficulty, Eligibility, Item, ItemStatus, ParticipantGroup, Round
from .services import (
    CHOICES_MAX,
    ContestInput,
    DrawRuleInput,
    ItemInput,
    RoundInput,
)

# Rows of choices on the item form: up to the services' maximum; empty rows are ignored.
CHOICE_ROWS = CHOICES_MAX
TAGS_MAX = 10

# Query-string value of the status filter for "every status".
STATUS_ALL = ""


def _fields() -> QuerySet[LegalField]:
    return LegalField.objects.order_by("name")


# --------------------------------------------------------------------------- question bank


class ItemFilterForm(forms.Form):
    """The filters of the bank (a GET form: every filtered list has its own address)."""

    q = forms.CharField(
        label=gettext_lazy("Tìm trong câu hỏi"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái"), required=False)
    field = forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"),
        queryset=LegalField.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("Mọi lĩnh vực"),
    )
    difficulty = forms.ChoiceField(label=gettext_lazy("Độ khó"), required=False)
    tag = forms.ChoiceField(label=gettext_lazy("Nhãn"), required=False)
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị soạn"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("Mọi đơn vị"),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet,
        tags: list[str],
        statuses: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if statuses:
            self.fields["status"].choices = [
                (STATUS_ALL, _("Mọi trạng thái")),
                *ItemStatus.choices,
            ]
        else:
            del self.fields["status"]
        self.fields["field"].queryset = _fields()
        self.fields["difficulty"].choices = [("", _("Mọi độ khó")), *Difficulty.choices]
        self.fields["tag"].choices = [("", _("Mọi nhãn")), *((t, t) for t in tags)]
        self.fields["unit"].queryset = units

    def value(self, name: str) -> Any:
        """The cleaned value of a filter, or None when it was empty or not valid."""
        data = getattr(self, "cleaned_data", {})
        return data.get(name) or None


class ItemForm(forms.Form):
    """One question of the bank: the stem, up to six choices (each with a "đúng" box;
    empty rows are ignored), and how it is filed."""

    stem = PlainTextField(
        label=gettext_lazy("Câu hỏi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        help_text=gettext_lazy("Từ 10 đến 2.000 ký tự; chỉ văn bản thường (không có thẻ HTML)."),
    )
    explanation = PlainTextField(
        label=gettext_lazy("Giải thích đáp án"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 4000}),
        help_text=gettext_lazy("Hiện cho người dự thi sau khi đợt thi kết thúc và khi luyện tập."),
    )
    legal_field = forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"),
        queryset=LegalField.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("— Chọn lĩnh vực —"),
    )
    difficulty = forms.ChoiceField(
        label=gettext_lazy("Độ khó"), choices=Difficulty.choices, initial=Difficulty.MEDIUM
    )
    tags = forms.CharField(
        label=gettext_lazy("Nhãn"),
        required=False,
        max_length=600,
        help_text=gettext_lazy("Cách nhau bằng dấu phẩy, ví dụ: kết hôn, ly hôn (tối đa 10 nhãn)."),
    )
    citation_number = forms.CharField(
        label=gettext_lazy("Số ký hiệu văn bản"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Ví dụ 52/2014/QH13")}),
    )
    citation_article = forms.CharField(label=gettext_lazy("Điều"), required=False, max_length=20)
    citation_detail = forms.CharField(
        label=gettext_lazy("Khoản, điểm"), required=False, max_length=80
    )
    practice = forms.BooleanField(
        label=gettext_lazy("Cho phép dùng để luyện tập (ngoài cuộc thi)"),
        required=False,
        initial=True,
    )
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị soạn"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị soạn."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được soạn câu hỏi."),
        },
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet | None = None,
        item: Item | None = None,
        **kwargs: Any,
    ) -> None:
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(item)
        super().__init__(*args, **kwargs)
        self.fields["legal_field"].queryset = _fields()
        for i in range(1, CHOICE_ROWS + 1):
            self.fields[f"choice_{i}"] = forms.CharField(
                label=_("Phương án %(n)s") % {"n": i},
                required=False,
                max_length=500,
            )
            self.fields[f"correct_{i}"] = forms.BooleanField(
                label=_("Phương án %(n)s đúng") % {"n": i}, required=False
            )
        if units is None:  # editing: the owning unit does not change here
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units
            if not self.is_bound and "unit" not in self.initial:
                first = units.first()
                if first is not None:
                    self.initial["unit"] = first

    @staticmethod
    def initial_for(item: Item) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "stem": item.stem,
            "explanation": item.explanation,
            "legal_field": item.legal_field.code if item.legal_field_id else None,
            "difficulty": item.difficulty,
            "tags": ", ".join(item.tags or []),
            "citation_number": item.citation_number,
            "citation_article": item.citation_article,
            "citation_detail": item.citation_detail,
            "practice": item.practice,
        }
        for i, choice in enumerate(item.choices.all(), start=1):
            initial[f"choice_{i}"] = choice.text
            initial[f"correct_{i}"] = choice.is_correct
        return initial

    def choice_rows(self) -> list[tuple[Any, Any]]:
        """(text field, "đúng" box) bound fields per row, for the template."""
        return [(self[f"choice_{i}"], self[f"correct_{i}"]) for i in range(1, CHOICE_ROWS + 1)]

    def clean_tags(self) -> list[str]:
        raw = self.cleaned_data.get("tags") or ""
        tags: list[str] = []
        for part in raw.replace(";", ",").split(","):
            tag = " ".join(part.split())
            if tag and tag.casefold() not in {t.casefold() for t in tags}:
                tags.append(tag)
        if len(tags) > TAGS_MAX:
            raise forms.ValidationError(_("Tối đa 10 nhãn."))
        return tags

    def clean(self) -> dict:
        data = super().clean()
        # More rows than the form has (a hand-made request, an old form): refused rather
        # than silently dropped.
        extra = [
            key
            for key, value in self.data.items()
            if re.fullmatch(r"choice_\d+", key)
            and int(key.split("_")[1]) > CHOICE_ROWS
            and str(value).strip()
        ]
        if extra:
            raise forms.ValidationError(_("Cần từ 2 đến 6 phương án trả lời."))
        for i in range(1, CHOICE_ROWS + 1):
            if data.get(f"correct_{i}") and not (data.get(f"choice_{i}") or "").strip():
                self.add_error(
                    f"choice_{i}",
                    _("Phương án %(n)s được đánh dấu đúng nhưng chưa có nội dung.") % {"n": i},
                )
        return data

    def item_input(self) -> ItemInput:
        """The typed question as the services take it: empty choice rows dropped, the
        "đúng" boxes turned into indexes of the choices kept."""
        data = self.cleaned_data
        choices: list[str] = []
        correct: list[int] = []
        for i in range(1, CHOICE_ROWS + 1):
            text = (data.get(f"choice_{i}") or "").strip()
            if not text:
                continue
            if data.get(f"correct_{i}"):
                correct.append(len(choices))
            choices.append(text)
        field = data.get("legal_field")
        return ItemInput(
            stem=data.get("stem") or "",
            choices=choices,
            correct=correct,
            legal_field=field.code if field else "",
            difficulty=data.get("difficulty") or Difficulty.MEDIUM,
            explanation=data.get("explanation") or "",
            tags=data.get("tags") or [],
            citation_number=data.get("citation_number") or "",
            citation_article=data.get("citation_article") or "",
            citation_detail=data.get("citation_detail") or "",
            practice=bool(data.get("practice")),
        )

    def add_service_errors(self, errors: dict[str, str]) -> None:
        """The services name the choices and the correct answers as a whole: shown above
        the choices (form-wide), the rest on their fields."""
        errors_to_form(self, errors, aliases={"choices": None, "correct": None})


class ItemImportForm(forms.Form):
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị soạn các câu hỏi"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị soạn."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được soạn câu hỏi."),
        },
    )
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

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if not self.is_bound:
            first = units.first()
            if first is not None:
                self.initial["unit"] = first

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel dạng .xlsx."))
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 5 MB."))
        return upload


# --------------------------------------------------------------------------- contests


class ContestForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên cuộc thi"), required=False, max_length=255)
    unit = UnitChoiceField(
        label=gettext_lazy("Đơn vị tổ chức"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn đơn vị tổ chức."),
            "invalid_choice": gettext_lazy("Chỉ chọn được đơn vị bạn được tổ chức cuộc thi."),
        },
    )
    description = PlainTextField(
        label=gettext_lazy("Giới thiệu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    rules = PlainTextField(
        label=gettext_lazy("Thể lệ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    eligibility = forms.ChoiceField(
        label=gettext_lazy("Đối tượng dự thi"),
        choices=Eligibility.choices,
        initial=Eligibility.ANYONE,
        widget=forms.RadioSelect,
    )
    eligible_unit = UnitChoiceField(
        label=gettext_lazy("Địa bàn được dự thi (khi chọn “Người ở một địa bàn”)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=gettext_lazy("— Chọn địa bàn —"),
        error_messages={"invalid_choice": gettext_lazy("Địa bàn không hợp lệ.")},
    )
    eligible_group = forms.ChoiceField(
        label=gettext_lazy("Nhóm được dự thi (khi chọn “Một nhóm đối tượng”)"),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet,
        areas: QuerySet,
        contest: Contest | None = None,
        **kwargs: Any,
    ) -> None:
        if contest is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": contest.title,
                "unit": contest.unit,
                "description": contest.description,
                "rules": contest.rules,
                "eligibility": contest.eligibility,
                "eligible_unit": contest.eligible_unit,
                "eligible_group": contest.eligible_group,
            }
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["eligible_unit"].queryset = areas
        self.fields["eligible_group"].choices = [
            ("", _("— Chọn nhóm —")),
            *ParticipantGroup.choices,
        ]
        if not self.is_bound and "unit" not in self.initial:
            first = units.first()
            if first is not None:
                self.initial["unit"] = first

    def contest_input(self) -> ContestInput:
        data = self.cleaned_data
        eligible_unit = data.get("eligible_unit")
        return ContestInput(
            title=data.get("title") or "",
            unit=data["unit"].code,
            description=data.get("description") or "",
            rules=data.get("rules") or "",
            eligibility=data.get("eligibility") or Eligibility.ANYONE,
            eligible_unit=eligible_unit.code if eligible_unit else "",
            eligible_group=data.get("eligible_group") or "",
        )


class PublishForm(forms.Form):
    published = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1", empty_value=None
    )


# --------------------------------------------------------------------------- rounds


# Fields that stay as the participants found them once a round has opened (the freeze in
# services.round_update); the form shows them locked.
ROUND_FROZEN_FIELDS = (
    "opens_at",
    "time_limit_minutes",
    "attempts_allowed",
    "shuffle_items",
    "shuffle_choices",
    "prediction",
)


class RoundForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên đợt"), required=False, max_length=255)
    opens_at = datetime_field(gettext_lazy("Mở lúc (giờ Việt Nam)"))
    closes_at = datetime_field(gettext_lazy("Đóng lúc (giờ Việt Nam)"))
    time_limit_minutes = forms.IntegerField(
        label=gettext_lazy("Thời gian làm bài (phút)"),
        required=False,
        initial=15,
        error_messages={"invalid": gettext_lazy("Nhập số phút (từ 1 đến 600).")},
    )
    attempts_allowed = forms.IntegerField(
        label=gettext_lazy("Số lượt dự thi của mỗi người"),
        required=False,
        initial=1,
        error_messages={"invalid": gettext_lazy("Nhập số lượt (từ 1 đến 20).")},
    )
    shuffle_items = forms.BooleanField(
        label=gettext_lazy("Trộn thứ tự câu hỏi"), required=False, initial=True
    )
    shuffle_choices = forms.BooleanField(
        label=gettext_lazy("Trộn thứ tự phương án"), required=False, initial=True
    )
    prediction = forms.BooleanField(
        label=gettext_lazy("Có câu hỏi dự đoán số người trả lời đúng tất cả"),
        required=False,
        initial=True,
    )
    certificate_min_percent = forms.IntegerField(
        label=gettext_lazy("Tỷ lệ đúng tối thiểu để nhận giấy chứng nhận (%)"),
        required=False,
        initial=80,
        help_text=gettext_lazy("Để trống: chỉ người đoạt giải nhận giấy chứng nhận."),
        error_messages={"invalid": gettext_lazy("Nhập một tỷ lệ từ 0 đến 100.")},
    )

    def __init__(self, *args: Any, round: Round | None = None, **kwargs: Any) -> None:
        self.round = round
        self.live = False
        if round is not None:
            from django.utils import timezone

            self.live = round.opens_at <= timezone.now()
            if "initial" not in kwargs:
                kwargs["initial"] = {
                    "title": round.title,
                    "opens_at": round.opens_at,
                    "closes_at": round.closes_at,
                    "time_limit_minutes": round.time_limit_seconds // 60,
                    "attempts_allowed": round.attempts_allowed,
                    "shuffle_items": round.shuffle_items,
                    "shuffle_choices": round.shuffle_choices,
                    "prediction": round.prediction,
                    "certificate_min_percent": round.certificate_min_percent,
                }
        super().__init__(*args, **kwargs)
        if self.live:
            # Shown locked; a browser does not send a disabled input, so a missing value
            # means "as it is". A value that is sent goes to the services, which refuse
            # any change of a frozen field with their message.
            for name in ROUND_FROZEN_FIELDS:
                self.fields[name].widget.attrs["disabled"] = True

    def clean(self) -> dict:
        data = super().clean()
        if self.live:
            for name in ROUND_FROZEN_FIELDS:
                if name not in self.data:
                    data[name] = self.initial.get(name)
        return data

    def round_input(self, *, draw_rules: list[DrawRuleInput], prizes: list) -> RoundInput:
        data = self.cleaned_data
        return RoundInput(
            title=data.get("title") or "",
            opens_at=data.get("opens_at"),
            closes_at=data.get("closes_at"),
            time_limit_minutes=data.get("time_limit_minutes") or 0,
            attempts_allowed=data.get("attempts_allowed") or 0,
            shuffle_items=bool(data.get("shuffle_items")),
            shuffle_choices=bool(data.get("shuffle_choices")),
            prediction=bool(data.get("prediction")),
            draw_rules=draw_rules,
            prizes=prizes,
            certificate_min_percent=data.get("certificate_min_percent"),
        )


class DrawRuleRowForm(forms.Form):
    count = forms.IntegerField(
        label=gettext_lazy("Số câu"),
        required=False,
        error_messages={"invalid": gettext_lazy("Số câu của quy tắc rút đề phải là một số.")},
    )
    legal_field = forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"),
        queryset=LegalField.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Mọi lĩnh vực"),
        error_messages={"invalid_choice": gettext_lazy("Lĩnh vực không có trong danh mục.")},
    )
    difficulty = forms.ChoiceField(label=gettext_lazy("Độ khó"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legal_field"].queryset = _fields()
        self.fields["difficulty"].choices = [("", _("Mọi độ khó")), *Difficulty.choices]


class BaseDrawRuleFormSet(forms.BaseFormSet):
    def rules(self) -> list[DrawRuleInput]:
        """The rows with a number of items, in order; a row with only a field or a
        difficulty chosen counts as a rule of 0 items (the services refuse it)."""
        out = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            field, difficulty, count = (
                data.get("legal_field"),
                data.get("difficulty"),
                data.get("count"),
            )
            if count is None and not field and not difficulty:
                continue
            out.append(
                DrawRuleInput(
                    count=count or 0,
                    legal_field=field.code if field else "",
                    difficulty=difficulty or "",
                )
            )
        return out


class PrizeRowForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên giải"), required=False, max_length=120)
    count = forms.IntegerField(
        label=gettext_lazy("Số giải"),
        required=False,
        error_messages={"invalid": gettext_lazy("Số giải phải là một số.")},
    )


class BasePrizeFormSet(forms.BaseFormSet):
    def prizes(self) -> list[tuple[str, int]]:
        """(name, how many) for the rows with anything typed, in rank order."""
        out = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            name, count = (data.get("name") or "").strip(), data.get("count")
            if not name and count is None:
                continue
            out.append((name, count or 0))
        return out


DRAW_RULE_EMPTY_ROWS = 3
PRIZE_EMPTY_ROWS = 3
DRAW_RULE_PREFIX = "quy_tac"
PRIZE_PREFIX = "giai"
DrawRuleFormSet = forms.formset_factory(
    DrawRuleRowForm, formset=BaseDrawRuleFormSet, extra=DRAW_RULE_EMPTY_ROWS, max_num=30,
    absolute_max=30,
)  # fmt: skip
PrizeFormSet = forms.formset_factory(
    PrizeRowForm, formset=BasePrizeFormSet, extra=PRIZE_EMPTY_ROWS, max_num=30, absolute_max=30
)


def draw_rule_formset(data: Any = None, *, round: Round | None = None) -> BaseDrawRuleFormSet:
    initial = []
    if round is not None:
        initial = [
            {
                "count": rule.count,
                "legal_field": rule.legal_field.code if rule.legal_field_id else None,
                "difficulty": rule.difficulty,
            }
            for rule in round.draw_rules.select_related("legal_field")
        ]
    return DrawRuleFormSet(data, initial=initial, prefix=DRAW_RULE_PREFIX)


def prize_formset(data: Any = None, *, round: Round | None = None) -> BasePrizeFormSet:
    initial = []
    if round is not None:
        initial = [{"name": name, "count": count} for name, count in (round.prizes or [])]
    return PrizeFormSet(data, initial=initial, prefix=PRIZE_PREFIX)


def current_draw_rules(round: Round) -> list[DrawRuleInput]:
    """The round's stored rules as the services take them (for a live round, whose rules
    the form does not send)."""
    return [
        DrawRuleInput(
            count=rule.count,
            legal_field=rule.legal_field.code if rule.legal_field_id else "",
            difficulty=rule.difficulty,
        )
        for rule in round.draw_rules.select_related("legal_field")
    ]


# --------------------------------------------------------------------------- results


class ResultsFilterForm(forms.Form):
    unit = UnitChoiceField(
        label=gettext_lazy("Địa bàn"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("Mọi địa bàn"),
    )

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ParticipationForm(forms.Form):
    """The period of the participation export (optional)."""

    date_from = forms.DateField(
        label=gettext_lazy("Từ ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Ngày không hợp lệ (ví dụ 31/12/2026).")},
    )
    date_to = forms.DateField(
        label=gettext_lazy("Đến ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Ngày không hợp lệ (ví dụ 31/12/2026).")},
    )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        return data

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The period as aware datetimes [from, to + 1 day) in local time."""
        from datetime import time, timedelta

        from django.utils import timezone

        data = self.cleaned_data
        start = end = None
        if data.get("date_from"):
            start = timezone.make_aware(datetime.combine(data["date_from"], time.min))
        if data.get("date_to"):
            end = timezone.make_aware(
                datetime.combine(data["date_to"] + timedelta(days=1), time.min)
            )
        return start, end
