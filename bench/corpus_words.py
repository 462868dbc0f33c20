"""Name lists and sentence templates for the synthetic corpus of `bench/make_corpus.py`.

Kept apart from the generator so the vocabulary can grow without touching the file logic;
every name of a person, outlet or company here is invented or generic.
"""

from __future__ import annotations

FIRST = (
    "Amina Kwame Grace Peter Rose Tomás Sofía Lucía Mateo Ingrid Lars Sigrún Hélène José "
    "Marek Agnieszka Olena Dmytro Aigerim Nurlan Priya Arjun Meera Rahul Wei Mei Hiroshi Yuki "
    "Min-jun Ji-woo Nguyen Linh Siti Budi Fatima Omar Layla Youssef Chiara Marco Anna Jonas "
    "Emma Noah Olivia Liam Zanele Thabo Chidi Ngozi Kofi Efua Ana João Camila Diego Sara "
    "Erik Maja Kemal Elif Dariusz Katarzyna Tariq Nadia Samuel Ruth"
).split()
LAST = (
    "Mensah Odhiambo Achieng Wanjiru Rivera Herrera Gómez Berg Holm Jónsdóttir Gagnon "
    "Martínez Nowak Kowalska Shevchenko Bondarenko Nurlanova Sharma Patel Iyer Chen Wang "
    "Tanaka Sato Kim Park Tran Pham Rahman Santoso Haddad Khalil Benali Rossi Bianchi Müller "
    "Schneider Dubois Laurent Ndlovu Dlamini Okafor Adeyemi Asante Owusu Silva Costa Fernández "
    "Lindqvist Yılmaz Demir Kaczmarek Hussain Farouk Cohen Mizrahi Mwangi Kamau Banda Phiri"
).split()
PLACES = (
    ("Nairobi", "Kenya"),
    ("Mombasa", "Kenya"),
    ("Kampala", "Uganda"),
    ("Accra", "Ghana"),
    ("Lagos", "Nigeria"),
    ("Abuja", "Nigeria"),
    ("Johannesburg", "South Africa"),
    ("Cape Town", "South Africa"),
    ("Addis Ababa", "Ethiopia"),
    ("Dakar", "Senegal"),
    ("Cairo", "Egypt"),
    ("Casablanca", "Morocco"),
    ("Tunis", "Tunisia"),
    ("Amman", "Jordan"),
    ("Beirut", "Lebanon"),
    ("Istanbul", "Turkey"),
    ("Ankara", "Turkey"),
    ("Kyiv", "Ukraine"),
    ("Kharkiv", "Ukraine"),
    ("Warsaw", "Poland"),
    ("Gdańsk", "Poland"),
    ("Berlin", "Germany"),
    ("Hamburg", "Germany"),
    ("Paris", "France"),
    ("Lyon", "France"),
    ("Madrid", "Spain"),
    ("Seville", "Spain"),
    ("Rome", "Italy"),
    ("Milan", "Italy"),
    ("London", "United Kingdom"),
    ("Manchester", "United Kingdom"),
    ("Oslo", "Norway"),
    ("Stockholm", "Sweden"),
    ("Reykjavík", "Iceland"),
    ("Almaty", "Kazakhstan"),
    ("Tashkent", "Uzbekistan"),
    ("Mumbai", "India"),
    ("Delhi", "India"),
    ("Dhaka", "Bangladesh"),
    ("Karachi", "Pakistan"),
    ("Jakarta", "Indonesia"),
    ("Manila", "Philippines"),
    ("Hanoi", "Vietnam"),
    ("Bangkok", "Thailand"),
    ("Seoul", "South Korea"),
    ("Tokyo", "Japan"),
    ("Osaka", "Japan"),
    ("Shanghai", "China"),
    ("Sydney", "Australia"),
    ("Auckland", "New Zealand"),
    ("São Paulo", "Brazil"),
    ("Rio de Janeiro", "Brazil"),
    ("Buenos Aires", "Argentina"),
    ("Santiago", "Chile"),
    ("Lima", "Peru"),
    ("Bogotá", "Colombia"),
    ("Mexico City", "Mexico"),
    ("Toronto", "Canada"),
    ("Chicago", "United States"),
    ("Houston", "United States"),
)
REGIONS = (
    "the Sahel",
    "the Horn of Africa",
    "the Black Sea",
    "the Baltic Sea",
    "the Alps",
    "the Andes",
    "the Mekong Delta",
    "the Rift Valley",
    "Central Asia",
    "the Amazon basin",
    "the North Sea",
    "the Persian Gulf",
    "Southeast Asia",
    "the Balkans",
)
ORGS = (
    "the Ministry of Finance",
    "the Ministry of Health",
    "the Ministry of Defence",
    "the central bank",
    "the World Bank",
    "the International Monetary Fund",
    "the United Nations",
    "the World Health Organization",
    "the African Union",
    "the European Commission",
    "the national statistics office",
    "the electoral commission",
    "the Supreme Court",
    "the port authority",
    "the national railway company",
    "Red Crescent",
    "Médecins Sans Frontières",
    "the Chamber of Commerce",
    "Northwind Energy",
    "Harbourline Shipping",
    "Granite Peak Mining",
    "Lumen Telecom",
    "Silverleaf Pharmaceuticals",
    "Eastgate Bank",
    "Tidewater Foods",
    "Kestrel Airways",
    "Meridian Motors",
    "Blue Shores Foundation",
    "the teachers' union",
    "the farmers' union",
)
OUTLETS = (
    "Lakeside Herald",
    "Coast Times",
    "Andes Business Daily",
    "North Atlantic Wire",
    "Steppe News",
    "Riverside Times",
    "Valle Diario",
    "Bangkok Ledger",
    "Oslo Ledger",
    "Maghreb Economic Review",
    "Himalaya Dispatch",
    "Accra Market Watch",
    "Delta Courier",
    "Baltic Observer",
    "Pacific Report",
    "Sahel Monitor",
    "Capital Gazette",
    "Harbour Post",
)
ROLES = (
    "finance minister",
    "health minister",
    "spokeswoman",
    "spokesman",
    "chief executive",
    "governor",
    "mayor",
    "union leader",
    "senior analyst",
    "economist",
    "police chief",
    "opposition leader",
    "army spokesman",
    "head of research",
    "regional director",
)
NORPS = (
    "Kenyan",
    "Ukrainian",
    "Brazilian",
    "Indonesian",
    "Nigerian",
    "Polish",
    "Chilean",
    "Japanese",
    "Moroccan",
    "Turkish",
    "German",
    "Indian",
    "Mexican",
    "Egyptian",
)
CURRENCIES = ("$", "€", "£")
UNITS = ("tonnes", "km", "hectares", "barrels a day", "megawatts", "litres")
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DURATIONS = ("two weeks", "six months", "three years", "10 days", "a decade", "18 months")

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "economy": {
        "titles": (
            "{country} inflation eases to {pct} as food prices fall",
            "{org_t} raises interest rate to {pct} to defend currency",
            "{country} economy grows {pct} in {quarter} quarter",
            "{city} unveils {money} stimulus plan for small firms",
        ),
        "paras": (
            "Consumer prices in {country} rose {pct} in {month} from a year earlier, {org} said on {weekday}, down from {pct2} the month before.",
            "{role_c} {person} told reporters in {city} that the government expected growth of about {pct} in {year}.",
            "The {norp} currency has lost {pct} of its value against the dollar since {month}, raising the cost of imported fuel and fertiliser.",
            "Economists at {company} said a further rise of {points} percentage points was likely before the end of the year.",
        ),
    },
    "conflict": {
        "titles": (
            "Fighting near {city} displaces {number} people, aid groups say",
            "{country} says it shot down {small} drones overnight",
            "Ceasefire talks on {region} stall after {duration}",
        ),
        "paras": (
            "At least {small} civilians were killed and {number} people fled their homes after shelling near {city} on {weekday}, {org} said.",
            "{role_c} {person} said troops had pushed back an attack along a {quantity} stretch of the front line south of {city}.",
            "Aid agencies said {money} was needed to feed about {number} displaced people in {region} over the next {duration}.",
            "Negotiators from both sides met in {city2} for {duration} but failed to agree on the exchange of {small} prisoners.",
        ),
    },
    "business": {
        "titles": (
            "{company} to cut {number} jobs as profits drop {pct}",
            "{company} agrees {money} takeover of {country} rival",
            "{company} shares jump {pct} after record quarter",
        ),
        "paras": (
            "{company} said on {weekday} that net profit fell {pct} to {money} in the three months to {month}, hurt by weaker demand in {country}.",
            "{role_c} {person} said the company would close {small} plants and move production to {city} by {year}.",
            "Shares in the {city}-listed firm rose {pct} in early trading, valuing it at about {money}.",
            "Analysts at {company2} said the deal would give the group a {pct} share of the {norp} market.",
        ),
    },
    "health": {
        "titles": (
            "{country} reports {number} new cholera cases in {duration}",
            "{org_t} approves {money} vaccine programme for {country}",
            "Hospital strike in {city} enters second week",
        ),
        "paras": (
            "Health officials in {country} recorded {number} cases of cholera and {small} deaths in the {duration} to {date}, {org} said.",
            "{role_c} {person} said {pct} of children under five in {city} had now received a first dose.",
            "Doctors at {small} public hospitals in {city} walked out on {weekday}, demanding a {pct} pay rise and {number} new posts.",
            "The programme, worth {money}, will run for {duration} and is funded partly by {org}.",
        ),
    },
    "environment": {
        "titles": (
            "Drought cuts {country} harvest by {pct}",
            "{city} floods leave {number} homeless after record rainfall",
            "{country} pledges to plant {number} trees in {region}",
        ),
        "paras": (
            "Farmers in {country} expect to harvest {number} tonnes of maize this season, {pct} less than last year, {org} said.",
            "More than {number} people were moved to shelters after {small}0 mm of rain fell on {city} in {duration}, {role} {person} said.",
            "Scientists at {company} said temperatures in {region} had risen by {decimal} degrees since the 1990s.",
            "The {money} programme aims to restore {quantity} of degraded land by {year}, according to {org}.",
        ),
    },
    "politics": {
        "titles": (
            "{country} opposition wins {pct} in {city} mayoral vote",
            "{person} sworn in as {country} prime minister",
            "Parliament in {city} passes {money} budget after {duration} of talks",
        ),
        "paras": (
            "{person} won {pct} of the vote in {city} on {weekday}, the electoral commission said, beating the ruling party's candidate by {number} votes.",
            "Turnout was {pct}, the highest since {year}, according to {org}.",
            "{role_c} {person2} said the new government would cut the deficit to {pct} of GDP within {duration}.",
            "Thousands of {norp} protesters gathered in central {city} on {date} to demand early elections.",
        ),
    },
}
GENERIC_PARAS = (
    '"We did not expect it to happen this quickly," said {person}, a resident of {city}.',
    "{org_c} did not respond to a request for comment on {weekday}.",
    "The figures, published on {date}, are the first since {month} {year}.",
    "Similar measures were introduced in {country2} in {year}, with mixed results, {person2} of {company} said.",
    "About {pct} of those surveyed by {company} said they were worse off than a year ago.",
)
CAPTIONS = (
    "Workers at a site near {city}",
    "Residents queue for water in {city}",
    "{person} speaks to reporters in {city}",
)
TAILS = (
    "Related topics\n\nJoin Our Newsletter\n\n{title2}\n\n{title3}",
    "More on this story\n\n{title2}\n\nFollow us on social media",
    "Watch: {title2}\n\nCopyright {year} {outlet}. All rights reserved.",
)
