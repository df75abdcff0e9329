"""The đề mục pages of the Bộ pháp điển điện tử (phapdien.moj.gov.vn export).

A page holds, in order: an ``<h3>`` with "Đề mục 41.2" and the đề mục name, then a flat
run of paragraphs marked by class -- ``pChuong`` (Phần/Chương/Mục/Tiểu mục headings,
label and title on two paragraphs), ``pDieu`` (an article heading "Điều 41.2.NĐ.1. Tên"),
``pGhiChu`` (the citation of its source provision), ``pNoiDung`` (the body) and
``pChiDan`` (related articles).

The body markup is messy: ``p.pNoiDung`` wraps nested ``<p>`` and some bodies hold broken
tables, so an HTML parser run over the whole page nests later articles inside earlier
ones. The page is therefore cut on the raw class markers first, and each piece is turned
into text on its own.
"""

import lzma
import re
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pbgdpl.core.text import normalize

from ._errors import ParseError
from ._html import html_block_lines, html_inline_text
from .citation import Citation, citation_parse_html

__all__ = [
    "TOPIC_NAMES",
    "PhapDienArticle",
    "PhapDienPage",
    "phapdien_iter_pages",
    "phapdien_parse_page",
]

# The 45 chủ đề of the Bộ pháp điển, by number (checked against the đề mục names found
# under each number in the 2024 export).
TOPIC_NAMES: dict[int, str] = {
    1: "An ninh quốc gia",
    2: "Bảo hiểm",
    3: "Bưu chính, viễn thông",
    4: "Bổ trợ tư pháp",
    5: "Cán bộ, công chức, viên chức",
    6: "Chính sách xã hội",
    7: "Công nghiệp",
    8: "Dân số, gia đình, trẻ em, bình đẳng giới",
    9: "Dân sự",
    10: "Dân tộc",
    11: "Đất đai",
    12: "Doanh nghiệp, hợp tác xã",
    13: "Giáo dục, đào tạo",
    14: "Giao thông, vận tải",
    15: "Hành chính tư pháp",
    16: "Hình sự",
    17: "Kế toán, kiểm toán",
    18: "Khiếu nại, tố cáo",
    19: "Khoa học, công nghệ",
    20: "Lao động",
    21: "Môi trường",
    22: "Ngân hàng, tiền tệ",
    23: "Ngoại giao, điều ước quốc tế",
    24: "Nông nghiệp, nông thôn",
    25: "Quốc phòng",
    26: "Tài chính",
    27: "Tài nguyên",
    28: "Tài sản công, nợ công, dự trữ nhà nước",
    29: "Thi đua, khen thưởng, các danh hiệu vinh dự nhà nước",
    30: "Thi hành án",
    31: "Thống kê",
    32: "Thông tin, báo chí, xuất bản",
    33: "Thuế, phí, lệ phí, các khoản thu khác",
    34: "Thương mại, đầu tư, chứng khoán",
    35: "Tổ chức bộ máy nhà nước",
    36: "Tổ chức chính trị - xã hội, hội",
    37: "Tố tụng và các phương thức giải quyết tranh chấp",
    38: "Tôn giáo, tín ngưỡng",
    39: "Trật tự, an toàn xã hội",
    40: "Tương trợ tư pháp",
    41: "Văn hóa, thể thao, du lịch",
    42: "Văn thư, lưu trữ",
    43: "Xây dựng, nhà ở, đô thị",
    44: "Xây dựng pháp luật và thi hành pháp luật",
    45: "Y tế, dược",
}


@dataclass
class PhapDienArticle:
    """One article of a đề mục page.

    ``code``: "41.2.NĐ.1"; ``anchor``: the digits of the ``<a name>`` of its heading ('' if
    none); ``heading``: "Phạm vi điều chỉnh" ('' when only the code is printed);
    ``chapter``: the current "Chương I. NHỮNG QUY ĐỊNH CHUNG" ('' before any chapter);
    ``body``: plain text, one paragraph or table row per line (cells joined by " | "),
    each line normalized, no empty lines ('' for an empty body); ``citation``: the source
    provision, None when the page prints none; ``related``: the "(Điều này có nội dung
    liên quan đến ...)" notes after the article, normalized; ``position``: 1-based order
    in the page. ``headings``: the whole heading path in force (Phần, Chương, Mục, Tiểu
    mục, each "label. TITLE"); ``related_codes``: the article codes the notes link to.
    """

    code: str
    anchor: str
    heading: str
    chapter: str
    body: str
    citation: Citation | None
    related: list[str]
    position: int
    headings: list[str] = field(default_factory=list)
    related_codes: list[str] = field(default_factory=list)


