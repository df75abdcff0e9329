"""The Q&A's public pages through HTTP: the lists (newest, search, by field and
audience), a published question, the ask form with every kind of bad input and the
per-address limit, the tracking pages and the erasure form, the feeds and the sitemap —
and that no public output ever carries the asker's personal data."""

import json
import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from defusedxml import ElementTree as ET
from django.utils import timezone

from pbgdpl.laws.models import LegalField
from pbgdpl.laws.selectors import document_url
from pbgdpl.portal import sitemaps
from pbgdpl.portal.models import Audience
from pbgdpl.qa import services
from pbgdpl.qa.models import Question
from pbgdpl.qa.selectors import question_url
from pbgdpl.qa.sitemaps import QaSitemap
from tests.factories import LegalDocumentFactory
from tests.qa.factories import QUESTION_TEXT, qa_world, question_ask, question_to

pytestmark = pytest.mark.django_db

BASE = "https://pbgdpl.example.vn"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
ASK = "/hoi-dap/gui-cau-hoi/"
VALID_TEXT = (
    "Tôi muốn đăng ký kết hôn với người ở xã bên cạnh thì cần những giấy tờ gì và nộp ở đâu?"
)


@pytest.fixture(autouse=True)
def _base_url(settings, tmp_path):
    settings.SITE_BASE_URL = BASE
    # Each test gets its own machine-wide page-cache generation (other workers bump theirs).
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "page_cache_generation"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world():
    return qa_world()


@pytest.fixture
def qa_sitemap(monkeypatch):
    """The "hoi-dap" sitemap section, registered as qa's AppConfig.ready() does."""
    monkeypatch.setattr(sitemaps, "SECTIONS", dict(sitemaps.SECTIONS))
    sitemaps.sitemap_section_register("hoi-dap", QaSitemap)


def html(response) -> str:
    return response.content.decode()


def ask_data(world, **overrides) -> dict:
    data = {
        "legal_field": world.field.code,
        "unit": world.commune.code,
        "text": VALID_TEXT,
        "name": "",
        "email": "",
        "phone": "",
        "consent_version": services.CONSENT_VERSION,
        "website": "",
    }
    data.update(overrides)
    return data


def publish_with(world, *, title: str, public_question: str, answer: str, **ask) -> Question:
    """A published question with the given public wording (the services' own path)."""
    question = question_to(world, "answered", **ask)
    question = services.qa_answer_save(
        actor=world.province_admin,
        question=question,
        answer=answer,
        citations=[services.CitationInput(number="52/2014/QH13", article="18")],
        title=title,
        public_question=public_question,
    )
    return services.qa_question_publish(actor=world.approver, question=question)


# --------------------------------------------------------------------------- lists


def test_list_shows_published_questions_newest_first_with_links_in(client, world):
    older = question_to(world, "published")
    newer = publish_with(
        world,
        title="Thủ tục ly hôn thuận tình",
        public_question="Ly hôn thuận tình cần giấy tờ gì?",
        answer="Hai bên nộp đơn tại Tòa án nhân dân khu vực.",
    )
    question_to(world, "answered")  # not published: not listed
    response = client.get("/hoi-dap/")
    assert response.status_code == 200
    page = html(response)
    assert page.index("Thủ tục ly hôn thuận tình") < page.index("Đăng ký kết hôn ở đâu?")
    assert question_url(newer) in page and question_url(older) in page
    assert page.count('class="qa-item"') == 2
    # The ways in: ask, follow a question, and the header nav marks the section.
    assert 'href="/hoi-dap/gui-cau-hoi/"' in page
    assert 'href="/hoi-dap/theo-doi/"' in page
    assert '<a href="/hoi-dap/" aria-current="page">Hỏi đáp pháp luật</a>' in page
    assert "<h1>Hỏi đáp pháp luật</h1>" in page
    # Field filters, with counts, and the feeds in the head.
    assert f'href="/hoi-dap/linh-vuc/{world.field.code}/"' in page
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Hỏi đáp pháp luật (Atom)" '
        f'href="{BASE}/hoi-dap/nguon-tin/atom/">' in page
    )
    assert f'href="{BASE}/hoi-dap/nguon-tin/rss/"' in page


def test_list_is_paged_twelve_a_page(client, world):
    for _ in range(13):
        question_to(world, "published")
    first = html(client.get("/hoi-dap/"))
    assert first.count('class="qa-item"') == 12
    assert 'href="?trang=2"' in first
    second = client.get("/hoi-dap/?trang=2")
    assert html(second).count('class="qa-item"') == 1
    assert '<ol class="qa-list" start="13">' in html(second)
    assert client.get("/hoi-dap/?trang=3").status_code == 404
    assert client.get("/hoi-dap/?trang=abc").status_code == 404


def test_empty_list_says_so(client, world):
    page = html(client.get("/hoi-dap/"))
    assert "Chưa có câu hỏi nào được công khai." in page


