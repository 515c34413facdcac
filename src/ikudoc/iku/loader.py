"""Load a content file into the content model, collecting every problem in it before stopping.

Syntax errors stop at once (nothing after them can be trusted); otherwise every type error, missing
or unknown key and broken rule is reported together, each with its line.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from ..content.problems import ContentError, Loc, Problem, format_key_path
from ..content.revision_source import ContentRef, RevisionError, file_ref, resolve_relative
from ..content.source import TomlSource, parse_toml
from ..perjanjian import KIND_KEY
from .columns import filled, shown
from .model import Konten, type_name
from .revisions import fill_before_targets

if TYPE_CHECKING:
    from ..perjanjian.loader import PerjanjianKinerja


def load(path: Path, shown_as: Path | None = None) -> Konten:
    """Read and validate the file ``path``; raise ContentError listing every problem found."""
    return load_ref(file_ref(path, str(shown_as) if shown_as else None))


def load_ref(ref: ContentRef, replacing: tuple[str, ...] = ()) -> Konten:
    """Validate content from a file or a git revision, with the revision it replaces when it names one.
    ``replacing`` lists the revisions already being loaded that this one is replaced by."""
    return load_with_source(ref, replacing)[0]


def load_with_source(ref: ContentRef, replacing: tuple[str, ...] = ()) -> tuple[Konten, TomlSource]:
    """The validated IKU and the source it came from (whose lines later checks report); a Perjanjian
    Kinerja is refused here, where only an IKU will do."""
    toml = parse_toml(ref.data, Path(ref.label))
    if KIND_KEY in toml.data:
        raise ContentError([Problem(toml.path, toml.line_of((KIND_KEY,)), (KIND_KEY,),
                                    "berkas ini Perjanjian Kinerja ([perjanjian]), bukan IKU; sebutkan berkas IKU",
                                    "bukan-iku")])
    return _load_iku(toml, ref, replacing), toml


def load_document(ref: ContentRef) -> tuple[Konten | PerjanjianKinerja, TomlSource]:
    """An IKU, or a Perjanjian Kinerja (a file with a [perjanjian] table) with the IKU it names."""
    toml = parse_toml(ref.data, Path(ref.label))
    if KIND_KEY in toml.data:
        from ..perjanjian.loader import load_perjanjian

        return load_perjanjian(toml, ref), toml
    return _load_iku(toml, ref, ()), toml


def validate(model_class: type[BaseModel], toml: TomlSource, ref: ContentRef) -> tuple[BaseModel | None,
                                                                                       list[Problem]]:
    """``toml``'s data as ``model_class``, or None and every problem pydantic found, in Indonesian."""
    try:
        return model_class.model_validate(
            toml.data, context={"folder": ref.folder, "check_files": ref.revision is None}), []
    except ValidationError as exc:
        errors = exc.errors()
        # "sumberdata: unknown key, did you mean sumber_data?" says all; "sumber_data: missing" would repeat it.
        meant = {(*error["loc"][:-1], _close_key(error["loc"], model_class)) for error in errors
                 if error["type"] == "extra_forbidden"}
        return None, [_problem(toml, error, model_class) for error in errors
                      if not (error["type"] == "missing" and tuple(error["loc"]) in meant)]


def _load_iku(toml: TomlSource, ref: ContentRef, replacing: tuple[str, ...]) -> Konten:
    model, problems = validate(Konten, toml, ref)
    problems.extend(_unequal_years(toml))
    problems.extend(_targets_for_some_only(toml))
    problems.extend(_chosen_mission_missing(toml))
    problems.extend(_before_targets_inconsistent(toml))
    if model is not None:
        problems.extend(_table_columns_unfit(model, toml))
    if model is not None and not problems and model.revisi and model.revisi.menggantikan:
        model, more = _with_replaced_revision(model, toml, ref, replacing)
        problems.extend(more)
    raise_problems(problems, ref)
    assert model is not None
    return model


def raise_problems(problems: list[Problem], ref: ContentRef) -> None:
    """ContentError with ``problems`` (if any), those of the file ``ref`` first, in line order."""
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (str(p.path) != ref.label, p.line or 0, str(p))))


