"""`goedwerk replay` and `resume` on saves that cannot be used: one line, exit 1.

The line is in Dutch, as the screens are, unless ``--lang en`` asks for English.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def goedwerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "het bestand is leeg; er staat geen sessie in"),
        ("not json\n", "geen goedwerk-sessie (de eerste regel is geen JSON-object)"),
        (
            '{"seq":0,"ts":"x","event":"session_started","format":"other/1"}\n',
            "geen goedwerk-sessie",
        ),
        (
            '{"seq":0,"ts":"x","event":"session_started","format":"goedwerk-save/2"}\n',
            "gemaakt door een nieuwere goedwerk",
        ),
    ],
)
@pytest.mark.parametrize("command", ["replay", "resume"])
def test_unusable_saves_give_one_line_and_exit_1(
    tmp_path: Path, command: str, content: str, expected: str
) -> None:
    save = tmp_path / "kapot.jsonl"
    save.write_text(content, encoding="utf-8")
    result = goedwerk(command, str(save))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"goedwerk: {save}")
    assert expected in result.stderr
    assert save.read_text(encoding="utf-8") == content  # nothing written to it


@pytest.mark.parametrize("command", ["replay", "resume"])
def test_english_with_lang_en_before_or_after_the_command(tmp_path: Path, command: str) -> None:
    save = tmp_path / "kapot.jsonl"
    save.write_text("not json\n", encoding="utf-8")
    expected = f"goedwerk: {save}:1: not a goedwerk save (the first line is not a JSON object)\n"
    for args in (["--lang", "en", command, str(save)], [command, str(save), "--lang", "en"]):
        result = goedwerk(*args)
        assert (result.returncode, result.stderr) == (1, expected)


def test_a_missing_save(tmp_path: Path) -> None:
    result = goedwerk("replay", str(tmp_path / "nope.jsonl"))
    assert (result.returncode, result.stderr) == (
        1,
        f"goedwerk: {tmp_path / 'nope.jsonl'}: bestand bestaat niet\n",
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["play", "nope.yaml"], "nope.yaml: fout: bestand bestaat niet"),
        (["play", "--cards", "0"], "speel minstens één kaart"),
        (["play", "--timer", "0"], "de tijd per kaart is minstens één seconde"),
        (["play", *[f"--team=T{i}" for i in range(7)]], "hoogstens 6 teams"),
        (["play", "nope.yaml", "--lang", "en"], "nope.yaml: error: no such file"),
        (["--lang", "en", "play", "--cards", "0"], "play at least one card"),
    ],
)
def test_play_refuses_bad_arguments_with_one_line(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    result = goedwerk("--save-dir", str(tmp_path / "saves"), *args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert not (tmp_path / "saves").exists() or not any((tmp_path / "saves").iterdir())


def test_resume_of_a_missing_save(tmp_path: Path) -> None:
    result = goedwerk("resume", str(tmp_path / "nope.jsonl"), "--lang", "en")
    assert (result.returncode, result.stderr) == (
        1,
        f"goedwerk: {tmp_path / 'nope.jsonl'}: no such file\n",
    )
