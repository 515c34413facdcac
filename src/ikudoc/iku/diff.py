"""Compare two revisions of the content model into a list of changes, grouped and in document order.

The models are compared, not the documents: a changed {visi} is one change, not one per paragraph
that shows it. Texts are compared paragraph by paragraph (list items one by one), and within a
changed paragraph word by word; a paragraph that only moved is reported once, as a move.
"""

from __future__ import annotations

import difflib
import re
from collections import deque
from dataclasses import dataclass

from ..collector_pause import cycle_collector_paused
from ..content.formatting import format_signing_date, format_target, roman_numeral
from ..content.markup import InlineText, ListBlock, ListReference, Paragraph, Runs, Text
from ..content.problems import format_key_path
from .model import Indikator, KondisiAwal, Konten, Target
from .revisions import pair_indicators, word_similarity

# Two paragraphs sharing at least this share of their words are one changed paragraph; less similar
# ones are shown as removed and added.
PARAGRAPH_SIMILARITY = 0.5

Segments = tuple[tuple[str, str], ...]  # ("=", same words), ("-", deleted words), ("+", inserted words)


@dataclass(frozen=True)
class Change:
    """One difference, in the document's own words."""

    kelompok: str  # the part of the document: "Target", "BAB II PENGERTIAN ...", ...
    jenis: str  # "ubah", "tambah", "hapus", "ganti-nama", "pindah"
    lokasi: str  # what changed: "Target 2024, Persentase ...", "2.2 VISI DAN MISI, paragraf 4"
    kunci: str  # where it is written in the content file (the new one, or the old one for removals)
    lama: str | None = None  # the old value or text; None when it was added
    baru: str | None = None  # the new value or text; None when it was removed
    kata: Segments = ()  # word-level diff of a changed text
    satuan: str | None = None  # the unit of a target
    satuan_lama: str | None = None  # the old unit, when it changed
    asal: str | None = None  # where a moved paragraph was
    bagian: str = ""  # the part's stable id (PARTS), for templates and programs: labels may be reworded

    def __post_init__(self) -> None:
        object.__setattr__(self, "bagian", PARTS.get(self.kelompok, "bab"))


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
    target: tuple[TargetRow, ...] = ()
    dokumen: str = "IKU"  # what kind of document was compared: "IKU" or "Perjanjian Kinerja"

    @property
    def berbeda(self) -> bool:
        return bool(self.perubahan)


def word_diff(old: str, new: str) -> Segments:
    """Segments of equal, deleted and inserted words turning ``old`` into ``new``; neighbouring changed
    words form one segment, each word keeping the space that follows it. The equal and inserted segments
    make ``new``, the equal and deleted ones ``old``."""
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    segments: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if text and segments and segments[-1][0] == op:
            segments[-1] = (op, segments[-1][1] + text)
        elif text:
            segments.append((op, text))

    starts = {"-": "", "+": ""}  # the space the next deleted or inserted words start with
    for tag, i1, i2, j1, j2 in word_opcodes([w.strip() for w in a], [w.strip() for w in b]):
        if tag == "equal":
            # Equal words keep the space after them where both texts go on; where one text ends there,
            # the other's space goes to the words it goes on with.
            old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
            old_space, new_space = old_text[len(old_text.rstrip()):], new_text[len(new_text.rstrip()):]
            add("=", new_text if old_space else new_text.rstrip())
            starts = {"-": "" if new_space else old_space, "+": "" if old_space else new_space}
        else:
            add("-", starts["-"] + "".join(a[i1:i2]) if i2 > i1 else "")
            add("+", starts["+"] + "".join(b[j1:j2]) if j2 > j1 else "")
    return tuple(segments)


def word_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes turning the words ``a`` into ``b``. A renamed indicator (every word once on each
    side, a word or two replaced by words the other side does not have) gets them without difflib: the
    words both ends share, and one change between."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(set(a)) < len(a) or len(set(b)) < len(b) or not set(middle_a).isdisjoint(b) \
            or not set(middle_b).isdisjoint(a):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    opcodes = [("equal", 0, head, 0, head)] if head else []
    if middle_a or middle_b:
        tag = "replace" if middle_a and middle_b else "delete" if middle_a else "insert"
        opcodes.append((tag, head, len(a) - tail, head, len(b) - tail))
    if tail:
        opcodes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return opcodes


