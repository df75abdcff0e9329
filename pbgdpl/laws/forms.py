"""Back-office forms of the legal library: upload, review of an upload, document
metadata, relations. Forms only validate and shape input; every write goes through
:mod:`pbgdpl.laws.services`."""

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.text import normalize, normalize_document_number

from .models import DocumentType, IssuingBody, LegalDocument, RelationKind
from .reference import DOCUMENT_TYPES, ISSUERS
from .services import document_find_by_number

# Uploads larger than this are refused (the file, or the pasted text encoded in UTF-8).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A DOCX whose parts would take more than this once unzipped is refused (zip bombs).
MAX_DOCX_UNZIPPED_BYTES = 60 * 1024 * 1024

KIND_DOCX = "docx"
KIND_TEXT = "text"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF"
# C0 controls a text never holds (tab, line breaks, vertical tab and form feed aside).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_FIELD_SPLIT_RE = re.compile(r"[;\n]+")
_EID_RE = re.compile(r"^[a-z0-9]+(?:_{1,2}[a-z0-9]+)*$")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


@dataclass(frozen=True)
class UploadedText:
    """What the upload form accepted: the bytes to keep, how to parse them, their name."""

    kind: str  # KIND_DOCX or KIND_TEXT (UTF-8 bytes)
    data: bytes
    source: str


def _check_docx(data: bytes, name: str) -> None:
    if data.startswith(_OLE_MAGIC):
        raise forms.ValidationError(
            _("Tệp “%(name)s” là tệp Word cũ (.doc), chưa được hỗ trợ. Hãy mở tệp bằng Word "
              "và lưu lại dưới dạng .docx."),
            code="legacy_doc", params={"name": name},
        )  # fmt: skip
    if not data.startswith(_ZIP_MAGIC):
        raise forms.ValidationError(
            _("Tệp “%(name)s” không phải tệp Word (.docx): nội dung không đúng định dạng DOCX."),
            code="not_docx",
            params={"name": name},
        )
    corrupt = forms.ValidationError(
        _("Tệp “%(name)s” bị hỏng, không đọc được nội dung DOCX. Hãy mở lại tệp bằng Word, "
          "lưu lại rồi tải lên."),
        code="corrupt", params={"name": name},
    )  # fmt: skip
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "word/document.xml" not in names:
                raise forms.ValidationError(
                    _("Tệp “%(name)s” không phải tệp Word (.docx): không có phần nội dung "
                      "văn bản."),
                    code="not_docx", params={"name": name},
                )  # fmt: skip
            if sum(info.file_size for info in infos) > MAX_DOCX_UNZIPPED_BYTES:
                raise forms.ValidationError(
                    _("Tệp “%(name)s” quá lớn khi giải nén (trên %(limit)s MB)."),
                    code="too_big",
                    params={"name": name, "limit": _mb(MAX_DOCX_UNZIPPED_BYTES)},
                )
            if archive.testzip() is not None:
                raise corrupt
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        raise corrupt from None


def _decode_text(data: bytes, name: str) -> str:
    if data.startswith((_ZIP_MAGIC, _OLE_MAGIC, _PDF_MAGIC)):
        raise forms.ValidationError(
            _("Tệp “%(name)s” không phải văn bản thuần (.txt): nội dung là một tệp nhị phân "
              "(Word, PDF hoặc tệp nén)."),
            code="not_text", params={"name": name},
        )  # fmt: skip
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(
            _("Tệp “%(name)s” không phải văn bản UTF-8 (byte thứ %(position)s không hợp lệ). "
              "Hãy lưu lại tệp với bảng mã UTF-8."),
            code="not_utf8", params={"name": name, "position": exc.start + 1},
        ) from None  # fmt: skip
    if _CONTROL_RE.search(text):
        raise forms.ValidationError(
            _("Tệp “%(name)s” chứa ký tự điều khiển, không phải văn bản thuần (có thể là tệp "
              "nhị phân)."),
            code="not_text", params={"name": name},
        )  # fmt: skip
    if not text.strip():
        raise forms.ValidationError(
            _("Tệp “%(name)s” không có nội dung."), code="empty", params={"name": name}
        )
    return text


