"""The Perjanjian Kinerja (PK): the yearly performance agreement built from an IKU's sasaran, indicators
and targets (PermenPANRB 53/2014), from a small content file recognised by its [perjanjian] table;
declared here as a document kind. Its modules are imported only for a PK."""

from pathlib import Path

from ..documents import DocumentKind, Example, Hook

KIND = DocumentKind(
    key="pk",
    label="Perjanjian Kinerja",
    short="PK",
    marker="perjanjian",
    load=Hook(f"{__name__}.loader", "load_perjanjian"),
    check=Hook(f"{__name__}.checks", "check_perjanjian"),
    context=Hook(f"{__name__}.context", "build_perjanjian_context"),
    word_template="pk.docx",
    page_template="pk.html.j2",
    schema_name="perjanjian.schema.json",
    schema_title="Konten Perjanjian Kinerja (ikudoc)",
    model=Hook(f"{__name__}.model", "KontenPerjanjian"),
    compare=Hook(f"{__name__}.diff", "compare_perjanjian"),
    next_year=Hook(f"{__name__}.scaffold", "new_agreement"),
    latest=Hook(f"{__name__}.scaffold", "latest_agreement"),
    examples=(Example("opd", "pk_2026.toml", Path(__file__).parents[1] / "contoh" / "pk.toml"),),
)
