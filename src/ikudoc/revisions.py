"""Relate a revision to the one it replaces: which indicator is which, and the "sebelum perubahan"
targets taken from the replaced revision instead of being typed twice."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Indikator, Konten, Target
from .problems import Loc, Problem
from .source import TomlSource

# Two names sharing at least this share of their words (difflib ratio over words) may be one indicator,
# renamed. Words, not letters: IKU names share long prefixes ("Persentase Koperasi ...").
RENAME_SIMILARITY = 0.75


@dataclass(frozen=True)
class IndicatorPair:
    """One indicator in two revisions; ``lama`` or ``baru`` is None when it was added or removed."""

    lama: tuple[Loc, Indikator] | None
    baru: tuple[Loc, Indikator] | None
    dikenali_dari: str = ""  # "kode", "nama", or "kemiripan" (a rename)


def pair_indicators(old: Konten, new: Konten, renames: bool = True) -> list[IndicatorPair]:
    """Pair the indicators of two revisions: by ``kode``, then by name, then (with ``renames``) by a
    clearly similar name. The new table's order comes first, removed indicators after, in the old order."""
    old_items = [(loc, ind) for loc, _, ind in old.indicators()]
    new_items = [(loc, ind) for loc, _, ind in new.indicators()]
    matched: dict[int, tuple[int, str]] = {}  # new index -> (old index, how)

    def free_old():
        taken = {o for o, _ in matched.values()}
        return [o for o in range(len(old_items)) if o not in taken]

    for how, same in (("kode", lambda a, b: a.kode is not None and a.kode == b.kode),
                      ("nama", lambda a, b: a.nama == b.nama)):
        for n, (_, new_ind) in enumerate(new_items):
            if n not in matched:
                found = next((o for o in free_old() if same(old_items[o][1], new_ind)), None)
                if found is not None:
                    matched[n] = (found, how)
    for n, (_, new_ind) in enumerate(new_items):
        if not renames or n in matched or new_ind.kode is not None:
            continue
        scored = [(_word_similarity(old_items[o][1].nama, new_ind.nama), o) for o in free_old()
                  if old_items[o][1].kode is None]
        if scored and max(scored)[0] >= RENAME_SIMILARITY:
            matched[n] = (max(scored)[1], "kemiripan")
    pairs = [
        IndicatorPair(old_items[matched[n][0]] if n in matched else None, item, matched[n][1] if n in matched else "")
        for n, item in enumerate(new_items)
    ]
    pairs += [IndicatorPair(old_items[o], None) for o in free_old()]
    return pairs


def _word_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def same_target(a: Target, b: Target) -> bool:
    """Equal values: 7.2 and 7.20 are the same number (numbers are exact Decimals, not floats)."""
    return a.nilai == b.nilai


def _typed(target: Target) -> str:
    """A target as it is typed in TOML."""
    return f'"{target.nilai}"' if isinstance(target.nilai, str) else str(target.nilai)


def fill_before_targets(new: Konten, old: Konten, source: TomlSource, old_label: str) -> tuple[Konten, list[Problem]]:
    """``new`` with every missing ``target_sebelum`` taken from the target the paired indicator had
    in ``old``; a typed ``target_sebelum`` that disagrees with ``old`` is a problem."""
    problems: list[Problem] = []
    before: dict[Loc, dict[str, Target]] = {}
    # Official figures: only an indicator known by its code or its exact name carries its targets over.
    for pair in pair_indicators(old, new, renames=False):
        if pair.baru is None:
            continue
        loc, indikator = pair.baru
        if pair.lama is None:
            if indikator.target_sebelum is None:
                before[loc] = {}  # a new indicator had no target before
            continue
        replaced = pair.lama[1].target
        if indikator.target_sebelum is None:
            before[loc] = {year: replaced[year] for year in indikator.target if year in replaced}
            continue
        for year, typed in indikator.target_sebelum.items():
            if year in replaced and not same_target(typed, replaced[year]):
                at = (*loc, "target_sebelum", year)
                problems.append(Problem(
                    source.path, source.line_of(at), at,
                    f"target sebelum perubahan {year} ditulis {_typed(typed)}, tetapi target yang berlaku di revisi "
                    f"yang digantikan ({old_label}) adalah {_typed(replaced[year])}; samakan, atau hapus "
                    "target_sebelum agar diambil dari sana",
                    "target-sebelum-beda",
                ))
    if not before:
        return new, problems
    sasaran = []
    for s, item in enumerate(new.sasaran):
        indikator = [
            ind.model_copy(update={"target_sebelum": before[("sasaran", s, "indikator", i)]})
            if ("sasaran", s, "indikator", i) in before else ind
            for i, ind in enumerate(item.indikator)
        ]
        sasaran.append(item.model_copy(update={"indikator": indikator}))
    return new.model_copy(update={"sasaran": sasaran}), problems
