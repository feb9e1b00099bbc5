"""Write a large, realistic, valid deck for benchmarks.

The cards look like those in ``decks/goed-werk-openbaar-bestuur.yaml``: a Dutch
setting and situation, two to six options, values from the Kernaghan catalogue,
discussion questions, a reflection, sometimes a "Maar wat als...?" variation and
tags. Text is put together from word pools with a fixed seed, so the same
arguments always write the same file. Ids are varied slugs, all unique.

    python benchmarks/gen_deck.py                 # 10,000 cards -> benchmarks/out/
    python benchmarks/gen_deck.py --cards 500 -o /tmp/deck.yaml
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"
DEFAULT_CARDS = 10_000

# Kept in step with goedwerk_tui/catalogues/kernaghan-2003.yaml (gen_deck checks it).
VALUES = (
    "integriteit rechtvaardigheid aanspreekbaarheid loyaliteit deskundigheid respect "
    "eerlijkheid oprechtheid rechtsstatelijkheid onpartijdigheid openheid responsiviteit "
    "representativiteit rechtmatigheid effectiviteit efficientie dienstverlening leiderschap "
    "innovatie kwaliteit creativiteit zorgzaamheid tolerantie fatsoen compassie moed "
    "welwillendheid menselijkheid"
).split()
FIELDS = ("professie-politiek", "inhoud-draagvlak", "agenda-maatschappij")

SETTINGS = (
    ("Beleidsdirectie, ministerie", "ministerie"),
    ("Belastingdienst MKB", "belastingdienst"),
    ("Douane, Rotterdam", "douane"),
    ("Douane, Schiphol", "douane"),
    ("Functioneel Parket, OM", "openbaar-ministerie"),
    ("Parket, Openbaar Ministerie", "openbaar-ministerie"),
    ("Inspectie Leefomgeving en Transport", "inspectie"),
    ("Nederlandse Voedsel- en Warenautoriteit", "inspectie"),
    ("Gemeente, afdeling ruimtelijke ordening", "gemeente"),
    ("Gemeente, sociaal domein", "gemeente"),
    ("Uitvoeringsorganisatie", "uitvoering"),
    ("Nederlands Register Gerechtelijk Deskundigen", "gerechtelijk-deskundigen"),
    ("Provincie, team vergunningen", "provincie"),
    ("Waterschap", "waterschap"),
)
TOPICS = (
    ("kamerbrief", "de Kamerbrief over het programma"),
    ("beslisnota", "de beslisnota voor de minister"),
    ("uitvoeringstoets", "de uitvoeringstoets van de nieuwe regeling"),
    ("handhaving", "de handhaving op het bedrijventerrein"),
    ("subsidie", "de subsidie voor wijkinitiatieven"),
    ("risicomodel", "het risicomodel voor controles"),
    ("inspectierapport", "het inspectierapport over onderhoud"),
    ("participatie", "het participatietraject in de wijk"),
    ("wetsvoorstel", "de memorie van toelichting bij het wetsvoorstel"),
    ("begroting", "de begrotingsparagraaf over uitvoeringskosten"),
    ("dwangsom", "de last onder dwangsom voor de ondernemer"),
    ("deskundigenrapport", "het deskundigenrapport voor de rechtbank"),
    ("convenant", "het convenant met de branche"),
    ("evaluatie", "de evaluatie van de pilot"),
    ("algoritme", "het algoritme dat aanvragen selecteert"),
    ("vergunning", "de vergunning voor de uitbreiding"),
)
TWISTS = (
    "onder-tijdsdruk",
    "vlak-voor-het-debat",
    "met-de-pers-erbij",
    "zonder-draagvlak",
    "tegen-het-advies-in",
    "in-de-wandelgang",
    "na-een-incident",
    "met-een-motie",
    "bij-de-wethouder",
    "in-het-team",
    "op-vrijdagmiddag",
    "met-onvolledige-cijfers",
)
ACTORS = (
    "je leidinggevende",
    "de politiek assistent",
    "de directeur-generaal",
    "de wethouder",
    "een Kamerlid",
    "de hoofdofficier",
    "een collega van een ander departement",
    "de woordvoerder",
    "de inspecteur-generaal",
    "een ervaren teamgenoot",
    "de belangenvereniging",
    "de gemeentesecretaris",
)
OPENINGS = (
    "Je werkt aan {topic}.",
    "Je bent verantwoordelijk voor {topic}.",
    "Al maanden schrijf je mee aan {topic}.",
    "Je team rondt {topic} af.",
    "Op jouw bureau ligt {topic}.",
)
PRESSURES = (
    "{actor} vraagt de tegenvallende cijfers naar een bijlage te verplaatsen.",
    "{actor} laat weten dat de minister deze uitkomst liever niet ziet.",
    "{actor} wil dat het besluit nog voor de zomer valt, ook als de analyse niet af is.",
    "{actor} stelt voor de kritische paragraaf wat milder te formuleren.",
    "{actor} vraagt of er echt geen snellere route is.",
    "{actor} wijst erop dat de coalitie over dit onderwerp verdeeld is.",
    "{actor} wil de betrokken bewoners pas na het besluit informeren.",
    "{actor} meldt dat de pers al vragen stelt over de vertraging.",
)
FACTS = (
    "Volgens jullie analyse is het bereik veel lager dan twee jaar geleden beloofd.",
    "De systemen kunnen de wijziging pas over een half jaar aan.",
    "Een handmatige noodroute geeft een reële kans op fouten en terugvorderingen.",
    "Alles wat er dan staat klopt, maar het beeld verschuift.",
    "Collega's vrezen dat een nee het vertrouwen van het departement kost.",
    "De ondernemer heeft tachtig mensen in dienst en de schade is nog te herstellen.",
    "Bij een vergelijkbare zaak vorig jaar leidde uitstel tot veel onrust.",
    "De cijfers zijn voorlopig en de onzekerheidsmarge is groot.",
    "Omwonenden klagen al jaren, maar formeel is er niets mis met de vergunning.",
    "Het budget is vastgesteld en een tweede ronde is niet voorzien.",
)
CLOSERS = (
    "Wat doe je?",
    "Wat adviseer je?",
    "Hoe pak je dit aan?",
    "Welke keuze maak je?",
    "Wat zeg je tegen {actor}?",
)
OPTIONS = (
    "Het verzoek volgen; de verantwoordelijkheid ligt uiteindelijk bij de politiek.",
    "De tegenvaller zelf benoemen, met uitleg en een perspectief op verbetering.",
    "Via je directeur een gesprek vragen voordat de tekst vastligt.",
    "Het verzoek volgen en in het dossier vastleggen dat je anders adviseerde.",
    "Een tussenvorm zoeken en die samen met {actor} verantwoorden.",
    "Nee zeggen en de risico's zwart op wit zetten.",
    "Tijd vragen om de analyse af te maken, ook als dat het besluit vertraagt.",
    "De betrokkenen nu al informeren, met de onzekerheden erbij.",
    "Een alternatief uitwerken dat het politieke doel dient zonder het risico te verschuiven.",
    "Het dilemma voorleggen aan het team en samen een lijn kiezen.",
)
QUESTIONS = (
    "Waar ligt voor jou de grens tussen goed formuleren en de werkelijkheid kleuren?",
    "Wie voelt zich in jouw team eigenaar van de kwaliteit van dit werk?",
    "Wanneer gaf jij voor het laatst een onwelkom advies, en hoe werd dat ontvangen?",
    "Wat maakt een advies voor jou iets waar je met trots je naam onder zet?",
    "Op welke cijfers word jij afgerekend, en zeggen die iets over goed werk?",
    "Wie draagt in jouw organisatie de gevolgen als dit misgaat?",
    "Wat zou je ongemakkelijk vinden als dit achteraf in de krant kwam?",
    "Wat verwachten je vakgenoten hier van je, en telt dat voor jou?",
    "Heb je ruimte voor een keuze die slecht oogt maar beter werkt?",
)
REFLECTIONS = (
    "Loyaliteit aan de politieke leiding en eerlijkheid tegenover de samenleving botsen hier "
    "niet frontaal.",
    "De spanning zit minder in de vraag of iets mag dan in wat de lezer onthoudt.",
    "Wie alleen nee zegt, wordt de volgende keer omzeild; wie te snel ja zegt, laat burgers "
    "de rekening betalen.",
    "Goed werk kan hier betekenen: alternatieven aanreiken en helder opschrijven wat de prijs is.",
    "Vakmanschap zit vooral in de vorm en in het gesprek vooraf.",
    "Een tegenvaller die later uitkomt doet meer schade dan een die je zelf uitlegt.",
    "Beroepseer vraagt hier dat iemand het gesprek aangaat, ook als het ongemakkelijk is.",
)
VARIATIONS = (
    "Maar wat als {actor} al publiekelijk iets anders heeft beloofd?",
    "Maar wat als de betrokken burgers zelf om snelheid boven zekerheid vragen?",
    "Maar wat als een eerdere motie juist om deze cijfers heeft gevraagd?",
    "Maar wat als het om een kleine ondernemer gaat die net een faillissement heeft overleefd?",
    "Maar wat als je team al twee keer eerder nee heeft gezegd?",
)
TITLES = (
    "{Topic} {twist}",
    "Een lastige vraag over {topic}",
    "Wat te doen met {topic}?",
    "{Topic} en de politieke agenda",
    "Twijfel over {topic}",
)

_PLAIN_SAFE = re.compile(r"^[A-Za-zÀ-ÿ0-9][^:#\"'{}\[\]]*$")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same text, else quoted."""
    if _PLAIN_SAFE.match(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def wrap(text: str, width: int = 68) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def block(text: str, indent: str) -> str:
    """A ``|`` block scalar wrapped at 68 columns, as authors write them."""
    return "|\n" + "".join(f"{indent}{part}\n" for part in wrap(text))


def make_card(rng: random.Random, number: int, used: set[str]) -> str:
    setting, setting_tag = rng.choice(SETTINGS)
    topic_tag, topic = rng.choice(TOPICS)
    twist = rng.choice(TWISTS)
    actor = rng.choice(ACTORS)
    card_id = f"{topic_tag}-{twist}"
    if card_id in used:
        card_id = f"{card_id}-{number:x}"
    used.add(card_id)
    title = rng.choice(TITLES).format(
        topic=topic, Topic=topic[0].upper() + topic[1:], twist=twist.replace("-", " ")
    )
    sentences = [rng.choice(OPENINGS).format(topic=topic)]
    sentences += rng.sample(FACTS, rng.randint(1, 3))
    sentences.append(rng.choice(PRESSURES).format(actor=actor[0].upper() + actor[1:]))
    sentences.append(rng.choice(CLOSERS).format(actor=actor))
    while len(wrap(" ".join(sentences))) > 9:  # fits the card screen: no length warning
        del sentences[1]
    options = [o.format(actor=actor) for o in rng.sample(OPTIONS, rng.choice((2, 3, 4, 4, 4, 5)))]
    out = [
        f"  - id: {card_id}\n",
        f"    title: {scalar(title)}\n",
        f"    field: {rng.choice(FIELDS)}\n",
        f"    setting: {scalar(setting)}\n",
        f"    situation: {block(' '.join(sentences), '      ')}",
        "    options:\n",
        *(f"      - {scalar(o)}\n" for o in options),
        f"    values: [{', '.join(rng.sample(VALUES, rng.randint(2, 5)))}]\n",
    ]
    questions = rng.sample(QUESTIONS, rng.randint(1, 3))
    out += ["    questions:\n", *(f"      - {scalar(q)}\n" for q in questions)]
    if rng.random() < 0.8:
        reflection = " ".join(rng.sample(REFLECTIONS, rng.randint(2, 3)))
        out.append(f"    reflection: {block(reflection, '      ')}")
    if rng.random() < 0.6:
        variation = rng.choice(VARIATIONS).format(actor=actor)
        out += ["    variations:\n", f"      - {scalar(variation)}\n"]
    tags = list(dict.fromkeys((setting_tag, topic_tag)))
    out.append(f"    tags: [{', '.join(tags)}]\n")
    return "".join(out)


def deck_text(cards: int, seed: int = 2024) -> str:
    rng = random.Random(seed)
    used: set[str] = set()
    head = (
        "format: goedwerk-deck/1\n"
        f"id: benchmark-{cards}-kaarten\n"
        f"title: Benchmarkdeck met {cards} kaarten\n"
        "language: nl\n"
        "description: |\n"
        "  Gegenereerd door benchmarks/gen_deck.py om 'goedwerk validate' te meten.\n"
        'authors: ["benchmarks/gen_deck.py"]\n'
        "catalogue: kernaghan-2003\n"
        "cards:\n"
    )
    body = "\n".join(make_card(rng, n, used) for n in range(1, cards + 1))
    return head + body


def _check_values() -> None:
    """Fail loudly when the catalogue no longer has a value the generator uses."""
    sys.path.insert(0, str(HERE.parent))
    from goedwerk_tui.domain.catalogue_file import builtin_catalogue

    known = builtin_catalogue("kernaghan-2003").by_id
    missing = [v for v in VALUES if v not in known]
    if missing:
        raise SystemExit(f"gen_deck: values not in kernaghan-2003: {', '.join(missing)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=DEFAULT_CARDS, help="number of cards")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same deck)")
    parser.add_argument(
        "-o", "--output", type=Path, help="file to write (default: benchmarks/out/)"
    )
    args = parser.parse_args(argv)
    _check_values()
    path = args.output or DEFAULT_OUT / f"deck-{args.cards}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    from goedwerk_tui.domain.yamlsource import MAX_FILE_BYTES

    text = deck_text(args.cards, args.seed)
    size = len(text.encode("utf-8"))
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {args.cards:,} cards, {size:,} bytes")
    if size > MAX_FILE_BYTES:
        print(
            f"gen_deck: over goedwerk's limit of {MAX_FILE_BYTES:,} bytes per file", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
