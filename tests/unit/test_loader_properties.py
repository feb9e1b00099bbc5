"""Property-based tests: whatever text or YAML a trainer hands us, only clean diagnostics."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedwerk_tui.domain.deck_loader import DeckResult, parse_deck, parse_deck_file
from goedwerk_tui.domain.models import CARD, DECK
from tests.unit.deck_helpers import GOOD_CARD, deck_text

KEYS = list(DECK.fields) + list(CARD.fields) + ["nl", "en", "x"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["kernaghan-2003", "goedwerk-deck/1", "nl", "professie-politiek", "moed"]),
)
YAML_DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    ),
    max_leaves=25,
)


def assert_clean(result: DeckResult) -> None:
    for diagnostic in result.diagnostics:
        assert diagnostic.severity in ("error", "warning")
        assert diagnostic.line >= 0 and diagnostic.col >= 0
        for lang in ("nl", "en"):  # each message stays on its line, in either language
            assert "\n" not in diagnostic.render(lang)
    if result.deck is None:
        assert any(d.is_error for d in result.diagnostics)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_gives_only_clean_diagnostics(text: str) -> None:
    assert_clean(parse_deck(text, "deck.yaml", Path(".")))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_DATA)
def test_random_yaml_structures_give_only_clean_diagnostics(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    assert_clean(parse_deck(text, "deck.yaml", Path(".")))


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=400), st.text(min_size=1, max_size=5))
def test_a_valid_deck_with_random_damage_gives_only_clean_diagnostics(at: int, junk: str) -> None:
    text = deck_text(GOOD_CARD * 2)
    at = min(at, len(text))
    assert_clean(parse_deck(text[:at] + junk + text[at:], "deck.yaml", Path(".")))


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_random_bytes_in_a_file_give_only_clean_diagnostics(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(data)
    assert_clean(parse_deck_file(path))


CATALOGUE_KEYS = ["format", "id", "title", "source", "families", "values", "name", "related", "nl"]
CATALOGUE_DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(CATALOGUE_KEYS), children, max_size=6),
    ),
    max_leaves=25,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(CATALOGUE_DATA)
def test_random_catalogues_give_only_clean_diagnostics(data: object) -> None:
    from goedwerk_tui.domain.catalogue_file import parse_catalogue
    from goedwerk_tui.domain.diagnostics import FileProblem

    text = "format: goedwerk-catalogue/1\n" + yaml.safe_dump({"x": data})
    try:
        catalogue, walker = parse_catalogue(text, "cat.yaml")
    except FileProblem:
        return
    assert catalogue is None
    assert any(d.is_error for d in walker.diagnostics)
