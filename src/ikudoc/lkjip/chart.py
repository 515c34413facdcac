"""An indicator's chart: target and realisasi over the years, as bars side by side (a band target as a
bar from its lower to its upper bound), drawn by matplotlib into a PNG that the Word file and the page
both show. Equal figures give equal bytes: no date, no software name, fixed size and resolution."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from ..content.fields import Rentang
from ..content.formatting import format_number
from ..render.rendering import Image
from .figures import TahunCapaian

#: The chart's size on the page (mm) and its resolution: sharp when printed, small in the file.
WIDTH_MM, HEIGHT_MM, DPI = 150, 62, 200
#: The document's own font, where the machine has it (Arial is Liberation Sans on Linux).
FONTS = ["Arial", "Liberation Sans", "DejaVu Sans"]
TARGET_COLOUR, ACHIEVED_COLOUR = "#9DB3CF", "#1F4E79"


def chart(years: Sequence[TahunCapaian], unit: str | None, decimals: int | None) -> Image | None:
    """The chart of ``years``, or None when no year has a number to draw."""
    drawn = [(year, _bar(year.target), _bar(year.realisasi)) for year in years]
    if not any(target or achieved for _, target, achieved in drawn):
        return None
    import matplotlib

    matplotlib.use("Agg")  # no screen: a file is drawn
    from matplotlib import pyplot
    from matplotlib.patches import Patch

    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": FONTS, "font.size": 8,
                                "svg.hashsalt": "ikudoc", "axes.spines.top": False, "axes.spines.right": False}):
        figure, axes = pyplot.subplots(figsize=(WIDTH_MM / 25.4, HEIGHT_MM / 25.4), dpi=DPI)
        try:
            width = 0.38
            for n, (_, target, achieved) in enumerate(drawn):
                for offset, bar, colour in ((-width / 2, target, TARGET_COLOUR),
                                            (width / 2, achieved, ACHIEVED_COLOUR)):
                    if bar is None:
                        continue
                    bottom, height, label = bar
                    axes.bar(n + offset, height, width, bottom=bottom, color=colour)
                    axes.annotate(label, (n + offset, bottom + height), ha="center", va="bottom", fontsize=6.5,
                                  xytext=(0, 1.5), textcoords="offset points")
            axes.set_xticks(range(len(drawn)), [year.tahun for year, _, _ in drawn])
            axes.set_ylabel(unit if unit not in (None, "", "-") else "")
            axes.margins(y=0.15)
            axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda value, _: _tick(value, decimals)))
            axes.legend(handles=[Patch(color=TARGET_COLOUR, label="Target"),
                                 Patch(color=ACHIEVED_COLOUR, label="Realisasi")],
                        loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
            figure.tight_layout()
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        finally:
            pyplot.close(figure)
    return Image(buffer.getvalue())


def _bar(value) -> tuple[float, float, str] | None:
    """(bottom, height, label) of a figure's bar: a number from 0, a band from its lower bound; None for
    a text or nothing."""
    if value is None or isinstance(value.nilai, str):
        return None
    if isinstance(value.nilai, Rentang):
        low, high = value.nilai.bawah, value.nilai.atas
        return float(low), float(high - low), f"{format_number(low)}–{format_number(high)}"
    return 0.0, float(value.nilai), format_number(value.nilai)


def _tick(value: float, decimals: int | None) -> str:
    """An axis tick the Indonesian way: 1.500, 2,5 (with the indicator's decimals when it sets them)."""
    number = Decimal(repr(round(float(value), 6))).normalize()
    if decimals is not None:
        return format_number(number, decimals)
    return format_number(number.quantize(Decimal(1)) if number == number.to_integral() else number)
