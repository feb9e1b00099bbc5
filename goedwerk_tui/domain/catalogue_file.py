"""Reading value catalogue files (built-in or a trainer's own), with every mistake explained."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from goedwerk_tui.domain.catalogue import (
    BUILTIN_DIR,
    BUILTIN_IDS,
    Family,
    PublicValue,
    ValueCatalogue,
)
from goedwerk_tui.domain.diagnostics import FileProblem, did_you_mean
from goedwerk_tui.domain.models import CATALOGUE, build
from goedwerk_tui.domain.text import LocalText
from goedwerk_tui.domain.walker import Walker, valid, valid_items
from goedwerk_tui.domain.yamlsource import compose, read_text


def _text(value: Any, lang: str) -> LocalText | None:
    return LocalText.of(value, lang) if valid(value) else None


def build_value(data: dict[str, Any], lang: str) -> PublicValue:
    """A value with a valid ``id`` and ``name``, from its walked object."""
    return build(PublicValue, data, lang)


def check_values(
    values: list[dict[str, Any]],
    family_ids: set[str],
    w: Walker,
    known: Iterable[str] = (),
) -> None:
    """Ids unique, families known, related values known (``known``: a catalogue's ids)."""
    seen: dict[str, tuple[int, int]] = {}
    for value in values:
        if not valid(value.get("id")):
            continue
        if value["id"] in seen:
            w.error(
                value["@id"], "check.duplicate_value", value=value["id"], first=seen[value["id"]][0]
            )
        else:
            seen[value["id"]] = value["@id"]
    related_ok = set(known)
    for value in values:
        families = value.get("families")
        if valid(families):
            for fam, at in zip(families, families.marks, strict=True):
                if fam not in family_ids:
                    w.error(
                        at, "check.unknown_family", family=fam, hint=did_you_mean(fam, family_ids)
                    )
        related = value.get("related")
        if valid(related):
            for rel, at in zip(related, related.marks, strict=True):
                if rel not in seen and rel not in related_ok:
                    hint = did_you_mean(rel, [*seen, *related_ok])
                    w.error(at, "check.unknown_related", value=rel, hint=hint)


def parse_catalogue(text: str, display: str) -> tuple[ValueCatalogue | None, Walker]:
    """Validate catalogue text; the catalogue is None when there are errors."""
    w = Walker(display)
    root = compose(text, display)
    if root is None:
        w.error((1, 1), "check.catalogue_empty")
        return None, w
    data = CATALOGUE.walk(root, w)
    if not valid(data):
        return None, w
    families = [f for f in valid_items(data.get("families")) if valid(f.get("id"))]
    family_ids: set[str] = set()
    for family in families:
        if family["id"] in family_ids:
            w.error(family["@id"], "check.duplicate_family", family=family["id"])
        family_ids.add(family["id"])
    values = [v for v in valid_items(data.get("values")) if valid(v.get("id"))]
    check_values(values, family_ids, w)
    if any(d.is_error for d in w.diagnostics):
        return None, w
    lang = data.get("language") if valid(data.get("language")) else "nl"
    catalogue = build(
        ValueCatalogue,
        data,
        lang,
        families=tuple(build(Family, f, lang) for f in families),
        values=tuple(build_value(v, lang) for v in values),
    )
    return catalogue, w


def load_catalogue_file(path: Path, display: str | None = None) -> ValueCatalogue:
    """A catalogue file, or FileProblem with every mistake in it."""
    display = display or str(path)
    catalogue, w = parse_catalogue(read_text(path, display), display)
    if catalogue is None:
        raise FileProblem(w.diagnostics)
    return catalogue


@cache
def builtin_catalogue(catalogue_id: str) -> ValueCatalogue:
    """A built-in catalogue by id (KeyError when there is none)."""
    if catalogue_id not in BUILTIN_IDS:
        raise KeyError(catalogue_id)
    return load_catalogue_file(BUILTIN_DIR / f"{catalogue_id}.yaml", f"<built-in {catalogue_id}>")
