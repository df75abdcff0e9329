"""Wagtail pages of the public portal and the data they hang on.

Page tree (per language):

    HomePage
      SectionPage            a section (chuyên mục): lists the articles below it
        NewsPage, GuidancePage, LegalCasePage, MediaPage, SectionPage …
      BookshelfPage          tủ sách pháp luật: lists HandbookPage children
        HandbookPage
      UnitAreaPage           a commune/ward's own news area; its editors are confined to it
        NewsPage …

Every article type is an :class:`ArticlePage` (one table for what they share: date,
summary, body, fields, audiences, citations), so feeds, search, audio and lists query one
model. Taxonomies — legal fields (``laws.LegalField``, shared with the legal library) and
:class:`Audience` — are data.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class Audience(models.Model):
    """A target group of readers (đối tượng): nông dân, công nhân, người cao tuổi, …"""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=120, unique=True)
    description = models.CharField(_("mô tả"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = pgettext_lazy("readers", "đối tượng")
        verbose_name_plural = pgettext_lazy("readers", "đối tượng")

    def __str__(self) -> str:
        return self.name


# ----------------------------------------------------------------------------- blocks
class ImageBlock(blocks.StructBlock):
    """An image with its text alternative (required) and an optional caption."""

    image = ImageChooserBlock(label=_("ảnh"))
    alt = blocks.CharBlock(
        label=_("văn bản thay thế"),
        max_length=300,
        help_text=_("Mô tả ngắn nội dung ảnh cho người khiếm thị (bắt buộc)."),
    )
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "portal/blocks/image.html"


class NoteBlock(blocks.StructBlock):
    """A highlighted box: "Ghi nhớ", "Lưu ý"."""

    title = blocks.CharBlock(label=_("tiêu đề"), max_length=120, default=_("Ghi nhớ"))
    text = blocks.RichTextBlock(
        label=_("nội dung"), features=["bold", "italic", "ul", "ol", "link"]
    )

    class Meta:
        icon = "warning"
        label = _("Hộp ghi nhớ")
        template = "portal/blocks/note.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("tiêu đề mục"), max_length=200, template="portal/blocks/heading.html", icon="title"
    )
    paragraph = blocks.RichTextBlock(label=_("đoạn văn"), features=RICH_FEATURES, icon="pilcrow")
    image = ImageBlock()
    note = NoteBlock()
    quote = blocks.BlockQuoteBlock(label=_("trích dẫn"))


# ----------------------------------------------------------------------------- index pages
class HomePage(Page):
    """The portal's home page (one per language)."""

    intro = models.CharField(_("lời giới thiệu"), max_length=300, blank=True)
    body = RichTextField(_("nội dung"), blank=True, features=RICH_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.SectionPage", "portal.BookshelfPage", "portal.UnitAreaPage"]

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(request=request, home=self))
        return context


class SectionPage(Page):
    """A section (chuyên mục) listing every article below it, newest first."""

    intro = models.TextField(_("giới thiệu"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage", "portal.SectionPage", "portal.UnitAreaPage"]
    subpage_types = [
        "portal.SectionPage",
        "portal.NewsPage",
        "portal.GuidancePage",
        "portal.LegalCasePage",
        "portal.MediaPage",
    ]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        from .selectors import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request=request, parent=self))
        return context


class BookshelfPage(Page):
    """Tủ sách pháp luật: handbooks and leaflets to read and download."""

    intro = models.TextField(_("giới thiệu"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage", "portal.UnitAreaPage"]
    subpage_types = ["portal.HandbookPage"]

    class Meta:
        verbose_name = _("tủ sách pháp luật")
        verbose_name_plural = _("tủ sách pháp luật")

    def get_context(self, request, *args, **kwargs):
        from .selectors import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request=request, parent=self, per_page=24))
        return context


