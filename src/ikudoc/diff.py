"""Compare two revisions of the content model into a list of changes, grouped and in document order.

The models are compared, not the documents: a changed {visi} is one change, not one per paragraph
that shows it. Texts are compared paragraph by paragraph, and within a changed paragraph word by
word; a paragraph that only moved is reported once, not as a deletion and an insertion.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .context import format_target
from .formatting import format_day, format_month, roman_numeral
from .markup import InlineText, ListBlock, ListReference, Paragraph, Text, plain_text
from .model import Indikator, Konten, Target
from .problems import format_key_path
from .revisions import pair_indicators

# Two paragraphs at least this similar are shown as one changed paragraph, else as removed and added.
PARAGRAPH_SIMILARITY = 0.5

Segments = tuple[tuple[str, str], ...]  # ("=", same words), ("-", deleted words), ("+", inserted words)


@dataclass(frozen=True)
class Change:
    """One difference, in the document's own words."""

    kelompok: str  # the part of the document: "Target", "BAB II PENGERTIAN ...", ...
    jenis: str  # "ubah", "tambah", "hapus", "ganti-nama", "pindah"
    lokasi: str  # what changed: "Target 2024, Persentase ...", "2.2 VISI DAN MISI, paragraf 4"
    kunci: str  # where it is written in the content file (the new one, or the old one for removals)
    lama: str | None = None
    baru: str | None = None
    kata: Segments = ()  # word-level diff of a changed text


@dataclass(frozen=True)
class TargetCell:
    lama: str | None
    baru: str | None

    @property
    def berubah(self) -> bool:
        return self.lama != self.baru


@dataclass(frozen=True)
class TargetRow:
    nama: str
    nama_lama: str | None
    status: str  # "tetap", "tambah", "hapus", "ganti-nama"
    satuan: str
    sel: tuple[TargetCell, ...]


@dataclass(frozen=True)
class Comparison:
    lama: str
    baru: str
    perubahan: tuple[Change, ...]
    tahun: tuple[str, ...] = ()
    target: tuple[TargetRow, ...] = field(default=())

    @property
    def berbeda(self) -> bool:
        return bool(self.perubahan)


def word_diff(old: str, new: str) -> Segments:
    """Segments of equal, deleted and inserted words turning ``old`` into ``new``."""
    a, b = re.findall(r"\s+|\S+", old), re.findall(r"\s+|\S+", new)
    segments: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == op:
            segments[-1] = (op, segments[-1][1] + text)
        else:
            segments.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("=", "".join(a[i1:i2]))
        else:
            add("-", "".join(a[i1:i2]))
            add("+", "".join(b[j1:j2]))
    return tuple(segments)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _units(text: Text | None) -> list[str]:
    """A text as a list of comparable units: paragraphs and list items."""
    if text is None:
        return []
    units = []
    for block in text.blok:
        if isinstance(block, Paragraph):
            units.append(plain_text(block.runs))
        elif isinstance(block, ListReference):
            units.append("{" + block.nama + "}")
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.butir):
                marker = {"angka": f"{number + 1}.", "huruf": f"{chr(ord('a') + number)}.", "butir": "-"}[block.jenis]
                units.append(f"{marker} {plain_text(item)}")
    return units


