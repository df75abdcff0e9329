"""Pháp điển đề mục pages (pbgdpl.laws.parsers.phapdien): pure functions.

Short snippets in the shape of the official export, and (when ../shared/data is present)
the whole corpus, parsed once for the module.
"""

import collections
import io
import multiprocessing
import os
import tarfile
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from pbgdpl.core.text import normalize
from pbgdpl.laws.parsers import (
    TOPIC_NAMES,
    ParseError,
    phapdien_iter_pages,
    phapdien_parse_page,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PHAPDIEN = DATA / "phapdien" / "demuc.tar.xz"

UUID = "012d9b93-c11d-48b6-b08e-14d77515ca1e"
HEAD = (
    "\ufeff<link href='../lib/css/style.css' rel='stylesheet' type='text/css' />\n"
    "<h3 style='text-transform: uppercase; text-align: center; font-weight: bold'>\n"
    "    Đề mục 36.3\n    <br />\n    Thanh niên\n</h3>\n"
    "<p style='text-align: center; display: none'>(Xem Danh mục văn bản pháp điển vào đề "
    "mục: <a class='viewDSVB' href='#' onclick=\"ViewDanhSachVB(this,'" + UUID + "')\">"
    "<img src='view.png' alt='' /></a>)</p><div class='_content'>"
)
VBPL = "http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID="
ARTICLE_1 = (
    "<p class='pChuong'><a name='36003000000000001000'></a>Chương I</p>"
    "<p class='pChuong'>NHỮNG QUY ĐỊNH CHUNG</p>"
    "<p class='pDieu'><a name='3600300000000000100000100000000000000000'></a>"
    "Điều 36.3.LQ.1. Thanh niên</p>"
    f"<p class='pGhiChu'><a href='{VBPL}142850#Chuong_I_Dieu_1' target='_blank'>(Điều 1 "
    "Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 của Quốc hội, có hiệu lực thi "
    "hành kể từ ngày 01/01/2021)</a></p>"
    "<p class='pNoiDung'><p>\n\tThanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."
    "</p></p>"
    "<p class='pChiDan'>(Điều này có nội dung liên quan đến <a href='#' onclick=\""
    "ViewNoiDungPhapDien('3600300'); return false;\">Điều 36.3.NĐ.1.19. Kinh phí thực hiện "
    "chính sách đối với thanh niên xung phong</a>)</p>"
)
# A body with nested paragraphs and a table that is never closed: it must not swallow
# the next article.
ARTICLE_2 = (
    "<p class='pChuong'>Mục 1</p><p class='pChuong'>TỔ CHỨC</p>"
    "<p class='pDieu'><a name='3600300000000000100000200000000000000000'></a>"
    "Điều 36.3.LQ.2. Phạm vi điều chỉnh</p>"
    f"<p class='pGhiChu'><a href='{VBPL}142850#Chuong_I_Dieu_2' target='_blank'>(Điều 2 "
    "Luật số 57/2020/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)</a></p>"
    '<p class=\'pNoiDung\'><p style="text-align:justify"><span style="font-size:10pt">'
    "1. Mức phụ cấp&nbsp;như sau:</span></p>\n\n<table><tr><td><p>Loại</p></td>"
    "<td>Mức &amp; hệ số</td></tr><tr><td>A</td><td>0,5</p>"
)
ARTICLE_3 = (
    "<p class='pDieu'><a name='3600300000000000100000300000000000000000'></a>"
    "Điều 36.3.LQ.3.</p>"
    f"<p class='pGhiChu'><a href='{VBPL}' target='_blank'>(Điều 3 Luật số 57/2020/QH14, "
    "có hiệu lực thi hành kể từ ngày 01/01/2021)</a></p>"
    "<p class='pNoiDung'></p>"
)
CHAPTER_NOTE = (
    "<p class='pChuong'>Chương II</p><p class='pChuong'>CHÍNH SÁCH</p>"
    "<p class='pChiDan'>(Chương này có nội dung liên quan đến <a href='#'>Điều 37.10.TL.2.9. "
    "Thực hiện chế độ quản lý</a>)</p>"
    "<p class='pDieu'><a name='36003000000000002'></a>Điều 36.3.LQ.4. Chính sách</p>"
    "<p class='pNoiDung'><p>Nhà nước có chính sách.</p></p>"
)
TAIL = "</div>\n"
PAGE = HEAD + ARTICLE_1 + ARTICLE_2 + ARTICLE_3 + CHAPTER_NOTE + TAIL


def test_page_header_and_articles():
    page = phapdien_parse_page(PAGE, source=f"{UUID}.html")
    assert (page.uuid, page.subject_number, page.topic_number, page.name) == (
        UUID,
        "36.3",
        36,
        "Thanh niên",
    )
    assert [a.code for a in page.articles] == [
        "36.3.LQ.1",
        "36.3.LQ.2",
        "36.3.LQ.3",
        "36.3.LQ.4",
    ]
    assert [a.position for a in page.articles] == [1, 2, 3, 4]
    first = page.articles[0]
    assert first.anchor == "3600300000000000100000100000000000000000"
    assert first.heading == "Thanh niên"
    assert first.chapter == "Chương I. NHỮNG QUY ĐỊNH CHUNG"
    assert first.body == "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."
    assert first.citation.document_number == "57/2020/QH14"
    assert first.citation.vbpl_item_id == "142850"
    assert first.citation.effective_on == date(2021, 1, 1)
    assert first.related == [
        "(Điều này có nội dung liên quan đến Điều 36.3.NĐ.1.19. Kinh phí thực hiện chính "
        "sách đối với thanh niên xung phong)"
    ]
    assert first.related_codes == ["36.3.NĐ.1.19"]


def test_body_with_nested_paragraphs_and_a_broken_table():
    page = phapdien_parse_page(PAGE, source="page.html")
    second = page.articles[1]
    assert second.body.split("\n") == [
        "1. Mức phụ cấp như sau:",
        "Loại | Mức & hệ số",
        "A | 0,5",
    ]
    assert second.chapter == "Chương I. NHỮNG QUY ĐỊNH CHUNG"
    assert second.headings == ["Chương I. NHỮNG QUY ĐỊNH CHUNG", "Mục 1. TỔ CHỨC"]


def test_empty_body_and_heading_are_kept():
    third = phapdien_parse_page(PAGE, source="page.html").articles[2]
    assert (third.code, third.heading, third.body) == ("36.3.LQ.3", "", "")
    assert third.citation.vbpl_item_id == ""
    assert third.related == []


def test_a_note_under_a_chapter_heading_belongs_to_the_page_not_to_an_article():
    page = phapdien_parse_page(PAGE, source="page.html")
    fourth = page.articles[3]
    assert fourth.chapter == "Chương II. CHÍNH SÁCH"
    assert fourth.headings == ["Chương II. CHÍNH SÁCH"]  # a new chapter closes Mục 1
    assert fourth.citation is None
    assert page.articles[2].related == []
    ((heading, note),) = page.heading_related
    assert heading == "Chương II. CHÍNH SÁCH"
    assert note.startswith("(Chương này có nội dung liên quan đến Điều 37.10.TL.2.9.")


def test_a_page_with_only_its_heading_has_no_articles():
    page = phapdien_parse_page(HEAD + TAIL, source=f"{UUID}.html")
    assert page.articles == []
    assert page.subject_number == "36.3"


def test_uuid_falls_back_to_the_file_name():
    html = HEAD.replace(UUID, "not-a-uuid") + TAIL
    page = phapdien_parse_page(html, source="demuc/a1b2c3d4-0000-1111-2222-333344445555.html")
    assert page.uuid == "a1b2c3d4-0000-1111-2222-333344445555"


@pytest.mark.parametrize(
    ("html", "position", "message"),
    [
        ("<p>nothing here</p>", "ký tự 0", "Đề mục"),
        (HEAD.replace("Đề mục 36.3", "Chủ đề 36") + ARTICLE_1 + TAIL, "ký tự", "Đề mục"),
        (
            HEAD + ARTICLE_1 + ARTICLE_2.replace("Điều 36.3.LQ.2.", "Khoản 36.3.LQ.2.") + TAIL,
            "điều thứ 2",
            "Điều <mã>",
        ),
        (
            HEAD + "<p class='pNoiDung'><p>mồ côi</p></p>" + ARTICLE_1 + TAIL,
            "điều thứ 1",
            "pNoiDung",
        ),
        (HEAD + "<p class='pGhiChu'>(Điều 1)</p>" + TAIL, "điều thứ 1", "pGhiChu"),
    ],
)
def test_bad_pages_name_the_source_and_the_position(html, position, message):
    with pytest.raises(ParseError) as caught:
        phapdien_parse_page(html, source="bad.html")
    error = caught.value
    assert error.source == "bad.html"
    assert error.position.startswith(position) or position in error.position
    assert message in error.message
    assert str(error).startswith(f"bad.html, {error.position}: ")


def test_error_position_is_the_offset_of_the_bad_heading():
    bad = ARTICLE_2.replace("Điều 36.3.LQ.2.", "Điều thứ hai.")
    html = HEAD + ARTICLE_1 + bad + TAIL
    with pytest.raises(ParseError) as caught:
        phapdien_parse_page(html, source="bad.html")
    offset = html.index("<p class='pDieu'>", len(HEAD + ARTICLE_1))
    assert caught.value.position == f"ký tự {offset}, điều thứ 2"


# --------------------------------------------------------------------------- files


def _write_pages(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "b.html").write_bytes(PAGE.encode("utf-8"))  # with its BOM
    (folder / "a.html").write_text(HEAD + TAIL, encoding="utf-8")
    (folder / "notes.txt").write_text("not a page", encoding="utf-8")


def test_iter_pages_from_a_folder_sorted_without_bom(tmp_path):
    _write_pages(tmp_path / "demuc")
    pages = list(phapdien_iter_pages(tmp_path / "demuc"))
    assert [name for name, _ in pages] == ["a.html", "b.html"]
    assert not pages[1][1].startswith("\ufeff")
    assert len(phapdien_parse_page(pages[1][1], source="b.html").articles) == 4


@pytest.mark.parametrize("mode", ["w:xz", "w:gz", "w"])
def test_iter_pages_from_an_archive_is_streamed_and_sorted(tmp_path, mode):
    _write_pages(tmp_path / "demuc")
    suffix = {"w:xz": ".tar.xz", "w:gz": ".tar.gz", "w": ".tar"}[mode]
    archive = tmp_path / f"demuc{suffix}"
    with tarfile.open(archive, mode) as tar:
        for name in ("b.html", "notes.txt", "a.html"):  # not in name order
            tar.add(tmp_path / "demuc" / name, arcname=f"demuc/{name}")
    pages = list(phapdien_iter_pages(archive))
    assert [name for name, _ in pages] == ["a.html", "b.html"]
    assert pages[1][1] == PAGE.lstrip("\ufeff")


def test_iter_pages_errors(tmp_path):
    with pytest.raises(ParseError, match="không tìm thấy"):
        phapdien_iter_pages(tmp_path / "missing.tar.xz")
    broken = tmp_path / "broken.tar.xz"
    broken.write_bytes(b"\xfd7zXZ\x00 this is not xz")
    with pytest.raises(ParseError) as caught:
        list(phapdien_iter_pages(broken))
    assert caught.value.source == str(broken)
    latin = tmp_path / "latin"
    latin.mkdir()
    (latin / "x.html").write_bytes("Đề mục".encode("utf-16"))
    with pytest.raises(ParseError) as caught:
        list(phapdien_iter_pages(latin))
    assert caught.value.source == "x.html"
    assert caught.value.position.startswith("byte ")


def test_an_archive_in_memory_round_trips(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        data = PAGE.encode("utf-8")
        info = tarfile.TarInfo("deep/folder/p.html")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    path = tmp_path / "one.tgz"
    path.write_bytes(buffer.getvalue())
    assert [name for name, _ in phapdien_iter_pages(path)] == ["p.html"]


# --------------------------------------------------------------------------- topics


def test_topic_names_cover_the_45_topics():
    assert sorted(TOPIC_NAMES) == list(range(1, 46))
    assert TOPIC_NAMES[41] == "Văn hóa, thể thao, du lịch"
    assert all(name and name == normalize(name) for name in TOPIC_NAMES.values())


# --------------------------------------------------------------------------- real corpus


def _summary(item: tuple[str, str]) -> dict:
    """What the corpus tests check of one page (small, to cross process boundaries)."""
    name, html = item
    page = phapdien_parse_page(html, source=name)
    articles = page.articles
    return {
        "uuid": page.uuid,
        "subject": page.subject_number,
        "topic": page.topic_number,
        "name": page.name,
        "positions": [a.position for a in articles] == list(range(1, len(articles) + 1)),
        "anchors": all(a.anchor.isdigit() for a in articles),
        "codes": [a.code for a in articles],
        "empty": [a.code for a in articles if not a.body],
        "no_citation": [a.code for a in articles if a.citation is None],
        "citations": [
            (bool(c.document_number), bool(c.article_number), bool(c.effective_on))
            for c in (a.citation for a in articles)
            if c is not None
        ],
        "changed_by": [
            bool(s.document_number) for a in articles if a.citation for s in a.citation.changed_by
        ],
    }


@pytest.fixture(scope="module")
def corpus():
    """One summary per page of the real corpus. Pages are parsed in parallel to keep the
    test short; the parser itself is single-threaded (about 40 s of CPU for the corpus)."""
    if not PHAPDIEN.exists():
        pytest.skip(f"Pháp điển data absent ({PHAPDIEN})")
    pages = phapdien_iter_pages(PHAPDIEN)
    workers = max(1, min(4, os.cpu_count() or 1))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_summary, pages, chunksize=4))


