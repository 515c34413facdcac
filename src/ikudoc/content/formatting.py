"""Format numbers, dates and chapter numbers the Indonesian way (babel's ``id`` locale)."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache

import roman
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

LOCALE = "id"


def format_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """33.54 -> "33,54"; 1234567 -> "1.234.567"; Decimal("7.20") -> "7,20" (the decimals it was typed
    with); with ``decimals``, 35.2 -> "35,20"."""
    return _formatted(repr(value) if isinstance(value, float) else str(value), decimals)


@lru_cache(maxsize=65536)
def _formatted(typed: str, decimals: int | None) -> str:
    """format_number of the number ``typed`` (its text keeps its decimals: "7.20" is not "7.2")."""
    number = Decimal(typed)
    if decimals is None:
        decimals = max(0, -number.as_tuple().exponent)
    # Indonesian schoolbook rounding (8,565 -> 8,57), not babel's banker's rounding.
    number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return _number_pattern(decimals).apply(number, _locale())


# babel's format_decimal parses the locale and the pattern on every call: a table of thousands of
# targets spent most of its time there. Both are parsed once.
@cache
def _number_pattern(decimals: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


@cache
def _locale() -> Locale:
    return Locale.parse(LOCALE)


def format_target(target, indikator) -> str:
    """A target (or kondisi awal) as the document shows it: "8,57", "35,20" with the indicator's desimal = 2,
    a band "143,33 - 139,83" in the order typed, or its text."""
    if isinstance(target.nilai, str):
        return target.nilai
    band = getattr(target.nilai, "awal", None), getattr(target.nilai, "akhir", None)
    if band[0] is not None:
        return " - ".join(format_number(bound, indikator.desimal) for bound in band)
    return format_number(target.nilai, indikator.desimal)


def format_with_unit(target, indikator) -> str:
    """A target (or realisasi) with the indicator's satuan, as a table without a SATUAN column shows it:
    "8,57 %", "143,33 - 139,83 indeks"; a text ("WTP", "N/A") as typed, without one."""
    text = format_target(target, indikator)
    if isinstance(target.nilai, str) or indikator.satuan in (None, "", "-"):
        return text
    return f"{text} {indikator.satuan}"


def format_month(day: datetime.date) -> str:
    """2024-10-01 -> "Oktober 2024"."""
    return format_date(day, "MMMM y", locale=LOCALE)


def format_day(day: datetime.date) -> str:
    """2024-10-15 -> "15 Oktober 2024"."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def format_signing_date(day: datetime.date, month_only: bool) -> str:
    """The date under a signature: "Oktober 2024" when the day is left for the pen, else "15 Oktober 2024"."""
    return format_month(day) if month_only else format_day(day)


def roman_numeral(number: int) -> str:
    """4 -> "IV", for BAB numbers."""
    return roman.toRoman(number)


def format_rupiah(amount: int) -> str:
    """1250000000 -> "Rp 1.250.000.000", as budgets are written; a no-break space keeps "Rp" with its
    figure when a narrow cell wraps."""
    return f"Rp\u00a0{format_number(amount)}"
