"""Render template variables into one self-contained HTML file through a page template (templates/iku.html.j2,
pk.html.j2, ...).

Everything from the content is escaped by Jinja's autoescape; the only markup that reaches the page
unescaped is what the ``teks`` filter builds from parsed runs, around escaped text.
"""

from __future__ import annotations

import base64
import mimetypes
from functools import cache
from pathlib import Path

import jinja2
import jinja2.meta
from markupsafe import Markup, escape

from ..content.markup import Runs
from .rendering import Image
from .template_files import FONT_VARIABLE, compiled_templates_cache, jinja_loader


def runs_to_html(runs: Runs) -> Markup:
    """Runs -> inline HTML: <strong>, <em>, <br>.

    A space between a plain run and a styled one goes inside the styled element ("adalah<strong>
    “Meningkatnya"): WeasyPrint can break a line at the wrong place when a text ends in a space just
    before an inline element that does not fit ("tujuan yang / ingin / dicapai")."""
    html = Markup()
    carried = ""  # a plain run's trailing space, moved into the styled run after it
    for index, run in enumerate(runs):
        if run.baris_baru:
            html += Markup("<br>")
            continue
        text = carried + run.teks
        carried = ""
        following = runs[index + 1] if index + 1 < len(runs) else None
        styled = run.tebal or run.miring
        if not styled and following is not None and (following.tebal or following.miring) and text.endswith(" "):
            text, carried = text.rstrip(" "), " "
        piece = escape(text)
        if run.miring:
            piece = Markup("<em>%s</em>") % piece
        if run.tebal:
            piece = Markup("<strong>%s</strong>") % piece
        html += piece
    return html


def embedded_image(image: Path | Image, width_mm: float) -> Markup:
    """An image file (or one a kind made) as an <img> with a data: URL, so the page needs no other file."""
    if isinstance(image, Image):
        kind, raw = image.mime, image.data
    else:
        kind, raw = mimetypes.guess_type(image.name)[0] or "image/png", image.read_bytes()
    data = base64.b64encode(raw).decode("ascii")
    return Markup('<img src="data:{};base64,{}" style="width: {}mm" alt="">').format(kind, data, width_mm)


def environment(templates: Path) -> jinja2.Environment:
    """The page templates of ``templates`` (then the shipped ones), one environment per folder for the
    whole process: a template is compiled once, and again only when its file changes (auto_reload)."""
    return _environment(templates.resolve())


@cache
def _environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja_loader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        bytecode_cache=compiled_templates_cache(),
    )
    env.filters["teks"] = runs_to_html
    env.filters["gambar"] = embedded_image
    # The stylesheet is inlined as it is: CSS is not HTML and must not be escaped.
    env.filters["css"] = lambda name: Markup(env.loader.get_source(env, name)[0])
    return env


def undeclared_variables(templates: Path, name: str) -> set[str]:
    """The variables a page template uses without defining them: the context must provide them."""
    env = environment(templates)
    return jinja2.meta.find_undeclared_variables(env.parse(env.loader.get_source(env, name)[0]))


def render_html(context: dict, templates: Path, font_family: str, name: str, **extra) -> bytes:
    """The document page (or the page ``name`` that extends it, with ``extra`` variables); ``font_family``
    is a CSS font-family, the Word template's font."""
    page = environment(templates).get_template(name)
    return page.render(context, **{FONT_VARIABLE: font_family}, **extra).encode("utf-8")
