"""Placeholders: the values a scaffold writes for the user to replace, marked « » in the content file.

«Nama Kota» is to fill in; «contoh: NAMA GUBERNUR LAMPUNG» is an example that may stand while the document
is a draft. The marks are the content's only: the document prints the text between them, check refuses
each one left (content.rules) and build warns of it, so nothing marked so reaches a signature.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"«(contoh:\s*)?([^«»]*)»")


def unmarked(value: str) -> str:
    """``value`` without its placeholder marks, as the document prints it."""
    return PLACEHOLDER.sub(lambda found: found.group(2), value) if "«" in value else value