def _with_replaced_revision(model: Konten, toml: TomlSource, ref: ContentRef,
                            replacing: tuple[str, ...]) -> tuple[Konten, list[Problem]]:
    loc: Loc = ("revisi", "menggantikan")
    spec = model.revisi.menggantikan

    def problem(message: str, code: str) -> list[Problem]:
        return [Problem(toml.path, toml.line_of(loc), loc, message, code)]

    try:
        previous_ref = resolve_relative(spec, ref)
    except RevisionError as error:
        return model, problem(f"revisi yang digantikan tidak bisa dibaca: {error}", "revisi-tidak-ada")
    if previous_ref.label in (*replacing, ref.label) or len(replacing) > 50:
        return model, problem(f"revisi {spec} menggantikan dirinya sendiri lewat rantai "
                              f"{' -> '.join((*replacing, ref.label, previous_ref.label))}", "revisi-berputar")
    try:
        previous = load_ref(previous_ref, (*replacing, ref.label))
    except ContentError as error:
        return model, problem(f"revisi yang digantikan ({previous_ref.label}) berisi masalah; perbaiki dulu:",
                              "revisi-bermasalah") + error.problems
    return fill_before_targets(model, previous, toml, previous_ref.label)


# pydantic's error types, said in Indonesian: (message, the code shown in brackets).
_MESSAGES = {
    "missing": ("wajib ada, tetapi tidak ditemukan", "wajib"),
    "string_type": ("harus berupa teks di antara tanda kutip, bukan {jenis}", "harus-teks"),
    "int_type": ("harus berupa bilangan bulat tanpa tanda kutip, bukan {jenis}", "harus-bilangan-bulat"),
    "float_type": ("harus berupa angka tanpa tanda kutip, bukan {jenis}", "harus-angka"),
    "bool_type": ("harus berupa true atau false, bukan {jenis}", "harus-true-false"),
    "list_type": ("harus berupa daftar [ \"...\", \"...\" ], bukan {jenis}", "harus-daftar"),
    "dict_type": ("harus berupa tabel, bukan {jenis}", "harus-tabel"),
    "model_type": ("harus berupa tabel [{kunci}], bukan {jenis}", "harus-tabel"),
    "model_attributes_type": ("harus berupa tabel [{kunci}], bukan {jenis}", "harus-tabel"),
    "too_short": ("tidak boleh kosong: isi minimal {min_length} butir", "daftar-kosong"),
    "string_pattern_mismatch": ("tahun harus ditulis 4 angka, misalnya 2024", "tahun-4-angka"),
    "greater_than_equal": ("tidak boleh kurang dari {ge}", "terlalu-kecil"),
    "less_than_equal": ("tidak boleh lebih dari {le}", "terlalu-besar"),
    "literal_error": ("harus salah satu dari: {expected}", "pilihan-tidak-dikenal"),
}


def _problem(toml: TomlSource, error: Any, root: type[BaseModel]) -> Problem:
    loc: Loc = tuple(part for part in error["loc"] if part != "[key]")
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    if "kunci" in ctx:  # a rule checked on a whole table, about one of its keys
        key = ctx.pop("kunci")
        loc += key if isinstance(key, tuple) else (key,)
    line = toml.line_of(loc)
    if kind == "extra_forbidden":
        return Problem(toml.path, line, loc, _unknown_key(loc, root), "kunci-tidak-dikenal")
    if loc[-1:] == ("indikator",) and loc[:1] == ("sasaran",) and kind in ("missing", "too_short"):
        return Problem(toml.path, line, loc, "sasaran ini belum punya indikator; tambahkan [[sasaran.indikator]] "
                       "di bawahnya", "sasaran-tanpa-indikator")
    if kind == "list_type" and isinstance(error.get("input"), dict) and _model_at(loc, root) is not None:
        return Problem(toml.path, line, loc, f"satu butir {loc[-1]} ditulis [[{format_key_path(loc)}]] (dua kurung "
                       f"siku), bukan [{format_key_path(loc)}]", "harus-daftar")
    if kind in _MESSAGES:
        fields = {"jenis": type_name(error.get("input")), "kunci": str(loc[-1]) if loc else "", **ctx}
        if kind == "literal_error":
            fields["expected"] = str(ctx.get("expected", "")).replace(" or ", " atau ")
        message, code = _MESSAGES[kind]
        return Problem(toml.path, line, loc, message.format(**fields), code)
    if kind not in _PYDANTIC_ERRORS:
        return Problem(toml.path, line, loc, error["msg"], kind)
    return Problem(toml.path, line, loc, f"nilai tidak sah ({error['msg']})", "nilai-tidak-sah")


