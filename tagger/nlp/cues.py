"""Evidence about a name from its shape and the words around it, for the entity typer.

Kept apart from the typer's decision logic: these tables and functions say what a context
suggests ("Kursk region", "forestry agency Conaf", "in X", "X said", a dateline), and the
typer weighs that against gazetteers and the rest of the document.
"""

from __future__ import annotations

import re

from tagger.models import Span
from tagger.nlp.candidates import Candidate
from tagger.nlp.tokens import Tokens

LOCATIVE = frozenset(
    "in at near from to into across outside inside around towards toward via throughout "
    "within between".split()
)
_DASHES = frozenset("—–-")


NOT_NAME_NEXT = frozenset("virus disease syndrome fever variant strain outbreak flu".split())
ALIAS_CUES = (["known", "as"], ["nicknamed"], ["dubbed"], ["called"], ["alias"], ["aka"])
INDEX_NUMBERS = frozenset("500 100 40 50 30 225 600 250 2000 200".split())
PLACE_FIRST = frozenset(
    "San Santa Santo São Sao Saint St. Sainte Port Puerto Porto Fort Bandar Kota Ciudad "
    "Villa Nova Novo Nueva Nuevo New Ras Sidi Ain Beit Kafr Deir Tel".split()
)
FACILITY_FIRST = frozenset(
    "Hotel Camp Stade Estadio Palais Castle Hospital Prison Avenida Rua Calle Jalan Jl. Praça "
    "Plaza Plaça Piazza Boulevard Bulevar Carrera Rodovia Autopista Aeropuerto Aeroporto".split()
)
# First words of natural places in several languages: "Ilha do Mel", "Pulau Seribu".
LOCATION_FIRST = frozenset(
    "Lake Mount Mt. Cape Gulf Sea Isle River Wadi Ilha Ile Île Pulau Gunung Monte Cerro "
    "Lago Laguna Bahía Baía Golfo Cabo Bay Strait Straits Jebel Jabal Djebel Nahr Bahr Mont "
    "Lac Ozero".split()
)
# Words that make a "... Center" an organisation, not a building.
ORG_CENTRE = frozenset(
    "National International Regional Global European African Research Study Studies Policy "
    "Warning Monitoring Information Coordination Control Prevention Forecast Forecasting "
    "Analysis Strategic Rights Legal Justice Democratic Social Popular Liberal Union Tsunami "
    "Hurricane Climate Documentation Advocacy Peace Security Development".split()
)
COMPASS = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
    "Northeast Northwest Southeast Southwest".split()
)
# Endings of family names across languages; places rarely end so.
SURNAME_SUFFIX = re.compile(
    r"(?:ska|ski|sky|skyi|ová|ova|ová|enko|chuk|yuk|shvili|dze|ović|ević|vić|ić|ini|elli|etti|"
    r"ucci|opoulos|akis|oglu|oğlu|yan|ian|sson|ssen|sen|son|stein|mann|feld|wicz|czyk|"
    r"escu|ez|iyev|yev|ov|ev|anto|yanto|yono|wati)$"
)
# Endings of company names written as one word: "KazMunayGas", "Safaricom", "Ukrenergo".
COMPANY_SUFFIX = re.compile(r"(?:gas|com|tel|net|bank|soft|tech|corp|air|energo|trans|pharm|ex)$", re.I)
# Endings of place names across languages: Kostiantynivka, Kramatorsk, Islamabad, Hyderabad.
PLACE_SUFFIX = re.compile(
    r"(?:ivka|ivske|ynka|ovka|evka|sk|grad|gorod|pol|pur|abad|stan|ville|burg|bourg|"
    r"berg|shire|ton|ford|field|haven|polis|town|dorf|hausen|ingen|heim)$"
)
# A lowercase noun right after a name says what it is: "Kursk region", "Villa Rose hotel".
NEXT_NOUN_TYPES = {
    **dict.fromkeys(
        "region province district state county city town village municipality governorate "
        "oblast prefecture capital".split(),
        "GPE",
    ),
    **dict.fromkeys("river rivers lake mountains mountain valley desert sea coast".split(), "LOCATION"),
    **dict.fromkeys(
        "hotel airport stadium hospital prison jail camp mosque church bridge dam refinery arena "
        "avenue street road square boulevard "
        "mall market airbase base crossing highway motorway checkpoint mine mines shaft "
        "shafts oilfield plant smelter terminal".split(),
        "FACILITY",
    ),
    **dict.fromkeys(
        "party alliance coalition movement militia bloc faction cartel gang group brigade "
        "battalion regiment".split(),
        "ORGANIZATION",
    ),
}
# A lowercase noun right before a name: "forestry agency Conaf", "the city of Dhahran".
PREV_NOUN_TYPES = {
    **dict.fromkeys(
        "agency company firm group lender insurer carrier airline retailer miner operator "
        "party militia broadcaster newspaper regulator startup conglomerate bank brokerage "
        "automaker carmaker drugmaker chipmaker producer manufacturer developer unit "
        "subsidiary club team maker provider supplier exporter importer".split(),
        "ORGANIZATION",
    ),
    **dict.fromkeys("city town village province region district county state capital".split(), "GPE"),
}
# Words after or before a name that make it a company or a team: "Sasol fell",
# "shares of Naspers", "Sevilla coach".
ORG_NEXT = frozenset(
    "coach manager striker midfielder defender goalkeeper winger fans supporters squad "
    "shares stock stocks shareholders subsidiary fell rose jumped gained slipped edged "
    "climbed dropped surged plunged tumbled slumped soared rallied".split()
)
# Verbs whose object is a company, and staff that work "at" one.
ORG_PREV = frozenset("acquire acquired acquiring buy bought buying purchase purchased".split())
ORG_STAFF = frozenset(
    "analysts analyst economists economist strategists strategist researchers traders "
    "executives engineers employees workers staff bankers".split()
)
ORG_PREV_OF = frozenset("shares units stake subsidiary owner unit chairman shareholders".split())


