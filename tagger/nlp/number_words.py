"""Word lists the number recognizer reads: number words, units, currencies, months, cue words.

Kept apart from the rules so the rules read as rules, and so a word missing from wire copy is a
one-line fix here. Every set is lowercase unless its name says it is case-sensitive.
"""

from __future__ import annotations

# Hyphen look-alikes read as "-" inside compounds ("1997–98", "twenty‑five").
HYPHENS = str.maketrans({"‐": "-", "‑": "-", "–": "-"})

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9,
    "trillion": 10**12, "dozen": 12,
}  # fmt: skip
# Abbreviated scales after a number: "$3 bn", "50m" (attached ones are in ATTACHED_SCALES).
SCALE_ABBREVS = {"bn": 10**9, "mn": 10**6, "mln": 10**6, "bln": 10**9, "tn": 10**12, "trn": 10**12}
ATTACHED_SCALES = {"m": 10**6, "k": 10**3, "bn": 10**9, "b": 10**9, "mn": 10**6, "tn": 10**12,
                   "trn": 10**12, "mln": 10**6, "bln": 10**9}  # fmt: skip
# "hundreds of", "tens of thousands", "billions of dollars".
PLURAL_SCALES = {"dozens", "hundreds", "thousands", "millions", "billions", "trillions"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 10**6,
}  # fmt: skip

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Months that are also common words or names; they need a day, a year or a date preposition.
AMBIGUOUS_MONTHS = {"march", "may", "jan", "mar", "jun", "jul", "sep", "oct", "nov", "dec",
                    "aug", "apr", "feb", "sept"}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
WEEKDAYS_PLURAL = {d + "s" for d in WEEKDAYS}
# "Good Friday", "Black Friday", "Super Tuesday": named days, not dates.
NAMED_DAY_PREFIXES = {"good", "black", "cyber", "super", "bloody", "ash", "holy", "maundy",
                      "palm", "easter", "giving", "boxing"}  # fmt: skip
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
# Words before a month or weekday that make it a date ("in March", "by May").
DATE_PREPS = {
    "in", "on", "since", "until", "till", "til", "by", "from", "to", "through", "during",
    "before", "after", "last", "next", "this", "early", "late", "mid", "of", "between", "and",
    "or", "throughout", "around", "that", "every", "each", "as", "end", "beginning",
    "start", "into", "for", "past", "coming", "following", "previous", "ending",
}  # fmt: skip
# "last year", "this month", "next week".
RELATIVE_HEADS = {"last", "next", "this", "past", "coming"}
RELATIVE_UNITS = {"week", "month", "year", "weekend", "decade", "century", "season", "quarter",
                  "spring", "summer", "autumn", "fall", "winter", "term"}  # fmt: skip
TIME_OF_DAY = {"morning", "afternoon", "evening", "night"}
DAY_WORDS = {"yesterday", "today", "tomorrow"}
TIME_WORDS = {"midnight", "noon", "midday", "tonight"}

# Time units make DURATION ("two weeks"); with "ago" they make a DATE (TIME for hours).
DURATION_UNITS = {
    "second": "s", "seconds": "s", "sec": "s", "secs": "s", "minute": "m", "minutes": "m",
    "min": "m", "mins": "m", "hour": "h", "hours": "h", "hr": "h", "hrs": "h", "day": "d",
    "days": "d", "night": "d", "nights": "d", "week": "d", "weeks": "d", "fortnight": "d",
    "fortnights": "d", "month": "d", "months": "d", "year": "d", "years": "d", "yr": "d",
    "yrs": "d", "decade": "d", "decades": "d", "century": "d", "centuries": "d",
    "weekend": "d", "weekends": "d", "season": "d", "seasons": "d",
}  # fmt: skip
AM_PM = {"am", "pm", "a.m.", "p.m.", "a.m", "p.m"}
TIME_ZONES = {"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT",
              "PST", "PDT", "EAT", "WAT", "CAT", "IST", "JST", "KST", "AEST", "AEDT", "MSK",
              "ET", "PT", "HKT", "SGT", "WIB", "PKT", "SAST", "Zulu"}  # fmt: skip (case-sensitive)

