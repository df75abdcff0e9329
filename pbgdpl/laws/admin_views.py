"""Back-office screens of the legal library (Wagtail admin): the document list, the
document screen (metadata, relations) and the two-step upload (parse, review, save).

Views are thin: forms validate, :mod:`pbgdpl.laws.services` writes (checked, audited,
re-indexed), :mod:`pbgdpl.laws.selectors` reads. Legal documents belong to no unit, so
only province-level holders of "laws.edit" (and superusers) get in; see
:func:`can_edit_laws`.

An upload is kept between the two steps on the server only: the bytes go to the default
storage under ``tmp/laws-uploads/<random name>`` (shared by every app server in a
scale-out set-up), the session holds that name, the SHA-256 of the bytes, the parse
kind and a random token that the review form echoes. Saving re-reads and re-parses the
bytes; nothing the browser sends is taken as the text. A stored upload lives at most
``UPLOAD_MAX_AGE``; it is deleted when saved, cancelled or replaced, and leftovers older
than ``UPLOAD_SWEEP_AGE`` are swept at each new upload.
"""

import contextlib
import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from pbgdpl.core.text import fold, normalize_document_number
from pbgdpl.people.permissions import can

from .forms import (
    KIND_DOCX,
    KIND_TEXT,
    MAX_UPLOAD_BYTES,
    DocumentEditForm,
    RelationForm,
    UploadForm,
    UploadReviewForm,
)
from .models import (
    DocumentOrigin,
    DocumentType,
    DocumentVersion,
    LegalDocument,
    ProvisionKind,
)
from .parsers import (
    ParsedDocument,
    ParseError,
    iter_nodes,
    structure_parse_docx,
    structure_parse_text,
)
from .selectors import document_current_version, document_relations, document_url
from .services import (
    LEGAL_LIBRARY,
    document_find_by_number,
    document_update,
    document_upload_save,
    relation_add,
)

UPLOAD_SESSION_KEY = "laws_admin_upload"
UPLOAD_DIR = "tmp/laws-uploads"
UPLOAD_MAX_AGE = timedelta(hours=2)
UPLOAD_SWEEP_AGE = timedelta(days=1)


# --------------------------------------------------------------------------- permission


def can_edit_laws(user: Any) -> bool:
    """Whether ``user`` may work in the legal library back office.

    ``can(user, "laws.edit")`` without an object only asks "anywhere at all", which a
    commune-level editor passes; legal documents belong to no unit, so the question is
    asked of the library as a whole (as the services do): only root-level grants reach it.
    """
    return can(user, "laws.edit", LEGAL_LIBRARY)


class LawsEditorRequiredMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_edit_laws(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _breadcrumbs(*items: tuple[str, str]) -> list[dict]:
    crumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
        {"url": reverse("laws_admin:documents"), "label": _("Thư viện pháp luật")},
    ]
    return crumbs + [{"url": url, "label": label} for url, label in items]


# --------------------------------------------------------------------------- document list


class DocumentFilterSet(WagtailFilterSet):
    doc_type = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Loại văn bản"),
        queryset=DocumentType.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
    )
    origin = django_filters.ChoiceFilter(
        label=gettext_lazy("Nguồn dữ liệu"),
        choices=DocumentOrigin.choices,
        empty_label=gettext_lazy("Tất cả"),
    )

    class Meta:
        model = LegalDocument
        fields = ["doc_type", "origin"]


def _date(value: Any) -> str:
    return date_format(value, "d/m/Y") if value else ""


def _edit_url(document: LegalDocument) -> str:
    return reverse("laws_admin:document_edit", args=[document.pk])


