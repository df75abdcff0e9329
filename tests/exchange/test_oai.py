"""The OAI-PMH 2.0 provider at /oai: the six verbs, every error condition, resumption
over several pages, sets by type and by legal field, persistent deletions and selective
harvesting by date. Every response is parsed with lxml and checked against the
structure the protocol's schema prescribes (written out in ``assert_oai_structure``)."""

import hashlib
import re
from datetime import UTC, datetime
from uuid import NAMESPACE_URL, uuid5

import pytest
from lxml import etree

from pbgdpl.exchange.models import SharedItem
from pbgdpl.exchange.oai import field_slug, oai_base_url
from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register, registered_types
from pbgdpl.exchange.services import exchange_publish, exchange_publish_all, node_base_url
from pbgdpl.laws.services import document_create, document_update
from tests.factories import UserFactory
from tests.portal.factories import guidance_page, section_page

pytestmark = pytest.mark.django_db

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS = {"o": OAI, "oai_dc": OAI_DC, "dc": DC}
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DC_NAMES = {
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
    "format", "identifier", "source", "language", "relation", "coverage", "rights",
}  # fmt: skip
ERROR_CODES = {
    "badArgument", "badResumptionToken", "badVerb", "cannotDisseminateFormat",
    "idDoesNotExist", "noRecordsMatch", "noMetadataFormats", "noSetHierarchy",
}  # fmt: skip
# Each verb's element, and the children it may hold (in order), per OAI-PMH.xsd.
VERB_CHILDREN = {
    "Identify": [
        "repositoryName", "baseURL", "protocolVersion", "adminEmail", "earliestDatestamp",
        "deletedRecord", "granularity", "compression", "description",
    ],
    "ListMetadataFormats": ["metadataFormat"],
    "ListSets": ["set", "resumptionToken"],
    "GetRecord": ["record"],
    "ListIdentifiers": ["header", "resumptionToken"],
    "ListRecords": ["record", "resumptionToken"],
}  # fmt: skip


def _local(element) -> str:
    return etree.QName(element).localname


def _in_order(children: list[str], allowed: list[str]) -> bool:
    positions = [allowed.index(name) for name in children if name in allowed]
    return len(positions) == len(children) and positions == sorted(positions)


