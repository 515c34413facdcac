"""The JSON Schema for editors matches the model, accepts the sample and rejects broken files."""

from __future__ import annotations

import json
import tomllib

import jsonschema
import pytest

from ikudoc import documents
from ikudoc.cli import SCHEMA_PATH, main
from ikudoc.commands.schema import schema_text as kind_schema_text
from support import FIXTURES, ROOT, SAMPLE
from support.content_variants import variant

COMMITTED = ROOT / SCHEMA_PATH


def schema_text(key: str = "iku") -> str:
    return kind_schema_text(documents.kind(key))


def as_json(path):
    """TOML data as an editor's schema validator sees it: dates become ISO text."""
    return json.loads(json.dumps(tomllib.loads(path.read_text(encoding="utf-8")), default=str))


def validator():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schema_matches_the_model():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), "run: ikudoc schema"


def test_every_key_has_an_indonesian_description():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    described = []
    for definition in [schema, *schema["$defs"].values()]:
        for key, prop in definition.get("properties", {}).items():
            described.append((key, prop.get("description", "")))
    assert described and all(text for _, text in described), [key for key, text in described if not text]
    assert "tanggal" in dict(described) and "Tanggal penandatanganan" in dict(described)["tanggal"]


def test_sample_and_fixture_validate():
    for path in (SAMPLE, *(FIXTURES / f"{name}.toml" for name in (
            "enam_tahun", "rentang_turun", "tujuan_kesehatan", "pemprov_penjelasan"))):
        assert list(validator().iter_errors(as_json(path))) == []


@pytest.mark.parametrize("edit, where", [
    (("2024 = 8.57", '2024 = "8,57"'), ["sasaran", 1, "indikator", 0, "target", "2024"]),
    (('sumber_data = "ODS', 'sumberdata = "ODS'), ["sasaran", 0, "indikator", 0]),
    (('pangkat = "Pembina Utama Madya"', "pangkat = 4"), ["penandatangan", "pangkat"]),
    (('tanggal = "2024-10"', 'tanggal = "Oktober 2024"'), ["dokumen", "tanggal"]),
])
def test_schema_rejects_broken_files(tmp_path, edit, where):
    errors = list(validator().iter_errors(as_json(variant(tmp_path, edit))))
    assert errors and {tuple(error.absolute_path) for error in errors} == {tuple(where)}


def test_content_files_point_editors_to_the_schema():
    assert SAMPLE.read_text(encoding="utf-8").splitlines()[0] == "#:schema ../schema/ikudoc.schema.json"
    assert (SAMPLE.parent / "../schema/ikudoc.schema.json").resolve() == COMMITTED


def test_schema_command_writes_the_file(tmp_path, capsys):
    target = tmp_path / "skema.json"
    assert main(["schema", "-o", str(target)]) == 0
    pk, lkjip = tmp_path / "perjanjian.schema.json", tmp_path / "laporan.schema.json"
    assert capsys.readouterr().out == f"ditulis {target}\nditulis {pk}\nditulis {lkjip}\n"
    assert target.read_text(encoding="utf-8") == schema_text()
    assert pk.read_text(encoding="utf-8") == schema_text("pk")
    assert lkjip.read_text(encoding="utf-8") == schema_text("lkjip")


def test_the_perjanjian_kinerja_has_its_own_schema_beside_it():
    committed = ROOT / "schema" / "perjanjian.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text("pk"), "run: ikudoc schema"
    schema = json.loads(committed.read_text(encoding="utf-8"))
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    pk = ROOT / "content" / "pk_2024.toml"
    assert pk.read_text(encoding="utf-8").splitlines()[0] == "#:schema ../schema/perjanjian.schema.json"
    assert list(check.iter_errors(as_json(pk))) == []
    broken = as_json(pk)
    broken["program"][0]["anggaran"] = "1.250.000.000"
    assert [tuple(e.absolute_path) for e in check.iter_errors(broken)] == [("program", 0, "anggaran")]
    described = {key: prop.get("description", "") for d in schema["$defs"].values()
                 for key, prop in d.get("properties", {}).items()}
    assert all(described.values()) and "rupiah" in described["anggaran"]


def test_the_laporan_kinerja_has_its_own_schema_beside_it():
    committed = ROOT / "schema" / "laporan.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text("lkjip"), "run: ikudoc schema"
    schema = json.loads(committed.read_text(encoding="utf-8"))
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    lkjip = ROOT / "content" / "lkjip_2024.toml"
    assert lkjip.read_text(encoding="utf-8").splitlines()[0] == "#:schema ../schema/laporan.schema.json"
    assert list(check.iter_errors(as_json(lkjip))) == []
    broken = as_json(lkjip)
    broken["anggaran"][0]["realisasi"] = "1.250.000.000"
    broken["laporan"]["rumus_turun"] = "terbalik"
    assert sorted(tuple(e.absolute_path) for e in check.iter_errors(broken)) == [
        ("anggaran", 0, "realisasi"), ("laporan", "rumus_turun")]
    described = {key: prop.get("description", "") for d in schema["$defs"].values()
                 for key, prop in d.get("properties", {}).items()}
    assert all(described.values()) and "realisasi" in described and "rumus_turun" in described
