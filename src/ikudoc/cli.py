"""The ``ikudoc`` command: a thin layer over load, check, build and diff that speaks Indonesian.

Every failure is an IkudocError, reported in one place (``main``): one clear line per problem and the
exit status it carries: 1 when a document cannot be made, 2 for a mistyped command line and for every
error of ``diff`` (as diff(1) does). An error that is not ikudoc's own ends in one Indonesian line
asking to report it, with exit status 3 (``--debug`` shows its traceback, for developers).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

# Only what the command line itself needs is imported here; each command imports its own machinery,
# so that "ikudoc --help" or "ikudoc check" do not load Word, PDF, image or server libraries.
from .commands.click_indonesian import Group, usage_message
from .commands.scaffold import EXAMPLES
from .commands.schema import SCHEMA_PATH
from .content.problems import ContentError, FileFailure, IkudocError, os_reason, unexpected_error_message
from .files import write_all, write_atomically
from .render.options import DEFAULT_FORMATS, FORMATS, Options
from .render.page_setup import PAPER, Margins
from .render.pdf import PDF_VARIANTS, PdfUnavailable
from .render.template_files import default_templates

CONTENT_GLOB = "content/*.toml"


class Failure(IkudocError):
    """How a command stops, in Indonesian, with its exit status."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def _formats(_ctx, _param, value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"format {', '.join(unknown) or '(kosong)'} tidak dikenal; pilih dari: {', '.join(FORMATS)}"
        )
    return chosen


def _margins(_ctx, _param, value: str | None) -> Margins | None:
    if value is None:
        return None
    parts = value.replace(" ", "").split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(5 <= n <= 60 for n in numbers):
        raise click.BadParameter(f"'{value}' bukan empat angka milimeter 5-60 dipisah koma, misalnya 25,20,25,30")
    return Margins(*numbers)


def _existing_folder(_ctx, _param, value: Path | None) -> Path | None:
    if value is not None and not value.is_dir():
        raise click.BadParameter(f"folder {value} tidak ada")
    return value


def _templates_option(help_text: str):
    return click.option("--templates", "templates", type=click.Path(path_type=Path), callback=_existing_folder,
                        metavar="FOLDER", help=help_text)


_output_folder_option = click.option("-o", "--output", "output_dir", default="build", type=click.Path(path_type=Path),
                                     metavar="FOLDER", help="Folder hasil (bawaan: build).")
_paper_option = click.option("--kertas", type=click.Choice(sorted(PAPER), case_sensitive=False), metavar="A4|F4",
                             help="Ukuran kertas, menggantikan [dokumen] kertas.")
_margin_option = click.option("--margin", callback=_margins, metavar="ATAS,KANAN,BAWAH,KIRI",
                              help="Margin dalam mm, misalnya 25,20,25,30; menggantikan [dokumen] margin.")
_files_argument = click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="[BERKAS]...")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Tampilkan rincian teknis (traceback) bila terjadi galat tak terduga.")
def cli(debug: bool) -> None:  # noqa: ARG001 (main() reads --debug before click runs)
    """ikudoc: dokumen Indikator Kinerja Utama (IKU OPD) dari satu berkas TOML."""


class _Unusable(IkudocError):
    """A content file that is not tried at all (missing, a folder, clashing outputs); says why."""


def _content_files(files: tuple[Path, ...], command: str) -> list[Path]:
    """The files named, or every content/*.toml."""
    sources = list(files) or sorted(Path().glob(CONTENT_GLOB))
    if not sources:
        raise Failure(f"tidak ada berkas konten: {CONTENT_GLOB} kosong. Sebutkan berkasnya: ikudoc {command} "
                      "BERKAS.toml")
    return sources


def _usable(source: Path) -> Path:
    if not source.exists():
        raise _Unusable("berkas tidak ditemukan")
    if source.is_dir():
        raise _Unusable("ini folder, bukan berkas konten .toml")
    return source


def _for_each(sources: list[Path], work, failed_to: str) -> None:
    """``work`` on every content file; a failing one is reported and the others still done."""
    failed = 0
    for source in sources:
        try:
            work(_usable(source))
        except PdfUnavailable:  # the same for every file: stop at once
            raise
        except IkudocError as error:
            _report_file_failure(source, error)
            failed += 1
    if failed:
        raise Failure(f"{failed} dari {len(sources)} berkas {failed_to}.")