class DocumentListView(LawsEditorRequiredMixin, BaseListingView):
    """Documents, searched by số ký hiệu or title, filtered by type and origin."""

    model = LegalDocument
    paginate_by = 50
    is_searchable = True
    search_backend_name = None
    filterset_class = DocumentFilterSet
    index_url_name = "laws_admin:documents"
    index_results_url_name = "laws_admin:documents_results"
    default_ordering = "-updated_at"
    page_title = gettext_lazy("Văn bản pháp luật")
    header_icon = "doc-full"
    verbose_name = gettext_lazy("văn bản")
    verbose_name_plural = gettext_lazy("văn bản")

    @cached_property
    def columns(self) -> list[Column]:
        return [
            TitleColumn(
                "number_display", label=_("Số ký hiệu"), get_url=_edit_url, sort_key="number",
                accessor=lambda d: d.number or "—", width="16%",
            ),
            TitleColumn(
                "title", label=_("Trích yếu"), get_url=_edit_url, sort_key="title", width="34%"
            ),
            Column("doc_type", label=_("Loại"), accessor=lambda d: d.doc_type or ""),
            Column("issuer", label=_("Cơ quan ban hành"), accessor=lambda d: d.issuer or ""),
            Column(
                "issued_on", label=_("Ngày ban hành"), sort_key="issued_on",
                accessor=lambda d: _date(d.issued_on),
            ),
            Column("origin", label=_("Nguồn dữ liệu"), accessor="get_origin_display"),
            Column(
                "has_text", label=_("Có toàn văn"),
                accessor=lambda d: _("Có") if d.has_text else _("Không"),
            ),
            Column(
                "updated_at", label=_("Cập nhật"), sort_key="updated_at",
                accessor=lambda d: date_format(timezone.localtime(d.updated_at), "d/m/Y H:i"),
            ),
        ]  # fmt: skip

    def get_base_queryset(self) -> QuerySet[LegalDocument]:
        current = DocumentVersion.objects.filter(document=OuterRef("pk"), is_current=True)
        return LegalDocument.objects.select_related("doc_type", "issuer").annotate(
            has_text=Exists(current)
        )

    def search_queryset(self, queryset: QuerySet[LegalDocument]) -> QuerySet[LegalDocument]:
        if not self.is_searching:
            return queryset
        q = self.search_query.strip()
        condition = Q(title__icontains=q) | Q(number__icontains=q)
        folded = fold(q)
        if folded:
            condition |= Q(number_key__contains=folded)
        with contextlib.suppress(ValueError):
            condition |= Q(number_key=fold(normalize_document_number(q)))
        return queryset.filter(condition)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")},
            {"url": "", "label": _("Thư viện pháp luật")},
        ]

    def get_header_buttons(self) -> list:
        return [
            HeaderButton(_("Tải lên văn bản"), url=reverse("laws_admin:upload"), icon_name="upload")
        ]


# --------------------------------------------------------------------------- document screen


