"""Value catalogues: families of public values that players tag in a round.

The model only, declared once as msgspec Structs: the same classes are what the
catalogue file holds (``models.CatalogueFile`` adds its ``format``), what a deck's own
``values`` are, what the save's deck snapshot stores and what the game uses. The
validator's field table and the JSON Schema are read from these declarations
(``models``). Reading catalogue files is in ``catalogue_file`` (which needs the YAML
and schema machinery that reading a save does not).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated

from msgspec import Struct

from goedwerk_tui.domain.declare import Slug, items, plain, slug, text
from goedwerk_tui.domain.text import LocalText

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "catalogues"
BUILTIN_IDS = ("kernaghan-2003", "jorgensen-bozeman-2007")


class Family(Struct, frozen=True, kw_only=True, gc=False):
    """A group of values in a catalogue."""

    id: Annotated[str, slug("The family's id, unique in the catalogue.")]
    name: Annotated[LocalText, text("The family's name.")]
    description: Annotated[
        LocalText | None, text("What the values of this family have in common.")
    ] = None


class PublicValue(Struct, frozen=True, kw_only=True, gc=False):
    """A public value players can tag; a deck may add its own."""

    id: Annotated[str, slug("The value's id, used in cards' `values` lists.")]
    name: Annotated[LocalText, text("The value's name as players see it.")]
    families: Annotated[
        tuple[Slug, ...], items("Ids of the families this value belongs to (one or more).", 1)
    ]
    description: Annotated[
        LocalText | None, text("One sentence on what the value asks of a civil servant.")
    ] = None
    related: Annotated[
        tuple[Slug, ...],
        items("Ids of related values (for a main value, as in Jørgensen & Bozeman)."),
    ] = ()


CatalogueId = Annotated[str, slug("The catalogue's id.")]
CatalogueTitle = Annotated[LocalText, text("The catalogue's title.")]
CatalogueSource = Annotated[str, plain("The citation of the work the catalogue comes from.")]
Families = Annotated[tuple[Family, ...], items("The families (groups) of values.", 1)]
Values = Annotated[tuple[PublicValue, ...], items("The public values.", 1)]
CatalogueDescription = Annotated[LocalText | None, text("What the catalogue is and how to use it.")]


class ValueCatalogue(Struct, frozen=True, kw_only=True, dict=True):
    """A catalogue as its file holds it (without ``format``), in the file's order."""

    # dict=True: room for the cached ``by_id`` beside the declared fields
    id: CatalogueId
    title: CatalogueTitle
    source: CatalogueSource
    description: CatalogueDescription = None
    families: Families
    values: Values

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
            id=self.id,
            title=self.title,
            source=self.source,
            description=self.description,
            families=self.families,
            values=values,
        )