def _assert_header(header) -> None:
    assert header.tag == f"{{{OAI}}}header"
    names = [_local(c) for c in header]
    assert names[:2] == ["identifier", "datestamp"] and set(names[2:]) <= {"setSpec"}
    assert header.get("status") in (None, "deleted")
    assert STAMP.match(header.findtext("o:datestamp", namespaces=NS))
    for spec in header.findall("o:setSpec", NS):
        assert re.fullmatch(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*", spec.text)


def _assert_record(record) -> None:
    children = list(record)
    _assert_header(children[0])
    deleted = children[0].get("status") == "deleted"
    if deleted:
        assert len(children) == 1, "a deleted record carries no metadata"
        return
    assert [_local(c) for c in children] == ["header", "metadata"]
    [dc] = list(children[1])
    assert dc.tag == f"{{{OAI_DC}}}dc"
    assert dc.get(f"{{{XSI}}}schemaLocation") == (
        f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    assert len(dc) > 0
    for element in dc:
        assert etree.QName(element).namespace == DC and _local(element) in DC_NAMES
        assert element.text and element.text.strip()


def assert_oai_structure(root) -> None:
    """The structure of OAI-PMH.xsd (and oai_dc.xsd) for a response, checked offline."""
    assert root.tag == f"{{{OAI}}}OAI-PMH"
    assert root.get(f"{{{XSI}}}schemaLocation") == (
        f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )
    children = list(root)
    assert [_local(c) for c in children[:2]] == ["responseDate", "request"]
    assert STAMP.match(children[0].text)
    request = children[1]
    assert request.text == oai_base_url()
    rest = children[2:]
    assert rest, "a response holds errors or the verb's element"
    if _local(rest[0]) == "error":
        assert all(_local(e) == "error" and e.get("code") in ERROR_CODES for e in rest)
        assert all(e.text and e.text.strip() for e in rest)
        if {e.get("code") for e in rest} & {"badVerb", "badArgument"}:
            assert dict(request.attrib) == {}, "no attributes after badVerb/badArgument"
        return
    [body] = rest
    verb = _local(body)
    assert request.get("verb") == verb
    names = [_local(c) for c in body]
    assert names and _in_order(names, VERB_CHILDREN[verb]), names
    for child in body:
        name = _local(child)
        if name == "header":
            _assert_header(child)
        elif name == "record":
            _assert_record(child)
        elif name == "resumptionToken":
            assert child.get("cursor", "").isdigit()
            assert child.get("completeListSize", "").isdigit()
        elif name == "set":
            assert [_local(c) for c in child][:2] == ["setSpec", "setName"]
        elif name == "metadataFormat":
            assert [_local(c) for c in child] == ["metadataPrefix", "schema", "metadataNamespace"]


def oai(client, method: str = "get", **params):
    """One request to /oai; the parsed and structure-checked response root."""
    send = client.post if method == "post" else client.get
    response = send("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(response.content)
    assert_oai_structure(root)
    return root


def error_code(root) -> str | None:
    error = root.find("o:error", NS)
    return error.get("code") if error is not None else None


def identifiers(root) -> list[str]:
    return [e.text for e in root.iterfind(".//o:header/o:identifier", NS)]


def public_items():
    return SharedItem.objects.filter(type__in=["laws.document", "portal.page", "oai.record"])


def make_documents(count: int, *, fields=()) -> list:
    return [
        document_create(
            title=f"Văn bản thử nghiệm {i}",
            number=f"{i + 1}/2024/NĐ-CP",
            origin="manual",
            fields=fields,
        )
        for i in range(count)
    ]


# --------------------------------------------------------------------------- Identify


def test_identify_describes_the_repository(client, settings):
    settings.EXCHANGE_ADMIN_EMAIL = "Phòng PBGDPL <pbgdpl@stp.gialai.gov.vn>"
    [doc] = make_documents(1)
    item = SharedItem.objects.get(local_id=str(doc.pk), type="laws.document")
    SharedItem.objects.filter(pk=item.pk).update(
        updated_at=datetime(2024, 5, 6, 7, 8, 9, 500, UTC),
        changed_at=datetime(2024, 5, 6, 7, 8, 9, 500, UTC),
    )
    root = oai(client, verb="Identify")
    identify = root.find("o:Identify", NS)
    text = {_local(c): c.text for c in identify}
    host = node_base_url().split("://", 1)[1]
    assert text["repositoryName"] == f"PBGDPL Số – {host}"
    assert text["baseURL"] == node_base_url() + "/oai" == root.findtext("o:request", namespaces=NS)
    assert text["protocolVersion"] == "2.0"
    assert text["adminEmail"] == "pbgdpl@stp.gialai.gov.vn"
    assert text["earliestDatestamp"] == "2024-05-06T07:08:09Z"
    assert text["deletedRecord"] == "persistent"
    assert text["granularity"] == "YYYY-MM-DDThh:mm:ssZ"
    assert root.find("o:request", NS).attrib == {"verb": "Identify"}


def test_identify_falls_back_on_the_site_sender_address(client, settings):
    settings.EXCHANGE_ADMIN_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "PBGDPL Số <hop-thu@stp.example.vn>"
    root = oai(client, verb="Identify")
    assert root.findtext("o:Identify/o:adminEmail", namespaces=NS) == "hop-thu@stp.example.vn"


def test_post_requests_are_answered_like_get(client):
    make_documents(2)
    by_get = identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc"))
    by_post = identifiers(oai(client, "post", verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert by_get == by_post and len(by_get) == 2


def test_other_http_methods_are_refused(client):
    assert client.put("/oai", "verb=Identify").status_code == 405
    assert client.delete("/oai").status_code == 405


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "query",
    [
        "",
        "verb=Nhap",
        "verb=Identify&verb=Identify",
        "verb=listrecords&metadataPrefix=oai_dc",
    ],
    ids=["missing", "illegal", "repeated", "case-sensitive"],
)
def test_bad_verbs(client, query):
    response = client.get(f"/oai?{query}")
    root = etree.fromstring(response.content)
    assert_oai_structure(root)
    assert error_code(root) == "badVerb"


@pytest.mark.parametrize(
    "query",
    [
        "verb=Identify&metadataPrefix=oai_dc",
        "verb=ListRecords",
        "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
        "verb=ListRecords&metadataPrefix=oai_dc&offset=10",
        "verb=ListRecords&metadataPrefix=oai_dc&from=",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-01",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-30",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01T10:00:00",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01T10:00:00.5Z",
        "verb=ListRecords&metadataPrefix=oai_dc&from=01/02/2026",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-02T00:00:00Z",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-02&until=2026-01-01",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01T10:00:01Z"
        "&until=2026-01-01T10:00:00Z",
        "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc",
        "verb=ListIdentifiers&resumptionToken=abc&set=type",
        "verb=GetRecord&metadataPrefix=oai_dc",
        "verb=GetRecord&identifier=x",
        "verb=ListSets&set=type",
        "verb=ListMetadataFormats&identifier=a&identifier=b",
    ],
)
def test_bad_arguments_get_bad_argument_without_request_attributes(client, query):
    make_documents(1)
    root = etree.fromstring(client.get(f"/oai?{query}").content)
    assert_oai_structure(root)  # checks the request element has no attributes
    assert error_code(root) == "badArgument", root.findtext("o:error", namespaces=NS)
    assert root.find("o:request", NS).attrib == {}


def test_error_messages_are_in_vietnamese(client):
    root = oai(client, verb="ListRecords")
    assert root.findtext("o:error", namespaces=NS) == "Thiếu tham số bắt buộc: metadataPrefix."


def test_unknown_metadata_format_cannot_be_disseminated(client):
    [doc] = make_documents(1)
    uri = SharedItem.objects.get(local_id=str(doc.pk), type="laws.document").uri
    for params in (
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_ddi"},
        {"verb": "GetRecord", "metadataPrefix": "mods", "identifier": uri},
    ):
        root = oai(client, **params)
        assert error_code(root) == "cannotDisseminateFormat"
        # Other errors echo the (valid) arguments.
        assert root.find("o:request", NS).attrib == params


def test_unknown_identifiers_do_not_exist(client):
    missing = f"{node_base_url()}/id/laws.document/{uuid5(NAMESPACE_URL, 'khong-co')}"
    for params in (
        {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": missing},
        {"verb": "ListMetadataFormats", "identifier": missing},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:khac:1"},
    ):
        root = oai(client, **params)
        assert error_code(root) == "idDoesNotExist"
        assert root.find("o:request", NS).get("identifier") == params["identifier"]


def test_empty_repository_matches_no_records(client):
    SharedItem.objects.all().delete()
    for verb in ("ListRecords", "ListIdentifiers"):
        assert error_code(oai(client, verb=verb, metadataPrefix="oai_dc")) == "noRecordsMatch"


def test_characters_xml_cannot_carry_are_left_out(client):
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier="x\x01\x0by")
    assert error_code(root) == "idDoesNotExist"
    assert root.find("o:request", NS).get("identifier") == "xy"


# --------------------------------------------------------------------------- metadata formats, sets


def test_list_metadata_formats_offers_oai_dc(client):
    [doc] = make_documents(1)
    uri = SharedItem.objects.get(local_id=str(doc.pk), type="laws.document").uri
    for params in ({}, {"identifier": uri}):
        root = oai(client, verb="ListMetadataFormats", **params)
        [fmt] = root.findall("o:ListMetadataFormats/o:metadataFormat", NS)
        assert fmt.findtext("o:metadataPrefix", namespaces=NS) == "oai_dc"
        assert fmt.findtext("o:metadataNamespace", namespaces=NS) == OAI_DC
        assert fmt.findtext("o:schema", namespaces=NS).endswith("/oai_dc.xsd")


def test_list_sets_by_type_and_by_legal_field(client):
    document_create(
        title="Luật Đất đai", number="31/2024/QH15", origin="manual", fields=["Đất đai"]
    )
    document_create(
        title="Luật Hộ tịch",
        number="60/2014/QH13",
        origin="manual",
        fields=["Hộ tịch", "Đất đai"],
    )
    root = oai(client, verb="ListSets")
    sets = {
        s.findtext("o:setSpec", namespaces=NS): s.findtext("o:setName", namespaces=NS)
        for s in root.iterfind("o:ListSets/o:set", NS)
    }
    assert sets["type"] and sets["field"]
    assert sets["type:laws.document"] == "Văn bản pháp luật"
    # Records harvested from other repositories are not offered again.
    assert "type:portal.page" in sets and "type:oai.record" not in sets
    assert sets["field:dat-dai"] == "Đất đai" and sets["field:ho-tich"] == "Hộ tịch"
    assert len([s for s in sets if s.startswith("field:")]) == 2
    assert field_slug("Quyền dân sự và Tố tụng") == "quyen-dan-su-va-to-tung"


def test_list_sets_has_no_resumption(client):
    root = oai(client, verb="ListSets", resumptionToken="bat-ky")
    assert error_code(root) == "badResumptionToken"


def test_field_names_of_deleted_items_are_not_sets(client):
    [doc] = make_documents(1, fields=["Hình sự"])
    assert "field:hinh-su" in oai(client, verb="ListSets").xpath(
        "//o:setSpec/text()", namespaces=NS
    )
    local_id = str(doc.pk)
    doc.delete()
    exchange_publish(type="laws.document", local_ids=[local_id])
    assert SharedItem.objects.get(local_id=local_id, type="laws.document").deleted
    specs = oai(client, verb="ListSets").xpath("//o:setSpec/text()", namespaces=NS)
    assert "field:hinh-su" not in specs and "field" not in specs


# --------------------------------------------------------------------------- records


def test_get_record_gives_the_dublin_core_of_the_type(client):
    doc = document_create(
        title="Luật Phổ biến, giáo dục pháp luật",
        number="14/2012/QH13",
        origin="manual",
        fields=["Phổ biến, giáo dục pháp luật"],
    )
    item = SharedItem.objects.get(local_id=str(doc.pk), type="laws.document")
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=item.uri)
    [record] = root.findall("o:GetRecord/o:record", NS)
    header = record.find("o:header", NS)
    assert header.findtext("o:identifier", namespaces=NS) == item.uri
    assert header.findtext("o:datestamp", namespaces=NS) == item.changed_at.astimezone(
        UTC
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert [s.text for s in header.findall("o:setSpec", NS)] == [
        "type:laws.document",
        "field:pho-bien-giao-duc-phap-luat",
    ]
    dc = record.find("o:metadata/oai_dc:dc", NS)
    assert dc.nsmap["oai_dc"] == OAI_DC and dc.nsmap["dc"] == DC
    values = {}
    for element in dc:
        values.setdefault(_local(element), []).append(element.text)
    assert values["title"] == ["Luật Phổ biến, giáo dục pháp luật"]
    assert values["subject"] == ["Phổ biến, giáo dục pháp luật"]
    assert "14/2012/QH13" in values["identifier"]
    assert values["language"] == ["vi"]
    assert values["rights"] == [item.licence]


def test_records_of_a_type_without_dublin_core_get_a_minimal_one(client, plain_type):
    exchange_publish_all(type=plain_type)
    item = SharedItem.objects.filter(type=plain_type).order_by("local_id").first()
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=item.uri)
    dc = root.find(".//oai_dc:dc", NS)
    values = {_local(e): e.text for e in dc}
    assert values["title"] == "Mục 1"
    assert values["identifier"] == item.uri and values["type"] == "Loại không có Dublin Core"


def test_restricted_types_are_not_harvestable(client, plain_type, secret_type):
    exchange_publish_all(type=secret_type)
    exchange_publish_all(type=plain_type)
    secret = SharedItem.objects.filter(type=secret_type).first()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    listed = identifiers(root)
    assert secret.uri not in listed and len(listed) == 2
    assert (
        error_code(oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=secret.uri))
        == "idDoesNotExist"
    )
    specs = oai(client, verb="ListSets").xpath("//o:setSpec/text()", namespaces=NS)
    assert f"type:{secret_type}" not in specs and f"type:{plain_type}" in specs
    assert (
        error_code(
            oai(client, verb="ListRecords", metadataPrefix="oai_dc", set=f"type:{secret_type}")
        )
        == "noRecordsMatch"
    )


def test_unpublished_page_is_a_deleted_record_for_ever(client):
    page = guidance_page(parent=section_page(), title="Thủ tục đăng ký khai sinh")
    item = SharedItem.objects.get(type="portal.page")
    live = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=item.uri)
    assert live.find(".//o:header", NS).get("status") is None
    page.unpublish()
    for root in (
        oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=item.uri),
        oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="type:portal.page"),
    ):
        [record] = root.findall(".//o:record", NS)
        header = record.find("o:header", NS)
        assert header.get("status") == "deleted"
        assert header.findtext("o:identifier", namespaces=NS) == item.uri
        assert record.find("o:metadata", NS) is None
    [header] = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc").findall(
        ".//o:header", NS
    )
    assert header.get("status") == "deleted"
    page.delete()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:portal.page")
    assert root.find(".//o:header", NS).get("status") == "deleted"  # persistent


