"""The OAI-PMH 2.0 data provider of this node's warehouse, served at ``/oai``
(https://www.openarchives.org/OAI/openarchivesprotocol.html; docs/exchange.md).

What it exposes:

* **Records** are the :class:`SharedItem` rows of the *public* registered types (ours
  and those pulled from peers: the whole warehouse, as the change feed shows it), in
  ``seq`` order. A record's **identifier is its global item URI**
  (``<node base URL>/id/<type>/<uuid>``): a URI, as OAI-PMH requires, resolvable, and
  the same on every node that holds the item, so an aggregator harvesting several
  PBGDPL Số nodes recognises one item however it reached them. The **datestamp** is the
  item's ``changed_at`` (when this node stored its latest change) in UTC, to the second.
* **Deletions are persistent**: a tombstone is a record whose header has
  ``status="deleted"`` and no metadata, forever.
* **One metadata format**, ``oai_dc``, built by each type's ``dublin_core(data)``
  (registry); a type without one gets a minimal record (title, identifier, type). The
  item's licence becomes ``dc:rights`` when the type gives none.
* **Sets**: ``type`` with one child per public type (``type:laws.document``), and
  ``field`` with one child per legal field found in the items' ``data["fields"]``
  (``field:<slug of the field name>``, e.g. ``field:dat-dai`` for "Đất đai"). Asking for
  a parent set returns the records of all its children. A header lists the minimum set
  of setSpecs (its type and its fields). A tombstone keeps its type but not its data, so
  it is returned in *every* field set (a harvester of one field hears of every deletion
  and ignores those of records it never held: no stale record is kept anywhere).
* **Lists** (ListIdentifiers, ListRecords) are snapshots: the first request fixes the
  highest ``seq`` of the list; every page continues after the last ``seq`` sent (stable
  paging, each record once). Items that change during a harvest leave this list and get
  a datestamp after it started: the next incremental harvest (``from`` = the previous
  harvest's responseDate) picks them up. ``completeListSize`` is counted once, on the
  first page. The ``resumptionToken`` carries the query, the snapshot, the last ``seq``
  and the cursor, signed with ``django.core.signing`` (opaque to harvesters, tamper
  evident, valid ``EXCHANGE_OAI_TOKEN_MAX_AGE`` seconds, default one day: the
  ``expirationDate`` attribute says until when). Page size:
  ``EXCHANGE_OAI_PAGE_SIZE`` (default 100).

Every response is ``text/xml; charset=utf-8`` with a ``responseDate`` and a ``request``
element echoing the (valid) arguments; errors are OAI ``<error code="…">`` elements with
a Vietnamese message, in an HTTP 200 response, as the protocol wants.
"""

import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Max, Min, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from lxml import etree

from pbgdpl.core.text import fold

from .models import SharedItem
from .oai_types import DC_ELEMENTS, OAI_RECORD
from .registry import ExchangeType, registered_types
from .selectors import readable_types as _readable_types
from .services import node_base_url

logger = logging.getLogger(__name__)


def readable_types(*, token: str | None) -> set[str]:
    """The types this provider shows: the public ones, except records harvested from
    other OAI-PMH repositories (harvesters should go to their source; re-exposing them
    would also let two repositories harvesting each other copy copies without end)."""
    return _readable_types(token=token) - {OAI_RECORD}


OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CONTENT_TYPE = "text/xml; charset=utf-8"

METADATA_PREFIX = "oai_dc"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
DEFAULT_PAGE_SIZE = 100
DEFAULT_TOKEN_MAX_AGE = 24 * 3600
TOKEN_SALT = "pbgdpl.exchange.oai.resumption"  # noqa: S105 (a namespace, not a secret)
TYPE_SET = "type"
FIELD_SET = "field"

# Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class OaiError(Exception):
    """An OAI-PMH error condition: ``code`` is the protocol's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class _Verb:
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    exclusive: str = ""  # an argument that must come alone (resumptionToken)

    @property
    def allowed(self) -> frozenset[str]:
        return self.required | self.optional | ({self.exclusive} if self.exclusive else set())


_LIST_VERB = _Verb(
    required=frozenset({"metadataPrefix"}),
    optional=frozenset({"from", "until", "set"}),
    exclusive="resumptionToken",
)
VERBS: dict[str, _Verb] = {
    "Identify": _Verb(),
    "ListMetadataFormats": _Verb(optional=frozenset({"identifier"})),
    "ListSets": _Verb(exclusive="resumptionToken"),
    "GetRecord": _Verb(required=frozenset({"identifier", "metadataPrefix"})),
    "ListIdentifiers": _LIST_VERB,
    "ListRecords": _LIST_VERB,
}


# --------------------------------------------------------------------------- entry point


def oai_base_url() -> str:
    """The baseURL of this node's OAI-PMH provider."""
    return node_base_url() + "/oai"


def oai_response(*, arguments: dict[str, list[str]], now: datetime | None = None) -> bytes:
    """The complete OAI-PMH response (UTF-8 XML bytes) to one request.

    ``arguments`` maps each argument name to every value it was given (a repeated
    argument is an error, so the caller must not collapse them). Never raises for bad
    input: every problem becomes an OAI ``<error>`` in the response.
    """
    now = (now or timezone.now()).astimezone(UTC).replace(microsecond=0)
    root = etree.Element(_q("OAI-PMH"), nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
    _sub(root, "responseDate", _stamp(now))
    request = _sub(root, "request", oai_base_url())
    try:
        verb, args = _arguments_parse(arguments)
    except OaiError as error:
        # badVerb / badArgument: the request element carries no attributes.
        _error(root, error)
        return _serialise(root)
    request.set("verb", verb)
    for name, value in args.items():
        request.set(name, _clean(value))
    try:
        body = _HANDLERS[verb](args, now)
    except OaiError as error:
        if error.code in ("badArgument", "badVerb"):
            for name in list(request.attrib):
                del request.attrib[name]
        _error(root, error)
    else:
        root.append(body)
    return _serialise(root)


def _arguments_parse(arguments: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    verbs = arguments.get("verb") or []
    if not verbs:
        raise OaiError("badVerb", _("Thiếu tham số verb."))
    if len(verbs) > 1:
        raise OaiError("badVerb", _("Tham số verb bị lặp lại."))
    verb = verbs[0]
    rule = VERBS.get(verb)
    if rule is None:
        raise OaiError(
            "badVerb",
            _("“%(verb)s” không phải một verb của OAI-PMH (các verb: %(verbs)s).")
            % {"verb": _clean(verb)[:100], "verbs": ", ".join(VERBS)},
        )
    args: dict[str, str] = {}
    problems: list[str] = []
    for name, values in arguments.items():
        if name == "verb":
            continue
        if name not in rule.allowed:
            problems.append(
                _("tham số không hợp lệ với %(verb)s: %(name)s")
                % {"verb": verb, "name": _clean(name)[:100]}
            )
        elif len(values) != 1:
            problems.append(_("tham số bị lặp lại: %(name)s") % {"name": name})
        elif not values[0].strip():
            problems.append(_("tham số để trống: %(name)s") % {"name": name})
        else:
            args[name] = values[0].strip()
    if not problems and rule.exclusive and rule.exclusive in args and len(args) > 1:
        problems.append(
            _("%(name)s phải đứng một mình, không kèm tham số khác") % {"name": rule.exclusive}
        )
    if not problems and rule.exclusive not in args:
        missing = sorted(rule.required - set(args))
        if missing:
            problems.append(_("thiếu tham số bắt buộc: %(names)s") % {"names": ", ".join(missing)})
    if problems:
        message = "; ".join(problems)
        raise OaiError("badArgument", message[:1].upper() + message[1:] + ".")
    return verb, args


# --------------------------------------------------------------------------- verbs


def _identify(args: dict[str, str], now: datetime) -> etree._Element:
    types = readable_types(token=None)
    earliest = SharedItem.objects.filter(type__in=types).aggregate(at=Min("changed_at"))["at"]
    identify = etree.Element(_q("Identify"))
    _sub(identify, "repositoryName", "PBGDPL Số – " + _node_name())
    _sub(identify, "baseURL", oai_base_url())
    _sub(identify, "protocolVersion", "2.0")
    _sub(identify, "adminEmail", _admin_email())
    _sub(identify, "earliestDatestamp", _stamp(earliest or now))
    _sub(identify, "deletedRecord", "persistent")
    _sub(identify, "granularity", GRANULARITY)
    return identify


def _list_metadata_formats(args: dict[str, str], now: datetime) -> etree._Element:
    if "identifier" in args:
        _item_get(args["identifier"])  # idDoesNotExist when there is no such item
    formats = etree.Element(_q("ListMetadataFormats"))
    fmt = _sub(formats, "metadataFormat")
    _sub(fmt, "metadataPrefix", METADATA_PREFIX)
    _sub(fmt, "schema", OAI_DC_SCHEMA)
    _sub(fmt, "metadataNamespace", OAI_DC_NS)
    return formats


def _list_sets(args: dict[str, str], now: datetime) -> etree._Element:
    if "resumptionToken" in args:
        # The whole set list fits in one response: no token was ever issued for it.
        raise OaiError("badResumptionToken", _("Danh sách tập hợp không dùng resumptionToken."))
    types = registered_types()
    public = sorted(readable_types(token=None))
    sets = etree.Element(_q("ListSets"))
    _set(sets, TYPE_SET, _("Theo loại dữ liệu"))
    for name in public:
        _set(sets, f"{TYPE_SET}:{name}", types[name].title if name in types else name)
    fields = _field_index(public)
    if fields:
        _set(sets, FIELD_SET, _("Theo lĩnh vực pháp luật"))
        for slug, names in fields.items():
            _set(sets, f"{FIELD_SET}:{slug}", " / ".join(names))
    return sets


def _get_record(args: dict[str, str], now: datetime) -> etree._Element:
    item = _item_get(args["identifier"])
    _prefix_check(args["metadataPrefix"])
    get = etree.Element(_q("GetRecord"))
    _record(get, item, registered_types())
    return get


def _list_identifiers(args: dict[str, str], now: datetime) -> etree._Element:
    return _list("ListIdentifiers", args, now)


def _list_records(args: dict[str, str], now: datetime) -> etree._Element:
    return _list("ListRecords", args, now)


_HANDLERS: dict[str, Callable[[dict[str, str], datetime], etree._Element]] = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": _list_identifiers,
    "ListRecords": _list_records,
}


# --------------------------------------------------------------------------- lists


@dataclass(frozen=True)
class _ListQuery:
    """One incomplete list: its arguments, its snapshot and how far it has been sent."""

    verb: str
    prefix: str
    from_: str
    until: str
    set_spec: str
    top: int  # the highest seq of the list (fixed by its first request)
    after: int  # the last seq sent
    cursor: int  # how many records were sent before this page
    size: int  # completeListSize


def _list(verb: str, args: dict[str, str], now: datetime) -> etree._Element:
    types = readable_types(token=None)
    first = "resumptionToken" not in args
    if not first:
        query = _token_load(args["resumptionToken"], verb=verb)
    else:
        query = _ListQuery(
            verb=verb,
            prefix=args["metadataPrefix"],
            from_=args.get("from", ""),
            until=args.get("until", ""),
            set_spec=args.get("set", ""),
            top=SharedItem.objects.aggregate(top=Max("seq"))["top"] or 0,
            after=0,
            cursor=0,
            size=0,
        )
        _dates_check(query.from_, query.until)
        _prefix_check(query.prefix)
    records = _list_queryset(query, types)
    if first:
        query = replace(query, size=records.count())
    page_size = max(1, int(getattr(settings, "EXCHANGE_OAI_PAGE_SIZE", DEFAULT_PAGE_SIZE)))
    rows = list(records.filter(seq__gt=query.after).order_by("seq")[: page_size + 1])
    if not rows:
        raise OaiError("noRecordsMatch", _("Không có bản ghi nào khớp với yêu cầu."))
    has_more = len(rows) > page_size
    rows = rows[:page_size]
    element = etree.Element(_q(verb))
    spec_of = registered_types()
    for item in rows:
        if verb == "ListRecords":
            _record(element, item, spec_of)
        else:
            _header(element, item)
    if has_more or query.cursor > 0:
        token = _sub(element, "resumptionToken")
        token.set("completeListSize", str(max(query.size, query.cursor + len(rows))))
        token.set("cursor", str(query.cursor))
        if has_more:
            token.text = _token_dump(
                replace(query, after=rows[-1].seq, cursor=query.cursor + len(rows))
            )
            token.set("expirationDate", _stamp(now + timedelta(seconds=_token_max_age())))
    return element


def _list_queryset(query: _ListQuery, types: set[str]) -> QuerySet[SharedItem]:
    """The records of a list (any order): public types, up to the snapshot, within the
    dates, in the set."""
    records = SharedItem.objects.filter(type__in=types, seq__lte=query.top)
    if query.from_:
        records = records.filter(changed_at__gte=_date_parse(query.from_, "from")[0])
    if query.until:
        start, granularity = _date_parse(query.until, "until")
        step = timedelta(days=1) if granularity == "day" else timedelta(seconds=1)
        records = records.filter(changed_at__lt=start + step)
    spec = query.set_spec
    if not spec or spec == TYPE_SET:
        return records
    head, _colon, rest = spec.partition(":")
    if head == TYPE_SET and rest in types:
        return records.filter(type=rest)
    if spec == FIELD_SET or head == FIELD_SET:
        index = _field_index(types)
        names = [n for ns in index.values() for n in ns] if spec == FIELD_SET else index.get(rest)
        if not names:
            # An unknown field: no such set. (The parent set with no field at all still
            # carries the tombstones.)
            return records.filter(deleted=True) if spec == FIELD_SET else records.none()
        return records.filter(Q(deleted=True) | _has_any_field(names))
    return records.none()


def _token_dump(query: _ListQuery) -> str:
    payload = [
        "R" if query.verb == "ListRecords" else "I",
        query.prefix,
        query.from_,
        query.until,
        query.set_spec,
        query.top,
        query.after,
        query.cursor,
        query.size,
    ]
    return signing.dumps(payload, salt=TOKEN_SALT, compress=True)


def _token_load(token: str, *, verb: str) -> _ListQuery:
    bad = OaiError(
        "badResumptionToken",
        _("resumptionToken không hợp lệ hoặc đã hết hạn; hãy bắt đầu lại danh sách."),
    )
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=_token_max_age())
    except signing.BadSignature:  # forged, altered or expired (SignatureExpired)
        raise bad from None
    except ValueError:
        raise bad from None
    if not (
        isinstance(payload, list)
        and len(payload) == 9
        and all(isinstance(v, str) for v in payload[:5])
        and all(isinstance(v, int) and v >= 0 for v in payload[5:])
    ):
        raise bad
    kind, prefix, from_, until, set_spec, top, after, cursor, size = payload
    if kind != ("R" if verb == "ListRecords" else "I"):
        raise OaiError(
            "badResumptionToken",
            _("resumptionToken này thuộc một danh sách của verb khác."),
        )
    return _ListQuery(verb, prefix, from_, until, set_spec, top, after, cursor, size)


