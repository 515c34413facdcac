"""``ikudoc check``: every problem of a content file, by its kind's rules, and of the templates it would
be built through (a variable a project's own template uses that its kind does not provide, a table
that cannot fit its paper), without building it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import documents
from ..content.problems import ContentError, Problem
from ..content.revision_source import file_ref
from ..render.options import DEFAULT_OPTIONS, Options
from ..render.pipeline import check_templates, template_variables
from ..render.template_files import default_templates
from .build import rendering_of


@dataclass(frozen=True)
class Checked:
    """The problems of one content file, and their count by severity."""

    source: Path
    problems: tuple[Problem, ...]

    @property
    def galat(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def peringatan(self) -> int:
        return sum(p.is_warning for p in self.problems)

    @property
    def diabaikan(self) -> int:
        return sum(p.is_acknowledged for p in self.problems)

    @property
    def summary(self) -> str:
        acknowledged = f" ({self.diabaikan} lagi diabaikan sesuai [periksa] abaikan)" if self.diabaikan else ""
        return f"{self.source}: {self.galat} galat, {self.peringatan} peringatan{acknowledged}"


def check_file(source: Path, options: Options = DEFAULT_OPTIONS) -> Checked:
    """The problems of ``source``: loading it, its kind's rules, its templates and its table's fit
    (the paper and templates of ``options``). A file that cannot be read at all raises its IkudocError."""
    try:
        loaded = documents.load(file_ref(source))
    except ContentError as error:
        return Checked(source, tuple(error.problems))
    problems = loaded.kind.check(loaded.document, loaded.toml)
    try:
        rendering = rendering_of(loaded, options)
        problems += check_templates(options.templates or default_templates(), template_variables(rendering),
                                    loaded.kind.templates)
    except ContentError as error:
        problems += error.problems
    return Checked(source, tuple(problems))