class UploadForm(forms.Form):
    """Step 1 of an upload: a DOCX or UTF-8 text file, or pasted text (one of the two)."""

    file = forms.FileField(
        label=_("Tệp văn bản"),
        required=False,
        allow_empty_file=True,  # checked below, with our own message
        help_text=_("Tệp Word (.docx) hoặc văn bản thuần (.txt, bảng mã UTF-8), tối đa 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,.txt,application/vnd.openxmlformats-officedocument."
                   "wordprocessingml.document,text/plain"}
        ),
    )  # fmt: skip
    text = forms.CharField(
        label=_("Hoặc dán nội dung văn bản"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "vi"}),
        help_text=_(
            "Toàn văn, gồm cả phần đầu (loại văn bản, số ký hiệu, ngày ban hành) nếu có. Văn "
            "bản rất dài (trên 2 MB) hãy lưu thành tệp rồi tải tệp lên."
        ),
    )

    def clean_file(self) -> UploadedText | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        name = PurePath(upload.name or "").name or "tệp"
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(limit)s MB."),
                code="too_big",
                params={"name": name, "size": _mb(upload.size), "limit": _mb(MAX_UPLOAD_BYTES)},
            )
        if upload.size == 0:
            raise forms.ValidationError(
                _("Tệp “%(name)s” rỗng (0 byte)."), code="empty", params={"name": name}
            )
        suffix = PurePath(name).suffix.lower()
        if suffix not in (".docx", ".txt"):
            raise forms.ValidationError(
                _("Chỉ nhận tệp Word (.docx) hoặc văn bản thuần (.txt); “%(name)s” không phải "
                  "hai loại này."),
                code="bad_type", params={"name": name},
            )  # fmt: skip
        upload.seek(0)
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:  # the declared size lied
            raise forms.ValidationError(
                _("Tệp “%(name)s” quá lớn; tối đa %(limit)s MB."),
                code="too_big",
                params={"name": name, "limit": _mb(MAX_UPLOAD_BYTES)},
            )
        if not data:
            raise forms.ValidationError(
                _("Tệp “%(name)s” rỗng (0 byte)."), code="empty", params={"name": name}
            )
        if suffix == ".docx":
            _check_docx(data, name)
            return UploadedText(kind=KIND_DOCX, data=data, source=name)
        text = _decode_text(data, name)
        return UploadedText(kind=KIND_TEXT, data=text.encode("utf-8"), source=name)

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text") or ""
        if len(text.encode("utf-8")) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Nội dung dán vào quá dài; tối đa %(limit)s MB."),
                code="too_big",
                params={"limit": _mb(MAX_UPLOAD_BYTES)},
            )
        if _CONTROL_RE.search(text):
            raise forms.ValidationError(
                _("Nội dung dán vào chứa ký tự điều khiển, không phải văn bản thuần."),
                code="not_text",
            )
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        uploaded, text = cleaned.get("file"), cleaned.get("text") or ""
        if uploaded and text.strip():
            raise forms.ValidationError(
                _("Chỉ chọn một trong hai: tải tệp lên hoặc dán nội dung."), code="both"
            )
        if uploaded:
            cleaned["upload"] = uploaded
        elif text.strip():
            cleaned["upload"] = UploadedText(
                kind=KIND_TEXT, data=text.encode("utf-8"), source=str(_("văn bản dán vào"))
            )
        else:
            raise forms.ValidationError(
                _("Hãy chọn một tệp văn bản hoặc dán nội dung văn bản."), code="missing"
            )
        return cleaned