class _Notes:
    """What a run says about its files that is no failure, each note once: a missing LibreOffice
    would otherwise be said again for every file."""

    def __init__(self) -> None:
        self.said: set[str] = set()

    def say(self, source: Path, note: str) -> None:
        if note not in self.said:
            click.echo(f"{source}: catatan: {note}", err=True)
        self.said.add(note)


def _report_file_failure(source: Path, error: IkudocError) -> None:
    if isinstance(error, ContentError):
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{source}: {len(error.problems)} masalah; dokumen tidak dibangun, hasil lama tidak diubah.",
                   err=True)
    elif isinstance(error, FileFailure) and error.path != source:
        click.echo(f"{source}: {error}; hasil lama tidak diubah.", err=True)
    else:
        click.echo(f"{source}: {error}", err=True)


@cli.command()
@_files_argument
@_output_folder_option
@click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), callback=_formats, metavar="FORMAT",
              help=f"Format hasil, dipisah koma: {', '.join(FORMATS)} (bawaan: {','.join(DEFAULT_FORMATS)}).")
@_paper_option
@_margin_option
@click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS, case_sensitive=False), metavar="VARIAN",
              help="PDF/A untuk arsip (pdf/a-1b, pdf/a-2b, pdf/a-3b, pdf/a-3u) atau PDF/UA untuk aksesibilitas "
                   "(pdf/ua-1); perlu --format yang memuat pdf.")
@click.option("--fill-toc/--no-fill-toc", "--isi-daftar-isi/--tanpa-isi-daftar-isi", "fill_toc", default=True,
              help="Isi nomor halaman daftar isi DOCX dengan LibreOffice (bawaan, bila LibreOffice terpasang), agar "
                   "tampil tanpa perlu diperbarui di Word, LibreOffice dan WPS; --no-fill-toc: tidak diisi (Word "
                   "mengisinya saat berkas dibuka).")
@_templates_option("Folder templat sendiri (iku.docx, iku.html.j2, iku.css; untuk Perjanjian Kinerja pk.docx, "
                   "pk.html.j2, pk.css); bawaan: templates/ di folder ini bila ada, selain itu templat ikudoc.")
@click.pass_context
def build(ctx: click.Context, files: tuple[Path, ...], output_dir: Path, formats: tuple[str, ...],
          templates: Path | None, kertas: str | None, margin: Margins | None, pdf_variant: str | None,
          fill_toc: bool) -> None:
    """Bangun dokumen dari BERKAS (bawaan: semua content/*.toml), satu dokumen per berkas."""
    from .commands.build import build_file, output_paths
    from .render.docx.libreoffice import Office

    if pdf_variant and "pdf" not in formats:
        raise click.BadParameter("butuh PDF: tambahkan pdf ke --format, misalnya --format docx,html,pdf",
                                 param_hint="'--pdf-variant'")
    asked = ctx.get_parameter_source("fill_toc") is not click.core.ParameterSource.DEFAULT
    if fill_toc and asked and "docx" not in formats:
        raise click.BadParameter("mengisi daftar isi DOCX: tambahkan docx ke --format", param_hint="'--fill-toc'")
    options = Options(formats, templates, kertas, margin, pdf_variant, fill_toc and "docx" in formats)
    claimed: dict[Path, Path] = {}
    notes = _Notes()

    def build_one(source: Path, office: Office) -> None:
        targets = output_paths(source, output_dir, formats).values()
        if clash := [claimed[p] for p in targets if p in claimed]:
            raise _Unusable(f"hasilnya akan menimpa hasil {clash[0]} (nama berkas sama); pakai -o folder lain")
        claimed.update({p: source for p in targets})
        result = build_file(source, output_dir, options, office)
        for note in result.catatan:
            notes.say(source, note)
        for output in result.outputs:
            click.echo(f"ditulis {output}")

    with Office() as office:  # one LibreOffice for every file, started when the first one needs it
        _for_each(_content_files(files, "build"), lambda source: build_one(source, office), "gagal dibangun")


