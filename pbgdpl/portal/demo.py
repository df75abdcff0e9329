# ruff: noqa: E501  (the content below is prose: one paragraph per source line)
"""Demo content of the public portal: about thirty articles of our own writing.

``portal_demo_load`` builds, under the Vietnamese home page, the sections the site menu
links to (news, legal guidance, legal cases, multimedia, the legal bookshelf) and one
commune's news area, fills them with articles about real laws (cited by number, title
and article), draws the images it needs with Pillow, writes the handbooks' Word files
with python-docx and, when ``espeak-ng`` is installed, one spoken MP3. It then
translates the home page, three sections and a few articles into English, and gives the
Jrai home page a notice that its content is being translated.

Everything here is our own writing about real laws: explanations in plain words, never
the text of a law. News items describe illustrative events (no real person is named)
and say so at their end.

The content is data (the ``Article`` records at the bottom of this module); the loader
only reads it. Pages are matched by slug under their parent, images and documents by
title, translations by translation key: running the loader again creates nothing new.
"""

from __future__ import annotations

import html
import io
import logging
import re
import shutil
import subprocess
import tempfile
import wave
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from pbgdpl.laws.models import LegalField

from .models import (
    Audience,
    BookshelfPage,
    GuidancePage,
    HandbookFile,
    HandbookPage,
    HomePage,
    LegalCasePage,
    MediaPage,
    NewsPage,
    PageCitation,
    SectionPage,
    UnitAreaPage,
)
from .services import portal_site_tree_ensure

DOCX_LABEL = "Bản Word để in, chỉnh sửa"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
# Rich-text attributes of the article types (written in the markup below, stored as HTML).
RICH_ATTRS = {"situation", "analysis", "conclusion", "transcript"}
NEWS_NOTE = {
    "vi": "Tin minh họa trong dữ liệu trình diễn của hệ thống PBGDPL Số.",
    "en": "An illustrative news item from the demo data of PBGDPL Số.",
}


# ----------------------------------------------------------------------------- data types
@dataclass(frozen=True)
class Cite:
    """A citation: số ký hiệu, title, and optionally the article and its khoản/điểm."""

    number: str
    title: str
    article: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Banner:
    """A Pillow-drawn picture (1200×630) used as an article's feed image."""

    title: str
    heading: str
    lines: tuple[str, ...]
    description: str
    colors: tuple[str, str] = ("#0b4f6c", "#f2c14e")


@dataclass(frozen=True)
class Infographic:
    """A Pillow-drawn infographic: a title and numbered items, each a heading and text."""

    title: str
    heading: str
    items: tuple[tuple[str, str], ...]
    footer: str
    description: str
    colors: tuple[str, str] = ("#14532d", "#fde68a")


@dataclass(frozen=True)
class Article:
    """One article. ``body`` (and the rich attributes) use a small markup:

    blocks are separated by blank lines; ``## `` starts a heading, ``> `` a quote,
    ``! Title`` a highlighted note whose next lines are its text; ``- `` and ``1. ``
    lines are list items; ``**bold**`` is bold; anything else is a paragraph.
    """

    slug: str
    title: str
    date: date
    summary: str
    fields: tuple[str, ...]
    audiences: tuple[str, ...]
    citations: tuple[Cite, ...] = ()
    body: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    feed_image: Banner | None = None


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    model: type
    kind: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Translation:
    """An English version of the page at ``path`` (slugs below the Vietnamese home)."""

    path: tuple[str, ...]
    slug: str
    title: str
    summary: str = ""
    intro: str = ""
    body: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- markup
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_OL_ITEM = re.compile(r"^\d+\.\s+")


def _inline(text: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", html.escape(text.strip(), quote=False))


def _lines_html(lines: list[str]) -> str:
    """Paragraph and list lines as rich-text HTML."""
    out: list[str] = []
    open_list = ""
    for line in lines:
        if line.startswith("- "):
            kind, item = "ul", line[2:]
        elif _OL_ITEM.match(line):
            kind, item = "ol", _OL_ITEM.sub("", line)
        else:
            kind, item = "", line
        if open_list and kind != open_list:
            out.append(f"</{open_list}>")
            open_list = ""
        if kind:
            if not open_list:
                out.append(f"<{kind}>")
                open_list = kind
            out.append(f"<li>{_inline(item)}</li>")
        else:
            out.append(f"<p>{_inline(item)}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)


def _chunks(markup: str) -> list[list[str]]:
    """Blocks of lines; a heading line is always a block of its own."""
    chunks: list[list[str]] = []
    for chunk in re.split(r"\n\s*\n", markup.strip()):
        lines: list[str] = []
        for line in (line.strip() for line in chunk.splitlines()):
            if line.startswith("## "):
                chunks += [lines] if lines else []
                chunks.append([line])
                lines = []
            elif line:
                lines.append(line)
        if lines:
            chunks.append(lines)
    return chunks


def markup_html(markup: str) -> str:
    """The markup as one piece of rich-text HTML (for RichTextFields)."""
    return "".join(
        f"<h2>{_inline(lines[0][3:])}</h2>" if lines[0].startswith("## ") else _lines_html(lines)
        for lines in _chunks(markup)
    )


def markup_blocks(markup: str) -> list[dict]:
    """The markup as StreamField data for ``BodyBlock`` (raw form: type and value)."""
    blocks: list[dict] = []
    for lines in _chunks(markup):
        first = lines[0]
        if first.startswith("## "):
            blocks.append({"type": "heading", "value": first[3:].strip()})
        elif first.startswith("> "):
            blocks.append({"type": "quote", "value": " ".join(x.lstrip("> ") for x in lines)})
        elif first.startswith("! "):
            blocks.append(
                {
                    "type": "note",
                    "value": {"title": first[2:].strip(), "text": _lines_html(lines[1:])},
                }
            )
        elif blocks and blocks[-1]["type"] == "paragraph":
            blocks[-1]["value"] += _lines_html(lines)
        else:
            blocks.append({"type": "paragraph", "value": _lines_html(lines)})
    return blocks


def markup_text(markup: str) -> list[tuple[str, str]]:
    """The markup as (style, text) lines for a Word file: heading, bullet, number, text."""
    out: list[tuple[str, str]] = []
    for lines in _chunks(markup):
        if lines[0].startswith("## "):
            out.append(("heading", lines[0][3:].strip()))
            continue
        if lines[0].startswith("! "):
            out.append(("heading", lines[0][2:].strip()))
            lines = lines[1:]
        for line in lines:
            if line.startswith("- "):
                out.append(("bullet", _BOLD.sub(r"\1", line[2:])))
            elif _OL_ITEM.match(line):
                out.append(("number", _BOLD.sub(r"\1", _OL_ITEM.sub("", line))))
            else:
                out.append(("text", _BOLD.sub(r"\1", line.lstrip("> "))))
    return out


# ----------------------------------------------------------------------------- pictures
def _font(size: int, *, bold: bool = False):
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size=size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if current and draw.textlength(trial, font=font) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def banner_png(spec: Banner) -> bytes:
    """A 1200×630 picture: a coloured field, a band, the heading and a few lines."""
    from PIL import Image, ImageDraw

    back, accent = spec.colors
    image = Image.new("RGB", (1200, 630), back)
    draw = ImageDraw.Draw(image)
    # A simple motif: concentric arcs in the corner and a band at the foot.
    for radius in (360, 280, 200):
        draw.ellipse((1200 - radius, -radius, 1200 + radius, radius), outline=accent, width=6)
    draw.rectangle((0, 560, 1200, 630), fill=accent)
    draw.rectangle((70, 110, 86, 300), fill=accent)
    heading_font, line_font, foot_font = _font(64, bold=True), _font(34), _font(26, bold=True)
    y = 104
    for line in _wrap(draw, spec.heading, heading_font, 780)[:3]:
        draw.text((110, y), line, font=heading_font, fill="#ffffff")
        y += 78
    y += 18
    for text in spec.lines:
        for line in _wrap(draw, text, line_font, 980)[:2]:
            draw.text((110, y), line, font=line_font, fill="#f1f5f9")
            y += 46
    draw.text((70, 578), "PBGDPL Số · Sở Tư pháp tỉnh Gia Lai", font=foot_font, fill=back)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def infographic_png(spec: Infographic) -> bytes:
    """A tall infographic, 1080 px wide: title band, numbered cards, footer."""
    from PIL import Image, ImageDraw

    dark, light = spec.colors
    width, margin = 1080, 60
    title_font, head_font = _font(58, bold=True), _font(36, bold=True)
    text_font, num_font, foot_font = _font(30), _font(44, bold=True), _font(26)
    probe = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    title_lines = _wrap(probe, spec.heading, title_font, width - 2 * margin)
    cards = []
    for heading, text in spec.items:
        head_lines = _wrap(probe, heading, head_font, width - 2 * margin - 200)
        body_lines = _wrap(probe, text, text_font, width - 2 * margin - 200) if text else []
        cards.append(
            (head_lines, body_lines, 40 + 46 * len(head_lines) + 40 * len(body_lines) + 30)
        )
    foot_lines = _wrap(probe, spec.footer, foot_font, width - 2 * margin)
    top = 80 + 70 * len(title_lines) + 40
    height = top + sum(c[2] + 24 for c in cards) + 40 + 36 * len(foot_lines) + 60
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, top - 20), fill=dark)
    y = 60
    for line in title_lines:
        draw.text((margin, y), line, font=title_font, fill="#ffffff")
        y += 70
    y = top
    for number, (head_lines, body_lines, card_height) in enumerate(cards, start=1):
        draw.rounded_rectangle(
            (margin, y, width - margin, y + card_height),
            radius=24,
            fill=light,
            outline=dark,
            width=3,
        )
        draw.ellipse((margin + 24, y + 30, margin + 110, y + 116), fill=dark)
        label = str(number)
        draw.text(
            (margin + 67 - draw.textlength(label, font=num_font) / 2, y + 45),
            label,
            font=num_font,
            fill="#ffffff",
        )
        text_y = y + 34
        for line in head_lines:
            draw.text((margin + 140, text_y), line, font=head_font, fill="#111827")
            text_y += 46
        for line in body_lines:
            draw.text((margin + 140, text_y), line, font=text_font, fill="#1f2937")
            text_y += 40
        y += card_height + 24
    y += 16
    for line in foot_lines:
        draw.text((margin, y), line, font=foot_font, fill="#374151")
        y += 36
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def infographic_transcript(spec: Infographic) -> str:
    """The full text of an infographic, as markup (its text equivalent)."""
    items = "\n".join(f"{n}. **{head}** {text}" for n, (head, text) in enumerate(spec.items, 1))
    return f"{spec.heading}\n\n{items}\n\n{spec.footer}"


# ----------------------------------------------------------------------------- files
def handbook_docx(*, title: str, summary: str, markup: str, publisher: str, year: int) -> bytes:
    """A Word file of a handbook: title, summary, the text, and who wrote it."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Times New Roman"
    styles["Normal"].font.size = Pt(13)
    document.core_properties.title = title
    document.core_properties.author = publisher
    document.core_properties.language = "vi-VN"
    document.add_heading(title, level=0)
    summary_paragraph = document.add_paragraph()
    summary_paragraph.add_run(summary).italic = True
    for style, text in markup_text(markup):
        if style == "heading":
            document.add_heading(text, level=1)
        elif style == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif style == "number":
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
    document.add_paragraph()
    closing = document.add_paragraph()
    closing.add_run(
        f"{publisher}, {year}. Tài liệu tuyên truyền, được in, sao chép và chỉnh sửa tự do "
        "để phục vụ phổ biến, giáo dục pháp luật; không dùng vào mục đích kinh doanh. "
        "Bản biên soạn minh họa của hệ thống PBGDPL Số."
    ).italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def speech_mp3(text: str) -> tuple[bytes, float] | None:
    """``text`` read by espeak-ng (Vietnamese voice) as a mono MP3, and its length in
    seconds; None when espeak-ng is not installed or fails."""
    binary = shutil.which(getattr(settings, "PORTAL_AUDIO_ESPEAK_BINARY", "espeak-ng"))
    if binary is None:
        return None
    import lameenc

    with tempfile.TemporaryDirectory(prefix="pbgdpl-demo-") as tmp:
        source, wav_path = Path(tmp) / "text.txt", Path(tmp) / "speech.wav"
        source.write_text(text, encoding="utf-8")
        speed = str(int(getattr(settings, "PORTAL_AUDIO_SPEED", 150)))
        result = subprocess.run(  # noqa: S603 (a fixed argument list, no shell)
            [binary, "-v", "vi", "-s", speed, "-b", "1", "-f", str(source), "-w", str(wav_path)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0 or not wav_path.exists():
            return None
        with wave.open(str(wav_path), "rb") as wav:
            rate, channels, frames = wav.getframerate(), wav.getnchannels(), wav.getnframes()
            pcm = wav.readframes(frames)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(int(getattr(settings, "PORTAL_AUDIO_BITRATE", 40)))
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(channels)
    encoder.set_quality(2)
    data = bytes(encoder.encode(pcm)) + bytes(encoder.flush())
    return data, frames / rate


def _duration_label(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


# ----------------------------------------------------------------------------- the loader
class _Loader:
    """One run of the demo load: counts what it creates and what it found in place."""

    def __init__(self) -> None:
        self.counts = {
            "pages_created": 0,
            "pages_existing": 0,
            "translations_created": 0,
            "images_created": 0,
            "documents_created": 0,
        }
        self.skipped: list[str] = []
        self.fields = {f.name: f for f in LegalField.objects.all()}
        self.audiences = {a.code: a for a in Audience.objects.all()}

    # -- helpers
    def image(self, *, title: str, description: str, filename: str, render) -> Any:
        Image = get_image_model()
        found = Image.objects.filter(title=title).first()
        if found is not None:
            return found
        image = Image(
            title=title,
            description=description[:255],
            file=ImageFile(io.BytesIO(render()), name=filename),
        )
        image._set_image_file_metadata()
        image.save()
        self.counts["images_created"] += 1
        return image

    def document(self, *, title: str, filename: str, render) -> Any:
        Document = get_document_model()
        found = Document.objects.filter(title=title).first()
        if found is not None:
            return found
        data = render()
        if data is None:
            return None
        document = Document(title=title, file=ContentFile(data, name=filename))
        document._set_document_file_metadata()
        document.save()
        self.counts["documents_created"] += 1
        return document

    @staticmethod
    def publish(page: Page) -> None:
        page.full_clean()
        page.save_revision().publish()

    def child(self, parent: Page, slug: str) -> Page | None:
        found = parent.get_children().filter(slug=slug).first()
        return found.specific if found is not None else None

    # -- index pages
    def index_page(self, parent: Page, *, model: type, slug: str, title: str, intro: str, **extra):
        found = self.child(parent, slug)
        if found is not None:
            self.counts["pages_existing"] += 1
            return found
        page = parent.add_child(
            instance=model(title=title, slug=slug, intro=intro, live=False, **extra)
        )
        self.publish(page)
        self.counts["pages_created"] += 1
        return page

    # -- articles
    def article(self, parent: Page, model: type, spec: Article) -> Page | None:
        found = self.child(parent, spec.slug)
        if found is not None:
            self.counts["pages_existing"] += 1
            return found
        attrs = dict(spec.attrs)
        infographic = attrs.pop("infographic", None)
        speech = attrs.pop("speech", None)
        docx = attrs.pop("docx", False)
        for key in RICH_ATTRS & attrs.keys():
            attrs[key] = markup_html(attrs[key])
        body = markup_blocks(spec.body)
        if model is NewsPage:
            body.append({"type": "paragraph", "value": f"<p><i>{NEWS_NOTE['vi']}</i></p>"})
        page = model(
            title=spec.title,
            slug=spec.slug,
            date=spec.date,
            summary=spec.summary,
            body=body,
            live=False,
            **attrs,
        )
        if spec.feed_image is not None:
            page.feed_image = self.banner(spec.feed_image, slug=spec.slug)
        if infographic is not None:
            page.image = self.image(
                title=infographic.title,
                description=infographic.description,
                filename=f"{spec.slug}.png",
                render=lambda: infographic_png(infographic),
            )
            page.feed_image = page.image
            page.transcript = markup_html(infographic_transcript(infographic))
        if speech is not None:
            page.media_file, seconds = self.speech(
                title=speech, slug=spec.slug, transcript=spec.attrs["transcript"]
            )
            if page.media_file is None:
                self.skipped.append(f"bài âm thanh “{spec.title}”: máy chưa cài espeak-ng")
                return None
            page.duration = _duration_label(seconds) if seconds else ""
        if docx:
            document = self.document(
                title=f"{spec.title} (Word)",
                filename=f"{spec.slug}.docx",
                render=lambda: handbook_docx(
                    title=spec.title,
                    summary=spec.summary,
                    markup=spec.body,
                    publisher=attrs.get("publisher", ""),
                    year=attrs.get("year") or spec.date.year,
                ),
            )
            page.files = [HandbookFile(document=document, label=DOCX_LABEL, sort_order=0)]
        page.legal_fields = self.pick_fields(spec)
        page.audiences = self.pick_audiences(spec)
        page.citations = self.citations(spec)
        page = parent.add_child(instance=page)
        self.publish(page)
        self.counts["pages_created"] += 1
        return page

    def speech(self, *, title: str, slug: str, transcript: str) -> tuple[Any, float]:
        spoken = re.sub(r"\*\*|^\d+\.\s+|^- ", "", transcript.strip(), flags=re.M)
        made: dict[str, float] = {}

        def render() -> bytes | None:
            result = speech_mp3(spoken)
            if result is None:
                return None
            made["seconds"] = result[1]
            return result[0]

        document = self.document(title=title, filename=f"{slug}.mp3", render=render)
        seconds = made.get("seconds")
        if seconds is None and document is not None:
            seconds = _mp3_seconds(document)
        return document, seconds or 0.0

    def banner(self, spec: Banner, *, slug: str) -> Any:
        return self.image(
            title=spec.title,
            description=spec.description,
            filename=f"{slug}.png",
            render=lambda: banner_png(spec),
        )

    def pick_fields(self, spec: Article) -> list:
        picked = [self.fields[name] for name in spec.fields if name in self.fields]
        for name in spec.fields:
            if name not in self.fields:
                self.skipped.append(f"lĩnh vực “{name}” không có trong CSDL ({spec.slug})")
        return picked

    def pick_audiences(self, spec: Article) -> list:
        return [self.audiences[code] for code in spec.audiences if code in self.audiences]

    @staticmethod
    def citations(spec: Article) -> list[PageCitation]:
        rows = []
        for order, cite in enumerate(spec.citations):
            row = PageCitation(
                number=cite.number,
                title=cite.title,
                article=cite.article,
                detail=cite.detail,
                sort_order=order,
            )
            row.clean()
            rows.append(row)
        return rows

    # -- the tree
    def home(self) -> HomePage:
        home = portal_site_tree_ensure()
        if not home.body:
            home.body = markup_html(HOME_BODY_VI)
            self.publish(home)
        return home

    def sections(self, home: HomePage) -> None:
        for spec in SECTIONS:
            model = BookshelfPage if spec.kind == "bookshelf" else SectionPage
            section = self.index_page(
                home, model=model, slug=spec.slug, title=spec.title, intro=spec.intro
            )
            for article in spec.articles:
                self.article(section, spec.model, article)

    def unit_area(self, home: HomePage) -> None:
        from pbgdpl.units.selectors import unit_list_valid

        unit = None
        for name in AREA_UNIT_NAMES:
            unit = unit_list_valid().filter(name=name).order_by("code").first()
            if unit is not None:
                break
        if unit is None:
            self.skipped.append("trang tin cơ sở: chưa nạp đơn vị hành chính")
            return
        area = UnitAreaPage.objects.filter(unit=unit).first()
        if area is None:
            slug = unit.codename or f"don-vi-{unit.code}"
            area = self.index_page(
                home,
                model=UnitAreaPage,
                slug=slug.replace("_", "-"),
                title=unit.name,
                intro=AREA_INTRO.format(unit=unit.name),
                unit=unit,
            )
        else:
            self.counts["pages_existing"] += 1
        for spec in AREA_NEWS:
            self.article(area, NewsPage, _for_unit(spec, unit.name))

    # -- translations
    def translate(self, locale: Locale, source: Page, spec: Translation) -> Page:
        found = source.get_translation_or_none(locale)
        if found is not None:
            self.counts["pages_existing"] += 1
            return found.specific
        page = source.specific.copy_for_translation(locale, copy_parents=True, alias=False)
        page = page.specific
        # The copy is a draft with the source's slug and no children yet. Set the English
        # slug in place: a plain save would treat it as a renamed page and leave redirects
        # from a URL that was never public.
        page.slug = spec.slug
        page.set_url_path(page.get_parent())
        Page.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)
        page.title = spec.title
        if spec.intro:
            page.intro = spec.intro
        if isinstance(page, HomePage):
            page.body = markup_html(spec.body)
        elif hasattr(page, "summary"):
            page.summary = spec.summary
            body = markup_blocks(spec.body)
            if isinstance(page, NewsPage):
                body.append({"type": "paragraph", "value": f"<p><i>{NEWS_NOTE['en']}</i></p>"})
            page.body = body
        for key, value in spec.attrs.items():
            setattr(page, key, markup_html(value) if key in RICH_ATTRS else value)
        self.publish(page)
        self.counts["translations_created"] += 1
        return page

    def translations(self, home: HomePage) -> None:
        english = Locale.objects.get_or_create(language_code="en")[0]
        for spec in TRANSLATIONS_EN:
            source: Page = home
            for slug in spec.path:
                source = self.child(source, slug)
                if source is None:
                    break
            if source is None:
                self.skipped.append(f"bản dịch: không thấy trang /{'/'.join(spec.path)}/")
                continue
            self.translate(english, source, spec)
        jrai = Locale.objects.get_or_create(language_code="jra")[0]
        self.translate(jrai, home, JRAI_HOME)

    def run(self) -> dict:
        home = self.home()
        self.sections(home)
        self.unit_area(home)
        self.translations(home)
        return {**self.counts, "skipped": self.skipped}


def _mp3_seconds(document: Any) -> float:
    """Rough length of a constant-bitrate MP3 from its size."""
    bitrate = int(getattr(settings, "PORTAL_AUDIO_BITRATE", 40)) * 1000
    size = document.file_size or 0
    return size * 8 / bitrate if bitrate else 0.0


def _for_unit(spec: Article, unit_name: str) -> Article:
    """A local news item with the commune's name put into its text."""

    def fill(text: str) -> str:
        return text.replace("{unit}", unit_name)

    return Article(
        slug=spec.slug,
        title=fill(spec.title),
        date=spec.date,
        summary=fill(spec.summary),
        fields=spec.fields,
        audiences=spec.audiences,
        citations=spec.citations,
        body=fill(spec.body),
        attrs={k: fill(v) if isinstance(v, str) else v for k, v in spec.attrs.items()},
        feed_image=spec.feed_image,
    )


