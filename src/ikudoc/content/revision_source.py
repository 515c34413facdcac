"""Find a content file by what the user typed: a path, or a git revision of one
("HEAD~1:content/iku_2024.toml", "v2022:content/iku_2024.toml", or a bare "v2022" meaning the same path).
Typed the Windows way too: "HEAD:content\\iku_2024.toml" is that file in git, and "C:\\...\\iku.toml" is a
file (when it is not there, the file is not found), never revision "C".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .git import run_git
from .problems import FileFailure, IkudocError
from .regular_file import NotARegularFile, read_regular


class RevisionError(IkudocError):
    """A file or git revision that cannot be read; the message is Indonesian."""


class NothingChanged(Exception):
    """Two revisions between which no content file changed: nothing to compare, and so no difference
    (an answer, not an error); the message says so in Indonesian."""


@dataclass(frozen=True)
class ContentRef:
    """Content bytes and where they came from."""

    label: str  # as the user would type it again
    data: bytes
    folder: Path  # working-tree folder its relative paths (lambang, menggantikan) refer to
    revision: str | None = None  # the git revision it was read from; None for the working tree


#: The largest content file read: a content file of thousands of indicators is a few megabytes.
CONTENT_LIMIT = 64 << 20


def file_ref(path: Path, label: str | None = None) -> ContentRef:
    """The content file ``path``, which must be a regular file (a device or a FIFO is refused unread)."""
    try:
        return ContentRef(label or str(path), read_regular(path, CONTENT_LIMIT), path.parent)
    except OSError as error:
        raise FileFailure(label or path, error, reading=True) from None
    except NotARegularFile as error:
        raise RevisionError(f"{label or path} {error}") from None


def is_drive_path(spec: str) -> bool:
    """A Windows path starting with its drive: C:\\... or C:/..."""
    return len(spec) > 2 and spec[0].isascii() and spec[0].isalpha() and spec[1] == ":" and spec[2] in "\\/"


def names_revision(spec: str) -> bool:
    """Whether ``spec`` is REVISION:PATH, a file of a git revision (a path with its drive is not)."""
    return ":" in spec and not is_drive_path(spec)


def resolve(spec: str, same_path: Path | None = None, base: Path = Path(".")) -> ContentRef:
    """The content ``spec`` names, relative to the folder ``base``.

    An existing file wins; otherwise ``REV:PATH`` is read from git (PATH from the repository's top,
    as git itself reads it), and a bare ``REV`` means the file ``same_path`` at that revision."""
    candidate = base / spec
    if candidate.is_file():
        return file_ref(candidate, spec if base == Path(".") else str(candidate))
    if candidate.is_dir():
        raise RevisionError(f"{spec} adalah folder; sebutkan berkas kontennya (.toml)")
    if is_drive_path(spec) or (candidate.suffix == ".toml" and not names_revision(spec)):
        raise RevisionError(f"berkas {spec} tidak ditemukan")
    if names_revision(spec):
        revision, path = spec.split(":", 1)
        path = path.replace("\\", "/")  # typed the Windows way: git names every path with "/"
        if not revision or not path.strip(". /"):
            raise RevisionError(f"'{spec}' harus ditulis REVISI:jalur/berkas.toml, "
                                "misalnya HEAD~1:content/iku_2024.toml")
        root = _repository_root(base, spec)
        return _from_git(root, revision, path, f"{revision}:{path}")
    if same_path is not None:
        root = _repository_root(base, spec)
        path = _in_repository(root, base / same_path, spec)
        return _from_git(root, spec, path, f"{spec}:{path}")
    raise RevisionError(f"'{spec}' bukan berkas; untuk revisi git sebutkan juga berkasnya: {spec}:content/NAMA.toml")


def resolve_relative(spec: str, parent: ContentRef) -> ContentRef:
    """``spec`` as written inside ``parent`` (its ``menggantikan``): a plain path inside a git
    revision is read from that same revision."""
    if parent.revision is not None and not names_revision(spec) and not is_drive_path(spec):
        root = _repository_root(parent.folder, spec)
        path = _in_repository(root, parent.folder / spec, spec)
        return _from_git(root, parent.revision, path, f"{parent.revision}:{path}")
    return resolve(spec, base=parent.folder)


def _changed_content(base: Path, old: str, new: str) -> list[str]:
    """The content files (content/*.toml, as git names them) that differ between two revisions."""
    root = _repository_root(base, old)
    for revision in (old, new):
        _require_revision(root, revision)
    listed = run_git(["diff", "--name-only", old, new, "--", "content/*.toml"], root)
    return [name for name in listed.stdout.decode(errors="replace").splitlines() if name]


def _repository_root(folder: Path, label: str) -> Path:
    top = run_git(["rev-parse", "--show-toplevel"], folder if folder.is_dir() else Path("."))
    if top.returncode != 0:
        raise RevisionError(f"{label}: folder {folder} bukan bagian dari repositori git")
    return Path(top.stdout.decode().strip())


def _in_repository(root: Path, path: Path, label: str) -> str:
    """A working-tree path as git names it in a revision: from the repository's top, with slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise RevisionError(f"{label}: berkas {path} berada di luar repositori git {root}") from None


def _require_revision(root: Path, revision: str, label: str | None = None) -> None:
    if run_git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root).returncode != 0:
        raise RevisionError(f"{label + ': ' if label else ''}revisi git '{revision}' tidak ada")


def _from_git(root: Path, revision: str, path: str, label: str) -> ContentRef:
    _require_revision(root, revision, label)
    shown = run_git(["show", f"{revision}:{path}"], root)
    if shown.returncode != 0:
        raise RevisionError(f"{label}: berkas {path} tidak ada di revisi '{revision}'")
    return ContentRef(label, shown.stdout, (root / path).parent, revision)


def resolve_pair(old: str, new: str, base: Path = Path(".")) -> tuple[ContentRef, ContentRef]:
    """OLD and NEW of ``ikudoc diff``. A bare revision means the file the other one names (a working
    file, or the path of a REV:PATH), or else the only content file, or else, between two bare
    revisions, the only content file that differs between them."""

    def bare(spec: str) -> bool:
        return ":" not in spec and not (base / spec).exists() and not spec.endswith(".toml")

    def complete(spec: str, other: str) -> ContentRef:
        if not bare(spec):
            return resolve(spec, base=base)
        if (base / other).is_file():
            return resolve(spec, Path(other), base)
        if names_revision(other):
            return resolve(f"{spec}:{other.split(':', 1)[1]}", base=base)
        candidates = sorted((base / "content").glob("*.toml"))
        if len(candidates) == 1:
            return resolve(spec, candidates[0].relative_to(base), base)
        if bare(other):
            changed = _changed_content(base, spec, other)
            if len(changed) == 1:
                return resolve(f"{spec}:{changed[0]}", base=base)
            if changed:
                raise RevisionError(f"{len(changed)} berkas konten berbeda antara {old} dan {new} "
                                    f"({', '.join(changed)}); sebutkan satu, misalnya {spec}:{changed[0]}")
            raise NothingChanged(f"Tidak ada berkas konten (content/*.toml) yang berubah antara {old} dan {new}.")
        raise RevisionError(f"ada {len(candidates)} berkas konten; sebutkan berkasnya, misalnya "
                            f"{spec}:content/iku_2024.toml" if candidates else
                            f"sebutkan berkas kontennya, misalnya {spec}:content/iku_2024.toml")

    return complete(old, new), complete(new, old)
