"""Tests for pbgdpl.core.text: Vietnamese normalisation, folding, tokens, document numbers.

Pure Python: no database, no Django settings.
"""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pbgdpl.core.text import (
    DocumentNumber,
    find_document_numbers,
    fold,
    normalize,
    normalize_document_number,
    parse_document_number,
    tokenize,
    tokenize_folded,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ----------------------------------------------------------------------------- strategies

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
MARKED_TONES = TONES[1:]
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
CONSONANTS = "bcdđghklmnpqrstvx"
VN_LETTERS = sorted({nfc(v + t) for v in VOWELS for t in TONES} | set(CONSONANTS) | set("fjwz"))
VN_ALPHABET = VN_LETTERS + [ch.upper() for ch in VN_LETTERS]

vietnamese_text = st.text(
    alphabet=st.sampled_from([*VN_ALPHABET, *"0123456789", " ", " ", "\t", "\n", *".,;:?!-/()\"'"]),
    max_size=60,
)
# Initial consonants that can precede oa/oe/uy (no "q": "qu" + "y" is a different case).
INITIALS = ("", "b", "ch", "d", "đ", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "s", "t",
            "th", "tr", "v", "x")  # fmt: skip
NUCLEI = ("oa", "oe", "uy")
cases = st.sampled_from([str.lower, str.upper, str.capitalize])


@st.composite
def open_syllables(draw):
    """The same open oa/oe/uy syllable spelt old style (mark on the 2nd vowel) and new."""
    initial = draw(st.sampled_from(INITIALS))
    first, second = draw(st.sampled_from(NUCLEI))
    tone = draw(st.sampled_from(MARKED_TONES))
    case = draw(cases)
    old = case(nfc(initial + first + second + tone))
    new = case(nfc(initial + first + tone + second))
    return old, new


# ----------------------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("hoà", "hòa"),
        ("hòa", "hòa"),
        ("thuỷ", "thủy"),
        ("thủy", "thủy"),
        ("khoẻ", "khỏe"),
        ("khỏe", "khỏe"),
        ("hoá", "hóa"),
        ("Thuý", "Thúy"),
        ("uỷ ban", "ủy ban"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("HOÀ GIẢI", "HÒA GIẢI"),
        ("KHOẺ", "KHỎE"),
        ("luỹ kế", "lũy kế"),
        ("thuỵ", "thụy"),
        ("toà án", "tòa án"),
        ("Luật Hoà giải ở cơ sở", "Luật Hòa giải ở cơ sở"),
        # never moved
        ("quý", "quý"),
        ("Quý", "Quý"),
        ("quả", "quả"),
        ("hoàng", "hoàng"),
        ("toán", "toán"),
        ("hoạch", "hoạch"),
        ("ngoài", "ngoài"),
        ("xoáy", "xoáy"),
        ("thuyền", "thuyền"),
        ("khuỷu", "khuỷu"),
        ("thuở", "thuở"),
        ("gìn giữ", "gìn giữ"),
        ("mùa", "mùa"),
    ],
)
def test_normalize_tone_placement(given_text, expected):
    assert normalize(given_text) == expected
    assert normalize(nfd(given_text)) == expected


def test_normalize_tone_placement_inside_running_text():
    text = "Uỷ ban, toà án và cơ quan thuỷ lợi (hoà giải) — khoẻ!"
    assert normalize(text) == "Ủy ban, tòa án và cơ quan thủy lợi (hòa giải) — khỏe!"


def test_normalize_white_space():
    assert normalize("  Luật\u00a0Đất\tđai\n\n2024 \u2003 ") == "Luật Đất đai 2024"
    assert normalize("a\r\nb\u2028c\u3000d\u202fe\x0bf") == "a b c d e f"
    assert normalize("\n\t ") == ""
    assert normalize("") == ""


def test_normalize_removes_invisible_characters():
    assert normalize("phá\u200bp lu\u00adật") == "pháp luật"
    assert normalize("\ufeffHà\u200d Nội\u2060") == "Hà Nội"
    assert normalize("a \u200b b") == "a b"


