"""The commented starter deck that ``goedwerk new-deck`` writes."""

from __future__ import annotations

_NL = """\
{schema_line}# Een goedwerk-deck. Elke sleutel staat uitgelegd in docs/deck-format.md.
# Controleer het deck met:  goedwerk validate {deck_id}.yaml
# Bekijk een kaart met:     goedwerk show {deck_id}.yaml eerste-kaart
format: goedwerk-deck/1
id: {deck_id}                 # alleen a-z, 0-9 en '-'
title: Mijn dilemmadeck
language: nl                  # taal van de teksten: nl of en
description: Dilemma's voor ons team.
authors: [Jouw naam]
catalogue: kernaghan-2003     # of jorgensen-bozeman-2007; 'goedwerk values' toont de waarden
# fields: zonder deze sleutel gelden de drie spanningsvelden:
#   professie-politiek, inhoud-draagvlak, agenda-maatschappij
# measure: de stellingen die teams vooraf en in de afsluiting scoren (1-5); wat je
#   weglaat, houdt de standaardstelling. Haal de # weg om er een eigen te geven:
# measure:
#   identification: We zijn trots op ons team en op ons vak.
cards:
  - id: eerste-kaart
    title: De cijfers voor de Kamerbrief
    field: professie-politiek
    setting: Beleidsdirectie, ministerie
    situation: |
      Je schrijft mee aan een Kamerbrief. De nieuwe cijfers laten zien dat de
      maatregel minder oplevert dan de minister vorig jaar beloofde. De
      woordvoerder vraagt of je de cijfers 'in perspectief' kunt zetten.
    options:
      - De cijfers zo helder mogelijk opschrijven, met de tegenvaller voorop.
      - Context toevoegen die de tegenvaller verklaart, zonder iets weg te laten.
      - Voorstellen de brief uit te stellen tot er betere cijfers zijn.
    values: [eerlijkheid, loyaliteit, openheid]
    questions:
      - Waar ligt voor jou de grens tussen duiden en verbloemen?
      - Wie spreek je aan als je vindt dat die grens overschreden wordt?
    reflection: |
      Loyaliteit aan de minister en eerlijkheid naar de Kamer botsen niet altijd:
      een minister is ook gebaat bij cijfers die later overeind blijven.

  - id: tweede-kaart
    title: Het inspraakavondje
    field: inhoud-draagvlak
    setting: Gemeente
    situation: |
      Het plan voor de nieuwe fietsroute is op de inhoud af. Bewoners voelen
      zich overvallen en vragen om nog een inspraakronde. Dat kost drie maanden.
    values: [responsiviteit, effectiviteit]
    questions:
      - Wanneer is draagvlak een voorwaarde en wanneer een vertraging?
"""

_EN = """\
{schema_line}# A goedwerk deck. Every key is explained in docs/deck-format.md.
# Check the deck with:   goedwerk validate {deck_id}.yaml
# Preview a card with:   goedwerk show {deck_id}.yaml first-card
format: goedwerk-deck/1
id: {deck_id}                 # only a-z, 0-9 and '-'
title: My dilemma deck
language: en                  # language of the text: nl or en
description: Dilemmas for our team.
authors: [Your name]
catalogue: jorgensen-bozeman-2007   # or kernaghan-2003; 'goedwerk values' lists the values
# fields: without this key the three built-in tension fields apply:
#   professie-politiek, inhoud-draagvlak, agenda-maatschappij
# measure: the statements teams rate (1-5) at the start and in the closing step; a
#   goal you leave out keeps its default. Remove the # to word one yourself:
# measure:
#   identification: We are proud of our team and of our craft.
cards:
  - id: first-card
    title: The figures for the parliamentary letter
    field: professie-politiek
    setting: Policy department, ministry
    situation: |
      You help draft a letter to parliament. New figures show the measure
      delivers less than the minister promised last year. The spokesperson
      asks whether you can put the figures 'in perspective'.
    options:
      - Write the figures down as plainly as possible, the setback first.
      - Add context that explains the setback, leaving nothing out.
      - Propose to delay the letter until better figures are in.
    values: [eerlijkheid, politieke-loyaliteit, openheid-geheimhouding]
    questions:
      - Where is the line between explaining and glossing over, for you?
      - Whom do you speak to when you think that line is crossed?
    reflection: |
      Loyalty to the minister and honesty to parliament do not always clash:
      a minister also gains from figures that still stand a year later.

  - id: second-card
    title: One more consultation evening
    field: inhoud-draagvlak
    setting: Municipality
    situation: |
      The plan for the new cycle route is finished on substance. Residents
      feel taken by surprise and ask for another consultation round. That
      costs three months.
    values: [dialoog, effectiviteit]
    questions:
      - When is support a condition, and when is it a delay?
"""


def starter_deck_text(deck_id: str, lang: str, schema_ref: str | None) -> str:
    schema_line = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    template = _EN if lang == "en" else _NL
    return template.format(schema_line=schema_line, deck_id=deck_id)
