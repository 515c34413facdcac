"""Numbers and dates are written the Indonesian way."""

import datetime
from decimal import Decimal

import pytest

from ikudoc.content.formatting import format_day, format_month, format_number, format_target, roman_numeral


@pytest.mark.parametrize("value, decimals, shown", [
    (33.54, None, "33,54"), (8.57, None, "8,57"), (60, None, "60"), (1234567, None, "1.234.567"),
    (35.2, 2, "35,20"), (0.1, None, "0,1"), (2.5, 0, "3"), (8.565, 2, "8,57"), (1234.5, 2, "1.234,50"),
    # Decimals, as the loader reads them, keep the decimals they were typed with; desimal still overrides.
    (Decimal("7.20"), None, "7,20"), (Decimal("36.18"), None, "36,18"), (Decimal("8"), None, "8"),
    (Decimal("1E+3"), None, "1.000"), (Decimal("7.20"), 1, "7,2"), (Decimal("0.50"), None, "0,50"),
])
def test_numbers(value, decimals, shown):
    assert format_number(value, decimals) == shown


def test_dates_use_indonesian_month_names():
    assert format_month(datetime.date(2024, 10, 1)) == "Oktober 2024"
    assert format_day(datetime.date(2025, 3, 17)) == "17 Maret 2025"


def test_chapter_numbers():
    assert [roman_numeral(n) for n in (1, 2, 3, 4, 9)] == ["I", "II", "III", "IV", "IX"]


def test_a_band_target_prints_its_two_numbers_as_typed():
    from types import SimpleNamespace

    from ikudoc.content.fields import Rentang, parse_target

    band = parse_target([Decimal("143.33"), Decimal("139.83")])
    assert band.rentang == Rentang(Decimal("143.33"), Decimal("139.83")) and band.angka is None
    assert (band.rentang.bawah, band.rentang.atas) == (Decimal("139.83"), Decimal("143.33"))
    assert format_target(band, SimpleNamespace(desimal=None)) == "143,33 - 139,83"
    assert format_target(parse_target([7, 7.5]), SimpleNamespace(desimal=2)) == "7,00 - 7,50"
