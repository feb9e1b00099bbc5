"""Type-to-filter list of catalogue values; each can pull toward one of the two poles.

From the search box ↑/↓ move the list's highlight and ←/→ send the highlighted value
toward the left or right pole, as in the list itself: the hint is true in both places.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from goedwerk_tui.domain.catalogue import PublicValue, ValueCatalogue
from goedwerk_tui.domain.text import sanitize
from goedwerk_tui.i18n import t
from goedwerk_tui.ui.widgets.text_field import TextField


class ValueList(OptionList):
    BINDINGS = [
        Binding("left", "pole('a')", "", show=False),
        Binding("right", "pole('b')", "", show=False),
        Binding("space", "pole('')", "", show=False),
        Binding("delete,backspace", "pole('')", "", show=False),
    ]

    @dataclass
    class PoleChosen(Message):
        value_id: str
        pole: str  # "a", "b" or "" (none)

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_pole(self, pole: str) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.PoleChosen(option.id, pole))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter cycles a value: none -> A -> B -> none."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.PoleChosen(event.option.id, "cycle"))


class ValueSearch(TextField):
    """The search box: typing filters; arrows act on the list's highlighted value."""

    BINDINGS = [
        Binding("left", "pole('a')", "", show=False),
        Binding("right", "pole('b')", "", show=False),
        Binding("down", "highlight(1)", "", show=False),
        Binding("up", "highlight(-1)", "", show=False),
    ]

    def action_pole(self, pole: str) -> None:
        self.list.action_pole(pole)

    def action_highlight(self, step: int) -> None:
        if step > 0:
            self.list.action_cursor_down()
        else:
            self.list.action_cursor_up()

    @property
    def list(self) -> ValueList:
        assert self.parent is not None
        return self.parent.query_one(ValueList)


class ValuePicker(Vertical):
    DEFAULT_CSS = """
    ValuePicker { height: auto; }
    ValuePicker ValueList { height: 6; border: none; }
    ValuePicker #summary { height: auto; padding: 0 1; }
    """

    @dataclass
    class Changed(Message):
        """The values toward the poles changed."""

        picker: ValuePicker

        @property
        def control(self) -> ValuePicker:
            return self.picker

    def __init__(
        self,
        catalogue: ValueCatalogue,
        suggested: tuple[str, ...],
        lang: str,
        pole_names: tuple[str, str],
        chosen: dict[str, str] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # the caller's Widget options
        self.catalogue = catalogue
        self.lang = lang
        self.pole_names = pole_names
        self.suggested = [v for v in suggested if catalogue.value(v) is not None]
        rest = sorted(
            (v for v in catalogue.values if v.id not in self.suggested),
            key=lambda v: v.name.get(lang).casefold(),
        )
        self.ordered: list[PublicValue] = [catalogue.by_id[v] for v in self.suggested] + rest
        self.chosen: dict[str, str] = dict(chosen or {})  # value id -> "a" | "b"

    def compose(self) -> ComposeResult:
        yield ValueSearch(
            lang=self.lang, placeholder=t("choice.filter", self.lang), max_length=40, id="filter"
        )
        yield ValueList(id="values")
        yield Static(id="summary")

    def on_mount(self) -> None:
        self.refresh_list()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(ValueList).focus()

    def refresh_list(self) -> None:
        needle = self.query_one("#filter", Input).value.strip().casefold()
        values = self.query_one(ValueList)
        highlighted = values.highlighted_option.id if values.highlighted_option else None
        options = []
        for value in self.ordered:
            name = value.name.get(self.lang)
            if needle and needle not in name.casefold() and needle not in value.id:
                continue
            options.append(Option(self._prompt(value), id=value.id))
        values.set_options(options)
        ids = [o.id for o in options]
        if highlighted is not None and highlighted in ids:
            values.highlighted = ids.index(highlighted)
        elif options:  # the search box's arrows act on the first match
            values.highlighted = 0
        self._update_summary()

    def _prompt(self, value: PublicValue) -> Text:
        pole = self.chosen.get(value.id)
        text = Text()
        text.append("◀ " if pole == "a" else "  ", style="bold cyan")
        text.append(sanitize(value.name.get(self.lang)), style="bold" if pole else "")
        text.append(" ▶" if pole == "b" else "  ", style="bold magenta")
        if pole:  # the pole's name, never "A"/"B" next to options A-D
            name = self.pole_names[0 if pole == "a" else 1]
            toward = t("choice.toward", self.lang, pole=name)
            text.append(f" {toward}", style="cyan" if pole == "a" else "magenta")
        if value.id in self.suggested:
            text.append(f"  ★ {t('choice.suggested', self.lang)}", style="dim")
        return text

    def on_value_list_pole_chosen(self, event: ValueList.PoleChosen) -> None:
        event.stop()
        current = self.chosen.get(event.value_id, "")
        pole = event.pole
        if pole == "cycle":
            pole = {"": "a", "a": "b", "b": ""}[current]
        if pole:
            self.chosen[event.value_id] = pole
        else:
            self.chosen.pop(event.value_id, None)
        values = self.query_one(ValueList)
        value = self.catalogue.by_id[event.value_id]
        values.replace_option_prompt(event.value_id, self._prompt(value))
        self._update_summary()
        self.post_message(self.Changed(self))

    def pole_values(self, pole: str) -> list[str]:
        return [v.id for v in self.ordered if self.chosen.get(v.id) == pole]

    def _update_summary(self) -> None:
        def names(pole: str) -> str:
            found = [
                sanitize(self.catalogue.by_id[v].name.get(self.lang))
                for v in self.pole_values(pole)
            ]
            return ", ".join(found) or t("choice.none", self.lang)

        summary = Text()
        summary.append(
            t("choice.summary_a", self.lang, pole=self.pole_names[0], values=names("a")), "cyan"
        )
        summary.append("\n")
        summary.append(
            t("choice.summary_b", self.lang, pole=self.pole_names[1], values=names("b")), "magenta"
        )
        self.query_one("#summary", Static).update(summary)
