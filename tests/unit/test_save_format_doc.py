"""docs/save-format.md says what the save structs declare: every event, every key.

The structs of ``events.py`` are the declaration of ``goedwerk-save/1`` and
``snapshot.py``'s ``DeckSnapshot`` that of the deck in its first line; the page is
what tool writers read. These tests fail, naming what differs, when a struct gains,
loses or changes a field that the page does not follow: each table lists exactly
the struct's fields, *required* exactly when a field has no default, and a field
with a default says which.
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Annotated, Union, get_args, get_origin

import msgspec
import pytest

from goedwerk_tui.domain.events import EVENT_TYPES, Event
from goedwerk_tui.domain.snapshot import CatalogueSnapshot, DeckSnapshot, enc_hook

DOC = Path(__file__).resolve().parents[2] / "docs" / "save-format.md"
STAMPS = frozenset(field.name for field in msgspec.structs.fields(Event))  # seq, ts


def tag_of(event: type[Event]) -> str:
    """The ``event`` key of a struct's lines: ``card_dealt``..."""
    tag = event.__struct_config__.tag
    assert isinstance(tag, str)
    return tag


ROW = re.compile(r"^\| `([a-z_]+)` \|([^|]*)\|(.*)\|\s*$")


def section(text: str, number: int) -> str:
    """The text of section ``number`` (``## N. ...``) up to the next ``## `` heading."""
    found = re.search(rf"^## {number}\. .*?(?=^## |\Z)", text, re.M | re.S)
    assert found is not None, f"docs/save-format.md has no section {number}"
    return found.group(0)


def under(text: str, heading: str | None) -> str:
    """The part of ``text`` below ``### heading`` up to the next heading; with None,
    the part before the first ``###``."""
    if heading is None:
        return text.split("\n### ", 1)[0]
    parts = re.split(r"^### (.*)$", text, flags=re.M)
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        if title.strip() == heading:
            return body
    raise AssertionError(f"docs/save-format.md has no heading '### {heading}'")


def rows(text: str) -> dict[str, tuple[str, str]]:
    """A table's rows by key: the type cell and the meaning cell."""
    found: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        row = ROW.match(line)
        if row is not None:
            assert row.group(1) not in found, f"'{row.group(1)}' is listed twice"
            found[row.group(1)] = (row.group(2), row.group(3))
    return found


def default_json(field: msgspec.structs.FieldInfo) -> str:
    """A field's default as the JSON the page writes it in: ``""``, ``null``, ``[]``..."""
    default = field.default_factory() if field.default is msgspec.NODEFAULT else field.default
    return msgspec.json.encode(default, enc_hook=enc_hook).decode()


def nested_structs(kind: object) -> list[type[msgspec.Struct]]:
    """The structs a field's type holds (in a list, an option, an annotation)."""
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return [kind]
    if get_origin(kind) in (Annotated, Union, types.UnionType, list, tuple):
        args = get_args(kind)[:1] if get_origin(kind) is Annotated else get_args(kind)
        return [struct for arg in args for struct in nested_structs(arg)]
    return []


def problems(
    name: str, struct: type[msgspec.Struct], table: dict[str, tuple[str, str]]
) -> list[str]:
    """What the table of ``struct`` (documented as ``name``) gets wrong, one line each."""
    fields = [field for field in msgspec.structs.fields(struct) if field.name not in STAMPS]
    declared = {field.encode_name for field in fields}
    found = [f"{name}: '{key}' is not documented" for key in declared - table.keys()]
    found += [f"{name}: '{key}' is documented but not declared" for key in table.keys() - declared]
    for field in fields:
        if field.encode_name not in table:
            continue
        kind, meaning = table[field.encode_name]
        if field.required != ("*required*" in kind):
            said = "required" if field.required else "not required"
            found.append(f"{name}: '{field.encode_name}' is {said} in the struct")
        if not field.required and f"default `{default_json(field)}`" not in kind:
            found.append(
                f"{name}: '{field.encode_name}' should say default `{default_json(field)}`"
            )
        for inner in nested_structs(field.type):
            if inner in (DeckSnapshot, CatalogueSnapshot):
                continue  # documented in tables of their own
            for key in (sub.encode_name for sub in msgspec.structs.fields(inner)):
                if f"`{key}`" not in meaning:
                    found.append(f"{name}: '{field.encode_name}' does not name its key '{key}'")
    return sorted(found)


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("event", EVENT_TYPES, ids=lambda event: event.__name__)
def test_each_event_has_its_heading_and_exactly_its_keys(doc: str, event: type[Event]) -> None:
    tag = tag_of(event)
    table = rows(under(section(doc, 4), f"`{tag}`"))
    wrong = problems(tag, event, table)
    assert not wrong, "docs/save-format.md section 4: " + "; ".join(wrong)


def test_the_keys_of_every_line_are_in_section_2(doc: str) -> None:
    table = rows(section(doc, 2))
    assert set(table) == {"event", *STAMPS}


def test_section_4_has_no_heading_for_an_event_that_does_not_exist(doc: str) -> None:
    headings = re.findall(r"^### `([a-z_]+)`", section(doc, 4), re.M)
    assert sorted(headings) == sorted(tag_of(event) for event in EVENT_TYPES)


@pytest.mark.parametrize(
    ("heading", "struct"), [(None, DeckSnapshot), ("`catalogue`", CatalogueSnapshot)]
)
def test_the_deck_snapshot_tables_list_exactly_its_keys(
    doc: str, heading: str | None, struct: type[msgspec.Struct]
) -> None:
    table = rows(under(section(doc, 5), heading))
    wrong = problems(heading or "deck", struct, table)
    assert not wrong, "docs/save-format.md section 5: " + "; ".join(wrong)


def test_a_field_added_to_an_event_is_named_as_missing(doc: str) -> None:
    """What the tests above say when the page falls behind a struct."""

    class Grown(Event, tag="note_added", kw_only=True, frozen=True):
        round: int
        card: str
        text: str
        mood: str = "calm"

    table = rows(under(section(doc, 4), "`note_added`"))
    assert problems("note_added", Grown, table) == [
        "note_added: 'mood' is not documented",
    ]
