"""Load a Laporan Kinerja file into its model, with the IKU it reports on and the year's Perjanjian Kinerja
when it names one: the indicators, their targets and direction come from the IKU, the year's targets and
the programs' budgets from the PK, never typed again. Each [[capaian]] is paired with the IKU indicator it
names (by nama or kode). Every problem is collected before stopping, on the line that causes it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .. import documents
from ..content.problems import ContentError, Loc, Problem
from ..content.revision_source import ContentRef, RevisionError, resolve_relative
from ..content.source import TomlSource
from ..content.validate import raise_problems, validate
from ..iku.model import Indikator, Konten, Penandatangan, Sasaran, Target, Tujuan
from ..perjanjian.loader import PerjanjianKinerja
from .model import REFERENCES, AnggaranProgram, CapaianIndikator, KontenLaporan


@dataclass(frozen=True)
class IndikatorLaporan:
    """One IKU indicator as the report sees it: its sasaran (or the tujuan above the sasaran, for an
    indicator of its own), the year's target, and what the report says of it (its [[capaian]] and where
    that is written)."""

    sasaran: Sasaran | Tujuan
    nomor_sasaran: int  # among the IKU's sasaran, or among its tujuan
    indikator: Indikator
    target: Target | None  # the report year's: the PK's, else the IKU's (None when the IKU has none)
    capaian: CapaianIndikator
    loc: Loc  # of its [[capaian]]


@dataclass(frozen=True)
class ProgramLaporan:
    """A program of the report's budget: its anggaran from the PK (or the report), its realisasi."""

    nama: str
    anggaran: int
    realisasi: int
    loc: Loc


@dataclass(frozen=True)
class LaporanKinerja:
    """A validated LKjIP with the IKU (and PK) it was built from."""

    konten: KontenLaporan
    iku: Konten
    iku_ref: ContentRef
    iku_source: TomlSource
    pk: PerjanjianKinerja | None
    indikator: tuple[IndikatorLaporan, ...]
    program: tuple[ProgramLaporan, ...]

    @property
    def tahun(self) -> str:
        return str(self.konten.laporan.tahun)

    @property
    def penandatangan(self) -> Penandatangan:
        """Who signs the kata pengantar: the report's own [penandatangan], else the IKU's (the head of the
        agency), else the PK's pihak pertama."""
        return self.konten.penandatangan or (self.pk.pihak_pertama if self.pk else self.iku.penandatangan)


def load_laporan(toml: TomlSource, ref: ContentRef) -> LaporanKinerja:
    """Validate the LKjIP in ``toml``, load the IKU and PK it names and pair its figures with them;
    ContentError with every problem found."""
    konten, problems = validate(KontenLaporan, toml, ref, REFERENCES)
    if konten is None:
        raise_problems(problems, ref)

    def problem(loc: Loc, message: str, code: str) -> Problem:
        return Problem(toml.path, toml.line_of(loc), loc, message, code)

    iku_loaded = _named(konten.laporan.iku, ("laporan", "iku"), "iku", "IKU", ref, problem)
    pk = None
    if konten.laporan.pk is not None:
        pk = _named(konten.laporan.pk, ("laporan", "pk"), "pk", "Perjanjian Kinerja", ref, problem).document
        if pk.tahun != str(konten.laporan.tahun):
            raise_problems([problem(("laporan", "pk"), f"Perjanjian Kinerja {konten.laporan.pk} tahun {pk.tahun}, "
                                    f"laporan tahun {konten.laporan.tahun}; sebutkan PK tahun "
                                    f"{konten.laporan.tahun}", "lkjip-pk-tahun")], ref)
    iku = iku_loaded.document
    years = iku.tahun_target()
    if years and str(konten.laporan.tahun) not in years:
        raise_problems([problem(("laporan", "tahun"), f"tahun {konten.laporan.tahun} tidak ada di target IKU "
                                f"{iku_loaded.ref.label} ({', '.join(years)}); sebutkan IKU periode yang memuat tahun "
                                "itu di [laporan] iku", "lkjip-tahun-target")], ref)
    rows, row_problems = _paired(konten, iku, pk, problem)
    programs, program_problems = _programs(konten, pk, problem)
    raise_problems(row_problems + program_problems, ref)
    return LaporanKinerja(konten, iku, iku_loaded.ref, iku_loaded.toml, pk, rows, programs)


@dataclass(frozen=True)
class _Named:
    document: object
    ref: ContentRef
    toml: TomlSource


