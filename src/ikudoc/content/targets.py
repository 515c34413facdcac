"""A target value of any kind of document, as typed in its content file: a number with the decimals it
was typed with, a band of two numbers (a range target, "143,33 - 139,83"), or a text ("N/A"); and the
years they are written under. Numbers are exact Decimals, never floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Annotated, Any

from pydantic import StringConstraints
from pydantic_core import PydanticCustomError

from .parsing import Parsed, plain, type_name
from .placeholders import marked_number

_NUMBER_AS_TEXT = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+)([.,]\d+)?%?")


@dataclass(frozen=True)
class Rentang:
    """A band of values, reached anywhere inside it, as typed: [143.33, 139.83] is shown "143,33 - 139,83"
    (a falling band of a lower-is-better index is typed upper bound first)."""

    awal: int | Decimal
    akhir: int | Decimal

    @property
    def bawah(self) -> int | Decimal:
        return min(self.awal, self.akhir)

    @property
    def atas(self) -> int | Decimal:
        return max(self.awal, self.akhir)


@dataclass(frozen=True)
class Target:
    """A target value: a number, with the decimals it was typed with (7.20 is shown 7,20), a band of two
    numbers (Rentang), or a text shown as typed ("N/A", "-", "60 kali")."""

    nilai: int | Decimal | str | Rentang

    @property
    def angka(self) -> int | Decimal | None:
        """The number, or None for a text or a band."""
        return None if isinstance(self.nilai, (str, Rentang)) else self.nilai

    @property
    def rentang(self) -> Rentang | None:
        return self.nilai if isinstance(self.nilai, Rentang) else None


def parse_target(value: Any, noun: str = "target") -> Target:
    """``value`` as typed, read as a target (or a value of the same kinds: a realisasi, named ``noun`` in
    messages and in their codes, "realisasi-teks-angka")."""
    value = marked_number(value)  # "«contoh: 74.13»", an example still to replace, is the number 74.13
    if isinstance(value, list):
        if len(value) != 2 or any(isinstance(v, (bool, str)) or not isinstance(v, (int, float, Decimal))
                                  for v in value):
            raise PydanticCustomError(
                f"{noun}-rentang", f"rentang {noun} ditulis sebagai dua angka dalam kurung siku, misalnya "
                "[143.33, 139.83], bukan {nilai}", {"nilai": str(value)[:60]})
        low, high = (parse_target(v, noun).nilai for v in value)
        return Target(Rentang(low, high))
    if isinstance(value, float):  # content read without parse_float=Decimal (tests, tools)
        value = Decimal(repr(value))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise PydanticCustomError(
            f"{noun}-jenis", f"{noun} harus berupa angka (8.57), rentang dua angka ([143.33, 139.83]) atau teks "
            "(\"N/A\"), bukan {jenis}", {"jenis": type_name(value)},
        )
    if isinstance(value, str):
        text = plain(value)
        if _NUMBER_AS_TEXT.fullmatch(text) and "," in text:
            number = text.rstrip("%").replace(".", "").replace(",", ".")
            raise PydanticCustomError(
                f"{noun}-teks-angka",
                f"{noun} \"{{teks}}\" ditulis sebagai teks; tulis sebagai angka {{angka}} "
                "(titik sebagai pemisah desimal, tanpa tanda kutip) agar tampil {teks_id}",
                {"teks": text, "angka": number, "teks_id": number.replace(".", ",")},
            )
        if _NUMBER_AS_TEXT.fullmatch(text):
            raise PydanticCustomError(
                f"{noun}-teks-angka",
                f"{noun} \"{{teks}}\" ditulis sebagai teks; tulis angkanya tanpa tanda kutip, dengan titik hanya "
                "sebagai pemisah desimal dan tanpa pemisah ribuan (contoh: 1234 atau 8.57)",
                {"teks": text},
            )
        return Target(text)
    if isinstance(value, Decimal) and not value.is_finite():
        typed = "nan" if value.is_nan() else ("-inf" if value < 0 else "inf")
        raise PydanticCustomError(f"{noun}-jenis", f"{noun} harus angka biasa, bukan {{nilai}}", {"nilai": typed})
    number = Decimal(value)
    whole_digits = number.adjusted() + 1 if number else 1
    decimals = max(0, -number.as_tuple().exponent)
    if whole_digits > MAX_WHOLE_DIGITS or decimals > MAX_DECIMALS:
        raise PydanticCustomError(
            f"{noun}-angka-batas",
            f"angka {noun} paling banyak {{bulat}} angka sebelum koma dan {{desimal}} sesudahnya; yang tertulis "
            "{tertulis}",
            {"bulat": MAX_WHOLE_DIGITS, "desimal": MAX_DECIMALS, "tertulis": _typed_length(number)},
        )
    return Target(value)


# Beyond these a figure is a typo (1e25, 2024000000000000) and would not fit a table cell anyway.
MAX_WHOLE_DIGITS = 15
MAX_DECIMALS = 10


def _typed_length(number: Decimal) -> str:
    if number.adjusted() + 1 > MAX_WHOLE_DIGITS:
        return f"{number.adjusted() + 1} angka sebelum koma"
    return f"{-number.as_tuple().exponent} angka sesudah koma"


TargetValue = Annotated[
    Target,
    Parsed(parse_target, {
        "anyOf": [{"type": "number"},
                  {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
                  {"type": "string", "minLength": 1, "not": {"pattern": f"^{_NUMBER_AS_TEXT.pattern}$"}}],
        "description": "Target: angka dengan titik desimal tanpa kutip (8.57), rentang dua angka seperti tertulis "
                       "([143.33, 139.83], tampil 143,33 - 139,83), atau teks (\"N/A\", \"-\").",
    }),
]
#: A realisasi: the same kinds of value as a target, named so in messages.
RealisasiValue = Annotated[Target, Parsed(partial(parse_target, noun="realisasi"), {
    **TargetValue.__metadata__[0].json_schema,
    "description": "Realisasi: angka dengan titik desimal tanpa kutip (74.13), rentang dua angka ([139.83, 136.5]) "
                   "atau teks (\"N/A\", \"WTP\").",
})]
Year = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]
