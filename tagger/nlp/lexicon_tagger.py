"""A Brill-style part-of-speech tagger from the Pattern lexicon and rules that TextBlob ships.

The offline back-end has no downloaded NLTK model, but TextBlob's package carries Brill's
lexicon (94,000 words), morphology rules and context rules. We read those files directly
(TextBlob's own tagger applies every rule to every token, which is too slow for bulk
annotation) and index the context rules by the tag they change, behind NLTK's `TaggerI`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_CD = re.compile(r"^[0-9\-\,\.\:\/\%\$]+$")
_PAD = ("STAART", "STAART")


def _textblob_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("TextBlob is not installed; the offline tagger needs its lexicon.")
    return Path(next(iter(spec.submodule_search_locations))) / "en"


def _lines(name: str) -> list[list[str]]:
    text = (_textblob_dir() / name).read_text("utf-8")
    return [line.split() for line in text.splitlines() if line and not line.startswith(";;;")]


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, str]:
    """Word -> most frequent Penn Treebank tag (first choice when several are listed)."""
    lex: dict[str, str] = {}
    text = (_textblob_dir() / "en-lexicon.txt").read_text("utf-8")
    for line in text.split("\n"):
        word, _, rest = line.partition(" ")
        if rest and not word.startswith(";;;"):
            tag = rest.split(" ", 1)[0]
            lex[word] = tag.split("|", 1)[0] if "|" in tag else tag
    return lex


def _morphology_rules() -> list[tuple[str | None, str, str, str]]:
    """(required current tag or None, command, affix, new tag)."""
    rules = []
    for r in _lines("en-morphology.txt"):
        if len(r) >= 5 and r[2].startswith("f"):
            rules.append((r[0], r[2][1:].lower(), r[1], r[-2]))
        elif len(r) >= 4:
            rules.append((None, r[1].lower(), r[0], r[-2]))
    return rules


def _context_rules() -> dict[str, list[tuple[str, str, str, str]]]:
    """From-tag -> [(to-tag, command, x, y)], in file order."""
    index: dict[str, list[tuple[str, str, str, str]]] = {}
    for r in _lines("en-context.txt"):
        if len(r) >= 4:
            index.setdefault(r[0], []).append((r[1], r[2].lower(), r[3], r[4] if len(r) > 4 else ""))
    return index


def _tagger_base():
    from nltk.tag.api import TaggerI

    return TaggerI


def _context_matches(cmd: str, x: str, y: str, t: list, i: int) -> bool:
    w0 = t[i][0]
    if cmd == "prevtag":
        return t[i - 1][1] == x
    if cmd == "nexttag":
        return t[i + 1][1] == x
    if cmd == "surroundtag":
        return t[i - 1][1] == x and t[i + 1][1] == y
    if cmd == "prevwd":
        return t[i - 1][0] == x
    if cmd == "nextwd":
        return t[i + 1][0] == x
    if cmd == "curwd":
        return w0 == x
    if cmd == "wdnexttag":
        return w0 == x and t[i + 1][1] == y
    if cmd == "wdprevtag":
        return t[i - 1][1] == x and w0 == y
    if cmd == "prev1or2tag":
        return x in (t[i - 1][1], t[i - 2][1])
    if cmd == "next1or2tag":
        return x in (t[i + 1][1], t[i + 2][1])
    if cmd == "prev1or2or3tag":
        return x in (t[i - 1][1], t[i - 2][1], t[i - 3][1])
    if cmd == "next1or2or3tag":
        return x in (t[i + 1][1], t[i + 2][1], t[i + 3][1])
    if cmd == "prev2tag":
        return t[i - 2][1] == x
    if cmd == "next2tag":
        return t[i + 2][1] == x
    if cmd == "prev1or2wd":
        return x in (t[i - 1][0], t[i - 2][0])
    if cmd == "next1or2wd":
        return x in (t[i + 1][0], t[i + 2][0])
    if cmd == "lbigram":
        return t[i - 1][0] == x and w0 == y
    if cmd == "rbigram":
        return w0 == x and t[i + 1][0] == y
    if cmd == "prevbigram":
        return t[i - 2][1] == x and t[i - 1][1] == y
    if cmd == "nextbigram":
        return t[i + 1][1] == x and t[i + 2][1] == y
    if cmd == "wdand2aft":
        return w0 == x and t[i + 2][0] == y
    if cmd == "wdand2tagaft":
        return w0 == x and t[i + 2][1] == y
    if cmd == "wdand2tagbfr":
        return t[i - 2][1] == x and w0 == y
    return False


class PatternTagger(_tagger_base()):
    """Lexicon lookup, then morphology for unknown words, then contextual rules."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self._morph = _morphology_rules()
        self._context = _context_rules()

    def _unknown(self, word: str, prev: str | None, nxt: str | None) -> str:
        if word[:1].isupper():
            return "NNP"
        if _CD.match(word):
            return "CD"
        tag = "NN"
        lex = self.lexicon
        for need, cmd, x, new in self._morph:
            if need is not None and tag != need:
                continue
            if (
                (cmd == "hassuf" and word.endswith(x))
                or (cmd == "char" and x in word)
                or (cmd == "haspref" and word.startswith(x))
                or (cmd == "deletesuf" and word.endswith(x) and word[: -len(x)] in lex)
                or (cmd == "deletepref" and word.startswith(x) and word[len(x) :] in lex)
                or (cmd == "addsuf" and word + x in lex)
                or (cmd == "addpref" and x + word in lex)
                or (cmd == "goodleft" and x == nxt)
                or (cmd == "goodright" and x == prev)
            ):
                tag = new
        return tag

    def tag(self, tokens):
        """Tag a list of words: [(word, tag), ...], NLTK's TaggerI contract."""
        lex = self.lexicon
        n = len(tokens)
        tags: list[str | None] = []
        for i, w in enumerate(tokens):
            tag = lex.get(w)
            if tag is None and (i == 0 or not w[:1].isupper()):
                tag = lex.get(w.lower())
            tags.append(tag)
        for i, tag in enumerate(tags):
            if tag is None:
                w = tokens[i]
                tags[i] = self._unknown(
                    w, tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < n else None
                )
        t = [_PAD, _PAD, _PAD]
        t.extend([w, g] for w, g in zip(tokens, tags, strict=True))
        t.extend((_PAD, _PAD, _PAD))
        rules = self._context
        for i in range(3, n + 3):
            candidates = rules.get(t[i][1])
            if not candidates:
                continue
            for to, cmd, x, y in candidates:
                if _context_matches(cmd, x, y, t, i):
                    t[i][1] = to
                    break
        return [(w, g) for w, g in t[3 : n + 3]]


@lru_cache(maxsize=1)
def pattern_tagger() -> PatternTagger:
    """The tagger, built once per process."""
    return PatternTagger()


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lowercase words the lexicon knows as something other than a proper noun.

    The lexicon spells American; British forms ("neighbouring", "organise", "centre",
    "defence", "travelled") are added, or they would look like names.
    """
    words = {w for w, t in load_lexicon().items() if t not in ("NNP", "NNPS") and w.islower()}
    extra = set()
    for w in words:
        for a, b in _BRITISH:
            if a in w:
                extra.add(w.replace(a, b))
    return frozenset(words | extra)


_BRITISH = (
    ("or", "our"),
    ("ize", "ise"),
    ("ization", "isation"),
    ("ter", "tre"),
    ("ense", "ence"),
    ("eled", "elled"),
    ("eling", "elling"),
    ("og", "ogue"),
)
