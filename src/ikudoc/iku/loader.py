"""Load an IKU content file into its model (iku.model), collecting every problem in it before stopping:
the model's own rules (content.validate), the rules over the raw data that need the whole file (equal
target years, targets for all indicators or none, the columns [tabel] chooses, the tujuan each sasaran
names), and the revision it replaces ([revisi] menggantikan), whose targets become the "sebelum
perubahan" ones.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from .. import documents
from ..content.problems import ContentError, Loc, Problem
from ..content.revision_source import ContentRef, RevisionError, file_ref, resolve_relative
from ..content.source import TomlSource, parse_toml
from ..content.validate import raise_problems, strings, validate
from .columns import filled, penjelasan_parts, shown
from .model import REFERENCES, Konten
from .revisions import fill_before_targets

#: How many revisions back [revisi] menggantikan is followed: each replaced revision is read in full.
LONGEST_CHAIN = 50


def load(path: Path, shown_as: Path | None = None) -> Konten:
    """Read and validate the IKU file ``path``; raise ContentError listing every problem found."""
    return load_ref(file_ref(path, str(shown_as) if shown_as else None))


def load_ref(ref: ContentRef, replacing: tuple[str, ...] = ()) -> Konten:
    """Validate an IKU from a file or a git revision, with the revision it replaces when it names one.
    ``replacing`` lists the revisions already being loaded that this one is replaced by."""
    return load_with_source(ref, replacing)[0]


def load_with_source(ref: ContentRef, replacing: tuple[str, ...] = ()) -> tuple[Konten, TomlSource]:
    """The validated IKU and the source it came from (whose lines later checks report); a file of another
    kind is refused here, where only an IKU will do."""
    toml = parse_toml(ref.data, Path(ref.label))
    documents.require_kind(toml, "iku")
    return _load_iku(toml, ref, replacing), toml


def load_iku(toml: TomlSource, ref: ContentRef) -> Konten:
    """The IKU kind's loader (documents.DocumentKind.load)."""
    return _load_iku(toml, ref, ())


def _load_iku(toml: TomlSource, ref: ContentRef, replacing: tuple[str, ...]) -> Konten:
    model, problems = validate(Konten, toml, ref, REFERENCES)
    problems.extend(_unequal_years(toml))
    problems.extend(_targets_for_some_only(toml))
    problems.extend(_chosen_mission_missing(toml))
    problems.extend(_before_targets_inconsistent(toml))
    if model is not None:
        problems.extend(_table_columns_unfit(model, toml))
        problems.extend(_tujuan_unknown(model, toml))
    if model is not None and not problems and model.revisi and model.revisi.menggantikan:
        model, more = _with_replaced_revision(model, toml, ref, replacing)
        problems.extend(more)
    raise_problems(problems, ref)
    assert model is not None
    return model


def _with_replaced_revision(model: Konten, toml: TomlSource, ref: ContentRef,
                            replacing: tuple[str, ...]) -> tuple[Konten, list[Problem]]:
    loc: Loc = ("revisi", "menggantikan")
    spec = model.revisi.menggantikan

    def problem(message: str, code: str) -> list[Problem]:
        return [Problem(toml.path, toml.line_of(loc), loc, message, code)]

    try:
        previous_ref = resolve_relative(spec, ref)
    except RevisionError as error:
        return model, problem(f"revisi yang digantikan tidak bisa dibaca: {error}", "revisi-tidak-ada")
    if previous_ref.label in (*replacing, ref.label):
        return model, problem(f"revisi {spec} menggantikan dirinya sendiri lewat rantai "
                              f"{' -> '.join((*replacing, ref.label, previous_ref.label))}", "revisi-berputar")
    if len(replacing) >= LONGEST_CHAIN:
        return model, problem(f"rantai menggantikan lebih panjang dari {LONGEST_CHAIN} revisi (mulai "
                              f"{replacing[0]}, sampai {ref.label} yang menggantikan {previous_ref.label}); ikudoc "
                              "membaca paling banyak "
                              f"{LONGEST_CHAIN} revisi ke belakang: hapus menggantikan di revisi lama yang tidak "
                              "diperlukan lagi", "revisi-rantai-panjang")
    try:
        previous = load_ref(previous_ref, (*replacing, ref.label))
    except ContentError as error:
        return model, problem(f"revisi yang digantikan ({previous_ref.label}) berisi masalah; perbaiki dulu:",
                              "revisi-bermasalah") + error.problems
    return fill_before_targets(model, previous, toml, previous_ref.label)


