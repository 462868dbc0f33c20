"""Entity finding and typing on wire-copy sentences written for these tests (offline back-end)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import mentions

CASES = [
    # (text, expected (mention, label) pairs that must be present)
    (
        "PORT SUDAN, Sudan (Reuters) - Aid arrived on Monday.",
        [("PORT SUDAN", "GPE"), ("Sudan", "GPE"), ("Reuters", "ORGANIZATION")],
    ),
    (
        "The Economic and Financial Crimes Commission charged him.",
        [("Economic and Financial Crimes Commission", "ORGANIZATION")],
    ),
    (
        "Funding came from the U.S. Agency for International Development and the Gulf "
        "Cooperation Council.",
        [
            ("U.S. Agency for International Development", "ORGANIZATION"),
            ("Gulf Cooperation Council", "ORGANIZATION"),
        ],
    ),
    (
        "Shares in Reliance Industries and Tata Consultancy Services rose.",
        [("Reliance Industries", "ORGANIZATION"), ("Tata Consultancy Services", "ORGANIZATION")],
    ),
    ("The Slovak-Czech drama won the prize.", [("Slovak", "NORP"), ("Czech", "NORP")]),
    ("Chinese President Xi Jinping arrived.", [("Chinese", "NORP"), ("Xi Jinping", "PERSON")]),
    (
        "Vice Premier He Lifeng met Treasury Secretary Janet Yellen.",
        [("He Lifeng", "PERSON"), ("Janet Yellen", "PERSON")],
    ),
    ("Crowds gathered in St. Peter's Square on Sunday.", [("St. Peter's Square", "FACILITY")]),
    (
        "Somali President Hassan Sheikh Mohamud flew to Ankara.",
        [("Somali", "NORP"), ("Hassan Sheikh Mohamud", "PERSON"), ("Ankara", "GPE")],
    ),
    (
        "Chile's forestry agency Conaf said 43,000 hectares burned near the town of Quilpue.",
        [("Conaf", "ORGANIZATION"), ("Quilpue", "GPE")],
    ),
    (
        "Mamelodi Sundowns beat Kaizer Chiefs at Loftus Versfeld.",
        [("Mamelodi Sundowns", "ORGANIZATION"), ("Kaizer Chiefs", "ORGANIZATION")],
    ),
    ("Federal Reserve Chair Jerome Powell spoke.", [("Federal Reserve", "ORGANIZATION"), ("Jerome Powell", "PERSON")]),
    ("Pakistan Tehreek-e-Insaf (PTI) said.", [("Pakistan Tehreek-e-Insaf", "ORGANIZATION"), ("PTI", "ORGANIZATION")]),
    ("By JOHN DOE\nABIDJAN, Ivory Coast (AP) — Rain fell.", [("JOHN DOE", "PERSON"), ("ABIDJAN", "GPE")]),
    ("Officials in Côte d'Ivoire and N'Djamena agreed.", [("Côte d'Ivoire", "GPE"), ("N'Djamena", "GPE")]),
    (
        "SANTIAGO, Chile — Wildfires killed 112 people, President Gabriel Boric said.",
        [("SANTIAGO", "GPE"), ("Gabriel Boric", "PERSON")],
    ),
    (
        "Ethiopia's Tigist Worku led early. Worku finished second.",
        [("Tigist Worku", "PERSON"), ("Worku", "PERSON")],
    ),
    (
        "Kansai Motor Corp. said profit rose. Kansai cut its forecast.",
        [("Kansai Motor Corp.", "ORGANIZATION"), ("Kansai", "ORGANIZATION")],
    ),
    (
        "Fighting raged near Chasiv Yar, and drones hit Huliaipole.",
        [("Chasiv Yar", "GPE"), ("Huliaipole", "GPE")],
    ),
    ("Bank Indonesia kept its key rate at 6%.", [("Bank Indonesia", "ORGANIZATION")]),
    (
        "His predecessor, Joko Widodo, known as Jokowi, attended.",
        [("Joko Widodo", "PERSON"), ("Jokowi", "PERSON")],
    ),
    ("Troops clashed along the Himalayan border.", [("Himalayan", "NORP")]),
    ("Sevilla coach Garcia Pimienta praised his team.", [("Sevilla", "ORGANIZATION")]),
    ("Fishermen spoke to Greenpeace Africa.", [("Greenpeace Africa", "ORGANIZATION")]),
    ("The ruling Georgian Dream party suspended talks.", [("Georgian Dream", "ORGANIZATION")]),
    (
        "Billionaire Bidzina Ivanishvili accused Western governments.",
        [("Bidzina Ivanishvili", "PERSON"), ("Western", "NORP")],
    ),
    ("Mario de las Casas, a Cosco executive, spoke.", [("Mario de las Casas", "PERSON")]),
    ("The Philippine Red Cross deployed teams.", [("Philippine Red Cross", "ORGANIZATION")]),
    (
        "Nissan and Honda began merger talks; Honda chief executive Toshihiro Mibe spoke.",
        [("Nissan", "ORGANIZATION"), ("Honda", "ORGANIZATION"), ("Toshihiro Mibe", "PERSON")],
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_entities(offline_analyzer, text, expected):
    got = mentions(offline_analyzer, text, "entity")
    for pair in expected:
        assert pair in got, f"{pair} not in {got}"


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Shares of Apple (AAPL.O) fell as the S&P 500 slid.", ["AAPL", "S&P"]),
        ('"The Last Harvest", directed by Petra Hudakova, won.', ["Last Harvest", "The Last Harvest"]),
        ("The F-16 and the Boeing 737 MAX were delayed by COVID-19.", ["F-16", "737", "COVID-19", "MAX"]),
        ("Typhoon Yagi hit the coast after the El Niño season.", ["Yagi", "Typhoon Yagi", "El Niño"]),
        ("Police said the Government would respond. Thousands marched.", ["Police", "Government", "Thousands"]),
        ("EXCLUSIVE-Nigeria's refinery will export fuel.", ["EXCLUSIVE-Nigeria", "EXCLUSIVE"]),
    ],
)
def test_not_names(offline_analyzer, text, absent):
    got = [m for m, _ in mentions(offline_analyzer, text, "entity")]
    for bad in absent:
        assert bad not in got, f"{bad!r} found in {got}"


def test_initials_do_not_end_a_sentence(offline_analyzer):
    text = "Author J.K. Rowling met S. Jaishankar. Rowling said."
    got = mentions(offline_analyzer, text, "entity")
    assert ("J.K. Rowling", "PERSON") in got and ("S. Jaishankar", "PERSON") in got
    assert ("Rowling", "PERSON") in got
