"""Where goedwerk finds bundled decks and keeps saves. One place, so tests can redirect it."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SAVES_ENV = "GOEDWERK_SAVES"
CACHE_ENV = "GOEDWERK_CACHE"
DEFAULT_DECK_ID = "goed-werk-openbaar-bestuur"


def bundled_decks_dir() -> Path:
    """The bundled decks: inside the package when installed from a wheel, else the checkout's."""
    installed = PACKAGE_DIR / "decks"
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / "decks"


def bundled_deck_paths() -> list[Path]:
    folder = bundled_decks_dir()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def resolve_deck(ref: str) -> Path:
    """A DECK argument: an existing path, else the id of a bundled deck.

    Returns the path as given when neither matches, so the loader reports it missing.
    """
    path = Path(ref)
    if path.exists() or ref.endswith((".yaml", ".yml")) or "/" in ref:
        return path
    bundled = bundled_decks_dir() / f"{ref}.yaml"
    return bundled if bundled.exists() else path


def saves_dir(explicit: str | None = None) -> Path:
    """``--save-dir``, else ``$GOEDWERK_SAVES``, else ``./saves``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(SAVES_ENV)
    return Path(env) if env else Path("saves")


def schema_path() -> Path | None:
    """The deck JSON Schema: the checkout's ``schema/`` or the copy inside the wheel."""
    for candidate in (
        PACKAGE_DIR / "schema" / "goedwerk-deck.schema.json",
        PACKAGE_DIR.parent / "schema" / "goedwerk-deck.schema.json",
    ):
        if candidate.is_file():
            return candidate
    return None


def cache_dir() -> Path:
    """Where validated decks are cached: ``$GOEDWERK_CACHE``, else the user's cache folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    if os.name == "nt":  # pragma: no cover - Windows
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "goedwerk" / "decks"
