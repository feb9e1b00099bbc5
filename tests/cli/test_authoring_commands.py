"""The trainers' commands as a trainer runs them: real processes, exit codes, output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DECKS, ROOT


def goedwerk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goedwerk_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_bundled_decks_and_catalogues_validate_cleanly() -> None:
    paths = [str(p) for p in sorted(DECKS.glob("*.yaml"))]
    paths += [str(p) for p in sorted((ROOT / "goedwerk_tui" / "catalogues").glob("*.yaml"))]
    result = goedwerk("validate", *paths)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"ok: {len(paths)} bestanden gecontroleerd, 0 fouten, 0 waarschuwingen"
    )
    english = goedwerk("validate", *paths, "--lang", "en")
    assert english.stderr.startswith(f"ok: {len(paths)} files checked, 0 errors, 0 warnings")


def test_validate_exit_codes_and_one_line_per_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: goedwerk-deck/1\nid: x\ntitle: NO\n", encoding="utf-8")
    result = goedwerk("validate", "--lang", "en", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = "3:8: error: expected text, but YAML reads NO as a yes/no value; put it in quotes"
    assert f'{broken}:{expected}: "NO"' in lines
    assert all(line.startswith(f"{broken}:") for line in lines)
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("failed: 1 file checked, ")
    dutch = goedwerk("validate", str(broken)).stdout.splitlines()
    expected = "3:8: fout: verwacht: tekst, maar YAML leest NO als een ja/nee-waarde"
    assert any(line.startswith(f"{broken}:{expected}; ") for line in dutch), dutch
    assert goedwerk("validate").returncode == 2  # usage error
    missing = goedwerk("validate", str(tmp_path / "nope.yaml"))
    assert (missing.returncode, missing.stdout, missing.stderr) == (
        1,
        f"{tmp_path / 'nope.yaml'}: fout: bestand bestaat niet\n",
        "afgekeurd: 1 bestand gecontroleerd, 1 fout, 0 waarschuwingen\n",
    )


def test_validate_reports_a_broken_catalogue(tmp_path: Path) -> None:
    catalogue = tmp_path / "cat.yaml"
    catalogue.write_text(
        "format: goedwerk-catalogue/1\nid: c\ntitle: C\nsource: s\n"
        "families: [{id: a, name: A}]\nvalues: [{id: v, name: V, families: [b]}]\n",
        encoding="utf-8",
    )
    result = goedwerk("validate", str(catalogue))
    assert result.returncode == 1
    assert result.stdout == f"{catalogue}:6:38: fout: onbekende familie 'b'\n"
    english = goedwerk("validate", str(catalogue), "--lang", "en")
    assert english.stdout == f"{catalogue}:6:38: error: unknown family 'b'\n"


def test_committed_schema_is_current_and_bundled_decks_match_it() -> None:
    import jsonschema
    import yaml

    result = goedwerk("schema")
    assert result.returncode == 0
    committed = (ROOT / "schema" / "goedwerk-deck.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run: goedwerk schema -o schema/goedwerk-deck.schema.json"
    schema = json.loads(committed)
    jsonschema.Draft7Validator.check_schema(schema)
    for deck in sorted(DECKS.glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(deck.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "goedwerk-deck/1", "id": "Bad Id"}, schema)


def test_new_deck_validates_as_written(tmp_path: Path) -> None:
    for lang in ("nl", "en"):
        target = tmp_path / f"ons-deck-{lang}.yaml"
        assert goedwerk("new-deck", str(target), "--lang", lang).returncode == 0
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=")
        check = goedwerk("validate", str(target))
        assert (check.returncode, check.stdout) == (0, "")
    again = goedwerk("new-deck", str(tmp_path / "ons-deck-nl.yaml"))
    assert again.returncode == 1
    assert "bestaat al" in again.stderr


def test_values_lists_the_catalogue_grouped_by_family() -> None:
    result = goedwerk("values", "kernaghan-2003", "--lang", "en")
    assert result.returncode == 0
    out = result.stdout
    assert out.index("Ethical") < out.index("Integrity") < out.index("Democratic")
    assert "Rule of law" in out and "People" in out
    dutch = goedwerk("values", "jorgensen-bozeman-2007").stdout
    assert "Verantwoordingsbereidheid" in dutch and "Relatie met burgers" in dutch
    unknown = goedwerk("values", "kernagan")
    assert unknown.returncode == 1
    assert "bedoel je 'kernaghan-2003'" in unknown.stderr
    english = goedwerk("values", "kernagan", "--lang", "en")
    assert "did you mean 'kernaghan-2003'" in english.stderr


def test_show_previews_a_card_and_the_deck(tmp_path: Path) -> None:
    card = goedwerk("show", "good-work-public-service", "impact-figure-for-parliament")
    assert card.returncode == 0
    assert "Professional judgement" in card.stdout and "Political feasibility" in card.stdout
    assert "card 1 of" in card.stdout
    assert max(len(line) for line in card.stdout.splitlines()) <= 80
    overview = goedwerk("show", "good-work-public-service")
    assert "impact-figure-for-parliament" in overview.stdout
    missing = goedwerk("show", "good-work-public-service", "nope")
    assert missing.returncode == 1 and "geen kaart 'nope'" in missing.stderr
    english = goedwerk("--lang", "en", "show", "good-work-public-service", "nope")
    assert english.returncode == 1 and "no card 'nope'" in english.stderr


def test_show_prints_markup_literally_and_strips_nothing_silently(tmp_path: Path) -> None:
    deck = tmp_path / "markup.yaml"
    deck.write_text(
        "format: goedwerk-deck/1\nid: m\ntitle: M\nlanguage: nl\ncatalogue: kernaghan-2003\n"
        "cards:\n  - id: k\n    title: '[bold red]Rood[/]'\n    field: inhoud-draagvlak\n"
        "    situation: '[link=https://example.org]klik[/link]'\n    values: [moed]\n",
        encoding="utf-8",
    )
    result = goedwerk("show", str(deck), "k")
    assert result.returncode == 0
    assert "[bold red]Rood[/]" in result.stdout
    assert "[link=https://example.org]klik[/link]" in result.stdout


def test_a_broken_deck_gives_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    deck = tmp_path / "kapot.yaml"
    deck.write_text("format: goedwerk-deck/1\nid: [\n", encoding="utf-8")
    result = goedwerk("show", str(deck))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"goedwerk: {deck}:")
    assert "Traceback" not in result.stderr