# Words for a person's role in an apposition: "Suharyanto, head of the agency, said".
ROLE_NOUNS = frozenset(
    "head chief spokesman spokeswoman spokesperson director founder co-founder analyst "
    "economist strategist leader commander owner minister president governor mayor chairman "
    "chairwoman chairperson secretary ceo executive lawyer professor researcher resident "
    "farmer trader official officer coach captain striker midfielder defender goalkeeper "
    "author editor activist member deputy senator lawmaker ambassador envoy general".split()
)
_APPOS_SKIP = frozenset("a an the its his her their former acting interim new senior longtime".split())


def appositive(words: list[str], k: int) -> str | None:
    """What an apposition after a name says it is: "X, a startup backed by ..." is an
    organisation, "X, a town in ..." a place, "X, head of ..." a person."""
    first = words[k].lower() if k < len(words) else ""
    if first not in _APPOS_SKIP and first not in ROLE_NOUNS and first not in PREV_NOUN_TYPES:
        return None  # ", said the city ...", ", who heads the agency": no apposition
    m = k
    while m < len(words) and m < k + 4 and (words[m].lower() in _APPOS_SKIP or words[m][:1].islower()):
        w = words[m].lower()
        if w in ROLE_NOUNS:
            return "PERSON"
        label = PREV_NOUN_TYPES.get(w)
        if label:
            return label
        if w not in _APPOS_SKIP and not w.isalpha():
            return None
        m += 1
    return None


def _common_words() -> frozenset[str]:
    from tagger.nlp.lexicon_tagger import common_words

    return common_words()


def ticker_or_index(tokens: Tokens, c: Candidate) -> bool:
    """Reuters codes "(AAPL.O)" and indices "S&P 500", "FTSE 100": not names."""
    words = tokens.words
    nxt = words[c.j : c.j + 3]
    if c.i > 0 and words[c.i - 1] == "(" and len(nxt) == 3 and nxt[0] == "." and nxt[2] == ")":
        return len(nxt[1]) <= 2 and nxt[1].isupper()
    return (
        c.j - c.i == 1
        and len(nxt) >= 1
        and nxt[0] in INDEX_NUMBERS
        and tokens.starts[c.j] == tokens.ends[c.j - 1] + 1
    )

def quoted(tokens: Tokens, c: Candidate) -> bool:
    """'"The Last Harvest"': a name in quotes, most often a title of a work."""
    words = tokens.words
    before = words[c.i - 1] if c.i > 0 else ""
    if before in ("the", "The") and c.i > 1:
        before = words[c.i - 2]
    after = words[c.j] if c.j < len(words) else ""
    return before in ('"', "“", "‘", "'") and after in ('"', "”", "’", "'")

def acronym(name: str) -> bool:
    """An upper-case short form ("EFCC", "U.N."), not capitals for emphasis or a code."""
    bare = name.replace(".", "").replace("&", "").replace("-", "")
    if "-" in name and any(len(part) == 1 for part in name.split("-")):
        return False  # "D-N.Y." party-state tags, "F-16"
    if len(name) > 3 and name.lower() in _common_words():
        return False  # "FILE PHOTO", "UPDATE": capitals for emphasis
    return 2 <= len(bare) <= 6 and name.isupper() and bare.isalnum()