def test_normalize_composes_nfd_and_keeps_everything_else():
    decomposed = nfd("Điều 5. Quyền và nghĩa vụ của công dân?")
    result = normalize(decomposed)
    assert result == "Điều 5. Quyền và nghĩa vụ của công dân?"
    assert unicodedata.is_normalized("NFC", result)


def test_normalize_maps_eth_lookalike_to_d_bar():
    assert normalize("NÐ-CP") == "NĐ-CP"  # U+00D0 in the input
    assert normalize("NÐ-CP") == normalize("NĐ-CP")


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(vietnamese_text)
def test_normalize_is_idempotent_on_vietnamese(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_same_for_nfc_and_nfd(text):
    assert normalize(nfc(text)) == normalize(nfd(text))


@given(vietnamese_text)
def test_normalize_output_is_tidy(text):
    out = normalize(text)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    assert "  " not in out
    assert not re.search(r"[\t\n\r\u00a0]", out)


@given(open_syllables())
def test_old_and_new_tone_placement_normalize_the_same(pair):
    old, new = pair
    assert normalize(old) == new
    assert normalize(new) == new
    assert normalize(nfd(old)) == new
    assert fold(old) == fold(new)


@given(open_syllables(), st.sampled_from(["", "Xã ", "các "]), st.sampled_from(["", ",", " và"]))
def test_tone_placement_in_context(pair, before, after):
    old, new = pair
    assert normalize(before + old + after) == normalize(before + new + after)


@given(
    st.sampled_from(INITIALS),
    st.sampled_from(NUCLEI),
    st.sampled_from(MARKED_TONES),
    st.sampled_from(["n", "ng", "c", "ch", "t", "nh", "i", "y", "o"]),
)
def test_closed_syllables_keep_the_mark_on_the_second_vowel(initial, nucleus, tone, final):
    word = nfc(initial + nucleus + tone + final)  # e.g. hoàng, toán, ngoài, hoạch
    assert normalize(word) == word


@given(st.sampled_from(["a", "e", "y", "i"]), st.sampled_from(MARKED_TONES))
def test_qu_syllables_never_move(vowel, tone):
    word = nfc("qu" + vowel + tone)  # quý, quà, quẻ, quí
    assert normalize(word) == word
    assert normalize(word.upper()) == word.upper()


# ----------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("Ủy ban Nhân dân", "uy ban nhan dan"),
        ("uỷ ban nhân dân", "uy ban nhan dan"),
        ("ĐIỀU 5. Đường bộ", "dieu 5. duong bo"),
        ("Tỉnh Gia Lai", "tinh gia lai"),
        ("42/2022/NĐ-CP", "42/2022/nd-cp"),
        ("Người  dân\u00a0được ", "nguoi dan duoc"),
        ("Quốc hội", "quoc hoi"),
        ("ư ơ ă â ê ô", "u o a a e o"),
        ("Straße", "strasse"),  # casefold, not lower
    ],
)
def test_fold_examples(given_text, expected):
    assert fold(given_text) == expected


def test_fold_leaves_other_scripts_but_strips_their_marks():
    assert fold("Ελληνικά") == "ελληνικα"
    assert fold("中文 Pháp") == "中文 phap"


def test_fold_drops_a_lone_mark_without_leaving_double_spaces():
    assert fold("a \u0301 b") == "a b"


@given(st.text())
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@given(vietnamese_text)
def test_fold_is_idempotent_on_vietnamese(text):
    once = fold(text)
    assert fold(once) == once


@given(st.text())
def test_fold_same_for_nfc_and_nfd(text):
    assert fold(nfc(text)) == fold(nfd(text))


@given(vietnamese_text)
def test_fold_of_vietnamese_is_ascii(text):
    out = fold(text)
    assert out.isascii()
    assert out == out.lower()
    assert fold(nfd(text)) == out


@given(vietnamese_text)
def test_fold_ignores_case_and_diacritics(text):
    assert fold(text.upper()) == fold(text.lower())
    stripped = "".join(c for c in nfd(text) if not unicodedata.combining(c))
    assert fold(stripped) == fold(text)


# ----------------------------------------------------------------------------- tokenize