@contextmanager
def _quiet_logger(name: str):
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)


@transaction.atomic
def portal_demo_load(*, stdout: Any = None) -> dict:
    """Create the portal's demo content under the Vietnamese home page; idempotent.

    Returns the counts ``pages_created``, ``pages_existing``, ``translations_created``,
    ``images_created``, ``documents_created`` and ``skipped`` (reasons, in Vietnamese,
    for parts left out: no administrative units loaded, a legal field missing). A second
    run creates nothing and leaves existing pages as they are (editors may have changed
    them). Needs the migrated taxonomies (legal fields, audiences); makes sure the home
    page exists. The audio bulletin is made only where ``espeak-ng`` is installed. With
    ``stdout``, writes a one-line summary and what was left out.
    """
    with _quiet_logger("wagtail"):  # one INFO line per page created, edited, published
        result = _Loader().run()
    result["library_documents_created"] = _cited_documents_ensure()
    if stdout is not None:
        stdout.write(
            "Cổng thông tin: tạo mới {pages_created} trang, {translations_created} bản dịch, "
            "{images_created} ảnh, {documents_created} tệp; {pages_existing} trang đã có.".format(
                **result
            )
        )
        for reason in result["skipped"]:
            stdout.write(f"  Bỏ qua: {reason}")
    return result


def _cited_documents_ensure() -> int:
    """Give every law the demo cites an entry in the legal library (number and title
    only, no text), so the citations show as links; returns how many were created."""
    from pbgdpl.laws.models import DocumentOrigin
    from pbgdpl.laws.services import document_create, document_find_by_number

    created = 0
    seen: set[str] = set()
    for number, title in PageCitation.objects.values_list("number", "title").order_by("id"):
        if not number or not title or number in seen:
            continue
        seen.add(number)
        if document_find_by_number(number) is None:
            document_create(
                title=title,
                number=number,
                origin=DocumentOrigin.MANUAL,
                origin_key=f"demo:{number}",
            )
            created += 1
    return created


# =============================================================================
# The content. Laws cited (number and title as promulgated):
# =============================================================================
HO_TICH = ("60/2014/QH13", "Luật Hộ tịch")
ND_HO_TICH = (
    "123/2015/NĐ-CP",
    "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
)
DAT_DAI = ("31/2024/QH15", "Luật Đất đai")
ND_DANG_KY_DAT = (
    "101/2024/NĐ-CP",
    "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử "
    "dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai",
)
LAO_DONG = ("45/2019/QH14", "Bộ luật Lao động")
ND_LAO_DONG = (
    "145/2020/NĐ-CP",
    "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về "
    "điều kiện lao động và quan hệ lao động",
)
TTATGT = ("36/2024/QH15", "Luật Trật tự, an toàn giao thông đường bộ")
ND_GIAO_THONG = (
    "168/2024/NĐ-CP",
    "Nghị định quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông trong lĩnh "
    "vực giao thông đường bộ; trừ điểm, phục hồi điểm giấy phép lái xe",
)
DU_LIEU = ("91/2025/QH15", "Luật Bảo vệ dữ liệu cá nhân")
BLGD = ("13/2022/QH15", "Luật Phòng, chống bạo lực gia đình")
HOA_GIAI = ("35/2013/QH13", "Luật Hòa giải ở cơ sở")
TGPL = ("11/2017/QH14", "Luật Trợ giúp pháp lý")
HNGD = ("52/2014/QH13", "Luật Hôn nhân và gia đình")
PBGDPL = ("14/2012/QH13", "Luật Phổ biến, giáo dục pháp luật")
DAN_SU = ("91/2015/QH13", "Bộ luật Dân sự")
HINH_SU = ("100/2015/QH13", "Bộ luật Hình sự")
MA_TUY = ("73/2021/QH14", "Luật Phòng, chống ma túy")
ND_HNGD = (
    "82/2020/NĐ-CP",
    "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bổ trợ tư pháp; hành chính "
    "tư pháp; hôn nhân và gia đình; thi hành án dân sự; phá sản doanh nghiệp, hợp tác xã",
)


def c(law: tuple[str, str], article: str = "", detail: str = "") -> Cite:
    return Cite(number=law[0], title=law[1], article=article, detail=detail)


HOME_BODY_VI = """
## Về cổng thông tin
Cổng phổ biến, giáo dục pháp luật tỉnh Gia Lai do Sở Tư pháp xây dựng để mọi người dân, doanh nghiệp tìm đọc pháp luật nhanh, đúng và dễ hiểu: tin hoạt động, bài hướng dẫn bằng lời lẽ giản dị, tình huống pháp luật gần với đời sống, video, âm thanh, đồ họa và tủ sách pháp luật để tải về.

Mỗi bài viết đều ghi rõ văn bản, điều luật làm căn cứ; bấm vào số hiệu văn bản để đọc toàn văn trong thư viện pháp luật. Bài viết có bản đọc cho người khiếm thị, người cao tuổi; một số bài có bản tiếng Anh.

Nội dung đang hiển thị là dữ liệu trình diễn: các tin hoạt động là tin minh họa, các bài hướng dẫn giải thích pháp luật hiện hành.
"""

