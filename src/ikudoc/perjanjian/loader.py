"""Load a Perjanjian Kinerja file into its model, with the IKU it names: the year's target of every
indicator is taken from there, never typed twice. Every problem is collected before stopping, each on
the line of the PK file that causes it (the IKU's own problems follow, on the IKU's lines)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import documents
from ..content.formatting import format_target
from ..content.problems import ContentError, Loc, Problem
from ..content.revision_source import ContentRef, RevisionError, resolve_relative
from ..content.source import TomlSource
from ..content.validate import raise_problems, validate
from ..iku.model import Indikator, Konten, Penandatangan, Sasaran, Target
from .model import REFERENCES, KontenPerjanjian


@dataclass(frozen=True)
class TargetPerjanjian:
    """One row of the PK's target table: an IKU indicator and its target for the PK's year."""

    sasaran: Sasaran
    indikator: Indikator
    target: Target
    loc: Loc  # where the indicator is written in the IKU file


@dataclass(frozen=True)
class PerjanjianKinerja:
    """A validated PK with the IKU it was built from."""

    konten: KontenPerjanjian
    iku: Konten
    iku_ref: ContentRef  # where the IKU was read: a file, or a git revision
    iku_source: TomlSource

    @property
    def tahun(self) -> str:
        return str(self.konten.perjanjian.tahun)

    @property
    def pihak_pertama(self) -> Penandatangan:
        """The IKU's signatory, with what the PK writes of its pihak pertama in place of theirs; another
        person (a nama written) with what the PK writes only."""
        written = self.konten.pihak_pertama
        if written is None:
            return self.iku.penandatangan
        typed = written.model_dump(exclude_none=True)
        if written.nama is not None:
            return Penandatangan(**typed)
        return self.iku.penandatangan.model_copy(update=typed)

    @property
    def pihak_kedua(self) -> Penandatangan:
        return self.konten.pihak_kedua

    def targets(self) -> Iterator[TargetPerjanjian]:
        """Every IKU indicator with its target for the PK's year, in the IKU table's order."""
        for loc, sasaran, indikator in self.iku.indicators():
            yield TargetPerjanjian(sasaran, indikator, indikator.target[self.tahun], loc)


def load_perjanjian(toml: TomlSource, ref: ContentRef) -> PerjanjianKinerja:
    """Validate the PK in ``toml`` and load the IKU it names; ContentError with every problem found."""
    konten, problems = validate(KontenPerjanjian, toml, ref, REFERENCES)
    if konten is None:
        raise_problems(problems, ref)
    iku_loc: Loc = ("perjanjian", "iku")

    def problem(loc: Loc, message: str, code: str) -> Problem:
        return Problem(toml.path, toml.line_of(loc), loc, message, code)

    spec = konten.perjanjian.iku
    try:
        iku_ref = resolve_relative(spec, ref)
        loaded = documents.load(iku_ref, "iku")
    except RevisionError as error:
        raise_problems([problem(iku_loc, f"IKU yang dirujuk tidak bisa dibaca: {error}", "iku-tidak-ada")], ref)
    except ContentError as error:
        if [p.code for p in error.problems] == ["bukan-iku"]:
            raise_problems([problem(iku_loc, f"{spec} adalah Perjanjian Kinerja, bukan IKU; sebutkan berkas IKU "
                                    "tempat target diambil", "bukan-iku")], ref)
        raise_problems([problem(iku_loc, f"IKU yang dirujuk ({spec}) berisi masalah; perbaiki dulu:",
                                "iku-bermasalah"), *error.problems], ref)
    pk = PerjanjianKinerja(konten, loaded.document, iku_ref, loaded.toml)
    raise_problems(_targets_unusable(pk, problem), ref)
    return pk


def _targets_unusable(pk: PerjanjianKinerja, problem) -> list[Problem]:
    """The PK's year must be one of the IKU's target years, and each of its targets a number."""
    loc: Loc = ("perjanjian", "tahun")
    years = pk.iku.tahun_target()
    label = pk.iku_ref.label
    if not years:
        return [problem(loc, f"IKU {label} tidak memuat target, jadi tidak ada target untuk Perjanjian Kinerja; "
                        "tulis [sasaran.indikator.target] di IKU", "pk-tahun-target")]
    if pk.tahun not in years:
        return [problem(loc, f"tahun {pk.tahun} tidak ada di target IKU {label} ({', '.join(years)}); pilih salah "
                        "satu tahun itu, atau tambahkan targetnya di IKU", "pk-tahun-target")]
    problems = []
    for at, _, indikator in pk.iku.indicators():
        target = indikator.target[pk.tahun]
        if target.angka is None and target.rentang is None:
            line = pk.iku_source.line_of((*at, "target", pk.tahun))
            problems.append(problem(loc, f"target {pk.tahun} indikator \"{indikator.nama}\" ({label}:{line}) berupa "
                                    f"teks \"{format_target(target, indikator)}\"; Perjanjian Kinerja memerlukan "
                                    "target angka", "pk-target-teks"))
    return problems
