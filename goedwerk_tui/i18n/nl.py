"""Dutch UI strings."""

MESSAGES: dict[str, str] = {
    "app.title": "Goed Werk",
    "card.options": "Mogelijke keuzes",
    "card.questions": "Om over te praten",
    "card.values": "Waarden in het geding",
    "card.reflection": "Reflectie",
    "card.variations": "Maar wat als...?",
    "card.count": "kaart {n} van {total}",
    "deck.cards": "{n} kaarten",
    "deck.catalogue": "Waardencatalogus",
    "deck.fields": "Spanningsvelden",
    "values.id": "id",
    "values.value": "waarde",
    "values.also_in": "ook in",
    "values.families": "families",
    "values.description": "omschrijving",
    "values.related": "verwant",
}