NEWS = (
    Article(
        slug="huong-ung-ngay-phap-luat-9-11-2026",
        title="Gia Lai hưởng ứng Ngày Pháp luật Việt Nam 9/11/2026",
        date=date(2026, 11, 10),
        summary=(
            "Nhiều hoạt động hưởng ứng Ngày Pháp luật được tổ chức trong toàn tỉnh: tọa đàm "
            "về xây dựng văn hóa tuân thủ pháp luật, ngày hội pháp luật ở trường học và giải "
            "đáp pháp luật trực tuyến trên cổng thông tin."
        ),
        fields=("Tư pháp", "Văn hóa, xã hội"),
        audiences=("nguoi-dan", "can-bo-cong-chuc", "hoc-sinh-sinh-vien"),
        citations=(c(PBGDPL, "8"),),
        attrs={"kind": "news", "place": "Tỉnh Gia Lai"},
        feed_image=Banner(
            title="Ảnh bìa: Ngày Pháp luật Việt Nam 9/11",
            heading="Ngày Pháp luật Việt Nam 9/11",
            lines=("Tôn vinh Hiến pháp, pháp luật", "Xây dựng văn hóa tuân thủ pháp luật"),
            description=(
                "Ảnh bìa nền xanh đậm, dòng chữ lớn màu trắng “Ngày Pháp luật Việt Nam 9/11” "
                "và hai dòng “Tôn vinh Hiến pháp, pháp luật”, “Xây dựng văn hóa tuân thủ "
                "pháp luật”."
            ),
        ),
        body="""
Hằng năm, ngày 9 tháng 11 là Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam. Luật Phổ biến, giáo dục pháp luật xác định đây là dịp tôn vinh Hiến pháp, pháp luật và giáo dục ý thức thượng tôn pháp luật cho mọi người. Năm nay, các sở, ngành và chính quyền xã, phường trong tỉnh tổ chức nhiều hoạt động hưởng ứng với cách làm gần dân hơn.

## Tọa đàm về văn hóa tuân thủ pháp luật
Tại buổi tọa đàm do Sở Tư pháp tổ chức, đại diện các cơ quan, doanh nghiệp và tổ chức đoàn thể trao đổi về những việc cụ thể để pháp luật đến được với người dân: viết ngắn, dùng từ ngữ thông dụng, có bản đọc cho người cao tuổi và người khiếm thị, có nội dung bằng tiếng dân tộc. Đại diện Sở Tư pháp cho biết các bài hướng dẫn trên cổng thông tin đều ghi rõ điều luật làm căn cứ để người đọc tự kiểm tra.

## Ngày hội pháp luật ở trường học
Nhiều trường trung học tổ chức "Ngày hội pháp luật" với các trò chơi hỏi – đáp, sân khấu hóa tình huống về an toàn giao thông, phòng, chống bạo lực học đường và an toàn trên mạng. Học sinh tự đóng vai người vi phạm, cảnh sát giao thông, hòa giải viên để hiểu vì sao pháp luật quy định như vậy.

## Giải đáp pháp luật trực tuyến
Trong tuần lễ hưởng ứng, người dân gửi câu hỏi qua mục Hỏi đáp pháp luật trên cổng thông tin; các câu trả lời được cơ quan có thẩm quyền duyệt trước khi đăng công khai. Các câu hỏi tập trung vào đất đai, hộ tịch, lao động và xử phạt vi phạm giao thông.

! Bạn có thể tham gia
- Đọc và chia sẻ các bài hướng dẫn pháp luật trên cổng thông tin.
- Gửi câu hỏi về vướng mắc pháp luật của gia đình bạn.
- Tham gia cuộc thi tìm hiểu pháp luật trực tuyến khi có thông báo.
""",
    ),
    Article(
        slug="tro-giup-phap-ly-luu-dong-tai-lang-jrai",
        title="Trợ giúp pháp lý lưu động tại một làng đồng bào Jrai",
        date=date(2025, 9, 24),
        summary=(
            "Trợ giúp viên pháp lý và cán bộ tư pháp xã về tận làng tư vấn miễn phí về đất "
            "đai, hộ tịch, hôn nhân và gia đình; người có uy tín trong làng giúp phiên dịch "
            "tiếng Jrai."
        ),
        fields=("Trợ giúp pháp lý", "Dân tộc"),
        audiences=("dong-bao-dan-toc-thieu-so", "nong-dan"),
        citations=(c(TGPL, "7"), c(TGPL, "27"), c(PBGDPL, "17")),
        attrs={"kind": "activity", "place": "Một làng đồng bào Jrai, tỉnh Gia Lai"},
        feed_image=Banner(
            title="Ảnh bìa: Trợ giúp pháp lý lưu động",
            heading="Trợ giúp pháp lý lưu động",
            lines=("Tư vấn pháp luật miễn phí tại làng", "Có người phiên dịch tiếng Jrai"),
            description=(
                "Ảnh bìa nền nâu đỏ, dòng chữ lớn màu trắng “Trợ giúp pháp lý lưu động” và "
                "hai dòng “Tư vấn pháp luật miễn phí tại làng”, “Có người phiên dịch tiếng "
                "Jrai”."
            ),
            colors=("#7c2d12", "#fcd34d"),
        ),
        body="""
Sáng thứ Bảy, nhà rông của làng đông hơn ngày thường. Đoàn trợ giúp pháp lý lưu động gồm trợ giúp viên pháp lý của Trung tâm Trợ giúp pháp lý nhà nước tỉnh và công chức tư pháp – hộ tịch của xã đã về tận làng để nghe bà con hỏi và tư vấn miễn phí.

## Bà con hỏi gì?
Nhiều câu hỏi xoay quanh đất rẫy chưa có giấy chứng nhận, ranh giới đất giữa các gia đình, thủ tục đăng ký khai sinh cho trẻ sinh ở nhà và việc đăng ký kết hôn. Một số phụ nữ hỏi về quyền của mình khi chồng thường xuyên say rượu, gây gổ trong gia đình. Già làng và một người có uy tín trong làng giúp phiên dịch tiếng Jrai để bà con hiểu rõ từng câu trả lời.

## Ai được trợ giúp pháp lý miễn phí?
Theo Luật Trợ giúp pháp lý, người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn, người thuộc hộ nghèo, trẻ em, người có công với cách mạng và một số nhóm người khác được trợ giúp pháp lý không mất tiền. Trợ giúp pháp lý được thực hiện bằng tư vấn pháp luật, tham gia tố tụng hoặc đại diện ngoài tố tụng.

Với những vụ việc cần theo dõi lâu dài, đoàn ghi lại thông tin và hẹn gặp tiếp tại trụ sở Ủy ban nhân dân xã. Một số trường hợp trẻ chưa có giấy khai sinh được công chức tư pháp – hộ tịch hướng dẫn làm thủ tục ngay tại chỗ.

! Khi cần giúp đỡ
Bà con có thể liên hệ công chức tư pháp – hộ tịch của xã hoặc Trung tâm Trợ giúp pháp lý nhà nước tỉnh. Khi đến, nên mang theo giấy tờ tùy thân và các giấy tờ liên quan đến vụ việc.
""",
    ),
    Article(
        slug="tap-huan-tuyen-truyen-vien-hoa-giai-vien-2026",
        title="Tập huấn kỹ năng cho tuyên truyền viên pháp luật và hòa giải viên cơ sở",
        date=date(2026, 4, 16),
        summary=(
            "Lớp tập huấn kết hợp trực tiếp và trực tuyến giúp tuyên truyền viên, hòa giải "
            "viên ở thôn, tổ dân phố nắm kiến thức pháp luật mới và kỹ năng nói chuyện, "
            "thuyết phục người dân."
        ),
        fields=("Tư pháp",),
        audiences=("can-bo-cong-chuc",),
        citations=(c(PBGDPL, "37"), c(HOA_GIAI, "7"), c(HOA_GIAI, "9")),
        attrs={"kind": "activity", "place": "Hội trường Sở Tư pháp và trực tuyến"},
        body="""
Sở Tư pháp tổ chức lớp tập huấn hai ngày cho tuyên truyền viên pháp luật và hòa giải viên ở cơ sở. Lớp học được tổ chức trực tiếp tại hội trường và truyền trực tuyến đến các điểm cầu xã, phường; học viên ở xa có thể học lại bài giảng trên hệ thống học trực tuyến của Sở.

## Nội dung tập huấn
- Những điểm mới của các luật có hiệu lực trong năm, đặc biệt là Luật Bảo vệ dữ liệu cá nhân và các quy định mới về trật tự, an toàn giao thông đường bộ.
- Kỹ năng hòa giải: lắng nghe, giữ bí mật thông tin đời tư của các bên, giúp các bên tự tìm ra thỏa thuận.
- Cách nói chuyện pháp luật với đồng bào dân tộc thiểu số: dùng ví dụ gần gũi, phối hợp với già làng, người có uy tín.
- Cách dùng cổng thông tin để tìm văn bản, in tờ gấp và chia sẻ bài hướng dẫn qua điện thoại.

## Vì sao cần tập huấn thường xuyên?
Luật Phổ biến, giáo dục pháp luật quy định tuyên truyền viên pháp luật được tập huấn, bồi dưỡng kiến thức pháp luật và nghiệp vụ. Luật Hòa giải ở cơ sở cũng ghi nhận quyền của hòa giải viên được bồi dưỡng kiến thức pháp luật, kỹ năng hòa giải. Pháp luật thay đổi thường xuyên, nên người làm công tác này cần được cập nhật để hướng dẫn người dân cho đúng.

Cuối khóa, học viên làm bài kiểm tra trắc nghiệm trực tuyến; người đạt yêu cầu được cấp giấy chứng nhận hoàn thành.
""",
    ),
    Article(
        slug="thong-bao-cuoc-thi-truc-tuyen-tim-hieu-phap-luat-2026",
        title="Thông báo cuộc thi trực tuyến “Tìm hiểu pháp luật về an toàn giao thông và phòng, chống lừa đảo trên mạng”",
        date=date(2026, 3, 2),
        summary=(
            "Cuộc thi mở cho mọi người dân trong tỉnh, thi trên điện thoại hoặc máy tính, "
            "mỗi lượt 20 câu hỏi trắc nghiệm; không thu phí tham gia."
        ),
        fields=("Giao thông vận tải", "Bảo vệ dữ liệu cá nhân"),
        audiences=("nguoi-dan", "hoc-sinh-sinh-vien", "cong-nhan"),
        citations=(c(TTATGT), c(DU_LIEU)),
        attrs={"kind": "notice", "place": "Trực tuyến trên cổng thông tin"},
        body="""
Nhằm giúp người dân hiểu và tự giác chấp hành quy định về trật tự, an toàn giao thông đường bộ và tự bảo vệ mình trước các thủ đoạn lừa đảo trên mạng, Sở Tư pháp thông báo tổ chức cuộc thi trực tuyến tìm hiểu pháp luật năm 2026.

## Ai được tham gia?
Mọi công dân đang sinh sống, học tập, làm việc trên địa bàn tỉnh. Học sinh dưới 16 tuổi tham gia cần có sự đồng ý của cha, mẹ hoặc người giám hộ.

## Cách thi
1. Vào mục Cuộc thi tìm hiểu pháp luật trên cổng thông tin.
2. Đăng ký bằng số điện thoại hoặc thư điện tử; đọc và đồng ý với thông báo về việc xử lý dữ liệu cá nhân.
3. Trả lời 20 câu hỏi trắc nghiệm trong 20 phút và một câu hỏi dự đoán số người tham gia.
4. Mỗi người được thi tối đa 3 lượt; kết quả cao nhất được dùng để xét giải.

## Thời gian và giải thưởng
Cuộc thi diễn ra trong 4 tuần kể từ ngày khai mạc. Ban tổ chức trao giải cá nhân và giải cho tập thể có nhiều người tham gia. Kết quả được công bố trên cổng thông tin.

! Lưu ý về dữ liệu cá nhân
Ban tổ chức chỉ thu thập thông tin cần thiết để liên hệ trao giải, không công khai số điện thoại, thư điện tử của người dự thi và xóa dữ liệu sau khi hết thời hạn lưu trữ đã thông báo.
""",
    ),
    Article(
        slug="luat-bao-ve-du-lieu-ca-nhan-co-hieu-luc",
        title="Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày 01/01/2026",
        date=date(2025, 12, 22),
        summary=(
            "Từ đầu năm 2026, việc thu thập, sử dụng thông tin cá nhân của người dân phải "
            "tuân theo Luật Bảo vệ dữ liệu cá nhân; mua, bán dữ liệu cá nhân bị nghiêm cấm."
        ),
        fields=("Bảo vệ dữ liệu cá nhân",),
        audiences=("nguoi-dan", "doanh-nghiep", "can-bo-cong-chuc"),
        citations=(c(DU_LIEU),),
        attrs={"kind": "news"},
        body="""
Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 được Quốc hội thông qua năm 2025 và có hiệu lực thi hành từ ngày 01/01/2026. Đây là lần đầu tiên việc bảo vệ dữ liệu cá nhân được quy định ở cấp luật, thay cho việc chủ yếu dựa vào nghị định như trước.

## Điều gì thay đổi với người dân?
Họ tên, ngày sinh, số điện thoại, số căn cước, hình ảnh, thông tin sức khỏe, tài khoản ngân hàng… đều là dữ liệu cá nhân. Cơ quan, tổ chức, doanh nghiệp muốn thu thập, sử dụng các thông tin này phải nói rõ mục đích và, trong nhiều trường hợp, phải có sự đồng ý của người có dữ liệu. Người dân có quyền được biết dữ liệu của mình được dùng vào việc gì, được yêu cầu xem, chỉnh sửa và trong những trường hợp luật định thì được yêu cầu xóa.

## Điều gì thay đổi với cơ quan, doanh nghiệp?
Đơn vị xử lý dữ liệu cá nhân phải có biện pháp bảo vệ phù hợp, chỉ thu thập thông tin cần thiết và chịu trách nhiệm khi để lộ, mất dữ liệu. Việc mua, bán dữ liệu cá nhân bị nghiêm cấm, trừ trường hợp luật có quy định khác. Vi phạm có thể bị xử phạt hành chính với mức phạt cao hoặc bị truy cứu trách nhiệm hình sự.

Sở Tư pháp sẽ phối hợp với các cơ quan liên quan tổ chức phổ biến luật cho cán bộ, công chức và doanh nghiệp trong tỉnh. Bài hướng dẫn chi tiết cho người dân được đăng trong chuyên mục Hướng dẫn pháp luật.
""",
    ),
    Article(
        slug="ra-mat-cong-pbgdpl-so",
        title="Ra mắt cổng phổ biến, giáo dục pháp luật “PBGDPL Số” của tỉnh",
        date=date(2026, 6, 30),
        summary=(
            "Cổng thông tin mới giúp người dân tra cứu văn bản pháp luật, đọc bài hướng dẫn, "
            "nghe bản đọc, hỏi đáp và thi tìm hiểu pháp luật trên điện thoại, kể cả khi "
            "mạng yếu."
        ),
        fields=("Tư pháp",),
        audiences=("nguoi-dan", "can-bo-cong-chuc"),
        citations=(c(PBGDPL, "13"),),
        attrs={"kind": "notice", "place": "Sở Tư pháp tỉnh Gia Lai"},
        feed_image=Banner(
            title="Ảnh bìa: Ra mắt PBGDPL Số",
            heading="PBGDPL Số",
            lines=(
                "Tra cứu pháp luật, hỏi đáp, thi tìm hiểu pháp luật",
                "Nhanh, đúng, cho mọi người",
            ),
            description=(
                "Ảnh bìa nền xanh lá đậm, chữ lớn màu trắng “PBGDPL Số” và hai dòng “Tra cứu "
                "pháp luật, hỏi đáp, thi tìm hiểu pháp luật”, “Nhanh, đúng, cho mọi người”."
            ),
            colors=("#14532d", "#facc15"),
        ),
        body="""
Sở Tư pháp chính thức đưa vào sử dụng cổng phổ biến, giáo dục pháp luật "PBGDPL Số". Cổng được xây dựng trong khuôn khổ kế hoạch chuyển đổi số công tác phổ biến, giáo dục pháp luật giai đoạn 2025 – 2030 của tỉnh.

## Người dân dùng cổng để làm gì?
- Tra cứu văn bản pháp luật, xem văn bản còn hiệu lực hay không, đọc từng điều luật.
- Đọc bài hướng dẫn và tình huống pháp luật viết bằng lời lẽ dễ hiểu, có ghi rõ căn cứ.
- Nghe bản đọc của bài viết; xem video, đồ họa; tải sổ tay, tờ gấp về máy để in.
- Gửi câu hỏi pháp luật và tham gia các cuộc thi tìm hiểu pháp luật trực tuyến.

## Dễ dùng cho mọi người
Cổng được thiết kế để đọc tốt trên điện thoại và khi mạng yếu, có thể phóng to chữ, tăng độ tương phản, dùng được với phần mềm đọc màn hình. Một số bài có bản tiếng Anh; nội dung tiếng Jrai đang được biên dịch.

Cán bộ các xã, phường được cấp tài khoản để đăng tin hoạt động phổ biến, giáo dục pháp luật của địa phương mình; tin bài được duyệt trước khi đăng.
""",
    ),
    Article(
        slug="an-toan-giao-thong-cho-hoc-sinh-dau-nam-hoc",
        title="Tuyên truyền an toàn giao thông cho học sinh đầu năm học mới",
        date=date(2025, 9, 8),
        summary=(
            "Đầu năm học 2025 – 2026, các trường học phối hợp với công an xã, phường tuyên "
            "truyền quy định đội mũ bảo hiểm, không chở quá số người và không giao xe cho "
            "người chưa đủ tuổi."
        ),
        fields=("Giao thông vận tải", "Giáo dục"),
        audiences=("hoc-sinh-sinh-vien", "tre-em"),
        citations=(c(TTATGT), c(ND_GIAO_THONG)),
        attrs={"kind": "activity", "place": "Các trường trung học cơ sở và trung học phổ thông"},
        body="""
Trong tháng đầu năm học, nhiều trường trung học cơ sở và trung học phổ thông trên địa bàn tỉnh tổ chức buổi chào cờ đầu tuần với chủ đề an toàn giao thông. Cán bộ công an xã, phường trực tiếp nói chuyện, trả lời câu hỏi của học sinh.

## Những điều học sinh cần nhớ
- Luôn đội mũ bảo hiểm đạt chuẩn và cài quai đúng cách khi ngồi trên xe máy, xe đạp máy, xe đạp điện.
- Chưa đủ tuổi thì không điều khiển xe mô tô; cha mẹ không giao xe cho con khi con chưa đủ điều kiện.
- Không đi xe dàn hàng ngang, không lạng lách, không dùng điện thoại khi đang lái xe.
- Qua đường ở nơi có vạch kẻ đường, quan sát kỹ trước khi qua.

## Cha mẹ cũng cần biết
Luật Trật tự, an toàn giao thông đường bộ năm 2024 và Nghị định số 168/2024/NĐ-CP quy định rõ trách nhiệm của người điều khiển phương tiện và của chủ phương tiện. Giao xe cho người không đủ điều kiện điều khiển có thể bị xử phạt. Cha mẹ hãy làm gương: đội mũ bảo hiểm, không uống rượu, bia khi lái xe.

Nhà trường đề nghị phụ huynh cùng con đọc các bài hướng dẫn về an toàn giao thông trên cổng thông tin và trao đổi với con hằng tuần.
""",
    ),
    Article(
        slug="pho-bien-luat-dat-dai-cho-ba-con-nong-dan",
        title="Phổ biến Luật Đất đai năm 2024 cho bà con nông dân",
        date=date(2025, 10, 14),
        summary=(
            "Hội nghị phổ biến pháp luật tại hội trường xã giải đáp các vướng mắc về cấp giấy "
            "chứng nhận quyền sử dụng đất, chuyển mục đích sử dụng đất và tranh chấp ranh giới."
        ),
        fields=("Đất đai", "Nông nghiệp"),
        audiences=("nong-dan", "dong-bao-dan-toc-thieu-so"),
        citations=(c(DAT_DAI, "137"), c(DAT_DAI, "138")),
        attrs={"kind": "activity", "place": "Hội trường Ủy ban nhân dân một xã của tỉnh"},
        body="""
Hội Nông dân phối hợp với Sở Tư pháp và Ủy ban nhân dân xã tổ chức hội nghị phổ biến Luật Đất đai năm 2024 cho hơn một trăm hội viên nông dân. Báo cáo viên pháp luật của tỉnh trình bày bằng ví dụ cụ thể, dành nhiều thời gian cho phần hỏi – đáp.

## Những vướng mắc được giải đáp
- Đất rẫy sử dụng ổn định nhiều năm nhưng không có giấy tờ có được cấp giấy chứng nhận không, cần điều kiện gì.
- Thủ tục khi cha mẹ muốn tặng cho quyền sử dụng đất cho con.
- Cách giải quyết khi hai nhà tranh chấp ranh giới đất: hòa giải ở thôn, hòa giải tại Ủy ban nhân dân xã trước khi khởi kiện.
- Chuyển đất trồng cây lâu năm sang đất ở cần xin phép ai và phải nộp những khoản gì.

Báo cáo viên lưu ý bà con không nên mua bán đất bằng giấy viết tay, không đặt cọc khi chưa kiểm tra thông tin thửa đất, và nên đến cơ quan nhà nước hỏi trực tiếp thay vì nhờ người trung gian.

Cuối hội nghị, mỗi hội viên được nhận tài liệu hỏi – đáp Luật Đất đai; bản điện tử có trong Tủ sách pháp luật của cổng thông tin để tải về.
""",
    ),
)

AREA_UNIT_NAMES = ("Phường Quy Nhơn", "Phường Pleiku", "Xã Ia Grai")
AREA_INTRO = (
    "Tin hoạt động phổ biến, giáo dục pháp luật, hòa giải ở cơ sở và thông báo của "
    "{unit}, do cán bộ của địa phương đăng."
)
AREA_NEWS = (
    Article(
        slug="kien-toan-to-hoa-giai-o-co-so",
        title="{unit} kiện toàn các tổ hòa giải ở khu phố",
        date=date(2025, 8, 28),
        summary=(
            "Sau khi sắp xếp đơn vị hành chính, {unit} rà soát, kiện toàn các tổ hòa giải, bầu "
            "bổ sung hòa giải viên ở những khu phố còn thiếu người."
        ),
        fields=("Tư pháp", "Dân sự"),
        audiences=("nguoi-dan", "can-bo-cong-chuc"),
        citations=(c(HOA_GIAI, "7"), c(HOA_GIAI, "8"), c(HOA_GIAI, "12")),
        attrs={"kind": "activity", "place": "{unit}"},
        body="""
Thực hiện việc sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp từ ngày 01/7/2025, Ủy ban nhân dân {unit} đã rà soát toàn bộ tổ hòa giải ở các khu phố. Ở những nơi hòa giải viên đã chuyển nơi ở hoặc xin thôi, khu phố tổ chức bầu bổ sung.

Hòa giải viên phải là người thường trú tại khu phố, tự nguyện tham gia, có uy tín, có khả năng thuyết phục và hiểu biết pháp luật. Mỗi tổ hòa giải có từ ba hòa giải viên trở lên, trong đó có hòa giải viên nữ; ở vùng có nhiều đồng bào dân tộc thiểu số, tổ hòa giải phải có hòa giải viên là người dân tộc thiểu số.

Đại diện Ủy ban nhân dân phường cho biết các hòa giải viên mới sẽ được tập huấn kỹ năng trong quý tới. Người dân có mâu thuẫn, tranh chấp nhỏ trong khu phố có thể tìm đến tổ trưởng tổ hòa giải hoặc công chức tư pháp – hộ tịch của phường để được hỗ trợ.
""",
    ),
    Article(
        slug="tuyen-truyen-phong-chong-ma-tuy-cho-thanh-thieu-nien",
        title="{unit} tuyên truyền phòng, chống ma túy cho thanh, thiếu niên",
        date=date(2026, 6, 26),
        summary=(
            "Nhân Ngày toàn dân phòng, chống ma túy 26/6, {unit} tổ chức buổi nói chuyện về "
            "tác hại của ma túy và trách nhiệm của gia đình trong việc phòng ngừa."
        ),
        fields=("Phòng, chống ma túy",),
        audiences=("hoc-sinh-sinh-vien", "tre-em"),
        citations=(c(MA_TUY, "5"), c(MA_TUY, "6")),
        attrs={"kind": "activity", "place": "Nhà văn hóa khu phố, {unit}"},
        body="""
Hưởng ứng Ngày toàn dân phòng, chống ma túy 26/6, Ủy ban nhân dân {unit} phối hợp với Đoàn Thanh niên và công an phường tổ chức buổi nói chuyện cho thanh, thiếu niên và phụ huynh trong khu phố.

Cán bộ công an phường giới thiệu các loại ma túy mới thường được ngụy trang dưới dạng bánh kẹo, nước uống, thuốc lá điện tử, và cách nhận biết khi bị rủ rê. Luật Phòng, chống ma túy nghiêm cấm việc sử dụng trái phép chất ma túy và việc lôi kéo, cưỡng bức người khác sử dụng.

! Gia đình cần làm gì?
- Trò chuyện với con về tác hại của ma túy; biết con chơi với ai, đi đâu.
- Không để con nhận đồ ăn, nước uống từ người lạ.
- Khi phát hiện dấu hiệu bất thường, báo ngay cho công an phường để được hướng dẫn.

Pháp luật cũng quy định cá nhân, gia đình có trách nhiệm giáo dục thành viên trong gia đình về tác hại của ma túy và cung cấp kịp thời thông tin về tội phạm ma túy cho cơ quan công an.
""",
    ),
)

