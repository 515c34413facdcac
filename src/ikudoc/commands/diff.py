"""``ikudoc diff``: what changed between two revisions of a content file (files or git revisions), by
the comparison of their kind, or what one revision records of its own changes."""

from __future__ import annotations

from .. import documents
from ..content.problems import ContentError, IkudocError
from ..content.revision_source import resolve, resolve_pair
from ..revisions.comparison import Comparison

#: What diff says when a content file has problems.
UNUSABLE = "konten bermasalah; perbandingan tidak dibuat."


class DiffRefused(IkudocError):
    """The two files cannot be compared; the message says why, in Indonesian."""


def comparison(old: str, new: str | None) -> Comparison:
    """The changes from ``old`` to ``new``; with ``old`` alone, what that revision changed itself."""
    try:
        return _comparison(old, new)
    except ContentError as error:
        raise error.because(UNUSABLE) from None


def _comparison(old: str, new: str | None) -> Comparison:
    if new is None:
        ref = resolve(old)
        loaded = documents.load(ref)
        kind = loaded.kind
        if kind.summarize is None:
            raise DiffRefused(f"{ref.label} adalah {kind.label}: sebutkan dua {kind.short} untuk dibandingkan, "
                              f"misalnya ikudoc diff content/{kind.key}_2024.toml content/{kind.key}_2025.toml")
        return kind.summarize(loaded.document, ref.label)
    old_ref, new_ref = resolve_pair(old, new)
    was, now = documents.load(old_ref), documents.load(new_ref)
    if was.kind.key != now.kind.key:
        a, b = was.kind, now.kind
        raise DiffRefused(f"{old_ref.label} dan {new_ref.label} bukan dokumen sejenis ({a.label} dan {b.label}); "
                          f"bandingkan {a.short} dengan {a.short}, {b.short} dengan {b.short}")
    if was.kind.compare is None:
        raise DiffRefused(f"{was.kind.label} belum bisa dibandingkan")
    return was.kind.compare(was.document, now.document, old_ref.label, new_ref.label)
