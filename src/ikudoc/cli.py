"""The ``ikudoc`` command: its options, and command bodies of a few lines over the modules of
``commands/`` (load, check, build, diff, ...), in Indonesian.

Every failure is an IkudocError, reported in one place (``main``, through commands.report): one clear
line per problem, and the exit status the error carries (1 when a document cannot be made, 2 for a
mistyped command line), or the command's own (``diff``: 2 for every error, as diff(1) does). An error
that is not ikudoc's own ends in one Indonesian line asking to report it, with exit status 3
(``--debug`` shows its traceback, for developers).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

# Only what the command line itself needs is imported here; each command imports its own machinery,
# so that "ikudoc --help" or "ikudoc check" do not load Word, PDF, image or server libraries.
from .commands.batch import content_files, for_each, usable
from .commands.click_indonesian import Group, usage_message
from .commands.console import colours, prepare_streams, write_styled
from .commands.report import os_failure, report, show_problems, unwritable_output
from .commands.scaffold import forms, yearly_kinds
from .commands.schema import SCHEMA_FOLDER
from .content.problems import IkudocError, one_line, unexpected_error_message
from .render.options import DEFAULT_FORMATS, FORMATS, Options
from .render.page_setup import PAPER, Margins
from .render.pdf import PDF_VARIANTS, PdfUnavailable

SCHEMA_PATH = (SCHEMA_FOLDER / "ikudoc.schema.json").as_posix()
#: A path on the command line, taken as typed: a file that cannot be read is said by the command, in
#: Indonesian and with exit status 1 (click would say it in English, with status 2).
_PATH = click.Path(path_type=Path, readable=False)


class Failure(IkudocError):
    """How a command stops, in Indonesian."""


def _say(line: str) -> None:
    click.echo(line, err=True)


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
    return click.option("--templates", "templates", type=_PATH, callback=_existing_folder,
                        metavar="FOLDER", help=help_text)


_output_folder_option = click.option("-o", "--output", "output_dir", default="build", type=_PATH,
                                     metavar="FOLDER", help="Folder hasil (bawaan: build).")
_paper_option = click.option("--kertas", type=click.Choice(sorted(PAPER), case_sensitive=False), metavar="A4|F4",
                             help="Ukuran kertas, menggantikan [dokumen] kertas.")
_margin_option = click.option("--margin", callback=_margins, metavar="ATAS,KANAN,BAWAH,KIRI",
                              help="Margin dalam mm, misalnya 25,20,25,30; menggantikan [dokumen] margin.")
_files_argument = click.argument("files", nargs=-1, type=_PATH, metavar="[BERKAS]...")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Tampilkan rincian teknis (traceback) bila terjadi galat tak terduga.")
def cli(debug: bool) -> None:  # noqa: ARG001 (main() reads --debug before click runs)
    """ikudoc: dokumen Indikator Kinerja Utama (IKU OPD) dari satu berkas TOML."""


@cli.command()
@_files_argument
@_output_folder_option
@click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), callback=_formats, metavar="FORMAT",
              help=f"Format hasil, dipisah koma: {', '.join(FORMATS)} (bawaan: {','.join(DEFAULT_FORMATS)}).")
@_paper_option
@_margin_option
@click.option("--pdf-variant", type=click.Choice(list(PDF_VARIANTS), case_sensitive=False), metavar="VARIAN",
              help="PDF/A untuk arsip (pdf/a-1b, pdf/a-2b, pdf/a-3b) atau PDF/UA untuk aksesibilitas (pdf/ua-1); "
                   "perlu --format yang memuat pdf.")
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
    from .commands.batch import Notes
    from .commands.build import build_files

    if pdf_variant and "pdf" not in formats:
        raise click.BadParameter("butuh PDF: tambahkan pdf ke --format, misalnya --format docx,html,pdf",
                                 param_hint="'--pdf-variant'")
    asked = ctx.get_parameter_source("fill_toc") is not click.core.ParameterSource.DEFAULT
    if fill_toc and asked and "docx" not in formats:
        raise click.BadParameter("mengisi daftar isi DOCX: tambahkan docx ke --format", param_hint="'--fill-toc'")
    options = Options(formats, templates, kertas, margin, pdf_variant, fill_toc and "docx" in formats)
    build_files(content_files(files, "build"), output_dir, options, click.echo, _say, Notes(_say))


@cli.command()
@_files_argument
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@_paper_option
@_margin_option
@_templates_option("Folder templat yang diperiksa bersama konten.")
def check(files: tuple[Path, ...], strict: bool, kertas: str | None, margin: Margins | None,
          templates: Path | None) -> None:
    """Periksa BERKAS (bawaan: semua content/*.toml) dengan aturan evaluator SAKIP, tanpa membangun."""
    from .commands.check import check_file
    from .commands.report import report_for_file

    errors = warnings = 0
    options = Options(templates=templates, kertas=kertas, margin=margin)
    for source in content_files(files, "check"):
        try:
            checked = check_file(usable(source), options)
        except IkudocError as error:
            report_for_file(source, error, _say)
            errors += 1
            continue
        except OSError as error:  # one file the system refuses does not stop the others
            if unwritable_output(error):
                raise
            report_for_file(source, os_failure(error), _say)
            errors += 1
            continue
        show_problems(checked.problems, _say)
        errors, warnings = errors + checked.galat, warnings + checked.peringatan
        click.echo(checked.summary)
    if errors or (strict and warnings):
        raise Failure(f"{errors} galat, {warnings} peringatan" + (" (--strict: peringatan juga gagal)" if strict and
                                                                  not errors else "") + ".")


@cli.command(error_exit_code=2)
@click.argument("old", metavar="LAMA")
@click.argument("new", metavar="BARU", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              help="Bentuk keluaran: text (bawaan), json atau html.")
@click.option("-o", "--output", type=_PATH, metavar="BERKAS",
              help="Tulis ke berkas ini (bawaan: layar; untuk html: build/perubahan_NAMA.html).")
@_templates_option("Folder templat sendiri (perubahan.html.j2, perubahan.css).")
@click.pass_context
def diff(ctx: click.Context, old: str, new: str | None, fmt: str, output: Path | None, templates: Path | None) -> None:
    """Tunjukkan apa yang berubah dari LAMA ke BARU.

    LAMA dan BARU adalah berkas konten atau revisi git: HEAD~1:content/iku_2024.toml, v2022:content/iku_2024.toml,
    atau revisi saja (berkasnya sama dengan yang lain). Dengan satu berkas saja: perubahan target revisi itu
    sendiri, dari target sebelum ke setelah perubahan. Kode keluar: 0 sama, 1 berbeda, 2 galat."""
    from .commands.diff import comparison
    from .content.revision_source import NothingChanged
    from .render.template_files import default_templates
    from .revisions.output import write_comparison

    try:
        changes = comparison(old, new)
    except NothingChanged as answer:  # two revisions that touch no content file: no difference
        click.echo(str(answer))
        return
    colour = output is None and fmt == "text" and colours(sys.stdout)
    written = write_comparison(changes, fmt, output, templates or default_templates(), colour)
    if isinstance(written, Path):
        click.echo(f"ditulis {written}")
    else:
        write_styled(written, colour)
    ctx.obj["exit_code"] = 1 if changes.berbeda else 0


@cli.command()
@_files_argument
@_output_folder_option
@_paper_option
@_margin_option
@_templates_option("Folder templat sendiri.")
def preview(files: tuple[Path, ...], output_dir: Path, kertas: str | None, margin: Margins | None,
            templates: Path | None) -> None:
    """Gambar setiap halaman sebagai PNG (di FOLDER/pratinjau/NAMA/halaman-01.png ...) seperti keluar dari
    printer: berkas Word seperti dicetak LibreOffice, yang ditandatangani dan yang menjadi PDF, dan satu lembar
    ringkasan (ringkasan.png)."""
    from .commands.batch import Notes
    from .commands.preview import preview_file
    from .render.docx.libreoffice import Office

    options = Options(("pdf",), templates, kertas, margin)
    note = Notes(_say)

    def preview_one(source: Path, office: Office) -> None:
        sheet, pages = preview_file(source, output_dir, options, office, note)
        click.echo(f"ditulis {sheet} ({pages} halaman di {sheet.parent})")

    with Office() as office:
        for_each(content_files(files, "preview"), lambda source: preview_one(source, office),
                 "gagal dibuat pratinjaunya", _say, stop_on=(PdfUnavailable,))


@cli.command()
@click.option("-o", "--output", type=_PATH, default=SCHEMA_PATH, metavar="BERKAS",
              help=f"Tulis skema ke berkas ini (bawaan: {SCHEMA_PATH}).")
def schema(output: Path) -> None:
    """Tulis JSON Schema format konten, agar editor (VS Code + Even Better TOML) memeriksa dan melengkapi
    isian saat mengetik; berkas konten merujuknya dengan baris '#:schema ../schema/ikudoc.schema.json'.
    Skema Perjanjian Kinerja (perjanjian.schema.json) ditulis di sampingnya."""
    from . import documents
    from .commands.schema import schema_text
    from .files import write_atomically

    for n, kind in enumerate(documents.kinds()):  # the default kind's where asked, every other kind's beside it
        path = output if n == 0 else output.with_name(kind.schema_name)
        write_atomically(path, schema_text(kind).encode("utf-8"))
        click.echo(f"ditulis {path}")


def _yearly_options(command):
    """A --KEY TAHUN option for each kind made year by year (--pk, --lkjip), from the registry."""
    for kind in reversed(yearly_kinds()):
        command = click.option(
            f"--{kind.key}", f"tahun_{kind.key}", type=click.IntRange(1900, 2200), metavar="TAHUN",
            help=f"Buat {kind.label} TAHUN dari {kind.short} yang sekarang (bawaan BERKAS_BARU: "
                 f"content/{kind.key}_TAHUN.toml).")(command)
    return command


_YEARLY = " atau ".join(f"--{kind.key}" for kind in yearly_kinds())


@cli.command()
@click.argument("target", type=_PATH, metavar="[BERKAS_BARU]", required=False)
@click.option("--from", "source", type=_PATH, metavar="BERKAS",
              help=f"Revisi yang sekarang berlaku, dasar revisi baru (dengan {_YEARLY}: dokumen tahun yang sekarang; "
                   "bawaan: yang tahunnya terakhir di content/).")
@_yearly_options
@click.option("--iku", "iku", metavar="BERKAS",
              help=f"Dengan {_YEARLY}: IKU tempat target TAHUN diambil (bawaan: IKU yang sekarang), misalnya "
                   "content/iku_2025.toml atau v2025:content/iku_2025.toml.")
@click.option("--label", metavar="LABEL",
              help='Label revisi baru (bawaan: "Perubahan TAHUN", tahun dari nama berkas baru).')
@click.option("--tanggal", metavar="TAHUN-BULAN",
              help="Tanggal revisi baru: 2025-03 atau 2025-03-17 (bawaan: bulan ini; dengan --pk: Januari TAHUN; "
                   "dengan --lkjip: Februari tahun berikutnya).")
def new(target: Path | None, source: Path | None, iku: str | None, label: str | None, tanggal: str | None,
        **tahun: int | None) -> None:
    """Mulai revisi baru BERKAS_BARU dari revisi yang berlaku: target sekarang menjadi target sebelum perubahan.
    Dengan --pk TAHUN: Perjanjian Kinerja tahun itu dari PK yang sekarang; dengan --lkjip TAHUN: Laporan Kinerja
    tahun itu dari LKjIP yang sekarang."""
    from .commands.scaffold import new_for_year, new_revision

    asked = {option.removeprefix("tahun_"): year for option, year in tahun.items() if year is not None}
    if len(asked) > 1:
        raise click.UsageError(" dan ".join(f"--{key}" for key in asked) + " tidak bisa bersama; buat satu per satu")
    if asked:
        (key, year), = asked.items()
        if label is not None:
            short = next(kind.short for kind in yearly_kinds() if kind.key == key)
            raise click.BadParameter(f"hanya untuk revisi IKU; {short} baru diberi tahunnya dengan --{key}",
                                     param_hint="'--label'")
        made = new_for_year(key, source, year, target, tanggal, iku=iku)
    else:
        if iku is not None:
            raise click.BadParameter(f"hanya bersama {_YEARLY.replace(' atau ', ' TAHUN atau ')} TAHUN",
                                     param_hint="'--iku'")
        if target is None or source is None:
            raise click.UsageError("sebutkan BERKAS_BARU dan --from BERKAS, misalnya ikudoc new "
                                   "content/iku_2025.toml --from content/iku_2024.toml (atau --pk TAHUN untuk "
                                   "Perjanjian Kinerja)")
        made = new_revision(source, target, label, tanggal)
    click.echo(f"ditulis {made.path} ({made.label}, tanggal {made.date}, dari {made.asal})")
    for line in (*made.catatan, "Langkah berikutnya:", *(f"  - {step}" for step in made.langkah)):
        click.echo(line)


@cli.command()
@click.argument("folder", type=_PATH, metavar="FOLDER")
@click.option("--bentuk", type=click.Choice(forms()), default="opd", show_default=True,
              help="Bentuk dokumen: opd (IKU perangkat daerah, ditandatangani kepala dinas) atau pemda (IKU "
                   "pemerintah daerah, ditandatangani kepala daerah, dengan kolom penanggung jawab dan kondisi awal).")
def init(folder: Path, bentuk: str) -> None:
    """Buat proyek baru untuk perangkat daerah atau pemerintah daerah lain di FOLDER, dari contoh yang berkomentar."""
    from .commands.scaffold import examples_written, init_project

    written = init_project(folder, bentuk)
    for path in written:
        click.echo(f"ditulis {path}")
    (_, first), *others = examples_written(folder, written)
    more = "".join(f" dan {kind.label} {path.as_posix()}" for kind, path in others)
    here = folder.resolve() == Path.cwd().resolve()
    click.echo(f"Langkah berikutnya: {'' if here else f'cd {folder}, '}sunting {first.as_posix()} (ganti setiap "
               f"isian « »; petunjuknya ada di komentar berkas itu){more}, lalu ikudoc check dan ikudoc build. "
               "Tampilan diatur di templates/.")


@cli.command("import")
@click.argument("document", type=_PATH, metavar="DOKUMEN.docx")
@click.option("-o", "--output", type=_PATH, metavar="BERKAS.toml",
              help="Berkas konten yang ditulis (bawaan: content/NAMA_DOKUMEN.toml).")
@click.option("--timpa", is_flag=True, help="Timpa berkas konten yang sudah ada.")
def import_command(document: Path, output: Path | None, timpa: bool) -> None:
    """Impor dokumen IKU dari Word (.docx; .doc bila LibreOffice terpasang) menjadi berkas konten."""
    from .importer.command import run_import

    run_import(document, output, timpa, click.echo, lambda line: click.echo(line, err=True))


@cli.command("watch")
@click.argument("file", type=_PATH, metavar="[BERKAS]", required=False)
@_output_folder_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, help="Port di 127.0.0.1 (bawaan: 8000; 0: bebas).")
@_templates_option("Folder templat sendiri.")
def watch_command(file: Path | None, output_dir: Path, port: int, templates: Path | None) -> None:
    """Bangun ulang BERKAS setiap kali disimpan dan tampilkan hasilnya di peramban, yang memuat ulang sendiri."""
    from .commands.watch import Document, being_written, watch

    sources = content_files((file,) if file else (), "watch")
    chosen = being_written(sources)
    if len(sources) > 1:
        click.echo(f"memantau {chosen}, yang terakhir diubah dari {len(sources)} berkas konten "
                   "(sebutkan berkas lain bila perlu: ikudoc watch content/NAMA.toml)", err=True)
    try:
        source = usable(chosen)
    except IkudocError as error:
        raise Failure(f"{chosen}: {error}") from None
    document = Document(source, output_dir, templates, lambda line: click.echo(line, err=True))
    try:
        watch(document, port, click.echo)  # a port in use: "port ... tidak bisa dipakai", before building
    except KeyboardInterrupt:
        click.echo("berhenti.")


@cli.command("git-setup")
def git_setup() -> None:
    """Atur repositori git ini agar git diff dan git log -p berkas .docx menampilkan teksnya."""
    from .revisions.git_setup import configure_git

    for line in configure_git(Path.cwd()):
        click.echo(line)


@cli.command("teks-docx", hidden=True)
@click.argument("path", type=_PATH)
def docx_text(path: Path) -> None:
    """Cetak teks berkas DOCX, satu paragraf atau baris tabel per baris (untuk textconv git), dalam UTF-8."""
    from .revisions.docx_text import docx_lines

    try:
        lines = list(docx_lines(path))
    except Exception as error:  # not a DOCX: git shows this instead of the text
        raise Failure(f"{path} bukan berkas DOCX yang bisa dibaca ({type(error).__name__})") from None
    # git reads bytes and shows them as UTF-8, whatever the code page of the console or of Windows
    click.echo("".join(f"{line}\n" for line in lines).encode("utf-8"), nl=False)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status. Every failure is reported here."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    prepare_streams()  # UTF-8 wherever the output is not a console (a pipe, a file, git), on every system
    obj: dict = {}
    try:
        cli.main(args=args, prog_name="ikudoc", standalone_mode=False, obj=obj)
    except IkudocError as error:
        report(error, _say)
        command = obj.get("command")
        return getattr(command, "error_exit_code", None) or error.exit_code
    except OSError as error:  # the file system said no where no ikudoc code expected it
        click.echo(one_line(f"gagal: {os_failure(error)}"), err=True)
        return getattr(obj.get("command"), "error_exit_code", None) or 1
    except click.exceptions.Abort:
        click.echo("dibatalkan.", err=True)
        return 1
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.ctx.get_help() if error.ctx else "ikudoc --help")
        return 0
    except click.UsageError as error:
        helped = error.ctx.command_path if error.ctx else "ikudoc"  # the command's own help: "ikudoc init --help"
        click.echo(one_line(f"gagal: {usage_message(error, cli)}. Lihat '{helped} --help'."), err=True)
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
