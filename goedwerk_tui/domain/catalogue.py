"""Value catalogues: families of public values that players tag in a round.

The model only; reading catalogue files is in ``catalogue_file`` (which needs the YAML
and schema machinery that reading a save does not).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from goedwerk_tui.domain.text import LocalText

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "catalogues"
BUILTIN_IDS = ("kernaghan-2003", "jorgensen-bozeman-2007")


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    name: LocalText
    description: LocalText | None = None


@dataclass(frozen=True, slots=True)
class PublicValue:
    id: str
    name: LocalText
    families: tuple[str, ...]
    description: LocalText | None = None
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class ValueCatalogue:
    id: str
    title: LocalText
    source: str
    families: tuple[Family, ...]
    values: tuple[PublicValue, ...]
    description: LocalText | None = None

    def value(self, value_id: str) -> PublicValue | None:
        return self.by_id.get(value_id)

    @cached_property
    def by_id(self) -> dict[str, PublicValue]:
        return {v.id: v for v in self.values}

    def in_family(self, family_id: str) -> list[PublicValue]:
        return [v for v in self.values if family_id in v.families]

    def with_values(self, extra: tuple[PublicValue, ...]) -> ValueCatalogue:
        """This catalogue plus a deck's own values (a deck value replaces one of the same id)."""
        if not extra:
            return self
        ids = {v.id for v in extra}
        values = tuple(v for v in self.values if v.id not in ids) + extra
        return ValueCatalogue(
            self.id, self.title, self.source, self.families, values, self.description
        )