@dataclass
class PhapDienPage:
    """One đề mục page. ``uuid`` identifies the page (the same đề mục number occurs on
    more than one page: superseded đề mục marked "(loại bỏ)" keep their number);
    ``subject_number``: "41.2"; ``topic_number``: 41; ``name``: the đề mục name;
    ``articles`` in page order (empty for a page with no content).
    ``heading_related``: (heading, note) pairs for the "(Chương này có nội dung liên quan
    đến ...)" notes printed under a heading rather than an article."""

    uuid: str
    subject_number: str
    topic_number: int
    name: str
    articles: list[PhapDienArticle]
    heading_related: list[tuple[str, str]] = field(default_factory=list)


_MARKER_RE = re.compile(
    r"""<p\s+class\s*=\s*["']p(Dieu|GhiChu|NoiDung|Chuong|ChiDan)["']\s*>""", re.I
)
_H3_RE = re.compile(r"<h3\b[^>]*>(.*?)</h3\s*>", re.I | re.S)
_SUBJECT_RE = re.compile(r"^\s*Đề\s+mục\s+(\d+)\.(\d+)\s*(.*)$", re.S)
_UUID_RE = re.compile(r"ViewDanhSachVB\s*\(\s*this\s*,\s*['\"]([0-9a-fA-F-]{36})['\"]\s*\)")
_FILE_UUID_RE = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_ANCHOR_RE = re.compile(r"""^\s*<a\s+name\s*=\s*["']([^"']*)["']""", re.I)
_CODE_RE = re.compile(r"^Điều\s+(\d+\.\d+\.[^\s.]+(?:\.[^\s.]+)*)\.(?:\s+|$)(.*)$", re.S)
_RELATED_CODE_RE = re.compile(r"Điều\s+(\d+\.\d+\.[^\s.]+(?:\.[^\s.]+)*)\.")
_HEADING_LABEL_RE = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+(\S+)\.?$")
_LEVEL = {"Phần": 0, "Chương": 1, "Mục": 2, "Tiểu mục": 3}


def phapdien_parse_page(html: str, *, source: str) -> PhapDienPage:
    """Parse one đề mục page (the HTML text; a leading BOM is ignored).

    Raises :class:`ParseError` naming ``source`` and the position ("ký tự N" in ``html``,
    and "điều thứ K" for an article) when the page has no "Đề mục N.M" heading, when an
    article heading does not read "Điều <code>. ...", or when a citation, body or note
    comes before the first article heading. A page with the heading and no article is
    valid (no articles).
    """
    markers = list(_MARKER_RE.finditer(html))
    prefix_end = markers[0].start() if markers else len(html)
    h3 = _H3_RE.search(html, 0, prefix_end)
    subject = _SUBJECT_RE.match(html_inline_text(h3.group(1))) if h3 else None
    if subject is None:
        where = h3.start() if h3 else 0
        raise ParseError(source, f"ký tự {where}", 'thiếu tiêu đề "Đề mục N.M" (thẻ <h3>)')
    topic, minor, name = subject.groups()
    uuid_m = _UUID_RE.search(html, 0, prefix_end)
    if uuid_m:
        uuid = uuid_m.group(1).lower()
    else:
        file_uuid = _FILE_UUID_RE.search(Path(source).name)
        uuid = file_uuid.group().lower() if file_uuid else Path(source).stem
    page = PhapDienPage(
        uuid=uuid,
        subject_number=f"{int(topic)}.{int(minor)}",
        topic_number=int(topic),
        name=normalize(name),
        articles=[],
    )
    headings: list[tuple[int, str, str]] = []  # (level, label, title) in force
    pending_label: tuple[int, str] | None = None
    article: PhapDienArticle | None = None
    body_lines: list[str] = []
    last_kind = ""
    for i, marker in enumerate(markers):
        kind = marker.group(1).lower()
        start = marker.end()
        end = markers[i + 1].start() if i + 1 < len(markers) else len(html)
        piece = _strip_closing(html[start:end])
        position = len(page.articles)
        if kind == "dieu":
            if article is not None:
                article.body = "\n".join(body_lines)
            body_lines = []
            anchor_m = _ANCHOR_RE.match(piece)
            text = html_inline_text(piece)
            code_m = _CODE_RE.match(text)
            if code_m is None:
                raise ParseError(
                    source,
                    f"ký tự {marker.start()}, điều thứ {position + 1}",
                    f'tiêu đề điều không có dạng "Điều <mã>. <tên>": {text[:80]!r}',
                )
            if pending_label is not None:
                headings = _heading_push(headings, *pending_label, "")
                pending_label = None
            path = [_heading_text(label, title) for _, label, title in headings]
            chapter = next((_heading_text(lb, t) for lv, lb, t in headings if lv == 1), "")
            article = PhapDienArticle(
                code=code_m.group(1),
                anchor=anchor_m.group(1) if anchor_m else "",
                heading=code_m.group(2).strip(),
                chapter=chapter,
                body="",
                citation=None,
                related=[],
                position=position + 1,
                headings=path,
            )
            page.articles.append(article)
        elif kind == "chuong":
            text = html_inline_text(piece)
            label = _HEADING_LABEL_RE.match(text)
            if label is not None:
                if pending_label is not None:
                    headings = _heading_push(headings, *pending_label, "")
                pending_label = (_LEVEL[label.group(1)], text.rstrip("."))
            elif pending_label is not None:
                headings = _heading_push(headings, *pending_label, text)
                pending_label = None
            elif text:
                # A title with no label before it: a heading of its own at the lowest level.
                headings = _heading_push(headings, 4, "", text)
        elif kind == "chidan":
            text = html_inline_text(piece)
            if not text:
                pass
            elif last_kind == "chuong" or article is None:
                if pending_label is not None:
                    headings = _heading_push(headings, *pending_label, "")
                    pending_label = None
                where = _heading_text(*headings[-1][1:]) if headings else ""
                page.heading_related.append((where, text))
            else:
                article.related.append(text)
                article.related_codes.extend(_RELATED_CODE_RE.findall(text))
        else:  # ghichu, noidung
            if article is None:
                raise ParseError(
                    source,
                    f"ký tự {marker.start()}, điều thứ {position + 1}",
                    f"đoạn p{marker.group(1)} nằm trước tiêu đề điều đầu tiên",
                )
            if kind == "ghichu":
                citation = citation_parse_html(piece)
                if citation.text and article.citation is None:
                    article.citation = citation
            else:
                body_lines.extend(html_block_lines(piece))
        last_kind = kind
    if article is not None:
        article.body = "\n".join(body_lines)
    return page