class DocumentEditView(LawsEditorRequiredMixin, WagtailAdminTemplateMixin, View):
    """One document: its metadata form (saved through ``document_update``), its current
    text at a glance, its relations and the form to add one (``relation_add``)."""

    template_name = "laws/admin/document_edit.html"
    header_icon = "doc-full"

    @cached_property
    def document(self) -> LegalDocument:
        # Looked up after the permission check (dispatch), so no one else learns ids.
        return get_object_or_404(
            LegalDocument.objects.select_related("doc_type", "issuer"), pk=self.kwargs["pk"]
        )

    def get_page_title(self) -> str:
        return _("Sửa văn bản")

    def get_page_subtitle(self) -> str:
        return str(self.document)[:120]

    def get_breadcrumbs_items(self) -> list[dict]:
        return _breadcrumbs(("", self.document.number or _("Văn bản không số")))

    def render_page(
        self,
        *,
        form: DocumentEditForm | None = None,
        relation_form: RelationForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        document = self.document
        version = document_current_version(document)
        context = self.get_context_data(
            document=document,
            form=form or DocumentEditForm(document=document),
            relation_form=relation_form or RelationForm(document=document),
            version=version,
            provision_count=version.provisions.count() if version else 0,
            article_count=(
                version.provisions.filter(kind=ProvisionKind.ARTICLE).count() if version else 0
            ),
            version_count=document.versions.count(),
            public_url=document_url(document),
            relations=document_relations(document),
            eids=(list(version.provisions.values_list("eid", flat=True)[:3000]) if version else []),
            upload_url=f"{reverse('laws_admin:upload')}?van_ban={document.pk}",
        )
        return self.render_to_response(context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_page()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = DocumentEditForm(request.POST, document=self.document)
        if not form.is_valid():
            messages.validation_error(request, _("Chưa lưu được: hãy sửa các lỗi bên dưới."), form)
            return self.render_page(form=form)
        changes = form.changes()
        if not changes:
            messages.info(request, _("Không có thay đổi nào để lưu."))
            return redirect(_edit_url(self.document))
        try:
            document_update(document=self.document, user=request.user, **changes)
        except ValueError as exc:
            form.add_error(None, str(exc))
            messages.error(request, _("Chưa lưu được: hãy sửa các lỗi bên dưới."))
            return self.render_page(form=form)
        messages.success(request, _("Đã lưu văn bản “%(title)s”.") % {"title": self.document})
        return redirect(_edit_url(self.document))


class RelationAddView(DocumentEditView):
    """POST only: add a relation to the document; errors re-render the document screen."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = RelationForm(request.POST, document=self.document)
        if not form.is_valid():
            messages.error(request, _("Chưa thêm được quan hệ: hãy sửa các lỗi bên dưới."))
            return self.render_page(relation_form=form)
        try:
            relation = relation_add(user=request.user, **form.service_kwargs())
        except ValueError as exc:
            form.add_error(None, str(exc))
            messages.error(request, _("Chưa thêm được quan hệ: hãy sửa các lỗi bên dưới."))
            return self.render_page(relation_form=form)
        messages.success(request, _("Đã thêm quan hệ: %(relation)s.") % {"relation": relation})
        return redirect(f"{_edit_url(self.document)}#quan-he")


# --------------------------------------------------------------------------- upload storage


@dataclass(frozen=True)
class StoredUpload:
    token: str
    kind: str
    source: str
    data: bytes
    document_id: int | None


def upload_stash(
    request: HttpRequest, *, kind: str, source: str, data: bytes, document_id: int | None
) -> str:
    """Keep an accepted upload for the review step; returns the token the form echoes."""
    upload_discard(request)
    _upload_sweep()
    token = secrets.token_urlsafe(24)
    name = default_storage.save(f"{UPLOAD_DIR}/{secrets.token_hex(16)}.upload", ContentFile(data))
    request.session[UPLOAD_SESSION_KEY] = {
        "token": token,
        "name": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "kind": kind,
        "source": source,
        "document": document_id,
        "at": time.time(),
    }
    return token


def upload_load(request: HttpRequest, *, token: str | None = None) -> StoredUpload | None:
    """The upload of this session (with ``token``: only if it is that one); None when
    there is none, it is too old, or its bytes are missing or changed."""
    meta = request.session.get(UPLOAD_SESSION_KEY)
    if not isinstance(meta, dict) or meta.get("kind") not in (KIND_DOCX, KIND_TEXT):
        return None
    if token is not None and not secrets.compare_digest(str(token), str(meta.get("token", ""))):
        return None
    if time.time() - float(meta.get("at", 0)) > UPLOAD_MAX_AGE.total_seconds():
        upload_discard(request)
        return None
    try:
        with default_storage.open(meta["name"], "rb") as fh:
            data = fh.read(MAX_UPLOAD_BYTES + 1)
    except (OSError, KeyError):
        upload_discard(request)
        return None
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        upload_discard(request)
        return None
    return StoredUpload(
        token=meta["token"], kind=meta["kind"], source=str(meta.get("source", "")), data=data,
        document_id=meta.get("document"),
    )  # fmt: skip


def upload_discard(request: HttpRequest) -> None:
    meta = request.session.pop(UPLOAD_SESSION_KEY, None)
    if isinstance(meta, dict) and meta.get("name"):
        with contextlib.suppress(OSError):
            default_storage.delete(meta["name"])


def _upload_sweep() -> None:
    """Delete uploads left behind by reviews that were never finished."""
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except (OSError, NotImplementedError):
        return
    cutoff = timezone.now() - UPLOAD_SWEEP_AGE
    for name in files:
        path = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
        except (OSError, NotImplementedError):
            continue


def _parse(upload: StoredUpload | Any) -> ParsedDocument:
    if upload.kind == KIND_DOCX:
        return structure_parse_docx(upload.data, source=upload.source)
    return structure_parse_text(upload.data.decode("utf-8"), source=upload.source)


# --------------------------------------------------------------------------- upload views


def _target_document(request: HttpRequest, raw: Any) -> LegalDocument | None:
    """The document a new text is uploaded for (``?van_ban=<id>``), if any."""
    try:
        pk = int(raw)
    except (TypeError, ValueError):
        return None
    return LegalDocument.objects.filter(pk=pk).first()


class UploadView(LawsEditorRequiredMixin, WagtailAdminTemplateMixin, View):
    """Step 1: a file or pasted text, parsed at once; a ParseError comes back here."""

    template_name = "laws/admin/upload.html"
    page_title = gettext_lazy("Tải lên văn bản")
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _breadcrumbs(("", _("Tải lên văn bản")))

    def render_page(self, form: UploadForm, document: LegalDocument | None) -> HttpResponse:
        return self.render_to_response(
            self.get_context_data(
                form=form, document=document, max_mb=MAX_UPLOAD_BYTES // (1024 * 1024)
            )
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = _target_document(request, request.GET.get("van_ban"))
        return self.render_page(UploadForm(), document)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = _target_document(request, request.POST.get("van_ban"))
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form, document)
        upload = form.cleaned_data["upload"]
        try:
            _parse(upload)
        except ParseError as exc:
            form.add_error(None, _("Không đọc được cấu trúc văn bản — %(error)s") % {"error": exc})
            return self.render_page(form, document)
        upload_stash(
            request, kind=upload.kind, source=upload.source, data=upload.data,
            document_id=document.pk if document else None,
        )  # fmt: skip
        return redirect("laws_admin:upload_review")


@dataclass
class TreeRow:
    """One line of the parsed tree as the review template draws it: ``opens`` starts a
    collapsible group (the node has children), ``closes`` ends that many groups."""

    label: str
    heading: str
    excerpt: str
    kind: str
    depth: int
    opens: bool = False
    open_by_default: bool = False
    closes: int = 0

    @property
    def closers(self) -> range:
        return range(self.closes)


_KIND_LABELS = {k.value: k.label for k in ProvisionKind}


# A parsed tree with at most this many nodes is shown unfolded; a longer one shows its
# Phần/Chương/Mục open and its articles folded.
TREE_OPEN_ALL_MAX = 150


def _tree_rows(nodes: list[Any]) -> tuple[list[TreeRow], dict[str, int]]:
    rows: list[TreeRow] = []
    counts: dict[str, int] = {}
    open_all = sum(1 for _node in iter_nodes(nodes)) <= TREE_OPEN_ALL_MAX

    def walk(items: list[Any], depth: int) -> None:
        for node in items:
            counts[node.kind] = counts.get(node.kind, 0) + 1
            label = f"{_KIND_LABELS.get(node.kind, node.kind)} {node.number}".strip()
            text = " ".join((node.text or "").split())
            row = TreeRow(
                label=label,
                heading=node.heading or "",
                excerpt=(text[:157] + "…") if len(text) > 160 else text,
                kind=node.kind,
                depth=depth,
                opens=bool(node.children),
                open_by_default=open_all or node.kind in ("phan", "chuong", "muc", "tieu_muc"),
            )
            rows.append(row)
            if node.children:
                walk(node.children, depth + 1)
                rows[-1].closes += 1

    walk(nodes, 0)
    return rows, counts


def _count_summary(counts: dict[str, int]) -> str:
    parts = [
        f"{counts[kind.value]} {kind.label.lower()}"
        for kind in ProvisionKind
        if counts.get(kind.value)
    ]
    return ", ".join(parts)


class UploadReviewView(LawsEditorRequiredMixin, WagtailAdminTemplateMixin, View):
    """Step 2: what the parser read, editable metadata, warnings, the tree; "Lưu" saves
    through ``document_upload_save`` after re-parsing the stored upload."""

    template_name = "laws/admin/upload_review.html"
    page_title = gettext_lazy("Xem lại văn bản tải lên")
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict]:
        return _breadcrumbs(
            (reverse("laws_admin:upload"), _("Tải lên văn bản")), ("", _("Xem lại"))
        )

    def _stale(self, request: HttpRequest) -> HttpResponse:
        messages.error(
            request,
            _("Không còn bản tải lên để lưu (đã lưu, đã hủy, đã thay bằng bản khác hoặc quá "
              "%(hours)s giờ). Chưa có gì được lưu; hãy tải văn bản lên lại.")
            % {"hours": int(UPLOAD_MAX_AGE.total_seconds() // 3600)},
        )  # fmt: skip
        return redirect("laws_admin:upload")

    def _parse_or_fail(self, request: HttpRequest, upload: StoredUpload) -> ParsedDocument | None:
        try:
            return _parse(upload)
        except ParseError as exc:  # the parser changed since step 1
            upload_discard(request)
            messages.error(
                request, _("Không đọc được cấu trúc văn bản — %(error)s") % {"error": exc}
            )
            return None

    def render_page(
        self, *, upload: StoredUpload, parsed: ParsedDocument, form: UploadReviewForm
    ) -> HttpResponse:
        target = None
        if upload.document_id:
            target = LegalDocument.objects.filter(pk=upload.document_id).first()
        existing = target
        if existing is None:
            number = form.data.get("number") if form.is_bound else form.initial.get("number")
            existing = document_find_by_number(number) if number else None
        rows, counts = _tree_rows(parsed.provisions)
        context = self.get_context_data(
            form=form,
            parsed=parsed,
            upload=upload,
            rows=rows,
            count_summary=_count_summary(counts),
            provision_count=sum(counts.values()),
            existing=existing,
            existing_version=document_current_version(existing) if existing else None,
            upload_for_document=target,
            size_kb=max(1, len(upload.data) // 1024),
        )
        return self.render_to_response(context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        upload = upload_load(request)
        if upload is None:
            return self._stale(request)
        parsed = self._parse_or_fail(request, upload)
        if parsed is None:
            return redirect("laws_admin:upload")
        form = UploadReviewForm(initial=UploadReviewForm.initial_from_parsed(parsed, upload.token))
        return self.render_page(upload=upload, parsed=parsed, form=form)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        upload = upload_load(request, token=request.POST.get("upload_token"))
        if upload is None:
            return self._stale(request)
        parsed = self._parse_or_fail(request, upload)
        if parsed is None:
            return redirect("laws_admin:upload")
        form = UploadReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu: hãy sửa các lỗi bên dưới."))
            return self.render_page(upload=upload, parsed=parsed, form=form)
        target = None
        if upload.document_id:
            target = LegalDocument.objects.filter(pk=upload.document_id).first()
            if target is None:
                upload_discard(request)
                messages.error(request, _("Văn bản cần cập nhật không còn; chưa có gì được lưu."))
                return redirect("laws_admin:documents")
        try:
            document, changed = document_upload_save(
                user=request.user, parsed=parsed, document=target, **form.service_kwargs()
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
            messages.error(request, _("Chưa lưu: hãy sửa các lỗi bên dưới."))
            return self.render_page(upload=upload, parsed=parsed, form=form)
        upload_discard(request)
        if changed:
            version = document_current_version(document)
            count = version.provisions.count() if version else 0
            messages.success(
                request,
                ngettext(
                    "Đã lưu văn bản “%(title)s” (%(count)s điều khoản).",
                    "Đã lưu văn bản “%(title)s” (%(count)s điều khoản).",
                    count,
                )
                % {"title": document, "count": count},
            )
        else:
            messages.info(
                request,
                _("Văn bản “%(title)s” đã có đúng nội dung này; không tạo phiên bản mới.")
                % {"title": document},
            )
        return redirect(_edit_url(document))


class UploadCancelView(LawsEditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        upload_discard(request)
        messages.info(request, _("Đã hủy bản tải lên; chưa có gì được lưu."))
        return redirect("laws_admin:upload")
