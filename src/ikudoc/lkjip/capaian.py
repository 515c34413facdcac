"""The figures of a Laporan Kinerja, exactly: an indicator's capaian from its target and realisasi (the
PermenPANRB rules, with the indicator's direction and a band target), averages, the predicate of a
capaian, and the absorption of a budget. Every figure is computed from the exact decimal values typed
(Decimal, never float) and rounded half up to two decimals only when it is shown.

Capaian of a year, in percent:
- ``arah = "naik"``: realisasi / target x 100;
- ``arah = "turun"``: (2 x target - realisasi) / target x 100 ("2T-R", PermenPANRB's rule for lower-is-better
  indicators), or target / realisasi x 100 with ``rumus_turun = "T/R"``;
- a band target: 100 inside it; above it, against its upper bound; below it, against its lower bound (with
  the indicator's direction);
- a text target (or realisasi): "Tercapai" when realisasi equals it, else "Tidak tercapai", no percentage;
- "N/A" or "-" in either, or a target of 0 that cannot divide: no capaian, shown "-".
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..content.fields import Rentang, Target
from ..content.formatting import format_number

Arah = Literal["naik", "turun"]
RumusTurun = Literal["2T-R", "T/R"]

#: Values that say a figure does not exist for the year ("N/A", "-"): no capaian is computed from them.
NOT_AVAILABLE = frozenset({"n/a", "na", "-", "–", "—", "tidak ada data"})

#: The default predicate scale: the lowest capaian (%) of each predicate, highest first.
DEFAULT_SCALE: tuple[tuple[Decimal, str], ...] = (
    (Decimal(91), "Sangat Baik"), (Decimal(76), "Baik"), (Decimal(66), "Cukup"), (Decimal(51), "Kurang"),
    (Decimal("-Infinity"), "Sangat Kurang"),
)

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Capaian:
    """A capaian: a percentage (exact, rounded only by ``dibulatkan``), or a verdict on a text target
    ("Tercapai", "Tidak tercapai"), or nothing (``None`` both: shown "-")."""

    persen: Decimal | None = None
    keterangan: str | None = None

    @property
    def dibulatkan(self) -> Decimal | None:
        """The percentage with two decimals, rounded half up (104.5115... -> 104.51)."""
        return None if self.persen is None else self.persen.quantize(_CENT, rounding=ROUND_HALF_UP)

    @property
    def teks(self) -> str:
        """As the report prints it: "104,51", a verdict ("Tercapai"), or "-"."""
        return shown_percent(self.persen) if self.persen is not None else self.keterangan or "-"


NONE = Capaian()


def _exact() -> decimal.Context:
    # Enough digits that every quotient of figures typed with ten decimals is exact to far below a cent.
    return decimal.Context(prec=60, rounding=ROUND_HALF_UP)


def is_missing(value: Target | None) -> bool:
    """No figure for the year: absent, or written "N/A" / "-"."""
    return value is None or (isinstance(value.nilai, str) and value.nilai.strip().casefold() in NOT_AVAILABLE)


def capaian(target: Target | None, realisasi: Target | None, arah: Arah = "naik",
            rumus_turun: RumusTurun = "2T-R") -> Capaian:
    """The capaian of ``realisasi`` against ``target`` (see the module's rules)."""
    if is_missing(target) or is_missing(realisasi):
        return NONE
    if isinstance(target.nilai, str) or isinstance(realisasi.nilai, str):
        same = str(target.nilai).strip().casefold() == str(realisasi.nilai).strip().casefold()
        return Capaian(keterangan="Tercapai" if same else "Tidak tercapai")
    if isinstance(realisasi.nilai, Rentang):  # a band of realisasi has no single figure to compare
        return NONE
    achieved = Decimal(realisasi.nilai)
    if isinstance(target.nilai, Rentang):
        band = target.nilai
        if Decimal(band.bawah) <= achieved <= Decimal(band.atas):
            return Capaian(_HUNDRED)
        bound = Decimal(band.atas if achieved > Decimal(band.atas) else band.bawah)
        return _ratio(bound, achieved, arah, rumus_turun)
    return _ratio(Decimal(target.nilai), achieved, arah, rumus_turun)


def _ratio(target: Decimal, achieved: Decimal, arah: Arah, rumus_turun: RumusTurun) -> Capaian:
    with decimal.localcontext(_exact()):
        if arah == "naik":
            return Capaian(achieved / target * _HUNDRED) if target else NONE
        if rumus_turun == "T/R":
            return Capaian(target / achieved * _HUNDRED) if achieved else NONE
        return Capaian((2 * target - achieved) / target * _HUNDRED) if target else NONE


def average(values: Iterable[Capaian]) -> Capaian:
    """The mean of the capaian that have a percentage (exact; a verdict or a "-" is left out)."""
    percents = [value.persen for value in values if value.persen is not None]
    if not percents:
        return NONE
    with decimal.localcontext(_exact()):
        return Capaian(sum(percents, Decimal(0)) / len(percents))


def predicate(value: Capaian, scale: Iterable[tuple[Decimal, str]] = DEFAULT_SCALE) -> str | None:
    """The predicate of a percentage, on its value rounded as it is shown (90,995 % shows 91,00 and is
    "Sangat Baik"); None without a percentage."""
    shown = value.dibulatkan
    if shown is None:
        return None
    return next((name for lowest, name in scale if shown >= lowest), None)


def absorption(budget: int, spent: int) -> Decimal | None:
    """Realisasi anggaran as a percentage of anggaran (exact), None for a budget of 0."""
    if not budget:
        return None
    with decimal.localcontext(_exact()):
        return Decimal(spent) / Decimal(budget) * _HUNDRED


def shown_percent(percent: Decimal | None) -> str:
    """A percentage as the report prints it: two decimals, rounded half up (104.5115... -> "104,51"); None "-"."""
    return "-" if percent is None else format_number(percent.quantize(_CENT, rounding=ROUND_HALF_UP), 2)