class UnitAreaPage(Page):
    """The news area of one commune or ward (tin cơ sở).

    The unit's editors and approvers work only inside this area: their roles on the unit
    become Wagtail permissions on this page and everything below it (see
    ``services.portal_permissions_sync``).
    """

    # A ForeignKey, not one-to-one: the area's translations point at the same unit
    # (clean() keeps one area per unit and language).
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị hành chính"),
        on_delete=models.PROTECT,
        related_name="portal_areas",
    )
    intro = models.TextField(_("giới thiệu"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("unit"), FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = [
        "portal.SectionPage",
        "portal.BookshelfPage",
        "portal.NewsPage",
        "portal.GuidancePage",
        "portal.LegalCasePage",
        "portal.MediaPage",
    ]

    class Meta:
        verbose_name = _("trang tin cơ sở")
        verbose_name_plural = _("trang tin cơ sở")

    @property
    def permission_unit(self):
        return self.unit

    def clean(self) -> None:
        super().clean()
        if self.unit_id and self.locale_id:
            others = UnitAreaPage.objects.filter(unit_id=self.unit_id, locale_id=self.locale_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"unit": _("Đơn vị này đã có trang tin cơ sở bằng ngôn ngữ này.")}
                )

    def get_context(self, request, *args, **kwargs):
        from .selectors import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request=request, parent=self))
        return context


# ----------------------------------------------------------------------------- articles
class ArticlePage(Page):
    """What every article type shares. Not created directly: pick a concrete type."""

    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    summary = models.TextField(
        _("tóm tắt"),
        max_length=600,
        help_text=_("Một đến ba câu: hiện trong danh sách, nguồn tin và khi chia sẻ."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    feed_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_fields = ParentalManyToManyField(
        "laws.LegalField", verbose_name=_("lĩnh vực"), blank=True, related_name="portal_pages"
    )
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=pgettext_lazy("readers", "đối tượng"),
        blank=True,
        related_name="pages",
    )

    is_creatable = False
    parent_page_types = ["portal.SectionPage", "portal.UnitAreaPage"]
    subpage_types: list[str] = []

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_fields", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Phân loại"),
        ),
        InlinePanel(
            "citations",
            label=_("Văn bản, điều luật được dẫn"),
            heading=_("Căn cứ pháp lý"),
        ),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("feed_image"),
    ]

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        indexes = [models.Index(fields=["date"])]

    @property
    def type_label(self) -> str:
        """The article's type as readers see it ("Tình huống pháp luật", …)."""
        model = self.specific_class or type(self)
        return str(model._meta.verbose_name).capitalize()

    @property
    def permission_unit(self):
        """The unit whose area holds this page (None: the province's own pages)."""
        area = UnitAreaPage.objects.ancestor_of(self).select_related("unit").first()
        return area.unit if area else None

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(request=request, page=self))
        return context


def _article_panels(*extra) -> list:
    return [*ArticlePage.content_panels, *extra, *ArticlePage.classification_panels]


class NewsKind(models.TextChoices):
    NEWS = "news", _("Tin tức")
    ACTIVITY = "activity", _("Hoạt động")
    NOTICE = "notice", _("Thông báo")


class NewsPage(ArticlePage):
    """News and activity reports (tin tức, hoạt động)."""

    kind = models.CharField(
        _("loại tin"), max_length=12, choices=NewsKind.choices, default=NewsKind.NEWS
    )
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)

    content_panels = _article_panels(FieldPanel("kind"), FieldPanel("place"), FieldPanel("body"))

    class Meta:
        verbose_name = _("tin tức, hoạt động")
        verbose_name_plural = _("tin tức, hoạt động")


class GuidancePage(ArticlePage):
    """A legal guidance explainer (hướng dẫn, giải thích pháp luật) in plain words."""

    content_panels = _article_panels(FieldPanel("body"))

    class Meta:
        verbose_name = _("bài hướng dẫn pháp luật")
        verbose_name_plural = _("bài hướng dẫn pháp luật")


