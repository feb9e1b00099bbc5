"""The ``goedwerk`` command. Parses arguments; imports the UI only for commands that need it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TypeAlias

from goedwerk_tui import __version__
from goedwerk_tui.locations import DEFAULT_DECK_ID

LANG_CHOICES = ("nl", "en")
AUTHORING = frozenset({"validate", "schema", "values", "new-deck", "show"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goedwerk",
        description="Goed Werk: a dilemma-card game for teams in public administration. "
        "Without a command, opens the home screen.",
    )
    parser.add_argument("--version", action="version", version=f"goedwerk {__version__}")
    parser.add_argument(
        "--lang", choices=LANG_CHOICES, help="language of the screens and messages (default nl)"
    )
    parser.add_argument(
        "--save-dir", metavar="DIR", help="folder for saves (default: $GOEDWERK_SAVES or ./saves)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_play(sub)
    _add_sessions(sub)
    _add_report(sub)
    _add_authoring(sub)
    return parser


# what add_subparsers returns (argparse names it privately; typeshed types it)
_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_lang(command: argparse.ArgumentParser, what: str = "language (nl or en)") -> None:
    """``--lang`` after the command as well as before it."""
    command.add_argument("--lang", choices=LANG_CHOICES, dest="sub_lang", help=what)


def _add_play(sub: _Commands) -> None:
    play = sub.add_parser("play", help="start a session straight into the first card")
    play.add_argument(
        "deck",
        metavar="DECK",
        nargs="?",
        default=DEFAULT_DECK_ID,
        help=f"a deck file or the id of a bundled deck (default: {DEFAULT_DECK_ID})",
    )
    play.add_argument("--team", action="append", default=[], metavar="NAME", help="a team (repeat)")
    play.add_argument("--cards", type=int, metavar="N", help="how many cards to play")
    play.add_argument("--shuffle", action="store_true", help="deal in random order")
    play.add_argument(
        "--seed", type=int, metavar="N", help="seed for --shuffle (same seed, same deal)"
    )
    play.add_argument("--timer", type=int, metavar="SECONDS", help="time limit per card")
    play.add_argument(
        "--no-measure",
        dest="measure",
        action="store_false",
        help="no before/after measure of ownership, meaningfulness and identification",
    )
    _add_lang(play)
    play.add_argument("--save-dir", dest="sub_save_dir", metavar="DIR", help="folder for saves")
    _add_live(play)


def _add_live(command: argparse.ArgumentParser) -> None:
    """``--live`` and its options, for ``play`` and ``resume``."""
    command.add_argument(
        "--live", action="store_true", help="teams answer on their own phones (local network)"
    )
    command.add_argument(
        "--bind",
        metavar="HOST:PORT",
        help="where the live session listens (default 0.0.0.0:8765; 127.0.0.1:0 = a free port)",
    )
    command.add_argument("--tls-cert", metavar="FILE", help="serve https with this certificate")
    command.add_argument("--tls-key", metavar="FILE", help="the private key of --tls-cert")


def _add_sessions(sub: _Commands) -> None:
    resume = sub.add_parser("resume", help="continue an interrupted session")
    resume.add_argument("save", metavar="SAVE")
    _add_lang(resume)
    _add_live(resume)
    replay = sub.add_parser("replay", help="walk through saved sessions for a debrief")
    replay.add_argument("saves", metavar="SAVE", nargs="+")
    _add_lang(replay)


def _add_report(sub: _Commands) -> None:
    report = sub.add_parser("report", help="write a debrief report of saved sessions")
    report.add_argument("saves", metavar="SAVE", nargs="+")
    report.add_argument(
        "--format",
        choices=("md", "html", "csv", "xlsx", "json"),
        help="default: from the -o file's extension (.md .html .csv .xlsx .json), else md",
    )
    report.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    report.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        metavar="SEP",
        help="CSV column separator: ',' (default), ';' (Dutch Excel) or 'tab'",
    )
    report.add_argument(
        "--sheet",
        choices=("choices", "variations", "measures"),
        help="CSV table: the choices (default), the 'What if...?' variations or the measure",
    )
    _add_lang(report)


def _add_authoring(sub: _Commands) -> None:
    validate = sub.add_parser("validate", help="check decks and catalogues")
    validate.add_argument("paths", metavar="PATH", nargs="+")
    _add_lang(validate, "language of the messages")
    schema = sub.add_parser("schema", help="print the JSON Schema of the deck format")
    schema.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    _add_lang(schema, "language of the messages")
    values = sub.add_parser("values", help="list a value catalogue")
    values.add_argument("catalogue", nargs="?", default="kernaghan-2003", metavar="CATALOGUE")
    _add_lang(values)
    new_deck = sub.add_parser("new-deck", help="write a commented starter deck")
    new_deck.add_argument("path", metavar="PATH")
    _add_lang(new_deck)
    show = sub.add_parser("show", help="preview a card or a deck as players see it")
    show.add_argument("deck", metavar="DECK")
    show.add_argument("card", metavar="CARD-ID", nargs="?")
    show.add_argument("--reflection", action="store_true", help="include the reflection")
    _add_lang(show)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = getattr(args, "sub_lang", None) or args.lang
    save_dir = getattr(args, "sub_save_dir", None) or args.save_dir
    from goedwerk_tui.domain.errors import GoedwerkError

    try:
        return _run(args, lang, save_dir)
    except GoedwerkError as exc:  # one line in the user's language (Dutch by default)
        print(f"goedwerk: {exc.message(lang or 'nl')}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def _check_live_options(args: argparse.Namespace) -> None:
    """``--bind`` and ``--tls-*`` belong to ``--live``: without it they are refused, not
    silently ignored (a facilitator who typed them expects phones to join)."""
    given = [
        flag
        for flag, value in (
            ("--bind", getattr(args, "bind", None)),
            ("--tls-cert", getattr(args, "tls_cert", None)),
            ("--tls-key", getattr(args, "tls_key", None)),
        )
        if value is not None
    ]
    if given and not getattr(args, "live", False):
        from goedwerk_tui.domain.errors import CommandError

        raise CommandError("live.cli.needs_live", options=", ".join(given))


def _run(args: argparse.Namespace, lang: str | None, save_dir: str | None) -> int:
    command = args.command
    if command == "report":  # reads saves only: no deck or YAML machinery
        from goedwerk_tui.report.command import run_report

        return run_report(
            args.saves, args.format, args.output, lang, args.delimiter, sheet=args.sheet
        )
    if command not in AUTHORING:
        _check_live_options(args)
        from goedwerk_tui.ui.launch import launch

        return launch(args, lang, save_dir)
    from goedwerk_tui import authoring

    if command == "validate":
        return authoring.validate_paths(args.paths, sys.stdout, sys.stderr, lang or "nl")
    if command == "schema":
        return authoring.write_schema(args.output, sys.stdout)
    if command == "values":
        return authoring.print_values(args.catalogue, lang or "nl", sys.stdout)
    if command == "new-deck":
        return authoring.new_deck(args.path, lang or "nl")
    return authoring.show(args.deck, args.card, lang, args.reflection, sys.stdout)
