"""What the importer was unsure of: one message per place of the content file (a key's location), written
above that key as a ``# PERIKSA:`` comment and counted in the summary the command prints.

A guess that must be checked before the document can be signed (who signs it, which agency it is) is
written ``# PERIKSA WAJIB:``: ``ikudoc check`` and ``build`` refuse the file while such a comment is
left in it (content.rules.no_unchecked_guess), so that the user reads it, checks the value, and deletes
the comment.
"""

from __future__ import annotations

from ..content.problems import Loc


class Periksa:
    def __init__(self) -> None:
        self.notes: dict[Loc, list[str]] = {}
        self.required: set[tuple[Loc, str]] = set()  # the notes that must be checked (PERIKSA WAJIB)

    def add(self, loc: Loc, message: str, required: bool = False) -> None:
        messages = self.notes.setdefault(tuple(loc), [])
        if message not in messages:
            messages.append(message)
        if required:
            self.required.add((tuple(loc), message))

    def at(self, loc: Loc) -> list[str]:
        return self.notes.get(tuple(loc), [])

    def is_required(self, loc: Loc, message: str) -> bool:
        return (tuple(loc), message) in self.required

    def __len__(self) -> int:
        return sum(len(messages) for messages in self.notes.values())
