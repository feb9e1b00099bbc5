"""A session being played: the rules (``Session``) joined to the save (``SaveLog``).

Every intent is checked by the session, written and fsynced by the log, and only
then applied, so what the screen confirms is always on disk. The UI talks to this
object only.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from goedwerk_tui import __version__
from goedwerk_tui.domain.deck import Deck
from goedwerk_tui.domain.errors import GoedwerkError, RuleError, SaveError
from goedwerk_tui.domain.events import (
    ActionRecorded,
    CardDealt,
    CardRevealed,
    CardSkipped,
    ChoiceRecorded,
    ClosingStarted,
    E,
    Event,
    MeasureRecorded,
    NoteAdded,
    SessionEnded,
    SessionResumed,
    StanceRevised,
    VariationPlayed,
    VariationRevealed,
    Via,
)
from goedwerk_tui.domain.measure import Moment, Scores
from goedwerk_tui.domain.savelog import (
    Clock,
    SaveLog,
    parse_ts,
    read_save,
    utc_now,
)
from goedwerk_tui.domain.session import (
    CHOOSING,
    MAX_CARDS_PER_SESSION,
    MAX_NAME,
    MAX_TEAMS,
    Session,
    Settings,
    Team,
)
from goedwerk_tui.domain.text import clean_input


def cleaned(text: str) -> str:
    """Typed text as a session keeps it (escape sequences and control characters
    dropped, white space folded), not cut: a text over its limit is the rules' to
    refuse, so a device that sends one hears why instead of finding it cut off (the
    keyboard's fields stop at the limit)."""
    return clean_input(text, len(text))


def team_list(names: list[str]) -> list[Team]:
    """Teams from typed names: cleaned, unique, 1 to 6 of them (default two teams).

    A name typed twice (also in other capitals) is refused, naming it: renaming it
    without a word would leave a facilitator with teams nobody recognises.
    """
    cleaned = [clean_input(n, MAX_NAME) for n in names]
    cleaned = [n for n in cleaned if n]
    if len(cleaned) > MAX_TEAMS:
        raise RuleError("rule.too_many_teams", most=MAX_TEAMS)
    if not cleaned:
        cleaned = ["Team 1", "Team 2"]
    seen: dict[str, str] = {}
    for name in cleaned:
        first = seen.get(name.casefold())
        if first is not None:
            raise RuleError("rule.duplicate_team", name=name)
        seen[name.casefold()] = name
    return [Team(f"t{i}", name) for i, name in enumerate(cleaned, start=1)]


def deal_order(deck: Deck, count: int | None, shuffle: bool, seed: int | None) -> list[str]:
    """Card ids in deal order: the same seed always deals the same cards."""
    ids = [c.id for c in deck.cards]
    if shuffle:
        random.Random(seed).shuffle(ids)
    if count is not None:
        if count < 1:
            raise RuleError("rule.at_least_one_card")
        ids = ids[:count]
    return ids


def capped_cards(deck: Deck, count: int | None) -> tuple[int | None, GoedwerkError | None]:
    """The number of cards to deal, so that every save written stays readable.

    Asking for more than ``MAX_CARDS_PER_SESSION`` cards (of a deck that has them) is
    refused; a deck that big played without a count deals the first that many, and
    the notice returned says so.
    """
    total = len(deck.cards)
    if count is not None and min(count, total) > MAX_CARDS_PER_SESSION:
        raise RuleError("session.too_many_cards", count=count, limit=MAX_CARDS_PER_SESSION)
    if count is None and total > MAX_CARDS_PER_SESSION:
        notice = GoedwerkError("session.cards_capped", total=total, limit=MAX_CARDS_PER_SESSION)
        return MAX_CARDS_PER_SESSION, notice
    return count, None


class Game:
    def __init__(self, session: Session, log: SaveLog, clock: Clock = utc_now) -> None:
        self.session = session
        self.log = log
        self.clock = clock
        self.warnings: list[SaveError] = []  # from reading the save, said by the UI
        # Every event written, in order: the save is re-created from them when it is
        # deleted or replaced (``SaveLog.ensure_file``).
        self.events: list[Event] = []
        self._notices: list[GoedwerkError] = []
        self.unsaved: SaveError | None = None  # set by close() when the save is not on disk
        # called with every event once it is written and applied, whoever asked for it
        # (the keyboard or a device in a live session), so every view can follow
        self.on_commit: list[Callable[[Event], None]] = []
        log.history = lambda: self.events

    def take_notices(self) -> list[GoedwerkError]:
        """The one-line notices for the facilitator since the last call (then cleared):
        the save re-created after it was deleted or replaced, the cards capped..."""
        notices = self._notices + self.log.notices
        self._notices, self.log.notices = [], []
        return notices

    @property
    def path(self) -> Path:
        return self.log.path

    @classmethod
    def new(
        cls,
        deck: Deck,
        team_names: list[str],
        *,
        save_dir: Path,
        cards: int | None = None,
        shuffle: bool = False,
        seed: int | None = None,
        timer: int | None = None,
        language: str | None = None,
        measure: bool = False,
        clock: Clock = utc_now,
    ) -> Game:
        """A new session, its save written. With ``measure`` the teams rate the three
        goals first (phase STARTING) and ``next()`` deals the first card; without it the
        first card is dealt now."""
        if timer is not None and timer < 1:
            raise RuleError("rule.timer_too_short")
        cards, capped = capped_cards(deck, cards)
        import secrets  # imported here: reading saves does not need it

        if shuffle and seed is None:
            seed = secrets.randbelow(2**31)  # recorded, so the deal can be repeated
        session = Session(
            session_id=secrets.token_hex(8),
            deck=deck,
            teams=team_list(team_names),
            cards=deal_order(deck, cards, shuffle, seed),
            settings=Settings(
                seed=seed, order="shuffled" if shuffle else "deck", timer=timer, measure=measure
            ),
            language=language or deck.language,
            app_version=__version__,
        )
        log = SaveLog.create(save_dir, deck.id, clock)
        game = cls(session, log, clock)
        if capped is not None:
            game._notices.append(capped)
        try:
            game.commit(session.start_event())
        except SaveError:
            log.close()
            log.path.unlink(missing_ok=True)  # it holds nothing (the write was undone)
            raise
        if not measure:
            game.commit(session.deal())
        return game

    @classmethod
    def resume(cls, path: Path, clock: Clock = utc_now) -> Game:
        log = SaveLog.reopen(path, clock)  # locked before it is read: nothing slips in
        try:
            read = read_save(path)
            if read.session.ended:
                raise SaveError("save.ended", path=str(path))
            log.cut_torn_tail()
        except SaveError:
            log.close()
            raise
        log.next_seq = read.next_seq
        game = cls(read.session, log, clock)
        game.warnings = read.warnings
        game.events = list(read.events)
        try:
            game.commit(SessionResumed())
        except SaveError:
            log.close()  # and its lock: the session can be opened again
            raise
        return game

    def commit(self, event: E) -> E:
        """Write an event the rules allowed, then apply it: what is applied is on disk."""
        written = self.log.append(event)
        self.events.append(written)
        self.session.apply(written)
        for listener in self.on_commit:
            listener(written)
        return written

    # ----- intents -------------------------------------------------------------
    def record_choice(
        self,
        team: str,
        stance: int,
        option: str | None,
        values_a: list[str],
        values_b: list[str],
        rationale: str = "",
        via: Via = "keyboard",
    ) -> ChoiceRecorded:
        rationale = cleaned(rationale)
        event = self.session.record_choice(
            team, stance, option, values_a, values_b, rationale, self.seconds_on_card(), via
        )
        return self.commit(event)

    def reveal(self) -> CardRevealed:
        return self.commit(self.session.reveal())

    def skip(self) -> CardSkipped:
        return self.commit(self.session.skip())

    def next(self) -> CardDealt | ClosingStarted:
        """Deal the next card, or start the closing step after the last one."""
        if self.session.has_next_card:
            return self.commit(self.session.deal())
        return self.commit(self.session.start_closing())

    def stop_dealing(self) -> ClosingStarted:
        """End the cards early: an open card is skipped, then the closing step starts."""
        if self.session.phase == CHOOSING:
            self.skip()
        return self.commit(self.session.start_closing())

    def back_to_dealing(self) -> CardDealt:
        """Leave the closing step (no action recorded yet) and deal the next card."""
        self.commit(self.session.resume_dealing())
        return self.commit(self.session.deal())

    def add_note(self, text: str) -> NoteAdded:
        return self.commit(self.session.add_note(cleaned(text)))

    def record_action(self, team: str, text: str, via: Via = "keyboard") -> ActionRecorded:
        return self.commit(self.session.record_action(team, cleaned(text), via))

    def play_variation(self, number: int) -> VariationPlayed:
        """Play the revealed card's "Maar wat als...?" variation ``number`` (from 1)."""
        return self.commit(self.session.play_variation(number))

    def revise_stance(
        self, team: str, stance: int, reason: str = "", via: Via = "keyboard"
    ) -> StanceRevised:
        reason = cleaned(reason)
        return self.commit(self.session.revise_stance(team, stance, reason, via))

    def reveal_variation(self) -> VariationRevealed:
        return self.commit(self.session.reveal_variation())

    def record_measure(
        self, moment: Moment, team: str, scores: Scores, via: Via = "keyboard"
    ) -> MeasureRecorded:
        return self.commit(self.session.record_measure(moment, team, scores, via))

    def end(self) -> SessionEnded:
        return self.commit(self.session.end())

    def close(self) -> None:
        """Close the save, first making sure it is still on disk under its name (a
        deleted or replaced save is re-created); ``unsaved`` says when it could not be."""
        try:
            self.log.ensure_file()
        except SaveError as exc:
            self.unsaved = exc
        finally:
            self.log.close()

    # ----- time ------------------------------------------------------------------
    def seconds_on_card(self, now: datetime | None = None) -> float | None:
        current = self.session.current
        dealt = parse_ts(current.dealt_ts) if current else None
        if dealt is None:
            return None
        return max(0.0, ((now or self.clock()) - dealt).total_seconds())

    def seconds_left(self, now: datetime | None = None) -> float | None:
        """Time left on the card's limit (negative when over), None without a limit."""
        timer = self.session.settings.timer
        spent = self.seconds_on_card(now)
        if timer is None or spent is None:
            return None
        return timer - spent
