"""The JSON Schema of the content format, made from the content model, for editors that validate
and complete TOML while typing (VS Code with Even Better TOML / taplo, via a #:schema comment)."""

from __future__ import annotations

import ast
import inspect
import json
from functools import cache

SCHEMA_PATH = "schema/ikudoc.schema.json"
SCHEMA_ID = "https://ikudoc.invalid/schema/ikudoc.schema.json"
#: The Perjanjian Kinerja's schema, written beside the IKU's.
PK_SCHEMA_NAME = "perjanjian.schema.json"
PK_SCHEMA_ID = "https://ikudoc.invalid/schema/perjanjian.schema.json"


def content_schema(kind: str = "iku") -> dict:
    """The schema of an IKU content file (``kind`` "iku") or of a Perjanjian Kinerja ("pk")."""
    # The content model costs a tenth of a second to import: only when asked.
    from ..iku.model import Konten
    from ..perjanjian.model import KontenPerjanjian

    _describe_fields()
    if kind == "pk":
        return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": PK_SCHEMA_ID,
                **KontenPerjanjian.model_json_schema(), "title": "Konten Perjanjian Kinerja (ikudoc)"}
    schema = Konten.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema, "title": "Konten dokumen IKU OPD (ikudoc)"}


def schema_text(kind: str = "iku") -> str:
    """The schema as it is written to disk: stable key order, so git shows only real changes."""
    return json.dumps(content_schema(kind), ensure_ascii=False, indent=2) + "\n"


@cache
def _describe_fields() -> None:
    """Give every field of the content models the docstring written under it as its description.
    Pydantic can do this itself (use_attribute_docstrings) but then reads model.py's source for every
    class at import, which every command would pay for; only the schema needs the descriptions."""
    from pydantic import BaseModel

    from ..iku import model
    from ..perjanjian import model as pk_model

    classes = [c for module in (model, pk_model) for c in vars(module).values()
               if isinstance(c, type) and issubclass(c, BaseModel) and c.__module__ == module.__name__]
    for cls in classes:
        for name, text in _attribute_docstrings(cls).items():
            if name in cls.model_fields and cls.model_fields[name].description is None:
                cls.model_fields[name].description = text
    for cls in classes:
        cls.model_rebuild(force=True)


def _attribute_docstrings(cls: type) -> dict[str, str]:
    """``name: type`` followed by a string literal, in the class body: the string, cleaned."""
    body = ast.parse(inspect.getsource(cls)).body[0].body
    return {node.target.id: inspect.cleandoc(after.value.value) for node, after in zip(body, body[1:], strict=False)
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)}