def marked_text(runs: Runs) -> str:
    """Runs as their Markdown, so that a change of **bold** or *italic* is a change too."""
    text = ""
    for run in runs:
        piece = "\n" if run.baris_baru else ("{" + run.rujukan + "}" if run.rujukan else run.teks)
        if run.miring:
            piece = f"*{piece}*"
        if run.tebal:
            piece = f"**{piece}**"
        text += piece
    return text


@dataclass(frozen=True)
class _Unit:
    """A paragraph or a list item of a text, with the words a reader would use to find it."""

    label: str  # "paragraf 3", "paragraf 3, butir 2"
    text: str


def text_units(text: Text | None) -> list[_Unit]:
    units: list[_Unit] = []
    paragraph = 0
    for block in (text.blok if text else ()):
        if isinstance(block, Paragraph):
            paragraph += 1
            units.append(_Unit(f"paragraf {paragraph}", marked_text(block.runs)))
        elif isinstance(block, ListReference):
            units.append(_Unit(f"daftar sesudah paragraf {paragraph}", "{" + block.nama + "}"))
        elif isinstance(block, ListBlock):
            units += [_Unit(f"paragraf {paragraph}, butir {n}", marked_text(item))
                      for n, item in enumerate(block.butir, 1)]
    return units


#: The parts of a comparison by their labels, and the id each is known by in templates and JSON;
#: every other part is a chapter ("bab"), labelled by its own title.
PARTS = {
    "Sampul dan identitas": "sampul",
    "Kata pengantar": "kata-pengantar",
    "Visi, misi, tujuan, strategi dan kebijakan": "rpjmd-renstra",
    "Lampiran: tugas dan fungsi": "lampiran",
    "Sasaran dan indikator": "indikator",
    "Target": "target",
    "Target sebelum perubahan": "target-sebelum",
    "Perjanjian": "perjanjian",  # the parts of a Perjanjian Kinerja's comparison
    "Pihak pertama": "pihak-pertama",
    "Pihak kedua": "pihak-kedua",
    "Program dan anggaran": "program",
}