# --------------------------------------------------------------------------- resumption


def _harvest(client, verb: str, **params) -> tuple[list, list]:
    """Every page of a list: (the pages' roots, their resumptionToken elements)."""
    pages, tokens = [], []
    root = oai(client, verb=verb, **params)
    while True:
        pages.append(root)
        token = root.find(f"o:{verb}/o:resumptionToken", NS)
        tokens.append(token)
        if token is None or not (token.text or "").strip():
            return pages, tokens
        root = oai(client, verb=verb, resumptionToken=token.text)
        assert root.find("o:request", NS).attrib == {"verb": verb, "resumptionToken": token.text}


def test_list_records_resumes_over_pages_with_size_and_cursor(client, settings):
    settings.EXCHANGE_OAI_PAGE_SIZE = 3
    make_documents(8)
    pages, tokens = _harvest(client, "ListRecords", metadataPrefix="oai_dc")
    assert [len(p.findall(".//o:record", NS)) for p in pages] == [3, 3, 2]
    assert [t.get("cursor") for t in tokens] == ["0", "3", "6"]
    assert {t.get("completeListSize") for t in tokens} == {"8"}
    assert all(STAMP.match(t.get("expirationDate")) for t in tokens[:-1])
    assert tokens[-1].text is None and tokens[-1].get("expirationDate") is None
    seen = [uri for page in pages for uri in identifiers(page)]
    expected = list(public_items().order_by("seq").values_list("uri", flat=True))
    assert seen == expected and len(set(seen)) == 8


