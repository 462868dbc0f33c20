"""Sentences and word tokens with character offsets, from NLTK's Punkt and span tokenizers.

Offsets are the whole point: the reading view highlights `text[start:end]`, so every token
keeps its span in the original text instead of being rewritten (no quote normalisation).
Punkt gets news abbreviations by hand, because the offline path has no trained model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations that end with a period but rarely end a sentence in wire copy.
NEWS_ABBREVIATIONS = (
    "mr mrs ms dr gen lt col sgt cpl maj capt adm brig cmdr gov sen rep st mt ft jr sr prof "
    "rev hon messrs pres supt insp jan feb mar apr jun jul aug sep sept oct nov dec inc corp "
    "co ltd bros no nos vs approx dept est fig u.s u.n u.k u.s.a e.u a.k.a"
).split()

# Titles and company words written with a period are one token, so "Mr." or "Inc." never
# splits a name in two.
_ABBR_TOKEN = (
    r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Cpl|Maj|Capt|Adm|Brig|Cmdr|Gov|Sen|Rep|St|Mt|Ft|Jr|Sr|"
    r"Prof|Rev|Hon|Messrs|Pres|Supt|Insp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Inc|Corp|Co|Ltd|Bros|No|Nos|vs)\.(?!\w)"
)
_MARK = "\u0300-\u036f"  # combining accents, so decomposed names stay one token
TOKEN_PATTERN = (
    r"https?://[^\s\[\]<>\"'()]+|www\.[^\s\[\]<>\"'()]+"  # URLs (markup brackets end them)
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    rf"|{_ABBR_TOKEN}"
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., U.N., p.m.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: John F. Kennedy
    rf"|[\w{_MARK}]+(?:['’](?![sS]\b)[\w{_MARK}]+|[-‑&][\w{_MARK}]+|[.,:](?=\d)[\w]+)*"
    r"|['’][sS]\b"  # possessive, its own token so names never carry it
    r"|\S"
)

# A hyphen inside a capitalised word that a lowercase part follows ("Nairobi-based",
# "pro-Russian") splits the name off; Arabic particles ("al-Shabaab") do not.
_ARABIC_PARTICLES = frozenset("al el ad as ash an ar at az ud ul bin ibn abu bani".split())
_PREFIXES = frozenset("pro anti non ex post pre neo mid".split())
# Lowercase parts inside one name: "Tehreek-e-Insaf", "Sheikh-ul-Islam", "al-Shabaab".
_JOINING_PARTICLES = _ARABIC_PARTICLES | frozenset("e i o y ul ud ur".split())


def _common() -> frozenset[str]:
    from tagger.nlp.lexicon_tagger import common_words

    return common_words()


@dataclass(frozen=True, slots=True)
class Tokens:
    """Parallel lists: word text, start and end offsets, and sentence-start flags."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sent_start: list[bool]

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


@lru_cache(maxsize=1)
def sentence_splitter():
    """A Punkt splitter with news abbreviations, built once (no model file needed)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_NEEDS_SPLIT = re.compile(r"[-‑](?=[a-z])|(?<=[a-z])[-‑](?=[A-Z])|(?<=[A-Z])[-‑](?=[A-Z][a-z])")
_LINE_RE = re.compile(r"[^\n]+")


def _split_hyphens(word: str, start: int, out_w, out_s, out_e) -> None:
    """Split "Nairobi-based" into "Nairobi" "-" "based"; keep "Guinea-Bissau", "al-Shabaab"."""
    parts = re.split(r"([-‑])", word)
    # parts alternates word, hyphen, word ...
    pos = start
    buf_start = start
    buf = parts[0]
    pos += len(parts[0])
    for i in range(1, len(parts), 2):
        hyphen, nxt = parts[i], parts[i + 1]
        left_cap = buf[:1].isupper()
        split = False
        if nxt[:1].islower() and left_cap and nxt not in _JOINING_PARTICLES:
            # "Nairobi-based" splits; "Lee Jae-myung" (a given name, not an English word) stays.
            split = nxt.lower() in _common() or len(nxt) > 6
        elif nxt[:1].isupper() and buf in _PREFIXES:
            split = True  # "pro-Russian", but "Anti-Corruption Bureau" stays whole
        elif buf.isupper() and len(buf) > 1 and nxt[:1].isupper() and not nxt.isupper():
            split = True  # "EXCLUSIVE-Nigeria's refinery", "UK-Kenya trade"
        elif nxt[:1].isupper() and buf[:1].islower() and buf.lower() not in _ARABIC_PARTICLES:
            split = "-" not in buf and not any(c.isdigit() for c in buf)
        if split:
            out_w.append(buf)
            out_s.append(buf_start)
            out_e.append(buf_start + len(buf))
            out_w.append(hyphen)
            out_s.append(pos)
            out_e.append(pos + 1)
            buf_start = pos + 1
            buf = nxt
        else:
            buf = buf + hyphen + nxt
        pos += 1 + len(nxt)
    out_w.append(buf)
    out_s.append(buf_start)
    out_e.append(buf_start + len(buf))


def word_spans(text: str, offset: int = 0) -> tuple[list[str], list[int], list[int]]:
    """Words of a text with absolute offsets, from NLTK's RegexpTokenizer.span_tokenize."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for s, e in _word_tokenizer().span_tokenize(text):
        w = text[s:e]
        s += offset
        if ("-" in w or "‑" in w) and len(w) > 2 and _NEEDS_SPLIT.search(w) and w[0].isalpha():
            _split_hyphens(w, s, words, starts, ends)
            continue
        words.append(w)
        starts.append(s)
        ends.append(s + len(w))
    return words, starts, ends


def sentence_spans(text: str, splitter=None) -> list[tuple[int, int]]:
    """Sentence offsets: lines first (headlines and datelines have no final period), then Punkt."""
    splitter = splitter or sentence_splitter()
    out: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        base = line.start()
        chunk = line.group()
        if not chunk.strip():
            continue
        try:
            for s, e in splitter.span_tokenize(chunk):
                # Punkt ends a sentence after initials ("J.K. Rowling"); join them back.
                if out and out[-1][1] > base and _INITIALS_END.search(text, 0, out[-1][1]):
                    out[-1] = (out[-1][0], base + e)
                else:
                    out.append((base + s, base + e))
        except ValueError:  # Punkt gives up on odd input; one sentence per line then
            out.append((base, line.end()))
    return out


# One or two capital initials at the end of a sentence, but not "U.S." or "U.K.".
_INITIALS_END = re.compile(r"(?<![\w.])(?!U\.[SKN]\.$|E\.U\.$)[A-Z]\.(?:[A-Z]\.)?$")


_OPENERS = frozenset('"“‘\'([-—–•*«')


def tokenize(text: str, splitter=None) -> Tokens:
    """Tokens of a whole document, with sentence starts marked (after opening quotes too).

    `splitter` is a Punkt tokenizer; the default one has our news abbreviations.
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    flags: list[bool] = []
    for s, e in sentence_spans(text, splitter):
        w, st, en = word_spans(text[s:e], s)
        first = True
        for word in w:
            flags.append(first)
            if first and not (len(word) == 1 and word in _OPENERS):
                first = False
        words.extend(w)
        starts.extend(st)
        ends.extend(en)
    return Tokens(words, starts, ends, flags)