class Collector:
    """Gathers changes; a paragraph removed in one place and added in another becomes one move."""

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

    def units(self, group: str, prefix: str, key: str, old: list[_Unit], new: list[_Unit]) -> None:
        """The paragraphs and list items of one text, aligned; changed ones compared word by word."""
        labelled = f"{prefix}, " if prefix else ""
        matcher = difflib.SequenceMatcher(None, [u.text for u in old], [u.text for u in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            pairs, last = [], j1 - 1
            for i in range(i1, i2):  # pair similar paragraphs, keeping their order
                match = next((j for j in range(last + 1, j2) if word_similarity(old[i].text, new[j].text)
                              >= PARAGRAPH_SIMILARITY), None)
                if match is not None:
                    pairs.append((i, match))
                    last = match
            paired_old, partner = {i for i, _ in pairs}, {j: i for i, j in pairs}
            for i in range(i1, i2):
                if i not in paired_old:
                    self.add(group, "hapus", f"{labelled}{old[i].label} (lama)", key, old[i].text, None)
            for j in range(j1, j2):  # in the new document's order
                if j in partner:
                    self.text(group, f"{labelled}{new[j].label}", key, old[partner[j]].text, new[j].text)
                else:
                    self.add(group, "tambah", f"{labelled}{new[j].label}", key, None, new[j].text)

    def finish(self) -> tuple[Change, ...]:
        """Pair each removed paragraph with an identical added one: it moved. (Each text is looked up,
        not searched for: two long documents that differ throughout make thousands of each.)"""
        changes = list(self.changes)
        added: dict[str | None, deque[int]] = {}  # text -> the places of its additions, in order
        for place, change in enumerate(changes):
            if change.jenis == "tambah":
                added.setdefault(change.baru, deque()).append(place)
        moved: set[int] = set()
        for place, removed in enumerate(changes):
            if removed.jenis != "hapus" or not removed.lama or removed.satuan is not None \
                    or not added.get(removed.lama):
                continue
            to = added[removed.lama].popleft()
            origin = removed.lokasi.removesuffix(" (lama)")
            arrived = changes[to]
            changes[to] = Change(
                arrived.kelompok, "pindah", arrived.lokasi, arrived.kunci, removed.lama, arrived.baru,
                asal=origin if removed.kelompok == arrived.kelompok else f"{removed.kelompok}, {origin}",
            )
            moved.add(place)
        return tuple(change for place, change in enumerate(changes) if place not in moved)


def _date(konten: Konten) -> str:
    date = konten.dokumen.tanggal
    return format_signing_date(date.tanggal, date.hanya_bulan)


def _inline(text: InlineText | None) -> str | None:
    return None if text is None else marked_text(text.runs)


@dataclass(frozen=True)
class _Section:
    chapter: str  # the chapter's title, which names the group
    title: str
    label: str  # "2.3 TUJUAN DAN SASARAN", or "" for the chapter's own text
    key: str
    text: Text | None


def _sections(konten: Konten) -> list[_Section]:
    sections = []
    for b, bab in enumerate(konten.bab, 1):
        sections.append(_Section(bab.judul, bab.judul, "", format_key_path(("bab", b - 1, "isi")), bab.isi))
        sections += [_Section(bab.judul, g.judul, f"{b}.{n} {g.judul}",
                              format_key_path(("bab", b - 1, "bagian", n - 1, "isi")), g.isi)
                     for n, g in enumerate(bab.bagian, 1)]
    return sections


def _compare_chapters(out: Collector, old: Konten, new: Konten) -> None:
    # A chapter is one group, named as the new document numbers it (or the old one, if it was removed).
    groups = {bab.judul: f"BAB {roman_numeral(n)} {bab.judul}" for n, bab in enumerate(old.bab, 1)}
    groups |= {bab.judul: f"BAB {roman_numeral(n)} {bab.judul}" for n, bab in enumerate(new.bab, 1)}
    before, after = _sections(old), _sections(new)
    titles = difflib.SequenceMatcher(None, [(s.chapter, s.title) for s in before],
                                     [(s.chapter, s.title) for s in after], autojunk=False)
    for _tag, i1, i2, j1, j2 in titles.get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False))  # equal titles, or titles changed in place
        for i, j in pairs:
            was, now = before[i], after[j]
            group = groups[now.chapter]
            if was.title != now.title:
                out.text(group, f"Judul {now.label or group}", now.key.rsplit(".", 1)[0] + ".judul", was.title,
                         now.title)
            out.units(group, now.label, now.key, text_units(was.text), text_units(now.text))
        for section in [before[i] for i in range(i1 + len(pairs), i2)]:
            text = "\n".join(u.text for u in text_units(section.text))
            out.add(groups[section.chapter], "hapus", f"{section.label or 'Teks bab'} dihapus", section.key, text,
                    None)
        for section in [after[j] for j in range(j1 + len(pairs), j2)]:
            text = "\n".join(u.text for u in text_units(section.text))
            out.add(groups[section.chapter], "tambah", f"{section.label or 'Teks bab'} ditambah", section.key, None,
                    text)


def _compare_list(out: Collector, group: str, label: str, key: str, old: list, new: list) -> None:
    before, after = ([_Unit(f"butir {n}", marked_text(item.runs)) for n, item in enumerate(items, 1)]
                     for items in (old, new))
    out.units(group, label, key, before, after)


def _shown(value, indikator: Indikator) -> str | None:
    """A field's value as the document (or the reader) says it: "2024: 9,55", "ya"."""
    if isinstance(value, KondisiAwal):
        return f"{value.tahun}: {format_target(value.nilai, indikator)}"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return None if value is None else str(value)


def _target_summary(indikator: Indikator) -> str:
    targets = "; ".join(f"{year}: {format_target(t, indikator)}" for year, t in sorted(indikator.target.items()))
    return f"{indikator.nama} (satuan {indikator.satuan}; target {targets})"


def _shown_targets(targets: dict[str, Target] | None, indikator: Indikator) -> dict[str, str]:
    """Targets by year as the document prints them."""
    return {year: format_target(target, indikator) for year, target in (targets or {}).items()}


