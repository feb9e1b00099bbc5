"""Issue 3: the streaming deck loader reads YAML exactly as ``yaml.compose`` did.

The loader composes a deck one card at a time with its own composer
(``yamlsource.Composer``) and reads files as bytes (``read_utf8``). These tests hold
both to what they replace: PyYAML's composer (tags, marks, anchors and aliases,
errors) and ``read_text`` (the same checks and messages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedwerk_tui.domain import yamlsource
from goedwerk_tui.domain.diagnostics import FileProblem
from goedwerk_tui.domain.yamlsource import compose, read_text, read_utf8
from tests.unit.deck_helpers import GOOD_CARD, HEADER, deck_text, errors, parse

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]  # same API, in Python


def _shape(node: Any, ids: dict[int, int] | None = None) -> Any:
    """A node tree as plain data: kind, tag, mark, value; a node met again is its number."""
    ids = {} if ids is None else ids
    if id(node) in ids:
        return ("again", ids[id(node)])
    ids[id(node)] = len(ids)
    kind = type(node).__name__
    if hasattr(node, "start_mark"):  # PyYAML's node
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
    else:
        mark = node.mark
    if kind == "ScalarNode":
        value: Any = node.value
    elif kind == "SequenceNode":
        value = [_shape(item, ids) for item in node.value]
    else:
        value = [(_shape(k, ids), _shape(v, ids)) for k, v in node.value]
    return (kind, node.tag, mark, value)


def _pyyaml(text: str) -> Any:
    """What the old loader gave: PyYAML's tree, or the message of its error."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, getattr(exc, "problem", None))
    return None if root is None else _shape(root)


def _ours(text: str) -> Any:
    composer = yamlsource.Composer(text)
    try:
        if not composer.start():
            return None
        root = composer.node()
        composer.finish()
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, getattr(exc, "problem", None))
    return _shape(root)


DOCUMENTS = [
    "",
    "# nothing\n",
    "a: 1\n",
    "--- !!map\n? a\n: b\n...\n",
    "[1, 1.5, .inf, -.nan, 0x1F, 0o17, 1_000, yes, No, on, ~, null, '', 2024-01-02, '1']\n",
    "a: !!str 12\nb: !custom x\nc: ! 12\nd: !!python/object/apply:os.system [ls]\n",
    "a: &x [1, *x]\nb: *x\n",
    "a: &x {k: v}\n? *x\n: y\n",
    "- &s text\n- *s\n- &t [a, &u b]\n- *u\n",
    "a: |\n  line\n  line\nb: >-\n  folded\n  text\n",
    "? [a, b]\n: c\n? {d: e}\n: f\n",
    "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n",
    "a: &x 1\nb: &x 2\n",
    "a: *nowhere\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "=: 1\n<<: {a: b}\n",
    "'': x\n\"\": y\nnull: z\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_composer_builds_what_pyyaml_builds(text: str) -> None:
    assert _ours(text) == _pyyaml(text)


YAML_DATA = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=12),
        st.dates(),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=6), children, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_DATA, st.sampled_from([None, True, False]))
def test_the_composer_builds_what_pyyaml_builds_for_any_data(data: Any, flow: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    assert _ours(text) == _pyyaml(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("ab:- \n[]{}&*!#'\"|>?,~.1é")), max_size=60))
def test_the_composer_fails_where_pyyaml_fails(text: str) -> None:
    assert _ours(text) == _pyyaml(text)


def test_yaml_errors_are_reported_as_before() -> None:
    def problem(text: str) -> str:
        with pytest.raises(FileProblem) as caught:
            compose(text, "f.yaml")
        return str(caught.value)

    assert problem("a: *x\n") == "f.yaml:1:4: error: YAML syntax error: found undefined alias"
    assert (
        problem("a: &x 1\nb: &x 2\n") == "f.yaml:2:4: error: YAML syntax error: second occurrence"
    )
    assert problem("a: 1\n---\nb: 2\n") == (
        "f.yaml:2:1: error: YAML syntax error: a deck file holds one YAML document; "
        "remove the extra '---' section"
    )
    # the parser's offset is in bytes; as before it is counted in the text
    assert problem("é: \x00\n") == (
        "f.yaml:1:5: error: YAML error: unacceptable character #x0000: "
        "control characters are not allowed"
    )


