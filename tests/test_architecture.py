"""The house keeps its shape: the package's rooms import only downwards (content at the bottom, the
command line at the top), no module imports itself back through others, no module grows past what a
reader holds in mind, and nothing outside a kind's own folder (or its importer) names a kind's model:
every command reaches a kind through the registry (documents.py)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "src" / "ikudoc"
#: The rooms of the package, lowest first: a module may import from its own room and the rooms below.
LAYERS = (
    ("content",),
    ("files", "documents"),
    ("render",),
    ("revisions",),
    ("iku",),
    ("perjanjian",),
    ("lkjip",),
    ("importer",),
    ("commands",),
    ("cli", "__init__", "__main__"),
)
#: The folders of the kinds, and the reader that makes one of them (pandoc's readers know their document).
KIND_ROOMS = {"iku", "perjanjian", "lkjip", "importer"}
#: Names of the kinds' models: no shared module uses them.
KIND_MODELS = ("Konten", "KontenPerjanjian", "PerjanjianKinerja", "KontenLaporan", "LaporanKinerja", "Indikator",
               "Sasaran", "Dokumen", "Instansi")
LONGEST_MODULE = 450


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _graph() -> dict[str, set[str]]:
    """Every module (dotted, under ikudoc) and the ikudoc modules it imports, at module level or inside a function."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = _module(path)
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[:len(package) - (node.level - 1)]
                    target = ".".join([*base, node.module] if node.module else base)
                elif node.module and node.module.startswith("ikudoc"):
                    target = node.module.removeprefix("ikudoc").lstrip(".")
                else:
                    continue
                names = [f"{target}.{alias.name}".lstrip(".") for alias in node.names]
                imported.update(name if name in _modules() else target for name in names)
            elif isinstance(node, ast.Import):
                imported.update(alias.name.removeprefix("ikudoc.") for alias in node.names
                                if alias.name.startswith("ikudoc."))
        graph[module] = {name for name in imported if name != module}
    return graph


@cache
def _modules() -> frozenset[str]:
    return frozenset(_module(path) for path in PACKAGE.rglob("*.py"))


def _room(module: str) -> str:
    return module.split(".")[0] or "__init__"


def _layer(module: str) -> int:
    room = _room(module)
    return next(n for n, rooms in enumerate(LAYERS) if room in rooms)


def test_every_room_of_the_package_has_its_layer():
    rooms = {_room(module) for module in _modules()} - {"uno_update_fields"}
    assert rooms <= {room for rooms in LAYERS for room in rooms}
    assert len({path.name for path in PACKAGE.iterdir() if path.name != "__pycache__"}) <= 14, \
        "ls src/ikudoc shows the stages, about a dozen entries"


def test_imports_run_down_the_layers_only():
    upward = sorted(f"{module} -> {target}" for module, targets in _graph().items() for target in targets
                    if _layer(target) > _layer(module))
    assert upward == []


def test_no_module_imports_itself_back_through_others():
    graph = _graph()
    cycles = []

    def visit(module: str, path: tuple[str, ...]) -> None:
        for target in sorted(graph.get(module, ())):
            if target == path[0]:
                cycles.append(" -> ".join((*path, target)))
            elif target not in path and target > path[0]:  # each cycle once, from its smallest module
                visit(target, (*path, target))

    for module in sorted(graph):
        visit(module, (module,))
    assert cycles == []


def test_no_module_outside_a_kind_reaches_into_a_kind():
    reaching = sorted(f"{module} -> {target}" for module, targets in _graph().items() for target in targets
                      if _room(target) in {"iku", "perjanjian", "lkjip"} and _room(module) not in KIND_ROOMS
                      and target not in ("iku", "perjanjian", "lkjip"))
    assert reaching == [], "ask the registry (documents.kind) instead"
    named = sorted(f"{path.relative_to(PACKAGE)}: {name}" for path in PACKAGE.rglob("*.py")
                   if _room(_module(path)) not in KIND_ROOMS
                   for name in KIND_MODELS if name in {node.id for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                                                       if isinstance(node, ast.Name)})
    assert named == []


def test_no_module_is_longer_than_a_reader_holds_in_mind():
    long = {str(path.relative_to(PACKAGE)): length for path in PACKAGE.rglob("*.py")
            if (length := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE}
    assert long == {}


def test_every_module_says_what_it_turns_into_what():
    undocumented = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                    if ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None]
    assert undocumented == []