class LegalCasePage(ArticlePage):
    """A legal case (tình huống pháp luật): situation → analysis → the articles that apply."""

    situation = RichTextField(_("tình huống"), features=RICH_FEATURES)
    question = models.CharField(_("câu hỏi đặt ra"), max_length=300, blank=True)
    analysis = RichTextField(_("phân tích"), features=RICH_FEATURES)
    conclusion = RichTextField(_("kết luận, lời khuyên"), blank=True, features=RICH_FEATURES)

    content_panels = _article_panels(
        FieldPanel("situation"),
        FieldPanel("question"),
        FieldPanel("analysis"),
        FieldPanel("conclusion"),
        FieldPanel("body"),
    )

    class Meta:
        verbose_name = _("tình huống pháp luật")
        verbose_name_plural = _("tình huống pháp luật")


class MediaKind(models.TextChoices):
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Âm thanh")
    INFOGRAPHIC = "infographic", _("Đồ họa thông tin")


class MediaPage(ArticlePage):
    """A video, an audio file or an infographic, always with its text equivalent."""

    media_kind = models.CharField(_("loại"), max_length=12, choices=MediaKind.choices)
    media_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp video/âm thanh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("MP4 cho video, MP3 cho âm thanh."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("đồ họa thông tin"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    duration = models.CharField(
        _("thời lượng"), max_length=20, blank=True, help_text=_("Ví dụ 4:35")
    )
    transcript = RichTextField(
        _("lời thoại / nội dung bằng chữ"),
        features=RICH_FEATURES,
        help_text=_(
            "Bắt buộc: toàn bộ lời thoại của video, âm thanh, hoặc nội dung đầy đủ của "
            "đồ họa thông tin bằng chữ, cho người không xem, không nghe được."
        ),
    )

    content_panels = _article_panels(
        FieldPanel("media_kind"),
        FieldPanel("media_file"),
        FieldPanel("image"),
        FieldPanel("duration"),
        FieldPanel("transcript"),
        FieldPanel("body"),
    )

    class Meta:
        verbose_name = _("video, âm thanh, đồ họa")
        verbose_name_plural = _("video, âm thanh, đồ họa")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.media_kind in (MediaKind.VIDEO, MediaKind.AUDIO) and not self.media_file_id:
            errors["media_file"] = _("Hãy chọn tệp video hoặc âm thanh.")
        if self.media_kind == MediaKind.INFOGRAPHIC and not self.image_id:
            errors["image"] = _("Hãy chọn ảnh đồ họa thông tin.")
        if self.media_file_id:
            name = (self.media_file.file.name or "").lower()
            allowed = (
                (".mp4", ".webm")
                if self.media_kind == MediaKind.VIDEO
                else (".mp3", ".m4a", ".ogg", ".opus")
            )
            if self.media_kind != MediaKind.INFOGRAPHIC and not name.endswith(allowed):
                errors["media_file"] = _("Tệp phải có đuôi %(ext)s.") % {"ext": ", ".join(allowed)}
        if errors:
            raise ValidationError(errors)


class HandbookKind(models.TextChoices):
    HANDBOOK = "handbook", _("Sổ tay")
    LEAFLET = "leaflet", _("Tờ gấp")
    BOOKLET = "booklet", _("Tài liệu")


class HandbookPage(ArticlePage):
    """A handbook or leaflet (sổ tay, tờ gấp) on the legal bookshelf, with its files."""

    handbook_kind = models.CharField(
        _("loại ấn phẩm"),
        max_length=12,
        choices=HandbookKind.choices,
        default=HandbookKind.HANDBOOK,
    )
    publisher = models.CharField(_("đơn vị biên soạn"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("năm phát hành"), null=True, blank=True)
    page_count = models.PositiveSmallIntegerField(_("số trang"), null=True, blank=True)

    parent_page_types = ["portal.BookshelfPage"]
    content_panels = _article_panels(
        FieldPanel("handbook_kind"),
        FieldPanel("publisher"),
        FieldPanel("year"),
        FieldPanel("page_count"),
        InlinePanel("files", label=_("Tệp tải về"), heading=_("Tệp tải về"), min_num=1),
        FieldPanel("body"),
    )

    class Meta:
        verbose_name = _("sổ tay, tờ gấp")
        verbose_name_plural = _("sổ tay, tờ gấp")


class HandbookFile(Orderable):
    """A downloadable file of a handbook (PDF to print, DOCX to adapt, …)."""

    page = ParentalKey(HandbookPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        _("nhãn"), max_length=120, blank=True, help_text=_("Ví dụ: Bản in khổ A4")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]


class PageCitation(Orderable):
    """A legal document (and optionally one article of it) an article cites.

    Editors type the số ký hiệu as they know it ("45/2019/QH14", even "45/2019/qh14");
    it is normalised and, when the library holds the document, shown as a link to it (and
    to the article when its text is there). A citation to a document the library lacks
    still shows, as text.
    """

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="citations")
    number = models.CharField(
        _("số ký hiệu"), max_length=80, help_text=_("Ví dụ 45/2019/QH14 hoặc 13/2023/NĐ-CP")
    )
    title = models.CharField(
        _("tên văn bản"),
        max_length=300,
        blank=True,
        help_text=_("Để trống nếu văn bản đã có trong thư viện: tên được lấy từ thư viện."),
    )
    article = models.CharField(
        _("điều"), max_length=20, blank=True, help_text=_("Số điều, ví dụ 8 hoặc 8a")
    )
    detail = models.CharField(
        _("khoản, điểm"), max_length=80, blank=True, help_text=_("Ví dụ: khoản 2, điểm a")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("article"),
        FieldPanel("detail"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def clean(self) -> None:
        from pbgdpl.core.text import normalize_document_number

        try:
            self.number = normalize_document_number(self.number or "")
        except ValueError:
            raise ValidationError(
                {"number": _("Số ký hiệu không hợp lệ (ví dụ 14/2012/QH13 hoặc 13/2023/NĐ-CP).")}
            ) from None
        self.article = (self.article or "").strip().removeprefix("Điều").strip().rstrip(".")
        if self.article and not self.article[:1].isdigit():
            raise ValidationError({"article": _("Hãy ghi số điều, ví dụ 8 hoặc 8a.")})


# ----------------------------------------------------------------------------- audio
class AudioStatus(models.TextChoices):
    PENDING = "pending", _("Đang tạo")
    READY = "ready", _("Sẵn sàng")
    FAILED = "failed", _("Lỗi")


class ArticleAudio(models.Model):
    """The spoken version of an article's text, one per distinct text.

    ``text_hash`` covers the spoken text and the voice settings, so a new revision whose
    text did not change reuses the file, and any change of text gets a new one.
    """

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="audio_versions")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text_hash = models.CharField(max_length=64)
    voice = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10, choices=AudioStatus.choices, default=AudioStatus.PENDING
    )
    file = models.FileField(upload_to="audio/", blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    size_bytes = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bản đọc")
        verbose_name_plural = _("bản đọc")
        constraints = [
            models.UniqueConstraint(fields=["page", "text_hash"], name="portal_audio_text_unique")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.text_hash[:8]} {self.status}"


# ----------------------------------------------------------------------------- reader feedback
class PageFeedback(models.Model):
    """One answer to "Thông tin này có hữu ích không?" — no personal data is kept."""

    path = models.CharField(_("đường dẫn"), max_length=500, db_index=True)
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    helpful = models.BooleanField(_("hữu ích"))
    comment = models.TextField(_("góp ý"), max_length=1000, blank=True)
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ý kiến về trang")
        verbose_name_plural = _("ý kiến về trang")

    def __str__(self) -> str:
        return f"{self.path} — {'có' if self.helpful else 'không'}"


# ----------------------------------------------------------------------------- local page views
class LocalPageView(models.Model):
    """How many public pages anonymous readers who chose a commune ("Xem thông tin của
    xã/phường tôi") viewed on one day. Only the commune, the day and the count: no page,
    no address, no cookie value, nothing about the reader (``services.local_page_view_add``).
    """

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("xã, phường"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("ngày"))
    count = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang theo xã, phường")
        verbose_name_plural = _("lượt xem trang theo xã, phường")
        constraints = [
            models.UniqueConstraint(fields=["unit", "day"], name="portal_local_view_unit_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}: {self.count}"