def test_field_list_holds_only_that_field_with_its_own_title_and_breadcrumbs(client, world):
    marriage = question_to(world, "published")
    land = publish_with(
        world,
        title="Cấp giấy chứng nhận quyền sử dụng đất",
        public_question="Đất khai hoang có được cấp sổ đỏ không?",
        answer="Được xem xét cấp nếu sử dụng ổn định, không tranh chấp.",
        legal_field=world.other_field.code,
    )
    response = client.get(f"/hoi-dap/linh-vuc/{world.other_field.code}/")
    assert response.status_code == 200
    page = html(response)
    assert "<h1>Hỏi đáp lĩnh vực Đất đai</h1>" in page
    assert question_url(land) in page and question_url(marriage) not in page
    assert (
        '<li><a href="/hoi-dap/">Hỏi đáp pháp luật</a></li><li><a href="/hoi-dap/linh-vuc/'
        'dat-dai/" aria-current="page">Đất đai</a></li>' in page
    )
    # The field's own feeds are offered too.
    assert f'href="{BASE}/hoi-dap/nguon-tin/atom/linh-vuc/dat-dai/"' in page
    # A field without published questions: an empty list, not an error.
    LegalField.objects.create(code="linh-vuc-thu", name="Lĩnh vực thử nghiệm")
    empty = client.get("/hoi-dap/linh-vuc/linh-vuc-thu/")
    assert empty.status_code == 200
    assert "Chưa có câu hỏi nào được công khai ở mục này." in html(empty)


def test_audience_list_holds_only_that_audiences_questions(client, world):
    farmers = Audience.objects.get(code="nong-dan")
    for_farmers = question_to(world, "published")
    for_farmers.audiences.add(farmers)
    other = question_to(world, "published")
    response = client.get("/hoi-dap/doi-tuong/nong-dan/")
    assert response.status_code == 200
    page = html(response)
    assert "<h1>Hỏi đáp dành cho: Nông dân</h1>" in page
    assert question_url(for_farmers) in page and question_url(other) not in page
    assert 'aria-current="page">Nông dân</a>' in page
    # The index offers the audience as a filter.
    assert 'href="/hoi-dap/doi-tuong/nong-dan/"' in html(client.get("/hoi-dap/"))


@pytest.mark.parametrize(
    "url", ["/hoi-dap/linh-vuc/khong-co/", "/hoi-dap/doi-tuong/khong-co/", "/hoi-dap/999999/x/"]
)
def test_unknown_field_audience_or_question_is_404(client, world, url):
    assert client.get(url).status_code == 404


def test_search_finds_published_answers_only(client, world):
    published = publish_with(
        world,
        title="Mức trợ cấp thôi việc",
        public_question="Người lao động nghỉ việc được trợ cấp thôi việc thế nào?",
        answer="Mỗi năm làm việc được trợ cấp một nửa tháng tiền lương.",
    )
    hidden = question_to(world, "answered")
    services.qa_answer_save(
        actor=world.province_admin,
        question=hidden,
        answer="Trợ cấp thôi việc theo Bộ luật Lao động.",
        citations=[services.CitationInput(number="45/2019/QH14")],
        title="Trợ cấp thôi việc chưa công khai",
        public_question="Trợ cấp thôi việc?",
    )
    response = client.get("/hoi-dap/?q=tr%E1%BB%A3+c%E1%BA%A5p+th%C3%B4i+vi%E1%BB%87c")
    assert response.status_code == 200
    page = html(response)
    assert question_url(published) in page
    assert "Trợ cấp thôi việc chưa công khai" not in page
    assert "<mark>" in page  # the matched words are marked
    assert '<meta name="robots" content="noindex">' in page
    # Without diacritics too.
    assert question_url(published) in html(client.get("/hoi-dap/?q=tro+cap+thoi+viec"))
    nothing = html(client.get("/hoi-dap/?q=zyxwv+qqqq"))
    assert "Chưa có câu hỏi nào khớp" in nothing
    assert 'href="/hoi-dap/gui-cau-hoi/"' in nothing


def test_search_within_a_field(client, world):
    marriage = question_to(world, "published")
    land = publish_with(
        world,
        title="Đăng ký đất đai lần đầu",
        public_question="Đăng ký đất đai lần đầu ở đâu?",
        answer="Đăng ký tại Ủy ban nhân dân xã.",
        legal_field=world.other_field.code,
    )
    page = html(client.get("/hoi-dap/linh-vuc/dat-dai/?q=%C4%91%C4%83ng+k%C3%BD"))
    assert question_url(land) in page
    assert question_url(marriage) not in page


