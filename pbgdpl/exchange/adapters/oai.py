"""The adapter of OAI-PMH 2.0 repositories (``Peer.kind == "oai"``): DSpace, EPrints,
another PBGDPL Số node's ``/oai``, any data provider.

It harvests ``ListRecords`` in ``oai_dc`` from ``peer.base_url`` (the repository's
baseURL), selectively by ``peer.options["set"]`` when given, and follows the
resumptionTokens. Each record becomes one entry of OUR feed, of the generic type
``oai.record`` (oai_types.py)::

    uri     = <baseURL>/id/oai.record/<uuid5(NAMESPACE_URL, OAI identifier)>
    origin  = <baseURL>
    version = the record's datestamp in seconds since 1970 (it grows with each change)
    op      = "delete" for a record whose header says status="deleted"

The cursor (``Peer.cursor``, JSON) says where the harvest stands:

* ``""``: never harvested: the next run asks for everything;
* ``{"token": …, "harvest": …, "from": …}`` while a list is being paged: the
  resumptionToken to send next, the ``responseDate`` of the list's first page and the
  ``from`` the list was asked with (to start it again if the token expires);
* ``{"from": …}`` once a list is complete: the ``responseDate`` of its first page, sent
  as ``from`` by the next run (an incremental harvest; records changed while the list
  was paged are asked for again, and receiving them twice changes nothing).

``noRecordsMatch`` is an empty, complete list. A ``badResumptionToken`` ends the run
with an empty batch and the list starts again (from its ``from``) on the next run. A
repository that only knows day granularity answers ``badArgument`` to a ``from`` with a
time: the request is repeated with the day. Any other OAI error raises
:class:`PeerProtocolError` with its code and message; network failures, HTTP 5xx and
429 (and 503 with ``Retry-After``, OAI-PMH's flow control) raise :class:`PeerError`.
The page size is the repository's: ``limit`` cannot be passed on in OAI-PMH.
"""

import json
import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from uuid import NAMESPACE_URL, uuid5

import requests
from django.conf import settings
from django.utils import timezone
from lxml import etree

from ..canonical import content_hash
from ..oai_types import DC_ELEMENTS, OAI_RECORD, dc_key
from .base import (
    Adapter,
    FetchedBatch,
    PeerError,
    PeerProtocolError,
    register_adapter,
    response_body_read,
)

logger = logging.getLogger(__name__)

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CURSOR_MAX_CHARS = 300  # Peer.cursor
LICENCE_MAX_CHARS = 200


class OaiResponseTooLarge(PeerProtocolError):
    """The response exceeded ``EXCHANGE_MAX_RESPONSE_BYTES`` (a repository's page size is
    its own: asking again for fewer records does not help)."""


def _q(name: str) -> str:
    return f"{{{OAI_NS}}}{name}"


def _text(element: Any) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _excerpt(body: bytes, size: int = 200) -> str:
    text = " ".join(body[: size * 4].decode("utf-8", errors="replace").split())
    return text[:size] + ("…" if len(text) > size else "")


def _datestamp_parse(value: str) -> datetime | None:
    """An OAI datestamp (day or second granularity) as an aware UTC datetime."""
    for pattern in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