GUIDANCE = (
    Article(
        slug="dang-ky-khai-sinh-cho-con",
        title="Đăng ký khai sinh cho con: làm ở đâu, cần giấy tờ gì?",
        date=date(2025, 8, 12),
        summary=(
            "Cha mẹ cần đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh. Bài viết "
            "hướng dẫn nơi làm, giấy tờ cần mang, lệ phí và cách làm khi trẻ sinh ở nhà, "
            "không có giấy chứng sinh."
        ),
        fields=("Hộ tịch", "Quyền trẻ em"),
        audiences=("tre-em", "dong-bao-dan-toc-thieu-so", "nguoi-dan"),
        citations=(
            c(HO_TICH, "15", "khoản 1"),
            c(HO_TICH, "13"),
            c(HO_TICH, "16"),
            c(HO_TICH, "11", "điểm b khoản 1"),
            c(ND_HO_TICH, "9"),
        ),
        body="""
Giấy khai sinh là giấy tờ hộ tịch đầu tiên của mỗi người. Khi được đăng ký khai sinh, trẻ có số định danh cá nhân, được cấp thẻ bảo hiểm y tế, được đi học và làm các thủ tục khác sau này. Vì vậy, đăng ký khai sinh đúng hạn vừa là quyền của trẻ, vừa là trách nhiệm của cha mẹ.

## Ai đi đăng ký và trong thời hạn nào?
Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con. Nếu cha mẹ không thể đi được thì ông, bà, người thân thích khác hoặc người đang nuôi dưỡng trẻ đi đăng ký thay.

Công chức tư pháp – hộ tịch ở xã, phường có trách nhiệm theo dõi, nhắc nhở việc đăng ký khai sinh cho trẻ em trên địa bàn. Ở nơi đi lại khó khăn, xã có thể tổ chức đăng ký khai sinh lưu động ngay tại thôn, làng.

## Làm ở đâu?
Bà con đến Ủy ban nhân dân xã, phường nơi cư trú của người cha hoặc người mẹ (nộp hồ sơ tại bộ phận một cửa của xã, phường). Nếu đã quen dùng điện thoại, cha mẹ có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia; khi đó có thể làm cùng lúc việc đăng ký khai sinh, đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi.

## Cần mang những gì?
- Tờ khai đăng ký khai sinh theo mẫu (có sẵn tại nơi nộp hồ sơ, cán bộ sẽ hướng dẫn cách điền).
- Giấy chứng sinh do bệnh viện, trạm y tế nơi trẻ sinh ra cấp.
- Giấy tờ tùy thân có ảnh của người đi đăng ký, như thẻ căn cước, để xuất trình.
- Giấy chứng nhận kết hôn của cha mẹ, nếu cha mẹ đã đăng ký kết hôn.

## Trẻ sinh ở nhà, không có giấy chứng sinh thì làm sao?
Nhiều gia đình ở vùng sâu, vùng xa sinh con tại nhà nên không có giấy chứng sinh. Khi đó, người đi đăng ký nộp văn bản của người làm chứng xác nhận về việc sinh, ví dụ người đã đỡ đẻ hoặc người biết rõ việc sinh. Nếu không có người làm chứng thì phải làm giấy cam đoan về việc sinh. Chỉ ghi đúng sự thật: cam đoan sai là vi phạm pháp luật.

## Có mất tiền không? Bao lâu thì có giấy?
Đăng ký khai sinh đúng hạn cho công dân Việt Nam cư trú ở trong nước được miễn lệ phí. Ngay khi nhận đủ giấy tờ và thấy thông tin phù hợp, công chức tư pháp – hộ tịch ghi vào Sổ hộ tịch, cập nhật vào cơ sở dữ liệu để trẻ có số định danh cá nhân; người đi đăng ký cùng ký vào Sổ hộ tịch và nhận Giấy khai sinh do Chủ tịch Ủy ban nhân dân xã, phường cấp.

! Ghi nhớ
- Đăng ký trong 60 ngày kể từ ngày sinh, tại xã, phường nơi cha hoặc mẹ cư trú.
- Mang giấy chứng sinh; nếu sinh ở nhà thì nhờ người làm chứng xác nhận.
- Đăng ký đúng hạn không mất lệ phí.
- Quá hạn vẫn phải đi đăng ký, đừng để lâu: trẻ cần giấy khai sinh để có bảo hiểm y tế và đi học.
""",
    ),
    Article(
        slug="cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau",
        title="Cấp “sổ đỏ” lần đầu theo Luật Đất đai năm 2024: những điều bà con cần biết",
        date=date(2025, 10, 6),
        summary=(
            "Luật Đất đai năm 2024 quy định rõ các trường hợp hộ gia đình, cá nhân đang sử "
            "dụng đất được cấp Giấy chứng nhận lần đầu, kể cả khi không có giấy tờ. Bài viết "
            "giải thích ai được cấp, cần chuẩn bị gì và những điều cần tránh."
        ),
        fields=("Đất đai", "Nông nghiệp"),
        audiences=("nong-dan", "dong-bao-dan-toc-thieu-so", "nguoi-dan"),
        citations=(c(DAT_DAI, "137"), c(DAT_DAI, "138"), c(ND_DANG_KY_DAT)),
        body="""
Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất – bà con quen gọi là "sổ đỏ" – là bằng chứng pháp lý về quyền của người sử dụng đất. Có giấy chứng nhận, bà con yên tâm canh tác, có thể thế chấp để vay vốn ngân hàng, chuyển nhượng, tặng cho hoặc để lại thừa kế theo quy định.

## Ai được cấp giấy chứng nhận lần đầu?
Luật Đất đai số 31/2024/QH15, có hiệu lực từ ngày 01/8/2024, chia thành hai nhóm chính:
- **Người đang sử dụng đất có giấy tờ về quyền sử dụng đất**, ví dụ quyết định giao đất của cơ quan nhà nước trước đây, giấy tờ mua bán, tặng cho, thừa kế có xác nhận, sổ sách địa chính cũ có tên mình.
- **Người đang sử dụng đất không có giấy tờ**, nhưng sử dụng ổn định, không vi phạm pháp luật về đất đai, được Ủy ban nhân dân xã xác nhận không có tranh chấp và phù hợp với quy hoạch.

So với luật cũ, Luật Đất đai năm 2024 mở rộng thời điểm xét cấp cho trường hợp không có giấy tờ: đất sử dụng ổn định trước ngày 01/7/2014 có thể được xem xét cấp giấy chứng nhận. Tùy thời điểm bắt đầu sử dụng, người được cấp có thể phải nộp tiền sử dụng đất.

## Cần chuẩn bị những gì?
Hồ sơ cụ thể do Chính phủ quy định. Thông thường bà con cần:
- Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu.
- Một trong các giấy tờ về quyền sử dụng đất, nếu có.
- Giấy tờ về nhà ở, công trình trên đất, nếu muốn ghi tài sản vào giấy chứng nhận.
- Giấy tờ chứng minh được miễn, giảm nghĩa vụ tài chính, nếu có.

Cán bộ địa chính của xã, phường sẽ hướng dẫn cụ thể cho từng trường hợp.

## Nộp hồ sơ ở đâu?
Từ ngày 01/7/2025, chính quyền địa phương tổ chức theo hai cấp tỉnh và xã. Bà con nộp hồ sơ tại bộ phận một cửa (Trung tâm phục vụ hành chính công) của xã, phường nơi có đất hoặc tại chi nhánh Văn phòng đăng ký đất đai; ở nơi đã cung cấp dịch vụ công trực tuyến, có thể nộp qua mạng. Khi nộp, nhớ lấy giấy tiếp nhận hồ sơ có hẹn ngày trả kết quả.

## Những điều cần tránh
- Không nhờ người trung gian "chạy" hồ sơ; chỉ nộp các khoản tiền có biên lai, chứng từ.
- Kê khai đúng nguồn gốc và thời điểm sử dụng đất. Khai sai có thể bị từ chối, thậm chí bị thu hồi giấy chứng nhận đã cấp.
- Nếu đang tranh chấp ranh giới với hàng xóm, nên hòa giải ở thôn, tổ dân phố trước.

! Lưu ý
Giấy chứng nhận đã được cấp theo các luật trước đây vẫn có giá trị pháp lý; bà con không bắt buộc phải đổi sang mẫu mới.
""",
    ),
    Article(
        slug="nghi-hang-nam-cua-nguoi-lao-dong",
        title="Nghỉ phép năm: người lao động được nghỉ bao nhiêu ngày?",
        date=date(2026, 1, 15),
        summary=(
            "Làm đủ 12 tháng cho một người sử dụng lao động, người lao động được nghỉ hằng năm "
            "ít nhất 12 ngày làm việc, hưởng nguyên lương; cứ đủ 5 năm làm việc được thêm 1 "
            "ngày. Ngày chưa nghỉ khi thôi việc được thanh toán tiền lương."
        ),
        fields=("Lao động",),
        audiences=("cong-nhan", "doanh-nghiep"),
        citations=(c(LAO_DONG, "113"), c(LAO_DONG, "114"), c(ND_LAO_DONG, "66")),
        body="""
Nghỉ hằng năm, người lao động thường gọi là "nghỉ phép năm", là quyền được Bộ luật Lao động năm 2019 bảo đảm. Trong những ngày nghỉ này, người lao động vẫn được hưởng nguyên lương theo hợp đồng lao động.

## Được nghỉ bao nhiêu ngày?
Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động được nghỉ:
- **12 ngày làm việc** nếu làm công việc trong điều kiện bình thường;
- **14 ngày làm việc** nếu là người lao động chưa thành niên, người khuyết tật, hoặc làm nghề, công việc nặng nhọc, độc hại, nguy hiểm;
- **16 ngày làm việc** nếu làm nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm.

Cứ đủ 5 năm làm việc cho cùng một người sử dụng lao động, số ngày nghỉ hằng năm được cộng thêm 1 ngày. Ví dụ: một công nhân làm điều kiện bình thường đã làm việc 10 năm tại một công ty thì được nghỉ 12 + 2 = 14 ngày mỗi năm.

## Làm chưa đủ 12 tháng thì sao?
Người làm việc chưa đủ 12 tháng thì số ngày nghỉ hằng năm được tính theo tỷ lệ tương ứng với số tháng đã làm việc. Cách tính cụ thể: lấy tổng số ngày nghỉ hằng năm (kể cả ngày tăng thêm theo thâm niên, nếu có), chia cho 12, rồi nhân với số tháng làm việc thực tế trong năm.

## Ai quyết định lịch nghỉ?
Người sử dụng lao động quy định lịch nghỉ hằng năm sau khi tham khảo ý kiến người lao động và phải báo trước. Người lao động có thể thỏa thuận để nghỉ thành nhiều lần trong năm, hoặc nghỉ gộp tối đa 3 năm một lần.

Nếu nghỉ hằng năm mà chưa đến kỳ trả lương, người lao động được tạm ứng tiền lương. Nếu đi đường bộ, đường sắt, đường thủy mà thời gian đi và về trên 2 ngày, thì từ ngày thứ 3 được tính thêm thời gian đi đường (chỉ cho một lần nghỉ trong năm).

## Thôi việc mà chưa nghỉ hết phép thì có mất không?
Không mất. Khi thôi việc hoặc bị mất việc làm mà chưa nghỉ hằng năm hoặc chưa nghỉ hết số ngày được nghỉ, người lao động được người sử dụng lao động thanh toán tiền lương cho những ngày chưa nghỉ.

! Ghi nhớ
- Tối thiểu 12 ngày làm việc mỗi năm, hưởng nguyên lương; đủ 5 năm thêm 1 ngày.
- Có thể thỏa thuận nghỉ nhiều lần hoặc gộp tối đa 3 năm.
- Thôi việc chưa nghỉ hết phép: được trả tiền lương cho những ngày chưa nghỉ.
- Nếu quyền lợi không được bảo đảm, hãy trao đổi với công đoàn cơ sở hoặc hỏi cơ quan quản lý nhà nước về lao động.
""",
    ),
    Article(
        slug="da-uong-ruou-bia-thi-khong-lai-xe",
        title="Đã uống rượu, bia thì không lái xe: quy định và mức xử phạt",
        date=date(2026, 2, 3),
        summary=(
            "Luật Trật tự, an toàn giao thông đường bộ cấm điều khiển phương tiện khi trong "
            "máu hoặc hơi thở có nồng độ cồn. Người đi xe máy vi phạm có thể bị phạt đến 10 "
            "triệu đồng, người lái ô tô đến 40 triệu đồng, kèm trừ điểm hoặc tước giấy phép "
            "lái xe."
        ),
        fields=("Giao thông vận tải", "An ninh trật tự"),
        audiences=("nguoi-dan", "cong-nhan", "nong-dan"),
        citations=(
            c(TTATGT, "9", "khoản 2"),
            c(ND_GIAO_THONG, "6"),
            c(ND_GIAO_THONG, "7"),
        ),
        body="""
Mùa lễ, Tết và mùa cưới hỏi là lúc nhiều người uống rượu, bia rồi chủ quan lái xe về nhà. Rượu, bia làm chậm phản xạ, giảm khả năng quan sát và phán đoán, là một trong những nguyên nhân hàng đầu gây tai nạn giao thông nghiêm trọng.

## Luật cấm như thế nào?
Luật Trật tự, an toàn giao thông đường bộ năm 2024, có hiệu lực từ ngày 01/01/2025, nghiêm cấm điều khiển phương tiện tham gia giao thông đường bộ mà trong máu hoặc hơi thở có nồng độ cồn. Nói cách khác: **chỉ cần có cồn là vi phạm**, không có mức "uống ít thì được".

## Mức phạt với người đi xe máy
Nghị định số 168/2024/NĐ-CP chia ba mức theo nồng độ cồn đo được:
- Chưa vượt quá 50 miligam/100 mililít máu hoặc chưa vượt quá 0,25 miligam/1 lít khí thở: phạt từ 2 đến 3 triệu đồng, trừ 4 điểm giấy phép lái xe.
- Vượt quá 50 đến 80 miligam/100 mililít máu hoặc vượt quá 0,25 đến 0,4 miligam/1 lít khí thở: phạt từ 6 đến 8 triệu đồng, trừ 10 điểm giấy phép lái xe.
- Vượt quá 80 miligam/100 mililít máu hoặc vượt quá 0,4 miligam/1 lít khí thở: phạt từ 8 đến 10 triệu đồng, tước giấy phép lái xe từ 22 đến 24 tháng.

## Mức phạt với người lái ô tô
Cũng theo ba mức nồng độ cồn như trên, người lái ô tô bị phạt lần lượt từ 6 đến 8 triệu đồng, từ 18 đến 20 triệu đồng và từ 30 đến 40 triệu đồng, kèm trừ điểm hoặc tước giấy phép lái xe. Ngoài tiền phạt, phương tiện có thể bị tạm giữ để ngăn chặn vi phạm.

## Không chỉ là tiền phạt
Nếu gây tai nạn làm người khác bị thương hoặc chết, người lái xe còn phải bồi thường thiệt hại và có thể bị truy cứu trách nhiệm hình sự.

! Để an toàn cho mình và mọi người
- Đã uống rượu, bia thì để xe lại, đi nhờ người không uống hoặc gọi xe.
- Không ép người khác uống khi biết họ phải lái xe về.
- Sau một bữa nhậu buổi tối, sáng hôm sau cơ thể vẫn có thể còn cồn.
""",
    ),
    Article(
        slug="bao-ve-du-lieu-ca-nhan",
        title="Bảo vệ dữ liệu cá nhân: người dân cần biết gì?",
        date=date(2026, 1, 8),
        summary=(
            "Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày 01/01/2026. Bài viết giải thích "
            "thế nào là dữ liệu cá nhân, quyền của người có dữ liệu và những việc nên làm để "
            "giữ an toàn thông tin của mình."
        ),
        fields=("Bảo vệ dữ liệu cá nhân", "Dân sự"),
        audiences=("nguoi-dan", "doanh-nghiep", "hoc-sinh-sinh-vien"),
        citations=(c(DU_LIEU),),
        body="""
Mỗi lần đăng ký sim điện thoại, mở tài khoản ngân hàng, mua hàng trên mạng hay khám bệnh, chúng ta đều để lại thông tin cá nhân. Những thông tin này nếu rơi vào tay kẻ xấu có thể bị dùng để lừa đảo, làm phiền hoặc chiếm đoạt tài sản. Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, có hiệu lực từ ngày 01/01/2026, đặt ra các quy tắc để bảo vệ những thông tin ấy.

## Dữ liệu cá nhân là gì?
Là thông tin giúp xác định một người cụ thể, ví dụ họ tên, ngày sinh, số điện thoại, số căn cước, địa chỉ, hình ảnh. Một số thông tin được bảo vệ chặt chẽ hơn vì nếu bị lộ có thể gây hại lớn cho người đó, như thông tin sức khỏe, tài khoản ngân hàng, vị trí, đời sống riêng tư.

## Người có dữ liệu có những quyền gì?
- Được biết ai đang thu thập, sử dụng dữ liệu của mình và để làm gì.
- Được đồng ý hoặc không đồng ý cho xử lý dữ liệu, trừ những trường hợp luật cho phép xử lý mà không cần sự đồng ý; được rút lại sự đồng ý.
- Được xem, yêu cầu chỉnh sửa dữ liệu của mình; trong những trường hợp luật định, được yêu cầu xóa hoặc hạn chế xử lý.
- Được khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường khi quyền của mình bị xâm phạm.

## Cơ quan, doanh nghiệp phải làm gì?
Phải nói rõ mục đích khi thu thập, chỉ thu thập những thông tin cần thiết, có biện pháp bảo vệ dữ liệu và chịu trách nhiệm khi để lộ, mất dữ liệu. Luật nghiêm cấm việc mua, bán dữ liệu cá nhân, trừ trường hợp luật có quy định khác.

## Tự bảo vệ mình như thế nào?
- Không chụp, gửi ảnh thẻ căn cước, giấy tờ cá nhân cho người lạ hoặc đăng công khai lên mạng xã hội.
- Không đọc mã OTP, mật khẩu cho bất kỳ ai, kể cả người xưng là nhân viên ngân hàng, công an.
- Đọc kỹ trước khi bấm "đồng ý" cho một ứng dụng truy cập danh bạ, hình ảnh, vị trí.
- Khi thấy dữ liệu của mình bị lộ, bị mua bán, hãy báo cho cơ quan công an.

! Ghi nhớ
Thông tin cá nhân là tài sản của bạn. Chỉ cung cấp khi biết rõ ai nhận, dùng để làm gì và có thật sự cần hay không.
""",
    ),
    Article(
        slug="phong-chong-bao-luc-gia-dinh",
        title="Phòng, chống bạo lực gia đình: nhận biết và tìm sự giúp đỡ",
        date=date(2025, 11, 25),
        summary=(
            "Bạo lực gia đình không chỉ là đánh đập mà còn là chửi bới, cô lập, kiểm soát "
            "tiền bạc hay cưỡng ép. Bài viết giúp nhận biết các hành vi bạo lực gia đình và "
            "chỉ ra nơi có thể tìm sự giúp đỡ."
        ),
        fields=("Phòng, chống bạo lực gia đình", "Hôn nhân và gia đình", "Bình đẳng giới"),
        audiences=("phu-nu", "tre-em", "nguoi-cao-tuoi"),
        citations=(c(BLGD, "3"), c(HNGD, "5", "điểm h khoản 2"), c(TGPL, "7", "điểm e khoản 7")),
        body="""
Gia đình là nơi mỗi người được yêu thương và che chở. Thế nhưng ở nhiều nơi, bạo lực vẫn xảy ra sau cánh cửa nhà và thường bị coi là "chuyện riêng". Pháp luật khẳng định: bạo lực gia đình là hành vi bị nghiêm cấm, và phòng, chống bạo lực gia đình là trách nhiệm của cả cộng đồng.

## Thế nào là bạo lực gia đình?
Luật Phòng, chống bạo lực gia đình năm 2022 liệt kê nhiều hành vi. Có thể chia thành các nhóm dễ nhớ:
- **Bạo lực thân thể**: đánh đập, hành hạ, ngược đãi hoặc hành vi cố ý khác xâm hại sức khỏe, tính mạng.
- **Bạo lực tinh thần**: lăng mạ, chì chiết, xúc phạm danh dự; cô lập, xua đuổi, gây áp lực thường xuyên về tâm lý.
- **Bạo lực kinh tế**: chiếm đoạt, hủy hoại tài sản; kiểm soát thu nhập, bắt người khác phụ thuộc về tài chính.
- **Bạo lực tình dục**: cưỡng ép quan hệ tình dục, kể cả giữa vợ và chồng.
- **Cưỡng ép về hôn nhân**: ép tảo hôn, ép kết hôn, ly hôn hoặc cản trở hôn nhân tự nguyện.

Bạo lực có thể xảy ra với vợ, chồng, con cái, người cao tuổi hay bất kỳ thành viên nào trong gia đình.

## Khi bị bạo lực hoặc chứng kiến bạo lực
- Trong tình huống nguy hiểm, hãy rời khỏi nơi đó và gọi ngay số 113 (công an).
- Báo cho công an xã, phường, trưởng thôn, tổ trưởng tổ dân phố hoặc Hội Liên hiệp Phụ nữ.
- Nếu nạn nhân là trẻ em, có thể gọi Tổng đài quốc gia bảo vệ trẻ em 111 (miễn phí).
- Đến cơ sở y tế khám, chữa vết thương và giữ lại giấy tờ khám bệnh.

Pháp luật có các biện pháp để bảo vệ nạn nhân, trong đó có biện pháp cấm người có hành vi bạo lực tiếp xúc với nạn nhân trong một thời gian. Nạn nhân bạo lực gia đình có khó khăn về tài chính được trợ giúp pháp lý miễn phí.

## Vai trò của cộng đồng
Hòa giải viên, tổ an ninh trật tự ở thôn, già làng, người có uy tín có thể can thiệp sớm, góp ý, nhắc nhở người có hành vi bạo lực. Tuy vậy, hòa giải không được dùng để che giấu hành vi vi phạm pháp luật: hành vi phải xử lý thì phải được báo cho cơ quan có thẩm quyền.

! Ghi nhớ
Bạo lực gia đình không phải chuyện riêng của mỗi nhà. Im lặng là để bạo lực tiếp diễn. Hãy lên tiếng và tìm sự giúp đỡ.
""",
    ),
    Article(
        slug="tro-giup-phap-ly-mien-phi",
        title="Trợ giúp pháp lý miễn phí: ai được giúp và giúp những gì?",
        date=date(2025, 7, 20),
        summary=(
            "Người thuộc hộ nghèo, người có công, trẻ em, đồng bào dân tộc thiểu số ở vùng đặc "
            "biệt khó khăn và một số nhóm khác được luật sư, trợ giúp viên pháp lý giúp đỡ "
            "miễn phí khi gặp vướng mắc pháp luật."
        ),
        fields=("Trợ giúp pháp lý", "Tư pháp"),
        audiences=("dong-bao-dan-toc-thieu-so", "nguoi-khuyet-tat", "nguoi-cao-tuoi"),
        citations=(c(TGPL, "2"), c(TGPL, "7"), c(TGPL, "27"), c(TGPL, "29")),
        body="""
Khi gặp chuyện liên quan đến pháp luật như tranh chấp đất đai, bị lừa tiền, có người thân bị bắt hay ly hôn, nhiều người không biết hỏi ai và lo không có tiền thuê luật sư. Nhà nước có chính sách trợ giúp pháp lý: cung cấp dịch vụ pháp lý **miễn phí** cho những người cần được giúp đỡ.

## Ai được trợ giúp pháp lý?
Theo Luật Trợ giúp pháp lý năm 2017, những người sau đây được trợ giúp:
- Người có công với cách mạng.
- Người thuộc hộ nghèo.
- Trẻ em.
- Người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn.
- Người bị buộc tội từ đủ 16 tuổi đến dưới 18 tuổi; người bị buộc tội thuộc hộ cận nghèo.
- Một số người có khó khăn về tài chính như: cha mẹ, vợ, chồng, con của liệt sĩ; người nhiễm chất độc da cam; người cao tuổi; người khuyết tật; nạn nhân bạo lực gia đình; nạn nhân mua bán người; người nhiễm HIV; người từ đủ 16 đến dưới 18 tuổi là bị hại trong vụ án hình sự.

## Được giúp những gì?
Trợ giúp pháp lý được thực hiện trong mọi lĩnh vực pháp luật, trừ kinh doanh, thương mại, bằng ba hình thức:
- **Tư vấn pháp luật**: giải thích quy định, hướng dẫn cách giải quyết, giúp viết đơn.
- **Tham gia tố tụng**: bào chữa hoặc bảo vệ quyền lợi của người được trợ giúp tại cơ quan điều tra, Viện kiểm sát, Tòa án.
- **Đại diện ngoài tố tụng**: thay mặt người được trợ giúp làm việc với cơ quan, tổ chức khác.

Người được trợ giúp không phải trả tiền hay bất kỳ lợi ích nào khác, và có quyền yêu cầu giữ bí mật nội dung vụ việc.

## Cần làm gì để được trợ giúp?
Nộp hồ sơ tại Trung tâm Trợ giúp pháp lý nhà nước tỉnh hoặc chi nhánh, hoặc gặp trợ giúp viên khi đoàn trợ giúp pháp lý lưu động về xã. Hồ sơ gồm:
1. Đơn yêu cầu trợ giúp pháp lý (nếu không tự viết được, người tiếp nhận sẽ ghi giúp rồi đọc lại để bạn ký hoặc điểm chỉ).
2. Giấy tờ chứng minh mình thuộc diện được trợ giúp, ví dụ giấy chứng nhận hộ nghèo.
3. Giấy tờ, tài liệu liên quan đến vụ việc.

Có thể nộp trực tiếp, gửi qua bưu điện hoặc gửi bằng hình thức điện tử.

! Ghi nhớ
Trợ giúp pháp lý là miễn phí. Nếu có ai nhận là trợ giúp viên pháp lý mà đòi tiền, hãy báo ngay cho Sở Tư pháp.
""",
    ),
    Article(
        slug="tao-hon-va-hon-nhan-can-huyet-thong",
        title="Nói không với tảo hôn và hôn nhân cận huyết thống",
        date=date(2026, 3, 10),
        summary=(
            "Nam chưa đủ 20 tuổi, nữ chưa đủ 18 tuổi mà lấy vợ, lấy chồng là tảo hôn. Kết hôn "
            "giữa những người có họ trong phạm vi ba đời bị cấm. Bài viết giải thích quy định "
            "và tác hại để gia đình, dòng họ cùng phòng tránh."
        ),
        fields=("Hôn nhân và gia đình", "Dân tộc", "Quyền trẻ em"),
        audiences=("dong-bao-dan-toc-thieu-so", "hoc-sinh-sinh-vien", "phu-nu"),
        citations=(
            c(HNGD, "8", "điểm a khoản 1"),
            c(HNGD, "3", "khoản 8"),
            c(HNGD, "5", "điểm b, điểm d khoản 2"),
            c(HINH_SU, "183"),
        ),
        body="""
Ở một số thôn, làng vùng đồng bào dân tộc thiểu số, vẫn còn chuyện các em 14, 15 tuổi đã "về ở với nhau", hay chuyện anh em con chú con bác, con cô con cậu lấy nhau để "giữ của cải trong dòng họ". Đây là những tập quán lạc hậu, ảnh hưởng đến sức khỏe, việc học và tương lai của các em và của cả giống nòi.

## Tảo hôn là gì?
Luật Hôn nhân và gia đình năm 2014 quy định tuổi kết hôn: **nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi**. Lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi này là tảo hôn, kể cả khi chỉ tổ chức theo phong tục mà không đăng ký kết hôn.

Luật cấm tảo hôn. Người tổ chức việc lấy vợ, lấy chồng cho người chưa đủ tuổi có thể bị xử phạt vi phạm hành chính; nếu đã bị xử phạt mà còn vi phạm thì có thể bị truy cứu trách nhiệm hình sự về tội tổ chức tảo hôn.

## Hôn nhân cận huyết thống là gì?
Là việc kết hôn hoặc chung sống như vợ chồng giữa những người cùng dòng máu về trực hệ (ông bà với cháu, cha mẹ với con) hoặc giữa những người có họ trong phạm vi ba đời (anh chị em ruột, anh chị em con chú, con bác, con cô, con cậu, con dì). Pháp luật cấm những cuộc hôn nhân này.

## Vì sao phải phòng tránh?
- Các em gái mang thai khi cơ thể chưa phát triển đầy đủ dễ gặp tai biến khi sinh; con sinh ra dễ nhẹ cân, suy dinh dưỡng.
- Tảo hôn làm các em phải bỏ học sớm, khó có việc làm ổn định, gia đình dễ rơi vào nghèo đói.
- Con của những cặp vợ chồng cận huyết có nguy cơ cao mắc bệnh di truyền, dị tật bẩm sinh.

## Gia đình và cộng đồng cần làm gì?
- Cha mẹ không ép, không tổ chức cưới cho con khi con chưa đủ tuổi.
- Già làng, người có uy tín, trưởng thôn đưa quy định về tuổi kết hôn vào hương ước, quy ước của làng.
- Trước khi cưới, hai bên gia đình tìm hiểu kỹ quan hệ họ hàng; nên đi khám sức khỏe tiền hôn nhân.
- Khi biết có việc tảo hôn, báo cho trưởng thôn, công chức tư pháp – hộ tịch hoặc công an xã để được can thiệp kịp thời.

! Ghi nhớ
Đủ tuổi mới kết hôn – nam 20, nữ 18. Không kết hôn với người có họ trong phạm vi ba đời. Kết hôn phải đăng ký tại Ủy ban nhân dân xã, phường.
""",
    ),
)

