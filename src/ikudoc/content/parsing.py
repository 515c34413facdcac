"""The first step of reading any value of a content file: what a typed text may hold (no control
characters, no noncharacters, not empty), how a value's type is named in a message, and the annotation
of a field whose value is parsed from what is typed (content.fields, content.targets).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from .placeholders import unmarked

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of every plane): never text,
# and refused by XML, so Word files cannot hold them.
_NONCHARACTER = re.compile("[\ufdd0-\ufdef" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
                                                      for plane in range(17)) + "]")


def check_characters(text: str) -> str:
    found = _CONTROL.search(text)
    if found:
        raise PydanticCustomError(
            "karakter-kendali", "berisi karakter kendali {kode} yang tidak bisa dicetak; hapus karakter itu",
            {"kode": f"U+{ord(found.group()):04X}"},
        )
    found = _NONCHARACTER.search(text)
    if found:
        raise PydanticCustomError(
            "nonkarakter", "berisi {kode}, kode yang bukan karakter (tidak bisa dicetak atau disimpan di Word); "
            "hapus kode itu", {"kode": f"U+{ord(found.group()):04X}"},
        )
    return text


def plain(value: str) -> str:
    value = unmarked(check_characters(value)).strip()
    if not value:
        raise PydanticCustomError("teks-kosong", "tidak boleh kosong")
    return value


def type_name(value: Any) -> str:
    """What a TOML value is, in the words of the error messages."""
    if isinstance(value, bool):
        return "benar/salah (true/false)"
    if isinstance(value, (int, float, Decimal)):
        return "angka"
    if isinstance(value, dict):
        return "tabel"
    if isinstance(value, list):
        return "daftar [ ... ]"
    if isinstance(value, (datetime.date, datetime.time)):
        return "tanggal/waktu"
    return "teks"


def require_string(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "bukan-teks", "harus berupa teks di antara tanda kutip, bukan {jenis}", {"jenis": type_name(value)}
        )
    return plain(value)


@dataclass(frozen=True, eq=False)  # hashed by identity (pydantic hashes annotations; a dict is not hashable)
class Parsed:
    """Annotation of a field whose value ``parse`` makes from what is typed (a Markdown text, a target, a
    date), shown in the JSON schema as ``json_schema``: pydantic's PlainValidator and WithJsonSchema,
    without pydantic describing the parsed value's own type, which it would do for every such field
    when the model is built (a sixth of every command's start-up) and which nothing uses."""

    parse: Callable[..., Any]
    json_schema: dict
    with_info: bool = False  # parse(value, info): it needs the validation context

    def __get_pydantic_core_schema__(self, source_type: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        if self.with_info:
            return core_schema.with_info_plain_validator_function(self.parse)
        return core_schema.no_info_plain_validator_function(self.parse)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return dict(self.json_schema)