@cli.command()
@_files_argument
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@_paper_option
@_margin_option
@_templates_option("Folder templat yang diperiksa bersama konten.")
def check(files: tuple[Path, ...], strict: bool, kertas: str | None, margin: Margins | None,
          templates: Path | None) -> None:
    """Periksa BERKAS (bawaan: semua content/*.toml) dengan aturan evaluator SAKIP, tanpa membangun."""
    from .commands.build import check_document, check_templates, template_names, template_variables
    from .content.revision_source import file_ref
    from .iku.loader import load_document

    errors = warnings = 0
    for source in _content_files(files, "check"):
        try:
            konten, toml = load_document(file_ref(_usable(source)))
            problems = check_document(konten, toml)
            try:  # the templates, and whether the IKU table fits its paper
                options = Options(templates=templates, kertas=kertas, margin=margin)
                problems += check_templates(templates or default_templates(),
                                            template_variables(konten, toml, options), template_names(konten))
            except ContentError as error:
                problems += error.problems
        except ContentError as error:
            problems = error.problems
        except IkudocError as error:
            _report_file_failure(source, error)
            errors += 1
            continue
        for problem in problems:
            if not problem.is_acknowledged:
                click.echo(str(problem), err=True)
        found = [sum(p.is_error for p in problems), sum(p.is_warning for p in problems),
                 sum(p.is_acknowledged for p in problems)]
        errors, warnings = errors + found[0], warnings + found[1]
        acknowledged = f" ({found[2]} lagi diabaikan sesuai [periksa] abaikan)" if found[2] else ""
        click.echo(f"{source}: {found[0]} galat, {found[1]} peringatan{acknowledged}")
    if errors or (strict and warnings):
        raise Failure(f"{errors} galat, {warnings} peringatan" + (" (--strict: peringatan juga gagal)" if strict and
                                                                  not errors else "") + ".")


@cli.command()
@click.argument("old", metavar="LAMA")
@click.argument("new", metavar="BARU", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              help="Bentuk keluaran: text (bawaan), json atau html.")
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="BERKAS",
              help="Tulis ke berkas ini (bawaan: layar; untuk html: build/perubahan_NAMA.html).")
@_templates_option("Folder templat sendiri (perubahan.html.j2, perubahan.css).")
@click.pass_context
def diff(ctx: click.Context, old: str, new: str | None, fmt: str, output: Path | None, templates: Path | None) -> None:
    """Tunjukkan apa yang berubah dari LAMA ke BARU.

    LAMA dan BARU adalah berkas konten atau revisi git: HEAD~1:content/iku_2024.toml, v2022:content/iku_2024.toml,
    atau revisi saja (berkasnya sama dengan yang lain). Dengan satu berkas saja: perubahan target revisi itu
    sendiri, dari target sebelum ke setelah perubahan. Kode keluar: 0 sama, 1 berbeda, 2 galat."""
    from .content.revision_source import resolve, resolve_pair
    from .iku.diff import compare, summarize_revision
    from .iku.loader import load_document
    from .iku.model import Konten
    from .revisions.output import write_comparison

    try:
        if new is None:
            ref = resolve(old)
            konten, _ = load_document(ref)
            if not isinstance(konten, Konten):
                raise Failure(f"{ref.label} adalah Perjanjian Kinerja: sebutkan dua PK untuk dibandingkan, misalnya "
                              "ikudoc diff content/pk_2024.toml content/pk_2025.toml", exit_code=2)
            comparison = summarize_revision(konten, ref.label)
        else:
            old_ref, new_ref = resolve_pair(old, new)
            (was, _), (now, _) = load_document(old_ref), load_document(new_ref)
            if isinstance(was, Konten) != isinstance(now, Konten):
                raise Failure(f"{old_ref.label} dan {new_ref.label} bukan dokumen sejenis (IKU dan Perjanjian "
                              "Kinerja); bandingkan IKU dengan IKU, PK dengan PK", exit_code=2)
            if isinstance(was, Konten):
                comparison = compare(was, now, old_ref.label, new_ref.label)
            else:  # two Perjanjian Kinerja: their modules are imported only for them
                from .perjanjian.diff import compare_perjanjian

                comparison = compare_perjanjian(was, now, old_ref.label, new_ref.label)
        written = write_comparison(comparison, fmt, output, templates or default_templates())
    except ContentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        raise Failure("konten bermasalah; perbandingan tidak dibuat.", exit_code=2) from None
    except IkudocError as error:  # diff(1): 2 for every error, 0 and 1 say same or different
        raise Failure(str(error), exit_code=2) from None
    if isinstance(written, Path):
        click.echo(f"ditulis {written}")
    else:
        click.echo(written)
    ctx.obj["exit_code"] = 1 if comparison.berbeda else 0


