"""Compare two Perjanjian Kinerja revisions (or the agreements of two years) into the same Comparison
as the IKU's diff: the agreement's year, date and parties, the targets taken from the IKUs, and the
programs with their budgets."""

from __future__ import annotations

from ..content.formatting import format_rupiah, format_target
from ..content.problems import format_key_path
from ..iku.model import Indikator
from ..iku.revisions import pair_indicators
from ..revisions.comparison import Collector, Comparison, Group, TargetCell, TargetRow
from ..revisions.parts import compare_fields
from .loader import PerjanjianKinerja
from .model import Program

AGREEMENT = Group("perjanjian", "Perjanjian")
PARTIES = (("pihak_pertama", Group("pihak-pertama", "Pihak pertama")),
           ("pihak_kedua", Group("pihak-kedua", "Pihak kedua")))
TARGETS = Group("target", "Target")
PROGRAMS = Group("program", "Program dan anggaran")


def compare_perjanjian(old: PerjanjianKinerja, new: PerjanjianKinerja, old_label: str, new_label: str) -> Comparison:
    """Everything that differs between two agreements, in the order the document shows it."""
    out = Collector()
    a, b = old.konten.perjanjian, new.konten.perjanjian
    compare_fields(out, AGREEMENT, "perjanjian", a, b, skip=("pernyataan",))
    compare_fields(out, AGREEMENT, "instansi", old.iku.instansi, new.iku.instansi, only=("nama",))
    compare_fields(out, AGREEMENT, "perjanjian", a, b, only=("pernyataan",))
    for key, group in PARTIES:
        compare_fields(out, group, key, getattr(old, key), getattr(new, key))
    years, rows = _compare_targets(out, old, new)
    _compare_programs(out, old.konten.program, new.konten.program)
    return Comparison(old_label, new_label, out.finish(), years, rows, "Perjanjian Kinerja")


def _compare_targets(out: Collector, old: PerjanjianKinerja, new: PerjanjianKinerja
                     ) -> tuple[tuple[str, ...], tuple[TargetRow, ...]]:
    """The agreed target of each indicator: the old agreement's year in the old IKU against the new one's."""
    column = new.tahun if old.tahun == new.tahun else f"{old.tahun} → {new.tahun}"

    def shown(indikator: Indikator | None, year: str) -> str | None:
        return None if indikator is None else format_target(indikator.target[year], indikator)

    rows = []
    for pair in pair_indicators(old.iku, new.iku):
        was = pair.lama[1] if pair.lama else None
        now = pair.baru[1] if pair.baru else None
        before, after = shown(was, old.tahun), shown(now, new.tahun)
        named = now or was
        loc = (pair.baru or pair.lama)[0]
        side = new if now else old
        key = f"{side.iku_ref.label}: {format_key_path((*loc, 'target', side.tahun))}"
        status = "tambah" if was is None else "hapus" if now is None else \
            ("ganti-nama" if was.nama != now.nama else "tetap")
        if before != after or status != "tetap":
            kind = "tambah" if before is None else "hapus" if after is None else "ubah"
            out.add(TARGETS, kind, f"Target {column}, {named.nama}", key, before, after, satuan=named.satuan or "",
                    satuan_lama=(was.satuan or "") if was and now and was.satuan != now.satuan else None)
        rows.append(TargetRow(named.nama, was.nama if status == "ganti-nama" else None, status, named.satuan or "",
                              (TargetCell(before, after),)))
    return (column,), tuple(rows)


def _compare_programs(out: Collector, old: list[Program], new: list[Program]) -> None:
    """Programs paired by name: added, removed, budget or note changed; and the total."""
    waiting = {}
    for index, program in enumerate(old):
        waiting.setdefault(program.nama, []).append(index)
    matched = set()
    for n, program in enumerate(new):
        key = format_key_path(("program", n))
        if waiting.get(program.nama):
            o = waiting[program.nama].pop(0)
            matched.add(o)
            was = old[o]
            out.value(PROGRAMS, f"Anggaran, {program.nama}", f"{key}.anggaran", format_rupiah(was.anggaran),
                      format_rupiah(program.anggaran))
            out.value(PROGRAMS, f"Keterangan, {program.nama}", f"{key}.keterangan", was.keterangan,
                      program.keterangan)
        else:
            out.add(PROGRAMS, "tambah", "Program ditambah", key, None, _program_summary(program))
    for o, program in enumerate(old):
        if o not in matched:
            out.add(PROGRAMS, "hapus", "Program dihapus", format_key_path(("program", o)), _program_summary(program),
                    None)
    out.value(PROGRAMS, "Jumlah anggaran", "program", format_rupiah(sum(p.anggaran for p in old)),
              format_rupiah(sum(p.anggaran for p in new)))


def _program_summary(program: Program) -> str:
    return f"{program.nama} ({format_rupiah(program.anggaran)}" + (f", {program.keterangan})" if program.keterangan
                                                                     else ")")

