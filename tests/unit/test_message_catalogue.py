"""Every message the package can show has a Dutch and an English text.

The package's source is scanned (AST): the first argument of ``t()``/``tn()``, of
``Message`` and of every GoedwerkError class, the key of a validator diagnostic
(``w.error(at, KEY)``, ``w.warning(at, KEY)``, ``_fail(path, KEY)``...), and the
keys the file-format definitions name (what an object is called, what a value
should be). Each must be a key of both catalogues, with values for each of its
``{placeholders}``; no GoedwerkError is raised with a literal sentence.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import goedwerk_tui
from goedwerk_tui.domain import models
from goedwerk_tui.domain.schema import Kind, ListOf, Obj, String
from goedwerk_tui.i18n import CATALOGUES

PACKAGE = Path(goedwerk_tui.__file__).parent
NL, EN = CATALOGUES["nl"], CATALOGUES["en"]

ERRORS = {
    "GoedwerkError",
    "RuleError",
    "SaveError",
    "SnapshotError",
    "CommandError",
    "DebriefError",
}
# callable name -> the position of its message key
KEY_POSITION = {
    "t": 0,
    "tn": 0,
    "Message": 0,
    **dict.fromkeys(ERRORS, 0),
    "error": 1,  # Walker.error(at, KEY, ...)
    "warning": 1,
    "_fail": 1,  # yamlsource._fail(display, KEY, ...)
    "one": 2,  # yamlsource.yaml_problem's one(line, col, KEY, ...)
    "_file_problem": 2,  # savelog._file_problem(display, exc, KEY)
}
# values a helper adds itself to the message it makes from the key it is given
IMPLICIT = {"_file_problem": {"path", "reason"}}
# keys made at run time: the severity words of a Diagnostic
BUILT_KEYS = ["diagnostic.error", "diagnostic.warning"]


@dataclass(frozen=True)
class Use:
    where: str
    name: str
    key: str | None  # None: not a constant string
    literal: bool  # a constant or an f-string
    handed_on: bool  # the key is the ``code`` parameter of a helper (checked where it is called)
    keywords: frozenset[str]
    open_keywords: bool  # **params: the values are not known here


def name_of(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def uses() -> Iterator[Use]:
    for source in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = name_of(node.func)
            position = KEY_POSITION.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            key = arg.value if isinstance(arg, ast.Constant) else None
            if name in ("error", "warning") and not isinstance(key, str):
                continue  # another .error()/.warning() (a logger, a Textual notify...)
            yield Use(
                where=f"{source.relative_to(PACKAGE.parent)}:{node.lineno}",
                name=name,
                key=key if isinstance(key, str) else None,
                literal=isinstance(arg, (ast.Constant, ast.JoinedStr)),
                handed_on=isinstance(arg, ast.Name) and arg.id == "code",
                keywords=frozenset(k.arg for k in node.keywords if k.arg),
                open_keywords=any(k.arg is None for k in node.keywords),
            )


USES = list(uses())


def templates(key: str) -> list[str]:
    """The texts of ``key`` in both languages (both plural forms for a plural key)."""
    found = []
    for catalogue in (NL, EN):
        if key in catalogue:
            found.append(catalogue[key])
        else:
            found += [catalogue[f"{key}.{form}"] for form in ("one", "other")]
    return found


def is_key(key: str, catalogue: dict[str, str]) -> bool:
    return key in catalogue or {f"{key}.one", f"{key}.other"} <= set(catalogue)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_the_messages_of_every_kind() -> None:
    names = {use.name for use in USES if use.key}
    assert {"t", "tn", "Message", "RuleError", "SaveError", "CommandError", "error"} <= names
    assert len([use for use in USES if use.key]) > 200


def test_every_message_key_used_is_in_dutch_and_english() -> None:
    keys = {use.key for use in USES if use.key} | set(BUILT_KEYS) | format_keys()
    missing = sorted(
        f"{key} ({lang})"
        for key in keys
        for lang, catalogue in (("nl", NL), ("en", EN))
        if not is_key(key, catalogue)
    )
    assert missing == []


def test_no_error_is_raised_with_a_literal_sentence() -> None:
    """A GoedwerkError's first argument is a key: never an f-string or a sentence."""
    sentences = [
        use.where
        for use in USES
        if use.name in ERRORS | {"Message"}
        and use.literal
        and not (use.key and is_key(use.key, NL))
    ]
    assert sentences == []


def test_every_error_is_raised_with_a_key_not_a_computed_text() -> None:
    """``SaveError(str(exc))`` would show English; only these pass a key on."""
    computed = sorted(
        use.where for use in USES if use.name in ERRORS and use.key is None and not use.handed_on
    )
    assert computed == []


def test_each_message_gets_a_value_for_each_placeholder() -> None:
    problems = []
    for use in USES:
        if use.key is None or use.open_keywords or not is_key(use.key, NL):
            continue
        given = use.keywords | IMPLICIT.get(use.name, set())
        given |= {"count"} if use.name == "tn" else set()
        for text in templates(use.key):
            missing = placeholders(text) - given
            if missing:
                problems.append(f"{use.where}: {use.key} needs {sorted(missing)}")
    assert problems == []


@pytest.mark.parametrize("catalogue", [NL, EN], ids=["nl", "en"])
def test_plural_keys_have_both_forms(catalogue: dict[str, str]) -> None:
    for key in catalogue:
        stem, _, form = key.rpartition(".")
        if form == "one":
            assert f"{stem}.other" in catalogue, key
        if form == "other":
            assert f"{stem}.one" in catalogue, key
    plural = {use.key for use in USES if use.name == "tn" and use.key}
    assert all({f"{k}.one", f"{k}.other"} <= set(catalogue) for k in plural)


def test_placeholders_are_the_same_in_both_languages_and_plural_forms() -> None:
    for key in NL:
        assert placeholders(NL[key]) == placeholders(EN[key]), key


def format_keys() -> set[str]:
    """The keys the file-format definitions hold (object names, what a value should be)."""
    keys: set[str] = set()

    def visit(kind: Kind) -> None:
        if isinstance(kind, Obj):
            keys.add(kind.name)
            for spec in kind.fields.values():
                visit(spec.kind)
        elif isinstance(kind, ListOf):
            keys.add(kind.count_what)
            visit(kind.item)
        elif isinstance(kind, String):
            keys.add(kind.what)
            if kind.pattern_hint:
                keys.add(kind.pattern_hint)

    visit(models.DECK)
    visit(models.CATALOGUE)
    return keys


def test_the_format_definitions_name_their_parts_with_keys() -> None:
    keys = format_keys()
    assert {"check.obj.card", "check.obj.deck", "check.what.id", "check.count.cards"} <= keys
    assert all(is_key(key, NL) and is_key(key, EN) for key in keys), sorted(keys)