def test_lists_and_questions_come_from_the_page_cache_until_something_is_published(client, world):
    question = question_to(world, "published")
    assert client.get("/hoi-dap/")["X-Page-Cache"] == "miss"
    assert client.get("/hoi-dap/")["X-Page-Cache"] == "hit"
    url = question_url(question)
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    newer = publish_with(
        world, title="Câu hỏi mới công khai", public_question="Câu hỏi mới?", answer="Trả lời."
    )
    assert question_url(newer) in html(client.get("/hoi-dap/"))
    # Unpublishing takes the question off at once.
    services.qa_question_unpublish(actor=world.approver, question=question)
    assert client.get(url).status_code == 404
    assert url not in html(client.get("/hoi-dap/"))
    # Search results are never stored.
    client.get("/hoi-dap/?q=k%E1%BA%BFt+h%C3%B4n")
    assert client.get("/hoi-dap/?q=k%E1%BA%BFt+h%C3%B4n").get("X-Page-Cache") != "hit"


# --------------------------------------------------------------------------- one question


def test_question_page_shows_the_public_wording_answer_and_legal_grounds(client, world):
    law = LegalDocumentFactory(
        number="52/2014/QH13", title="Luật Hôn nhân và gia đình", eli="luat/2014/52-2014-qh13"
    )
    farmers = Audience.objects.get(code="nong-dan")
    question = publish_with(
        world,
        title="Đăng ký kết hôn ở đâu?",
        public_question="Đăng ký kết hôn với người ở xã khác thì làm ở đâu?",
        answer="Đăng ký tại Ủy ban nhân dân xã.\n\nMang theo giấy tờ tùy thân.",
    )
    question.audiences.add(farmers)
    related = question_to(world, "published")
    response = client.get(question_url(question))
    assert response.status_code == 200
    page = html(response)
    assert '<h1 id="qa-title">Đăng ký kết hôn ở đâu?</h1>' in page
    assert "Đăng ký kết hôn với người ở xã khác thì làm ở đâu?" in page
    assert "<p>Đăng ký tại Ủy ban nhân dân xã.</p>" in page
    assert "<p>Mang theo giấy tờ tùy thân.</p>" in page
    assert (
        f'<a href="{document_url(law)}">Điều 18 Luật Hôn nhân và gia đình số 52/2014/QH13</a>'
        in (page)
    )
    answered = timezone.localtime(question.answered_at).strftime("%d/%m/%Y")
    assert f">{answered}</time>" in page
    assert f'href="/hoi-dap/linh-vuc/{world.field.code}/"' in page
    assert 'href="/hoi-dap/doi-tuong/nong-dan/"' in page
    assert question_url(related) in page  # related questions of the same field
    assert "Bạn có câu hỏi khác?" in page and 'href="/hoi-dap/gui-cau-hoi/"' in page
    assert f'<link rel="canonical" href="{BASE}{question_url(question)}">' in page
    assert '<a href="/hoi-dap/" aria-current="true">Hỏi đáp pháp luật</a>' in page


def test_question_page_links_its_legal_grounds_into_the_library(client, world):
    law = LegalDocumentFactory(
        number="52/2014/QH13", title="Luật Hôn nhân và gia đình", eli="luat/2014/52-2014-qh13"
    )
    question = question_to(world, "published")
    page = html(client.get(question_url(question)))
    grounds = page.split('id="qa-c-title"')[1].split("</section>")[0]
    assert (
        f'<li><a href="{document_url(law)}">Điều 18 Luật Hôn nhân và gia đình số 52/2014/QH13'
        "</a></li>" in grounds
    )


def test_question_page_has_qapage_jsonld(client, world):
    question = question_to(world, "published")
    page = html(client.get(question_url(question)))
    blocks = [json.loads(b) for b in JSONLD.findall(page)]
    qa_pages = [b for b in blocks if b.get("@type") == "QAPage"]
    assert len(qa_pages) == 1
    data = qa_pages[0]
    assert data["url"] == BASE + question_url(question)
    main = data["mainEntity"]
    assert main["@type"] == "Question"
    assert main["name"] == question.title
    assert main["text"] == question.public_question
    assert main["answerCount"] == 1
    assert main["acceptedAnswer"]["text"] == question.answer
    assert main["acceptedAnswer"]["citation"][0]["legislationIdentifier"] == "52/2014/QH13"
    assert "author" not in main  # nothing about the asker


def test_wrong_slug_redirects_permanently_to_the_question(client, world):
    question = question_to(world, "published")
    response = client.get(f"/hoi-dap/{question.pk}/ten-cu/")
    assert response.status_code == 301
    assert response["Location"] == question_url(question)


@pytest.mark.parametrize("status", ["received", "assigned", "review", "answered", "declined"])
def test_unpublished_questions_are_404(client, world, status):
    question = question_to(world, status)
    assert client.get(f"/hoi-dap/{question.pk}/cau-hoi/").status_code == 404


# --------------------------------------------------------------------------- asking