def _chosen_mission_missing(toml: TomlSource) -> list[Problem]:
    """{misi_pilihan} needs [rpjmd] misi_pilihan (read from the raw data, to be reported with the rest)."""
    rpjmd = toml.data.get("rpjmd")
    if isinstance(rpjmd, dict) and "misi_pilihan" in rpjmd:
        return []
    return [
        Problem(toml.path, toml.line_of(loc), loc, "teks memakai {misi_pilihan}, tetapi [rpjmd] misi_pilihan "
                "belum diisi (nomor misi yang didukung, 1 = misi pertama)", "rujukan")
        for loc, text in strings(toml.data) if re.search(r"(?<!\\)\{misi_pilihan\}", text)
    ]


def _raw_indicators(toml: TomlSource) -> Iterator[tuple[Loc, dict]]:
    """The indicator tables of the raw data that are tables, with where they are: the tujuan's, then the
    sasaran's."""
    for key in ("tujuan", "sasaran"):
        groups = toml.data.get(key)
        for g_index, group in enumerate(groups if isinstance(groups, list) else []):
            indikator = group.get("indikator") if isinstance(group, dict) else None
            for i_index, ind in enumerate(indikator if isinstance(indikator, list) else []):
                if isinstance(ind, dict):
                    yield (key, g_index, "indikator", i_index), ind


def _before_targets_inconsistent(toml: TomlSource) -> list[Problem]:
    """A revision gives "sebelum" targets for every indicator (unless they come from the replaced
    revision); a document with "sebelum" targets is a revision, and says so with a label."""
    indicators = list(_raw_indicators(toml))
    typed = [loc for loc, ind in indicators if "target_sebelum" in ind]
    revisi = toml.data.get("revisi")
    replaces = isinstance(revisi, dict) and "menggantikan" in revisi
    problems = []
    if typed and not replaces:
        problems += [
            Problem(toml.path, toml.line_of(loc), (*loc, "target_sebelum"),
                    "target sebelum perubahan belum ditulis, padahal indikator lain menuliskannya; tulis "
                    f"[{loc[0]}.indikator.target_sebelum] (sama dengan target bila tidak berubah)",
                    "target-sebelum-kurang")
            for loc, ind in indicators if "target_sebelum" not in ind
        ]
    dokumen = toml.data.get("dokumen")
    if (typed or replaces) and isinstance(dokumen, dict) and "perubahan" not in dokumen:
        problems.append(Problem(
            toml.path, toml.line_of(("dokumen",)), ("dokumen", "perubahan"),
            "dokumen ini memuat target sebelum perubahan, jadi harus diberi label perubahan, misalnya "
            "perubahan = \"Perubahan 2024\"", "perubahan-tanpa-label",
        ))
    return problems


def _targets_for_some_only(toml: TomlSource) -> list[Problem]:
    """Targets are for every indicator or for none (an IKU that lists indicators only)."""
    indicators = list(_raw_indicators(toml))
    without = [loc for loc, ind in indicators if not ind.get("target")]
    if not without or len(without) == len(indicators):
        return []
    return [Problem(toml.path, toml.line_of(loc), (*loc, "target"),
                    "indikator ini tidak punya target, padahal indikator lain punya; tulis "
                    f"[{loc[0]}.indikator.target] untuk setiap indikator, atau hapus target dari semua indikator "
                    "(tabel tanpa kolom target)",
                    "target-sebagian") for loc in without]


def _table_columns_unfit(konten: Konten, toml: TomlSource) -> list[Problem]:
    """[tabel] names columns the table can show: each once, filled by the data, "sebelum" targets only in a
    revision, merged columns among them; and one year for every kondisi awal."""
    problems = []

    def problem(loc: Loc, message: str, code: str) -> None:
        problems.append(Problem(toml.path, toml.line_of(loc), loc, message, code))

    chosen = konten.tabel.kolom or []
    for index, name in enumerate(chosen):
        loc: Loc = ("tabel", "kolom", index)
        if name in chosen[:index]:
            problem(loc, f"kolom \"{name}\" sudah disebut sebelumnya; setiap kolom hanya sekali", "kolom-ganda")
        elif name == "target_sebelum" and not any(ind.target_sebelum for _, _, ind in konten.indicators()) \
                and not (konten.revisi and konten.revisi.menggantikan):
            problem(loc, "kolom \"target_sebelum\" hanya untuk dokumen perubahan, tetapi tidak ada indikator yang "
                    "punya target sebelum perubahan", "kolom-kosong")
        elif name != "target_sebelum" and not filled(konten, name):
            problem(loc, f"kolom \"{name}\" dipilih, tetapi tidak ada indikator yang mengisinya; isi {name} pada "
                    "indikatornya, atau hapus kolom ini dari [tabel] kolom", "kolom-kosong")
    columns = shown(konten)
    for index, name in enumerate(konten.tabel.gabung):
        if name not in columns:
            problem(("tabel", "gabung", index), f"kolom \"{name}\" tidak ada di tabel, jadi tidak bisa digabung; "
                    f"kolom tabel: {', '.join(columns)}", "gabung-tanpa-kolom")
        elif "sasaran" not in columns:
            problem(("tabel", "gabung", index), f"kolom \"{name}\" digabung per sasaran, tetapi tabel ini tidak punya "
                    "kolom sasaran (daftar indikator bernomor); hapus gabung, atau tambahkan \"sasaran\" ke kolom",
                    "gabung-tanpa-kolom")
    _penjelasan_unfit(konten, columns, problem)
    with_baseline = [(loc, ind.kondisi_awal.tahun) for loc, _, ind in konten.indicators() if ind.kondisi_awal]
    for loc, year in with_baseline[1:]:
        if year != with_baseline[0][1]:
            problem((*loc, "kondisi_awal"), f"tahun kondisi awal ({year}) harus sama dengan indikator pertama yang "
                    f"punya kondisi awal ({with_baseline[0][1]}): tabel menampilkan satu tahun", "kondisi-awal-tahun")
    return problems