def context_cue(tokens: Tokens, c: Candidate, person_verbs: frozenset[str]) -> str | None:
    """What the words around a name say it is: GPE, LOCATION, FACILITY, ORGANIZATION,
    PERSON, PLACE (a locative preposition, any place), or None."""
    words = tokens.words
    n = len(words)
    prev = words[c.i - 1] if c.i > 0 else ""
    prev2 = words[c.i - 2] if c.i > 1 else ""
    nxt = words[c.j] if c.j < n else ""
    nxt2 = words[c.j + 1] if c.j + 1 < n else ""
    if nxt in _DASHES and nxt2 in ("based", "born", "bound", "headquartered"):
        return "GPE"
    if nxt in NEXT_NOUN_TYPES:
        return NEXT_NOUN_TYPES[nxt]
    if nxt == "," and c.j + 2 < n:
        appos = appositive(words, c.j + 1)
        if appos:
            return appos
    if prev in PREV_NOUN_TYPES and c.j - c.i <= 3:
        return PREV_NOUN_TYPES[prev]  # "forestry agency Conaf", "striker Saka"
    if prev == "of" and prev2 in PREV_NOUN_TYPES and PREV_NOUN_TYPES[prev2] == "GPE":
        return "GPE"  # "the coastal city of Dhahran"
    if nxt in ORG_NEXT or (prev == "of" and prev2 in ORG_PREV_OF) or prev in ORG_PREV:
        return "ORGANIZATION"
    if prev == "at" and prev2 in ORG_STAFF:
        return "ORGANIZATION"  # "analysts at Halvorsen Pike"
    if c.i > 0 and tokens.sent_start[c.i - 1] and PREV_NOUN_TYPES.get(prev.lower()) == "ORGANIZATION":
        return "ORGANIZATION"  # "Brokerage Halvorsen Pike cut its target"
    if nxt == "(" and (words[c.j + 2 : c.j + 3] == ["."] or words[c.j + 2 : c.j + 3] == [":"]):
        return "ORGANIZATION"  # "Brantley Mills (BRML.O)", "Orbis (Nasdaq: ORBS)": a listed company
    if nxt in person_verbs or (nxt == "," and nxt2 in ("who", "whose")):
        return "PERSON"
    if nxt == "," and nxt2.isdigit() and len(nxt2) <= 2:  # "Odinga, 78,"
        return "PERSON"
    if prev in ("said", "says", "told", "according") or (prev == "to" and prev2 == "according"):
        return "PERSON"
    if prev in LOCATIVE or (prev == "the" and prev2 in LOCATIVE):
        return "PLACE"
    if prev in ("and", "or"):
        # "in Tanjung Priok and Bekasi Timur": the preposition governs both names.
        k = c.i - 2
        while k >= 0 and k > c.i - 7 and (words[k][:1].isupper() or words[k] in ("of", "de", "do", "al")):
            k -= 1
        if 0 <= k < c.i - 2 and words[k] in LOCATIVE:
            return "PLACE"
    return None

def dateline(tokens: Tokens, c: Candidate, text: str) -> bool:
    """'NAIROBI, Kenya (AP) —': an upper-case place at the start of a line."""
    words = tokens.words
    s = tokens.starts[c.i]
    line_start = s == 0 or text.rfind("\n", 0, s) >= text.rfind(".", 0, s) and not text[
        text.rfind("\n", 0, s) + 1 : s
    ].strip()
    if not line_start or not all(w.isupper() for w in words[c.i : c.j] if w[:1].isalpha()):
        return False
    nxt = words[c.j] if c.j < len(words) else ""
    return nxt in (",", "(") or nxt in _DASHES


def demonym(gaz, word: str) -> str | None:
    """"Ontarians", "Nairobians": a people named after a known place."""
    names = gaz.names
    if word in gaz.first_names:
        return None  # "Francis" is not a people of France
    if word.endswith(("ist", "ists", "ista", "istas")) and len(word) > 6:
        return "NORP"  # "Peronist", "Chavistas": followers of a movement
    for suffix in ("ians", "ans", "ian", "an", "ers", "er", "is", "i"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            ends = ("",) if suffix in ("is", "i") else ("", "a", "ia", "o", "e", "y")
            for end in ends:
                place = names.get(stem + end) or gaz.weak.get(stem + end)
                if place in ("GPE", "LOCATION") or names.get(stem + end + "s") == "LOCATION":
                    return "NORP"
    return None


# Words between two names of one type: "A and B", "Wydad beat Raja", "Sinner defeated Ruud".
_COORDINATION = (["and"], ["or"], [",", "and"], ["beat"], ["defeated"], ["vs"], ["vs."], ["v"], ["drew", "with"])


def coordinated(cands, first, n: int, words: list[str]) -> str | None:
    """"Tokyo Electron and Advantest": a name joined by "and", "or" or a comma to a
    name whose type is known shares it."""
    c = cands[n]
    for m in (n - 1, n + 1):
        if not 0 <= m < len(cands):
            continue
        other = cands[m]
        between = words[other.j : c.i] if m < n else words[c.j : other.i]
        label, strength, _ = first[m]
        if (
            label in ("PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY")
            and strength in ("major", "strong", "cue", "forced")
            and between in _COORDINATION
        ):
            return label
    return None


def hyphen_parts(gaz, name: str, start: int) -> list[Span]:
    """"Slovak-Czech" drama: each part a nationality word of its own."""
    out: list[Span] = []
    pos = start
    for part in name.split("-"):
        label = gaz.names.get(part)
        if label not in ("NORP", "GPE"):
            return []
        out.append(Span(pos, pos + len(part), label))
        pos += len(part) + 1
    return out
