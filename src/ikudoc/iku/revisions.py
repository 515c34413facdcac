"""Relate a revision to the one it replaces: which indicator is which, and the "sebelum perubahan"
targets taken from the replaced revision instead of being typed twice."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.problems import Loc, Problem
from ..content.similarity import word_similarity
from ..content.source import TomlSource
from .model import Indikator, Konten, Target

# Two names sharing at least this share of their words (difflib ratio over words) may be one indicator,
# renamed. Words, not letters: IKU names share long prefixes ("Persentase Koperasi ...").
RENAME_SIMILARITY = 0.75
RARE = 50  # a word in at most this many old names tells them apart
CANDIDATES = 8  # old names compared with each new one


@dataclass(frozen=True)
class IndicatorPair:
    """One indicator in two revisions; ``lama`` or ``baru`` is None when it was added or removed."""

    lama: tuple[Loc, Indikator] | None
    baru: tuple[Loc, Indikator] | None
    dikenali_dari: str = ""  # "kode", "nama", or "kemiripan" (a rename)


def pair_indicators(old: Konten, new: Konten, renames: bool = True) -> list[IndicatorPair]:
    """Pair the indicators of two revisions: by ``kode``, then by name, then (with ``renames``) by a
    clearly similar name. The new table's order comes first, removed indicators after, in the old order.
    Linear in the number of indicators: exact keys through dictionaries, renames only among names that
    share a rare word (see _rename_candidates)."""
    old_items = [(loc, ind) for loc, _, ind in old.indicators()]
    new_items = [(loc, ind) for loc, _, ind in new.indicators()]
    matched: dict[int, tuple[int, str]] = {}  # new index -> (old index, how)
    taken: set[int] = set()
    for how, key in (("kode", lambda ind: ind.kode), ("nama", lambda ind: ind.nama)):
        waiting: dict[str, list[int]] = {}  # key -> free old indexes, in table order
        for o, (_, ind) in enumerate(old_items):
            if o not in taken and key(ind) is not None:
                waiting.setdefault(key(ind), []).append(o)
        for n, (_, ind) in enumerate(new_items):
            if n not in matched and waiting.get(key(ind)):
                o = waiting[key(ind)].pop(0)
                matched[n] = (o, how)
                taken.add(o)
    if renames:
        candidates = _rename_candidates(
            {o: ind.nama for o, (_, ind) in enumerate(old_items) if o not in taken and ind.kode is None},
            {n: ind.nama for n, (_, ind) in enumerate(new_items) if n not in matched and ind.kode is None})
        for n, olds in candidates.items():
            scored = [(word_similarity(old_items[o][1].nama, new_items[n][1].nama), -o) for o in olds if o not in taken]
            if scored and max(scored)[0] >= RENAME_SIMILARITY:
                o = -max(scored)[1]
                matched[n] = (o, "kemiripan")
                taken.add(o)
    pairs = [
        IndicatorPair(old_items[matched[n][0]] if n in matched else None, item, matched[n][1] if n in matched else "")
        for n, item in enumerate(new_items)
    ]
    pairs += [IndicatorPair(item, None) for o, item in enumerate(old_items) if o not in taken]
    return pairs


def _rename_candidates(old: dict[int, str], new: dict[int, str]) -> dict[int, list[int]]:
    """For each new name, the few old names most likely to be the same indicator renamed: those sharing
    its rarest words (a word in fewer than RARE old names), best first, at most CANDIDATES of them. A
    rename keeps most of a name's words, among them the words that set it apart from the others
    ("Kabupaten 0042"); comparing only these keeps the work linear in the number of indicators, where
    comparing every pair would take minutes for a few thousand."""
    index: dict[str, list[int]] = {}
    for o, name in old.items():
        for word in set(name.lower().split()):
            index.setdefault(word, []).append(o)
    candidates = {}
    for n, name in new.items():
        words = sorted(set(name.lower().split()), key=lambda word: len(index.get(word, ())))
        rare = [word for word in words if 0 < len(index.get(word, ())) <= RARE] or \
            [word for word in words if word in index][:1]
        score: dict[int, float] = {}
        for word in rare:
            for o in index[word][:RARE]:
                score[o] = score.get(o, 0.0) + 1 / len(index[word])
        candidates[n] = sorted(score, key=lambda o: (-score[o], o))[:CANDIDATES]
    return candidates


def same_target(a: Target, b: Target) -> bool:
    """Equal values: 7.2 and 7.20 are the same number (numbers are exact Decimals, not floats)."""
    return a.nilai == b.nilai


def _typed(target: Target) -> str:
    """A target as it is typed in TOML."""
    if band := target.rentang:
        return f"[{band.awal}, {band.akhir}]"
    return f'"{target.nilai}"' if isinstance(target.nilai, str) else str(target.nilai)


def fill_before_targets(new: Konten, old: Konten, toml: TomlSource, old_label: str) -> tuple[Konten, list[Problem]]:
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
                    toml.path, toml.line_of(at), at,
                    f"target sebelum perubahan {year} ditulis {_typed(typed)}, tetapi target yang berlaku di revisi "
                    f"yang digantikan ({old_label}) adalah {_typed(replaced[year])}; samakan, atau hapus "
                    "target_sebelum agar diambil dari sana",
                    "target-sebelum-beda",
                ))
    if not before:
        return new, problems
    updated = {}
    for key in ("tujuan", "sasaran"):  # the groups of indicators, each as written
        groups = []
        for g, item in enumerate(getattr(new, key)):
            indikator = [
                ind.model_copy(update={"target_sebelum": before[(key, g, "indikator", i)]})
                if (key, g, "indikator", i) in before else ind
                for i, ind in enumerate(item.indikator)
            ]
            groups.append(item.model_copy(update={"indikator": indikator}))
        updated[key] = groups
    return new.model_copy(update=updated), problems
