"""The Indikator Kinerja Utama (IKU OPD): its content model, loader, checks, template context, table,
comparison of revisions and scaffolding, declared here as a document kind (the default one: a content
file that no other kind's table marks is an IKU)."""

from pathlib import Path

from ..documents import DocumentKind, Example, Hook

_EXAMPLES = Path(__file__).parents[1] / "contoh"

KIND = DocumentKind(
    key="iku",
    label="IKU",
    short="IKU",
    marker=None,
    load=Hook(f"{__name__}.loader", "load_iku"),
    check=Hook(f"{__name__}.checks", "check_content"),
    context=Hook(f"{__name__}.context", "build_context"),
    word_template="iku.docx",
    page_template="iku.html.j2",
    schema_name="ikudoc.schema.json",
    schema_title="Konten dokumen IKU OPD (ikudoc)",
    model=Hook(f"{__name__}.model", "Konten"),
    compare=Hook(f"{__name__}.diff", "compare"),
    summarize=Hook(f"{__name__}.diff", "summarize_revision"),
    revise=Hook(f"{__name__}.scaffold", "new_revision"),
    examples=(
        Example("opd", "iku.toml", _EXAMPLES / "iku.toml"),  # a perangkat daerah's, signed by its head
        Example("pemda", "iku.toml", _EXAMPLES / "iku_pemda.toml"),  # a region's, signed by its elected head
    ),
)
