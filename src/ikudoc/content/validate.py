"""Validate a content file's TOML data against its kind's model, collecting every problem before
stopping, each said in Indonesian on its line: pydantic's errors translated, unknown keys with the key
that was probably meant.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from .fields import type_name
from .markup import NO_REFERENCES, Vocabulary
from .problems import ContentError, Loc, Problem, format_key_path
from .revision_source import ContentRef
from .source import TomlSource


def validate(model_class: type[BaseModel], toml: TomlSource, ref: ContentRef,
             references: Vocabulary = NO_REFERENCES) -> tuple[BaseModel | None, list[Problem]]:
    """``toml``'s data as ``model_class``, its texts using ``references``, or None and every problem
    pydantic found, in Indonesian. Files the content names (images) are looked for beside it, and
    only in the working tree (a git revision's are not checked)."""
    try:
        return model_class.model_validate(toml.data, context={
            "folder": ref.folder, "check_files": ref.revision is None, "rujukan": references}), []
    except ValidationError as exc:
        errors = exc.errors()
        # "sumberdata: unknown key, did you mean sumber_data?" says all; "sumber_data: missing" would repeat it.
        meant = {(*error["loc"][:-1], _close_key(error["loc"], model_class)) for error in errors
                 if error["type"] == "extra_forbidden"}
        return None, [_problem(toml, error, model_class) for error in errors
                      if not (error["type"] == "missing" and tuple(error["loc"]) in meant)]


def raise_problems(problems: list[Problem], ref: ContentRef) -> None:
    """ContentError with ``problems`` (if any), those of the file ``ref`` first, in line order."""
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (str(p.path) != ref.label, p.line or 0, str(p))))


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
    if kind in ("missing", "too_short") and len(loc) >= 3 and isinstance(loc[-2], int) \
            and _is_array_of_tables(loc, root):  # an element of an array of tables without its own array
        owner, part = loc[-3], loc[-1]
        return Problem(toml.path, line, loc, f"{owner} ini belum punya {part}; tambahkan [[{owner}.{part}]] "
                       "di bawahnya", f"{owner}-tanpa-{part}")
    if kind == "list_type" and isinstance(error.get("input"), dict) and _model_at(loc, root) is not None:
        return Problem(toml.path, line, loc, f"satu butir {loc[-1]} ditulis [[{format_key_path(loc)}]] (dua kurung "
                       f"siku), bukan [{format_key_path(loc)}]", "harus-daftar")
    if kind == "is_instance_of" and ctx.get("class") == "Decimal":  # a number field read exactly
        kind = "float_type"
    if kind in _MESSAGES:
        fields = {"jenis": type_name(error.get("input")), "kunci": str(loc[-1]) if loc else "", **ctx}
        if kind == "literal_error":
            fields["expected"] = str(ctx.get("expected", "")).replace(" or ", " atau ")
        message, code = _MESSAGES[kind]
        return Problem(toml.path, line, loc, message.format(**fields) + _whole_number_hint(kind, error.get("input")),
                       code)
    if kind not in _PYDANTIC_ERRORS:
        return Problem(toml.path, line, loc, error["msg"], kind)
    return Problem(toml.path, line, loc, f"nilai tidak sah ({error['msg']})", "nilai-tidak-sah")


def _whole_number_hint(kind: str, typed: Any) -> str:
    """What to write for a whole number typed as text with thousands separators ("Rp 1.198.500.000")."""
    if kind != "int_type" or not isinstance(typed, str):
        return ""
    number = re.fullmatch(r"(?:Rp\.?\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+)(?:,-|,00)?", typed.strip())
    return f": tulis {re.sub(r'[.,]', '', number.group(1))}, tanpa titik ribuan" if number else ""


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


def _is_array_of_tables(loc: Loc, root: type[BaseModel]) -> bool:
    """Whether the key at ``loc`` holds an array of tables ([[...]])."""
    owner = _model_at(loc[:-1], root)
    if owner is None or loc[-1] not in owner.model_fields:
        return False
    annotation = owner.model_fields[loc[-1]].annotation
    while typing.get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return typing.get_origin(annotation) is list and _model_at(loc, root) is not None


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


def strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text in raw TOML data, with where it is."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*loc, index))