def test_ask_form_renders_its_fields_consent_and_honeypot(client, world):
    response = client.get(ASK)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = html(response)
    assert "<h1>Gửi câu hỏi pháp luật</h1>" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert f'<option value="{world.field.code}">Hôn nhân và gia đình</option>' in page
    assert f'<option value="{world.commune.code}">Xã Ia Hrú</option>' in page
    assert f'<option value="{world.other_commune.code}">Phường Pleiku</option>' in page
    assert '<optgroup label="Phường">' in page and '<optgroup label="Xã">' in page
    assert f'<option value="{world.province.code}"' not in page  # a province is no commune
    assert 'maxlength="4000"' in page
    assert services.CONSENT_TEXTS[services.CONSENT_VERSION] in page
    assert (
        f'<input type="hidden" name="consent_version" value="{services.CONSENT_VERSION}">' in page
    )
    assert "Thông tin liên hệ (không bắt buộc)" in page
    honeypot = re.search(r'<div class="qa-hp" aria-hidden="true">.*?</div>', page, re.S).group(0)
    assert 'name="website"' in honeypot and 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot
    assert 'name="goi_y"' in page
    assert "qa/ask.js" in page
    assert 'aria-live="polite"' in page


def test_ask_stores_the_question_and_redirects_to_its_tracking_page(client, world):
    response = client.post(
        ASK,
        ask_data(
            world, name="Lê Văn Tám", email="Tam@Example.vn", phone="0905 123 456", consent="1"
        ),
    )
    assert response.status_code == 303
    question = Question.objects.get()
    assert response["Location"] == f"/hoi-dap/theo-doi/{question.code}/"
    assert question.text == VALID_TEXT
    assert question.legal_field == world.field and question.unit == world.commune
    assert (question.asker_name, question.asker_email, question.asker_phone) == (
        "Lê Văn Tám",
        "tam@example.vn",
        "0905123456",
    )
    assert question.consent_version == services.CONSENT_VERSION
    page = html(client.get(response["Location"]))
    assert f'<p class="qa-code">{question.code}</p>' in page
    assert "Ghi lại mã này để theo dõi" in page
    # The "sent" panel shows once.
    assert "Ghi lại mã này để theo dõi" not in html(client.get(response["Location"]))


def test_ask_anonymously(client, world):
    response = client.post(ASK, ask_data(world))
    assert response.status_code == 303
    question = Question.objects.get()
    assert not question.has_personal_data and question.consent_at is None


def _assert_nothing_stored_and_form_kept(response, data: dict) -> str:
    assert response.status_code == 400
    assert Question.objects.count() == 0
    page = html(response)
    assert '<div class="error-summary" id="loi"' in page
    assert "<title>Lỗi:" in page
    for name in ("name", "email", "phone"):
        if data.get(name):
            assert f'value="{data[name]}"' in page
    return page


def test_empty_form_shows_a_message_per_field(client, world):
    data = ask_data(world, legal_field="", unit="", text="")
    page = _assert_nothing_stored_and_form_kept(client.post(ASK, data), data)
    assert '<a href="#q-field">Vui lòng chọn lĩnh vực trong danh sách.</a>' in page
    assert '<a href="#q-unit">Vui lòng chọn xã, phường' in page
    assert '<a href="#q-text">Vui lòng viết rõ câu hỏi (ít nhất 20 ký tự)' in page
    for field_id in ("q-field", "q-unit", "q-text"):
        assert f'aria-describedby="{field_id}-hint {field_id}-error" aria-invalid="true"' in page
        assert f'<p class="field-error" id="{field_id}-error">' in page


def test_a_100_kb_question_is_refused_and_kept(client, world):
    text = "Tranh chấp đất đai giữa hai hộ gia đình. " * 2600
    assert len(text) > 100_000
    data = ask_data(world, text=text, name="Lê Thị Hoa", consent="1")
    page = _assert_nothing_stored_and_form_kept(client.post(ASK, data), data)
    assert "Câu hỏi dài quá 4.000 ký tự" in page
    assert page.count("Tranh chấp đất đai giữa hai hộ gia đình.") >= 2600
    assert 'value="Lê Thị Hoa"' in page