def _strip_closing(piece: str) -> str:
    """The piece without the closing ``</p>``/``</div>`` tags at its end."""
    while True:
        piece = piece.rstrip()
        tail = piece[-6:].lower().replace(" ", "")
        if tail.endswith("</p>") or tail.endswith("</div>"):
            piece = piece[: piece.rfind("<")]
        else:
            return piece


def _heading_push(
    headings: list[tuple[int, str, str]], level: int, label: str, title: str
) -> list[tuple[int, str, str]]:
    """The heading path after a new heading: deeper or equal levels end."""
    return [h for h in headings if h[0] < level] + [(level, label, normalize(title))]


def _heading_text(label: str, title: str) -> str:
    if label and title:
        return f"{label}. {title}"
    return label or title


# --------------------------------------------------------------------------- files


def phapdien_iter_pages(path: str | Path) -> Iterator[tuple[str, str]]:
    """Yield ``(file name, html text)`` for every ``.html`` page, sorted by file name.

    ``path`` is a folder of pages or a ``.tar.xz``/``.tar.gz``/``.tar.bz2``/``.tar`` of
    them (at any depth inside the archive; the file name is the base name). The archive
    is read as a stream and never extracted to disk; to yield in name order its pages are
    held in memory compressed (about a tenth of their size) until all are read. Text is
    UTF-8, a BOM is dropped. Raises :class:`ParseError` when the path is missing or
    unreadable, the archive is corrupt, or a page is not UTF-8.
    """
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise ParseError(source, "", "không tìm thấy tệp hay thư mục")
    if path.is_dir():
        return _iter_folder(path)
    return _iter_tar(path)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(name, f"byte {exc.start}", "không phải văn bản UTF-8") from None


def _iter_folder(folder: Path) -> Iterator[tuple[str, str]]:
    try:
        files = sorted(
            (p for p in folder.iterdir() if p.suffix.lower() == ".html" and p.is_file()),
            key=lambda p: p.name,
        )
    except OSError as exc:
        raise ParseError(str(folder), "", f"không đọc được thư mục ({exc.strerror})") from None
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise ParseError(file.name, "", f"không đọc được tệp ({exc.strerror})") from None
        yield file.name, _decode(data, file.name)


def _iter_tar(archive: Path) -> Iterator[tuple[str, str]]:
    pages: dict[str, bytes] = {}
    try:
        with archive.open("rb") as raw, tarfile.open(fileobj=raw, mode="r|*") as tar:
            for member in tar:
                name = member.name.rsplit("/", 1)[-1]
                if not member.isfile() or not name.lower().endswith(".html"):
                    continue
                handle = tar.extractfile(member)
                if handle is None:
                    continue
                with handle:
                    pages[name] = zlib.compress(handle.read(), 1)
    except (tarfile.TarError, lzma.LZMAError, OSError, EOFError, zlib.error, ValueError) as exc:
        raise ParseError(str(archive), "", f"không đọc được tệp nén tar ({exc})") from None
    if not pages:
        raise ParseError(str(archive), "", "tệp nén không có trang .html nào")
    return _iter_stored(pages)


def _iter_stored(pages: dict[str, bytes]) -> Iterator[tuple[str, str]]:
    for name in sorted(pages):
        data = zlib.decompress(pages.pop(name))
        yield name, _decode(data, name)