def test_tokenize_words_and_document_number():
    text = 'Theo Nghị định 42/2022/NĐCP: "hoà giải" AND thuỷ-sản OR ? a:b c-d (Điều 5).'
    assert tokenize(text) == [
        "theo", "nghị", "định", "42/2022/nđ-cp", "hòa", "giải", "and", "thủy", "sản",
        "or", "a", "b", "c", "d", "điều", "5",
    ]  # fmt: skip
    assert tokenize_folded(text) == [
        "theo", "nghi", "dinh", "42/2022/nd-cp", "hoa", "giai", "and", "thuy", "san",
        "or", "a", "b", "c", "d", "dieu", "5",
    ]  # fmt: skip


def test_tokenize_document_numbers_stay_whole():
    assert tokenize("Luật số 14/2012/QH13 và 766/QĐ-TTg") == [
        "luật", "số", "14/2012/qh13", "và", "766/qđ-ttg",
    ]  # fmt: skip
    assert tokenize_folded("Luật số 14/2012/QH13") == ["luat", "so", "14/2012/qh13"]


def test_tokenize_dates_are_split_into_numbers():
    assert tokenize("ngày 13/11/2008") == ["ngày", "13", "11", "2008"]


def test_tokenize_query_syntax_never_survives():
    text = 'title:"luật" -đất +đai* NOT (a OR b) AND c~2 ^3 {x} [y] | z & w \\ ?'
    tokens = tokenize(text)
    assert tokens == [
        "title", "luật", "đất", "đai", "not", "a", "or", "b", "and", "c", "2", "3", "x",
        "y", "z", "w",
    ]  # fmt: skip


def test_tokenize_empty():
    assert tokenize("") == []
    assert tokenize(" ?!: ") == []
    assert tokenize_folded("") == []


def test_tokenize_folded_same_for_both_tone_styles_and_without_diacritics():
    assert tokenize_folded("Hoà giải ở cơ sở") == tokenize_folded("hòa giải ở cơ sở")
    assert tokenize_folded("Hoà giải ở cơ sở") == tokenize_folded("hoa giai o co so")


@given(st.text())
def test_tokens_are_plain_words_or_document_numbers(text):
    tokens = tokenize(text)
    for token in tokens:
        assert token
        assert token == token.lower() or token == nfc(token.lower())
        if re.search(r"[/-]", token):
            # only a document number may hold "/" or "-"; it re-parses to itself
            assert str(parse_document_number(token)).lower() == token
        else:
            assert re.fullmatch(r"(?:[^\W_]|[\u0300-\u036f])+", token), token
        assert not set(token) & set("\"'?:*()[]{}^~+!|&\\ ")
    assert tokenize_folded(text) == [f for f in (fold(t) for t in tokens) if f]


@given(vietnamese_text)
def test_tokenize_is_stable_under_normalization(text):
    assert tokenize(text) == tokenize(normalize(text)) == tokenize(nfd(text))
    assert all(t.isascii() for t in tokenize_folded(text))


