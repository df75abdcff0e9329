"""The generic shareable type of records harvested from OAI-PMH repositories
("oai.record"), registered in ExchangeConfig.ready().

No local object has this type: its items only come from harvests (adapters/oai.py), so
``fetch`` and ``all_ids`` return nothing. ``data`` holds the record's header and its
Dublin Core (``oai_dc``) metadata, one array of strings per element::

    {"identifier": "oai:kho.example.vn:123456789/1001",   # the OAI identifier
     "datestamp": "2025-11-04T03:12:45Z",
     "repository": "https://kho.example.vn/oai/request", # the repository's baseURL
     "sets": ["com_123456789_1"],
     "title": ["…"], "creator": ["…"], "subject": ["…", "…"], "dc_identifier": ["…"], …}

The element ``dc:identifier`` is kept as ``dc_identifier`` (``identifier`` is the OAI
identifier of the record). Deleted records carry no data (tombstones).
"""

from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register

OAI_RECORD = "oai.record"

# The fifteen elements of simple Dublin Core, in their usual order.
DC_ELEMENTS = (
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
)


def dc_key(element: str) -> str:
    """The key of a Dublin Core element in ``data`` (``identifier`` → ``dc_identifier``)."""
    return "dc_identifier" if element == "identifier" else element


_STRINGS = {"type": "array", "items": {"type": "string"}}

OAI_RECORD_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Bản ghi thu thập qua OAI-PMH (Dublin Core)",
    "type": "object",
    "required": ["identifier", "datestamp", "repository"],
    "additionalProperties": False,
    "properties": {
        "identifier": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1000,
            "description": "Định danh OAI của bản ghi",
        },
        "datestamp": {"type": "string", "maxLength": 40, "description": "Dấu thời gian OAI"},
        "repository": {
            "type": "string",
            "maxLength": 500,
            "description": "Địa chỉ gốc (baseURL) của kho OAI-PMH",
        },
        "sets": {"type": "array", "items": {"type": "string", "maxLength": 500}},
        **{
            dc_key(element): {**_STRINGS, "description": f"dc:{element}"} for element in DC_ELEMENTS
        },
    },
}


def _fetch(ids: list[str]) -> list[SharedRecord]:
    return []


def _all_ids():
    return []


def oai_record_dublin_core(data: dict) -> dict[str, list[str]]:
    """The Dublin Core of a harvested record (so this node can serve it again)."""
    out: dict[str, list[str]] = {}
    for element in DC_ELEMENTS:
        values = data.get(dc_key(element))
        if isinstance(values, list):
            out[element] = [str(v) for v in values if isinstance(v, str)]
    return out


def register_all() -> None:
    register(
        ExchangeType(
            name=OAI_RECORD,
            title="Bản ghi thu thập qua OAI-PMH",
            schema=OAI_RECORD_SCHEMA,
            fetch=_fetch,
            all_ids=_all_ids,
            dublin_core=oai_record_dublin_core,
        )
    )