# pydantic's own error types; every other type is a code raised by the model (PydanticCustomError),
# whose message is already Indonesian.
_PYDANTIC_ERRORS = frozenset(typing.get_args(ErrorType))


def _unwrap(annotation: Any) -> Any:
    """``list[Bab] | None`` -> ``Bab``: the table type a field holds."""
    while typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def _model_at(loc: Loc, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class of the table at ``loc``, following the field types from ``root``."""
    model: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _allowed_keys(loc: Loc, root: type[BaseModel]) -> list[str]:
    model = _model_at(loc, root)
    return list(model.model_fields) if model else []


def _close_key(loc: Loc, root: type[BaseModel]) -> str | None:
    """The allowed key an unknown key at ``loc`` was probably meant to be."""
    close = difflib.get_close_matches(str(loc[-1]), _allowed_keys(loc[:-1], root), n=1)
    return close[0] if close else None


def _unknown_key(loc: Loc, root: type[BaseModel]) -> str:
    allowed = _allowed_keys(loc[:-1], root)
    message = "kunci tidak dikenal"
    close = _close_key(loc, root)
    if close:
        message += f"; maksudnya \"{close}\"?"
    elif allowed:
        message += "."
    if allowed:
        message += " Kunci yang boleh di sini: " + ", ".join(allowed)
    return message


def _strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text in raw TOML data, with where it is."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _chosen_mission_missing(toml: TomlSource) -> list[Problem]:
    """{misi_pilihan} needs [rpjmd] misi_pilihan (read from the raw data, to be reported with the rest)."""
    rpjmd = toml.data.get("rpjmd")
    if isinstance(rpjmd, dict) and "misi_pilihan" in rpjmd:
        return []
    return [
        Problem(toml.path, toml.line_of(loc), loc, "teks memakai {misi_pilihan}, tetapi [rpjmd] misi_pilihan "
                "belum diisi (nomor misi yang didukung, 1 = misi pertama)", "rujukan")
        for loc, text in _strings(toml.data) if re.search(r"(?<!\\)\{misi_pilihan\}", text)
    ]


def _raw_indicators(toml: TomlSource) -> Iterator[tuple[Loc, dict]]:
    """The indicator tables of the raw data that are tables, with where they are."""
    sasaran = toml.data.get("sasaran")
    for s_index, s in enumerate(sasaran if isinstance(sasaran, list) else []):
        indikator = s.get("indikator") if isinstance(s, dict) else None
        for i_index, ind in enumerate(indikator if isinstance(indikator, list) else []):
            if isinstance(ind, dict):
                yield ("sasaran", s_index, "indikator", i_index), ind


def _before_targets_inconsistent(toml: TomlSource) -> list[Problem]:
    """A revision gives "sebelum" targets for every indicator (unless they come from the replaced
    revision); a document with "sebelum" targets is a revision, and says so with a label."""
    indicators = list(_raw_indicators(toml))
    typed = [loc for loc, ind in indicators if "target_sebelum" in ind]
    revisi = toml.data.get("revisi")
    replaces = isinstance(revisi, dict) and "menggantikan" in revisi
    problems = []
    if typed and not replaces:
        problems += [
            Problem(toml.path, toml.line_of(loc), (*loc, "target_sebelum"),
                    "target sebelum perubahan belum ditulis, padahal indikator lain menuliskannya; tulis "
                    "[sasaran.indikator.target_sebelum] (sama dengan target bila tidak berubah)",
                    "target-sebelum-kurang")
            for loc, ind in indicators if "target_sebelum" not in ind
        ]
    dokumen = toml.data.get("dokumen")
    if (typed or replaces) and isinstance(dokumen, dict) and "perubahan" not in dokumen:
        problems.append(Problem(
            toml.path, toml.line_of(("dokumen",)), ("dokumen", "perubahan"),
            "dokumen ini memuat target sebelum perubahan, jadi harus diberi label perubahan, misalnya "
            "perubahan = \"Perubahan 2024\"", "perubahan-tanpa-label",
        ))
    return problems


def _targets_for_some_only(toml: TomlSource) -> list[Problem]:
    """Targets are for every indicator or for none (an IKU that lists indicators only)."""
    indicators = list(_raw_indicators(toml))
    without = [loc for loc, ind in indicators if not ind.get("target")]
    if not without or len(without) == len(indicators):
        return []
    return [Problem(toml.path, toml.line_of(loc), (*loc, "target"),
                    "indikator ini tidak punya target, padahal indikator lain punya; tulis "
                    "[sasaran.indikator.target] untuk setiap indikator, atau hapus target dari semua indikator "
                    "(tabel tanpa kolom target)", "target-sebagian") for loc in without]


def _table_columns_unfit(konten: Konten, toml: TomlSource) -> list[Problem]:
    """[tabel] names columns the table can show: each once, filled by the data, "sebelum" targets only in a
    revision, merged columns among them; and one year for every kondisi awal."""
    problems = []

    def problem(loc: Loc, message: str, code: str) -> None:
        problems.append(Problem(toml.path, toml.line_of(loc), loc, message, code))

    chosen = konten.tabel.kolom or []
    for index, name in enumerate(chosen):
        loc: Loc = ("tabel", "kolom", index)
        if name in chosen[:index]:
            problem(loc, f"kolom \"{name}\" sudah disebut sebelumnya; setiap kolom hanya sekali", "kolom-ganda")
        elif name == "target_sebelum" and not any(ind.target_sebelum for _, _, ind in konten.indicators()) \
                and not (konten.revisi and konten.revisi.menggantikan):
            problem(loc, "kolom \"target_sebelum\" hanya untuk dokumen perubahan, tetapi tidak ada indikator yang "
                    "punya target sebelum perubahan", "kolom-kosong")
        elif name != "target_sebelum" and not filled(konten, name):
            problem(loc, f"kolom \"{name}\" dipilih, tetapi tidak ada indikator yang mengisinya; isi {name} pada "
                    "indikatornya, atau hapus kolom ini dari [tabel] kolom", "kolom-kosong")
    columns = shown(konten)
    for index, name in enumerate(konten.tabel.gabung):
        if name not in columns:
            problem(("tabel", "gabung", index), f"kolom \"{name}\" tidak ada di tabel, jadi tidak bisa digabung; "
                    f"kolom tabel: {', '.join(columns)}", "gabung-tanpa-kolom")
    with_baseline = [(loc, ind.kondisi_awal.tahun) for loc, _, ind in konten.indicators() if ind.kondisi_awal]
    for loc, year in with_baseline[1:]:
        if year != with_baseline[0][1]:
            problem((*loc, "kondisi_awal"), f"tahun kondisi awal ({year}) harus sama dengan indikator pertama yang "
                    f"punya kondisi awal ({with_baseline[0][1]}): tabel menampilkan satu tahun", "kondisi-awal-tahun")
    return problems


def _unequal_years(toml: TomlSource) -> list[Problem]:
    """Every indicator must have the same target years as the first one (read from the raw data, so
    that this is reported together with the type errors of other keys)."""
    problems = []
    first: list[str] | None = None
    for at, ind in _raw_indicators(toml):
        for key in ("target", "target_sebelum"):
            targets = ind.get(key)
            if not isinstance(targets, dict):
                continue
            years = sorted(targets)
            if first is None:
                first = years
            elif years != first:
                missing = [y for y in first if y not in years]
                extra = [y for y in years if y not in first]
                detail = "; ".join(part for part in (
                    ("tidak ada tahun " + ", ".join(missing)) if missing else "",
                    ("ada tahun lebih " + ", ".join(extra)) if extra else "",
                ) if part)
                problems.append(Problem(
                    toml.path, toml.line_of((*at, key)), (*at, key),
                    f"tahun target ({', '.join(years)}) harus sama dengan indikator pertama ({', '.join(first)}): "
                    f"{detail}",
                    "tahun-target",
                ))
    return problems