class DateInput(forms.DateInput):
    """The browser's own date picker (works without JavaScript); ISO values."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"],
        error_messages={"invalid": _("Ngày không hợp lệ (ví dụ 01/07/2025).")},
    )  # fmt: skip


class DatalistInput(forms.TextInput):
    """A text input with suggestions (an HTML ``<datalist>``); any value is accepted."""

    template_name = "laws/admin/datalist_input.html"

    def __init__(self, *, list_id: str, options: list[str], attrs: dict | None = None) -> None:
        super().__init__(attrs={**(attrs or {}), "list": list_id, "autocomplete": "off"})
        self.list_id = list_id
        self.options = options

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        context["widget"]["list_id"] = self.list_id
        context["widget"]["options"] = self.options
        return context


def _type_names() -> list[str]:
    names = [name for name, *_rest in DOCUMENT_TYPES]
    names += [n for n in DocumentType.objects.values_list("name", flat=True) if n not in names]
    return names


def _issuer_names() -> list[str]:
    names = list(ISSUERS.values())
    names += [n for n in IssuingBody.objects.values_list("name", flat=True) if n not in names]
    return names


def split_field_names(value: str) -> list[str]:
    """Split a typed list of legal fields on semicolons and line breaks, without repeats:
    ``"Đất đai; Hôn nhân và gia đình"`` -> ``["Đất đai", "Hôn nhân và gia đình"]``."""
    names: list[str] = []
    for part in _FIELD_SPLIT_RE.split(value or ""):
        name = normalize(part).strip(" ,.")
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name[:200])
    return names


class DocumentMetadataForm(forms.Form):
    """A document's metadata as the services take it (``document_update`` and
    ``document_upload_save`` keyword arguments)."""

    title = forms.CharField(
        label=_("Trích yếu"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Trích yếu văn bản không được để trống.")},
    )  # fmt: skip
    number = forms.CharField(
        label=_("Số ký hiệu"), max_length=80, required=False,
        help_text=_("Ví dụ 14/2012/QH13, 13/2023/NĐ-CP; để trống nếu văn bản không có số."),
    )  # fmt: skip
    type_name = forms.CharField(label=_("Loại văn bản"), max_length=120, required=False)
    issuer_name = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    signer = forms.CharField(label=_("Người ký"), max_length=200, required=False)
    issued_on = _date_field(_("Ngày ban hành"))
    effective_on = _date_field(_("Ngày có hiệu lực"))
    expires_on = _date_field(_("Ngày hết hiệu lực"))
    source_url = forms.URLField(
        label=_("Nguồn (địa chỉ trang web)"), max_length=500, required=False, assume_scheme="https",
        error_messages={"invalid": _("Địa chỉ trang web không hợp lệ.")},
    )  # fmt: skip
    legal_fields = forms.CharField(
        label=_("Lĩnh vực"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Cách nhau bởi dấu chấm phẩy, ví dụ: Đất đai; Hôn nhân và gia đình."),
    )  # fmt: skip

    # Form field -> keyword argument of the services.
    SERVICE_FIELDS = {
        "title": "title", "number": "number", "type_name": "type_name",
        "issuer_name": "issuer_name", "signer": "signer", "issued_on": "issued_on",
        "effective_on": "effective_on", "expires_on": "expires_on", "source_url": "source_url",
        "legal_fields": "fields",
    }  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type_name"].widget = DatalistInput(
            list_id="laws-type-names", options=_type_names()
        )
        self.fields["issuer_name"].widget = DatalistInput(
            list_id="laws-issuer-names", options=_issuer_names()
        )

    def clean_title(self) -> str:
        title = normalize(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(
                _("Trích yếu văn bản không được để trống."), code="required"
            )
        return title

    def clean_number(self) -> str:
        raw = self.cleaned_data.get("number", "").strip()
        if not raw:
            return ""
        try:
            return normalize_document_number(raw)
        except ValueError:
            raise forms.ValidationError(
                _("“%(value)s” không phải một số ký hiệu hợp lệ (ví dụ 14/2012/QH13, "
                  "13/2023/NĐ-CP, 766/QĐ-TTg)."),
                code="bad_number", params={"value": raw},
            ) from None  # fmt: skip

    def clean_legal_fields(self) -> list[str]:
        return split_field_names(self.cleaned_data.get("legal_fields", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        issued: date | None = cleaned.get("issued_on")
        effective: date | None = cleaned.get("effective_on")
        expires: date | None = cleaned.get("expires_on")
        if issued and effective and effective < issued:
            self.add_error(
                "effective_on",
                forms.ValidationError(
                    _("Ngày có hiệu lực không thể trước ngày ban hành."), code="date_order"
                ),
            )
        if effective and expires and expires <= effective:
            self.add_error(
                "expires_on",
                forms.ValidationError(
                    _("Ngày hết hiệu lực phải sau ngày có hiệu lực."), code="date_order"
                ),
            )
        elif issued and expires and expires <= issued:
            self.add_error(
                "expires_on",
                forms.ValidationError(
                    _("Ngày hết hiệu lực phải sau ngày ban hành."), code="date_order"
                ),
            )
        return cleaned

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned values as keyword arguments of the services."""
        return {arg: self.cleaned_data[name] for name, arg in self.SERVICE_FIELDS.items()}

    @classmethod
    def initial_for(cls, document: LegalDocument) -> dict[str, Any]:
        return {
            "title": document.title,
            "number": document.number,
            "type_name": document.doc_type.name if document.doc_type else "",
            "issuer_name": document.issuer.name if document.issuer else "",
            "signer": document.signer,
            "issued_on": document.issued_on,
            "effective_on": document.effective_on,
            "expires_on": document.expires_on,
            "source_url": document.source_url,
            "legal_fields": "; ".join(document.fields.values_list("name", flat=True)),
        }