CASES = (
    Article(
        slug="cay-nha-hang-xom-vuon-sang-vuon",
        title="Cây nhà hàng xóm vươn sang vườn: giải quyết thế nào cho êm?",
        date=date(2025, 9, 18),
        summary=(
            "Cành, rễ cây của nhà bên cạnh vượt qua ranh giới làm hại cây trồng nhà mình. "
            "Pháp luật dân sự quy định người trồng cây phải cắt tỉa phần vượt quá; mâu thuẫn "
            "nên được hòa giải ở thôn trước."
        ),
        fields=("Dân sự", "Đất đai"),
        audiences=("nong-dan", "nguoi-dan"),
        citations=(
            c(DAN_SU, "175", "khoản 2"),
            c(HOA_GIAI, "3"),
            c(HOA_GIAI, "24"),
            c(HOA_GIAI, "27"),
        ),
        attrs={
            "situation": """
Gia đình anh A trồng một hàng cà phê sát ranh giới với vườn nhà ông B. Hàng mít nhà ông B trồng sát ranh đã lớn, cành vươn sang che hết nắng, rễ ăn sang làm cà phê nhà anh A còi cọc, năng suất giảm.

Anh A nhiều lần đề nghị ông B chặt bớt cành nhưng ông B không đồng ý, cho rằng cây trồng trên đất nhà mình thì mình có quyền để. Hai nhà đã to tiếng với nhau.
""",
            "question": (
                "Anh A có quyền yêu cầu ông B cắt tỉa cành, rễ cây vượt sang đất nhà mình "
                "không? Nên giải quyết bằng cách nào?"
            ),
            "analysis": """
**Về quyền và nghĩa vụ của hai bên.** Bộ luật Dân sự năm 2015 quy định người sử dụng đất chỉ được trồng cây và làm các việc khác trong phạm vi đất của mình, theo ranh giới đã xác định. Nếu rễ cây, cành cây vượt quá ranh giới thì người trồng phải xén rễ, cắt, tỉa cành phần vượt quá, trừ trường hợp hai bên có thỏa thuận khác.

Như vậy, cây mít trồng trên đất nhà ông B nhưng phần cành, rễ đã vượt sang đất nhà anh A. Ông B có nghĩa vụ cắt tỉa phần vượt quá; anh A có quyền yêu cầu ông B thực hiện.

**Anh A có được tự chặt không?** Anh A không nên tự ý chặt cây của ông B. Việc tự chặt dễ làm mâu thuẫn căng thẳng hơn, và nếu làm hư hại cây ngoài phần vượt ranh giới thì anh A có thể phải bồi thường.

**Cách giải quyết.** Đây là mâu thuẫn giữa hai gia đình hàng xóm, không thuộc các trường hợp bị loại trừ, nên thuộc phạm vi hòa giải ở cơ sở. Anh A có thể đề nghị tổ hòa giải ở thôn giúp đỡ. Nếu hai bên thỏa thuận được, có thể lập văn bản hòa giải thành ghi rõ ai cắt tỉa, cắt đến đâu, vào thời gian nào. Nếu hòa giải không thành, các bên có quyền yêu cầu tiếp tục hòa giải hoặc đề nghị cơ quan có thẩm quyền giải quyết, như Ủy ban nhân dân xã hoặc Tòa án.
""",
            "conclusion": """
Anh A có quyền yêu cầu ông B cắt tỉa phần cành, rễ vượt qua ranh giới. Cách tốt nhất là nhờ tổ hòa giải ở thôn để hai nhà cùng thống nhất, giữ được tình làng nghĩa xóm; chỉ khi không hòa giải được mới nhờ đến chính quyền hoặc Tòa án.
""",
        },
    ),
    Article(
        slug="vay-tien-lai-ngay-co-phai-tra-het-lai",
        title="Vay tiền “lãi ngày” 3.000 đồng mỗi triệu: có phải trả hết tiền lãi?",
        date=date(2026, 5, 14),
        summary=(
            "Lãi suất vay do các bên thỏa thuận nhưng không được vượt quá 20%/năm; phần vượt "
            "quá không có hiệu lực. Cho vay lãi nặng có thể bị truy cứu trách nhiệm hình sự."
        ),
        fields=("Dân sự", "Hình sự"),
        audiences=("nong-dan", "cong-nhan", "nguoi-dan"),
        citations=(
            c(DAN_SU, "463"),
            c(DAN_SU, "466"),
            c(DAN_SU, "468", "khoản 1"),
            c(HINH_SU, "201"),
        ),
        attrs={
            "situation": """
Chị H cần tiền mua phân bón nên vay của một người quen 20 triệu đồng, thỏa thuận miệng lãi "3.000 đồng một triệu mỗi ngày", tức 60.000 đồng mỗi ngày. Sau 6 tháng, chị đã trả tiền lãi hơn 10 triệu đồng nhưng người cho vay vẫn đòi đủ lãi và gốc, dọa sẽ đến nhà "làm lớn chuyện".
""",
            "question": (
                "Mức lãi như vậy có đúng pháp luật không? Chị H phải trả những khoản nào?"
            ),
            "analysis": """
**Hợp đồng vay vẫn có giá trị.** Việc vay tiền là hợp đồng vay tài sản theo Bộ luật Dân sự: bên vay phải trả đủ tiền gốc khi đến hạn, và trả lãi nếu có thỏa thuận. Thỏa thuận miệng vẫn có giá trị, nên chị H có nghĩa vụ trả 20 triệu đồng tiền gốc.

**Lãi suất bị giới hạn.** Lãi suất do các bên thỏa thuận nhưng không được vượt quá 20%/năm của khoản tiền vay, trừ trường hợp luật khác quy định. Mức 3.000 đồng/triệu/ngày tương đương khoảng 109%/năm, gấp hơn 5 lần mức giới hạn. Phần lãi vượt quá 20%/năm không có hiệu lực.

Với 20 triệu đồng vay trong 6 tháng, tiền lãi tối đa theo mức 20%/năm là khoảng 2 triệu đồng. Số tiền lãi chị H đã trả vượt mức này được xem xét trừ vào tiền gốc khi giải quyết tranh chấp.

**Cho vay lãi nặng có thể là tội phạm.** Bộ luật Hình sự quy định tội cho vay lãi nặng trong giao dịch dân sự đối với người cho vay với lãi suất gấp 5 lần mức lãi suất cao nhất của Bộ luật Dân sự trở lên và thu lợi bất chính từ mức luật định, hoặc đã bị xử phạt hành chính mà còn vi phạm. Hành vi đe dọa, uy hiếp để đòi nợ cũng có thể bị xử lý.
""",
            "conclusion": """
Chị H phải trả tiền gốc và tiền lãi trong giới hạn 20%/năm; phần lãi vượt quá không có hiệu lực. Chị nên giữ lại giấy tờ, tin nhắn, biên nhận đã trả tiền; nếu bị đe dọa, báo ngay cho công an xã. Chị có thể đề nghị hòa giải hoặc khởi kiện tại Tòa án để giải quyết. Trước khi vay, hãy ưu tiên vay ở ngân hàng, quỹ tín dụng hoặc các chương trình cho vay ưu đãi của Nhà nước.
""",
        },
    ),
    Article(
        slug="con-gai-16-tuoi-gia-dinh-muon-to-chuc-cuoi",
        title="Con gái 16 tuổi, gia đình muốn tổ chức cưới: có được không?",
        date=date(2025, 11, 5),
        summary=(
            "Nữ chưa đủ 18 tuổi thì chưa được kết hôn. Tổ chức cưới cho người chưa đủ tuổi là "
            "tảo hôn, bị xử phạt và có thể bị truy cứu trách nhiệm hình sự nếu tái phạm."
        ),
        fields=("Hôn nhân và gia đình", "Quyền trẻ em"),
        audiences=("dong-bao-dan-toc-thieu-so", "tre-em", "phu-nu"),
        citations=(
            c(HNGD, "8", "điểm a khoản 1"),
            c(HNGD, "5", "điểm b khoản 2"),
            c(HNGD, "3", "khoản 8"),
            c(HINH_SU, "183"),
            c(ND_HNGD),
        ),
        attrs={
            "situation": """
Em Y, 16 tuổi, đang học lớp 10, quen và yêu một thanh niên 19 tuổi cùng làng. Hai bên gia đình thấy các em thương nhau nên bàn chuyện làm lễ cưới theo phong tục, để em Y về nhà chồng sau mùa rẫy; việc đăng ký kết hôn thì "để sau, khi đủ tuổi".
""",
            "question": (
                "Gia đình có được tổ chức cưới cho em Y không? Nếu vẫn tổ chức thì ai bị xử lý?"
            ),
            "analysis": """
**Về tuổi kết hôn.** Luật Hôn nhân và gia đình năm 2014 quy định nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi mới được kết hôn. Em Y mới 16 tuổi, người thanh niên 19 tuổi: cả hai đều chưa đủ tuổi kết hôn.

**Đây là tảo hôn.** Lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn là tảo hôn. Luật cấm tảo hôn. Việc chỉ làm lễ theo phong tục, không đăng ký kết hôn không làm thay đổi bản chất này: hai em vẫn về chung sống như vợ chồng khi chưa đủ tuổi.

**Ai bị xử lý?** Người tổ chức việc lấy vợ, lấy chồng cho người chưa đủ tuổi kết hôn (thường là cha mẹ hai bên) có thể bị xử phạt vi phạm hành chính theo Nghị định số 82/2020/NĐ-CP. Nếu đã bị xử phạt mà còn vi phạm, người tổ chức có thể bị truy cứu trách nhiệm hình sự về tội tổ chức tảo hôn theo Bộ luật Hình sự.

**Hậu quả với các em.** Em Y có nguy cơ phải bỏ học; mang thai khi cơ thể chưa phát triển đầy đủ dễ gặp tai biến. Con sinh ra khi cha mẹ chưa đăng ký kết hôn sẽ gặp khó khăn hơn khi làm giấy tờ.
""",
            "conclusion": """
Gia đình không được tổ chức cưới cho em Y lúc này. Hai gia đình nên để các em tiếp tục học tập, làm việc; khi em Y đủ 18 tuổi và người thanh niên đủ 20 tuổi, nếu hai em vẫn tự nguyện thì đăng ký kết hôn tại Ủy ban nhân dân xã rồi làm lễ cưới theo phong tục. Trưởng thôn, già làng và công chức tư pháp – hộ tịch có thể giúp giải thích cho hai bên gia đình.
""",
        },
    ),
    Article(
        slug="bo-mat-khong-de-lai-di-chuc-chia-dat-the-nao",
        title="Bố mất không để lại di chúc: mảnh đất được chia thế nào?",
        date=date(2026, 2, 24),
        summary=(
            "Khi không có di chúc, di sản được chia theo pháp luật cho những người thừa kế "
            "cùng hàng với phần bằng nhau; con gái đã lấy chồng vẫn được hưởng như các con khác."
        ),
        fields=("Dân sự", "Hôn nhân và gia đình", "Đất đai"),
        audiences=("nong-dan", "nguoi-dan", "phu-nu"),
        citations=(
            c(DAN_SU, "650", "điểm a khoản 1"),
            c(DAN_SU, "651"),
            c(HNGD, "33"),
            c(HNGD, "66", "khoản 2"),
        ),
        attrs={
            "situation": """
Ông C mất đầu năm 2025, không để lại di chúc. Tài sản lớn nhất là mảnh đất rẫy có giấy chứng nhận, do ông C và vợ là bà D khai hoang, sử dụng từ sau khi cưới nhau. Ông C có ba người con: hai con trai ở cùng làng và một con gái đã lấy chồng ở xã khác. Mẹ đẻ của ông C vẫn còn sống.

Người con trai cả cho rằng em gái đã đi lấy chồng thì "là người nhà khác", không được chia đất.
""",
            "question": "Mảnh đất được chia như thế nào? Người con gái đã lấy chồng có được hưởng không?",
            "analysis": """
**Trước hết, tách phần của người vợ.** Quyền sử dụng đất mà vợ chồng có được sau khi kết hôn là tài sản chung của vợ chồng (trừ khi được thừa kế riêng, tặng cho riêng). Khi chia di sản, tài sản chung của vợ chồng được chia đôi: một nửa mảnh đất thuộc về bà D; nửa còn lại là di sản của ông C.

**Chia theo pháp luật vì không có di chúc.** Khi người chết không để lại di chúc, di sản được chia theo pháp luật. Hàng thừa kế thứ nhất gồm vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của người chết. Những người cùng hàng được hưởng phần di sản bằng nhau.

Với gia đình ông C, hàng thừa kế thứ nhất có năm người: bà D (vợ), mẹ đẻ của ông C và ba người con. Mỗi người được hưởng một phần năm di sản, tức một phần năm của nửa mảnh đất.

**Con gái đã lấy chồng vẫn được hưởng.** Pháp luật không phân biệt con trai, con gái, đã lấy chồng hay chưa. Người con gái là con đẻ của ông C nên được hưởng phần bằng các anh.

**Các bên có thể thỏa thuận.** Những người thừa kế có thể thỏa thuận cách chia khác, ví dụ giao đất cho một người và người đó trả giá trị cho những người còn lại, hoặc một người từ chối nhận phần của mình. Thỏa thuận nên lập thành văn bản, công chứng hoặc chứng thực để làm thủ tục sang tên.
""",
            "conclusion": """
Một nửa mảnh đất là của bà D; nửa còn lại chia đều cho năm người: bà D, mẹ ông C và ba người con, kể cả người con gái đã lấy chồng. Gia đình nên ngồi lại thỏa thuận; nếu không thống nhất được, có thể nhờ hòa giải ở thôn hoặc yêu cầu Tòa án chia di sản.
""",
        },
    ),
    Article(
        slug="nghi-viec-chua-nghi-het-phep-nam",
        title="Nghỉ việc mà chưa nghỉ hết phép năm: công ty có phải trả tiền?",
        date=date(2026, 7, 20),
        summary=(
            "Người lao động thôi việc mà chưa nghỉ hết ngày nghỉ hằng năm được thanh toán tiền "
            "lương cho những ngày chưa nghỉ; số ngày của năm thôi việc tính theo số tháng đã làm."
        ),
        fields=("Lao động",),
        audiences=("cong-nhan", "doanh-nghiep"),
        citations=(
            c(LAO_DONG, "113", "khoản 3"),
            c(LAO_DONG, "114"),
            c(ND_LAO_DONG, "66", "khoản 1"),
        ),
        attrs={
            "situation": """
Chị E là công nhân may của một doanh nghiệp trong khu công nghiệp, làm việc trong điều kiện bình thường đã được 6 năm. Năm 2026, chị mới nghỉ 4 ngày phép thì đến cuối tháng 7 chấm dứt hợp đồng lao động đúng quy định để về quê.

Khi thanh toán, phòng nhân sự nói: "Phép năm không nghỉ thì mất, công ty không trả tiền."
""",
            "question": "Chị E có được trả tiền cho những ngày phép chưa nghỉ không? Được bao nhiêu ngày?",
            "analysis": """
**Số ngày phép của chị E.** Người làm công việc trong điều kiện bình thường, làm đủ 12 tháng được nghỉ hằng năm 12 ngày làm việc. Chị E đã làm đủ 5 năm cho doanh nghiệp nên được cộng thêm 1 ngày: 13 ngày mỗi năm.

**Năm thôi việc tính theo tỷ lệ.** Năm 2026 chị E chỉ làm 7 tháng. Theo hướng dẫn của Chính phủ, số ngày nghỉ được tính bằng cách lấy tổng số ngày nghỉ hằng năm (13 ngày) chia cho 12 tháng rồi nhân với số tháng làm việc thực tế (7 tháng), được khoảng 7,6 ngày. Chị đã nghỉ 4 ngày, nên còn khoảng 3,6 ngày chưa nghỉ.

**Quyền được thanh toán.** Bộ luật Lao động quy định rõ: người lao động thôi việc, bị mất việc làm mà chưa nghỉ hằng năm hoặc chưa nghỉ hết số ngày nghỉ hằng năm thì được người sử dụng lao động thanh toán tiền lương cho những ngày chưa nghỉ. Câu trả lời "phép năm không nghỉ thì mất" là không đúng trong trường hợp chấm dứt hợp đồng.
""",
            "conclusion": """
Chị E được doanh nghiệp thanh toán tiền lương cho những ngày phép năm 2026 chưa nghỉ. Chị nên đề nghị bằng văn bản, nhờ công đoàn cơ sở hỗ trợ; nếu doanh nghiệp vẫn không trả, chị có thể yêu cầu hòa giải viên lao động hòa giải, hoặc khiếu nại, khởi kiện theo quy định.
""",
        },
    ),
    Article(
        slug="cuoc-goi-gia-danh-cong-an-yeu-cau-chuyen-tien",
        title="Nhận cuộc gọi xưng là công an, yêu cầu chuyển tiền để “xác minh”: phải làm gì?",
        date=date(2026, 8, 21),
        summary=(
            "Cơ quan công an không yêu cầu người dân chuyển tiền qua điện thoại. Kẻ gian giả "
            "danh để lừa đảo chiếm đoạt tài sản – một tội phạm theo Bộ luật Hình sự."
        ),
        fields=("Hình sự", "An ninh trật tự", "Bảo vệ dữ liệu cá nhân"),
        audiences=("nguoi-cao-tuoi", "nguoi-dan", "phu-nu"),
        citations=(c(HINH_SU, "174"), c(DU_LIEU)),
        attrs={
            "situation": """
Bà K, 68 tuổi, nhận được cuộc gọi của một người xưng là cán bộ công an. Người này đọc đúng họ tên, số căn cước của bà, nói tài khoản ngân hàng của bà "liên quan đến một đường dây rửa tiền" và yêu cầu bà chuyển toàn bộ tiền tiết kiệm vào "tài khoản tạm giữ" để xác minh, dặn không được nói với ai, nếu không sẽ bị bắt.
""",
            "question": "Bà K có nên chuyển tiền không? Nếu đã chuyển thì phải làm gì?",
            "analysis": """
**Đây là thủ đoạn lừa đảo.** Cơ quan công an, Viện kiểm sát, Tòa án làm việc với người dân bằng giấy mời, giấy triệu tập hoặc trực tiếp tại trụ sở; không yêu cầu chuyển tiền vào "tài khoản tạm giữ" qua điện thoại. Việc kẻ gian biết họ tên, số căn cước của bà K chỉ cho thấy thông tin cá nhân của bà đã bị lộ, không chứng minh họ là cán bộ thật.

**Hành vi của kẻ gian là tội phạm.** Dùng thủ đoạn gian dối để chiếm đoạt tài sản của người khác có giá trị từ 2 triệu đồng trở lên (hoặc dưới mức này trong một số trường hợp luật định) là tội lừa đảo chiếm đoạt tài sản theo Bộ luật Hình sự, có thể bị phạt tù.

**Thông tin cá nhân bị lộ.** Luật Bảo vệ dữ liệu cá nhân nghiêm cấm việc mua, bán dữ liệu cá nhân trái phép. Việc kẻ gian có được thông tin của bà K cần được báo cho cơ quan công an để điều tra.
""",
            "conclusion": """
Bà K không chuyển tiền, không cung cấp mã OTP, mật khẩu; tắt máy và gọi cho con cháu hoặc công an xã để kiểm tra. Nếu đã lỡ chuyển tiền: gọi ngay đường dây nóng của ngân hàng để đề nghị phong tỏa giao dịch, báo công an xã hoặc gọi 113, giữ lại số điện thoại, tin nhắn, biên lai chuyển tiền làm bằng chứng.
""",
        },
    ),
)

