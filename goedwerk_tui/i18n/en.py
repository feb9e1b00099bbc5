"""English UI strings."""

MESSAGES: dict[str, str] = {
    "app.title": "Good Work",
    "card.options": "Possible choices",
    "card.questions": "To talk about",
    "card.values": "Values at stake",
    "card.reflection": "Reflection",
    "card.variations": "What if...?",
    "card.count": "card {n} of {total}",
    "deck.cards": "{n} cards",
    "deck.catalogue": "Value catalogue",
    "deck.fields": "Tension fields",
    "values.id": "id",
    "values.value": "value",
    "values.also_in": "also in",
    "values.families": "families",
    "values.description": "description",
    "values.related": "related",
}