def _target_changes(key_prefix: str, label: str, was: Indikator, now: Indikator, years: tuple[str, ...],
                    old_targets: dict[str, str], new_targets: dict[str, str]) -> list[Change]:
    changes = []
    for year in years:
        old_value, new_value = old_targets.get(year), new_targets.get(year)
        if old_value != new_value:
            kind = "tambah" if old_value is None else "hapus" if new_value is None else "ubah"
            changes.append(Change(
                "Target", kind, f"{label} {year}, {now.nama}", f"{key_prefix}.{year}", old_value, new_value,
                satuan=now.satuan, satuan_lama=was.satuan if was.satuan != now.satuan else None,
            ))
    return changes


def _compare_indicators(out: Collector, old: Konten, new: Konten) -> tuple[tuple[str, ...], tuple[TargetRow, ...]]:
    group = "Sasaran dan indikator"
    old_sasaran = {id(ind): s.nama for _, s, ind in old.indicators()}
    new_sasaran = {id(ind): s.nama for _, s, ind in new.indicators()}
    out.units(group, "Sasaran strategis", "sasaran", *[[_Unit(f"butir {n}", s.nama) for n, s in enumerate(k.sasaran, 1)]
                                                      for k in (old, new)])
    years = tuple(sorted({y for k in (old, new) for _, _, i in k.indicators() for y in i.target}))
    rows, target_changes, before_changes = [], [], []
    fields = [(name, label) for name, label in Indikator.titled_fields()  # every field the model describes
              if name not in ("nama", "target", "target_sebelum")]  # but these, compared above and below
    for pair in pair_indicators(old, new):
        if pair.baru is None:
            loc, ind = pair.lama
            out.add(group, "hapus", "Indikator dihapus", format_key_path(loc), _target_summary(ind), None)
            shown = _shown_targets(ind.target, ind)
            rows.append(TargetRow(ind.nama, None, "hapus", ind.satuan,
                                  tuple(TargetCell(shown.get(y), None) for y in years)))
            continue
        loc, ind = pair.baru
        key = format_key_path(loc)
        if pair.lama is None:
            out.add(group, "tambah", "Indikator ditambah", key, None, _target_summary(ind))
            shown = _shown_targets(ind.target, ind)
            rows.append(TargetRow(ind.nama, None, "tambah", ind.satuan,
                                  tuple(TargetCell(None, shown.get(y)) for y in years)))
            continue
        was = pair.lama[1]
        status = "tetap"
        if was.nama != ind.nama:
            status = "ganti-nama"
            how = "" if pair.dikenali_dari == "kode" else " (dianggap indikator yang sama karena namanya mirip)"
            out.add(group, "ganti-nama", f"Nama indikator {was.nama}{how}", f"{key}.nama", was.nama, ind.nama,
                    word_diff(was.nama, ind.nama))
        # Under a sasaran that existed before, but not its old one: it moved. (Under a sasaran name that
        # is new, the sasaran was renamed or added, which the sasaran list above reports.)
        if old_sasaran[id(was)] != new_sasaran[id(ind)] and new_sasaran[id(ind)] in old_sasaran.values():
            out.add(group, "pindah", f"Sasaran dari indikator {ind.nama}", key, old_sasaran[id(was)],
                    new_sasaran[id(ind)], asal=old_sasaran[id(was)])
        for field_name, label in fields:
            before, after = getattr(was, field_name), getattr(ind, field_name)
            if before == after and not isinstance(before, KondisiAwal):  # (7.2 and 7.20 are equal, shown apart)
                continue
            if isinstance(before, InlineText) or isinstance(after, InlineText):
                out.text(group, f"{label}, {ind.nama}", f"{key}.{field_name}", _inline(before), _inline(after))
            else:
                out.value(group, f"{label}, {ind.nama}", f"{key}.{field_name}", _shown(before, was),
                          _shown(after, ind))
        old_targets, new_targets = _shown_targets(was.target, was), _shown_targets(ind.target, ind)
        target_changes += _target_changes(f"{key}.target", "Target", was, ind, years, old_targets, new_targets)
        before_changes += _target_changes(
            f"{key}.target_sebelum", "Target sebelum perubahan", was, ind, years,
            _shown_targets(was.target_sebelum, was), _shown_targets(ind.target_sebelum, ind))
        cells = tuple(TargetCell(old_targets.get(y), new_targets.get(y)) for y in years)
        rows.append(TargetRow(ind.nama, was.nama if status == "ganti-nama" else None, status, ind.satuan, cells))
    out.changes.extend(target_changes)
    out.changes.extend(Change(**{**c.__dict__, "kelompok": "Target sebelum perubahan"}) for c in before_changes)
    return years, tuple(rows)