class DocumentEditForm(DocumentMetadataForm):
    """The metadata of an existing document; saved through ``document_update``."""

    def __init__(self, *args: Any, document: LegalDocument, **kwargs: Any) -> None:
        self.document = document
        kwargs.setdefault("initial", self.initial_for(document))
        super().__init__(*args, **kwargs)

    def clean_number(self) -> str:
        number = super().clean_number()
        if number:
            other = document_find_by_number(number)
            if other is not None and other.pk != self.document.pk:
                raise forms.ValidationError(
                    _("Đã có văn bản số %(number)s: “%(title)s”."),
                    code="taken",
                    params={"number": number, "title": other.title},
                )
        return number

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the document, for ``document_update``."""
        initial = self.initial_for(self.document)
        changes = {}
        for name, arg in self.SERVICE_FIELDS.items():
            value = self.cleaned_data[name]
            before = initial[name]
            if name == "legal_fields":
                if {v.casefold() for v in value} != {
                    v.casefold() for v in split_field_names(before)
                }:
                    changes[arg] = value
            elif isinstance(value, str):
                if normalize(value) != normalize(before or ""):
                    changes[arg] = value
            elif value != before:
                changes[arg] = value
        return changes


class UploadReviewForm(DocumentMetadataForm):
    """Step 2 of an upload: the metadata the parser read, corrected by the editor."""

    upload_token = forms.CharField(widget=forms.HiddenInput)

    @classmethod
    def initial_from_parsed(cls, parsed: Any, token: str) -> dict[str, Any]:
        return {
            "upload_token": token,
            "title": parsed.title or "",
            "number": parsed.number or "",
            "type_name": parsed.document_type or "",
            "issuer_name": parsed.issuer or "",
            "signer": parsed.signer or "",
            "issued_on": parsed.issued_on,
        }


class RelationForm(forms.Form):
    """A relation between the document being edited and another, found by its number."""

    DIRECTION_IN = "in"
    DIRECTION_OUT = "out"

    direction = forms.ChoiceField(
        label=_("Chiều tác động"),
        choices=[
            (DIRECTION_IN, _("Văn bản kia tác động đến văn bản này")),
            (DIRECTION_OUT, _("Văn bản này tác động đến văn bản kia")),
        ],
        initial=DIRECTION_IN,
        widget=forms.RadioSelect,
    )
    other_number = forms.CharField(
        label=_("Số ký hiệu của văn bản kia"), max_length=80,
        help_text=_("Ví dụ 13/2023/NĐ-CP. Văn bản phải có sẵn trong thư viện."),
        error_messages={"required": _("Hãy nhập số ký hiệu của văn bản kia.")},
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Loại quan hệ"), choices=RelationKind.choices,
        error_messages={"invalid_choice": _("Loại quan hệ không hợp lệ.")},
    )  # fmt: skip
    source_eid = forms.CharField(
        label=_("Điều khoản tác động (eId)"), max_length=200, required=False,
        help_text=_("Ví dụ chuong_2__dieu_5__khoan_2; để trống nếu là cả văn bản."),
    )  # fmt: skip
    target_eid = forms.CharField(
        label=_("Điều khoản bị tác động (eId)"), max_length=200, required=False,
        help_text=_("Ví dụ dieu_5__khoan_2__diem_a; để trống nếu là cả văn bản."),
    )  # fmt: skip
    effective_on = _date_field(_("Từ ngày"))
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, document: LegalDocument, **kwargs: Any) -> None:
        self.document = document
        super().__init__(*args, **kwargs)
        # Suggest this document's eIds (the document screen renders the datalist).
        for name in ("source_eid", "target_eid"):
            self.fields[name].widget.attrs.update(
                {"list": "laws-document-eids", "autocomplete": "off"}
            )

    def clean_other_number(self) -> LegalDocument:
        raw = self.cleaned_data["other_number"].strip()
        try:
            number = normalize_document_number(raw)
        except ValueError:
            raise forms.ValidationError(
                _("“%(value)s” không phải một số ký hiệu hợp lệ (ví dụ 13/2023/NĐ-CP)."),
                code="bad_number",
                params={"value": raw},
            ) from None
        other = document_find_by_number(number)
        if other is None:
            raise forms.ValidationError(
                _("Chưa có văn bản số %(number)s trong thư viện."),
                code="not_found",
                params={"number": number},
            )
        if other.pk == self.document.pk:
            raise forms.ValidationError(
                _("Một văn bản không thể tác động đến chính nó."), code="self"
            )
        return other

    def _clean_eid(self, name: str) -> str:
        eid = self.cleaned_data.get(name, "").strip().lower()
        if eid and not _EID_RE.match(eid):
            raise forms.ValidationError(
                _("eId chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ "
                  "chuong_2__dieu_5__khoan_2."),
                code="bad_eid",
            )  # fmt: skip
        return eid

    def clean_source_eid(self) -> str:
        return self._clean_eid("source_eid")

    def clean_target_eid(self) -> str:
        return self._clean_eid("target_eid")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        other = cleaned.get("other_number")
        if not isinstance(other, LegalDocument) or self.errors:
            return cleaned
        if cleaned.get("direction") == self.DIRECTION_OUT:
            source, target = self.document, other
        else:
            source, target = other, self.document
        cleaned["source"], cleaned["target"] = source, target
        for name, document in (("source_eid", source), ("target_eid", target)):
            eid = cleaned.get(name)
            if eid and not _eid_exists(document, eid):
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("Văn bản “%(document)s” không có điều khoản “%(eid)s”."),
                        code="unknown_eid",
                        params={"document": document, "eid": eid},
                    ),
                )
        return cleaned

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "source": data["source"], "target": data["target"], "kind": data["kind"],
            "source_eid": data["source_eid"], "target_eid": data["target_eid"],
            "effective_on": data["effective_on"], "note": normalize(data["note"]),
        }  # fmt: skip


def _eid_exists(document: LegalDocument, eid: str) -> bool:
    """Whether the document's current text has this eId; a document without text here
    (only known from citations) accepts any well-formed eId."""
    provisions = document.provisions.filter(version__is_current=True)
    return not provisions.exists() or provisions.filter(eid=eid).exists()
