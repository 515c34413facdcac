"""The Word template's XML parts are compiled by Jinja once, then read from the cache on disk by every
later process: compiling them is most of a cold build's rendering time."""

from __future__ import annotations

import jinja2

from ikudoc.render.docx.writer import _WordEnvironment


def test_each_word_part_is_read_back_from_the_cache_by_a_new_process(tmp_path, monkeypatch):
    parts = ["<w:body>{{ judul }}</w:body>", "<w:hdr>{{ nama }}</w:hdr>", "<w:ftr>{{ judul }} {{ nama }}</w:ftr>"]

    def fresh_environment() -> _WordEnvironment:  # what a new process starts with
        return _WordEnvironment(bytecode_cache=jinja2.FileSystemBytecodeCache(str(tmp_path)))

    first = fresh_environment()
    for part in parts:
        first.from_string(part)
    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, source, *args, **kwargs: compiled.append(source) or original(
                            self, source, *args, **kwargs))
    second = fresh_environment()
    rendered = [second.from_string(part).render(judul="IKU", nama="Dinas") for part in parts]
    assert compiled == [], "every part was found in the cache"
    assert rendered == ["<w:body>IKU</w:body>", "<w:hdr>Dinas</w:hdr>", "<w:ftr>IKU Dinas</w:ftr>"]
    assert len(list(tmp_path.iterdir())) == len(parts), "one cache file per part"
