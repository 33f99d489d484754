"""Contexts in which a spelling the table claims is not the table's person or place.

Each test looks only at the text around one match and at words the table
knows, never at what the name step writes, so a second clean decides as the
first did:

* :func:`person_context`: a family or a person is meant ("The Lvov family",
  "Mr Orel", "DJ Orel", "Vasily Aksenov, the novelist", "Orel, 34,");
* :func:`other_place`: another place with the same name ("Odessa, Texas",
  "Orel, a village in Bohemia", "Odessa, a town of 2,000 people in Ontario");
* :func:`metalinguistic`: the text talks about the spelling ("switched from
  Kiev to Kyiv", "Russian sources write Gorlovka and Makeevka", "Lukashenka is a
  common surname", "the name 'Kiev'").
"""

from __future__ import annotations

from typing import Callable

import regex

_SENTENCE_END = regex.compile(r"[.!?;:](?=[\s\"”’»)]|$)|\n")

PERSON_TITLES_RE = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|DJ|MC|Sir|Dame|Lady|Lord|Madame|Mme|Monsieur|"
    r"Herr|Frau|Pan|Pani|Señor|Señora|Signor|Signora|Uncle|Aunt|Auntie|Grandma|Grandpa|Coach|"
    r"Rabbi|Father|Brother|Sister|Reverend|Rev|Pastor|Officer|Detective|Agent)\.?"
    r"|\b(?:the|The|die|Die|der|Der)\s+(?=\p{Lu}\p{Ll}+\s+(?:family|families|brothers|sisters|"
    r"twins|clan|household|couple|Familie|Brüder|Schwestern)\b))[ \u00a0]+$")
"""A title or "the ... family" right before a word: the word is a person's or a family's name."""

_TITLE_WORDS = frozenset(regex.findall(r"\p{L}+", PERSON_TITLES_RE.pattern.split("|\\b(?:the")[0]))
_FAMILY_AFTER_RE = regex.compile(
    r"[ \u00a0]+(?:family|family's|family’s|families|brothers|sisters|twins|clan|household|"
    r"couple|Familie|Brüder|Schwestern|rodzina|rodziny)\b")

_PERSON_NOUNS = (
    "novelist|writer|author|poet|playwright|screenwriter|essayist|journalist|columnist|critic|"
    "singer|songwriter|rapper|musician|composer|pianist|violinist|guitarist|drummer|conductor|dj|"
    "actor|actress|comedian|artist|painter|sculptor|photographer|filmmaker|director|producer|"
    "designer|architect|dancer|ballerina|model|chef|cook|baker|owner|founder|"
    "player|striker|goalkeeper|midfielder|defender|forward|winger|coach|manager|pitcher|"
    "quarterback|boxer|wrestler|skater|swimmer|runner|sprinter|cyclist|skier|tennis|golfer|"
    "jockey|driver|champion|athlete|scientist|physicist|chemist|biologist|mathematician|"
    "economist|historian|philosopher|professor|lecturer|teacher|student|researcher|"
    "entrepreneur|investor|banker|lawyer|doctor|surgeon|nurse|priest|rabbi|vlogger|youtuber|"
    "influencer|blogger|streamer|gamer|host|presenter|anchor|widow|widower|grandmother|"
    "grandfather|mother|father|son|daughter|wife|husband|brother|sister|pensioner|resident|"
    "Schriftsteller|Schriftstellerin|Autor|Autorin|Sänger|Sängerin|Schauspieler|Schauspielerin|"
    "Künstler|Künstlerin|Trainer|Trainerin|Spieler|Spielerin|pisarz|pisarka|aktor|aktorka|"
    "piosenkarz|piosenkarka|trener|zawodnik|zawodniczka")
_APPOSITION_RE = regex.compile(
    r"[ \u00a0]*,[ \u00a0]+(?:(?:the|a|an|der|die|das|ein|eine)[ \u00a0]+)?"
    r"(?:[\p{Ll}-]+[ \u00a0]+){0,2}?(?:" + _PERSON_NOUNS + r")s?\b"
    r"|[ \u00a0]*,[ \u00a0]+\d{1,3},")
