"""``ikudoc import``: a Word IKU -> a content file, in stages like a pandoc reader.

reading (DOCX -> blocks) -> structure (blocks -> cover, kata pengantar, chapters, lampiran) -> table (the IKU
table -> sasaran, indicators, targets) and front (cover and signature -> [dokumen], [instansi],
[penandatangan]) -> derive (lists and quotes -> facts and their {references}) -> markdown (items -> text
fields) -> toml_writer (-> TOML text with # PERIKSA comments). What the stages are unsure of is gathered
in a ``Periksa`` (periksa). ``import_word`` runs them and says what it found; ``command`` is what
``ikudoc import`` does around it (where to write, checking the result, the summary).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .derive import derive
from .front import Recaser, front_matter
from .markdown import inline, to_markdown
from .package import NotAnIku
from .periksa import Periksa
from .reading import Grid, Para, read_word
from .structure import Item, Parts, is_iku_table, split_parts
from .table import TableData, read_table
from .toml_writer import write_toml

__all__ = ["Imported", "NotAnIku", "import_word"]


@dataclass(frozen=True)
class Imported:
    text: str  # the content file
    found: list[str]  # what was recognised, one line each (Indonesian)
    periksa: Periksa


def import_word(path: Path, output_name: str) -> Imported:
    """The content file for the Word IKU ``path``; NotAnIku when it is none."""
    word = read_word(path)
    if _is_an_agreement(word):
        raise NotAnIku(f"{path} adalah Perjanjian Kinerja, bukan dokumen IKU; ikudoc import membaca IKU. Perjanjian "
                       "Kinerja ditulis sebagai berkas konten kecil dengan [perjanjian] yang merujuk IKU-nya (lihat "
                       "README, bagian Perjanjian Kinerja)")
    no_table = NotAnIku(f"{path} tidak memuat tabel IKU (tabel dengan judul kolom SASARAN, INDIKATOR dan TARGET); "
                        "yang diharapkan dokumen IKU lengkap dengan lampiran tabelnya")
    if not any(isinstance(block, Grid) and is_iku_table(block) for block in word.blocks):
        raise no_table  # checked first: a letter or a report is told what it lacks, not that it has no BAB
    parts = split_parts(word)
    if parts.table is None:
        raise no_table
    periksa = Periksa()
    table = read_table(parts.tables, periksa)
    if not table.sasaran:
        raise NotAnIku(f"{path}: tabel IKU tidak berisi baris indikator yang bisa dibaca")
    content, facts_line = _content(word, parts, table, periksa)
    text = write_toml(content, periksa, path.name, output_name)
    return Imported(text, _found(parts, table, content, facts_line), periksa)


def _is_an_agreement(word) -> bool:
    """A Perjanjian Kinerja (its title among the first lines, and its two parties) also has a table of
    sasaran, indicators and targets: it is told apart before that table is taken for an IKU's."""
    texts = [block.text.strip() for block in word.blocks[:8] if isinstance(block, Para)]
    return any(text.upper().startswith("PERJANJIAN KINERJA") for text in texts) and any(
        "pihak pertama" in block.text.lower() for block in word.blocks if isinstance(block, Para))