def test_script_tags_are_stripped_when_stored_and_escaped_when_shown(client, world):
    text = '<script>alert("x")</script>Hàng xóm lấn đất nhà tôi, tôi phải làm gì để đòi lại?'
    response = client.post(ASK, ask_data(world, text=text))
    assert response.status_code == 303
    question = Question.objects.get()
    assert "<script" not in question.text
    assert question.text.startswith('alert("x")Hàng xóm lấn đất nhà tôi')
    page = html(client.get(response["Location"]))
    assert "<script>alert" not in page
    # A refused question comes back escaped, never as markup.
    bad = html(client.post(ASK, ask_data(world, text="<script>alert(1)</script>", unit="")))
    assert "<script>alert(1)</script>" not in bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in bad
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("override", "field_id", "message"),
    [
        ({"legal_field": "khong-co"}, "q-field", "Vui lòng chọn lĩnh vực trong danh sách."),
        ({"unit": "00000"}, "q-unit", "Vui lòng chọn xã, phường"),
        ({"unit": "52"}, "q-unit", "Vui lòng chọn xã, phường"),
        ({"email": "khong-phai-thu", "consent": "1"}, "q-email", "Địa chỉ thư điện tử không"),
        ({"phone": "12345", "consent": "1"}, "q-phone", "Số điện thoại không hợp lệ"),
        ({"name": "Lê Văn Tám"}, "q-consent", "vui lòng đánh dấu đồng ý"),
        ({"name": "A" * 121, "consent": "1"}, "q-name", "Họ tên tối đa 120 ký tự."),
        (
            {"name": "Lê Văn Tám", "consent": "1", "consent_version": "1999-01"},
            "q-consent",
            "Lời đồng ý đã thay đổi",
        ),
    ],
)
def test_each_bad_field_is_named_and_nothing_is_stored(client, world, override, field_id, message):
    data = ask_data(world, **override)
    page = _assert_nothing_stored_and_form_kept(client.post(ASK, data), data)
    linked = re.findall(rf'<a href="#{field_id}">([^<]*)</a>', page)
    assert len(linked) == 1 and message in linked[0]
    assert re.search(rf'<p class="field-error" id="{field_id}-error">.*{message}', page)
    assert VALID_TEXT in page  # the question as typed


def test_a_filled_honeypot_stores_nothing(client, world):
    data = ask_data(world, website="http://spam.example", name="Robot", consent="1")
    page = _assert_nothing_stored_and_form_kept(client.post(ASK, data), data)
    assert "Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại." in page
    assert "http://spam.example" not in page  # the trap comes back empty
    assert VALID_TEXT in page