"""An apposition that describes a person: ", the novelist", ", a former tennis player", ", 34,"."""


def family_name(text: str, start: int, end: int) -> bool:
    """Is the surname at ``text[start:end]`` a family's name ("the Aksenov family")?"""
    return text[end:end + 1] == " " and _FAMILY_AFTER_RE.match(text, end) is not None


def person_context(text: str, start: int, end: int) -> str | None:
    """Is the word at ``text[start:end]`` a person's or a family's name here? Says why."""
    last = text[max(0, start - 12):start].rstrip(" \u00a0.").rsplit(" ", 1)[-1]
    if (last in _TITLE_WORDS or last.lower() in ("the", "der", "die")) and PERSON_TITLES_RE.search(
            text, max(0, start - 40), start):
        return "after a personal title or 'the ... family'"
    nxt = text[end:end + 1]
    if nxt == " " and _FAMILY_AFTER_RE.match(text, end):
        return "a family's name"
    if nxt == "," and _APPOSITION_RE.match(text, end):
        return "an apposition that describes a person"
    return None


US_STATES_AND_ELSEWHERE = frozenset("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Mexico York Carolina
Dakota Ohio Oklahoma Oregon Pennsylvania Rhode Tennessee Texas Utah Vermont Virginia Washington
Wisconsin Wyoming Ontario Quebec Québec Alberta Manitoba Saskatchewan Columbia Scotland Nova
Brunswick Newfoundland Yukon Queensland Victoria Tasmania Wales England Ireland Cornwall
Devon Yorkshire Bohemia Moravia Silesia Bavaria Saxony Slovakia Czechia Serbia Croatia Slovenia
Bulgaria Romania Hungary Austria Switzerland Italy Spain Portugal France Germany Belgium
Netherlands Holland Denmark Sweden Norway Finland Iceland Estonia Latvia Lithuania Greece
Turkey Israel Cyprus Canada Brazil Argentina Chile Peru Colombia Venezuela Bolivia Ecuador
Uruguay Paraguay Cuba Jamaica Australia Zealand India Pakistan Bangladesh China Japan Korea
Philippines Indonesia Malaysia Thailand Vietnam Egypt Morocco Tunisia Algeria Nigeria Kenya
Ghana Ethiopia Tanzania Uganda Zambia Zimbabwe Namibia Botswana Africa America USA Alsace
Lorraine Tyrol Tirol Westphalia Brandenburg Hesse Hessen Thuringia Bayern Sachsen Bohemian
Pomerania Galicia Andalusia Catalonia Tuscany Sicily Sardinia Lombardy Piedmont
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON QC BC AB MB SK NS NB NL PE
""".split())
"""Where a same-named town elsewhere is: US and Australian states, Canadian provinces,
countries and regions outside the tables' area ("Odessa, Texas", "Orel, a village in Bohemia")."""

_AFTER_COMMA_RE = regex.compile(r"[ \u00a0]*,[ \u00a0]+(\p{Lu}[\p{L}.]*)")
_PLACE_APPOSITION_RE = regex.compile(
    r"[ \u00a0]*,[ \u00a0]+(?:a|an|the)[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,3}?"
    r"(?:town|village|city|hamlet|community|municipality|suburb|borough|township|settlement|"
    r"county|place|resort|port|neighbourhood|neighborhood)\b([^.;!?\n]{0,80})")
_IN_PLACE_RE = regex.compile(
    r"\b(?:in|of|near)[ \u00a0]+(?:the[ \u00a0]+)?(?:[\p{Ll}-]+[ \u00a0]+){0,2}?"
    r"(\p{Lu}[\p{L}]*)")
HOME_AREA = frozenset("""
Ukraine Russia Belarus Crimea Donbas Donbass Moldova Transnistria Siberia Caucasus Chechnya
Dagestan Ukrainian Russian Belarusian Crimean Soviet USSR Urals Volga Kuban Tatarstan Bashkortostan
Kazakhstan Georgia Abkhazia Ossetia Azov Black Baltic Kremlin
""".split())
"""Words that place a same-named town in the tables' own area ("Kherson, a city in
southern Ukraine" is the table's Kherson)."""


def other_place(text: str, end: int, is_table_word: Callable[[str], bool]) -> str | None:
    """Does what follows the place ending at ``end`` put it elsewhere? Says why.

    ``is_table_word(word)`` tells whether the table knows a word (a place in its area).
    """
    if text[end:end + 1] != ",":
        return None
    m = _AFTER_COMMA_RE.match(text, end)
    if m:
        word = m.group(1).rstrip(".")
        if word in US_STATES_AND_ELSEWHERE and word not in HOME_AREA:
            return f"followed by ', {word}'"
    m = _PLACE_APPOSITION_RE.match(text, end)
    if m:
        inside = m.group(1)
        for where in _IN_PLACE_RE.finditer(inside):
            word = where.group(1)
            bare = word[:-2] if word.endswith(("'s", "’s")) else word
            if bare in HOME_AREA or is_table_word(bare):
                return None
            return f"a town elsewhere (in {bare})"
    return None


_META_BEFORE_RE = regex.compile(
    r"(?:\bspell(?:ed|t|s|ing|ings)?|\bknown[ \u00a0]+as|\bwritten(?:[ \u00a0]+as)?|\bwrites?|\bwrote|"
    r"\btransliterat\p{L}*(?:[ \u00a0]+as)?|\brenamed(?:[ \u00a0]+(?:from|to))?|\bformerly|"
    r"\brather[ \u00a0]+than|\binstead[ \u00a0]+of|\b(?:the|a|an)[ \u00a0]+(?:name|word|spelling|"
    r"surname|term|form)|\bso-called|\b(?:is|was|were|are|be|been)[ \u00a0]+called|"
    r"\bschreib(?:t|en|weise)|\bgenannt|\bpisownia|\bpisze|\bpiszą)"
    r"[ \u00a0]*[:(\"“'‘«„]?[ \u00a0]*"
    r"(?:\p{Lu}[\p{L}\p{M}'’-]*[\"”'’»]?(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:and|or|und|oder|i|lub)"
    r"[ \u00a0]+|[ \u00a0]*/[ \u00a0]*|[ \u00a0]+)[\"“'‘«„]?)*$")
_META_AFTER_RE = regex.compile(
    r"[\"”'’»]?[ \u00a0]+(?:is|was|are|were|means|meant|ist|war|to)[ \u00a0]+"
    r"(?:[\p{L}-]+[ \u00a0]+){0,4}?(?:word|surname|name|spelling|term|transliteration|spelled|spelt|"
    r"Wort|Name|Nachname|Schreibweise|słowo|nazwisko|nazwa|pisownia)\b")
_META_CUES = ("spel", "known", "writ", "wrote", "translit", "renamed", "formerly", "rather",
              "instead", "name", "word", "term", "form", "called", "schreib", "genannt", "pis")
_META_AFTER_WORDS = ("is ", "was ", "are ", "were ", "means ", "meant ", "ist ", "war ", "to ",
                     " is ", " was ")
_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“", "‘": "’", "'": "'"}


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``text[start:end]``, at most 400 characters each side."""
    lo = max(0, start - 400)
    last = None
    for last in _SENTENCE_END.finditer(text, lo, start):
        pass
    lo = last.end() if last else lo
    nxt = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return lo, (nxt.start() if nxt else min(len(text), end + 400))


def metalinguistic(text: str, start: int, end: int, lo: int) -> str | None:
    """Does the sentence (from ``lo``) talk about the spelling at ``text[start:end]``? Says why."""
    if start > 0 and end < len(text) and _QUOTES.get(text[start - 1]) == text[end]:
        return "the name alone in quotes"
    window = text[max(lo, start - 80):start].lower()
    if any(cue in window for cue in _META_CUES) and _META_BEFORE_RE.search(
            text, max(lo, start - 80), start):
        return "after a word about spelling or naming"
    if text.startswith(_META_AFTER_WORDS, end + 1) and _META_AFTER_RE.match(
            text, end, min(len(text), end + 80)):
        return "followed by a word about spelling or naming"
    return None