# ----------------------------------------------------------------------------- document numbers


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("14/2012/QH13", "14/2012/QH13"),
        ("42/2022/NĐCP", "42/2022/NĐ-CP"),
        ("01 /2018/TT-VPCP", "01/2018/TT-VPCP"),
        ("13/2023/nđ-cp", "13/2023/NĐ-CP"),
        ("Luật số 24/2008/QH12", "24/2008/QH12"),
        ("số 15/2020/NĐ-CP", "15/2020/NĐ-CP"),
        ("43/2013/QH13", "43/2013/QH13"),
        ("766/QĐ-TTg", "766/QĐ-TTg"),
        ("91/2025/QH15", "91/2025/QH15"),
        ("05/2025/NQ-HĐND", "05/2025/NQ-HĐND"),
        ("05/2024/TT-BTP", "05/2024/TT-BTP"),
        ("01/2014/TTLT-BTP-BCA", "01/2014/TTLT-BTP-BCA"),
        ("15/2020/NĐ–CP", "15/2020/NĐ-CP"),  # en dash
        ("15/2020/NĐ—CP", "15/2020/NĐ-CP"),  # em dash
        ("15/2020/NĐ - CP", "15/2020/NĐ-CP"),
        ("15 / 2020 / NĐ-CP", "15/2020/NĐ-CP"),
        ("15/2020/ND-CP", "15/2020/NĐ-CP"),
        ("15/2020/NDCP", "15/2020/NĐ-CP"),
        ("15/2020/ndcp", "15/2020/NĐ-CP"),
        ("15/2020/NÐ-CP", "15/2020/NĐ-CP"),  # Icelandic eth for Đ
        ("766/QD-TTg", "766/QĐ-TTg"),
        ("766/QĐ-TTG", "766/QĐ-TTg"),
        ("766/qd-ttg", "766/QĐ-TTg"),
        ("766/QĐTTg", "766/QĐ-TTg"),
        ("766/QDTTG", "766/QĐ-TTg"),
        ("05/2025/NQ-HDND", "05/2025/NQ-HĐND"),
        ("05/2025/NQHĐND", "05/2025/NQ-HĐND"),
        ("05/2025/nqhdnd", "05/2025/NQ-HĐND"),
        ("10/2024/CT-UBND", "10/2024/CT-UBND"),
        ("10/2024/CTUBND", "10/2024/CT-UBND"),
        ("32/2020/TT-BGDDT", "32/2020/TT-BGDĐT"),
        ("32/2020/tt-bgdđt", "32/2020/TT-BGDĐT"),
        ("01/2014/TTLTBTPBCA", "01/2014/TTLT-BTP-BCA"),
        ("10/2020/TT-BLDTBXH", "10/2020/TT-BLĐTBXH"),
        ("02/2022/UBTVQH15", "02/2022/UBTVQH15"),
        ("1004/NQ-UBTVQH15", "1004/NQ-UBTVQH15"),
        ("01/2019/NQ-HĐTP", "01/2019/NQ-HĐTP"),
        ("09/2024/L-CTN", "09/2024/L-CTN"),
        ("09/2024/LCTN", "09/2024/L-CTN"),
        ("35/CT-TTg", "35/CT-TTg"),
        ("12/2015/TT-BNN&PTNT", "12/2015/TT-BNNPTNT"),
        ("25/CP", "25/CP"),
        ("01/HD-BTP", "01/HD-BTP"),  # Hướng dẫn
        ("01/HĐ-UBND", "01/HĐ-UBND"),  # Hợp đồng: "HĐ" is not "HD"
        ("522B/NQ-UBTVQH13", "522B/NQ-UBTVQH13"),  # letter suffix kept as given
        ("123/2020/QĐ-UBND-xyz", "123/2020/QĐ-UBND-XYZ"),  # unknown part upper-cased
        ("12/2020/ABC", "12/2020/ABC"),
        ("Nghị định số:15/2020/NĐ-CP ngày 03/02/2020", "15/2020/NĐ-CP"),
        ("số15/2020/NĐ-CP", "15/2020/NĐ-CP"),
        ("Nghị định 93/2006/NĐ-CPngày 07 tháng 9", "93/2006/NĐ-CP"),
        ("(Thông tư 07/2004/TT-BCA(X13))", "07/2004/TT-BCA"),
    ],
)
def test_normalize_document_number(given_text, expected):
    assert normalize_document_number(given_text) == expected
    assert normalize_document_number(nfd(given_text)) == expected
    assert normalize_document_number(expected) == expected


def test_parse_document_number_fields():
    assert parse_document_number("14/2012/QH13") == DocumentNumber("14", 2012, "QH13")
    assert parse_document_number("766/QĐ-TTg") == DocumentNumber("766", None, "QĐ-TTg")
    number = parse_document_number("  01 /2018/tt-vpcp ")
    assert (number.number, number.year, number.code) == ("01", 2018, "TT-VPCP")
    assert str(number) == "01/2018/TT-VPCP"
    assert parse_document_number("42/2022/NĐCP").folded == "42/2022/nd-cp"
    assert parse_document_number("766/QĐ-TTg").folded == "766/qd-ttg"


def test_ttg_case_is_significant():
    number = parse_document_number("766/QĐ-TTg")
    assert number.code == "QĐ-TTg"
    assert "TTG" not in str(number)


