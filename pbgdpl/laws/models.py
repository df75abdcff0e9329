"""The legal library: documents (works), dated versions, the provision tree, relations,
and the Bộ pháp điển (chủ đề → đề mục → articles citing their source provisions)."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pbgdpl.core.models import TimeStampedModel


class DocumentType(models.Model):
    """A type of legal document (Luật, Nghị định, Thông tư …): data, not an enum."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=120, unique=True)
    abbreviation = models.CharField(_("viết tắt"), max_length=20, blank=True)
    rank = models.PositiveSmallIntegerField(
        _("thứ bậc hiệu lực"), default=100, help_text=_("Số nhỏ hơn là hiệu lực pháp lý cao hơn.")
    )

    class Meta:
        ordering = ["rank", "name"]
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")

    def __str__(self) -> str:
        return self.name


class IssuingBody(models.Model):
    """A body that issues legal documents (Quốc hội, Chính phủ, Bộ Tài chính …)."""

    code = models.SlugField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=200, unique=True)
    abbreviation = models.CharField(_("viết tắt"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")

    def __str__(self) -> str:
        return self.name


class LegalField(models.Model):
    """A legal field (lĩnh vực) such as Đất đai or Hình sự."""

    code = models.SlugField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.name


class DocumentOrigin(models.TextChoices):
    PHAPDIEN = "phapdien", _("Trích dẫn trong Bộ pháp điển")
    ALQAC = "alqac", _("Bộ dữ liệu ALQAC")
    UPLOAD = "upload", _("Tải lên")
    MANUAL = "manual", _("Nhập tay")


class LegalDocument(TimeStampedModel):
    """A legal document as a work: its identity and dates, independent of any text.

    ``number`` is the canonical số ký hiệu ("14/2012/QH13") and ``number_key`` its folded
    form, unique when present, so a document is found by number however it is typed.
    ``eli`` is the stable path of the work (``luat/2012/14-2012-qh13``), served under
    ``/eli/vn/``. Texts live in :class:`DocumentVersion`.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("số ký hiệu"), max_length=80, blank=True)
    number_key = models.CharField(max_length=80, null=True, blank=True, unique=True, editable=False)
    eli = models.CharField(_("định danh ổn định"), max_length=255, unique=True)
    doc_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("loại văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.ForeignKey(
        IssuingBody,
        verbose_name=_("cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    title = models.CharField(_("trích yếu"), max_length=1000)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    fields = models.ManyToManyField(
        LegalField, verbose_name=_("lĩnh vực"), blank=True, related_name="documents"
    )
    source_url = models.URLField(_("nguồn"), max_length=500, blank=True)
    origin = models.CharField(_("nguồn dữ liệu"), max_length=20, choices=DocumentOrigin.choices)
    origin_key = models.CharField(_("khóa trong nguồn"), max_length=300, blank=True)

    class Meta:
        ordering = ["-issued_on", "title"]
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "origin_key"],
                condition=~Q(origin_key=""),
                name="laws_document_origin_key_unique",
            )
        ]
        indexes = [models.Index(fields=["effective_on"]), models.Index(fields=["expires_on"])]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip() if self.number else self.title

    @property
    def display_title(self) -> str:
        """The title a reader sees: type and number first when the title lacks them."""
        return str(self)


class DocumentVersion(TimeStampedModel):
    """A dated, language-tagged text (expression) of a document; provisions hang off it."""

    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("văn bản"),
    )
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    preamble = models.TextField(_("phần mở đầu"), blank=True)
    content_hash = models.CharField(max_length=64)
    is_current = models.BooleanField(_("bản hiện hành"), default=True)
    page_count = models.PositiveSmallIntegerField(default=1)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["document", "-valid_from", "-id"]
        verbose_name = _("phiên bản văn bản")
        verbose_name_plural = _("phiên bản văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language", "content_hash"], name="laws_version_hash_unique"
            ),
            models.UniqueConstraint(
                fields=["document", "language"],
                condition=Q(is_current=True),
                name="laws_version_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.valid_from or '—'})"


class ProvisionKind(models.TextChoices):
    PART = "phan", _("Phần")
    CHAPTER = "chuong", _("Chương")
    SECTION = "muc", _("Mục")
    SUBSECTION = "tieu_muc", _("Tiểu mục")
    ARTICLE = "dieu", _("Điều")
    CLAUSE = "khoan", _("Khoản")
    POINT = "diem", _("Điểm")


class Provision(models.Model):
    """One node of a version's tree: Phần > Chương > Mục > Điều > Khoản > Điểm.

    ``eid`` is stable across re-imports ("chuong_2__dieu_5__khoan_2"); ``anchor`` is the
    HTML fragment of the node on the document page ("dieu-5-khoan-2"). ``position`` is
    the document order; ``page`` the page of the document view that shows it (long texts
    are split between top-level units). ``document`` repeats the version's document.
    """

    version = models.ForeignKey(
        DocumentVersion, on_delete=models.CASCADE, related_name="provisions"
    )
    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("cấp"), max_length=10, choices=ProvisionKind.choices)
    number = models.CharField(_("số"), max_length=20, blank=True)
    eid = models.CharField(max_length=200)
    anchor = models.CharField(max_length=200)
    heading = models.TextField(_("tên"), blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    position = models.PositiveIntegerField()
    depth = models.PositiveSmallIntegerField(default=0)
    page = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("điều khoản")
        verbose_name_plural = _("điều khoản")
        constraints = [
            models.UniqueConstraint(fields=["version", "eid"], name="laws_provision_eid_unique")
        ]
        indexes = [models.Index(fields=["document", "kind", "number"])]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """ "Điều 5", "Khoản 2", "Chương II" — the kind and number a reader sees."""
        return f"{ProvisionKind(self.kind).label} {self.number}".strip()


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    REPLACES = "replaces", _("Thay thế")
    REPEALS = "repeals", _("Bãi bỏ")
    GUIDES = "guides", _("Hướng dẫn")
    CONSOLIDATES = "consolidates", _("Hợp nhất")
    BASED_ON = "based_on", _("Căn cứ")
    REFERENCES = "references", _("Dẫn chiếu")


class Relation(TimeStampedModel):
    """``source`` <kind> ``target`` from ``effective_on``, optionally between provisions
    (by eId, so the link survives new versions): "13/2023/NĐ-CP bãi bỏ Điều 5 của …"."""

    source = models.ForeignKey(
        LegalDocument,
        on_delete=models.CASCADE,
        related_name="relations_out",
        verbose_name=_("văn bản tác động"),
    )
    target = models.ForeignKey(
        LegalDocument,
        on_delete=models.CASCADE,
        related_name="relations_in",
        verbose_name=_("văn bản bị tác động"),
    )
    kind = models.CharField(_("loại quan hệ"), max_length=20, choices=RelationKind.choices)
    source_eid = models.CharField(_("điều khoản tác động"), max_length=200, blank=True)
    target_eid = models.CharField(_("điều khoản bị tác động"), max_length=200, blank=True)
    effective_on = models.DateField(_("từ ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["effective_on", "id"]
        verbose_name = _("quan hệ giữa văn bản")
        verbose_name_plural = _("quan hệ giữa văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind", "source_eid", "target_eid"],
                name="laws_relation_unique",
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="laws_relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display().lower()} {self.target}"


class PhapDienTopic(models.Model):
    """A chủ đề of the Bộ pháp điển (1–45)."""

    number = models.PositiveSmallIntegerField(_("số"), unique=True)
    name = models.CharField(_("tên"), max_length=200)

    class Meta:
        ordering = ["number"]
        verbose_name = _("chủ đề pháp điển")
        verbose_name_plural = _("chủ đề pháp điển")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class PhapDienSubject(models.Model):
    """A đề mục ("41.2 Nhuận bút …"): one page of the Bộ pháp điển.

    The official corpus reuses a few numbers (a removed đề mục and its replacement both
    "44.6"), so pages are keyed by their source id and addressed by ``slug``: the number,
    or "44.6-2" for a later page with a number already taken.
    """

    topic = models.ForeignKey(PhapDienTopic, on_delete=models.PROTECT, related_name="subjects")
    number = models.CharField(_("số"), max_length=20, db_index=True)
    slug = models.SlugField(max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=500)
    source_uuid = models.CharField(max_length=64, unique=True)
    sort_key = models.PositiveIntegerField(default=0)
    page_count = models.PositiveSmallIntegerField(default=1)
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("đề mục pháp điển")
        verbose_name_plural = _("đề mục pháp điển")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class PhapDienArticle(models.Model):
    """An article of the Bộ pháp điển with the citation of the provision it comes from.

    ``source_document`` is matched or created by the cited số ký hiệu; ``source_article``
    keeps the cited article number even when the source has no text here.
    """

    subject = models.ForeignKey(PhapDienSubject, on_delete=models.CASCADE, related_name="articles")
    code = models.CharField(_("số hiệu"), max_length=40, db_index=True)
    source_anchor = models.CharField(max_length=60, blank=True)
    anchor = models.CharField(max_length=80)
    page = models.PositiveSmallIntegerField(default=1)
    heading = models.CharField(_("tên điều"), max_length=1000, blank=True)
    chapter = models.CharField(_("chương"), max_length=1000, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    position = models.PositiveIntegerField()
    citation_text = models.TextField(_("ghi chú nguồn"), blank=True)
    citation_url = models.URLField(max_length=500, blank=True)
    source_document = models.ForeignKey(
        LegalDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="phapdien_articles",
        verbose_name=_("văn bản nguồn"),
    )
    source_article = models.CharField(_("điều nguồn"), max_length=20, blank=True)
    source_clause = models.CharField(_("khoản nguồn"), max_length=20, blank=True)
    source_effective_on = models.DateField(_("hiệu lực của điều nguồn"), null=True, blank=True)
    related = models.JSONField(_("nội dung liên quan"), default=list, blank=True)

    class Meta:
        ordering = ["subject", "position"]
        verbose_name = _("điều pháp điển")
        verbose_name_plural = _("điều pháp điển")
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "position"], name="laws_phapdien_article_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Điều {self.code}. {self.heading}".strip()
