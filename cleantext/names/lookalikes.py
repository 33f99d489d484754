"""Known other words: capitalised words that fuzzy name matching must never change.

A fuzzy match turns an unknown capitalised word into a table name when the
word is close to a generated spelling.  Some words are close and are something
else: an ordinary English word at a sentence start ("Layman" is not "Lyman"),
a place elsewhere ("Kiel" is not "Kiev", "Odense" is not "Odesa") or a common
Western name ("Kirsten", "Irwin").  This module ships such a list; a user
extends it by giving the word its own name-table entry (an entry with only
``canonical`` is a known name that nothing else may claim).

The list is compared case-insensitively and is only consulted by the fuzzy
matcher and to drop generated spellings that are ordinary words.
"""

from __future__ import annotations

_ORDINARY = """
about above after again against agency allies almost along already although
among another answer anyone around asked attack attacks authorities because become
before behind being below between border brief briefly called capital captain
cause center central chance change charge chief children china cities citizens
claimed claims clear close coming command commander comments common company
concern conflict congress control corner council counter countries country course
court crisis current daily damage danger deadly defence defense despite during
early earlier eastern either elder election embassy emergency enemy energy entire
europe evening every everyone evidence except expected experts explosion falls
family father federal field fighting final first follow following forces foreign
former fourth freedom friday front further future general global governor great
ground group guard having heavy higher history however hundreds image images
indeed inside instead interior israel issue kids killed kingdom known larger
later latest layman leader leaders least leave letter level light likely little
local looking lower major making market master meanwhile media meeting member
members military minister ministry missile missiles monday months morning mother
nation national nations native naval nearby never night north northern nothing
number office officer officials often order other others outside overnight
parliament party peace people photo place plans point police policy political
power premier present press prime prior public quote radio range rather reach
ready recent region regional report reports republic rescue residents right river
rivers round russia russian saturday second secretary security senate senior
service several short since small social source sources south southern speaker
spokesman state states still strike strikes sunday support table taken there these
thing things third those though three through thursday today total tower trade
troops tuesday under union united until urban village villages virus voice
water weapons wednesday western where which while white whole within without
world would write years yesterday young
lyman layman rivet rivets soumy summit sumo lutsk lucky lusty horde
kharkey kitchen kinship kinsman kirsch kirkby
"""

_PLACES = """
kiel odense dresden denver derby donets dones dover
kirov kirkenes kirkwall kingston kinshasa kisumu kyoto kiyosu kassel kazakh
bonn berne bergen berlin boston bremen brest bristol brussels bucharest budapest
chelsea chester cologne dallas delhi dublin durham essen exeter frankfurt geneva
glasgow hamburg hanover harlow hartford helsinki houston istanbul kabul kansas
krakow leeds leipzig lisbon london luxembourg lyon madrid malmo marseille milan
minsk munich naples oslo ottawa oxford paris perth poznan prague riga rome
salzburg seoul sofia stockholm sumatra tallinn tampa texas tirana tokyo toronto
turin utrecht vienna vilnius warsaw zagreb zurich poland hungary romania moldova
georgia armenia latvia lithuania estonia finland norway sweden denmark germany
france britain ireland canada mexico brazil chile peru india pakistan iran iraq
syria turkey egypt libya sudan kenya ghana nigeria japan korea taiwan vietnam
donegal dorset kerry odell oneida orlando ogden ohio oregon omaha
"""

_WESTERN_NAMES = """
kirsten kristen kirstin christine christian karen karin kevin keith kenneth
irwin irvin irving lyndon lyman pesce peters peterson peter petra
sergio serge sergeant donald donna dennis mikael michael michel
martin marina maria mario marco olaf oliver oscar owen putnam paulo pauline
alexandra alexandre alexis andrew andrea andre anton antonio boris borisov
viktor victor victoria zelda zeller klein kline
larsen lawson laurence lauren lavigne lavoie gladys gladstone
"""

KNOWN_OTHER_WORDS: frozenset[str] = frozenset(
    w for w in (_ORDINARY + _PLACES + _WESTERN_NAMES).split())
"""Lower-case words that are never taken for a variant of a table name."""


def is_known_other_word(word: str) -> bool:
    """Is ``word`` an ordinary word or another known name (case-insensitive)?"""
    return word.lower() in KNOWN_OTHER_WORDS