def test_document_number_is_a_frozen_hashable_value():
    a = DocumentNumber("14", 2012, "QH13")
    assert a == DocumentNumber("14", 2012, "QH13")
    assert len({a, DocumentNumber("14", 2012, "QH13")}) == 1
    with pytest.raises(AttributeError):
        a.year = 2013  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"number": "", "year": 2012, "code": "QH13"},
        {"number": "1 4", "year": 2012, "code": "QH13"},
        {"number": "14", "year": 2012, "code": ""},
        {"number": "14", "year": 2012, "code": "QH/13"},
        {"number": "14", "year": "2012", "code": "QH13"},
        {"number": "14", "year": True, "code": "QH13"},
    ],
)
def test_document_number_rejects_bad_shapes(kwargs):
    with pytest.raises(ValueError, match="DocumentNumber"):
        DocumentNumber(**kwargs)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Luật Đất đai",
        "13/11/2008",
        "ngày 01/07/2009",
        "24/7",
        "1/3 số phiếu",
        "5/Hà Nội",
        "1/ab",
        "12/2020/abc",
        "QCVN 5:2010/BKHCN",
        "QCVN 03 : 2014/BCT",
        "abc12/2020/QĐ",
        "14/2012",
    ],
)
def test_parse_rejects_non_numbers(text):
    with pytest.raises(ValueError, match="not a document number"):
        parse_document_number(text)


def test_parse_rejects_several_numbers():
    with pytest.raises(ValueError, match="several document numbers"):
        parse_document_number("Nghị định 13/2023/NĐ-CP thay thế 15/2020/NĐ-CP")


def test_parse_rejects_non_strings():
    with pytest.raises(TypeError):
        parse_document_number(None)  # type: ignore[arg-type]


def test_find_document_numbers_skips_dates():
    text = (
        "Điều 1 Luật số 24/2008/QH12 ngày 13/11/2008 của Quốc hội, có hiệu lực thi hành "
        "kể từ ngày 01/07/2009"
    )
    assert find_document_numbers(text) == [DocumentNumber("24", 2008, "QH12")]


def test_find_document_numbers_in_order_with_repeats():
    text = (
        "Căn cứ Nghị định số 15/2020/NĐ-CP; Quyết định 766/QĐ-TTg ngày 15/04/2025; "
        "Thông tư 01/2018/TT-VPCP, Nghị định 15/2020/ND-CP - Hà Nội."
    )
    assert [str(n) for n in find_document_numbers(text)] == [
        "15/2020/NĐ-CP",
        "766/QĐ-TTg",
        "01/2018/TT-VPCP",
        "15/2020/NĐ-CP",
    ]


def test_find_document_numbers_none():
    assert find_document_numbers("") == []
    assert find_document_numbers("Ngày 01/7/2025, 34 tỉnh; tỷ lệ 80/100.") == []


@given(
    st.integers(1, 31),
    st.integers(1, 12),
    st.integers(1945, 2099),
    st.sampled_from(["ngày ", "từ ", "", "Ngày: "]),
    st.booleans(),
)
def test_dates_are_never_document_numbers(day, month, year, before, pad):
    date = f"{day:02d}/{month:02d}/{year}" if pad else f"{day}/{month}/{year}"
    assert find_document_numbers(f"{before}{date} đến {date}.") == []


# Known codes for generated numbers. "HĐ"/"HD" are left out on purpose: without its
# diacritic "HĐ" reads as "HD" (tested above). "TTCP" is one issuer, not "TT"+"CP".
GEN_TYPES = ("L", "PL", "NQ", "NĐ", "QĐ", "CT", "TT", "TTLT", "KH", "TB", "BC", "CĐ", "QyĐ")
GEN_ISSUERS = ("CP", "TTg", "VPCP", "BTP", "BCA", "BTC", "BGDĐT", "BLĐTBXH", "BYT", "BNNPTNT",
               "BTNMT", "BKHĐT", "BTTTT", "BVHTTDL", "NHNN", "TANDTC", "VKSNDTC", "HĐND",
               "UBND", "CTN")  # fmt: skip


