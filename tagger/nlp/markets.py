"""Market identifiers (ticker codes, stock index names) that carry no span, for both back-ends.

Business copy is full of "(7203.T)", "NYSE: KGR", "S&P/TSX" and "FTSE 100": codes and index
names, not organisations or counts (annotation guidelines, section 4). Finding them by their
shape in the raw text, once, lets `spans.normalise` drop any name or number inside them
instead of each recogniser learning the exceptions.
"""

from __future__ import annotations

import re

_EXCHANGES = r"(?:NYSE|NASDAQ|Nasdaq|NYSE\s+American|LSE|TSX|TSXV|ASX|HKEX|SGX|JSE|NSE|BSE|TSE|SIX|KRX|IDX|EGX|NGX)"
_TICKER = re.compile(
    # "(7203.T)", "(AAPL.O)", "(0700.HK)", "(BRKa.N)": a code with an exchange suffix.
    r"[(<](?:[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,3})(?:\s*,\s*[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,3})*[)>]"
    # Index codes: "(.N225)", "(.SPX)", "<.FTSE>".
    r"|[(<]\.[A-Z0-9]{2,8}[)>]"
    # "NYSE: KGR", "(Nasdaq: ORBS)".
    rf"|\b{_EXCHANGES}\s*:\s*[A-Z][A-Z0-9.]{{0,7}}\b"
)
_MOVES = (
    r"(?=\s+(?:index|average|share|stock|futures|rose|fell|gained|lost|closed|ended|slipped|"
    r"climbed|dropped|jumped|was|is|hit|added|edged|slid|advanced|declined|rallied|tumbled|"
    r"\d))"
)
# Index names with their usual tails; the number in "S&P 500" is part of the name. Names
# that are also companies or exchanges ("S&P Global", "listed on Nasdaq") count only when
# the words after them speak of an index ("the Nasdaq fell", "Nikkei share average").
_INDEX = re.compile(
    r"\b(?:"
    r"S&P/(?:TSX|ASX|BSE)(?:\s+(?:Composite|60|200|Sensex))?|S&P\s+(?:500|600|200|100|50)"
    rf"|S&P{_MOVES}|Nikkei(?:\s+225)?{_MOVES}|Dow{_MOVES}|Nasdaq{_MOVES}"
    r"|FTSE(?:\s+(?:100|250|350|MIB|All-Share|Eurofirst\s+300))?"
    r"|Hang\s+Seng(?:\s+(?:China\s+Enterprises|Tech))?"
    r"|DAX|CAC\s+40|IBEX\s+35|STOXX(?:\s+(?:Europe\s+)?(?:600|50))?|Euro\s+STOXX(?:\s+50)?"
    r"|Dow\s+Jones\s+Industrial\s+Average|Dow\s+Jones\s+industrials|Nasdaq\s+Composite|Nasdaq\s+100"
    r"|Russell\s+(?:2000|1000)|KOSPI|Kospi|TOPIX|Topix|Sensex|Nifty(?:\s+50)?|ASX\s+200"
    r"|Shanghai\s+Composite|Shenzhen\s+Component|CSI\s+300|Straits\s+Times\s+Index"
    r"|Jakarta\s+Composite|JSE\s+All-Share|Bovespa|Ibovespa|Merval|TAIEX|Taiex"
    r")(?:\s+Index)?(?![\w&])"
)


def market_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ticker codes and stock index names in `text`."""
    out = [m.span() for m in _TICKER.finditer(text)]
    out.extend(m.span() for m in _INDEX.finditer(text))
    return sorted(out)