def _excerpt(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


class _Collector:
    """Gathers changes; paragraphs removed in one place and added in another become one move."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(self, *args, **kwargs) -> None:
        self.changes.append(Change(*args, **kwargs))

    def value(self, group: str, label: str, key: str, old, new) -> None:
        if old != new:
            old_text, new_text = (None if v is None else str(v) for v in (old, new))
            kind = "tambah" if old is None else "hapus" if new is None else "ubah"
            self.add(group, kind, label, key, old_text, new_text)

    def text(self, group: str, label: str, key: str, old: str | None, new: str | None) -> None:
        if old == new:
            return
        if old is None or new is None:
            self.value(group, label, key, old, new)
            return
        self.add(group, "ubah", label, key, old, new, word_diff(old, new))

    def units(self, group: str, label: str, key: str, old: list[str], new: list[str], unit: str = "paragraf") -> None:
        """Paragraphs (or list items) of one text field, aligned, then compared word by word."""
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            removed, added = list(range(i1, i2)), list(range(j1, j2))
            for i in list(removed):  # pair similar paragraphs in order
                match = next((j for j in added if _similarity(old[i], new[j]) >= PARAGRAPH_SIMILARITY), None)
                if match is not None:
                    self.text(group, f"{label}, {unit} {match + 1}", key, old[i], new[match])
                    removed.remove(i)
                    added = [j for j in added if j > match]
            for i in removed:
                self.add(group, "hapus", f"{label}, {unit} {i + 1}", key, old[i], None)
            for j in range(j1, j2):
                if j in added:
                    self.add(group, "tambah", f"{label}, {unit} {j + 1}", key, None, new[j])

    def finish(self) -> tuple[Change, ...]:
        """Pair each removed paragraph with an identical added one: it moved."""
        changes = list(self.changes)
        for removed in [c for c in changes if c.jenis == "hapus" and c.lama and len(c.lama.split()) > 3]:
            added = next((c for c in changes if c.jenis == "tambah" and c.baru == removed.lama), None)
            if added is not None:
                changes.remove(removed)
                changes[changes.index(added)] = Change(
                    added.kelompok, "pindah", added.lokasi, added.kunci, removed.lokasi, _excerpt(added.baru),
                )
        return tuple(changes)


def _date(konten: Konten) -> str:
    date = konten.dokumen.tanggal
    return format_month(date.tanggal) if date.hanya_bulan else format_day(date.tanggal)


def _inline(text: InlineText | None) -> str | None:
    return None if text is None else plain_text(text.runs)


def _sections(konten: Konten) -> list[tuple[str, str, str, str, Text | None]]:
    """(group, title without number, label, key, text) of every chapter and section, in order."""
    sections = []
    for b, bab in enumerate(konten.bab, 1):
        group = f"BAB {roman_numeral(b)} {bab.judul}"
        sections.append((group, bab.judul, group, format_key_path(("bab", b - 1, "isi")), bab.isi))
        for g, bagian in enumerate(bab.bagian, 1):
            sections.append((group, bagian.judul, f"{b}.{g} {bagian.judul}",
                             format_key_path(("bab", b - 1, "bagian", g - 1, "isi")), bagian.isi))
    return sections


def _compare_chapters(out: _Collector, old: Konten, new: Konten) -> None:
    old_sections, new_sections = _sections(old), _sections(new)
    titles = difflib.SequenceMatcher(None, [s[1] for s in old_sections], [s[1] for s in new_sections],
                                     autojunk=False)
    for tag, i1, i2, j1, j2 in titles.get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2)))  # equal titles, or titles changed in place
        for i, j in pairs:
            group, _, label, key, text = new_sections[j]
            out.text(group, f"Judul {label}", key.rsplit(".", 1)[0] + ".judul", old_sections[i][1], new_sections[j][1])
            out.units(group, label, key, _units(old_sections[i][4]), _units(text))
        for i in range(i1 + len(pairs), i2):
            group, _, label, key, text = old_sections[i]
            out.add(group, "hapus", f"{label} dihapus", key, "\n".join(_units(text)), None)
        for j in range(j1 + len(pairs), j2):
            group, _, label, key, text = new_sections[j]
            out.add(group, "tambah", f"{label} ditambah", key, None, "\n".join(_units(text)))


def _compare_list(out: _Collector, group: str, label: str, key: str, old: list, new: list) -> None:
    out.units(group, label, key, [plain_text(i.runs) for i in old], [plain_text(i.runs) for i in new], "butir")


def _target_text(target: Target | None, indikator: Indikator) -> str | None:
    return None if target is None else format_target(target, indikator)


def _compare_indicators(out: _Collector, old: Konten, new: Konten) -> tuple[tuple[str, ...], tuple[TargetRow, ...]]:
    group = "Sasaran dan indikator"
    old_sasaran = {id(ind): s.nama for _, s, ind in old.indicators()}
    new_sasaran = {id(ind): s.nama for _, s, ind in new.indicators()}
    out.units(group, "Sasaran strategis", "sasaran", [s.nama for s in old.sasaran], [s.nama for s in new.sasaran],
              "butir")
    years = tuple(sorted({y for _, _, i in old.indicators() for y in i.target}
                         | {y for _, _, i in new.indicators() for y in i.target}))
    rows, target_changes = [], []
    for pair in pair_indicators(old, new):
        if pair.baru is None:
            loc, ind = pair.lama
            out.add(group, "hapus", f"Indikator dihapus: {ind.nama}", format_key_path(loc), ind.nama, None)
            rows.append(TargetRow(ind.nama, None, "hapus", ind.satuan,
                                  tuple(TargetCell(_target_text(ind.target.get(y), ind), None) for y in years)))
            continue
        loc, ind = pair.baru
        key = format_key_path(loc)
        if pair.lama is None:
            out.add(group, "tambah", f"Indikator ditambah: {ind.nama}", key, None, ind.nama)
            rows.append(TargetRow(ind.nama, None, "tambah", ind.satuan,
                                  tuple(TargetCell(None, _target_text(ind.target.get(y), ind)) for y in years)))
            continue
        was = pair.lama[1]
        status = "tetap"
        if was.nama != ind.nama:
            status = "ganti-nama"
            out.add(group, "ganti-nama", f"Nama indikator {was.nama}", f"{key}.nama", was.nama, ind.nama,
                    word_diff(was.nama, ind.nama))
        # Under a sasaran that existed before, but not its old one: it moved. (Under a sasaran name
        # that is new, the sasaran was renamed or added, which the sasaran list above reports.)
        if old_sasaran[id(was)] != new_sasaran[id(ind)] and new_sasaran[id(ind)] in old_sasaran.values():
            out.add(group, "pindah", f"Sasaran dari indikator {ind.nama}", key, old_sasaran[id(was)],
                    new_sasaran[id(ind)])
        for field_name, label in (("satuan", "Satuan"), ("sumber_data", "Sumber data"), ("kode", "Kode")):
            out.value(group, f"{label}, {ind.nama}", f"{key}.{field_name}", getattr(was, field_name),
                      getattr(ind, field_name))
        for field_name, label in (("makna", "Makna indikator"), ("alasan_pemilihan", "Alasan pemilihan"),
                                  ("rumus_perhitungan", "Rumus perhitungan"),
                                  ("alasan_perubahan", "Alasan perubahan target")):
            out.text(group, f"{label}, {ind.nama}", f"{key}.{field_name}", _inline(getattr(was, field_name)),
                     _inline(getattr(ind, field_name)))
        cells = []
        for year in years:
            cell = TargetCell(_target_text(was.target.get(year), was), _target_text(ind.target.get(year), ind))
            cells.append(cell)
            if cell.berubah:
                target_changes.append(_target_change(year, ind, was, cell, f"{key}.target.{year}"))
        rows.append(TargetRow(ind.nama, was.nama if status == "ganti-nama" else None, status, ind.satuan, tuple(cells)))
    out.changes.extend(target_changes)
    return years, tuple(rows)


def _target_change(year: str, ind: Indikator, was: Indikator, cell: TargetCell, key: str,
                   label: str = "Target") -> Change:
    unit_new = f" {ind.satuan}"
    unit_old = f" {was.satuan}" if was.satuan != ind.satuan else ""
    old = f"{cell.lama or '(tidak ada)'}{unit_old}"
    new = f"{cell.baru or '(tidak ada)'}{unit_new}"
    kind = "tambah" if cell.lama is None else "hapus" if cell.baru is None else "ubah"
    return Change("Target", kind, f"{label} {year}, {ind.nama}", key, old, new)


def compare(old: Konten, new: Konten, old_label: str, new_label: str) -> Comparison:
    """Everything that differs between two revisions, grouped in the order the document shows it."""
    out = _Collector()
    group = "Sampul dan identitas"
    d_old, d_new = old.dokumen, new.dokumen
    for key, label, a, b in (
        ("dokumen.judul", "Judul", d_old.judul, d_new.judul),
        ("dokumen.singkatan", "Singkatan", d_old.singkatan, d_new.singkatan),
        ("dokumen.perubahan", "Label perubahan", d_old.perubahan, d_new.perubahan),
        ("dokumen.periode", "Periode", f"{d_old.periode.awal}-{d_old.periode.akhir}",
         f"{d_new.periode.awal}-{d_new.periode.akhir}"),
        ("dokumen.tempat", "Tempat", d_old.tempat, d_new.tempat),
        ("dokumen.tanggal", "Tanggal", _date(old), _date(new)),
        ("dokumen.lambang", "Lambang", d_old.lambang and d_old.lambang.name, d_new.lambang and d_new.lambang.name),
        ("instansi.pemerintah", "Pemerintah", old.instansi.pemerintah, new.instansi.pemerintah),
        ("instansi.nama", "Nama instansi", old.instansi.nama, new.instansi.nama),
        ("instansi.nama_singkat", "Nama singkat instansi", old.instansi.nama_singkat, new.instansi.nama_singkat),
        ("revisi.nomor", "Nomor revisi", old.revisi and old.revisi.nomor, new.revisi and new.revisi.nomor),
        ("revisi.keputusan", "Keputusan", old.revisi and old.revisi.keputusan, new.revisi and new.revisi.keputusan),
    ):
        out.value(group, label, key, a, b)
    out.units("Kata pengantar", "Kata pengantar", "kata_pengantar.isi",
              _units(old.kata_pengantar.isi), _units(new.kata_pengantar.isi))
    for name, label in (("jabatan", "Jabatan"), ("nama", "Nama"), ("pangkat", "Pangkat"), ("nip", "NIP")):
        out.value("Penandatangan", label, f"penandatangan.{name}", getattr(old.penandatangan, name),
                  getattr(new.penandatangan, name))
    _compare_chapters(out, old, new)
    group = "Visi, misi, tujuan, strategi dan kebijakan"
    out.text(group, "Visi", "rpjmd.visi", _inline(old.rpjmd.visi), _inline(new.rpjmd.visi))
    _compare_list(out, group, "Misi", "rpjmd.misi", old.rpjmd.misi, new.rpjmd.misi)
    out.value(group, "Misi yang didukung", "rpjmd.misi_pilihan", old.rpjmd.misi_pilihan, new.rpjmd.misi_pilihan)
    out.text(group, "Tujuan", "renstra.tujuan", _inline(old.renstra.tujuan), _inline(new.renstra.tujuan))
    _compare_list(out, group, "Strategi", "renstra.strategi", old.renstra.strategi, new.renstra.strategi)
    _compare_list(out, group, "Kebijakan", "renstra.kebijakan", old.renstra.kebijakan, new.renstra.kebijakan)
    group = "Lampiran: tugas dan fungsi"
    _compare_list(out, group, "Tugas", "organisasi.tugas", old.organisasi.tugas, new.organisasi.tugas)
    _compare_list(out, group, "Fungsi", "organisasi.fungsi", old.organisasi.fungsi, new.organisasi.fungsi)
    years, rows = _compare_indicators(out, old, new)
    return Comparison(old_label, new_label, out.finish(), years, rows)


def summarize_revision(konten: Konten, label: str) -> Comparison:
    """What one revision changed, from its own "sebelum" and "setelah" targets."""
    years = tuple(sorted(konten.sasaran[0].indikator[0].target))
    changes, rows = [], []
    for loc, _, ind in konten.indicators():
        before = ind.target_sebelum or {}
        cells = tuple(TargetCell(_target_text(before.get(y), ind) if ind.target_sebelum is not None else None,
                                 _target_text(ind.target.get(y), ind)) for y in years)
        key = format_key_path(loc)
        if ind.target_sebelum is not None:
            for year, cell in zip(years, cells):
                if cell.berubah:
                    changes.append(_target_change(year, ind, ind, cell, f"{key}.target.{year}"))
            if ind.alasan_perubahan and any(c.berubah for c in cells):
                changes.append(Change("Target", "ubah", f"Alasan perubahan, {ind.nama}", f"{key}.alasan_perubahan",
                                      None, plain_text(ind.alasan_perubahan.runs)))
        rows.append(TargetRow(ind.nama, None, "tetap" if ind.target_sebelum is not None else "tambah",
                              ind.satuan, cells))
    perubahan = konten.dokumen.perubahan or "setelah perubahan"
    return Comparison(f"{label} (sebelum perubahan)", f"{label} ({perubahan})", tuple(changes), years, tuple(rows))