def test_a_burst_of_50_from_one_address_stores_the_first_ones_then_429(client, world, settings):
    limit = settings.QA_ASK_RATE[0]
    statuses = []
    retry_after = []
    for n in range(50):
        response = client.post(
            ASK, ask_data(world, text=f"{VALID_TEXT} (lần {n})"), REMOTE_ADDR="203.0.113.7"
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            retry_after.append(int(response["Retry-After"]))
            assert f"{VALID_TEXT} (lần {n})" in html(response)  # nothing typed is lost
            assert "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn" in html(response)
    assert statuses == [303] * limit + [429] * (50 - limit)
    assert all(0 < seconds <= settings.QA_ASK_RATE[1] + 1 for seconds in retry_after)
    texts = sorted(Question.objects.values_list("text", flat=True))
    assert texts == sorted(f"{VALID_TEXT} (lần {n})" for n in range(limit))
    assert len(set(Question.objects.values_list("code", flat=True))) == limit
    # Another address is not affected.
    other = client.post(ASK, ask_data(world), REMOTE_ADDR="203.0.113.8")
    assert other.status_code == 303


def test_suggestions_without_javascript_store_nothing_and_are_not_counted(client, world, settings):
    settings.QA_ASK_RATE = (1, 3600)
    published = question_to(world, "published")
    for _ in range(3):
        response = client.post(ASK, {**ask_data(world, text=VALID_TEXT), "goi_y": "1"})
        assert response.status_code == 200
    page = html(response)
    assert Question.objects.count() == 1  # the published one only
    assert '<section class="qa-suggest qa-suggest-static" id="goi-y"' in page
    assert question_url(published) in page.split('id="goi-y"')[1].split("</section>")[0]
    assert VALID_TEXT in page
    short = html(client.post(ASK, {**ask_data(world, text="ly hôn"), "goi_y": "1"}))
    assert "ít nhất 12 ký tự" in short
    # The limit of one question was not used up by the suggestions.
    assert client.post(ASK, ask_data(world)).status_code == 303


# --------------------------------------------------------------------------- tracking


def _private(response) -> None:
    assert "noindex" in response["X-Robots-Tag"]
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_track_find_redirects_to_the_normalised_code(client, world):
    question = question_ask(world)
    raw = question.code.lower().replace("-", " ")
    response = client.get(f"/hoi-dap/theo-doi/?ma={quote(raw)}")
    assert response.status_code == 303
    assert response["Location"] == f"/hoi-dap/theo-doi/{question.code}/"
    form = client.get("/hoi-dap/theo-doi/")
    assert form.status_code == 200
    _private(form)
    assert '<label for="ma">Mã theo dõi</label>' in html(form)


@pytest.mark.parametrize(
    ("raw", "message"), [("", "Vui lòng nhập mã theo dõi."), ("abc", "không đúng dạng")]
)
def test_track_find_explains_a_bad_code(client, world, raw, message):
    response = client.get(f"/hoi-dap/theo-doi/?ma={raw}")
    assert response.status_code == 400
    assert message in html(response)
    assert 'aria-invalid="true"' in html(response)


def test_tracking_pages_are_private_and_never_cached(client, world):
    question = question_ask(world)
    url = f"/hoi-dap/theo-doi/{question.code}/"
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    _private(first)
    assert second.get("X-Page-Cache") != "hit"
    assert 'id="phan-hoi"' not in html(first)  # the feedback form would store the code
    # A code typed in lower case goes to the canonical address.
    lower = client.get(f"/hoi-dap/theo-doi/{question.code.lower()}/")
    assert lower.status_code == 301 and lower["Location"] == url


def test_unknown_code_is_a_helpful_404(client, world):
    response = client.get("/hoi-dap/theo-doi/HD-00000-00000/")
    assert response.status_code == 404
    _private(response)
    page = html(response)
    assert "Không tìm thấy câu hỏi" in page
    assert 'action="/hoi-dap/theo-doi/"' in page
    assert client.get("/hoi-dap/theo-doi/khong-phai-ma/").status_code == 404


def _steps(page: str) -> list[tuple[str, str]]:
    return re.findall(r'class="qa-step qa-step-(\w+)".*?qa-step-label">([^<]+)<', page)


def test_tracking_page_received(client, world):
    question = question_ask(world)
    page = html(client.get(f"/hoi-dap/theo-doi/{question.code}/"))
    assert "Tình trạng: Đã tiếp nhận" in page
    assert _steps(page) == [
        ("current", "Đã tiếp nhận"),
        ("todo", "Đã phân công"),
        ("todo", "Đã trả lời"),
        ("todo", "Đã công khai"),
    ]
    assert 'aria-current="step"' in page
    assert question.due_on.strftime("%d/%m/%Y") in page
    assert timezone.localtime(question.received_at).strftime("%d/%m/%Y") in page
    assert QUESTION_TEXT in page  # the asker's own wording
    assert "Trả lời</h2>" not in page


@pytest.mark.parametrize(
    ("status", "label"), [("assigned", "Đã phân công"), ("review", "Đã phân công")]
)
def test_tracking_page_while_being_answered(client, world, status, label):
    question = question_to(world, status)
    page = html(client.get(f"/hoi-dap/theo-doi/{question.code}/"))
    assert f"Tình trạng: {label}" in page
    assert [state for state, _label in _steps(page)] == ["done", "current", "todo", "todo"]
    assert question.answer not in page  # the draft stays private until approved


def test_tracking_page_says_when_the_deadline_has_passed(client, world):
    question = question_ask(world)
    late = timezone.localdate() - timedelta(days=2)
    Question.objects.filter(pk=question.pk).update(due_on=late)
    page = html(client.get(f"/hoi-dap/theo-doi/{question.code}/"))
    assert late.strftime("%d/%m/%Y") in page
    assert "đã quá hạn" in page
    on_time = question_ask(world)
    assert "đã quá hạn" not in html(client.get(f"/hoi-dap/theo-doi/{on_time.code}/"))


def test_tracking_page_answered_shows_the_answer_and_grounds(client, world):
    question = question_to(world, "answered")
    page = html(client.get(f"/hoi-dap/theo-doi/{question.code}/"))
    assert "Tình trạng: Đã trả lời" in page
    assert [state for state, _label in _steps(page)] == ["done", "done", "current", "todo"]
    assert question.answer in page
    assert "Điều 18 Văn bản số 52/2014/QH13" in page
    assert timezone.localtime(question.answered_at).strftime("%d/%m/%Y") in page
    assert "xem trang công khai" not in page


def test_tracking_page_published_links_the_public_page(client, world):
    question = question_to(world, "published")
    page = html(client.get(f"/hoi-dap/theo-doi/{question.code}/"))
    assert "Tình trạng: Đã công khai" in page
    assert [state for state, _label in _steps(page)] == ["done", "done", "done", "current"]
    assert f'<a href="{question_url(question)}">xem trang công khai</a>' in page


def test_tracking_page_declined_gives_the_reason(client, world):
    question = question_to(world, "declined")
    page = html(client.get(f"/hoi-dap/theo-doi/{question.code}/"))
    assert "Tình trạng: Không trả lời" in page
    assert "Lý do: Không phải câu hỏi pháp luật." in page
    assert _steps(page) == []


def test_tracking_a_merged_question_shows_the_answer_but_not_the_other_askers_code(client, world):
    target = question_to(world, "answered")
    duplicate = question_ask(world, text="Kết hôn với người xã khác thì đăng ký ở đâu vậy ạ?")
    services.qa_question_merge(actor=world.officer, question=duplicate, into=target)
    page = html(client.get(f"/hoi-dap/theo-doi/{duplicate.code}/"))
    assert "được gộp vào câu hỏi đó" in page
    assert target.answer in page
    assert "Kết hôn với người xã khác thì đăng ký ở đâu vậy ạ?" in page
    assert target.code not in page
    assert QUESTION_TEXT not in page  # the other asker's wording


def test_tracking_look_ups_are_limited_per_address(client, world):
    question = question_ask(world)
    url = f"/hoi-dap/theo-doi/{question.code}/"
    for _ in range(60):
        assert client.get(url, REMOTE_ADDR="198.51.100.4").status_code == 200
    refused = client.get(url, REMOTE_ADDR="198.51.100.4")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    _private(refused)
    assert "Quá nhiều lần tra cứu" in html(refused)
    assert QUESTION_TEXT not in html(refused)
    # The erasure form counts too, and refuses without erasing.
    erase = client.post(f"{url}xoa-du-lieu/", {"xac_nhan": "1"}, REMOTE_ADDR="198.51.100.4")
    assert erase.status_code == 429
    question.refresh_from_db()
    assert question.text == QUESTION_TEXT


# --------------------------------------------------------------------------- erasure


def test_erasure_needs_the_confirmation_box(client, world):
    question = question_ask(world, name="Lê Văn Tám", consent=True)
    response = client.post(f"/hoi-dap/theo-doi/{question.code}/xoa-du-lieu/", {})
    assert response.status_code == 400
    assert "Vui lòng đánh dấu ô xác nhận" in html(response)
    assert 'aria-invalid="true"' in html(response)
    question.refresh_from_db()
    assert question.asker_name == "Lê Văn Tám" and question.personal_data_erased_at is None


def test_erasure_of_an_open_question_withdraws_it(client, world):
    question = question_ask(world, name="Lê Văn Tám", email="tam@example.vn", consent=True)
    url = f"/hoi-dap/theo-doi/{question.code}/"
    assert "Xoá dữ liệu cá nhân của tôi" in html(client.get(url))
    response = client.post(f"{url}xoa-du-lieu/", {"xac_nhan": "1"})
    assert response.status_code == 303
    assert response["Location"] == f"{url}#du-lieu-ca-nhan"
    question.refresh_from_db()
    assert (question.asker_name, question.asker_email, question.text) == ("", "", "")
    assert question.status == "declined" and question.personal_data_erased_at is not None
    page = html(client.get(url))
    assert (
        "Đã xoá: họ tên, địa chỉ thư điện tử, nội dung câu hỏi bạn đã gửi. Câu hỏi chưa được "
        "trả lời nên đã được rút lại" in page
    )
    assert "Lê Văn Tám" not in page and QUESTION_TEXT not in page
    assert "Xoá dữ liệu cá nhân của tôi</button>" not in page
    # Asking again says it is already done.
    client.post(f"{url}xoa-du-lieu/", {"xac_nhan": "1"})
    assert "đã được xoá trước đó" in html(client.get(url))


def test_erasure_of_an_answered_question_keeps_the_answer(client, world):
    question = question_to(world, "published", phone="0905 111 222", consent=True)
    url = f"/hoi-dap/theo-doi/{question.code}/"
    client.post(f"{url}xoa-du-lieu/", {"xac_nhan": "1"})
    question.refresh_from_db()
    assert question.status == "published" and question.asker_phone == ""
    page = html(client.get(url))
    assert "Đã xoá: số điện thoại, nội dung câu hỏi bạn đã gửi." in page
    assert question.answer in page
    assert client.get(question_url(question)).status_code == 200


def test_erasure_of_an_unknown_code_is_404(client, world):
    response = client.post("/hoi-dap/theo-doi/HD-00000-00000/xoa-du-lieu/", {"xac_nhan": "1"})
    assert response.status_code == 404


# --------------------------------------------------------------------------- feeds, sitemap


def test_atom_feed_lists_the_newest_published_questions(client, world):
    older = question_to(world, "published")
    newer = publish_with(
        world, title="Câu hỏi mới hơn", public_question="Câu hỏi mới hơn?", answer="Trả lời."
    )
    question_to(world, "answered")
    response = client.get("/hoi-dap/nguon-tin/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links == [BASE + question_url(newer), BASE + question_url(older)]
    assert entries[0].find(f"{ATOM}title").text == "Câu hỏi mới hơn"
    assert entries[0].find(f"{ATOM}category").get("term") == "Hôn nhân và gia đình"


def test_rss_feed_and_the_thirty_limit(client, world, monkeypatch):
    from pbgdpl.qa import feeds

    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    for _ in range(3):
        question_to(world, "published")
    response = client.get("/hoi-dap/nguon-tin/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert len(items) == 2
    assert all(i.find("link").text.startswith(BASE + "/hoi-dap/") for i in items)


def test_field_feed_holds_only_its_field(client, world):
    marriage = question_to(world, "published")
    land = publish_with(
        world,
        title="Đất đai",
        public_question="Hỏi về đất?",
        answer="Trả lời về đất.",
        legal_field=world.other_field.code,
    )
    root = ET.fromstring(client.get("/hoi-dap/nguon-tin/atom/linh-vuc/dat-dai/").content)
    links = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert links == [BASE + question_url(land)]
    assert BASE + question_url(marriage) not in links
    assert root.find(f"{ATOM}title").text.startswith("Hỏi đáp lĩnh vực Đất đai")


@pytest.mark.parametrize(
    "url", ["/hoi-dap/nguon-tin/atom/linh-vuc/khong-co/", "/hoi-dap/nguon-tin/json/"]
)
def test_bad_feed_urls_are_404(client, world, url):
    assert client.get(url).status_code == 404


def test_sitemap_section_lists_published_questions(client, world, qa_sitemap):
    published = question_to(world, "published")
    hidden = question_to(world, "answered")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    assert f"{BASE}/sitemap-hoi-dap.xml" in [e.text for e in index.iter(f"{SITEMAP}loc")]
    response = client.get("/sitemap-hoi-dap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = root.findall(f"{SITEMAP}url")
    assert [u.find(f"{SITEMAP}loc").text for u in urls] == [BASE + question_url(published)]
    published.refresh_from_db()
    lastmod = urls[0].find(f"{SITEMAP}lastmod").text
    assert lastmod.startswith(timezone.localtime(published.updated_at).date().isoformat())
    assert question_url(hidden) not in response.content.decode()


# --------------------------------------------------------------------------- personal data

ASKER = {
    "name": "Hoàng Thị Quỳnh Xuyến",
    "email": "quynhxuyen.riengtu@example.vn",
    "phone": "0912 345 678",
}
ORIGINAL = (
    "Tôi là Quỳnh Xuyến ở thôn Plei Ốp Zeta, chồng tôi bỏ đi biệt tích đã ba năm, tôi muốn "
    "ly hôn đơn phương thì làm thế nào?"
)


def test_public_outputs_never_carry_the_askers_personal_data(client, world, qa_sitemap):
    question = publish_with(
        world,
        title="Ly hôn khi chồng bỏ đi biệt tích",
        public_question="Chồng bỏ đi biệt tích nhiều năm, vợ muốn ly hôn đơn phương thì làm gì?",
        answer="Vợ có thể yêu cầu Tòa án tuyên bố chồng mất tích rồi giải quyết ly hôn.",
        text=ORIGINAL,
        consent=True,
        **ASKER,
    )
    question.refresh_from_db()
    assert question.asker_email == ASKER["email"] and question.text == ORIGINAL
    secrets = [
        ASKER["name"],
        "Quỳnh Xuyến",
        ASKER["email"],
        "0912345678",
        "0912 345 678",
        "Plei Ốp Zeta",
        ORIGINAL,
        question.code,  # the tracking code opens the asker's view
        world.commune.name,  # the asker's commune
    ]
    outputs = {
        "list": client.get("/hoi-dap/"),
        "field": client.get(f"/hoi-dap/linh-vuc/{world.field.code}/"),
        "search-qa": client.get("/hoi-dap/?q=ly+h%C3%B4n+bi%E1%BB%87t+t%C3%ADch"),
        "search-name": client.get("/hoi-dap/?q=Qu%E1%BB%B3nh+Xuy%E1%BA%BFn+Plei"),
        "detail": client.get(question_url(question)),
        "atom": client.get("/hoi-dap/nguon-tin/atom/"),
        "rss": client.get("/hoi-dap/nguon-tin/rss/"),
        "field-feed": client.get(f"/hoi-dap/nguon-tin/atom/linh-vuc/{world.field.code}/"),
        "sitemap": client.get("/sitemap-hoi-dap.xml"),
        "api-list": client.get("/api/v1/qa/answers"),
        "api-one": client.get(f"/api/v1/qa/answers/{question.pk}"),
        "site-search": client.get("/tim-kiem/?q=ly+h%C3%B4n+bi%E1%BB%87t+t%C3%ADch"),
        "site-search-qa": client.get("/tim-kiem/?q=ly+h%C3%B4n&kind=qa"),
        "site-search-name": client.get("/tim-kiem/?q=Qu%E1%BB%B3nh+Xuy%E1%BA%BFn+Zeta"),
    }
    searched_for_private_words = ("search-name", "site-search-name")
    for name, response in outputs.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        if name.startswith("api"):
            body = json.dumps(response.json(), ensure_ascii=False)
        if name in searched_for_private_words:
            # The page repeats the query; what matters is that nothing was found by it.
            assert question_url(question) not in body, name
            body = body.replace("Quỳnh Xuyến", "").replace("Qu%E1%BB%B3nh+Xuy%E1%BA%BFn", "")
        if name in ("list", "field", "search-qa", "detail", "atom", "rss", "api-list"):
            assert "Ly hôn khi chồng bỏ đi biệt tích" in body, name  # it is really there
        if name in ("site-search", "site-search-qa"):
            assert question_url(question) in body, name
        for secret in secrets:
            assert secret not in body, f"{secret!r} in {name}"