KHAI_SINH_INFOGRAPHIC = Infographic(
    title="Đồ họa: 5 bước đăng ký khai sinh cho con",
    heading="5 bước đăng ký khai sinh cho con",
    items=(
        (
            "Chuẩn bị giấy tờ",
            "Giấy chứng sinh (sinh ở nhà: văn bản của người làm chứng hoặc giấy cam đoan về "
            "việc sinh), giấy tờ tùy thân của người đi đăng ký, giấy chứng nhận kết hôn của "
            "cha mẹ nếu có.",
        ),
        (
            "Đến đúng nơi",
            "Ủy ban nhân dân xã, phường nơi cha hoặc mẹ cư trú; hoặc nộp trực tuyến trên Cổng "
            "Dịch vụ công quốc gia.",
        ),
        (
            "Điền tờ khai",
            "Ghi họ, chữ đệm, tên, ngày sinh, giới tính, dân tộc, quê quán của trẻ và thông "
            "tin của cha mẹ. Cán bộ sẽ hướng dẫn.",
        ),
        (
            "Kiểm tra, ký Sổ hộ tịch",
            "Đọc lại thông tin; người đi đăng ký cùng công chức tư pháp – hộ tịch ký vào Sổ hộ "
            "tịch.",
        ),
        (
            "Nhận Giấy khai sinh",
            "Trẻ có số định danh cá nhân. Đăng ký trong 60 ngày kể từ ngày sinh thì không mất "
            "lệ phí.",
        ),
    ),
    footer=(
        "Căn cứ: Luật Hộ tịch số 60/2014/QH13 (Điều 11, 13, 15, 16). "
        "PBGDPL Số – Sở Tư pháp tỉnh Gia Lai."
    ),
    description=(
        "Đồ họa 5 bước đăng ký khai sinh: chuẩn bị giấy tờ; đến Ủy ban nhân dân xã, phường "
        "nơi cha hoặc mẹ cư trú; điền tờ khai; ký Sổ hộ tịch; nhận Giấy khai sinh. Nội dung "
        "đầy đủ ở phần chữ bên dưới."
    ),
)

