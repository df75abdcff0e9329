"""Factories and page-creation helpers for the portal's tests.

Pages go under the (Vietnamese) home page of the migrated tree unless a ``parent`` is
given. Each helper creates the page as a draft (one revision) and, with ``live=True``
(the default), publishes that revision, so page signals (search, audio, cache) run as in
real use. Pass ``user`` to record who created/published it. Media and documents are
tiny in-memory files: give the test ``settings.MEDIA_ROOT = tmp_path`` (fixture
``media_root`` below) when a test creates them.
"""

from io import BytesIO
from typing import Any

import factory
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from wagtail.models import Page

from pbgdpl.portal.models import (
    Audience,
    BookshelfPage,
    GuidancePage,
    HandbookFile,
    HandbookPage,
    HomePage,
    LegalCasePage,
    MediaKind,
    MediaPage,
    NewsPage,
    SectionPage,
    UnitAreaPage,
)


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"doi-tuong-{n}")
    name = factory.Sequence(lambda n: f"Đối tượng thử nghiệm {n}")
    sort_order = 100


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary directory for this test."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


_counter = iter(range(1, 10**9))


def home_page(language: str = "vi") -> HomePage:
    """The home page of ``language`` (the migrated tree has the Vietnamese one)."""
    return HomePage.objects.get(locale__language_code=language)


def page_add(parent: Page, page: Page, *, live: bool = True, user: Any = None) -> Page:
    """Add ``page`` under ``parent`` with one revision; publish it when ``live``."""
    if not page.slug:
        page.slug = f"{slugify(page.title)[:40] or 'trang'}-{next(_counter)}"
    if user is not None and page.owner_id is None:
        page.owner = user
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish(user=user)
    page.refresh_from_db()
    return page


def _title(kind: str) -> str:
    return f"{kind} thử nghiệm {next(_counter)}"


def section_page(*, parent: Page | None = None, live: bool = True, user: Any = None, **fields):
    fields.setdefault("title", _title("Chuyên mục"))
    return page_add(parent or home_page(), SectionPage(**fields), live=live, user=user)


def bookshelf_page(*, parent: Page | None = None, live: bool = True, user: Any = None, **fields):
    fields.setdefault("title", _title("Tủ sách"))
    return page_add(parent or home_page(), BookshelfPage(**fields), live=live, user=user)


def unit_area_page(
    *, unit, parent: Page | None = None, live: bool = True, user: Any = None, **fields
) -> UnitAreaPage:
    """The news area of ``unit`` (a commune/ward) under the home page."""
    fields.setdefault("title", f"Tin cơ sở {unit.name}")
    return page_add(parent or home_page(), UnitAreaPage(unit=unit, **fields), live=live, user=user)


def _article_defaults(fields: dict, kind: str) -> dict:
    fields.setdefault("title", _title(kind))
    fields.setdefault("summary", f"Tóm tắt {fields['title']}.")
    return fields


def news_page(*, parent: Page, live: bool = True, user: Any = None, **fields) -> NewsPage:
    _article_defaults(fields, "Tin")
    fields.setdefault("body", [("paragraph", "<p>Nội dung tin thử nghiệm.</p>")])
    return page_add(parent, NewsPage(**fields), live=live, user=user)


def guidance_page(*, parent: Page, live: bool = True, user: Any = None, **fields) -> GuidancePage:
    _article_defaults(fields, "Hướng dẫn")
    fields.setdefault("body", [("paragraph", "<p>Các bước thực hiện.</p>")])
    return page_add(parent, GuidancePage(**fields), live=live, user=user)


def legal_case_page(
    *, parent: Page, live: bool = True, user: Any = None, **fields
) -> LegalCasePage:
    _article_defaults(fields, "Tình huống")
    fields.setdefault("situation", "<p>Ông A và bà B tranh chấp lối đi chung.</p>")
    fields.setdefault("analysis", "<p>Trước hết cần hòa giải ở cơ sở.</p>")
    return page_add(parent, LegalCasePage(**fields), live=live, user=user)


def document_file(name: str = "tai-lieu.pdf", content: bytes = b"%PDF-1.4 test", **fields):
    """A Wagtail document holding a tiny file (needs MEDIA_ROOT set by the test)."""
    from wagtail.documents.models import Document

    fields.setdefault("title", name)
    return Document.objects.create(file=SimpleUploadedFile(name, content), **fields)


def image_file(name: str = "anh.png", **fields):
    """A Wagtail image of 2×2 pixels (needs MEDIA_ROOT set by the test)."""
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = BytesIO()
    PILImage.new("RGB", (2, 2), "white").save(buffer, format="PNG")
    fields.setdefault("title", name)
    return Image.objects.create(file=SimpleUploadedFile(name, buffer.getvalue()), **fields)


def media_page(*, parent: Page, live: bool = True, user: Any = None, **fields) -> MediaPage:
    """An audio page by default (with a tiny .mp3 document); needs MEDIA_ROOT."""
    _article_defaults(fields, "Bài nghe")
    fields.setdefault("media_kind", MediaKind.AUDIO)
    if fields["media_kind"] == MediaKind.INFOGRAPHIC:
        fields.setdefault("image", image_file())
    else:
        ext = "mp4" if fields["media_kind"] == MediaKind.VIDEO else "mp3"
        fields.setdefault("media_file", document_file(f"bai.{ext}", b"ID3 test"))
    fields.setdefault("transcript", "<p>Toàn bộ lời thoại của bài.</p>")
    return page_add(parent, MediaPage(**fields), live=live, user=user)


def handbook_page(
    *, parent: Page, live: bool = True, user: Any = None, files: int = 1, **fields
) -> HandbookPage:
    """A handbook under a BookshelfPage with ``files`` PDF files; needs MEDIA_ROOT."""
    _article_defaults(fields, "Sổ tay")
    page = HandbookPage(**fields)
    for i in range(files):
        page.files.add(HandbookFile(document=document_file(f"so-tay-{i}.pdf"), label="Bản in"))
    return page_add(parent, page, live=live, user=user)