# Units after a number make a QUANTITY. Lowercase lookup, except the case-sensitive set.
UNITS = set("""
km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters cm mm
centimetre centimetres centimeter centimeters millimetre millimetres millimeter millimeters
foot feet ft inch inches yard yards kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos
gram grams gramme grammes mg milligram milligrams microgram micrograms tonne tonnes ton tons
lb lbs ounce ounces oz litre litres liter liters ml millilitre millilitres gallon gallons barrel
barrels bpd hectare hectares acre acres degree degrees mph kph kmh knot knots megawatt megawatts
mw gigawatt gigawatts gw kilowatt kilowatts kw kwh mwh gwh twh watt watts volt volts kv calorie
calories kcal decibel decibels db byte bytes kb gb tb gigabyte gigabytes megabyte megabytes
terabyte terabytes carat carats kiloton kilotons megaton megatons bcm mcm ghz mhz khz hz
gigahertz megahertz teu teus nanometre nanometres nanometer nanometers nm micron microns
micrometre micrometres micrometer micrometers
""".split())
UNITS_CASED = {"m", "MB"}
# Words that join a unit in front: "square kilometres", "metric tons", "basis points".
UNIT_PREFIXES = {"square", "sq", "cubic", "metric", "nautical", "basis", "light", "cu"}
UNITS_AFTER_PREFIX = {"points", "point", "years", "year"}  # "basis points", "light years"
UNIT_SUFFIXES = {"celsius", "fahrenheit", "centigrade", "c", "f"}  # after "degrees"
# Attached units: "5km", "30C", "64GB". Case-sensitive keys.
ATTACHED_UNITS = {
    "km", "kms", "kg", "kgs", "cm", "mm", "ft", "mph", "kph", "kmh", "mw", "MW", "gw", "GW",
    "kW", "kw", "kWh", "kwh", "MWh", "GWh", "TWh", "C", "F", "GB", "TB", "MB", "lb", "lbs",
    "oz", "ml", "mg", "bpd", "kV", "m2", "km2", "sqm", "GHz", "MHz", "kHz", "Hz",
}  # fmt: skip

# Currencies. Symbols and codes before the number (case-sensitive).
CURRENCY_SYMBOLS = set("$€£¥₹₦₩₽₴₺₱฿₫₪₵₭₲¢")
CURRENCY_PREFIX_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "KES", "UGX", "TZS", "NGN", "ZAR", "CHF",
    "AUD", "CAD", "NZD", "HKD", "SGD", "EGP", "GHS", "ETB", "RWF", "AED", "SAR", "PKR", "BDT",
    "KSh", "Ksh", "KShs", "Kshs", "Sh", "Shs", "TSh", "Tsh", "USh", "Ush", "Rs", "Rs.", "Rp",
    "Tk", "Dh", "Dhs", "GH¢", "MK", "ZK",
}  # fmt: skip
# Letters that sit before "$": "US$", "A$", "HK$".
DOLLAR_PREFIXES = {"US", "A", "C", "NZ", "HK", "S", "R", "NT", "Z", "AU", "CA", "SG", "J", "EC",
                   "TT", "U.S."}  # fmt: skip
# Prefixes glued to digits ("Sh2", "KSh40", "Rs500"); "R" and "N" only with a scale ("R5bn").
GLUED_CURRENCY = ("KShs", "Kshs", "KSh", "Ksh", "Shs", "TSh", "USh", "Sh", "Rs", "Rp", "USD",
                  "EUR", "GBP", "Tk", "Dh")  # fmt: skip
GLUED_CURRENCY_NEEDS_SCALE = ("R", "N")
CURRENCY_WORDS = set("""
dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees rupiah naira rand
shilling shillings franc francs peso pesos real reais rouble roubles ruble rubles hryvnia
hryvnias lira liras dinar dinars dirham dirhams riyal riyals rial rials won baht ringgit kroner
kronor krona krone zloty zlotys forint forints lei cedi cedis kwacha birr taka dong pula leone
leones cent cents pence penny kobo bitcoin bitcoins koruna korunas korun zloty zlotys złoty
złotys sol soles lempira lempiras quetzal quetzales colon colones bolivar bolivars bolivares
guarani guaranis som soms tenge manat manats lari dram lek denar denars kuna leva lev tugrik
kip riel riels kyat kyats afghani afghanis ariary rufiyaa kwanza kwanzas metical meticais
ouguiya dalasi dalasis loti maloti lilangeni emalangeni nakfa shekel shekels sheqel sheqels
dram drams hryvnya rubel rial rials dlrs dlr stg
""".split())
CURRENCY_WORDS_CASED = {"USD", "EUR", "GBP", "KES", "JPY", "CNY", "INR", "UGX", "TZS", "NGN",
                        "ZAR", "CHF", "AUD", "CAD"}  # fmt: skip
# Currency words that are also everyday words; they need a non-year number before them.
AMBIGUOUS_CURRENCY = {"won", "rand", "real", "pound", "pounds", "dong", "lei", "cent"}
PERCENT_WORDS = {"percent", "pct", "%", "percentage"}