@cli.command()
@_files_argument
@_output_folder_option
@_paper_option
@_margin_option
@_templates_option("Folder templat sendiri.")
def preview(files: tuple[Path, ...], output_dir: Path, kertas: str | None, margin: Margins | None,
            templates: Path | None) -> None:
    """Gambar setiap halaman sebagai PNG kecil (di FOLDER/pratinjau/NAMA/): berkas Word seperti dicetak
    LibreOffice (docx-01.png ...), yang ditandatangani, di samping PDF (pdf-01.png ...), dan satu lembar
    ringkasan keduanya."""
    from .commands.build import load_checked, render
    from .render.docx.libreoffice import FillFailed, LibreOfficeUnavailable, Office
    from .render.preview import previews, stale_pages

    options = Options(("docx", "pdf"), templates, kertas, margin)
    notes = _Notes()

    def preview_one(source: Path, office: Office) -> None:
        folder = output_dir / "pratinjau" / source.stem
        rendered = render(*load_checked(source), options)
        printed = {}
        try:
            with contextlib.suppress(FillFailed):  # a daftar isi LibreOffice cannot fill: the pages still show
                rendered["docx"] = office.fill_toc(rendered["docx"])
            printed["docx"] = office.to_pdf(rendered["docx"])
        except (LibreOfficeUnavailable, FillFailed) as reason:
            notes.say(source, f"{reason}; pratinjau hanya menampilkan PDF")
        printed["pdf"] = rendered["pdf"]
        images = previews(printed)
        write_all({folder / name: data for name, data in images.items()})
        for stale in stale_pages(folder, images):
            stale.unlink()
        counts = ", ".join(f"{sum(name.startswith(kind) for name in images)} halaman {kind.upper()}"
                           for kind in printed)
        click.echo(f"ditulis {folder / 'ringkasan.png'} ({counts} di {folder})")

    with Office() as office:
        _for_each(_content_files(files, "preview"), lambda source: preview_one(source, office),
                  "gagal dibuat pratinjaunya")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=SCHEMA_PATH, metavar="BERKAS",
              help=f"Tulis skema ke berkas ini (bawaan: {SCHEMA_PATH}).")
def schema(output: Path) -> None:
    """Tulis JSON Schema format konten, agar editor (VS Code + Even Better TOML) memeriksa dan melengkapi
    isian saat mengetik; berkas konten merujuknya dengan baris '#:schema ../schema/ikudoc.schema.json'.
    Skema Perjanjian Kinerja (perjanjian.schema.json) ditulis di sampingnya."""
    from .commands.schema import PK_SCHEMA_NAME, schema_text

    for path, kind in ((output, "iku"), (output.with_name(PK_SCHEMA_NAME), "pk")):
        write_atomically(path, schema_text(kind).encode("utf-8"))
        click.echo(f"ditulis {path}")


@cli.command()
@click.argument("target", type=click.Path(path_type=Path), metavar="[BERKAS_BARU]", required=False)
@click.option("--from", "source", type=click.Path(path_type=Path), metavar="BERKAS",
              help="Revisi yang sekarang berlaku, dasar revisi baru (dengan --pk: PK yang sekarang; bawaan: PK "
                   "tahun terakhir di content/).")
@click.option("--pk", "pk_year", type=click.IntRange(1900, 2200), metavar="TAHUN",
              help="Buat Perjanjian Kinerja TAHUN dari PK yang sekarang (bawaan BERKAS_BARU: content/pk_TAHUN.toml).")
@click.option("--iku", "iku", metavar="BERKAS",
              help="Dengan --pk: IKU tempat target TAHUN diambil (bawaan: IKU PK yang sekarang), misalnya "
                   "content/iku_2025.toml atau v2025:content/iku_2025.toml.")
@click.option("--label", metavar="LABEL",
              help='Label revisi baru (bawaan: "Perubahan TAHUN", tahun dari nama berkas baru).')
@click.option("--tanggal", metavar="TAHUN-BULAN",
              help="Tanggal revisi baru: 2025-03 atau 2025-03-17 (bawaan: bulan ini; dengan --pk: Januari TAHUN).")