@register_adapter
class OaiAdapter(Adapter):
    """Harvests an OAI-PMH repository (``Peer.kind == "oai"``) in ``oai_dc``."""

    kind = "oai"

    def cursor_sort_key(self, cursor: str) -> str:
        """Cursors are ordered by the harvest they belong to (its first responseDate), so
        a full reconciliation never moves an incremental harvest back in time."""
        state = self._cursor_load(cursor)
        return state.get("harvest") or state.get("from") or ""

    def fetch(self, cursor: str, *, limit: int) -> FetchedBatch:
        """The next page of the harvest after ``cursor`` (see the module docstring)."""
        state = self._cursor_load(cursor)
        token = state.get("token", "")
        if token:
            params = {"verb": "ListRecords", "resumptionToken": token}
        else:
            params = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
            set_spec = (self.peer.options or {}).get("set")
            if set_spec:
                params["set"] = str(set_spec)
            if state.get("from"):
                params["from"] = state["from"]
        root, size = self._request(params)
        errors = {e.get("code", ""): _text(e) for e in root.findall(_q("error"))}
        if "badArgument" in errors and "T" in params.get("from", ""):
            # A repository with day granularity: ask again with the day only.
            params["from"] = params["from"][:10]
            root, more = self._request(params)
            size += more
            errors = {e.get("code", ""): _text(e) for e in root.findall(_q("error"))}
        response_date = self._response_date(root)
        harvest = state.get("harvest") or response_date
        if "noRecordsMatch" in errors:
            return FetchedBatch(
                items=[],
                next_cursor=self._cursor_dump({"from": harvest}),
                has_more=False,
                raw_bytes=size,
            )
        if "badResumptionToken" in errors and token:
            note = (
                f"Kho OAI-PMH {self.peer.name} không nhận resumptionToken đã lưu "
                f"({errors['badResumptionToken'][:200]}); lần kéo sau bắt đầu lại danh sách."
            )
            logger.warning("%s", note)
            restart = {"from": state["from"]} if state.get("from") else {}
            return FetchedBatch(
                items=[],
                next_cursor=self._cursor_dump(restart),
                has_more=False,
                raw_bytes=size,
                notes=[note],
            )
        if errors:
            described = "; ".join(f"{code}: {message}" for code, message in errors.items())
            raise PeerProtocolError(f"Kho OAI-PMH {self.peer.name} báo lỗi {described[:1000]}")
        records = root.find(_q("ListRecords"))
        if records is None:
            raise PeerProtocolError(
                f"Phản hồi của kho OAI-PMH {self.peer.name} không có ListRecords."
            )
        items: list[dict[str, Any]] = []
        notes: list[str] = []
        for record in records.findall(_q("record")):
            entry = self._entry(record, notes)
            if entry is not None:
                items.append(entry)
        next_token = _text(records.find(_q("resumptionToken")))
        if next_token:
            following = {"token": next_token, "harvest": harvest}
            if state.get("from"):
                following["from"] = state["from"]
            return FetchedBatch(
                items=items,
                next_cursor=self._cursor_dump(following),
                has_more=True,
                raw_bytes=size,
                notes=notes,
            )
        return FetchedBatch(
            items=items,
            next_cursor=self._cursor_dump({"from": harvest}),
            has_more=False,
            raw_bytes=size,
            notes=notes,
        )

    # -- records --------------------------------------------------------------------

    def _repository(self) -> str:
        """The repository's baseURL without query or fragment (the origin of its items)."""
        parts = urlsplit(self.peer.base_url.strip())
        return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))

    def _entry(self, record: Any, notes: list[str]) -> dict[str, Any] | None:
        """One record as an entry of our feed (None, with a note, when it cannot be read)."""
        header = record.find(_q("header"))
        identifier = _text(header.find(_q("identifier"))) if header is not None else ""
        datestamp = _text(header.find(_q("datestamp"))) if header is not None else ""
        moment = _datestamp_parse(datestamp)
        if not identifier or moment is None:
            note = (
                f"Kho OAI-PMH {self.peer.name}: bỏ qua một bản ghi thiếu định danh hoặc "
                f"dấu thời gian hợp lệ ({identifier[:200] or 'không có định danh'}, "
                f"{datestamp[:40] or 'không có dấu thời gian'})."
            )
            logger.warning("%s", note)
            notes.append(note)
            return None
        repository = self._repository()
        entry: dict[str, Any] = {
            "uri": f"{repository}/id/{OAI_RECORD}/{uuid5(NAMESPACE_URL, identifier)}",
            "type": OAI_RECORD,
            "version": max(1, int(moment.timestamp())),
            "updated_at": moment.isoformat(),
            "origin": repository,
            "licence": "",
        }
        if header.get("status") == "deleted":
            return {**entry, "op": "delete", "hash": content_hash({}), "data": {}}
        data: dict[str, Any] = {
            "identifier": identifier,
            "datestamp": datestamp,
            "repository": repository,
        }
        sets = [_text(s) for s in header.findall(_q("setSpec"))]
        if any(sets):
            data["sets"] = [s for s in sets if s]
        dc = record.find(f"{_q('metadata')}/{{{OAI_DC_NS}}}dc")
        if dc is not None:
            for element in DC_ELEMENTS:
                values = [_text(v) for v in dc.findall(f"{{{DC_NS}}}{element}")]
                values = [v for v in values if v]
                if values:
                    data[dc_key(element)] = values
        rights = data.get("rights") or []
        licence = rights[0] if rights and len(rights[0]) <= LICENCE_MAX_CHARS else ""
        return {
            **entry,
            "op": "upsert",
            "hash": content_hash(data),
            "data": data,
            "licence": licence,
        }

    # -- cursor ---------------------------------------------------------------------

    def _cursor_load(self, cursor: str) -> dict[str, str]:
        text = (cursor or "").strip()
        if not text:
            return {}
        try:
            state = json.loads(text)
        except ValueError:
            state = None
        if not isinstance(state, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in state.items()
        ):
            raise PeerProtocolError(
                f"Con trỏ của kho OAI-PMH {self.peer.name} không hợp lệ: {text[:80]!r} "
                '(cần JSON dạng {"from": …} hoặc {"token": …}); xóa con trỏ để thu thập lại.'
            )
        return state

    def _cursor_dump(self, state: dict[str, str]) -> str:
        if not state:
            return ""
        text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        if len(text) > CURSOR_MAX_CHARS and "from" in state and "token" in state:
            # The from of the list only serves to restart it: the token matters more.
            state = {k: v for k, v in state.items() if k != "from"}
            text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        if len(text) > CURSOR_MAX_CHARS:
            raise PeerProtocolError(
                f"resumptionToken của kho OAI-PMH {self.peer.name} quá dài "
                f"({len(state.get('token', ''))} ký tự) để lưu làm con trỏ."
            )
        return text

    # -- HTTP -----------------------------------------------------------------------

    def _response_date(self, root: Any) -> str:
        value = _text(root.find(_q("responseDate")))
        moment = _datestamp_parse(value)
        if moment is None:  # missing or malformed: our own clock, to the second
            moment = timezone.now().astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _request(self, params: dict[str, str]) -> tuple[Any, int]:
        """GET the repository with ``params``; the parsed OAI-PMH root and the body size."""
        name = self.peer.name
        timeout = float(getattr(settings, "EXCHANGE_HTTP_TIMEOUT", 20))
        session = self.session or requests.Session()
        try:
            response = session.get(
                self.peer.base_url,
                params=params,
                headers={"Accept": "text/xml, application/xml"},
                timeout=(timeout, timeout),
                stream=True,
            )
        except requests.Timeout:
            raise PeerError(f"Quá thời gian chờ kho OAI-PMH {name} ({timeout:g} giây).") from None
        except requests.ConnectionError as exc:
            raise PeerError(f"Không kết nối được kho OAI-PMH {name}: {exc}") from None
        except requests.RequestException as exc:
            raise PeerProtocolError(f"Không gọi được kho OAI-PMH {name}: {exc}") from None
        try:
            status = response.status_code
            if status >= 500 or status == 429:
                error = PeerError(f"Kho OAI-PMH {name} trả lỗi HTTP {status}; sẽ thử lại.")
                retry_after = (response.headers.get("Retry-After") or "").strip()
                error.retry_after = float(retry_after) if retry_after.isdigit() else None
                raise error
            body = self._read(response, timeout=timeout)
        finally:
            response.close()
        if status >= 300:
            raise PeerProtocolError(
                f"Kho OAI-PMH {name} trả lỗi HTTP {status}: {_excerpt(body) or '(trống)'}"
            )
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(body, parser)
        except etree.XMLSyntaxError as exc:
            raise PeerProtocolError(
                f"Phản hồi của kho OAI-PMH {name} không phải XML hợp lệ ({exc}): {_excerpt(body)!r}"
            ) from None
        # Entities are never resolved (no file or network access: XXE); references to
        # ones a document declares itself are dropped rather than kept as "&name;".
        etree.strip_elements(root, etree.Entity, with_tail=False)
        if root.tag != _q("OAI-PMH"):
            raise PeerProtocolError(
                f"Phản hồi của kho OAI-PMH {name} không phải OAI-PMH 2.0 "
                f"(phần tử gốc {root.tag[:100]})."
            )
        return root, len(body)

    def _read(self, response: Any, *, timeout: float) -> bytes:
        """The body, streamed under a size cap and a wall-clock deadline."""
        name = self.peer.name
        maximum = int(getattr(settings, "EXCHANGE_MAX_RESPONSE_BYTES", 8 * 1024 * 1024))
        too_large = OaiResponseTooLarge(
            f"Phản hồi của kho OAI-PMH {name} quá lớn (> {maximum / (1024 * 1024):g} MB)."
        )
        return response_body_read(
            response,
            label=f"kho OAI-PMH {name}",
            maximum=maximum,
            timeout=timeout,
            too_large=too_large,
        )