def test_list_identifiers_resumes_with_a_set(client, settings):
    settings.EXCHANGE_OAI_PAGE_SIZE = 2
    make_documents(5, fields=["Đất đai"])
    make_documents_other = document_create(
        title="Luật Hôn nhân và gia đình", number="52/2014/QH13", origin="manual"
    )
    pages, tokens = _harvest(
        client, "ListIdentifiers", metadataPrefix="oai_dc", set="field:dat-dai"
    )
    assert [len(identifiers(p)) for p in pages] == [2, 2, 1]
    assert {t.get("completeListSize") for t in tokens} == {"5"}
    other = SharedItem.objects.get(local_id=str(make_documents_other.pk), type="laws.document")
    assert other.uri not in [u for p in pages for u in identifiers(p)]


def test_a_list_that_fits_one_page_has_no_token(client):
    make_documents(2)
    root = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert root.find(".//o:resumptionToken", NS) is None


def test_paging_is_a_stable_snapshot(client, settings):
    """Items changed or added during a harvest are not sent twice nor counted in it: their
    new datestamp brings them to the next incremental harvest."""
    settings.EXCHANGE_OAI_PAGE_SIZE = 2
    docs = make_documents(5)
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(".//o:resumptionToken", NS).text
    admin = UserFactory(is_superuser=True)
    document_update(document=docs[0], user=admin, title="Văn bản đã sửa trong lúc thu thập")
    document_create(title="Văn bản mới trong lúc thu thập", number="99/2024/NĐ-CP", origin="manual")
    seen = identifiers(first)
    root = oai(client, verb="ListIdentifiers", resumptionToken=token)
    while True:
        seen += identifiers(root)
        token_el = root.find(".//o:resumptionToken", NS)
        assert token_el.get("completeListSize") == "5"
        if not (token_el.text or "").strip():
            break
        root = oai(client, verb="ListIdentifiers", resumptionToken=token_el.text)
    assert len(seen) == len(set(seen)) == 5