def _named(spec: str, loc: Loc, key: str, label: str, ref: ContentRef, problem) -> _Named:
    try:
        named_ref = resolve_relative(spec, ref)
        loaded = documents.load(named_ref, key)
    except RevisionError as error:
        raise_problems([problem(loc, f"{label} yang dirujuk tidak bisa dibaca: {error}", f"{key}-tidak-ada")], ref)
    except ContentError as error:
        if len(error.problems) == 1 and error.problems[0].code.startswith("bukan-"):
            raise_problems([problem(loc, f"{spec} bukan {label}; sebutkan berkas {label}", f"bukan-{key}")], ref)
        raise_problems([problem(loc, f"{label} yang dirujuk ({spec}) berisi masalah; perbaiki dulu:",
                                f"{key}-bermasalah"), *error.problems], ref)
    return _Named(loaded.document, named_ref, loaded.toml)


def _paired(konten: KontenLaporan, iku: Konten, pk: PerjanjianKinerja | None, problem
            ) -> tuple[tuple[IndikatorLaporan, ...], list[Problem]]:
    """Every IKU indicator with its [[capaian]]: one missing, one naming no indicator, or two naming the
    same are errors."""
    year = str(konten.laporan.tahun)
    indicators = list(iku.indicators())
    by_name: dict[str, int] = {}
    for n, (_, _, indikator) in enumerate(indicators):
        by_name.setdefault(indikator.nama.casefold(), n)
        if indikator.kode:
            by_name.setdefault(indikator.kode.casefold(), n)
    problems: list[Problem] = []
    found: dict[int, int] = {}
    for c, entry in enumerate(konten.capaian):
        loc: Loc = ("capaian", c, "indikator")
        n = by_name.get(entry.indikator.casefold())
        if n is None:
            names = [indikator.nama for _, _, indikator in indicators]
            close = difflib.get_close_matches(entry.indikator, names, n=1, cutoff=0.6)
            hint = f"; maksudnya \"{close[0]}\"?" if close else f"; indikator IKU: {'; '.join(names)}"
            problems.append(problem(loc, f"indikator \"{entry.indikator}\" tidak ada di IKU{hint}",
                                    "capaian-tanpa-indikator"))
        elif n in found:
            problems.append(problem(loc, f"indikator \"{indicators[n][2].nama}\" sudah dilaporkan di capaian ke-"
                                    f"{found[n] + 1}; satu [[capaian]] per indikator", "capaian-ganda"))
        else:
            found[n] = c
    for n, (_, _, indikator) in enumerate(indicators):
        if n not in found:
            problems.append(problem(("capaian",), f"indikator IKU \"{indikator.nama}\" belum dilaporkan; tambahkan "
                                    f"[[capaian]] dengan indikator = \"{indikator.nama}\" dan realisasi {year}",
                                    "capaian-belum-ada"))
    pk_targets = {row.indikator.nama: row.target for row in pk.targets()} if pk else {}
    numbers = {id(group): n for groups in (iku.sasaran, iku.tujuan) for n, group in enumerate(groups, 1)}
    rows = tuple(
        IndikatorLaporan(sasaran, numbers[id(sasaran)], indikator,
                         pk_targets.get(indikator.nama, indikator.target.get(year)),
                         konten.capaian[found[n]], ("capaian", found[n]))
        for n, (_, sasaran, indikator) in enumerate(indicators) if n in found)
    return rows, problems


def _programs(konten: KontenLaporan, pk: PerjanjianKinerja | None, problem
              ) -> tuple[tuple[ProgramLaporan, ...], list[Problem]]:
    """Every [[anggaran]] with its budget: the PK's program of that name, else its own ``anggaran``."""
    agreed = {program.nama.casefold(): program for program in pk.konten.program} if pk else {}
    programs, problems = [], []
    for p, entry in enumerate(konten.anggaran):
        loc: Loc = ("anggaran", p)
        budget = _budget(entry, agreed)
        if budget is None:
            names = [program.nama for program in pk.konten.program] if pk else []
            close = difflib.get_close_matches(entry.program, names, n=1, cutoff=0.6)
            where = "tidak diambil dari Perjanjian Kinerja (tidak ada [laporan] pk)" if pk is None else (
                f"tidak ada di Perjanjian Kinerja (maksudnya \"{close[0]}\"?)" if close
                else "tidak ada di Perjanjian Kinerja")
            problems.append(problem((*loc, "program"), f"program \"{entry.program}\" {where}; tulis juga anggarannya: "
                                    "anggaran = 1250000000", "anggaran-tanpa-pagu"))
            continue
        programs.append(ProgramLaporan(entry.program, budget, entry.realisasi, loc))
    return tuple(programs), problems


def _budget(entry: AnggaranProgram, agreed: dict) -> int | None:
    if entry.anggaran is not None:
        return entry.anggaran
    program = agreed.get(entry.program.casefold())
    return program.anggaran if program else None