# Holidays are dates ("on Boxing Day"); one-word ones need a date preposition before them.
HOLIDAY_HEADS = {"boxing", "christmas", "new", "easter", "good", "black", "cyber", "thanksgiving",
                 "independence", "valentine", "labor", "labour", "memorial", "remembrance",
                 "armistice", "anzac", "veterans", "victory", "halloween", "ramadan", "eid",
                 "diwali", "hanukkah", "passover", "yom", "rosh"}  # fmt: skip
HOLIDAY_TAILS = {"day", "eve", "sunday", "monday", "friday", "al-fitr", "al-adha", "kippur",
                 "hashanah"}  # fmt: skip
HOLIDAY_ALONE = {"christmas", "easter", "thanksgiving", "halloween", "ramadan", "eid", "diwali",
                 "hanukkah", "passover"}  # fmt: skip
HOLIDAY_PREPS = {"on", "at", "over", "during", "before", "after", "since", "until", "by", "for",
                 "till", "of", "from", "to", "this", "last", "next", "ahead", "around"}  # fmt: skip

# Number words that read as a pronoun or idiom after these ("the one who", "no one").
ONE_PRONOUN_BEFORE = {"the", "this", "that", "which", "any", "every", "each", "no", "another",
                      "a", "one", "someone", "anyone", "everyone", "little", "big", "new",
                      "right", "wrong", "other", "same", "such", "last", "latest",
                      "first", "next", "special", "lucky", "loved", "chosen", "whichever",
                      "what", "good", "bad", "older", "younger", "real", "true"}  # fmt: skip
ONE_PRONOUN_AFTER = {"another", "who", "whom", "whose", "which", "that", "by", "day", "way",
                     "hand", "thing", "must", "can", "could", "would", "should", "may", "might",
                     "will", "cannot", "needs", "knows", "gets", "else", "we", "i", "you", "he",
                     "she", "they", "it", "and", "or", "time", "point", "stage", "on"}  # fmt: skip
# A bare number after these is a label, a reference or an id, never a quantity.
ID_CUES = set("""
article articles section sections chapter chapters paragraph paragraphs clause clauses page
pages pp p no nos number flight flights route highway room gate platform bus line channel version
level category phase stage grade class type model series episode vol volume issue bill case
box unit apartment apt suite rule item exhibit lot zone ward block plot tier code pin id ref
resolution rd hwy exit terminal bay pier tel tel. phone fax call dial extension ext
""".split())
# After a number plus one to three capitalised words, these end a street address.
STREET_WORDS = {"Street", "St", "St.", "Road", "Rd", "Rd.", "Avenue", "Ave", "Ave.", "Lane",
                "Boulevard", "Blvd", "Drive", "Way", "Place", "Square", "Close", "Crescent",
                "Terrace", "Court", "Highway", "Parkway", "Row", "Gardens"}  # fmt: skip
# Nouns that make a year-like number a count: "2000 troops".
COUNT_NOUNS = set("""
people persons troops soldiers residents workers jobs homes houses cases deaths members employees
civilians refugees migrants protesters children women men students votes fighters police
officers prisoners patients units vehicles cars buildings schools families households tourists
visitors passengers staff teachers doctors nurses farmers species animals trees acres hectares
words pages copies tickets seats shares points runs goals km miles times
""".split())
# Tails of number compounds that are idioms, not counts: "two-way", "five-star"; after "one"
# every tail but a unit is ("one-off", "one-time"), while "four-time champion" counts.
IDIOM_TAILS = {"way", "sided", "fold", "faced", "dimensional", "pronged", "tier", "tiered",
               "star", "horse", "edged", "seater"}  # fmt: skip
# Tokens after which a capitalised word starts a sentence.
SENT_END = {".", "!", "?", '"', "“", "”", "‘", "'", ":", "(", "[", "—", "–", "-", "•", "*",
            "«", "»", "|", ">"}  # fmt: skip
# Capitalised words that do not make a following number part of a name.
CAP_FUNCTION_WORDS = set("""
the a an in on at by of for from since until to and but or as after before during between about
nearly over around almost some more less than just only all its his her their our your my this
that these those with without within under above up down into per each every another last next
top says said say told reported estimated total among while when where if since including
roughly approximately almost barely fully merely just only exactly precisely perhaps maybe
probably possibly more most fewer least many several average so yet then now still also even
both every whereas although though because once nearly some another through throughout via
per vs versus unlike like despite toward towards against across beyond near past amid amidst
beside besides excluding except following regarding plus minus circa around approximately
fiscal
""".split())