def test_forged_altered_or_expired_tokens_are_refused(client, settings):
    settings.EXCHANGE_OAI_PAGE_SIZE = 1
    make_documents(3)
    token = (
        oai(client, verb="ListRecords", metadataPrefix="oai_dc")
        .find(".//o:resumptionToken", NS)
        .text
    )
    payload, stamp, signature = token.split(":")
    altered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + f":{stamp}:{signature}"
    for bad in (altered, "b2FpX2RjLy8vLzI", token + "x", token.replace(":", ".")):
        root = oai(client, verb="ListRecords", resumptionToken=bad)
        assert error_code(root) == "badResumptionToken"
        assert root.find("o:request", NS).get("resumptionToken") == bad
    # A token of another verb's list.
    assert error_code(oai(client, verb="ListIdentifiers", resumptionToken=token)) == (
        "badResumptionToken"
    )
    assert error_code(oai(client, verb="ListRecords", resumptionToken=token)) is None
    settings.EXCHANGE_OAI_TOKEN_MAX_AGE = -1  # every token is now too old
    assert error_code(oai(client, verb="ListRecords", resumptionToken=token)) == (
        "badResumptionToken"
    )


# --------------------------------------------------------------------------- sets, dates


def test_selective_harvesting_by_type_and_field(client):
    land = document_create(
        title="Luật Đất đai", number="31/2024/QH15", origin="manual", fields=["Đất đai"]
    )
    family = document_create(
        title="Luật Hôn nhân và gia đình",
        number="52/2014/QH13",
        origin="manual",
        fields=["Hôn nhân và gia đình"],
    )
    guidance_page(parent=section_page(), title="Hướng dẫn đăng ký kết hôn")
    uri = {
        d.pk: SharedItem.objects.get(local_id=str(d.pk), type="laws.document").uri
        for d in (land, family)
    }
    page_uri = SharedItem.objects.get(type="portal.page").uri

    def listed(set_spec):
        root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=set_spec)
        return set(identifiers(root)) if error_code(root) is None else error_code(root)

    assert listed("type:laws.document") == {uri[land.pk], uri[family.pk]}
    assert listed("type:portal.page") == {page_uri}
    assert listed("type") == {uri[land.pk], uri[family.pk], page_uri}
    assert listed("field:dat-dai") == {uri[land.pk]}
    assert listed("field:hon-nhan-va-gia-dinh") == {uri[family.pk]}
    assert listed("field") == {uri[land.pk], uri[family.pk]}
    assert listed("field:khong-co") == "noRecordsMatch"
    assert listed("type:khong.co") == "noRecordsMatch"
    assert listed("chu-de") == "noRecordsMatch"
    # A tombstone has lost its fields: every field set carries it, so no harvester of a
    # field keeps a record that was deleted.
    land_uri = uri[land.pk]
    land_id = SharedItem.objects.get(uri=land_uri).local_id
    land.delete()
    exchange_publish(type="laws.document", local_ids=[land_id])
    assert SharedItem.objects.get(uri=land_uri).deleted
    assert listed("field:hon-nhan-va-gia-dinh") == {uri[family.pk], land_uri}
    assert listed("field:dat-dai") == "noRecordsMatch"  # the set is gone with its last item


