"""Text from files and keyboards is made safe once, for every screen and report."""

from __future__ import annotations

from goedwerk_tui.domain.text import clean_input, sanitize


def test_a_lone_surrogate_from_a_save_is_shown_as_a_visible_escape() -> None:
    # JSON allows "\ud800" (half a character); encoding it for a terminal would crash
    shown = sanitize("Rood\ud800")
    assert shown == "Rood\\ud800"
    shown.encode("utf-8")  # every screen and report can write it


def test_a_lone_surrogate_typed_or_pasted_is_dropped() -> None:
    assert clean_input("Bl\udfffauw") == "Blauw"