def _content(word, parts: Parts, table: TableData, periksa: Periksa) -> tuple[dict, str]:
    fields: dict = {("kata_pengantar", "isi"): list(parts.pengantar)}
    for b, chapter in enumerate(parts.chapters):
        if chapter.items:
            fields[("bab", b, "isi")] = chapter.items
        for s, section in enumerate(chapter.sections):
            fields[("bab", b, "bagian", s, "isi")] = section.items
    for loc, items in fields.items():
        for item in items:
            for note in item.notes:
                periksa.add(loc, note)
            for footnote in item.footnotes:
                quoted = f"\"{footnote}\"" if footnote else "teksnya tidak ditemukan di berkas"
                periksa.add(loc, f"catatan kaki tidak diimpor (isi ikudoc tidak memuat catatan kaki): {quoted}; "
                            "tulis di teks bila perlu")
        if any("\t" in item.text.strip() for item in items):
            periksa.add(loc, "tab di tengah teks ditulis sebagai spasi (Markdown ikudoc tidak mencetak tab)")
        if any("\u00ad" in item.text for item in items):
            periksa.add(loc, "teks memuat tanda pemenggalan tersembunyi (soft hyphen, U+00AD), tidak terlihat di "
                        "editor; dibiarkan seperti di dokumen")
        if any(item.roman for item in items):
            periksa.add(loc, "daftar bernomor romawi (i., ii., iii.) ditulis bernomor 1., 2., 3.: daftar ikudoc hanya "
                        "bernomor angka atau huruf, dan angka menjaga urutan dan nilai nomornya")
        if any(item.level for item in items):
            periksa.add(loc, "daftar bertingkat (butir di dalam butir) diratakan menjadi satu tingkat; periksa "
                        "urutan dan nomornya")
    for note in parts.notes:
        periksa.add((), note)
    texts = [item.text for items in fields.values() for item in items]
    cells = [cell.text for grid in parts.tables for row in grid.rows for cell in row]
    recase = Recaser(texts + cells, tuple(line for line in parts.cover if line.startswith("(")))
    front = front_matter(word, parts, recase, texts + cells, table.years, periksa)
    sasaran_names = [s["nama"] for s in table.sasaran]
    indicator_names = [i["nama"] for s in table.tujuan + table.sasaran for i in s["indikator"]]
    facts = derive(fields, sasaran_names, indicator_names, periksa)

    def text_of(loc) -> str:
        items = fields.get(loc) or []
        if not items:
            periksa.add(loc, "teks kosong di dokumen; tulis isinya")
            return "-"
        return to_markdown(items)

    content = dict(front)
    content["kata_pengantar"] = {"isi": text_of(("kata_pengantar", "isi"))}
    content["rpjmd"] = {"visi": _fact(facts.visi, ("rpjmd", "visi"), "visi RPJMD", periksa),
                        "misi": _facts(facts.misi, ("rpjmd", "misi"), "misi RPJMD", periksa)}
    if facts.misi_pilihan:
        content["rpjmd"]["misi_pilihan"] = facts.misi_pilihan
    content["renstra"] = {"tujuan": _fact(facts.tujuan, ("renstra", "tujuan"), "tujuan", periksa),
                          "strategi": _facts(facts.strategi, ("renstra", "strategi"), "strategi", periksa),
                          "kebijakan": _facts(facts.kebijakan, ("renstra", "kebijakan"), "kebijakan", periksa)}
    content["organisasi"] = {
        "tugas": _facts([inline(i.markdown) for i in parts.tugas], ("organisasi", "tugas"), "tugas", periksa),
        "fungsi": _facts([inline(i.markdown) for i in parts.fungsi], ("organisasi", "fungsi"), "fungsi", periksa)}
    content["bab"] = []
    if not parts.chapters and parts.after_signature:
        periksa.add(("bab",), "tidak ada judul BAB yang dikenali (lihat catatan di awal berkas); tulis bab-babnya")
        content["bab"].append({"judul": "PENDAHULUAN", "isi": "-"})
    elif not parts.chapters:  # a table only, as e-SAKIP applications export it: the narrative is to be written
        periksa.add(("bab",), "dokumen tidak memuat BAB (hanya tabel IKU); tulis bab-babnya")
        content["bab"].append({"judul": "PENDAHULUAN", "isi": "-"})
    for b, chapter in enumerate(parts.chapters):
        bab: dict = {"judul": chapter.judul or "-"}
        if chapter.items:
            bab["isi"] = text_of(("bab", b, "isi"))
        bab["bagian"] = [{"judul": section.judul, "isi": text_of(("bab", b, "bagian", s, "isi"))}
                         for s, section in enumerate(chapter.sections)]
        if not bab["bagian"]:
            del bab["bagian"]
            bab.setdefault("isi", text_of(("bab", b, "isi")))
        content["bab"].append(bab)
    if table.tujuan:
        content["tujuan"] = table.tujuan
    content["sasaran"] = table.sasaran
    tabel = {}
    if table.kolom:
        tabel["kolom"] = table.kolom
    if table.judul:
        tabel["judul"] = table.judul
    if table.gabung:
        tabel["gabung"] = table.gabung
    if table.penjelasan:
        tabel["penjelasan"] = table.penjelasan
    if tabel:
        content["tabel"] = tabel
    if table.revised and "perubahan" not in content["dokumen"]:
        content["dokumen"]["perubahan"] = "Perubahan"
        periksa.add(("dokumen", "perubahan"), "tabel memuat target sebelum dan sesudah perubahan, tetapi sampul tidak "
                    "menyebut label perubahan; tulis labelnya, misalnya \"Perubahan 2024\"")
    references = ", ".join("{" + name + "}" for name in facts.references) or "tidak ada"
    return content, references


def _fact(found: str | None, loc, what: str, periksa: Periksa) -> str:
    if found:
        return found
    periksa.add(loc, f"{what} tidak ditemukan di teks (dicari: teks dalam tanda kutip sesudah \"{what.split()[0]} "
                "... adalah\"); isi sendiri")
    return "-"


def _facts(found: list[str], loc, what: str, periksa: Periksa) -> list[str]:
    if found:
        return found
    periksa.add(loc, f"daftar {what} tidak ditemukan di dokumen; isi sendiri")
    return ["-"]


def _found(parts: Parts, table: TableData, content: dict, references: str) -> list[str]:
    dokumen = content["dokumen"]
    sections = sum(len(c.sections) for c in parts.chapters)
    items: list[Item] = [i for c in parts.chapters for i in c.items + [j for s in c.sections for j in s.items]]
    lists = sum(1 for a, b in zip([Item("paragraf", "", ""), *items], items, strict=False)
                if b.kind not in ("paragraf", a.kind))
    signature = parts.signature
    years = f"{table.years[0]}–{table.years[-1]}" if table.years else "tanpa target"
    return [
        f"sampul: {dokumen['judul']} ({dokumen['singkatan']})" + (f" {dokumen['perubahan']}" if dokumen.get(
            "perubahan") else "") + f", {content['instansi']['nama']}",
        f"kata pengantar: {len(parts.pengantar)} paragraf"
        + (f", {len(parts.after_signature)} paragraf sesudah tanda tangan dilewati" if parts.after_signature else "")
        + "; tanda tangan: "
        + (f"{content['penandatangan']['jabatan']} ({signature.nama}"
           + (f", NIP {signature.nip}" if signature.nip else "") + f"), {signature.tempat}, {signature.tanggal}"
           if signature else "tidak ditemukan"),
        "daftar isi: tidak ada" if not parts.toc_lines else
        f"daftar isi: {parts.toc_lines} baris, dilewati (ikudoc membuat daftar isinya sendiri)",
        f"{len(parts.chapters)} bab, {sections} subbab, {lists} daftar",
        f"ditulis sekali sebagai data dan dirujuk dari teks: {references}",
        f"lampiran: tugas {len(parts.tugas)} butir, fungsi {len(parts.fungsi)} butir",
        f"tabel IKU: {len(table.sasaran)} sasaran, {table.indicators} indikator, tahun {years}"
        + (", target sebelum dan sesudah perubahan" if table.revised else ""),
    ]