def _token_max_age() -> int:
    return int(getattr(settings, "EXCHANGE_OAI_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE))


def _dates_check(from_: str, until: str) -> None:
    start = _date_parse(from_, "from") if from_ else None
    end = _date_parse(until, "until") if until else None
    if start and end:
        if start[1] != end[1]:
            raise OaiError(
                "badArgument",
                _("from và until phải cùng độ chi tiết (cùng là ngày hoặc cùng đến giây)."),
            )
        if start[0] > end[0]:
            raise OaiError("badArgument", _("from phải trước hoặc bằng until."))


def _date_parse(value: str, name: str) -> tuple[datetime, str]:
    """(the instant, "day" | "second") of an OAI UTCdatetime argument."""
    if _DAY.fullmatch(value):
        pattern, granularity = "%Y-%m-%d", "day"
    elif _SECOND.fullmatch(value):
        pattern, granularity = "%Y-%m-%dT%H:%M:%SZ", "second"
    else:
        raise OaiError(
            "badArgument",
            _("%(name)s không đúng dạng YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ: %(value)s")
            % {"name": name, "value": _clean(value)[:60]},
        )
    try:
        return datetime.strptime(value, pattern).replace(tzinfo=UTC), granularity
    except ValueError:
        raise OaiError(
            "badArgument",
            _("%(name)s không phải một ngày giờ có thật: %(value)s")
            % {"name": name, "value": value},
        ) from None


def _prefix_check(prefix: str) -> None:
    if prefix != METADATA_PREFIX:
        raise OaiError(
            "cannotDisseminateFormat",
            _("Kho chỉ cung cấp định dạng %(ours)s, không có “%(prefix)s”.")
            % {"ours": METADATA_PREFIX, "prefix": _clean(prefix)[:100]},
        )


# --------------------------------------------------------------------------- sets by field


def field_slug(name: str) -> str:
    """The setSpec part of a legal field name ("Đất đai" → "dat-dai")."""
    return slugify(fold(name))


def _field_names(types: Iterable[str]) -> list[str]:
    """The distinct legal field names in ``data["fields"]`` of the live items of these
    types: one DISTINCT query over the JSON arrays in the database, cached until the
    warehouse changes (the key holds the highest ``seq``)."""
    types = sorted(types)
    if not types:
        return []
    top = SharedItem.objects.aggregate(top=Max("seq"))["top"] or 0
    digest = hashlib.sha256(f"{connection.alias}|{top}|{','.join(types)}".encode()).hexdigest()
    key = f"exchange:oai:fields:{digest[:40]}"
    names = cache.get(key)
    if names is not None:
        return names
    table = connection.ops.quote_name(SharedItem._meta.db_table)
    marks = ", ".join(["%s"] * len(types))
    if connection.vendor == "postgresql":
        # Only the quoted table name and placeholders are interpolated: values are parameters.
        sql = (
            f"SELECT DISTINCT f.value FROM {table} AS s CROSS JOIN LATERAL "  # noqa: S608
            "jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.data -> 'fields') = 'array' "
            "THEN s.data -> 'fields' ELSE '[]'::jsonb END) AS f(value) "
            f"WHERE s.type IN ({marks}) AND NOT s.deleted"
        )
    else:  # SQLite (JSON1)
        sql = (
            f"SELECT DISTINCT f.value FROM {table} AS s, "  # noqa: S608
            "json_each(s.data, '$.fields') AS f "
            f"WHERE s.type IN ({marks}) AND NOT s.deleted AND f.type = 'text'"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, types)
        names = sorted({row[0] for row in cursor.fetchall() if str(row[0] or "").strip()})
    cache.set(key, names, 600)
    return names


def _field_index(types: Iterable[str]) -> dict[str, list[str]]:
    """slug → the field names that have it, sorted by slug."""
    index: dict[str, list[str]] = {}
    for name in _field_names(types):
        slug = field_slug(name)
        if slug:
            index.setdefault(slug, []).append(name)
    return dict(sorted(index.items()))


def _has_any_field(names: list[str]) -> Q:
    """Items whose ``data["fields"]`` holds one of ``names``."""
    if connection.vendor == "postgresql":
        condition = Q()
        for name in names:
            condition |= Q(data__fields__contains=[name])
        return condition
    table = connection.ops.quote_name(SharedItem._meta.db_table)
    marks = ", ".join(["%s"] * len(names))
    # Only the quoted table name and placeholders are interpolated: values are parameters.
    sql = (
        f"EXISTS (SELECT 1 FROM json_each({table}.data, '$.fields') AS f "  # noqa: S608
        f"WHERE f.type = 'text' AND f.value IN ({marks}))"
    )
    return Q(RawSQL(sql, names, output_field=BooleanField()))  # noqa: S611


# --------------------------------------------------------------------------- records


def _item_get(identifier: str) -> SharedItem:
    item = SharedItem.objects.filter(uri=identifier, type__in=readable_types(token=None)).first()
    if item is None:
        raise OaiError(
            "idDoesNotExist",
            _("Không có bản ghi với định danh “%(identifier)s”.")
            % {"identifier": _clean(identifier)[:300]},
        )
    return item


def _header(parent: etree._Element, item: SharedItem) -> etree._Element:
    header = _sub(parent, "header")
    if item.deleted:
        header.set("status", "deleted")
    _sub(header, "identifier", item.uri)
    _sub(header, "datestamp", _stamp(item.changed_at))
    _sub(header, "setSpec", f"{TYPE_SET}:{item.type}")
    fields = item.data.get("fields") if isinstance(item.data, dict) else None
    if isinstance(fields, list):
        slugs = {field_slug(f) for f in fields if isinstance(f, str)}
        for slug in sorted(s for s in slugs if s):
            _sub(header, "setSpec", f"{FIELD_SET}:{slug}")
    return header


def _record(parent: etree._Element, item: SharedItem, spec_of: dict[str, ExchangeType]) -> None:
    record = _sub(parent, "record")
    _header(record, item)
    if item.deleted:
        return
    metadata = _sub(record, "metadata")
    dc = etree.SubElement(
        metadata,
        f"{{{OAI_DC_NS}}}dc",
        nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS},
    )
    dc.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    for element, values in dublin_core(item, spec_of.get(item.type)).items():
        for value in values:
            etree.SubElement(dc, f"{{{DC_NS}}}{element}").text = _clean(value)


def dublin_core(item: SharedItem, spec: ExchangeType | None) -> dict[str, list[str]]:
    """The Dublin Core of a live item: its type's ``dublin_core(data)`` (elements in the
    usual order, empty values dropped), or a minimal one when the type has none or its
    data does not fit it; the item's licence as ``rights`` when none is given."""
    raw: dict = {}
    if spec is not None and spec.dublin_core is not None:
        try:
            raw = spec.dublin_core(item.data) or {}
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            logger.warning("Dữ liệu của %s không chuyển được sang Dublin Core", item.uri)
            raw = {}
    out: dict[str, list[str]] = {}
    for element in DC_ELEMENTS:
        values = raw.get(element) or []
        if isinstance(values, str):
            values = [values]
        kept = [str(v).strip() for v in values if v is not None and str(v).strip()]
        if kept:
            out[element] = kept
    if "title" not in out:
        data = item.data if isinstance(item.data, dict) else {}
        title = data.get("title")
        if isinstance(title, list):
            title = title[0] if title else None
        out = {
            "title": [str(title or item.uri)],
            **out,
            "type": out.get("type") or [spec.title if spec else item.type],
            "identifier": out.get("identifier") or [item.uri],
        }
        out = {element: out[element] for element in DC_ELEMENTS if element in out}
    if item.licence and "rights" not in out:
        out["rights"] = [item.licence]
    return out


# --------------------------------------------------------------------------- XML helpers


def _q(name: str) -> str:
    return f"{{{OAI_NS}}}{name}"


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(name))
    if text is not None:
        element.text = _clean(text)
    return element


def _set(parent: etree._Element, spec: str, name: str) -> None:
    element = _sub(parent, "set")
    _sub(element, "setSpec", spec)
    _sub(element, "setName", name)


def _error(root: etree._Element, error: OaiError) -> None:
    _sub(root, "error", error.message).set("code", error.code)


def _clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", str(text))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _node_name() -> str:
    configured = getattr(settings, "EXCHANGE_NODE_NAME", "")
    return configured or urlsplit(node_base_url()).netloc or node_base_url()


def _admin_email() -> str:
    configured = getattr(settings, "EXCHANGE_ADMIN_EMAIL", "") or settings.DEFAULT_FROM_EMAIL
    return parseaddr(configured)[1] or configured