def _stamp_items(stamps: dict[str, datetime]) -> None:
    for uri, moment in stamps.items():
        SharedItem.objects.filter(uri=uri).update(updated_at=moment, changed_at=moment)


def test_selective_harvesting_by_date_is_inclusive_at_both_ends(client):
    docs = make_documents(4)
    uris = [SharedItem.objects.get(local_id=str(d.pk), type="laws.document").uri for d in docs]
    _stamp_items(
        {
            uris[0]: datetime(2025, 12, 31, 23, 59, 59, 900000, UTC),
            uris[1]: datetime(2026, 1, 1, 0, 0, 0, tzinfo=UTC),
            uris[2]: datetime(2026, 1, 1, 10, 0, 0, 400000, UTC),
            uris[3]: datetime(2026, 1, 2, 0, 0, 0, tzinfo=UTC),
        }
    )

    def listed(**params):
        root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        if error_code(root):
            return error_code(root)
        return [uris.index(u) for u in identifiers(root)]

    assert listed(**{"from": "2026-01-01"}) == [1, 2, 3]
    assert listed(until="2026-01-01") == [0, 1, 2]
    assert listed(**{"from": "2026-01-01", "until": "2026-01-01"}) == [1, 2]
    assert listed(**{"from": "2026-01-01T10:00:00Z", "until": "2026-01-01T10:00:00Z"}) == [2]
    assert listed(**{"from": "2026-01-01T10:00:01Z"}) == [3]
    assert listed(until="2025-12-31T23:59:58Z") == "noRecordsMatch"
    assert listed(**{"from": "2030-01-01"}) == "noRecordsMatch"
    # The datestamps shown are the items' changed_at in UTC, to the second.
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2025-12-31")
    assert root.findtext(".//o:datestamp", namespaces=NS) == "2025-12-31T23:59:59Z"


