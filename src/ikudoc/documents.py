"""The kinds of document ikudoc makes (the IKU, the Perjanjian Kinerja, ...), declared in one place: the
table that marks each in a content file, and where its loader, checks, context builder, templates,
comparison, scaffolding and schema are. Every command asks here which kind a file is and what to do
with it; no module outside a kind's own folder tests which kind it holds.

A kind is a folder (``ikudoc/iku/``, ``ikudoc/perjanjian/``) whose ``__init__`` declares a
``DocumentKind``. Its functions are named by module and imported on first use (``Hook``), and the
kinds themselves are named here by module, so that ``ikudoc --help`` or a build of an IKU loads
nothing of the others. Adding a kind is its folder and one line in ``BUILT_IN`` (a test or a plug-in
calls ``register``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .content.problems import ContentError, Problem

if TYPE_CHECKING:  # reading TOML loads its parsers: only when a file is loaded
    from .content.revision_source import ContentRef
    from .content.source import TomlSource

#: The kinds shipped with ikudoc, by the module that declares each (as ``KIND``), in the order commands
#: list them; the first is the kind of a content file that no other kind's table marks.
BUILT_IN = ("ikudoc.iku", "ikudoc.perjanjian", "ikudoc.lkjip")


@dataclass(frozen=True)
class Hook:
    """A function (or class) of a kind, named by its module and attribute and imported when first used."""

    module: str
    name: str

    @property
    def target(self) -> Any:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, *args, **kwargs):
        return self.target(*args, **kwargs)


def resolved(value: Any) -> Any:
    """What a kind's field names: the attribute a Hook points at, or the value itself."""
    return value.target if isinstance(value, Hook) else value


@dataclass(frozen=True)
class Example:
    """A commented example content file that ``ikudoc init`` writes into a new project."""

    bentuk: str  # the form of project it belongs to: "opd", "pemda"
    nama: str  # its file name under content/
    berkas: Path  # the example shipped with ikudoc


@dataclass(frozen=True)
class DocumentKind:
    """What ikudoc knows of one kind of document. The callables take and return the kind's own objects:
    ``load(toml, ref)`` -> the validated document (ContentError with every problem); ``check(document,
    toml)`` -> its problems; ``context(document, layout)`` -> a render.Rendering; ``compare(old, new,
    old_label, new_label)`` and ``summarize(document, label)`` -> a revisions.Comparison."""

    key: str  # how files and commands name it: "iku", "pk"
    label: str  # how messages name it: "IKU", "Perjanjian Kinerja"
    short: str  # its abbreviation in messages: "IKU", "PK"
    marker: str | None  # the table that marks its content files; None: the files no other kind marks
    load: Callable
    check: Callable
    context: Callable
    word_template: str  # the Word template it is rendered through: "iku.docx"
    page_template: str  # the HTML page (also what ``ikudoc watch`` shows): "iku.html.j2"
    schema_name: str  # its JSON Schema's file name: "ikudoc.schema.json"
    schema_title: str
    model: Any  # the pydantic model of its content file (for the schema), or a Hook to it
    compare: Callable | None = None  # two documents -> Comparison; None: ``diff`` does not compare them
    summarize: Callable | None = None  # one document -> the changes it records itself (a revision's)
    next_year: Callable | None = None  # ``ikudoc new --KEY YEAR``: (source, year, target, date, **more) -> New
    latest: Callable | None = None  # (folder) -> the content file of this kind with the latest year there
    revise: Callable | None = None  # ``ikudoc new BARU --from LAMA``: (source, target, label, date) -> New
    examples: tuple[Example, ...] = ()

    @property
    def templates(self) -> tuple[str, str]:
        """The Word and the page template."""
        return self.word_template, self.page_template


_kinds: dict[str, DocumentKind] = {}  # by key, in registration order


def register(kind: DocumentKind) -> DocumentKind:
    """Add ``kind`` (after the built-in ones); a kind registered again under its key replaces the old one."""
    _built_in()
    _kinds[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    _kinds.pop(key, None)


def _built_in() -> None:
    if not _kinds:
        for module in BUILT_IN:
            kind = importlib.import_module(module).KIND
            _kinds[kind.key] = kind


def kinds() -> Iterator[DocumentKind]:
    """Every kind, the default one first."""
    _built_in()
    yield from _kinds.values()


def kind(key: str) -> DocumentKind:
    _built_in()
    return _kinds[key]


def kind_of(data: dict) -> DocumentKind:
    """The kind of the content file whose TOML data is ``data``: the first whose table it has, else the
    default kind."""
    every = list(kinds())
    return next((k for k in every if k.marker is not None and k.marker in data), every[0])


@dataclass(frozen=True)
class Loaded:
    """A content file loaded: its kind, the validated document, and the source whose lines its problems name."""

    kind: DocumentKind
    document: Any
    toml: TomlSource
    unfilled: tuple[Problem, ...] = ()  # values still to replace (load_checked): a draft, not one to sign


def require_kind(toml: TomlSource, key: str) -> DocumentKind:
    """The kind of ``toml``, which must be ``key``: a file of another kind is refused (ContentError
    "bukan-KEY") where only that kind will do, such as the IKU a Perjanjian Kinerja names."""
    found, wanted = kind_of(toml.data), kind(key)
    if found.key != key:
        where = (found.marker,) if found.marker else ()
        marked = f" ([{found.marker}])" if found.marker else ""
        raise ContentError([Problem(toml.path, toml.line_of(where), where, f"berkas ini {found.label}{marked}, bukan "
                                    f"{wanted.label}; sebutkan berkas {wanted.label}", f"bukan-{key}")])
    return found


def load(ref: ContentRef, key: str | None = None) -> Loaded:
    """The content ``ref`` holds, as the kind it is (which must be ``key`` when given)."""
    from .content.source import parse_toml

    toml = parse_toml(ref.data, Path(ref.label))
    found = require_kind(toml, key) if key else kind_of(toml.data)
    return Loaded(found, found.load(toml, ref), toml)


def load_checked(ref: ContentRef) -> Loaded:
    """``load``, refusing the content (ContentError) also on an error of its kind's checks: what a build,
    or a new file made from it, needs. What keeps it a draft (content.rules.DRAFT_CODES: values a scaffold
    marked to replace, guesses of import to verify) does not refuse it (a draft is worth looking at, and its
    next revision keeps them): they come back as warnings in ``unfilled``, which check reports as errors."""
    from .content.problems import DRAFT_CODES, WARNING

    loaded = load(ref)
    problems = loaded.kind.check(loaded.document, loaded.toml)
    errors = [problem for problem in problems if problem.is_error and problem.code not in DRAFT_CODES]
    if errors:
        raise ContentError(errors)
    return replace(loaded, unfilled=tuple(replace(problem, severity=WARNING) for problem in problems
                                          if problem.code in DRAFT_CODES))