def _strip_marks(code: str) -> str:
    return "".join(c for c in nfd(code) if not unicodedata.combining(c)).replace("Đ", "D")


@st.composite
def messy_document_numbers(draw):
    """(messy text, expected canonical form) for a generated document number."""
    number = draw(st.from_regex(r"[0-9]{1,4}", fullmatch=True))
    year = draw(st.none() | st.integers(1945, 2099))
    if draw(st.booleans()):
        legislature = str(draw(st.integers(1, 16)))
        pieces = [draw(st.sampled_from(["QH", "UBTVQH"])) + legislature]
    else:
        pieces = [draw(st.sampled_from(GEN_TYPES))]
        pieces += draw(st.lists(st.sampled_from(GEN_ISSUERS), min_size=1, max_size=3))
    expected = f"{number}/{year}/" if year else f"{number}/"
    expected += "-".join(pieces)

    def render(piece: str) -> str:
        return draw(st.sampled_from([piece, piece.upper(), piece.lower(), _strip_marks(piece),
                                     _strip_marks(piece).lower()]))  # fmt: skip

    dashes = st.sampled_from(["-", "-", "–", "—", "‑", " - "])
    code = render(pieces[0])
    for piece in pieces[1:]:
        code += draw(dashes) + render(piece)
    slash = draw(st.sampled_from(["/", " /", "/ ", " / "]))
    text = f"{number}{slash}{year}{slash}{code}" if year else f"{number}{slash}{code}"
    before = draw(st.sampled_from(["", "số ", "Luật số ", "Nghị định ", "(", "Căn cứ "]))
    after = draw(st.sampled_from(["", " ngày 13/11/2008", ".", ")", ", có hiệu lực"]))
    return before + text + after, expected


@given(messy_document_numbers())
def test_messy_document_numbers_normalize_to_canonical(case):
    text, expected = case
    assert normalize_document_number(text) == expected
    assert [str(n) for n in find_document_numbers(f"Theo {text} và ngày 01/07/2009")] == [expected]


@given(messy_document_numbers())
def test_normalize_document_number_is_idempotent(case):
    once = normalize_document_number(case[0])
    assert normalize_document_number(once) == once


@given(messy_document_numbers())
def test_parse_round_trips_through_str(case):
    parsed = parse_document_number(case[0])
    assert parse_document_number(str(parsed)) == parsed
    assert parsed.folded == fold(str(parsed))
    assert parsed.folded.isascii()


code_chunks = st.one_of(
    st.sampled_from([*GEN_TYPES, *GEN_ISSUERS, "QH13", "HĐ", "HD", "TTCP", "ĐA", "QyĐ"]),
    st.from_regex(r"[A-ZĐÐa-zđ][A-Za-zĐđ0-9&]{0,6}", fullmatch=True),
)


@given(
    st.from_regex(r"[0-9]{1,3}[a-c]?", fullmatch=True),
    st.sampled_from(["/", " /", "/ ", "／", "∕"]),
    st.none() | st.integers(1900, 2099),
    st.lists(code_chunks, min_size=1, max_size=4),
    st.lists(st.sampled_from(["", "-", "–", " - ", " ", "—"]), min_size=3, max_size=3),
    st.sampled_from([str, str.lower, str.upper]),
)
def test_parse_round_trip_on_arbitrary_shapes(number, slash, year, chunks, seps, case):
    code = chunks[0] + "".join(sep + chunk for sep, chunk in zip(seps, chunks[1:], strict=False))
    text = case(f"{number}{slash}{year}{slash}{code}" if year else f"{number}{slash}{code}")
    try:
        parsed = parse_document_number(text)
    except ValueError as error:
        assert "document number" in str(error)
        return
    once = str(parsed)
    assert parse_document_number(once) == parsed
    assert normalize_document_number(once) == once
    assert normalize_document_number(text) == once
    assert tokenize(once) == [once.lower()]
    assert find_document_numbers(f"xem {once}, {once}") == [parsed, parsed]


@given(st.text())
def test_find_document_numbers_results_round_trip(text):
    for number in find_document_numbers(text):
        assert parse_document_number(str(number)) == number
