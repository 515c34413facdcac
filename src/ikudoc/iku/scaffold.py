"""``ikudoc new BARU --from LAMA``: the next revision of an IKU content file, its current targets become
the "sebelum perubahan" ones (tomlkit keeps the file's comments and key order)."""

from __future__ import annotations

import datetime
from pathlib import Path

from ..content.scaffold import EditedFile, NewDocument, ScaffoldError, label_year, path_from, real_date
from ..files import write_atomically


def new_revision(source: Path, target: Path, label: str | None = None, date: str | None = None,
                 today: datetime.date | None = None) -> NewDocument:
    """Write ``target``: ``source`` with its current targets as the "sebelum perubahan" ones, a new label and
    date, the reasons of the old revision dropped, and [revisi] pointing at ``source``."""
    import tomlkit  # keeps comments and key order; imported only by the commands that write TOML

    if target.exists():
        raise ScaffoldError(f"{target} sudah ada; pilih nama lain atau hapus dulu berkas itu")
    notes = () if date else ("Tanggal penandatanganan diisi {} (bulan ini): ubah [dokumen] tanggal bila lain, atau "
                             "buat ulang dengan --tanggal.",)
    date = date or (today or datetime.date.today()).strftime("%Y-%m")
    if not real_date(date):
        raise ScaffoldError(f"tanggal '{date}' bukan tanggal yang ada; tulis 2025-03 (bulan) atau 2025-03-17 "
                            "(tanggal lengkap)")
    label = label or f"Perubahan {label_year(target, date)}"
    edited = EditedFile.read(source)  # Notepad's CRLF and byte-order mark stay in the new file
    document = tomlkit.parse(edited.text)
    dokumen = document["dokumen"]
    dokumen["perubahan"] = label
    dokumen["tanggal"] = date if len(date) == 7 else tomlkit.date(date)
    for sasaran in document.get("sasaran", []):
        for indikator in sasaran.get("indikator", []):
            _targets_become_before(indikator)
    if "revisi" in document:
        revisi = document["revisi"]
        if "nomor" in revisi:
            revisi["nomor"] = revisi["nomor"] + 1
        revisi.pop("keputusan", None)  # the decree of the old revision is not this one's
        revisi["menggantikan"] = path_from(target.parent, source)
    write_atomically(target, edited.encoded(tomlkit.dumps(document)))
    steps = (
        "ubah target yang berlaku di setiap [sasaran.indikator.target]; target lama sudah dipindah ke "
        "[sasaran.indikator.target_sebelum]",
        'tulis alasan_perubahan = "..." pada indikator yang targetnya berubah',
        "perbarui teks yang berubah (kata pengantar, bab), [revisi] keputusan, dan tanggal bila perlu",
        f"ikudoc check {target}, lalu ikudoc build {target}",
        f"ikudoc diff {source} {target} untuk melihat semua perubahan",
    )
    return NewDocument(target, source, label, date, steps, tuple(note.format(date) for note in notes))


def _targets_become_before(indikator) -> None:
    import tomlkit

    indikator.pop("alasan_perubahan", None)
    if "target" not in indikator:
        return
    if "target_sebelum" not in indikator:
        indikator["target_sebelum"] = tomlkit.table()
    before = indikator["target_sebelum"]
    for year in list(before.keys()):
        del before[year]
    for year, value in indikator["target"].items():
        before[year] = value


