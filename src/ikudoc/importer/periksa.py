"""What the importer was unsure of: one message per place of the content file (a key's location), written
above that key as a ``# PERIKSA:`` comment and counted in the summary the command prints."""

from __future__ import annotations

from ..content.problems import Loc


class Periksa:
    def __init__(self) -> None:
        self.notes: dict[Loc, list[str]] = {}

    def add(self, loc: Loc, message: str) -> None:
        messages = self.notes.setdefault(tuple(loc), [])
        if message not in messages:
            messages.append(message)

    def at(self, loc: Loc) -> list[str]:
        return self.notes.get(tuple(loc), [])

    def __len__(self) -> int:
        return sum(len(messages) for messages in self.notes.values())
