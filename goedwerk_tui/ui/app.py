"""The Textual app: owns the game service and shows the screen for the session's phase."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from textual import events
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from goedwerk_tui.domain.errors import RuleError, SaveError
from goedwerk_tui.domain.game import Game
from goedwerk_tui.domain.messages import say
from goedwerk_tui.domain.session import CHOOSING, CLOSING, ENDED, STARTING
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.hangup import watch_terminal
from goedwerk_tui.ui.key_order import FIELD_KEYS, PasteBurst
from goedwerk_tui.ui.localize import localized

if TYPE_CHECKING:  # imported only for a live session
    from goedwerk_tui.live.server import Listener
    from goedwerk_tui.ui.widgets.live_status import LiveLink

P = ParamSpec("P")
R = TypeVar("R")

HIGH_CONTRAST = Theme(
    name="goedwerk-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#5fff5f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    dark=True,
)


class GoedWerkApp(App[None]):
    CSS_PATH = "app.tcss"
    # Textual adds its own ctrl+p binding (labelled "palette") unless the app has one
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
        *FIELD_KEYS,  # Tab in the order the keys were typed (key_order.py)
        # the live join screen where letters type (l elsewhere: COMMON_BINDINGS)
        Binding("ctrl+l", "live_typing", "key.live", show=False, priority=True),
    ]

    def __init__(
        self,
        lang: str = "nl",
        *,
        game: Game | None = None,
        save_dir: Path | None = None,
        notices: Iterable[str] = (),
        start: Callable[[], Screen[Any]] | None = None,
        live: LiveLink | None = None,
    ) -> None:
        super().__init__()
        self.lang = lang
        self._game = game
        self.live = live  # the live part of the session (``--live``), if any
        self.save_dir = save_dir
        self.notices = list(notices)
        self._start = start
        self.title = t("app.title", lang)
        self._paste_burst = PasteBurst()

    def action_next_field(self) -> None:
        if self._paste_burst.active:
            raise SkipAction  # a Tab in a split-off paste: the text field keeps it
        self.screen.focus_next()

    def action_previous_field(self) -> None:
        if self._paste_burst.active:
            raise SkipAction
        self.screen.focus_previous()

    @property
    def current_game(self) -> Game | None:
        """The session being played, if any (the home screen and replay have none)."""
        return self._game

    @property
    def game(self) -> Game:
        assert self._game is not None, "no session is being played"
        return self._game

    def start_game(self, game: Game, live: Listener | None = None) -> None:
        """Play ``game`` (started from the home screen), live on ``live`` if given."""
        self._game = game
        self.lang = game.session.language
        if live is not None:
            from goedwerk_tui.ui.live_control import LiveControl

            self.live = LiveControl(live, game)
            self.live.start(self.live_changed, self.live_failed)
        self.route()
        if game.session.resumed:  # resumed from the home screen: as ``goedwerk resume`` says
            self.notify(t("ui.resumed", self.lang))
        for warning in game.warnings:
            self.notify(say(warning, self.lang), severity="warning", markup=False, timeout=10)

    def get_default_screen(self) -> Screen[Any]:
        """The first screen is the one the user came for: no blank screen before it."""
        if self._game is not None:
            return self.phase_screen()
        if self._start is not None:
            return self._start()
        return super().get_default_screen()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        watch_terminal(self)
        if self.live is not None:
            self.live.start(self.live_changed, self.live_failed)
        if self._game is not None and self._game.session.resumed:
            self.notify(t("ui.resumed", self.lang))
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)
        self.show_notices()  # the game's own from its start (e.g. the cards capped)

    async def on_unmount(self) -> None:
        await self.stop_live()  # the server runs only while the session does
        if self._game is not None:
            self._game.close()

    def route(self) -> None:
        """Show the screen that belongs to the session's phase."""
        self.clear_notifications()  # confirmations of the last screen would cover the new one
        screen = self.phase_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:  # the default screen stays at the bottom of the stack
            self.push_screen(screen)

    def phase_screen(self) -> Screen[Any]:
        session = self.game.session
        variation = session.current is not None and bool(session.current.variations)
        screen_class = phase_screen_class(session.phase, variation=variation)
        screen: Screen[Any] = localized(screen_class, self.lang)()
        return screen

    def act(self, intent: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | None:
        """Run a game intent; a refusal or a failed save is shown, never raised.

        Afterwards every notice the game has for the facilitator (a save re-created,
        say) is shown, whether the intent succeeded or not.
        """
        try:
            return intent(*args, **kwargs)
        except RuleError as exc:
            self.notify(exc.message(self.lang), severity="warning", markup=False)
        except SaveError as exc:
            self.notify(
                t("ui.save_failed", self.lang, error=exc.message(self.lang)),
                severity="error",
                markup=False,
            )
        finally:
            self.show_notices()
        return None

    def show_notices(self) -> None:
        if self._game is None:
            return
        for notice in self._game.take_notices():
            self.notify(notice.message(self.lang), severity="warning", markup=False, timeout=10)

    @property
    def is_exiting(self) -> bool:
        """Whether quitting has begun (``exit`` sets the return code)."""
        return self.return_code is not None

    async def action_quit(self) -> None:
        """Quit (q, or ctrl+q where letters type): a screen may first keep what was
        typed (the closing screen records typed actions)."""
        if self.is_exiting:
            return
        screen = self.screen
        question: str | None = getattr(screen, "quit_question", lambda: None)()
        if question is None:
            await self.quit_from(screen)
            return
        from goedwerk_tui.ui.screens.confirm import ConfirmScreen

        dialog = localized(ConfirmScreen, self.lang)(question, t("confirm.enter_esc", self.lang))

        async def answered(yes: bool | None) -> None:
            if yes:  # Esc: back, with what was typed or rated kept
                await self.quit_from(screen)

        self.push_screen(dialog, answered)

    async def quit_from(self, screen: Screen[Any]) -> None:
        """Quit now: ``screen`` may first record what it can (complete scores, typed
        actions)."""
        if self.is_exiting:
            return
        before_quit = getattr(screen, "before_quit", None)
        if before_quit is not None:
            before_quit()
        await self.stop_live()  # the devices are told the session has ended
        self.exit()

    async def stop_live(self) -> None:
        if self.live is not None:
            await self.live.stop()

    def live_changed(self) -> None:
        """A device joined, was released or committed: every screen shows it."""
        from goedwerk_tui.ui.widgets.live_status import LiveChanged

        for screen in self.screen_stack:
            screen.post_message(LiveChanged())

    def live_failed(self, reason: str) -> None:
        """The server stopped by itself: said once; the keyboard records on."""
        message = t("live.server_failed", self.lang, error=reason)
        self.notify(message, severity="error", markup=False, timeout=30)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("live", "live_typing"):
            from goedwerk_tui.ui.screens.base import GoedWerkScreen

            screen = self.screen
            if self.live is None or not isinstance(screen, GoedWerkScreen):
                return False
            return screen.types_letters() == (action == "live_typing")
        return True

    def action_live(self) -> None:
        from goedwerk_tui.ui.screens.live_join import LiveJoinScreen

        if self.live is not None and not isinstance(self.screen, LiveJoinScreen):
            self.push_screen(localized(LiveJoinScreen, self.lang)(self.live))

    def action_live_typing(self) -> None:
        self.action_live()

    async def on_event(self, event: events.Event) -> None:
        """Once quitting has begun, keys and clicks still queued are dropped: a key
        pressed right after ``q`` must not open a screen while the app shuts down."""
        if self.is_exiting and isinstance(event, events.InputEvent):
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._paste_burst.see(event)  # before the bindings see the key
        await super().on_event(event)

    def action_help(self) -> None:
        from goedwerk_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            key = getattr(self.screen, "HELP_KEY", "help.text")  # each screen's own keys
            more = getattr(self.screen, "HELP_MORE", ())  # and keys only it adds
            if self.live is not None:  # the join screen's key, on every screen of the session
                more = (*more, "help.live")
            self.push_screen(localized(HelpScreen, self.lang)(self.lang, key, more))

    def action_toggle_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def action_command_palette(self) -> None:
        """Textual's palette, with its search prompt in the session's language."""
        from textual.command import CommandPalette

        opened = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not opened:
            placeholder = t("palette.search", self.lang)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action once, in the session's language (Textual's own entries too)."""
        lang = self.lang

        def entry(key: str, callback: Callable[[], Any]) -> SystemCommand:
            return SystemCommand(t(key, lang), t(f"{key}.help", lang), callback)

        yield entry("palette.help", self.action_help)
        yield entry("palette.contrast", self.action_toggle_contrast)
        yield entry("palette.theme", self.action_change_theme)
        if screen.maximized is not None:
            yield entry("palette.minimize", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield entry("palette.maximize", screen.action_maximize)
        yield entry("palette.screenshot", lambda: self.set_timer(0.1, self.deliver_screenshot))
        yield entry("palette.quit", self.action_quit)
        if self.live is not None:
            yield entry("palette.live", self.action_live)
        actions = getattr(screen, "PALETTE", None)
        if actions is None and self._game is not None:
            actions = PLAY_PALETTE
        for key, method in actions or ():
            callback = getattr(screen, method, None)
            if callback is not None:
                yield entry(key, callback)


# The actions of the play screens found by name in the palette (a screen can declare
# its own as ``PALETTE``: pairs of message key and method name).
PLAY_PALETTE = (
    ("palette.reveal", "action_reveal"),
    ("palette.skip", "action_skip"),
    ("palette.next", "action_next"),
    ("palette.note", "action_note"),
    ("palette.variation", "action_variation"),
    ("palette.stop_dealing", "action_stop_dealing"),
    ("palette.finish", "action_finish"),
)


def phase_screen_class(phase: str, *, variation: bool = False) -> type[Screen[Any]]:
    """The screen of a session's phase, importing only that screen's module: the first
    card is on screen sooner without the closing and reveal screens (about 7 ms).

    ``variation``: the current card has a "Maar wat als...?" played; between cards its
    latest variation is shown (open or revealed) rather than the card's reveal."""
    if phase == STARTING:  # the before-measure, before the first card is dealt
        from goedwerk_tui.ui.screens.measure import MeasureScreen

        return MeasureScreen
    if phase == CHOOSING:
        from goedwerk_tui.ui.screens.play import PlayScreen

        return PlayScreen
    if phase in (CLOSING, ENDED):
        from goedwerk_tui.ui.screens.closing import ClosingScreen, SummaryScreen

        return ClosingScreen if phase == CLOSING else SummaryScreen
    if variation:
        from goedwerk_tui.ui.screens.variation import VariationScreen

        return VariationScreen
    from goedwerk_tui.ui.screens.reveal import RevealScreen

    return RevealScreen
