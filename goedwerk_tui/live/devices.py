"""What a device asks of the game: the same ``Game`` intents as the keyboard, for the
team whose token it holds, each answered with the line's ``seq`` once it is fsynced.

A refusal is the rules' own ``RuleError``; ``status_of`` says which status code it
is: 409 when the request is for something that is not open now (another card, a
phase that takes no such answer), 400 for what the keyboard would refuse.
"""

from __future__ import annotations

from typing import Final

from starlette.responses import Response

from goedwerk_tui.domain.errors import RuleError
from goedwerk_tui.domain.events import Event
from goedwerk_tui.domain.measure import Scores
from goedwerk_tui.live import bodies
from goedwerk_tui.live.hub import LiveHub

# The rules' refusals that mean "not now" rather than "not this way".
NOT_NOW: Final = frozenset(
    {
        "rule.ended",
        "rule.no_open_card",
        "rule.already_revealed",
        "rule.already_skipped",
        "rule.earlier_round",
        "rule.wrong_card",
        "rule.round_not_dealt",
        "rule.actions_after_cards",
        "rule.no_open_variation",
        "rule.measure_off",
        "rule.measure_before_late",
        "rule.measure_after_early",
    }
)


def written(event: Event) -> Response:
    return Response(b'{"seq":%d}' % event.seq, media_type="application/json")


class Devices:
    def __init__(self, hub: LiveHub) -> None:
        self.hub = hub

    @staticmethod
    def status_of(refusal: RuleError) -> int:
        return 409 if refusal.code in NOT_NOW else 400

    def _on_card(self, card: str) -> None:
        """Refuse a request for a card that is not the one on the table now."""
        current = self.hub.game.session.current
        if current is None or current.card_id != card:
            raise RuleError("rule.wrong_card", round=current.number if current else 0)

    def choice(self, team: str, body: bodies.ChoiceBody) -> Response:
        game = self.hub.game
        if game.session.closing or game.session.ended:
            raise RuleError("rule.no_open_card")
        self._on_card(body.card)
        event = game.record_choice(
            team,
            body.stance,
            body.option,
            list(body.values.a),
            list(body.values.b),
            body.rationale,
            via="device",
        )
        return written(event)

    def action(self, team: str, body: bodies.ActionBody) -> Response:
        return written(self.hub.game.record_action(team, body.text, via="device"))

    def stance(self, team: str, body: bodies.StanceBody) -> Response:
        game = self.hub.game
        self._on_card(body.card)
        open_variation = game.session.open_variation
        if open_variation is None or open_variation.number != body.variation:
            raise RuleError("rule.no_open_variation")
        return written(game.revise_stance(team, body.stance, body.reason, via="device"))

    def measure(self, team: str, body: bodies.MeasureBody) -> Response:
        given = body.scores
        scores = Scores(
            ownership=given.ownership,
            meaningfulness=given.meaningfulness,
            identification=given.identification,
        )
        return written(self.hub.game.record_measure(body.moment, team, scores, via="device"))