def test_corpus_pages_and_articles(corpus):
    assert len(corpus) == 292
    assert len({page["uuid"] for page in corpus}) == 292
    assert sum(len(page["codes"]) for page in corpus) == 69_705
    assert sum(1 for page in corpus if not page["codes"]) == 76
    assert all(page["positions"] and page["anchors"] for page in corpus)
    for page in corpus:
        assert page["topic"] in TOPIC_NAMES
        assert page["subject"].startswith(f"{page['topic']}.")


def test_corpus_repeated_codes_and_empty_bodies(corpus):
    codes = [code for page in corpus for code in page["codes"]]
    assert len(codes) - len(set(codes)) == 257  # 257 articles repeat a code already seen
    # 457 bodies are empty in a browser; one of them (a Luật Đấu thầu article whose
    # paragraphs lost their ">": "<p1. Hồ sơ dự thầu ...") is recovered here.
    assert sum(len(page["empty"]) for page in corpus) == 456


def test_corpus_citations(corpus):
    # One article prints no citation.
    assert [code for page in corpus for code in page["no_citation"]] == ["27.1.TT.13.3"]
    citations = [c for page in corpus for c in page["citations"]]
    both = sum(1 for number, article, _ in citations if number and article)
    # Measured 69,598 of 69,704 (99.85 %): most of the rest are ordinances cited by title.
    assert both / len(citations) >= 0.995
    assert sum(1 for *_, effective in citations if effective) / len(citations) >= 0.999
    changed_by = [number for page in corpus for number in page["changed_by"]]
    assert len(changed_by) > 5_000
    assert sum(changed_by) / len(changed_by) >= 0.99


def test_corpus_topics_fit_their_subjects(corpus):
    by_topic = collections.defaultdict(set)
    for page in corpus:
        by_topic[page["topic"]].add(page["name"])
    assert set(by_topic) <= set(TOPIC_NAMES)
    # Spot checks: a đề mục under a few chủ đề.
    assert "Đất đai" in by_topic[11]
    assert "Thanh niên" in by_topic[36]
    assert "Dược" in by_topic[45]
