"""Placeholders: the values a scaffold writes for the user to replace, marked « » in the content file.

«Nama Kota» is to fill in; «contoh: NAMA GUBERNUR LAMPUNG» is an example that may stand while the document
is a draft. The marks are the content's only: the document prints the text between them, check refuses
each one left (content.rules) and build warns of it, so nothing marked so reaches a signature. A number
may be an example too, written as text: "«contoh: 74.13»" is the number 74.13 (marked_number).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

PLACEHOLDER = re.compile(r"«(contoh:\s*)?([^«»]*)»")
#: A whole value marked, as the JSON schema accepts it in place of a number (an editor then does not
#: flag what check explains better).
PLACEHOLDER_SCHEMA = {"type": "string", "pattern": "^\\s*«[^«»]*»\\s*$"}


def unmarked(value: str) -> str:
    """``value`` without its placeholder marks, as the document prints it."""
    return PLACEHOLDER.sub(lambda found: found.group(2), value) if "«" in value else value


def is_unfilled(value: Any) -> bool:
    """A value still to fill in, whole ("«realisasi 2025»"): a figure not known yet."""
    return isinstance(value, str) and bool(found := PLACEHOLDER.fullmatch(value.strip())) and not found.group(1)


def marked_number(value: Any) -> Any:
    """The number a placeholder holds ("«contoh: 74.13»" -> Decimal("74.13"), "«contoh: 1250000000»" -> the
    int), for a field that wants a number; a figure still to fill in ("«realisasi 2025»") "-", not known
    yet; any other value as it is (its field's validation judges it)."""
    if is_unfilled(value):
        return "-"
    if not isinstance(value, str) or not (found := PLACEHOLDER.fullmatch(value.strip())):
        return value
    typed = found.group(2).strip()
    try:
        number = Decimal(typed)
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    return int(typed) if re.fullmatch(r"[-+]?\d+", typed) else number