def test_dates_travel_in_the_token(client, settings):
    settings.EXCHANGE_OAI_PAGE_SIZE = 1
    docs = make_documents(4)
    uris = [SharedItem.objects.get(local_id=str(d.pk), type="laws.document").uri for d in docs]
    _stamp_items({uri: datetime(2026, 1, 1 + i, tzinfo=UTC) for i, uri in enumerate(uris)})
    pages, tokens = _harvest(
        client, "ListIdentifiers", metadataPrefix="oai_dc", until="2026-01-03", set="type"
    )
    assert [u for p in pages for u in identifiers(p)] == uris[:3]
    assert tokens[0].get("completeListSize") == "3"


# --------------------------------------------------------------------------- fixtures


def _type_fixture(name: str, *, title: str, public: bool, dublin_core=None):
    def fetch(ids):
        return [
            SharedRecord(
                local_id=i,
                uuid=uuid5(NAMESPACE_URL, f"{name}:{i}"),
                data={"title": f"Mục {i}"},
                updated_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
            for i in ids
        ]

    register(
        ExchangeType(
            name=name,
            title=title,
            schema={"type": "object"},
            fetch=fetch,
            all_ids=lambda: ["1", "2"],
            public=public,
            dublin_core=dublin_core,
        )
    )
    return name


@pytest.fixture
def _registry_restored():
    from pbgdpl.exchange import registry

    before = registered_types()
    yield
    registry._TYPES.clear()
    registry._TYPES.update(before)


@pytest.fixture
def plain_type(_registry_restored):
    return _type_fixture("test.plain", title="Loại không có Dublin Core", public=True)


@pytest.fixture
def secret_type(_registry_restored):
    return _type_fixture("test.secret", title="Loại hạn chế", public=False)


def test_token_is_opaque_but_signed_with_the_site_key(client, settings):
    settings.EXCHANGE_OAI_PAGE_SIZE = 1
    make_documents(2)
    token = (
        oai(client, verb="ListRecords", metadataPrefix="oai_dc")
        .find(".//o:resumptionToken", NS)
        .text
    )
    settings.SECRET_KEY = hashlib.sha256(b"mot-khoa-khac").hexdigest()
    assert error_code(oai(client, verb="ListRecords", resumptionToken=token)) == (
        "badResumptionToken"
    )