TGPL_INFOGRAPHIC = Infographic(
    title="Đồ họa: Ai được trợ giúp pháp lý miễn phí?",
    heading="Ai được trợ giúp pháp lý miễn phí?",
    items=(
        ("Người có công với cách mạng", ""),
        ("Người thuộc hộ nghèo", ""),
        ("Trẻ em", ""),
        (
            "Người dân tộc thiểu số",
            "cư trú ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn",
        ),
        ("Người bị buộc tội từ đủ 16 đến dưới 18 tuổi", ""),
        ("Người bị buộc tội thuộc hộ cận nghèo", ""),
        (
            "Người có khó khăn về tài chính thuộc một số nhóm",
            "cha mẹ, vợ, chồng, con của liệt sĩ; người nhiễm chất độc da cam; người cao tuổi; "
            "người khuyết tật; bị hại từ đủ 16 đến dưới 18 tuổi; nạn nhân bạo lực gia đình, "
            "mua bán người; người nhiễm HIV",
        ),
    ),
    footer=(
        "Căn cứ: Điều 7 Luật Trợ giúp pháp lý số 11/2017/QH14. Liên hệ Trung tâm Trợ giúp "
        "pháp lý nhà nước tỉnh hoặc công chức tư pháp – hộ tịch xã, phường."
    ),
    description=(
        "Đồ họa liệt kê bảy nhóm người được trợ giúp pháp lý miễn phí, trong đó có người "
        "thuộc hộ nghèo, trẻ em, người dân tộc thiểu số ở vùng đặc biệt khó khăn. Nội dung "
        "đầy đủ ở phần chữ bên dưới."
    ),
    colors=("#1e3a8a", "#dbeafe"),
)

RUOU_BIA_SPEECH = """
Xin chào bà con. Đây là bản tin pháp luật của Cổng phổ biến, giáo dục pháp luật tỉnh Gia Lai.

Từ ngày một tháng một năm hai nghìn không trăm hai mươi lăm, Luật Trật tự, an toàn giao thông đường bộ nghiêm cấm điều khiển xe khi trong máu hoặc hơi thở có nồng độ cồn. Chỉ cần có cồn là vi phạm.

Người đi xe máy có nồng độ cồn có thể bị phạt từ hai triệu đến mười triệu đồng, bị trừ điểm hoặc bị tước giấy phép lái xe. Người lái ô tô có thể bị phạt đến bốn mươi triệu đồng.

Nếu gây tai nạn, người lái xe còn phải bồi thường thiệt hại và có thể bị truy cứu trách nhiệm hình sự.

Vì vậy, bà con hãy nhớ: đã uống rượu, bia thì không lái xe. Hãy nhờ người không uống đưa về, hoặc gọi xe. Và đừng ép người khác uống khi họ còn phải lái xe.

Cảm ơn bà con đã lắng nghe.
"""

MEDIA = (
    Article(
        slug="do-hoa-5-buoc-dang-ky-khai-sinh",
        title="Đồ họa: 5 bước đăng ký khai sinh cho con",
        date=date(2025, 8, 20),
        summary=(
            "Năm bước đơn giản để đăng ký khai sinh cho con tại xã, phường: chuẩn bị giấy tờ, "
            "đến đúng nơi, điền tờ khai, ký Sổ hộ tịch và nhận Giấy khai sinh."
        ),
        fields=("Hộ tịch",),
        audiences=("tre-em", "dong-bao-dan-toc-thieu-so", "nguoi-dan"),
        citations=(c(HO_TICH, "13"), c(HO_TICH, "15"), c(HO_TICH, "16"), c(HO_TICH, "11")),
        attrs={"media_kind": "infographic", "infographic": KHAI_SINH_INFOGRAPHIC},
        body="""
Đồ họa này tóm tắt thủ tục đăng ký khai sinh để bà con dễ nhớ, có thể in ra dán ở nhà văn hóa thôn, trạm y tế hoặc chia sẻ qua điện thoại. Bài hướng dẫn đầy đủ có trong chuyên mục Hướng dẫn pháp luật.
""",
    ),
    Article(
        slug="nghe-da-uong-ruou-bia-thi-khong-lai-xe",
        title="Nghe: Đã uống rượu, bia thì không lái xe",
        date=date(2026, 2, 5),
        summary=(
            "Bản tin âm thanh ngắn nhắc bà con quy định cấm lái xe khi có nồng độ cồn và mức "
            "xử phạt, phù hợp phát trên loa truyền thanh thôn, làng."
        ),
        fields=("Giao thông vận tải",),
        audiences=("nguoi-dan", "nong-dan", "dong-bao-dan-toc-thieu-so"),
        citations=(c(TTATGT, "9", "khoản 2"), c(ND_GIAO_THONG)),
        attrs={
            "media_kind": "audio",
            "speech": "Bản tin âm thanh: Đã uống rượu, bia thì không lái xe",
            "transcript": RUOU_BIA_SPEECH,
        },
        body="""
Bản tin được tạo bằng giọng đọc máy, có thể tải về để phát trên hệ thống loa truyền thanh của xã, phường hoặc thôn, làng. Toàn bộ lời đọc được ghi ở phần Lời thoại.
""",
    ),
    Article(
        slug="do-hoa-ai-duoc-tro-giup-phap-ly-mien-phi",
        title="Đồ họa: Ai được trợ giúp pháp lý miễn phí?",
        date=date(2025, 7, 25),
        summary=(
            "Bảy nhóm người được Nhà nước trợ giúp pháp lý không mất tiền theo Luật Trợ giúp "
            "pháp lý, trình bày trên một trang để dễ in và chia sẻ."
        ),
        fields=("Trợ giúp pháp lý",),
        audiences=("dong-bao-dan-toc-thieu-so", "nguoi-khuyet-tat", "nguoi-cao-tuoi"),
        citations=(c(TGPL, "7"),),
        attrs={"media_kind": "infographic", "infographic": TGPL_INFOGRAPHIC},
        body="""
Nếu bạn hoặc người thân thuộc một trong các nhóm trên và đang gặp vướng mắc pháp luật, hãy liên hệ Trung tâm Trợ giúp pháp lý nhà nước tỉnh. Bài hướng dẫn chi tiết về hồ sơ, cách yêu cầu trợ giúp có trong chuyên mục Hướng dẫn pháp luật.
""",
    ),
)

PUBLISHER = "Sở Tư pháp tỉnh Gia Lai"

HANDBOOKS = (
    Article(
        slug="so-tay-hon-nhan-gia-dinh-cho-dong-bao-dan-toc-thieu-so",
        title="Sổ tay pháp luật về hôn nhân và gia đình cho đồng bào dân tộc thiểu số",
        date=date(2025, 12, 5),
        summary=(
            "Sổ tay hỏi – đáp ngắn gọn về tuổi kết hôn, đăng ký kết hôn, những trường hợp cấm "
            "kết hôn, quyền bình đẳng của vợ chồng và cách phòng, chống bạo lực gia đình."
        ),
        fields=("Hôn nhân và gia đình", "Dân tộc", "Phòng, chống bạo lực gia đình"),
        audiences=("dong-bao-dan-toc-thieu-so", "phu-nu"),
        citations=(c(HNGD, "8"), c(HNGD, "9"), c(HNGD, "5"), c(HNGD, "17"), c(BLGD, "3")),
        attrs={"handbook_kind": "handbook", "publisher": PUBLISHER, "year": 2025, "docx": True},
        body="""
Sổ tay này dành cho cán bộ thôn, làng, tuyên truyền viên pháp luật, già làng, người có uy tín và bà con đồng bào dân tộc thiểu số. Nội dung viết theo lối hỏi – đáp, dùng từ ngữ giản dị để dễ đọc cho nhau nghe trong các buổi sinh hoạt ở nhà rông, nhà văn hóa.

## 1. Bao nhiêu tuổi thì được kết hôn?
Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi. Việc kết hôn do hai người tự nguyện quyết định, không ai được ép buộc hay ngăn cản. Lấy vợ, lấy chồng khi chưa đủ tuổi là tảo hôn, bị pháp luật cấm.

## 2. Vì sao phải đăng ký kết hôn?
Việc kết hôn phải được đăng ký tại Ủy ban nhân dân xã, phường. Nếu chỉ làm lễ cưới theo phong tục mà không đăng ký thì pháp luật không công nhận là vợ chồng; khi có chuyện về tài sản, con cái, quyền lợi của người vợ và con dễ bị thiệt thòi. Đăng ký kết hôn không mất lệ phí.

## 3. Những trường hợp nào không được kết hôn?
- Kết hôn giả tạo; tảo hôn; ép buộc, lừa dối, cản trở kết hôn.
- Người đang có vợ, có chồng mà kết hôn hoặc chung sống như vợ chồng với người khác.
- Kết hôn giữa những người cùng dòng máu về trực hệ, giữa những người có họ trong phạm vi ba đời.
- Kết hôn giữa cha mẹ nuôi với con nuôi, cha chồng với con dâu, mẹ vợ với con rể, cha dượng với con riêng của vợ, mẹ kế với con riêng của chồng.
- Đòi hỏi của cải quá đáng làm điều kiện để kết hôn (thách cưới) cũng là hành vi bị cấm.

## 4. Vợ chồng có bình đẳng không?
Có. Vợ, chồng bình đẳng với nhau, có quyền và nghĩa vụ ngang nhau về mọi mặt trong gia đình: cùng bàn bạc việc làm ăn, cùng nuôi dạy con, cùng quyết định tài sản chung. Con gái và con trai có quyền như nhau, kể cả quyền hưởng thừa kế.

## 5. Bị bạo lực gia đình thì làm gì?
Đánh đập, chửi bới, xúc phạm, đuổi ra khỏi nhà, kiểm soát tiền bạc, ép quan hệ tình dục đều là bạo lực gia đình. Người bị bạo lực hoặc người chứng kiến hãy báo cho trưởng thôn, công an xã, Hội Liên hiệp Phụ nữ; trường hợp khẩn cấp gọi 113. Nạn nhân có khó khăn về tài chính được trợ giúp pháp lý miễn phí.

! Ghi nhớ
Đủ tuổi mới cưới – đăng ký kết hôn – không kết hôn cận huyết – vợ chồng bình đẳng – nói không với bạo lực gia đình.
""",
    ),
    Article(
        slug="to-gap-hoa-giai-o-co-so-hoi-dap",
        title="Tờ gấp: Hòa giải ở cơ sở – hỏi và đáp",
        date=date(2025, 10, 20),
        summary=(
            "Tờ gấp giải thích hòa giải ở cơ sở là gì, việc nào được hòa giải, ai là hòa giải "
            "viên và hòa giải thành hay không thành thì sao."
        ),
        fields=("Tư pháp", "Dân sự"),
        audiences=("nguoi-dan", "can-bo-cong-chuc"),
        citations=(
            c(HOA_GIAI, "2"),
            c(HOA_GIAI, "3"),
            c(HOA_GIAI, "4"),
            c(HOA_GIAI, "7"),
            c(HOA_GIAI, "24"),
            c(HOA_GIAI, "27"),
        ),
        attrs={"handbook_kind": "leaflet", "publisher": PUBLISHER, "year": 2025, "docx": True},
        body="""
## Hòa giải ở cơ sở là gì?
Là việc hòa giải viên ở thôn, làng, tổ dân phố hướng dẫn, giúp đỡ các bên tự nguyện thỏa thuận để giải quyết mâu thuẫn, tranh chấp với nhau. Hòa giải giúp giữ tình làng nghĩa xóm, tiết kiệm thời gian, tiền bạc và hạn chế việc kéo nhau ra tòa.

## Những việc nào được hòa giải?
Phần lớn các mâu thuẫn, tranh chấp trong đời sống hằng ngày: ranh giới đất, lối đi, nước tưới, vay mượn tiền, mâu thuẫn giữa vợ chồng, giữa các thành viên gia đình, giữa hàng xóm.

**Không hòa giải ở cơ sở** đối với: tranh chấp xâm phạm lợi ích của Nhà nước, lợi ích công cộng; vi phạm pháp luật phải bị xử lý hình sự hoặc xử lý vi phạm hành chính; các việc về hôn nhân và gia đình, giao dịch dân sự mà pháp luật tố tụng dân sự không cho hòa giải; và các trường hợp khác pháp luật không cho hòa giải ở cơ sở.

## Hòa giải theo những nguyên tắc nào?
- Tôn trọng sự tự nguyện, không ép buộc các bên.
- Khách quan, công bằng, có lý, có tình; giữ bí mật đời tư của các bên.
- Quan tâm đến quyền lợi của trẻ em, phụ nữ, người khuyết tật, người cao tuổi.
- Không lợi dụng hòa giải để ngăn cản các bên bảo vệ quyền lợi của mình hoặc để trốn tránh việc xử lý vi phạm.

## Ai là hòa giải viên?
Là người thường trú ở thôn, tổ dân phố, tự nguyện tham gia, có đạo đức tốt, có uy tín, có khả năng thuyết phục và hiểu biết pháp luật; được bà con bầu ra và Chủ tịch Ủy ban nhân dân xã, phường công nhận. Các bên không phải trả tiền khi được hòa giải.

## Hòa giải thành thì sao?
Các bên đạt được thỏa thuận và có trách nhiệm thực hiện. Các bên có thể lập văn bản hòa giải thành, ghi rõ thỏa thuận, cách thức và thời hạn thực hiện, có chữ ký hoặc điểm chỉ của các bên và hòa giải viên. Khi cần, các bên có thể yêu cầu Tòa án công nhận kết quả hòa giải thành theo pháp luật tố tụng dân sự.

## Hòa giải không thành thì sao?
Các bên có quyền yêu cầu tiếp tục hòa giải hoặc đề nghị cơ quan, tổ chức có thẩm quyền giải quyết theo quy định của pháp luật.

! Liên hệ
Tổ trưởng tổ hòa giải ở thôn, tổ dân phố hoặc công chức tư pháp – hộ tịch của xã, phường.
""",
    ),
    Article(
        slug="to-gap-phong-tranh-lua-dao-qua-mang",
        title="Tờ gấp: Phòng tránh lừa đảo qua mạng, giữ an toàn thông tin cá nhân",
        date=date(2026, 9, 5),
        summary=(
            "Nhận diện các thủ đoạn lừa đảo qua điện thoại, mạng xã hội thường gặp; sáu điều "
            "cần nhớ và những việc cần làm ngay khi bị lừa."
        ),
        fields=("Hình sự", "Bảo vệ dữ liệu cá nhân", "An ninh trật tự"),
        audiences=("nguoi-cao-tuoi", "hoc-sinh-sinh-vien", "nguoi-dan"),
        citations=(c(HINH_SU, "174"), c(DU_LIEU)),
        attrs={"handbook_kind": "leaflet", "publisher": PUBLISHER, "year": 2026, "docx": True},
        body="""
## Những thủ đoạn thường gặp
- Giả danh công an, Viện kiểm sát, Tòa án gọi điện báo bạn "liên quan đến vụ án", yêu cầu chuyển tiền để "xác minh".
- Giả danh nhân viên ngân hàng, điện lực, nhà mạng đề nghị "cập nhật thông tin", gửi đường link lạ để lấy mật khẩu, mã OTP.
- Tuyển "cộng tác viên online", "việc nhẹ lương cao": lúc đầu trả thưởng nhỏ, sau yêu cầu nạp tiền ngày càng lớn.
- Báo trúng thưởng, tặng quà, yêu cầu nộp "phí nhận thưởng".
- Cho vay tiền qua ứng dụng với lãi suất rất cao, đòi nợ bằng cách bôi nhọ, làm phiền người thân.
- Giả làm người thân, bạn bè (kể cả giả giọng nói, hình ảnh) nhắn tin vay tiền gấp.
- "Hỗ trợ lấy lại tiền bị lừa" – thực chất là lừa thêm lần nữa.

## Sáu điều cần nhớ
1. Cơ quan nhà nước không yêu cầu chuyển tiền qua điện thoại.
2. Không bấm vào đường link lạ, không cài ứng dụng theo hướng dẫn của người lạ.
3. Không cho ai biết mật khẩu, mã OTP.
4. Không gửi ảnh thẻ căn cước, giấy tờ cá nhân cho người không quen biết.
5. Người thân hỏi vay tiền gấp: gọi lại bằng số điện thoại quen thuộc để kiểm tra.
6. Việc "quá dễ kiếm tiền" hầu như luôn là lừa đảo.

## Khi đã bị lừa
- Gọi ngay đường dây nóng của ngân hàng để đề nghị phong tỏa giao dịch.
- Báo công an xã, phường hoặc gọi 113; mang theo điện thoại, tin nhắn, biên lai chuyển tiền.
- Đổi mật khẩu các tài khoản, báo cho người thân để cảnh giác.

Lừa đảo chiếm đoạt tài sản là tội phạm theo Bộ luật Hình sự. Mua, bán dữ liệu cá nhân trái phép bị Luật Bảo vệ dữ liệu cá nhân nghiêm cấm.
""",
    ),
    Article(
        slug="hoi-dap-luat-dat-dai-2024-cho-nong-dan",
        title="Hỏi – đáp Luật Đất đai năm 2024 cho bà con nông dân",
        date=date(2025, 10, 15),
        summary=(
            "Tài liệu hỏi – đáp về cấp giấy chứng nhận, mua bán, tặng cho quyền sử dụng đất "
            "và giải quyết tranh chấp đất đai theo Luật Đất đai năm 2024."
        ),
        fields=("Đất đai", "Nông nghiệp"),
        audiences=("nong-dan", "dong-bao-dan-toc-thieu-so"),
        citations=(c(DAT_DAI, "137"), c(DAT_DAI, "138"), c(ND_DANG_KY_DAT)),
        attrs={"handbook_kind": "booklet", "publisher": PUBLISHER, "year": 2025, "docx": True},
        body="""
## Luật Đất đai năm 2024 có hiệu lực từ khi nào?
Luật Đất đai số 31/2024/QH15 có hiệu lực từ ngày 01/8/2024, thay thế Luật Đất đai năm 2013.

## Đất có giấy tờ cũ thì có được cấp giấy chứng nhận không?
Có. Người đang sử dụng đất có một trong các giấy tờ về quyền sử dụng đất theo quy định (giấy tờ giao đất trước đây, giấy tờ mua bán, thừa kế, tặng cho có xác nhận, sổ sách địa chính có tên mình…) được xem xét cấp giấy chứng nhận.

## Đất không có giấy tờ thì sao?
Người sử dụng đất ổn định, không vi phạm pháp luật về đất đai, không có tranh chấp và phù hợp quy hoạch vẫn có thể được cấp giấy chứng nhận; đất sử dụng trước ngày 01/7/2014 được xem xét theo luật mới. Tùy thời điểm sử dụng, có thể phải nộp tiền sử dụng đất.

## Mua bán đất bằng giấy viết tay có an toàn không?
Không an toàn. Hợp đồng chuyển nhượng, tặng cho, thế chấp quyền sử dụng đất phải được công chứng hoặc chứng thực (trừ một số trường hợp luật quy định) và phải đăng ký tại cơ quan đăng ký đất đai. Trước khi đặt cọc, hãy kiểm tra thông tin thửa đất tại cơ quan đăng ký đất đai.

## Cha mẹ muốn cho con đất thì làm thế nào?
Cha mẹ và con lập hợp đồng tặng cho quyền sử dụng đất, công chứng hoặc chứng thực, rồi nộp hồ sơ đăng ký biến động để sang tên. Tặng cho bất động sản giữa cha mẹ đẻ và con đẻ được miễn thuế thu nhập cá nhân.

## Tranh chấp đất với hàng xóm thì giải quyết ở đâu?
Nhà nước khuyến khích các bên tự hòa giải hoặc hòa giải ở cơ sở. Trước khi đề nghị cơ quan có thẩm quyền giải quyết, tranh chấp đất đai được hòa giải tại Ủy ban nhân dân xã, phường nơi có đất. Nếu hòa giải không thành, các bên đề nghị cơ quan có thẩm quyền hoặc Tòa án giải quyết theo quy định.

! Lưu ý
Giấy chứng nhận đã cấp theo luật cũ vẫn có giá trị. Mọi khoản tiền phải nộp đều có biên lai, chứng từ; không nhờ người trung gian "chạy" hồ sơ.
""",
    ),
)

