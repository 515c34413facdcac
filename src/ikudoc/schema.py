"""The JSON Schema of the content format, made from the content model, for editors that validate
and complete TOML while typing (VS Code with Even Better TOML / taplo, via a #:schema comment)."""

from __future__ import annotations

import json

from .model import Konten

SCHEMA_PATH = "schema/ikudoc.schema.json"
SCHEMA_ID = "https://ikudoc.invalid/schema/ikudoc.schema.json"


def content_schema() -> dict:
    schema = Konten.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema, "title": "Konten dokumen IKU OPD (ikudoc)"}


def schema_text() -> str:
    """The schema as it is written to disk: stable key order, so git shows only real changes."""
    return json.dumps(content_schema(), ensure_ascii=False, indent=2) + "\n"
