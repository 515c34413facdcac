"""Input made to hurt ikudoc, above all the Word files ``import`` reads, which come from anywhere: every case
ends in one Indonesian line that names the file, with the documented exit status, in bounded time and
memory, and nothing read or written besides what the user named. One test per defect found."""

from __future__ import annotations

import errno
import http.server
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ikudoc.cli import main
from ikudoc.content.rules import repeated_phrase
from ikudoc.importer import import_word
from support import SAMPLE, require_tool
from support.content_variants import filled_in, variant
from support.hostile import W_NS, edited, inflating, small_docx, with_footnote_xml

SRC = str(Path(__file__).resolve().parents[1] / "src")


def run(capsys, *args: str) -> tuple[int, list[str]]:
    status = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "galat tak terduga" not in captured.err, captured.err
    return status, captured.err.splitlines()


def ikudoc(*args: str, cwd: Path | None = None, timeout: float = 120, stdout=subprocess.PIPE
           ) -> subprocess.CompletedProcess:
    """ikudoc as its own process (a file that would hang or blow it up cannot take the tests with it)."""
    return subprocess.run([sys.executable, "-m", "ikudoc", *args], cwd=cwd, timeout=timeout, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8", env={**os.environ, "PYTHONPATH": SRC})


def refused(capsys, path: Path, tmp_path: Path, message: str) -> None:
    """``ikudoc import path`` ends in exactly one line, naming the file, saying ``message``, exit 1."""
    status, err = run(capsys, "import", str(path), "-o", str(tmp_path / "hasil.toml"))
    assert status == 1 and len(err) == 1, err
    assert err[0].startswith(f"gagal: {path} ") and message in err[0], err
    assert not (tmp_path / "hasil.toml").exists()


# External entities: never resolved, never fetched, in any part; the footnote's own text is kept.
ENTITY = '<?xml version="1.0"?><!DOCTYPE w:x [<!ENTITY rahasia SYSTEM "file://{secret}">]>'
CLOSING = "Demikian IKU ini disusun untuk dipergunakan sebagaimana mestinya."


def test_an_external_entity_in_a_footnote_is_not_read_and_the_footnote_is_kept(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("ISI-RAHASIA-7731", encoding="utf-8")
    footnotes = (ENTITY.format(secret=secret) + f"<w:footnotes {W_NS}><w:footnote w:id=\"1\"><w:p><w:r><w:t>Sumber: "
                 "BPS &rahasia; tahun 2024</w:t></w:r></w:p></w:footnote></w:footnotes>")
    from test_import import revision_document

    base = revision_document().save(tmp_path / "dasar.docx")
    source = with_footnote_xml(base, tmp_path / "catatan.docx", footnotes, after=CLOSING)
    text = import_word(source, "c.toml").text
    assert "ISI-RAHASIA" not in text
    assert 'catatan kaki tidak diimpor (isi ikudoc tidak memuat catatan kaki): "Sumber: BPS &rahasia; tahun 2024"' \
        in text


def test_an_external_entity_in_the_document_is_not_read(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("ISI-RAHASIA-7731", encoding="utf-8")
    source = edited(small_docx(tmp_path / "dasar.docx"), tmp_path / "entitas.docx", {"word/document.xml": lambda xml: (
        ENTITY.format(secret=secret).replace("w:x", "w:document")
        + xml.split("?>", 1)[1].replace("<w:t>Teks biasa.</w:t>", "<w:t>Teks &rahasia; biasa.</w:t>"))})
    text = import_word(source, "e.toml").text
    assert "ISI-RAHASIA" not in text and "Persentase A" in text


# Decompression bombs: a part, or the whole package, inflating past its bound is refused before it is read.
@pytest.mark.skipif(sys.platform == "win32", reason="memory is measured the POSIX way")
def test_a_part_that_inflates_past_its_bound_is_refused_in_bounded_memory(tmp_path):
    bomb = inflating(small_docx(tmp_path / "dasar.docx"), tmp_path / "bom.docx", "word/document.xml", 300 << 20)
    assert bomb.stat().st_size < 2 << 20
    started = time.monotonic()
    script = (f"import resource, sys; from ikudoc.cli import main; status = main(['import', {str(bomb)!r}, '-o', "
              f"{str(tmp_path / 'h.toml')!r}]); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); "
              "sys.exit(status)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", timeout=120,
                            env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 1 and result.stderr.splitlines() == [
        f"gagal: {bomb} terlalu besar setelah dibuka (setiap bagian arsip .docx paling banyak 50 MB, semuanya 200 MB); "
        "bila dokumennya memuat gambar besar, perkecil gambarnya di Word lalu simpan ulang"]
    assert int(result.stdout) < 300 << 10, "peak memory (KiB) stays far below what the part inflates to"
    assert time.monotonic() - started < 60


def test_a_package_whose_parts_together_inflate_past_the_bound_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ikudoc.importer.package.PACKAGE_LIMIT", 3 << 20)
    base = small_docx(tmp_path / "dasar.docx")
    padding = {f"word/media/isi{n}.bin": b"\0" * (1 << 20) for n in range(4)}
    refused(capsys, edited(base, tmp_path / "bom.docx", padding), tmp_path, "terlalu besar setelah dibuka")


# Element bombs: many empty paragraphs are read in linear time; far more than an IKU holds ends at once.
def test_a_hundred_thousand_empty_paragraphs_import_fast(tmp_path):
    many = edited(small_docx(tmp_path / "dasar.docx"), tmp_path / "kosong.docx", {
        "word/document.xml": lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:p/>" * 100_000, 1)})
    started = time.monotonic()
    assert "Persentase A" in import_word(many, "k.toml").text
    assert time.monotonic() - started < 20  # was five minutes: each paragraph looked back over all before it


def test_a_million_empty_paragraphs_end(tmp_path):
    many = edited(small_docx(tmp_path / "dasar.docx"), tmp_path / "sejuta.docx", {
        "word/document.xml": lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:p/>" * 1_000_000, 1)})
    result = ikudoc("import", str(many), "-o", str(tmp_path / "s.toml"), timeout=120)
    assert result.returncode == 0, result.stderr


def test_more_paragraphs_than_an_iku_holds_are_refused_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ikudoc.importer.reading.MAX_BLOCKS", 500)
    many = edited(small_docx(tmp_path / "dasar.docx"), tmp_path / "panjang.docx", {
        "word/document.xml": lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:p><w:r><w:t>a</w:t></w:r></w:p>"
                                                     * 600, 1)})
    refused(capsys, many, tmp_path, "terlalu panjang untuk dokumen IKU (lebih dari 500 paragraf dan tabel")


def test_a_thousand_paragraphs_without_a_style_of_their_own_are_read_fast(tmp_path):
    """python-docx searches every style for a paragraph's default one, each time: the importer looks each
    style up once (a document of 20,000 paragraphs took minutes)."""
    many = edited(small_docx(tmp_path / "dasar.docx"), tmp_path / "teks.docx", {
        "word/document.xml": lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:p><w:r><w:t>Kalimat.</w:t></w:r>"
                                                     "</w:p>" * 20_000, 1)})
    started = time.monotonic()
    import_word(many, "t.toml")
    assert time.monotonic() - started < 20


# Huge spans and malformed attributes: the one-line "rusak" refusal, exit 1, at once.
DAMAGED = "rusak (isi XML-nya tidak sah menurut format Word); simpan ulang dari Word sebagai .docx"
WIDE = "rusak (tabel dengan lebih dari 256 kolom; Word membuat paling banyak 63); simpan ulang dari Word sebagai .docx"


@pytest.mark.parametrize("change, message", [
    (lambda xml: xml.replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr>', 1), WIDE),
    (lambda xml: xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="2000000000"/>', 1), WIDE),
    (lambda xml: xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="abc"/>', 1), DAMAGED),
    (lambda xml: xml.replace("<w:r>", '<w:r><w:rPr><w:b w:val="maybe"/></w:rPr>', 1), DAMAGED),
    (lambda xml: xml.replace("<w:r>", '<w:r><w:rPr><w:i w:val="2"/></w:rPr>', 1), DAMAGED),
    (lambda xml: re.sub(r"<w:tblGrid>.*?</w:tblGrid>", "", xml, flags=re.DOTALL), DAMAGED),
], ids=["gridBefore-huge", "gridSpan-huge", "gridSpan-abc", "bold-maybe", "italic-2", "no-tblGrid"])
def test_a_damaged_table_or_attribute_is_refused_as_damaged(tmp_path, capsys, change, message):
    damaged = edited(small_docx(tmp_path / "dasar.docx"), tmp_path / "rusak.docx", {"word/document.xml": change})
    started = time.monotonic()
    refused(capsys, damaged, tmp_path, message)
    assert time.monotonic() - started < 10


# Devices and FIFOs: regular files only, for every command that reads a file the user names.
@pytest.fixture()
def not_files(tmp_path) -> dict[str, Path]:
    fifo = tmp_path / "pipa.toml"
    os.mkfifo(fifo)
    link = tmp_path / "nol.toml"
    link.symlink_to("/dev/zero")
    return {"/dev/zero": Path("/dev/zero"), "link": link, "fifo": fifo}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("which", ["/dev/zero", "link", "fifo"])
@pytest.mark.parametrize("command", ["build", "check", "new", "import"])
def test_a_device_or_fifo_is_refused_unread(tmp_path, not_files, which, command):
    path = not_files[which]
    args = {"build": ["build", str(path), "-o", str(tmp_path / "out")], "check": ["check", str(path)],
            "new": ["new", str(tmp_path / "baru.toml"), "--from", str(path)],
            "import": ["import", str(path), "-o", str(tmp_path / "hasil.toml")]}[command]
    result = ikudoc(*args, timeout=60)
    assert result.returncode == 1, result.stderr
    kind = "FIFO (pipa bernama)" if which == "fifo" else "perangkat"
    lines = [line for line in result.stderr.splitlines() if not line.startswith("gagal: 1 ")]
    assert len(lines) == 1 and str(path) in lines[0] and f"bukan berkas biasa melainkan {kind}" in lines[0], lines
    assert not (tmp_path / "out").exists() and not (tmp_path / "baru.toml").exists()


# Remote fetches: importing an HTML .doc fetches nothing, whatever it points at.
class _Recorder(http.server.BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Recorder.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.mark.parametrize("defence", ["both", "html-cleaned-only", "offline-profile-only"])
def test_an_html_doc_is_converted_without_fetching_anything(tmp_path, capsys, monkeypatch, defence):
    """Two defences, each enough alone: the HTML loses every address, and LibreOffice runs offline."""
    require_tool("soffice")
    if defence == "html-cleaned-only":
        monkeypatch.setattr("ikudoc.importer.package._offline_profile", lambda profile: None)
    elif defence == "offline-profile-only":
        monkeypatch.setattr("ikudoc.importer.package.without_addresses", lambda html: html)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    here = f"http://127.0.0.1:{server.server_address[1]}"
    _Recorder.asked = []
    export = tmp_path / "ekspor.doc"
    export.write_text(f"""<html><head><link rel="stylesheet" href="{here}/gaya.css">
<style>@import url("{here}/impor.css"); body {{ background: url({here}/latar.png) }}</style>
<base href="{here}/"><script src="{here}/skrip.js"></script></head>
<body background="{here}/badan.png"><img src="{here}/logo.png"><img src="logo-relatif.png">
<p style="background-image:url({here}/gaya.png)">INDIKATOR KINERJA UTAMA DINAS SOSIAL</p>
<iframe src="{here}/bingkai.html"></iframe><object data="{here}/objek.svg"></object>
<table border="1"><tr><td>NO</td><td>SASARAN</td><td>INDIKATOR</td><td>SATUAN</td><td>TARGET 2025</td></tr>
<tr><td>1</td><td>Meningkatnya Layanan</td><td>Indeks Layanan<img src="{here}/sel.png"></td><td>indeks</td>
<td>7,5</td></tr></table></body></html>""", encoding="utf-8")
    try:
        status, err = run(capsys, "import", str(export), "-o", str(tmp_path / "hasil.toml"))
    finally:
        server.shutdown()
        server.server_close()
    assert status == 0, err
    assert _Recorder.asked == []
    assert 'nama = "Indeks Layanan"' in (tmp_path / "hasil.toml").read_text(encoding="utf-8")


# Text that looks like markup is imported as typed: what the content format reads is escaped.
TYPED = ["Tahun ____ dan __init__ serta nama_berkas_ini, garis ___ kosong: ______.",
         "Hasil {{ 7*7 }} dan {{visi}} dan {% if x %}ya{% endif %} atau {# catatan #}.",
         "Rujukan {visi} dan {daftar_iku} dan {tujuan_baru} dan \\{a} dan {Visi}.",
         "Tanda * dan ** dan _a_ dan `kode` dan [x](y) dan ![g](h) dan <http://a.id> dan <b>tebal</b> dan &amp;."]


def test_text_that_looks_like_markup_is_rebuilt_as_typed(tmp_path):
    import docx

    from ikudoc.commands.build import Options, build_file
    from support.document_text import docx_blocks
    from test_import import revision_document

    source = revision_document().save(tmp_path / "markup.docx")
    word = docx.Document(str(source))
    anchor = next(p for p in word.paragraphs if p.text.startswith("Indikator Kinerja Utama adalah"))
    for line in TYPED:  # typed as plain runs: nothing here is formatting
        anchor.insert_paragraph_before(line)
    tugas = next(p for p in word.paragraphs if p.text.startswith("Melaksanakan urusan"))
    tugas.runs[0].text = "Melaksanakan {{ urusan }} ____ __kesehatan__ {visi}."
    word.tables[0].cell(2, 2).paragraphs[0].runs[0].text = "Persentase {{ 7*7 }} ____ {visi} __a__"
    word.save(str(source))
    content = tmp_path / "markup.toml"
    content.write_text(import_word(source, "markup.toml").text, encoding="utf-8")
    built = docx_blocks(build_file(content, tmp_path / "out", Options(("docx",))).outputs[0])
    for line in [*TYPED, "Melaksanakan {{ urusan }} ____ __kesehatan__ {visi}.", "Persentase {{ 7*7 }} ____ {visi} __a__"]:
        assert line in built


# Unreadable files: one Indonesian line, exit 1 (not click's English "is not readable", exit 2).
@pytest.mark.parametrize("command", ["build", "check", "import"])
def test_an_unreadable_file_is_said_in_indonesian_with_exit_1(tmp_path, capsys, monkeypatch, command):
    path = tmp_path / ("iku.toml" if command != "import" else "iku.docx")
    path.write_bytes(SAMPLE.read_bytes() if command != "import" else small_docx(tmp_path / "d.docx").read_bytes())
    real_open, real_access = os.open, os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(path) else real_access(p, mode))

    def locked(p, flags, *args, **kwargs):  # as a file another user owns (root, running the tests, reads all)
        if str(p) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", locked)
    args = [command, str(path)] + (["-o", str(tmp_path / "out")] if command == "build" else []) + (
        ["-o", str(tmp_path / "hasil.toml")] if command == "import" else [])
    status, err = run(capsys, *args)
    assert status == 1
    lines = [line for line in err if not line.startswith("gagal: 1 ")]
    assert len(lines) == 1 and "tidak bisa membaca" in lines[0] or "tidak bisa dibaca" in lines[0], lines
    assert str(path) in lines[0] and "tidak diizinkan" in lines[0] and "menulis" not in lines[0]


def test_a_path_the_system_refuses_does_not_stop_the_other_files(tmp_path, capsys, monkeypatch):
    other = variant(tmp_path, name="lain.toml")
    refused_path = tmp_path / "terkunci" / "iku.toml"
    real_stat = Path.stat

    def stat(self, **kwargs):
        if self == refused_path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    for command in ("build", "check"):
        status, err = run(capsys, command, str(refused_path), str(other),
                          *(["-o", str(tmp_path / "out"), "--no-fill-toc"] if command == "build" else []))
        assert status == 1
        assert err[0] == f"{refused_path}: tidak bisa dibaca ({'tidak diizinkan; berkas atau foldernya terkunci, '}" \
                         "hanya-baca, atau sedang dibuka program lain)"
    assert (tmp_path / "out" / "lain.docx").is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows says a long name differently")
def test_a_name_too_long_makes_diff_fail_with_2_not_differ(tmp_path, capsys):
    long_name = str(tmp_path / ("a" * 300 + ".toml"))
    status, err = run(capsys, "diff", long_name, str(SAMPLE))
    assert status == 2 and len(err) == 1
    assert err[0].startswith("gagal: tidak bisa memakai ") and err[0].endswith("(nama terlalu panjang)")


def test_a_full_disk_under_the_standard_output_is_named(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = ikudoc("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--no-fill-toc", stdout=full)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["gagal: tidak bisa menulis keluaran standar (/dev/full) (diska penuh)"]


def test_a_full_disk_under_an_output_is_named(tmp_path, capsys, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    status, err = run(capsys, "build", str(SAMPLE), "-o", str(tmp_path / "out"), "--no-fill-toc")
    assert status == 1
    assert err[0] == (f"{SAMPLE}: tidak bisa menulis {tmp_path / 'out' / 'iku_2024.docx'} (diska penuh); hasil lama "
                      "tidak diubah.")


# One line per problem: a line break in a file name does not split a message.
@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names hold no line break")
def test_a_line_break_in_a_file_name_stays_on_one_line(tmp_path, capsys):
    broken = tmp_path / "baris\nbaru.toml"
    broken.write_text("[dokumen\n", encoding="utf-8")
    missing = tmp_path / "tidak\nada.toml"
    for args in (["build", str(broken), str(missing), "-o", str(tmp_path / "out")], ["check", str(broken)],
                 ["import", str(missing)], ["diff", str(missing), str(SAMPLE)]):
        status, err = run(capsys, *args)
        assert status in (1, 2)
        assert all("\n" not in line for line in err) and all(line.startswith(("gagal:", str(tmp_path))) for line in err)
        assert any("U+000A" in line for line in err)


# The repeated-phrase check: linear in practice, whatever one sentence holds.
def test_the_repeated_phrase_check_is_fast_on_a_long_sentence():
    import random

    pick = random.Random(7).choice
    sentence = " ".join(pick(["yang", "dan", "di", "kinerja", "target", "untuk"]) + pick(["", "x", "y", "z"])
                        for _ in range(25_000))
    assert len(sentence) > 150_000
    started = time.monotonic()
    repeated_phrase(sentence)
    repeated_phrase(" ".join(f"kata{n}" for n in range(25_000)))  # no repeat: every length is tried
    assert time.monotonic() - started < 5  # was 52 s


def _repeated_phrase_by_pairs(text: str) -> str | None:
    """The check as it was (every pair of equal words tried): what the fast one must answer."""
    from ikudoc.content.rules import _bare

    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        words = sentence.split()
        bare = [_bare(word) for word in words]
        places: dict[str, list[int]] = {}
        for place, word in enumerate(bare):
            if word:
                places.setdefault(word, []).append(place)
        found = None
        for same in places.values():
            for n, start in enumerate(same):
                for copy in same[n + 1:]:
                    length = copy - start
                    if (copy + length <= len(bare) and (found is None or (-length, start) < found)
                            and bare[start:copy] == bare[copy:copy + length] and all(bare[start:copy])
                            and (length > 1 or (len(bare[start]) > 2 and bare[start].isalpha()))):
                        found = (-length, start)
        if found:
            return " ".join(words[found[1]:found[1] - found[0]])
    return None


def test_the_fast_repeated_phrase_check_answers_as_the_old_one():
    import random

    rng = random.Random(22)
    words = ["yang", "dan", "a", "Yang", "di", "ke", "(x)", "-", "target", "b.", ",", "ab", "AB", "yang,"]
    for _ in range(5000):
        text = " ".join(rng.choice(words[:rng.randint(1, len(words))]) for _ in range(rng.randint(0, 24)))
        if rng.random() < 0.3:
            text = text.replace(" ", ". ", 1)
        assert repeated_phrase(text) == _repeated_phrase_by_pairs(text), text


def test_a_menggantikan_chain_longer_than_the_limit_is_said_so(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8")
    for n in range(52):
        replaced = f'[revisi]\nmenggantikan = "r{n + 1}.toml"\n\n[kata_pengantar]' if n < 51 else "[kata_pengantar]"
        (tmp_path / f"r{n}.toml").write_text(text.replace("[kata_pengantar]", replaced), encoding="utf-8")
    status, err = run(capsys, "check", str(tmp_path / "r0.toml"))
    assert status == 1
    assert not [line for line in err if "dirinya sendiri" in line]
    assert any(line.endswith(
        f"rantai menggantikan lebih panjang dari 50 revisi (mulai {tmp_path / 'r0.toml'}, sampai {tmp_path / 'r50.toml'} "
        f"yang menggantikan {tmp_path / 'r51.toml'}); ikudoc membaca paling banyak 50 revisi ke belakang: hapus "
        "menggantikan di revisi lama yang tidak diperlukan lagi [revisi-rantai-panjang]") for line in err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_among_the_content_files_is_not_waited_for(tmp_path):
    """build and check of every content/*.toml, and a PK's check, which looks through the IKU files
    beside it for a later revision, never open a FIFO."""
    import shutil

    from support import ROOT

    (tmp_path / "content").mkdir()
    for source in (ROOT / "content").glob("*.toml"):
        shutil.copy(source, tmp_path / "content")
    filled_in(tmp_path / "content")
    os.mkfifo(tmp_path / "content" / "zz.toml")
    checked = ikudoc("check", "content/pk_2024.toml", cwd=tmp_path, timeout=60)
    assert checked.returncode == 0, checked.stderr
    built = ikudoc("build", "--no-fill-toc", cwd=tmp_path, timeout=120)
    assert built.returncode == 1 and built.stderr.splitlines() == [
        "content/zz.toml: bukan berkas biasa melainkan FIFO (pipa bernama); sebutkan berkas konten .toml",
        "gagal: 1 dari 4 berkas gagal dibangun."]