def _margins(konten: Konten) -> str | None:
    m = konten.dokumen.margin
    return None if m is None else f"atas {m.atas}, kanan {m.kanan}, bawah {m.bawah}, kiri {m.kiri} mm"


def compare(old: Konten, new: Konten, old_label: str, new_label: str) -> Comparison:
    """Everything that differs between two revisions, grouped in the order the document shows it."""
    with cycle_collector_paused():  # a third of the time for 3,000 indicators
        return _compare(old, new, old_label, new_label)


def _compare(old: Konten, new: Konten, old_label: str, new_label: str) -> Comparison:
    out = Collector()
    group = "Sampul dan identitas"
    d_old, d_new = old.dokumen, new.dokumen
    r_old, r_new = old.revisi, new.revisi
    for key, label, a, b in (
        ("dokumen.judul", "Judul", d_old.judul, d_new.judul),
        ("dokumen.singkatan", "Singkatan", d_old.singkatan, d_new.singkatan),
        ("dokumen.perubahan", "Label perubahan", d_old.perubahan, d_new.perubahan),
        ("dokumen.periode", "Periode", d_old.periode.teks, d_new.periode.teks),
        ("dokumen.tempat", "Tempat", d_old.tempat, d_new.tempat),
        ("dokumen.tanggal", "Tanggal", _date(old), _date(new)),
        ("dokumen.lambang", "Lambang", d_old.lambang and d_old.lambang.name, d_new.lambang and d_new.lambang.name),
        ("dokumen.kertas", "Kertas", d_old.kertas, d_new.kertas),
        ("dokumen.margin", "Margin", _margins(old), _margins(new)),
        ("instansi.pemerintah", "Pemerintah", old.instansi.pemerintah, new.instansi.pemerintah),
        ("instansi.nama", "Nama instansi", old.instansi.nama, new.instansi.nama),
        ("instansi.nama_singkat", "Nama singkat instansi", old.instansi.nama_singkat, new.instansi.nama_singkat),
        ("revisi.nomor", "Nomor revisi", r_old and r_old.nomor, r_new and r_new.nomor),
        ("revisi.keputusan", "Keputusan", r_old and r_old.keputusan, r_new and r_new.keputusan),
        ("revisi.menggantikan", "Menggantikan", r_old and r_old.menggantikan, r_new and r_new.menggantikan),
    ):
        out.value(group, label, key, a, b)
    out.units("Kata pengantar", "", "kata_pengantar.isi", text_units(old.kata_pengantar.isi),
              text_units(new.kata_pengantar.isi))
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
    years = konten.tahun_target()
    changes, rows = [], []
    for loc, _, ind in konten.indicators():
        key = format_key_path(loc)
        revised = ind.target_sebelum is not None
        before, after = _shown_targets(ind.target_sebelum, ind), _shown_targets(ind.target, ind)
        if revised:
            found = _target_changes(f"{key}.target", "Target", ind, ind, years, before, after)
            changes += found
            if ind.alasan_perubahan and found:
                changes.append(Change("Target", "ubah", f"Alasan perubahan, {ind.nama}", f"{key}.alasan_perubahan",
                                      None, marked_text(ind.alasan_perubahan.runs)))
        cells = tuple(TargetCell(before.get(y) if revised else None, after.get(y)) for y in years)
        rows.append(TargetRow(ind.nama, None, "tetap" if revised else "tambah", ind.satuan, cells))
    perubahan = konten.dokumen.perubahan or "setelah perubahan"
    return Comparison(f"{label} (sebelum perubahan)", f"{label} ({perubahan})", tuple(changes), years, tuple(rows))
