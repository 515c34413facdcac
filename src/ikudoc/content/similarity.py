"""How alike two texts are, word by word: what tells a renamed indicator from a new one, and a changed
paragraph from a replaced one. Words, not letters: IKU names share long prefixes ("Persentase Koperasi
..."), which a letter ratio would count as likeness."""

from __future__ import annotations

import difflib


def word_similarity(a: str, b: str) -> float:
    """difflib's ratio over the lowercased words of ``a`` and ``b``, from 0 (nothing shared) to 1."""
    return difflib.SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()