def _penjelasan_unfit(konten: Konten, columns: list[str], problem) -> None:
    """[tabel] penjelasan names each part once, for a table with a penjelasan column, and no part that has
    a column of its own."""
    chosen = konten.tabel.penjelasan or []
    if chosen and "penjelasan" not in columns:
        problem(("tabel", "penjelasan"), "isi sel penjelasan dipilih, tetapi tabel tidak punya kolom penjelasan; "
                "tambahkan \"penjelasan\" ke [tabel] kolom, atau hapus [tabel] penjelasan", "kolom-kosong")
        return
    for index, name in enumerate(chosen):
        loc: Loc = ("tabel", "penjelasan", index)
        if name in chosen[:index]:
            problem(loc, f"\"{name}\" sudah disebut sebelumnya; setiap isi sel penjelasan hanya sekali", "kolom-ganda")
        elif name in columns:
            problem(loc, f"\"{name}\" sudah punya kolom sendiri di tabel; hapus dari salah satunya", "kolom-ganda")
    if chosen and not filled(konten, "penjelasan"):
        problem(("tabel", "penjelasan"), f"tidak ada indikator yang mengisi {', '.join(penjelasan_parts(konten))}; "
                "isi pada indikatornya, atau hapus [tabel] penjelasan", "kolom-kosong")


def _tujuan_unknown(konten: Konten, toml: TomlSource) -> list[Problem]:
    """Each sasaran falls under one tujuan when the file has them: the one it names (which must exist), or
    the only one."""
    names = [tujuan.nama for tujuan in konten.tujuan]
    problems = []
    for s, sasaran in enumerate(konten.sasaran):
        loc: Loc = ("sasaran", s, "tujuan")
        if sasaran.tujuan is not None and sasaran.tujuan not in names:
            close = difflib.get_close_matches(sasaran.tujuan, names, n=1, cutoff=0.6)
            message = (f"tujuan \"{sasaran.tujuan}\" tidak ada di [[tujuan]]" + (f"; maksudnya \"{close[0]}\"?"
                       if close else f"; tujuan yang ada: {', '.join(names)}") if names else
                       f"tujuan \"{sasaran.tujuan}\" disebut, tetapi berkas ini tidak punya [[tujuan]]; tambahkan "
                       "[[tujuan]] dengan nama itu, atau hapus tujuan dari sasaran ini")
            problems.append(Problem(toml.path, toml.line_of(loc), loc, message, "tujuan-tidak-ada"))
        elif sasaran.tujuan is None and len(names) > 1:
            problems.append(Problem(toml.path, toml.line_of(("sasaran", s)), loc,
                                    f"ada {len(names)} tujuan, jadi sasaran ini harus menyebut tujuannya: tujuan = "
                                    f"\"{names[0]}\" (atau tujuan lain)", "tujuan-tidak-ada"))
    return problems


def _unequal_years(toml: TomlSource) -> list[Problem]:
    """Every indicator must have the same target years as the first one (read from the raw data, so
    that this is reported together with the type errors of other keys)."""
    problems = []
    first: list[str] | None = None
    for at, ind in _raw_indicators(toml):
        for key in ("target", "target_sebelum"):
            targets = ind.get(key)
            if not isinstance(targets, dict):
                continue
            years = sorted(targets)
            if first is None:
                first = years
            elif years != first:
                missing = [y for y in first if y not in years]
                extra = [y for y in years if y not in first]
                detail = "; ".join(part for part in (
                    ("tidak ada tahun " + ", ".join(missing)) if missing else "",
                    ("ada tahun lebih " + ", ".join(extra)) if extra else "",
                ) if part)
                problems.append(Problem(
                    toml.path, toml.line_of((*at, key)), (*at, key),
                    f"tahun target ({', '.join(years)}) harus sama dengan indikator pertama ({', '.join(first)}): "
                    f"{detail}",
                    "tahun-target",
                ))
    return problems

