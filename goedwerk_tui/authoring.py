"""The trainers' commands: validate, schema, values, new-deck, show. No Textual here."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TextIO

from goedwerk_tui.deck_source import open_deck
from goedwerk_tui.domain.catalogue import BUILTIN_IDS, ValueCatalogue
from goedwerk_tui.domain.catalogue_file import (
    builtin_catalogue,
    load_catalogue_file,
    parse_catalogue,
)
from goedwerk_tui.domain.deck_loader import parse_deck
from goedwerk_tui.domain.diagnostics import Diagnostic, FileProblem, did_you_mean
from goedwerk_tui.domain.messages import Message
from goedwerk_tui.domain.models import deck_json_schema
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.domain.yamlsource import read_text
from goedwerk_tui.files import CommandError, atomic_write
from goedwerk_tui.i18n import t, tn
from goedwerk_tui.locations import resolve_deck, schema_path

_CATALOGUE_FORMAT_LINE = re.compile(r"^format:\s*[\"']?goedwerk-catalogue/", re.MULTILINE)


def validate_paths(paths: list[str], out: TextIO, err: TextIO, lang: str = "nl") -> int:
    """``goedwerk validate``: every mistake of every file (in ``lang``), 0 when all are valid."""
    errors = warnings = 0
    for name in paths:
        path = resolve_deck(name)  # a bundled deck's id, like every other DECK argument
        diagnostics = validate_file(path, name if path == Path(name) else str(path))
        for diagnostic in diagnostics:
            print(diagnostic.render(lang), file=out)
        errors += sum(d.is_error for d in diagnostics)
        warnings += sum(not d.is_error for d in diagnostics)
    summary = t(
        "validate.summary",
        lang,
        verdict=t("validate.failed" if errors else "validate.ok", lang),
        files=tn("validate.files", lang, len(paths)),
        errors=tn("validate.errors", lang, errors),
        warnings=tn("validate.warnings", lang, warnings),
    )
    print(summary, file=err)
    return 1 if errors else 0


def validate_file(path: Path, display: str) -> list[Diagnostic]:
    """The diagnostics of one deck or catalogue file (told apart by its ``format``)."""
    try:
        text = read_text(path, display)
    except FileProblem as problem:
        return problem.diagnostics
    if _CATALOGUE_FORMAT_LINE.search(text):
        try:
            diagnostics = parse_catalogue(text, display)[1].diagnostics
            return sorted(diagnostics, key=lambda d: (d.line, d.col))
        except FileProblem as problem:
            return problem.diagnostics
    return sorted(
        parse_deck(text, display, path.parent).diagnostics,
        key=lambda d: (d.path != display, d.path, d.line, d.col),
    )


def open_catalogue(ref: str) -> ValueCatalogue:
    if ref in BUILTIN_IDS:
        return builtin_catalogue(ref)
    path = Path(ref)
    if not path.exists() and "/" not in ref and not ref.endswith((".yaml", ".yml")):
        raise CommandError(
            "catalogue.unknown",
            ref=ref,
            hint=did_you_mean(ref, BUILTIN_IDS),
            builtin=", ".join(BUILTIN_IDS),
        )
    try:
        return load_catalogue_file(path, ref)
    except FileProblem as problem:
        raise CommandError("file.problem", problem=problem.first) from None


def schema_text() -> str:
    return json.dumps(deck_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(output: str | None, out: TextIO) -> int:
    text = schema_text()
    if output is None:
        out.write(text)
    else:
        atomic_write(Path(output), text)
    return 0


def print_values(ref: str, lang: str, out: TextIO) -> int:
    """``goedwerk values``: the catalogue as a table grouped by family."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    catalogue = open_catalogue(ref)
    console = Console(file=out, highlight=False, emoji=False)
    console.print(Text(sanitize(catalogue.title.get(lang)), style="bold"))
    console.print(Text(sanitize(catalogue.source), style="dim"))
    for family in catalogue.families:
        table = Table(
            title=Text(sanitize(family.name.get(lang)), style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            expand=True,
        )
        table.add_column(t("values.id", lang), style="cyan", no_wrap=True)
        table.add_column(t("values.value", lang), no_wrap=True)
        table.add_column(t("values.description", lang), ratio=1)
        for value in catalogue.in_family(family.id):
            description = Text(sanitize(value.description.get(lang) if value.description else ""))
            others = [f for f in value.families if f != family.id]
            if others:
                description.append(f" ({t('values.also_in', lang)}: {', '.join(others)})", "dim")
            if value.related:
                related = ", ".join(value.related)
                description.append(f" ({t('values.related', lang)}: {related})", "dim")
            table.add_row(Text(value.id), Text(sanitize(value.name.get(lang))), description)
        console.print(table)
    return 0


def show(ref: str, card_id: str | None, lang: str | None, reflection: bool, out: TextIO) -> int:
    """``goedwerk show``: a card, or the deck overview, as players will see it."""
    from rich.console import Console

    from goedwerk_tui.render.card_view import card_panel, deck_overview

    deck = open_deck(ref)
    lang = lang or deck.language
    width = 80 if not out.isatty() else min(100, os.get_terminal_size(out.fileno()).columns)
    console = Console(file=out, width=width, highlight=False, emoji=False)
    if card_id is None:
        console.print(deck_overview(deck, lang))
        return 0
    if card_id not in deck.cards_by_id:
        raise CommandError(
            "deck.no_card", ref=ref, card=card_id, hint=did_you_mean(card_id, deck.cards_by_id)
        )
    index = deck.cards.index(deck.card(card_id))
    console.print(
        card_panel(
            deck,
            deck.card(card_id),
            lang,
            number=index + 1,
            total=len(deck.cards),
            reflection=reflection,
        )
    )
    return 0


def new_deck(path_arg: str, lang: str) -> int:
    """``goedwerk new-deck``: a commented starter deck that validates as written."""
    from goedwerk_tui.starter_deck import starter_deck_text

    path = Path(path_arg)
    if path.exists():
        raise CommandError("file.exists", path=str(path))
    if not path.parent.is_dir():
        raise CommandError("file.no_folder", path=str(path.parent))
    schema = schema_path()
    ref = os.path.relpath(schema, path.parent.resolve()) if schema else None
    deck_id = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "mijn-deck"
    atomic_write(path, starter_deck_text(deck_id, lang, ref))
    print(Message("new_deck.written", path=str(path)).message(lang), file=sys.stderr)
    return 0