SECTIONS = (
    Section(
        slug="tin-tuc",
        title="Tin tức – sự kiện",
        intro="Tin hoạt động phổ biến, giáo dục pháp luật, thông báo và sự kiện pháp luật trong tỉnh.",
        model=NewsPage,
        kind="section",
        articles=NEWS,
    ),
    Section(
        slug="huong-dan-phap-luat",
        title="Hướng dẫn pháp luật",
        intro=(
            "Giải thích quy định pháp luật gần với đời sống bằng lời lẽ dễ hiểu, có ghi rõ văn "
            "bản và điều luật làm căn cứ."
        ),
        model=GuidancePage,
        kind="section",
        articles=GUIDANCE,
    ),
    Section(
        slug="tinh-huong-phap-luat",
        title="Tình huống pháp luật",
        intro=(
            "Những tình huống thường gặp trong cuộc sống: tình huống, câu hỏi, phân tích theo "
            "quy định pháp luật và lời khuyên."
        ),
        model=LegalCasePage,
        kind="section",
        articles=CASES,
    ),
    Section(
        slug="da-phuong-tien",
        title="Video, âm thanh, đồ họa",
        intro=(
            "Bản tin âm thanh, video và đồ họa thông tin về pháp luật, kèm toàn bộ nội dung "
            "bằng chữ cho người không xem, không nghe được."
        ),
        model=MediaPage,
        kind="section",
        articles=MEDIA,
    ),
    Section(
        slug="tu-sach-phap-luat",
        title="Tủ sách pháp luật",
        intro=(
            "Sổ tay, tờ gấp và tài liệu pháp luật để đọc trực tuyến, tải về in ấn hoặc chỉnh "
            "sửa cho phù hợp với địa phương."
        ),
        model=HandbookPage,
        kind="bookshelf",
        articles=HANDBOOKS,
    ),
)

# ----------------------------------------------------------------------------- English
TRANSLATIONS_EN = (
    Translation(
        path=(),
        slug="home",
        title="Legal dissemination and education portal",
        intro=(
            "Look up the law, ask legal questions and take part in legal quizzes: fast, "
            "accurate and for everyone."
        ),
        body="""
## About this portal
The Department of Justice of Gia Lai province runs this portal so that residents and businesses can find the law quickly and understand it: news of legal education activities, guidance in plain words, everyday legal cases, audio, video and infographics, and a legal bookshelf to download.

Every article names the legal documents and articles it relies on; select a document number to read the full text in the legal library. Most content is in Vietnamese; a selection of articles is translated into English, and Jrai content is being prepared by translators.

The content shown now is demo data: the news items are illustrative, the guidance explains the law in force.
""",
    ),
    Translation(
        path=("tin-tuc",),
        slug="news",
        title="News and events",
        intro="News of legal dissemination and education activities, notices and legal events in the province.",
    ),
    Translation(
        path=("huong-dan-phap-luat",),
        slug="legal-guidance",
        title="Legal guidance",
        intro=(
            "Everyday legal rules explained in plain words, each naming the documents and "
            "articles it relies on."
        ),
    ),
    Translation(
        path=("tinh-huong-phap-luat",),
        slug="legal-cases",
        title="Legal cases",
        intro=(
            "Common situations from everyday life: the facts, the question, an analysis under "
            "the law and practical advice."
        ),
    ),
    Translation(
        path=("tin-tuc", "huong-ung-ngay-phap-luat-9-11-2026"),
        slug="vietnam-law-day-2026",
        title="Gia Lai celebrates Vietnam Law Day, 9 November 2026",
        summary=(
            "Activities across the province mark Law Day: a round table on building a culture "
            "of respect for the law, law festivals in schools and online legal Q&A on the portal."
        ),
        body="""
Every year, 9 November is the Law Day of the Socialist Republic of Viet Nam. The Law on Legal Dissemination and Education makes it a day to honour the Constitution and the law and to strengthen everyone's respect for the law. This year, departments and the communes and wards of the province organised activities that bring the law closer to people.

## A round table on respect for the law
At a round table organised by the Department of Justice, representatives of public bodies, businesses and mass organisations discussed practical steps: write short texts in everyday words, offer spoken versions for older and blind readers, and provide content in ethnic minority languages. A representative of the Department pointed out that every guidance article on the portal names the legal provisions it relies on, so readers can check them.

## Law festivals in schools
Many secondary schools held a "law festival" with quizzes and short plays about road safety, school violence and staying safe online. Students played offenders, traffic police and mediators to understand why the law says what it says.

## Online legal Q&A
During the Law Day week, residents sent questions through the portal's Legal Q&A; answers are approved by the competent authority before they are published. Most questions concerned land, civil status registration, labour and traffic fines.
""",
    ),
    Translation(
        path=("tin-tuc", "tro-giup-phap-ly-luu-dong-tai-lang-jrai"),
        slug="mobile-legal-aid-in-a-jrai-village",
        title="Mobile legal aid in a Jrai village",
        summary=(
            "Legal aid officers and the commune's justice officer came to the village to give "
            "free advice on land, civil status and family matters; a respected villager "
            "interpreted into Jrai."
        ),
        body="""
On Saturday morning the village communal house was busier than usual. A mobile legal aid team, made up of legal aid officers of the provincial State Legal Aid Centre and the commune's justice and civil status officer, came to the village to listen to residents and advise them free of charge.

## What did people ask?
Many questions were about swidden land without a land-use certificate, boundaries between families' plots, registering the birth of children born at home and registering marriages. Some women asked about their rights when their husbands often drink and quarrel at home. The village elder and another respected member of the community interpreted into Jrai so that everyone could follow each answer.

## Who is entitled to free legal aid?
Under the Law on Legal Aid, ethnic minority people living in areas with especially difficult socio-economic conditions, members of poor households, children, people with merit to the revolution and some other groups receive legal aid free of charge. Legal aid takes the form of legal advice, participation in court proceedings or representation outside the courts.

Cases that need follow-up were recorded, with a further meeting arranged at the commune People's Committee. Some children without a birth certificate were helped to start the registration on the spot.
""",
    ),
    Translation(
        path=("huong-dan-phap-luat", "dang-ky-khai-sinh-cho-con"),
        slug="registering-a-childs-birth",
        title="Registering your child's birth: where to go and what to bring",
        summary=(
            "Parents must register their child's birth within 60 days of the birth. This guide "
            "explains where to go, what to bring, the fee, and what to do when a child was born "
            "at home without a birth certificate from a health facility."
        ),
        body="""
The birth certificate is the first civil status document of every person. Once the birth is registered, the child receives a personal identification number and health insurance, can go to school and can later complete other procedures. Registering the birth on time is the child's right and the parents' duty.

## Who registers, and by when?
Within 60 days of the birth, the father or the mother must register the child's birth. If the parents cannot do it, a grandparent, another relative or the person caring for the child registers it.

The commune's justice and civil status officer follows up on birth registration in the commune. Where travel is difficult, the commune may register births on the spot in villages.

## Where?
At the People's Committee of the commune or ward where the father or the mother resides (the one-stop desk). Parents who use a smartphone can apply online on the National Public Service Portal, and may at the same time register the child's permanent residence and health insurance card for children under six.

## What to bring
- The birth registration form (available at the desk; the officer will help you fill it in).
- The certificate of birth issued by the hospital or health station where the child was born.
- An identity document with a photo of the person registering, such as the citizen identity card, to show.
- The parents' marriage certificate, if they are married.

## Born at home, without a certificate of birth?
Instead of the certificate, bring a written confirmation of the birth by a witness, such as the person who helped with the delivery. If there is no witness, make a written declaration of the birth. Only write what is true: a false declaration breaks the law.

## Fees and timing
Registering the birth of a Vietnamese citizen residing in Viet Nam on time is free of charge. Once the papers are complete and correct, the officer records the birth in the civil status register and the databases so that the child receives a personal identification number; the person registering signs the register and receives the birth certificate.

! Remember
- Register within 60 days of the birth, in the commune or ward where the father or mother resides.
- Bring the certificate of birth; for a home birth, a witness's confirmation.
- Registration on time is free.
- Late registration is still required: do not wait, the child needs the certificate for health insurance and school.
""",
    ),
    Translation(
        path=("huong-dan-phap-luat", "da-uong-ruou-bia-thi-khong-lai-xe"),
        slug="no-driving-after-drinking",
        title="If you have been drinking, do not drive: the rule and the fines",
        summary=(
            "The Law on Road Traffic Order and Safety forbids driving with any alcohol in the "
            "blood or breath. Motorcyclists may be fined up to 10 million dong and car drivers "
            "up to 40 million dong, with points deducted or the licence withdrawn."
        ),
        body="""
Holidays, Tết and the wedding season are when many people drink and then ride or drive home. Alcohol slows reactions and weakens attention and judgement; it is one of the main causes of serious road accidents.

## What the law forbids
The Law on Road Traffic Order and Safety of 2024, in force since 1 January 2025, forbids driving any vehicle on the road with alcohol in the blood or breath. In other words, **any alcohol is an offence**: there is no "small amount" that is allowed.

## Fines for motorcyclists
Decree 168/2024/NĐ-CP sets three levels by the alcohol concentration measured:
- Up to 50 mg per 100 ml of blood or up to 0.25 mg per litre of breath: a fine of 2 to 3 million dong and 4 points off the driving licence.
- Over 50 up to 80 mg per 100 ml of blood or over 0.25 up to 0.4 mg per litre of breath: a fine of 6 to 8 million dong and 10 points off the licence.
- Over 80 mg per 100 ml of blood or over 0.4 mg per litre of breath: a fine of 8 to 10 million dong and the licence withdrawn for 22 to 24 months.

## Fines for car drivers
At the same three levels, car drivers are fined 6 to 8 million, 18 to 20 million and 30 to 40 million dong respectively, with points deducted or the licence withdrawn. The vehicle may also be impounded to stop the offence.

## More than a fine
A driver who causes an accident that injures or kills someone must also pay compensation and may face criminal charges.

! Stay safe
- If you have been drinking, leave the vehicle and get a lift or call a taxi.
- Do not press others to drink when they still have to drive.
- After an evening of drinking, there may still be alcohol in your body the next morning.
""",
    ),
    Translation(
        path=("tinh-huong-phap-luat", "con-gai-16-tuoi-gia-dinh-muon-to-chuc-cuoi"),
        slug="a-16-year-old-daughters-wedding",
        title="Our daughter is 16 and the families want a wedding: is it allowed?",
        summary=(
            "A woman under 18 may not marry. Organising the marriage of someone under the "
            "marriageable age is child marriage: it is fined, and repeating it after a fine can "
            "be a crime."
        ),
        attrs={
            "situation": """
Y, a 16-year-old girl in year 10, is in love with a 19-year-old young man from her village. Seeing that the two care for each other, both families plan a customary wedding so that Y can move to her husband's family after the harvest; they would "register the marriage later, once they are old enough".
""",
            "question": ("May the families hold the wedding? If they go ahead, who is liable?"),
            "analysis": """
**The marriageable age.** The Law on Marriage and Family of 2014 allows men to marry from the age of 20 and women from the age of 18. Y is 16 and the young man is 19: neither has reached the marriageable age.

**This is child marriage.** Taking a wife or husband when one or both are under the marriageable age is child marriage, which the law forbids. Holding only a customary ceremony without registering the marriage does not change this: the two would still live together as husband and wife before they are of age.

**Who is liable?** Whoever organises the marriage of someone under age (usually the parents on both sides) can be fined under Decree 82/2020/NĐ-CP. Someone who does it again after being fined can be prosecuted for the crime of organising child marriage under the Criminal Code.

**The consequences for the young couple.** Y risks leaving school; a pregnancy before her body is fully developed carries higher risks. A child born to parents who have not registered their marriage faces more difficulty with documents.
""",
            "conclusion": """
The families may not hold the wedding now. They should let the two continue their studies and work; when Y is 18 and the young man is 20, if they still freely wish to marry, they register the marriage at the commune People's Committee and then hold the customary wedding. The village head, the elders and the commune's justice officer can help explain this to both families.
""",
        },
    ),
)

JRAI_HOME = Translation(
    path=(),
    slug="jrai",
    title="Cổng phổ biến, giáo dục pháp luật – Jrai",
    intro=(
        "Nội dung tiếng Jrai đang được biên dịch viên chuẩn bị. "
        "Jrai content is being prepared by translators."
    ),
    body="""
## Nội dung tiếng Jrai đang được chuẩn bị
Sở Tư pháp tỉnh Gia Lai đang phối hợp với các biên dịch viên, người có uy tín trong cộng đồng để chuyển các bài hướng dẫn pháp luật sang tiếng Jrai. Trong thời gian này, mời bà con đọc các bài viết bằng tiếng Việt trên trang chủ; có thể nghe bản đọc của từng bài.

## Jrai content is being prepared
The Department of Justice of Gia Lai province is working with translators and respected members of the community to translate its legal guidance into Jrai. Meanwhile, please read the articles in Vietnamese on the home page, where most articles can also be listened to, or the selection of articles in English.
""",
)
