"""Starting the Textual app for ``goedwerk``, ``play``, ``resume`` and ``replay``.

Everything that can fail on bad input (a broken deck, a damaged save) is checked
here first, so the user gets one clear line and exit code 1, not a half-drawn screen.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from goedwerk_tui.deck_source import read_ahead
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.messages import say
from goedwerk_tui.domain.savelog import Clock, utc_now
from goedwerk_tui.i18n import t
from goedwerk_tui.locations import saves_dir

if TYPE_CHECKING:  # the app is imported when it is built, not when this module is
    from goedwerk_tui.live.server import Listener
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.live_control import LiveControl


def build_app(
    args: argparse.Namespace,
    lang: str | None,
    save_dir: str | None,
    clock: Clock = utc_now,
) -> GoedWerkApp:
    """The app for these arguments (also used by tests).

    Raises a GoedwerkError (CommandError, SaveError, RuleError, LiveError) that
    ``cli.main`` says in the user's language. With ``--live`` the port is bound (and
    the certificate read) before the save is created or reopened: a port in use leaves
    no save behind.
    """
    command = args.command
    # before Textual is imported: a deck that is not cached is read meanwhile
    deck = read_ahead(args.deck) if command == "play" else None
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.localize import localized

    folder = saves_dir(save_dir)
    listener = listen(args)  # --live: bound before a save is created or reopened
    try:
        if deck is not None:
            return _play_app(args, deck(), lang, folder, clock, listener)
        if command in ("resume", "replay"):
            return _session_app(args, command, lang, folder, clock, listener)
    except BaseException:
        if listener is not None:
            listener.close()  # the port is given back: no session started on it
        raise
    from goedwerk_tui.ui.screens.home import HomeScreen

    language = lang or "nl"
    return localized(GoedWerkApp, language)(
        language, save_dir=folder, start=lambda: localized(HomeScreen, language)()
    )


def resume_command(save: Path, command: str = "resume", options: Sequence[str] = ()) -> str:
    """A command that runs ``goedwerk COMMAND save [OPTIONS]`` when copied as is, from
    any folder: the absolute path of this Python (``goedwerk`` may not be on PATH) and
    of the save, shell-quoted."""
    import shlex
    import sys

    python = str(Path(sys.executable).absolute())
    parts = [python, "-m", "goedwerk_tui", command, str(save.absolute()), *options]
    return " ".join(shlex.quote(part) for part in parts)


def quit_line(app_lang: str, save: Path, options: Sequence[str] = ()) -> str:
    """The one line printed on stderr after quitting an unfinished session; a live
    session's command resumes it live (with the same address and certificate)."""
    command = resume_command(save, options=options)
    return f"goedwerk: {t('ui.quit_saved', app_lang, command=command)}"


def live_options(args: argparse.Namespace, live: bool) -> list[str]:
    """The options that resume a session as live as it was: ``--live``, and the
    ``--bind`` and certificate it was given (files as absolute paths)."""
    if not live:
        return []
    options = ["--live"]
    if getattr(args, "bind", None):
        options += ["--bind", args.bind]
    for flag, value in (("--tls-cert", "tls_cert"), ("--tls-key", "tls_key")):
        if getattr(args, value, None):
            options += [flag, str(Path(getattr(args, value)).absolute())]
    return options


def ended_line(app_lang: str, save: Path) -> str:
    """The one line printed on stderr after quitting a finished session: its debrief."""
    command = resume_command(save, "replay")
    return f"goedwerk: {t('ui.quit_ended', app_lang, command=command)}"


def listen(args: argparse.Namespace) -> Listener | None:
    """For ``--live``: the socket bound and the TLS files read, or a LiveError."""
    if not getattr(args, "live", False):
        return None
    from goedwerk_tui.live.server import prepare  # the web stack: only for --live

    cert, key = args.tls_cert, args.tls_key
    return prepare(args.bind, Path(cert) if cert else None, Path(key) if key else None)


def _live(listener: Listener | None, game: Game) -> LiveControl | None:
    if listener is None:
        return None
    from goedwerk_tui.ui.live_control import LiveControl

    return LiveControl(listener, game)


def _play_app(
    args: argparse.Namespace,
    deck: Deck,
    lang: str | None,
    folder: Path,
    clock: Clock,
    listener: Listener | None,
) -> GoedWerkApp:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.localize import localized

    game = Game.new(
        deck,
        args.team,
        save_dir=folder,
        cards=args.cards,
        shuffle=args.shuffle or args.seed is not None,
        seed=args.seed,
        timer=args.timer,
        language=lang,
        measure=args.measure,
        clock=clock,
    )
    language = game.session.language
    app: GoedWerkApp = localized(GoedWerkApp, language)(
        language, game=game, save_dir=folder, live=_live(listener, game)
    )
    return app


def _session_app(
    args: argparse.Namespace,
    command: str,
    lang: str | None,
    folder: Path,
    clock: Clock,
    listener: Listener | None,
) -> GoedWerkApp:
    from goedwerk_tui.ui.app import GoedWerkApp
    from goedwerk_tui.ui.localize import localized

    if command == "resume":
        game = Game.resume(Path(args.save), clock)
        language = lang or game.session.language
        game.session.language = language
        app_class = localized(GoedWerkApp, language)
        notices = [say(warning, language) for warning in game.warnings]
        live = _live(listener, game)  # a new join code: devices join again
        return app_class(language, game=game, save_dir=folder, notices=notices, live=live)
    from goedwerk_tui.ui.screens.replay import replay_app

    return replay_app([Path(p) for p in args.saves], lang, folder)


def launch(args: argparse.Namespace, lang: str | None, save_dir: str | None) -> int:
    import sys

    app = build_app(args, lang, save_dir)
    app.run()
    game = app.current_game
    if game is not None and game.unsaved is not None:  # the save is gone and stays gone
        print(f"goedwerk: {game.unsaved.message(app.lang)}", file=sys.stderr)
        return 1
    if game is not None and game.session.ended:
        print(ended_line(app.lang, game.path), file=sys.stderr)
    elif game is not None:
        options = live_options(args, app.live is not None)
        print(quit_line(app.lang, game.path, options), file=sys.stderr)
    return 0
