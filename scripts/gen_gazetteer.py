#!/usr/bin/env python3
"""Generates assets/gazetteer/places.tsv, Khabar's Arabic gazetteer of places.

Re-run (Debian 12; Python 3.11 standard library only):

    apt-get update -qq
    apt-get install -y iso-codes libgeonames-common libgeonames0 unicode-cldr-core \
        hunspell-ar wamerican
    python3 scripts/gen_gazetteer.py          # writes assets/gazetteer/places.tsv
    python3 scripts/gen_gazetteer.py --check  # also prints merge/collision notes to stderr

The output is deterministic for the same package versions and curated files.

Sources (all read from installed Debian packages, nothing is downloaded):
  * iso-codes (LGPL-2.1-or-later): ISO 3166-1 English names (json) and their Arabic
    translations (/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo).
  * unicode-cldr-core (Unicode-DFS-2016): Arabic names of territories and world regions
    (common/main/ar.xml), Arabic exemplar cities of time zones, Arabic names of ISO 3166-2
    subdivisions (common/subdivisions/ar.xml) and their containment.
  * libgeonames-common + libgeonames0 (GeoNames data, CC-BY-4.0): the cities of population
    >= 15000 compiled into libgeonames.so (read through ctypes: id, English name, admin1,
    country, time zone, population) and the Arabic names keyed by GeoNames id / admin1 code in
    /usr/share/locale/ar/LC_MESSAGES/geonames.mo.
  * hunspell-ar (Ayaspell, GPL-2+/LGPL-2.1+/MPL-1.1): used only as a *filter*: an automatically
    imported one-word name that is also an ordinary Arabic word (الباب "the door", حائل,
    الخمس...) is flagged `ambiguous` (or left out when it is a small place). No words of it
    are copied into the output.
  * wamerican (/usr/share/dict/words): also only a filter, to leave out English aliases that
    are ordinary English words ("Nice", "Mobile", "Reading").
  * scripts/gazetteer_curated/places_*.tsv: hand-written lines (curated), same columns as
    the output. Their `source` column may carry a merge key after `@`:
        curated@iso:US          the country with ISO 3166-1 code US
        curated@city:SY:Aleppo  the most populous GeoNames city of SY named Aleppo
                                (a new entry when GeoNames has none)
        curated@gn:170063       the GeoNames id
        curated@sub:egc         the CLDR/ISO 3166-2 subdivision (lower case, no dash)
        curated@cldr:015        a CLDR world region
    Without a key a curated line is a new entry. Curated canonicals replace generated ones;
    curated aliases are added; an alias written "-X" removes X from the merged entry.
    A curated flags column of `ambiguous` sets the flag, `-` clears any automatic flag, and
    `drop` removes the keyed generated entry (a wrong or duplicate GeoNames/CLDR record).

Output columns: canonical<TAB>place<TAB>alias|alias|...<TAB>source<TAB>flags.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gettext
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED_DIR = ROOT / "scripts" / "gazetteer_curated"
OUT = ROOT / "assets" / "gazetteer" / "places.tsv"

ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
ISO_MO = Path("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo")
GN_MO = Path("/usr/share/locale/ar/LC_MESSAGES/geonames.mo")
CLDR = Path("/usr/share/unicode/cldr/common")
HUNSPELL_AR = Path("/usr/share/hunspell/ar.dic")
EN_WORDS = Path("/usr/share/dict/words")

CHECK = "--check" in sys.argv


def note(msg: str) -> None:
    if CHECK:
        print(msg, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Text helpers. `fold` mirrors src/core/normalize.rs and `fold_phrase` src/core/lexicon.rs, so
# that duplicates are detected the way Khabar will see them.

def is_tashkeel(c: str) -> bool:
    o = ord(c)
    return 0x0610 <= o <= 0x061A or 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED


def is_format(c: str) -> bool:
    o = ord(c)
    return 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069 or o == 0xFEFF


FOLD_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي", "ی": "ي",
            "ې": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك", "گ": "ك"}


def fold(s: str) -> str:
    out = []
    for c in s:
        if is_tashkeel(c) or c == "\u0640" or is_format(c):
            continue
        o = ord(c)
        if 0x0660 <= o <= 0x0669:
            c = chr(ord("0") + o - 0x0660)
        elif 0x06F0 <= o <= 0x06F9:
            c = chr(ord("0") + o - 0x06F0)
        out.append(FOLD_MAP.get(c, c.lower() if c.isascii() else c))
    return "".join(out)


def is_word_char(c: str) -> bool:
    return c.isalnum() or is_tashkeel(c) or c == "\u0640" or c in "'’"


def fold_phrase(s: str) -> str:
    words, cur = [], []
    for c in s:
        if is_word_char(c):
            cur.append(c)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return " ".join(w for w in (fold(w) for w in words) if w)


def has_arabic(s: str) -> bool:
    return any("\u0620" <= c <= "\u064A" or "\u0671" <= c <= "\u06D3" for c in s)


def is_latin_name(s: str) -> bool:
    return bool(s) and all(c.isascii() or unicodedata.category(c).startswith("L") and ord(c) < 0x250
                           or c in "'’ " for c in s) and any(c.isalpha() for c in s)


def clean(name: str, keep_marks: bool = False) -> str:
    """Display-clean a generated name: no format characters, tatweel or (unless asked)
    tashkeel, Persian yeh/kaf as Arabic, no parenthesised parts, hyphens as spaces."""
    s = "".join(c for c in name if not is_format(c) and c != "\u0640")
    if not keep_marks:
        s = "".join(c for c in s if not is_tashkeel(c))
    s = s.replace("ی", "ي").replace("ک", "ك").replace("ـ", "")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"[-‐–—_/]", " ", s)
    s = re.sub(r"[.\"“”«»]", "", s)
    s = "".join(c for c in s if unicodedata.category(c) != "No")
    return re.sub(r"\s+", " ", s).strip(" ,،")


def unaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def arabic_words(s: str) -> int:
    return len(fold_phrase(s).split())


# --------------------------------------------------------------------------------------------
# Entries.

class Entry:
    def __init__(self, key: str, kind: str, weight: float, country: str = ""):
        self.key = key
        self.kind = kind          # country, region, subdivision, city, feature
        self.weight = weight
        self.country = country
        self.canonical = ""
        self.aliases: list[str] = []
        self.removed: set[str] = set()
        self.sources: set[str] = set()
        self.flag: bool | None = None      # curated decision; None = automatic
        self.auto_flag = False
        self.curated = False
        self.english: list[str] = []

    def add(self, name: str, source: str | None = None) -> None:
        if not name:
            return
        if name not in self.aliases:
            self.aliases.append(name)
        if source:
            self.sources.add(source)
        if not self.canonical and has_arabic(name):
            self.canonical = name

    def forms(self) -> list[str]:
        seen, out = set(), []
        for a in [self.canonical] + self.aliases:
            f = fold_phrase(a)
            if a and f and f not in seen and f not in self.removed:
                seen.add(f)
                out.append(a)
        return out


ENTRIES: dict[str, Entry] = {}


def entry(key: str, kind: str, weight: float, country: str = "") -> Entry:
    e = ENTRIES.get(key)
    if e is None:
        e = ENTRIES[key] = Entry(key, kind, weight, country)
    return e


# --------------------------------------------------------------------------------------------
# Filters: ordinary Arabic words (hunspell-ar) and ordinary English words (wamerican).

# Ayaspell affix classes that mark proper nouns (countries, cities, people); any other class
# means the stem is (also) an ordinary word.
PROPER_FLAGS = {"57", "59", "60", "64", "92", "93", "109"}


def load_common_arabic() -> tuple[set[str], set[str]]:
    common, given = set(), set()
    for line in HUNSPELL_AR.read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith("::") or line.endswith(".dic"):
            continue
        word, _, rest = line.partition("/")
        flag = rest.split("\t")[0].strip()
        w = fold(word.strip())
        if not w or not has_arabic(w):
            continue
        if flag == "64":
            given.add(w)
        if flag not in PROPER_FLAGS:
            common.add(w)
    return common, given


def load_english_words() -> set[str]:
    if not EN_WORDS.exists():
        return set()
    return {w.strip() for w in EN_WORDS.read_text(encoding="utf-8", errors="replace").splitlines()
            if w.strip() and w.strip()[0].islower() and "'" not in w}


COMMON_AR, GIVEN_NAMES = load_common_arabic()
COMMON_EN = load_english_words()


def arabic_common(alias: str) -> bool:
    """A one-word Arabic alias that is also an ordinary word or a given name."""
    f = fold_phrase(alias)
    if not f or " " in f or not has_arabic(f):
        return False
    bare = f[2:] if f.startswith("ال") and len(f) > 4 else f
    if len(bare) <= 2:
        return True
    cands = {f, bare}
    if bare.endswith("ه") and len(bare) > 3:
        cands.add(bare[:-1])
    if bare.endswith("ات") and len(bare) > 4:
        cands.add(bare[:-2])
    return bool(cands & COMMON_AR) or f in GIVEN_NAMES or bare in GIVEN_NAMES


def english_ok(name: str) -> bool:
    n = name.strip()
    if len(n) < 4 or not is_latin_name(n):
        return False
    return not (" " not in n and n.lower() in COMMON_EN)


# --------------------------------------------------------------------------------------------
# Source: iso-codes.

def load_iso() -> None:
    tr = gettext.GNUTranslations(ISO_MO.open("rb"))
    for c in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]:
        e = entry("iso:" + c["alpha_2"], "country", 1e10, c["alpha_2"])
        for field in ("name", "official_name", "common_name"):
            if field not in c:
                continue
            en = c[field]
            ar = tr.gettext(en)
            if ar != en and has_arabic(ar):
                # "إيران، الجمهورية الإسلامية الإيرانية": the part before the comma is the name.
                part = ar.split("،")[0] if field == "name" else ar
                if field == "official_name" and "،" in ar:
                    continue
                e.add(clean(part), "iso-codes")
            if "," not in en and "(" not in en:
                e.english.append(en)


# --------------------------------------------------------------------------------------------
# Source: Unicode CLDR.

def cldr_xml(rel: str) -> ET.Element:
    return ET.parse(CLDR / rel).getroot()


SKIP_TERRITORIES = {"001", "EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}


def load_cldr_territories() -> None:
    en = {t.get("type"): t.text for t in cldr_xml("main/en.xml").iter("territory")
          if not t.get("alt")}
    for t in cldr_xml("main/ar.xml").iter("territory"):
        code, name, alt = t.get("type"), t.text or "", t.get("alt")
        if code in SKIP_TERRITORIES:
            continue
        if code.isdigit():
            e = entry("cldr:" + code, "region", 1e9)
        else:
            e = entry("iso:" + code, "country", 1e10, code)
        name = clean(name.split(" - ")[0])
        if alt is None and e.canonical and e.sources <= {"iso-codes"}:
            # CLDR's standard name is the common news spelling; iso-codes' often the formal one.
            e.canonical = name
        e.add(name, "cldr")
        if alt is None and code in en and code not in ("XK",):
            e.english.append(en[code])
        if code == "XK":
            e.english.append("Kosovo")


CONTAINERS = {}


def load_cldr_subdivisions(gn_admin: dict) -> None:
    sup = cldr_xml("supplemental/subdivisions.xml")
    groups = {g.get("type"): g.get("contains").split() for g in sup.iter("subgroup")}
    ar = {s.get("type"): s.text for s in cldr_xml("subdivisions/ar.xml").iter("subdivision")}
    en = {s.get("type"): s.text for s in cldr_xml("subdivisions/en.xml").iter("subdivision")}
    for cc, subs in sorted(groups.items()):
        if not (len(cc) == 2 and cc.isupper()) or cc not in SUB_COUNTRIES:
            continue
        codes = list(subs)
        if cc in ARAB:
            # Arab countries: second level too (Moroccan provinces, Iraqi Kurdistan's governorates).
            codes += [c for s in subs for c in groups.get(s, [])]
        for code in codes:
            name = ar.get(code)
            if not name or not has_arabic(name):
                continue
            name = clean(name.split("،")[0])
            if generic_name(name):
                continue
            e = entry("sub:" + code, "subdivision", 3e5, cc)
            e.add(name, "cldr")
            if code in en and is_latin_name(clean(en[code])):
                e.english.append(clean(en[code]))


# Countries whose first level are hundreds of small municipalities.
MUNICIPAL_COUNTRIES = {"SI", "MK", "MT", "LV"}

ARAB = set("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE DJ KM SO".split())
# Subdivisions are taken for the Arab world, its neighbours and the larger countries in the
# news, not for every parish of every island state.
SUB_COUNTRIES = ARAB | set("""IR TR IL AF PK IN CN RU UA US CA MX BR AR CO VE DE FR IT ES GB NG
    ET KE SS ER TD ML NE AZ AM GE KZ UZ TM KG TJ JP KR KP ID MY PH TH VN MM BD AU ZA CD CY GR BY
    PL""".split())

GENERIC_WORDS = {fold(w) for w in """شمال جنوب شرق غرب وسط الشمال الجنوب الشرق الغرب الوسط شمالي
    جنوبي شرقي غربي الشمالية الجنوبية الشرقية الغربية الوسطى الوسطي الشمالي الجنوبي الشرقي الغربي
    الأوسط المركزية المركزي العاصمة الساحل الساحلية الجزر الحدود الداخلية المنطقة الإدارة
    المقاطعة المحافظة الإقليم منطقة محافظة إقليم مقاطعة ولاية الولاية العليا السفلى العليا الأعلى
    مدينة الأولى الثانية الثالثة الرابعة الخامسة""".split()}


def generic_name(name: str) -> bool:
    """"الشمالية الغربية", "المقاطعة الوسطى": a direction, not a name."""
    return all(w in GENERIC_WORDS for w in fold_phrase(name).split())

# The head noun Arabic news puts before a subdivision's name, per country.
SUB_HEAD = {
    "EG": "محافظة", "IQ": "محافظة", "SY": "محافظة", "JO": "محافظة", "YE": "محافظة",
    "LB": "محافظة", "PS": "محافظة", "KW": "محافظة", "BH": "محافظة", "OM": "محافظة",
    "SA": "منطقة", "DZ": "ولاية", "TN": "ولاية", "SD": "ولاية", "MR": "ولاية", "LY": "بلدية",
    "MA": "جهة", "AE": "إمارة", "QA": "بلدية", "SO": "إقليم", "DJ": "إقليم",
    "US": "ولاية", "MX": "ولاية", "BR": "ولاية", "IN": "ولاية", "DE": "ولاية", "AU": "ولاية",
    "NG": "ولاية", "MY": "ولاية", "VE": "ولاية", "SS": "ولاية", "AT": "ولاية",
    "CA": "مقاطعة", "CN": "مقاطعة", "ZA": "مقاطعة", "PK": "إقليم", "AF": "ولاية",
    "IR": "محافظة", "TR": "ولاية", "RU": "إقليم", "UA": "مقاطعة", "FR": "منطقة", "IT": "إقليم",
    "ES": "إقليم",
}
SUB_HEADS_ALL = {fold(h) for h in SUB_HEAD.values()} | {fold(h) for h in (
    "منطقة", "محافظة", "ولاية", "إقليم", "مقاطعة", "شعبية", "بلدية", "جهة", "إمارة", "عمالة",
    "ولايه", "اقليم", "مديرية", "جزيرة", "جمهورية")}


def sub_bare(name: str) -> str:
    words = name.split()
    if len(words) > 1 and fold(words[0]) in SUB_HEADS_ALL:
        return " ".join(words[1:])
    return name


def load_cldr_exemplar_cities() -> dict[str, str]:
    out = {}
    for z in cldr_xml("main/ar.xml").iter("zone"):
        ex = z.find("exemplarCity")
        if ex is not None and ex.text and not ex.get("alt"):
            out[z.get("type")] = clean(ex.text)
    return out


# --------------------------------------------------------------------------------------------
# Source: GeoNames, as compiled into libgeonames (Debian's libgeonames0 / libgeonames-common).

def load_geonames_cities() -> list[tuple]:
    lib = ctypes.CDLL(ctypes.util.find_library("geonames") or "libgeonames.so.0")
    glib = ctypes.CDLL(ctypes.util.find_library("glib-2.0") or "libglib-2.0.so.0")
    lib.geonames_get_n_cities.restype = ctypes.c_int
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    glib.g_variant_get_child_value.restype = ctypes.c_void_p
    glib.g_variant_get_child_value.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    glib.g_variant_get_string.restype = ctypes.c_char_p
    glib.g_variant_get_string.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    glib.g_variant_get_uint32.restype = ctypes.c_uint32
    glib.g_variant_get_uint32.argtypes = [ctypes.c_void_p]
    glib.g_variant_unref.argtypes = [ctypes.c_void_p]
    rows = []
    for i in range(lib.geonames_get_n_cities()):
        v = lib.geonames_get_city(i)   # (id, name, admin1, admin1 name, cc, country, tz, pop, lat, lon)
        fields = []
        for k in range(7):
            c = glib.g_variant_get_child_value(v, k)
            fields.append(glib.g_variant_get_string(c, None).decode("utf-8"))
            glib.g_variant_unref(c)
        c = glib.g_variant_get_child_value(v, 7)
        fields.append(int(glib.g_variant_get_uint32(c)))
        glib.g_variant_unref(c)
        rows.append(tuple(fields))
    rows.sort(key=lambda r: int(r[0]))
    return rows


def arabic_geonames_name(raw: str) -> str:
    name = clean(raw.split("،")[0].split(",")[0])
    if not has_arabic(name) or re.search(r"[A-Za-z0-9]", name):
        return ""
    return name


CITY_BY_NAME: dict[tuple[str, str], list[str]] = {}


def load_geonames(rows: list[tuple]) -> dict:
    ar = gettext.GNUTranslations(GN_MO.open("rb"))._catalog
    # Countries: GeoNames' Arabic country names (keys "US", ...).
    for key, val in sorted(ar.items()):
        if isinstance(key, str) and re.fullmatch(r"[A-Z]{2}", key):
            name = arabic_geonames_name(val)
            if name and "iso:" + key in ENTRIES:
                ENTRIES["iso:" + key].add(name, "geonames")
    admin: dict[str, dict] = {}
    for gid, name, a1, a1name, cc, _country, tz, pop in rows:
        CITY_BY_NAME.setdefault((cc, fold(unaccent(name))), []).append(gid)
        CITY_BY_NAME.setdefault(("", fold(unaccent(name))), []).append(gid)
        if a1:
            a = admin.setdefault(f"{cc}.{a1}", {"en": a1name, "pop": 0, "cc": cc})
            a["pop"] += pop
        arname = arabic_geonames_name(ar.get(gid, ""))
        if arname.split(" ")[0] in CITY_NOT_HEADS and " " in arname:
            # "ولاية الجلفة" for the city of Djelfa: the city is the bare name.
            arname = arname.split(" ", 1)[1]
        GN_ROWS[gid] = (name, cc, tz, pop, arname)
        if not arname:
            continue
        e = entry("gn:" + gid, "city", pop, cc)
        e.add(arname, "geonames")
        e.english.append(name)
    for code, a in sorted(admin.items()):
        arname = arabic_geonames_name(ar.get(code, ""))
        a["ar"] = arname
    return admin


GN_ROWS: dict[str, tuple] = {}
CITY_NOT_HEADS = {"ولاية", "محافظة", "منطقة", "إقليم", "مقاطعة", "بلدية", "شعبية", "إمارة", "جهة",
                  "عمالة"}


def city_key(cc: str, en: str) -> str | None:
    ids = CITY_BY_NAME.get((cc, fold(unaccent(en))), [])
    if not ids:
        return None
    return "gn:" + max(ids, key=lambda g: GN_ROWS[g][3])


def ensure_city(gid: str) -> Entry:
    name, cc, tz, pop, arname = GN_ROWS[gid]
    e = entry("gn:" + gid, "city", pop, cc)
    if name not in e.english:
        e.english.append(name)
    e.sources.add("geonames")
    return e


def merge_exemplar_cities(exemplar: dict[str, str]) -> None:
    by_tz: dict[str, list[str]] = {}
    for gid, (name, cc, tz, pop, _) in GN_ROWS.items():
        by_tz.setdefault(tz, []).append(gid)
    for zone, arname in sorted(exemplar.items()):
        area, _, place = zone.partition("/")
        if area in ("Etc", "Antarctica") or not place or not has_arabic(arname):
            continue
        en = place.split("/")[-1].replace("_", " ")
        cands = [g for g in by_tz.get(zone, []) if fold(unaccent(GN_ROWS[g][0])) == fold(en)]
        if cands:
            gid = max(cands, key=lambda g: GN_ROWS[g][3])
            e = ensure_city(gid)
            e.add(arname, "cldr")
        else:
            e = entry("tz:" + zone, "city", 5e4)
            e.add(arname, "cldr")
            e.english.append(en)


def merge_admin(admin: dict) -> None:
    """GeoNames admin1 names join the CLDR subdivision of the same country and name."""
    subs_by_cc: dict[str, list[Entry]] = {}
    for e in ENTRIES.values():
        if e.kind == "subdivision":
            subs_by_cc.setdefault(e.country, []).append(e)
    for code, a in sorted(admin.items()):
        cc = a["cc"]
        target = None
        for s in subs_by_cc.get(cc, []):
            names_ar = {fold_phrase(sub_bare(x)) for x in s.aliases}
            names_en = {fold(unaccent(x)) for x in s.english}
            if a.get("ar") and fold_phrase(sub_bare(a["ar"])) in names_ar or \
                    fold(unaccent(a["en"])) in names_en:
                target = s
                break
        if target is None:
            if not a.get("ar") or cc not in SUB_COUNTRIES or generic_name(a["ar"]):
                continue
            target = entry("gnadm:" + code, "subdivision", 3e5, cc)
        if a.get("ar"):
            target.add(a["ar"], "geonames")
        else:
            target.sources.add("geonames")
        if is_latin_name(a["en"]):
            target.english.append(a["en"])
        target.weight = max(target.weight, min(a["pop"], 3e6) / 3)


# --------------------------------------------------------------------------------------------
# Curated lists.

FILE_WEIGHT = {"places_countries.tsv": 1e10, "places_regions.tsv": 1e9,
               "places_capitals.tsv": 5e8, "places_cities.tsv": 2e6, "places_admin.tsv": 3e5}


def load_curated() -> None:
    for path in sorted(CURATED_DIR.glob("places_*.tsv")):
        base_weight = FILE_WEIGHT.get(path.name, 1e6)
        kind = {"places_countries.tsv": "country", "places_regions.tsv": "region",
                "places_admin.tsv": "subdivision"}.get(path.name, "city")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or cols[1] != "place":
                sys.exit(f"{path.name}:{n}: expected canonical, place, aliases, source[, flags]")
            canonical, _, aliases, source = (c.strip() for c in cols[:4])
            flags = cols[4].strip() if len(cols) > 4 else ""
            _, _, key = source.partition("@")
            if key.startswith("city:"):
                _, cc, en = key.split(":", 2)
                k = city_key(cc, en)
                if k is None:
                    note(f"curated city not in GeoNames, new entry: {cc}:{en} {canonical}")
                    e = entry(f"cur:{cc}:{en}", kind, base_weight, cc)
                    e.english.append(en)
                else:
                    e = ensure_city(k[3:])
                    e.kind = kind if kind != "city" else e.kind
            elif key.startswith(("iso:", "gn:", "sub:", "cldr:", "tz:", "gnadm:")):
                if key.startswith("gn:"):
                    e = ensure_city(key[3:])
                elif key not in ENTRIES and key.startswith(("sub:", "gnadm:")):
                    # A subdivision left out above (generic name such as "المنطقة الشرقية").
                    e = entry(key, kind, base_weight, key.split(":")[1][:2].upper())
                elif key not in ENTRIES:
                    sys.exit(f"{path.name}:{n}: unknown key {key}")
                else:
                    e = ENTRIES[key]
            elif key:
                sys.exit(f"{path.name}:{n}: bad key {key}")
            else:
                k = "cur:" + fold_phrase(canonical)
                if k in ENTRIES:
                    sys.exit(f"{path.name}:{n}: duplicate curated entry {canonical}")
                e = entry(k, kind, base_weight)
            if flags == "drop":
                note(f"curated drop {e.key} {e.canonical}")
                ENTRIES.pop(e.key, None)
                continue
            e.curated = True
            e.weight = max(e.weight, base_weight)
            e.sources.add("curated")
            e.canonical = canonical
            if canonical not in e.aliases:
                e.aliases.insert(0, canonical)
            for a in (x.strip() for x in aliases.split("|")):
                if not a:
                    continue
                if a.startswith("-"):
                    e.removed.add(fold_phrase(a[1:]))
                elif has_arabic(a):
                    e.add(a)
                else:
                    e.english.insert(0, a)
            if flags == "ambiguous":
                e.flag = True
            elif flags == "-":
                e.flag = False


# --------------------------------------------------------------------------------------------
# Finishing: English aliases, subdivision head nouns, ordinary-word flags, collisions.

def finish_aliases() -> None:
    for e in ENTRIES.values():
        if e.kind == "subdivision" and not e.curated:
            head = SUB_HEAD.get(e.country)
            for a in list(e.aliases):
                bare = sub_bare(a)
                if bare != a:
                    e.add(bare)
                elif head and has_arabic(a):
                    e.add(f"{head} {a}")
        seen = set()
        for en in e.english:
            for v in (clean(en), clean(unaccent(en))):
                if not v or fold(v) in seen:
                    continue
                if e.curated and v in e.english[:1] or e.kind in ("country", "region") \
                        and is_latin_name(v) or english_ok(v):
                    seen.add(fold(v))
                    e.add(v)


def drop(e: Entry, why: str) -> None:
    note(f"drop {e.key} {e.canonical}: {why}")
    ENTRIES.pop(e.key, None)


def auto_flags() -> None:
    for e in list(ENTRIES.values()):
        if e.curated or e.kind == "country":
            continue
        common = [a for a in e.forms() if has_arabic(a) and arabic_common(a)]
        if not common:
            continue
        if fold_phrase(e.canonical) in {fold_phrase(a) for a in common}:
            # Khabar matches a flagged entry's canonical without support, so an ordinary word
            # must not be the canonical: "مدينة العين", "محافظة حجة"; the bare word stays an
            # alias that needs context.
            better = [a for a in e.forms() if has_arabic(a) and a not in common]
            if better:
                e.canonical = better[0]
            elif e.kind == "city":
                e.canonical = "مدينة " + e.canonical
                e.aliases.append(e.canonical)
            else:
                e.canonical = SUB_HEAD.get(e.country, "إقليم") + " " + e.canonical
                e.aliases.append(e.canonical)
        e.auto_flag = True


def resolve_collisions() -> None:
    """One folded form names one entry, unless the entries are comparable and flagged."""
    for _ in range(20):
        owners: dict[str, list[Entry]] = {}
        for e in ENTRIES.values():
            for a in e.forms():
                owners.setdefault(fold_phrase(a), []).append(e)
        changed = False
        for form, es in sorted(owners.items()):
            es = [e for e in es if e.key in ENTRIES]
            if len(es) < 2:
                continue
            es.sort(key=lambda e: (-e.weight, e.key))
            top = es[0]
            for other in es[1:]:
                if top.key not in ENTRIES or other.key not in ENTRIES:
                    continue
                subs = [x for x in (top, other) if x.kind == "subdivision"]
                if top.curated and other.curated and top.flag and other.flag:
                    note(f"shared (curated, both flagged) {form!r}: {top.canonical} / {other.canonical}")
                elif len(subs) == 1:
                    # "حلب" is the city, "محافظة حلب" the governorate.
                    loser = subs[0]
                    lose(loser, form, other if loser is top else top)
                    changed = True
                elif top.weight >= 5 * other.weight or (top.curated and not other.curated) or \
                        len(subs) == 2 and not other.curated:
                    lose(other, form, top)
                    changed = True
                elif not other.curated and other.kind == "city" and other.weight < 5e5:
                    # A smaller namesake: the name goes to the bigger place, which is flagged.
                    lose(other, form, top)
                    if top.flag is not False:
                        top.auto_flag = True
                    changed = True
                else:
                    for x in (top, other):
                        if x.flag is not False:
                            x.auto_flag = True
                        if x.flag is False:
                            note(f"WARNING shared form {form!r} of {x.key} which is marked unflagged")
                    note(f"shared {form!r}: {top.key} {top.canonical} / {other.key} {other.canonical}")
        if not changed:
            break


def lose(e: Entry, form: str, winner: Entry) -> None:
    e.removed.add(form)
    if fold_phrase(e.canonical) != form:
        return
    rest = [a for a in e.forms() if has_arabic(a)]
    if e.kind == "subdivision" and not e.curated:
        head = SUB_HEAD.get(e.country, "إقليم")
        prefixed = [a for a in rest if sub_bare(a) != a]
        if prefixed or rest:
            e.canonical = (prefixed or rest)[0]
        elif winner.kind != "subdivision" and sub_bare(e.canonical) == e.canonical:
            e.canonical = f"{head} {e.canonical}"
            e.aliases.append(e.canonical)
        else:
            drop(e, f"same name as {winner.key} {winner.canonical}")
            return
        note(f"rename {e.key} -> {e.canonical} (bare form belongs to {winner.canonical})")
    elif rest and not e.curated:
        e.canonical = rest[0]
    elif e.curated:
        note(f"WARNING curated {e.key} {e.canonical} loses its canonical to {winner.key} {winner.canonical}")
        e.removed.discard(form)
    else:
        drop(e, f"homonym of bigger {winner.key} {winner.canonical}")


def write() -> None:
    lines = []
    errors: list[str] = []
    canon_seen: dict[str, Entry] = {}
    for e in ENTRIES.values():
        forms = e.forms()
        if not e.canonical or not forms:
            continue
        c = fold_phrase(e.canonical)
        flagged = e.flag if e.flag is not None else e.auto_flag
        if c in canon_seen:
            other = canon_seen[c]
            other_flagged = other.flag if other.flag is not None else other.auto_flag
            # عُمان and عمّان fold alike: allowed only as two distinct, flagged spellings.
            if other.canonical == e.canonical or not (flagged and other_flagged):
                errors.append(f"duplicate canonical {e.canonical}: {e.key} / {other.key}")
                continue
        canon_seen[c] = e
        ar = [a for a in forms if has_arabic(a) and a != e.canonical]
        la = [a for a in forms if not has_arabic(a)]
        aliases = [e.canonical] + sorted(set(ar), key=lambda s: (fold_phrase(s), s)) + \
            sorted(set(la), key=lambda s: (s.lower(), s))
        order = ["iso-codes", "cldr", "geonames", "curated"]
        sources = "+".join(s for s in order if s in e.sources) or "curated"
        for a in aliases:
            assert a and "\t" not in a and "|" not in a, (e.key, a)
        lines.append((fold_phrase(e.canonical), e.canonical,
                      f"{e.canonical}\tplace\t{'|'.join(aliases)}\t{sources}\t{'ambiguous' if flagged else ''}"))
    lines.sort()
    header = HEADER.format(versions=package_versions(), count=len(lines))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + "".join(l[2] + "\n" for l in lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} entries", file=sys.stderr)
    if errors:
        sys.exit("\n".join(errors))


def package_versions() -> str:
    out = []
    for p in ("iso-codes", "libgeonames-common", "libgeonames0", "unicode-cldr-core",
              "hunspell-ar", "wamerican"):
        try:
            v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", p], capture_output=True,
                               text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            v = "?"
        out.append(f"{p} {v}")
    return ", ".join(out)


HEADER = """\
# Khabar gazetteer of places (Arabic news). GENERATED by scripts/gen_gazetteer.py: edit the
# curated lists in scripts/gazetteer_curated/ and re-run, do not edit this file by hand.
# Built from Debian packages: {versions}.
# Sources and licences (see assets/gazetteer/SOURCES.md):
#   iso-codes: ISO 3166-1 country names and their Arabic translations, LGPL-2.1-or-later.
#   Unicode CLDR (unicode-cldr-core): Arabic territory, region, exemplar-city and subdivision
#     names, Unicode-DFS-2016 (Copyright (c) 1991-2022 Unicode, Inc.).
#   Contains data from GeoNames (geonames.org), CC BY 4.0 (cities >= 15000 inhabitants and
#     their Arabic names, via Debian's libgeonames-common/libgeonames0); modified: names
#     cleaned, merged with the other sources, homonyms and ordinary-word names filtered.
#   curated: hand-written lists in scripts/gazetteer_curated/ (spelling variants, short and
#     long forms, capitals, major cities, governorates, regions, seas, rivers, straits).
#   hunspell-ar and wamerican were used only to flag or leave out ordinary words.
# Columns (tab-separated), one line per real-world place:
#   canonical  the most common Arabic news spelling
#   kind       always "place"
#   aliases    |-separated forms, the canonical first, then Arabic variants, then English
#   source     +-joined: iso-codes, cldr, geonames, curated
#   flags      empty, or "ambiguous": a one-word form of the entry is also an ordinary word
#              or names another place, so it needs support from context
# Entries: {count}.
"""


def validate() -> None:
    """Reads the output back: 5 columns, kind "place", non-empty aliases with the canonical
    first, no repeated canonical, and a folded form shared by two entries only when both are
    flagged ambiguous."""
    owners: dict[str, list[tuple[str, bool]]] = {}
    canonicals: set[str] = set()
    for n, line in enumerate(OUT.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 5 and cols[1] == "place", (n, line)
        canonical, _, aliases, source, flags = cols
        assert canonical and canonical not in canonicals, (n, canonical)
        canonicals.add(canonical)
        assert flags in ("", "ambiguous") and source, (n, line)
        forms = aliases.split("|")
        assert forms[0] == canonical and all(a.strip() == a and a for a in forms), (n, line)
        for f in {fold_phrase(a) for a in forms}:
            assert f, (n, line)
            owners.setdefault(f, []).append((canonical, flags == "ambiguous"))
    shared = {f: o for f, o in owners.items() if len(o) > 1}
    bad = {f: o for f, o in shared.items() if not all(flag for _, flag in o)}
    assert not bad, bad
    print(f"validated: {len(canonicals)} entries, {len(shared)} forms shared by flagged entries",
          file=sys.stderr)


def main() -> None:
    load_iso()
    load_cldr_territories()
    rows = load_geonames_cities()
    admin = load_geonames(rows)
    load_cldr_subdivisions(admin)
    merge_admin(admin)
    merge_exemplar_cities(load_cldr_exemplar_cities())
    load_curated()
    finish_aliases()
    resolve_collisions()
    auto_flags()
    resolve_collisions()
    write()
    validate()


if __name__ == "__main__":
    main()
