"""The walk over a content model that the kinds' checks and comparisons share: the fields a reader sees
named (their titles), and every Markdown text at any depth with where it is written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .markup import InlineText, Text
from .problems import Loc


def titled_fields(model: type[BaseModel]) -> list[tuple[str, str]]:
    """(field name, its title) of every field of ``model`` a reader sees named, in the model's order:
    what a comparison labels and goes through."""
    return [(name, field.title) for name, field in model.model_fields.items() if field.title]


def texts(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Text | InlineText]]:
    """Every Markdown text in ``model``, at any depth, with where it is written: what the checks of
    the wording go through."""
    for name in type(model).model_fields:
        yield from _texts_in(getattr(model, name), (*loc, name))


def _texts_in(value: Any, loc: Loc) -> Iterator[tuple[Loc, Text | InlineText]]:
    if isinstance(value, (Text, InlineText)):
        yield loc, value
    elif isinstance(value, BaseModel):
        yield from texts(value, loc)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts_in(item, (*loc, index))