# --- reading files ------------------------------------------------------------------


def _read(reader: Any, path: Path) -> Any:
    try:
        return reader(path, "f.yaml")
    except FileProblem as problem:
        return [str(d) for d in problem.diagnostics]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf" * 2]))
def test_read_utf8_checks_what_read_text_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, bom: bytes
) -> None:
    monkeypatch.setattr(yamlsource, "_CHECK_CHUNK", 7)  # many chunk edges in little data
    path = tmp_path / "f.yaml"
    path.write_bytes(bom + data)
    text, raw = _read(read_text, path), _read(read_utf8, path)
    if isinstance(text, str):
        assert raw == text.encode("utf-8")
    else:
        assert raw == text


def test_read_utf8_reports_a_bad_byte_far_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("é".encode() * 100_000 + b"\n\xff")
    assert _read(read_utf8, path) == _read(read_text, path)
    assert _read(read_utf8, path) == [
        "f.yaml:2:1: error: file is not valid UTF-8 text; save it as UTF-8"
    ]


# --- what only the streaming loader could get wrong -----------------------------------


def test_the_language_may_come_after_the_cards() -> None:
    before = parse(deck_text(GOOD_CARD * 1).replace("language: nl", "language: en"))
    after = parse(deck_text(GOOD_CARD).replace("language: nl\n", "") + "language: en\n")
    assert before.deck is not None and after.deck is not None
    assert after.deck.cards == before.deck.cards
    assert after.deck.cards[0].title.to_data() == {"en": "Een kaart"}


def test_a_card_reused_through_an_alias_is_reported_once_at_its_anchor() -> None:
    cards = "- &k\n  " + GOOD_CARD[2:] + "- *k\n- *k\n"
    assert errors(deck_text(cards)) == [
        "deck.yaml:7:5: error: YAML anchors and aliases (&name, *name) are not allowed; "
        "write the value out"
    ]


def test_the_cards_list_reused_later_is_reported() -> None:
    text = deck_text(GOOD_CARD).replace("cards:\n", "cards: &all\n") + "authors: *all\n"
    assert errors(text) == [
        "deck.yaml:6:8: error: YAML anchors and aliases (&name, *name) are not allowed; "
        "write the value out"
    ]


def test_cards_given_by_an_alias_are_refused() -> None:
    text = HEADER + "spare: &c\n" + GOOD_CARD.replace("- id", "  - id").replace("\n  ", "\n    ")
    text += "cards: *c\n"
    assert errors(text) == [
        "deck.yaml:6:1: error: unknown key 'spare' in the deck",
        "deck.yaml:6:8: error: YAML anchors and aliases (&name, *name) are not allowed; "
        "write the value out",
    ]


def test_an_empty_or_odd_cards_list() -> None:
    assert errors(HEADER + "cards: []\n") == [
        "deck.yaml:6:8: error: the list is empty; give at least one"
    ]
    assert errors(HEADER + "cards: !!set {a}\n") == [
        "deck.yaml:6:8: error: tag '!!set' is not allowed; decks hold plain text, lists and keys"
    ]


def test_a_mistake_after_the_cards_still_wins_over_everything() -> None:
    text = deck_text(GOOD_CARD * 3).replace("kaart-1", "Kaart 1") + "oops: [\n"
    found = errors(text)
    assert len(found) == 1 and "YAML syntax error" in found[0]


def test_the_text_reader_reads_as_a_file_does() -> None:
    # the parser asks for pieces; read() without a size (as on a file) gives the rest
    reader = yamlsource._TextReader("ab: cd")
    assert reader.read(3) == "ab:"
    assert reader.read() == " cd"
    assert reader.read(5) == ""
    assert yamlsource._TextReader("xyz").read(-1) == "xyz"