def new(target: Path | None, source: Path | None, pk_year: int | None, iku: str | None, label: str | None,
        tanggal: str | None) -> None:
    """Mulai revisi baru BERKAS_BARU dari revisi yang berlaku: target sekarang menjadi target sebelum perubahan.
    Dengan --pk TAHUN: Perjanjian Kinerja tahun itu dari PK yang sekarang."""
    from .commands.scaffold import new_revision

    if pk_year is not None:
        if label is not None:
            raise click.BadParameter("hanya untuk revisi IKU; PK baru diberi tahunnya dengan --pk",
                                     param_hint="'--label'")
        _new_agreement(target, source, pk_year, tanggal, iku)
        return
    if iku is not None:
        raise click.BadParameter("hanya bersama --pk TAHUN", param_hint="'--iku'")
    if target is None or source is None:
        raise click.UsageError("sebutkan BERKAS_BARU dan --from BERKAS, misalnya ikudoc new content/iku_2025.toml "
                               "--from content/iku_2024.toml (atau --pk TAHUN untuk Perjanjian Kinerja)")
    _copyable(source, "memulai revisi baru")
    made = new_revision(source, target, label, tanggal)
    click.echo(f"ditulis {made.path} ({made.label}, tanggal {made.date}, dari {source})")
    if tanggal is None:
        click.echo(f"Tanggal penandatanganan diisi {made.date} (bulan ini): ubah [dokumen] tanggal bila lain, "
                   "atau buat ulang dengan --tanggal.")
    click.echo("Langkah berikutnya:")
    for step in (
        "ubah target yang berlaku di setiap [sasaran.indikator.target]; target lama sudah dipindah ke "
        "[sasaran.indikator.target_sebelum]",
        'tulis alasan_perubahan = "..." pada indikator yang targetnya berubah',
        "perbarui teks yang berubah (kata pengantar, bab), [revisi] keputusan, dan tanggal bila perlu",
        f"ikudoc check {made.path}, lalu ikudoc build {made.path}",
        f"ikudoc diff {source} {made.path} untuk melihat semua perubahan",
    ):
        click.echo(f"  - {step}")


def _copyable(source: Path, purpose: str) -> None:
    """A broken file is not copied into a new one: its problems are shown and the command stops."""
    from .commands.build import load_checked

    try:
        load_checked(source)
    except ContentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        raise Failure(f"{source} bermasalah; perbaiki dulu sebelum {purpose}.") from None


def _new_agreement(target: Path | None, source: Path | None, year: int, tanggal: str | None, iku: str | None) -> None:
    from .commands.scaffold import latest_agreement, new_agreement

    source = source or latest_agreement(Path("content"))
    _copyable(source, "membuat PK baru")
    made = new_agreement(source, year, target, tanggal, iku)
    click.echo(f"ditulis {made.path} ({made.label}, tanggal {made.date}, dari {source})")
    click.echo("Langkah berikutnya:")
    for step in (
        f"perbarui [[program]] dan anggarannya menurut DPA {year}; target {year} diambil dari IKU {made.iku}"
        + (" (revisi git: rujuk revisi IKU yang berlaku tahun ini, atau buat ulang dengan --iku)" if ":" in made.iku
           else ""),
        "perbarui tanggal penandatanganan dan [pihak_kedua] bila berganti",
        f"ikudoc check {made.path}, lalu ikudoc build {made.path}",
    ):
        click.echo(f"  - {step}")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path), metavar="FOLDER")
@click.option("--bentuk", type=click.Choice(sorted(EXAMPLES)), default="opd", show_default=True,
              help="Bentuk dokumen: opd (IKU perangkat daerah, ditandatangani kepala dinas) atau pemda (IKU "
                   "pemerintah daerah, ditandatangani kepala daerah, dengan kolom penanggung jawab dan kondisi awal).")
