"""``ikudoc schema``: the JSON Schema of each kind's content files, made from its content model, for
editors that validate and complete TOML while typing (VS Code with Even Better TOML / taplo, via a
#:schema comment)."""

from __future__ import annotations

import ast
import inspect
import json
import typing
from functools import cache
from pathlib import Path

from ..documents import DocumentKind, resolved

SCHEMA_FOLDER = Path("schema")
SCHEMA_ID = "https://ikudoc.invalid/schema/{name}"


def content_schema(kind: DocumentKind) -> dict:
    """The schema of a content file of ``kind``."""
    root = resolved(kind.model)  # the content model costs a tenth of a second to import: only when asked
    _describe_fields(root)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID.format(name=kind.schema_name),
            **root.model_json_schema(), "title": kind.schema_title}


def schema_text(kind: DocumentKind) -> str:
    """The schema as it is written to disk: stable key order, so git shows only real changes."""
    return json.dumps(content_schema(kind), ensure_ascii=False, indent=2) + "\n"


@cache
def _describe_fields(root: type) -> None:
    """Give every field of ``root`` and of the models it holds the docstring written under it as its
    description. Pydantic can do this itself (use_attribute_docstrings) but then reads the models' source
    for every class at import, which every command would pay for; only the schema needs the descriptions.
    (It changes the model classes: for a one-shot command, never inside ``watch``.)"""
    models = _models(root)
    for cls in models:
        for name, text in _attribute_docstrings(cls).items():
            if name in cls.model_fields and cls.model_fields[name].description is None:
                cls.model_fields[name].description = text
    for cls in models:  # each after the models it holds, so that it takes their new descriptions
        cls.model_rebuild(force=True)


def _models(root: type) -> list[type]:
    """``root`` and every model its fields hold, at any depth, each after the models it holds."""
    from pydantic import BaseModel

    order: list[type] = []

    def held(annotation) -> typing.Iterator[type]:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield annotation
        for argument in typing.get_args(annotation):
            yield from held(argument)

    def visit(cls: type) -> None:
        if cls in order:
            return
        for field in cls.model_fields.values():
            for inner in held(field.annotation):
                visit(inner)
        if cls not in order:
            order.append(cls)

    visit(root)
    return order


def _attribute_docstrings(cls: type) -> dict[str, str]:
    """``name: type`` followed by a string literal, in the class body: the string, cleaned."""
    body = ast.parse(inspect.getsource(cls)).body[0].body
    return {node.target.id: inspect.cleandoc(after.value.value) for node, after in zip(body, body[1:], strict=False)
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)}
