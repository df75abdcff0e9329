"""Query and index analysis: folded syllables, bigrams, numbers, Telex leftovers."""

import unicodedata

import pytest

from pbgdpl.search.analysis import bigrams, index_tokens, number_keys, query_analyze, telex_repair


def test_index_tokens_fold_and_keep_document_numbers():
    assert index_tokens("Điều 5. Theo Nghị định 21/2015/NĐ-CP, Ủy ban") == [
        "dieu", "5", "theo", "nghi", "dinh", "21/2015/nd-cp", "uy", "ban",
    ]  # fmt: skip


def test_bigrams():
    assert bigrams(["phap", "luat", "so"]) == ["phap_luat", "luat_so"]


def test_number_keys():
    assert number_keys("14/2012/QH13") == ["14/2012/qh13", "14/2012", "14/qh13"]
    assert number_keys("766/QĐ-TTg") == ["766/qd-ttg"]


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("14/2012/QH13", ["14/2012/qh13", "14/2012", "14/qh13"]),
        ("luật 14/2012/qh13 về phổ biến", ["14/2012/qh13", "14/2012", "14/qh13"]),
        ("42/2022/NĐCP", ["42/2022/nd-cp", "42/2022", "42/nd-cp"]),
        ("14/2012", ["14/2012"]),
        ("QH13 14", ["14/qh13"]),
        ("14 QH13", ["14/qh13"]),
        ("công an xã", []),
        ("năm 2012 có 14", []),
    ],
)
def test_query_number_lookups(typed, keys):
    assert query_analyze(typed).number_keys == keys


def test_accented_plain_and_nfd_queries_give_the_same_terms():
    accented = "Công an xã có được phạt lỗi không mang bằng lái xe không?"
    plain = "cong an xa co duoc phat loi khong mang bang lai xe khong"
    nfd = unicodedata.normalize("NFD", accented)
    assert query_analyze(accented).terms == query_analyze(plain).terms == query_analyze(nfd).terms


@pytest.mark.parametrize(
    "raw", ['a:b "c-d" AND OR NOT ? * ( ) [ ] { } ~ ^ \\ /', "'; DROP TABLE x; --", "\x00\x01", ""]
)
def test_query_syntax_never_survives(raw):
    query = query_analyze(raw)
    for term in query.terms:
        assert term.isalnum() or "/" in term


def test_quoted_phrase():
    assert query_analyze('"bằng lái xe" công an').phrases == [["bang", "lai", "xe"]]


@pytest.mark.parametrize(
    ("token", "repaired"),
    [
        ("luaatj", "luat"),
        ("phatj", "phat"),
        ("ddaats", "dat"),
        ("nguwowif", "nguoi"),
        ("luat", None),
    ],
)
def test_telex_repair(token, repaired):
    assert telex_repair(token) == repaired