def init(folder: Path, bentuk: str) -> None:
    """Buat proyek baru untuk perangkat daerah atau pemerintah daerah lain di FOLDER, dari contoh yang berkomentar."""
    from .commands.scaffold import init_project

    written = init_project(folder, bentuk)
    for path in written:
        click.echo(f"ditulis {path}")
    agreement = next((path.relative_to(folder) for path in written if path.name.startswith("pk_")), None)
    click.echo(f"Langkah berikutnya: cd {folder}, sunting content/iku.toml (petunjuknya ada di komentar berkas "
               "itu)" + (f" dan Perjanjian Kinerja {agreement.as_posix()}" if agreement else "")
               + ", lalu ikudoc check dan ikudoc build. Tampilan diatur di templates/.")


@cli.command("import")
@click.argument("document", type=click.Path(path_type=Path), metavar="DOKUMEN.docx")
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="BERKAS.toml",
              help="Berkas konten yang ditulis (bawaan: content/NAMA_DOKUMEN.toml).")
@click.option("--timpa", is_flag=True, help="Timpa berkas konten yang sudah ada.")
def import_command(document: Path, output: Path | None, timpa: bool) -> None:
    """Impor dokumen IKU dari Word (.docx; .doc bila LibreOffice terpasang) menjadi berkas konten."""
    from .importer.command import run_import

    run_import(document, output, timpa, click.echo, lambda line: click.echo(line, err=True))


@cli.command("watch")
@click.argument("file", type=click.Path(path_type=Path), metavar="[BERKAS]", required=False)
@_output_folder_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, help="Port di 127.0.0.1 (bawaan: 8000; 0: bebas).")
@_templates_option("Folder templat sendiri.")
def watch_command(file: Path | None, output_dir: Path, port: int, templates: Path | None) -> None:
    """Bangun ulang BERKAS setiap kali disimpan dan tampilkan hasilnya di peramban, yang memuat ulang sendiri."""
    from .commands.watch import Document, watch

    sources = _content_files((file,) if file else (), "watch")
    if len(sources) > 1:  # after ikudoc new: the revision being written is the one saved last
        sources.sort(key=lambda path: path.stat().st_mtime)
        click.echo(f"memantau {sources[-1]}, yang terakhir diubah dari {len(sources)} berkas konten "
                   "(sebutkan berkas lain bila perlu: ikudoc watch content/NAMA.toml)", err=True)
    try:
        source = _usable(sources[-1])
    except _Unusable as error:
        raise Failure(f"{sources[-1]}: {error}") from None
    document = Document(source, output_dir, templates, lambda line: click.echo(line, err=True))
    try:
        watch(document, port, click.echo)
    except KeyboardInterrupt:
        click.echo("berhenti.")
    except OSError as error:
        raise Failure(f"port {port} tidak bisa dipakai ({os_reason(error)}); coba --port lain, misalnya --port 0") \
            from None


@cli.command("git-setup")
def git_setup() -> None:
    """Atur repositori git ini agar git diff dan git log -p berkas .docx menampilkan teksnya."""
    from .revisions.git_setup import configure_git

    for line in configure_git(Path.cwd()):
        click.echo(line)


@cli.command("teks-docx", hidden=True)
@click.argument("path", type=click.Path(path_type=Path))
def docx_text(path: Path) -> None:
    """Cetak teks berkas DOCX, satu paragraf atau baris tabel per baris (untuk textconv git)."""
    from .revisions.docx_text import docx_lines

    try:
        for line in docx_lines(path):
            click.echo(line)
    except Exception as error:  # not a DOCX: git shows this instead of the text
        raise Failure(f"{path} bukan berkas DOCX yang bisa dibaca ({type(error).__name__})") from None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status. Every failure is reported here."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        obj: dict = {}
        cli.main(args=args, prog_name="ikudoc", standalone_mode=False, obj=obj)
    except IkudocError as error:
        click.echo(f"gagal: {error}", err=True)
        return error.exit_code
    except OSError as error:  # the file system said no where no ikudoc code expected it
        click.echo(f"gagal: {FileFailure(error.filename or '?', error)}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("dibatalkan.", err=True)
        return 1
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.ctx.get_help() if error.ctx else "ikudoc --help")
        return 0
    except click.UsageError as error:
        click.echo(f"gagal: {usage_message(error, cli)}. Lihat 'ikudoc --help'.", err=True)
        return error.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except Exception as error:  # a bug, not a user mistake: say so without a traceback
        if debug:
            raise
        click.echo(unexpected_error_message(error), err=True)
        return 3
    return obj.get("exit_code", 0)


if __name__ == "__main__":
    sys.exit(main())
