"""NM001/NM002: one spelling for every person and place, from name tables.

A name table is a TOML file of entries::

    [[name]]
    canonical = "Volodymyr Zelenskyy"     # the English spelling
    native = ["Володимир Зеленський"]     # native-script forms (Russian, Ukrainian, ...)
    variants = ["Zelensky", "Kiyv"]       # optional: other spellings to map
    why.Zelensky = "..."                  # optional: why a listed variant that is also a
                                          #   frequent word or name is mapped anyway
    canonical_in.de = "Selenskyj"         # optional: the spelling in another language
    exceptions = ["..."]                  # optional: phrases where a variant stays as written
    kind = "person"                       # optional: "person" or "place" (else inferred)
    note = "..."                          # optional: free text for reviewers

Every entry is compiled, once per table and document language, into the
spellings it claims:

* the canonical form itself and the listed ``variants`` ("table");
* every romanization of each ``native`` form by a standard scheme or an
  English-press habit (:mod:`cleantext.names.translit`), labelled with the
  scheme, unless it is a frequent word or name in a common language
  (:mod:`cleantext.names.frequent`: "Luck" for Луцьк, "Soci" for Сочи, "Krim"
  for Крим are never generated; a table that wants one lists it as a variant).

The canonical spelling is English.  In a document in another language only the
entries that give ``canonical_in.<language>`` apply (with that spelling as the
target); the others leave the document alone, so no English form is written
into German or Polish text.  Native-script (Cyrillic) text is never changed.

A person claims spellings of the *surname*: "Governor Zelensky" becomes
"Governor Zelenskyy".  Spellings of the given name change only right before the
surname ("Volodimir Zelensky" -> "Volodymyr Zelenskyy"); a given name of
another listed person with the same surname stem names that person ("Olena
Zelensky" -> "Olena Zelenska"); any other capitalised word right before a
surname in mid-sentence ("Andrew Luck", "Valery Zakharov") means another
person, and nothing changes.  A place claims spellings of the whole name
("Krivoy Rog" -> "Kryvyi Rih"), except inside a longer proper name: a
capitalised word right before it in mid-sentence ("Dynamo Kiev") or right after
it that is not a place word such as Oblast or Mayor ("Odessa Paloma Parker",
"Kiev Post").

Never changed: URLs, e-mail addresses, @handles, #hashtags, file names and
code (any token with "/", "@", "_", "=", a leading "#" or a "." joining two
words, as in "Krym.Realii"), text in backticks, titles in quotes (a short
quotation of mostly capitalised words), and an entry's ``exceptions``.

NM002 is the guessed case: an unknown capitalised word a few letters from an
entry's canonical spelling or a listed variant (never a generated spelling),
under the guards of :mod:`cleantext.names.fuzzy`, and only with context: a
surname right after the person's listed given name, a place mentioned exactly
elsewhere in the same document or standing next to a place word ("city of",
"Oblast").  Every change's ``detail`` says the entry, the spelling or scheme,
and for NM002 the score and the context that licensed it.

Lookup is indexed: capitalised words are found with one pattern and looked up
in a dictionary keyed by first word; fuzzy candidates come from a deletion
index.  The cost grows with the text, not with the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, cast

import regex

from ..lang.stoplists import stoplist
from ..stages.base import CodeRule
from ..stages.packs import RulePackError, builtin_rules_dir, load_toml


def _entry_error(path: Path | str, message: str, label: str | None, key: str | None = None) -> RulePackError:
    """An error in one ``[[name]]`` entry: says "name entry …", not "rule …"."""
    return RulePackError(path, message, label, key, what="name entry")
from ..text.edits import Change, splice
from .context import family_name, metalinguistic, other_place, person_context, sentence_bounds
from .frequent import is_frequent
from .fuzzy import FuzzyHit, FuzzyIndex, accepted_distance, differs_only_at_end, fuzzy_candidate_shape
from .lookalikes import is_known_other_word
from .translit import is_given_name, native_language, romanizations

NAME_TABLE = CodeRule(
    "NM001", "name-table", "substitute",
    "One canonical spelling per person and place (listed or generated from the native "
    "form), so that search and counts see one name.",
    __name__)
NAME_FUZZY = CodeRule(
    "NM002", "name-fuzzy", "substitute",
    "A capitalised word a few letters away from a table name, and no other known word, "
    "becomes its canonical spelling.",
    __name__)
CODE_RULES = [NAME_TABLE, NAME_FUZZY]
_TABLE_REF, _FUZZY_REF = NAME_TABLE.ref, NAME_FUZZY.ref

KINDS = ("person", "place")
_ENTRY_KEYS = {"canonical": str, "variants": list, "exceptions": list, "native": list,
               "note": str, "kind": str, "canonical_in": dict, "why": dict}
_FUZZY_MEMO_SIZE = 200_000
# A capitalised word not preceded by a letter, digit or underscore: it may follow an
# emoji's variation selector or a zero-width (non-)joiner ("⚡️Zelensky"), which a
# \b would count as part of a word.
_WORD_RE = regex.compile(r"(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\p{M}]*+")
_PLAIN_WORD_RE = regex.compile(r"\b\p{Lu}[\p{L}\p{M}]*+")  # the same when no such mark occurs
_JOINERS = ("\ufe0f", "\ufe0e", "\u200d", "\u200c", "\u200b")


def _word_pattern(text: str) -> regex.Pattern[str]:
    """The pattern of capitalised words for ``text`` (the plain one unless a joiner occurs)."""
    return _PLAIN_WORD_RE if text.isascii() or not any(j in text for j in _JOINERS) else _WORD_RE


_NEXT_WORD_RE = regex.compile(r"[ \u00a0]+(\p{Lu}[\p{L}\p{M}'’]*)")
_PLACE_CUE_BEFORE_RE = regex.compile(
    r"\b(?:city|town|village|region|oblast|port|outskirts|suburbs?|province) of[ \u00a0]+$",
    regex.IGNORECASE)
_QUOTE_CHARS = regex.compile(r"[\"“«„‘]")
_NON_PROSE_MARK = regex.compile(r"[/@_=\\`<>|]")
_TITLE_CASE_SMALL = frozenset(
    "a an and as at by de for in of on or the to vs und der die das von w i z".split())
_LANGUAGE_RE = regex.compile(r"[a-z]{2,3}")
_TABLE_HOWS = ("canonical", "table")

TITLES = frozenset("""
President Presidents Prime Minister Ministers Foreign Defence Defense Interior Deputy Vice
Governor Gov Mayor Mr Mrs Ms Miss Dr Sir General Gen Lt Col Colonel Major Maj Commander
Chief Head Speaker Secretary Spokesman Spokeswoman Spokesperson Chancellor Premier Leader
Ambassador Envoy Senator Sen Rep Representative Judge Minister-President Patriarch Metropolitan
Ukrainian Russian Belarusian Chechen Kremlin Ukraine Russia Moscow Kremlin-backed Pro-Kremlin
Opposition Former Ex Acting Incumbent Comedian Oligarch Blogger Activist Officer Captain
Präsident Präsidenten Staatschef Staatspräsident Kremlchef Außenminister Verteidigungsminister
Regierungschef Ministerpräsident Bürgermeister Gouverneur Sprecher Kremlsprecher Herr Frau
Prezydent Prezydenta Premier Minister Mer Gubernator Pan Pani Rzecznik
""".split())
"""Words that may stand right before a surname without making it another person's name."""

PLACE_WORDS = frozenset("""
Oblast Region Province Krai Raion District Districts City Mayor Governor Governors Regional
Military Administration Council Airport Station Metro Front Axis Direction People's People’s
Republic Republics Nuclear Power Plant Thermal Dam Reservoir Bridge Strait Peninsula Sea Port
Harbour Harbor River Offensive Counteroffensive Bay Gulf Area Sector Operation Railway Border
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December AP AFP Reuters UPI Oblast’s Oblast's
Stadt Gebiet Hafenstadt Großstadt Bürgermeister Gouverneur Obwód Miasto
Eastern Western Northern Southern Central Greater Occupied Russian-occupied Russian-held
Ukrainian-held Ukrainian-controlled Liberated Besieged Embattled Frontline Front-line
""".split())
"""Words that may stand right after (or, for the direction and state words, before) a
place without making it part of another proper name."""


@dataclass
class NameEntry:
    """One table entry."""

    canonical: str
    variants: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    native: tuple[str, ...] = ()
    source: str = ""
    kind: str = ""
    canonical_in: dict[str, str] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)

    @cached_property
    def source_name(self) -> str:
        """The file name of the table the entry comes from."""
        return Path(self.source).name

    @cached_property
    def is_person(self) -> bool:
        """A person: said so, or a two-word name whose native form starts with a given name."""
        if self.kind:
            return self.kind == "person"
        return len(self.canonical.split()) >= 2 and any(
            len(n.split()) >= 2 and is_given_name(n.split()[0]) for n in self.native)

    @cached_property
    def surname(self) -> str:
        """The canonical surname (last word) of a person."""
        return self.canonical.split()[-1]

    @cached_property
    def given(self) -> str:
        """The canonical given name(s) of a person (all but the last word)."""
        return " ".join(self.canonical.split()[:-1])

    def target(self, language: str) -> str | None:
        """The canonical spelling in ``language`` (English: ``canonical``), or None."""
        if language == "en":
            return self.canonical_in.get("en", self.canonical)
        return self.canonical_in.get(language)


@dataclass(frozen=True, slots=True)
class Spelling:
    """A spelling an entry claims: ``text`` is replaced by ``target``.

    ``how`` is "canonical", "table" or the scheme label; ``slot`` is "name"
    (a place or a whole name), "surname" or "given".
    """

    text: str
    target: str
    entry: NameEntry
    how: str
    slot: str

    def describe(self, written: str, replacement: str) -> str:
        """The ``detail`` of a change made by this spelling."""
        where = f"entry {self.entry.canonical}, {self.entry.source_name}"
        if self.how in _TABLE_HOWS:
            return f"table: {written} -> {replacement} ({where})"
        return f"scheme {self.how}: {written} -> {replacement} ({where})"

    def upper(self) -> "Spelling":
        """The same claim written in capitals ("KIEV" -> "KYIV")."""
        return Spelling(self.text.upper(), self.target.upper(), self.entry, self.how, self.slot)


def entry_spellings(entry: NameEntry, language: str = "en"
                    ) -> tuple[list[Spelling], list[Spelling], list[Spelling]]:
    """(explicit claims, generated claims, given-name spellings) of one entry in ``language``.

    Explicit: the canonical form (and a person's canonical surname), the
    English canonical form in another language, and the listed variants
    (one-word variants of a person are surnames).  Generated: romanizations of
    the native forms (a person's native surname; a place's whole native name).
    Given: romanizations of a person's native given name and the canonical
    given name.  An entry without a spelling for ``language`` claims nothing.
    """
    full = entry.target(language)
    if full is None:
        return [], [], []
    person = entry.is_person
    words = full.split()
    surname = words[-1]
    given_target = " ".join(words[:-1]) if person and len(words) >= 2 else None
    explicit: list[Spelling] = []
    if not person or given_target:
        explicit.append(Spelling(full, full, entry, "canonical", "name"))
    if person:
        explicit.append(Spelling(surname, surname, entry, "canonical", "surname"))
        if full != entry.canonical:
            explicit.append(Spelling(entry.surname, surname, entry, "canonical", "surname"))
            if given_target:
                explicit.append(Spelling(entry.canonical, full, entry, "canonical", "name"))
    elif full != entry.canonical:
        explicit.append(Spelling(entry.canonical, full, entry, "canonical", "name"))
    for variant in entry.variants:
        if person and len(variant.split()) == 1:
            explicit.append(Spelling(variant, surname, entry, "table", "surname"))
        elif not person or given_target:
            explicit.append(Spelling(variant, full, entry, "table", "name"))
    generated, given = [], []
    if person and given_target:
        given.append(Spelling(entry.given, given_target, entry, "canonical", "given"))
    for native in entry.native:
        languages = native_language(native, entry.native)
        nwords = native.split()
        if person and len(nwords) >= 2:
            generated += [Spelling(text, surname, entry, how, "surname")
                          for text, how in romanizations(nwords[-1], languages).items()]
            if given_target:
                given += [Spelling(text, given_target, entry, how, "given")
                          for text, how in romanizations(nwords[0], languages).items()]
        elif not person:
            generated += [Spelling(text, full, entry, how, "name")
                          for text, how in romanizations(native, languages).items()]
    return explicit, generated, given


_CUED = "a frequent word: only next to a place word"


def settle_claims(entries: Iterable[NameEntry], language: str = "en",
                  cued: dict[str, Spelling] | None = None
                  ) -> tuple[dict[str, Spelling], set[str], dict[int, dict[str, Spelling]]]:
    """Who owns each spelling: ``(claims, refused, given_by_entry)``.

    Explicit claims win (first table first); a generated spelling is kept when
    no explicit claim has it, it is neither a frequent word or name
    (:func:`cleantext.names.frequent.is_frequent`) nor a known other word, and
    every entry that generates it agrees on the canonical form.  Spellings lost
    to a disagreement or a frequent word are ``refused`` (lower case).  A place's
    one-word spelling refused only as a frequent word goes into ``cued`` (when
    given): it is used only right next to a place word ("Orel region").
    """
    claims: dict[str, Spelling] = {}
    generated: dict[str, list[Spelling]] = {}
    given_by_entry: dict[int, dict[str, Spelling]] = {}
    extra = (language,) if language != "en" else ()
    for entry in entries:
        explicit, gen, given = entry_spellings(entry, language)
        for sp in explicit:
            claims.setdefault(sp.text, sp)
        for sp in gen:
            generated.setdefault(sp.text, []).append(sp)
        if given:
            mine = given_by_entry.setdefault(id(entry), {})
            for sp in given:
                mine.setdefault(sp.text, sp)
    refused: set[str] = set()
    for text, spellings in generated.items():
        if text in claims:
            continue
        if len({sp.target for sp in spellings}) > 1 or is_known_other_word(text):
            refused.add(text.lower())
            continue
        if is_frequent(text, extra):
            refused.add(text.lower())
            sp = spellings[0]
            if cued is not None and sp.slot == "name" and " " not in text and "-" not in text:
                cued.setdefault(text, Spelling(text, sp.target, sp.entry,
                                               f"{sp.how}, {_CUED}", sp.slot))
            continue
        claims[text] = spellings[0]
    return claims, refused, given_by_entry


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    sp: Spelling
    fuzzy: FuzzyHit[Spelling] | None


class _Index:
    """The spellings of a table for one document language."""

    def __init__(self, entries: list[NameEntry], language: str) -> None:
        self.language = language
        self.cued: dict[str, Spelling] = {}
        claims, self.refused, self.given = settle_claims(entries, language, self.cued)
        for sp in list(self.cued.values()):
            if sp.text.upper() != sp.text:
                self.cued.setdefault(sp.text.upper(), sp.upper())
        self.exact: dict[str, list[Spelling]] = {}
        self.fuzzy: FuzzyIndex[Spelling] = FuzzyIndex(group=lambda sp: (id(sp.entry), sp.target))
        for sp in claims.values():
            self._add_exact(sp)
            if sp.text.upper() != sp.text:
                self._add_exact(sp.upper())
            # fuzzy matches are measured against canonical and listed spellings only
            if sp.how in _TABLE_HOWS and " " not in sp.text and "-" not in sp.text:
                self.fuzzy.add(sp.text, sp)
        for spellings in self.exact.values():
            spellings.sort(key=lambda sp: -len(sp.text))
        # the same, with each spelling's words (None for a single plain word), for the loop
        self.exact_words = {word: [(sp, None if _WORD_RE.fullmatch(sp.text) else tuple(sp.text.split()))
                                   for sp in spellings]
                            for word, spellings in self.exact.items()}
        # given-name spelling -> the entries whose given name it writes
        self.given_owners: dict[str, list[Spelling]] = {}
        for by_text in self.given.values():
            for text, sp in by_text.items():
                self.given_owners.setdefault(text, []).append(sp)
        self.fuzzy_memo: dict[str, FuzzyHit[Spelling] | None] = {}
        self.plain: set[str] = set()  # capitalised words known not to be names
        # Words that are only ever their own canonical spelling (one word, not a
        # surname that a given name may precede): matching them changes nothing.
        # They still count as a mention of their entry (the context of a guess).
        self.noop: dict[str, int] = {
            word: id(spellings[0].entry) for word, spellings in self.exact.items()
            if all(sp.text == sp.target and " " not in sp.text and sp.slot != "surname"
                   for sp in spellings)}

    def _add_exact(self, sp: Spelling) -> None:
        first = _WORD_RE.match(sp.text)
        if first:
            self.exact.setdefault(first.group(), []).append(sp)

    def is_name_word(self, word: str) -> bool:
        """Does ``word`` start a spelling of the table or come near one (either way, a name)?

        Both the written form and the canonical form answer yes, so a guard that
        asks this decides the same on a second clean.
        """
        return word in self.exact or (
            fuzzy_candidate_shape(word) and self.fuzzy_lookup(word) is not None)

    def refuses(self, word: str) -> bool:
        return word.lower() in self.refused or is_known_other_word(word)

    def fuzzy_lookup(self, word: str) -> FuzzyHit[Spelling] | None:
        """The fuzzy index's answer for ``word``, remembered per index (bounded memo)."""
        memo = self.fuzzy_memo
        if word in memo:
            return memo[word]
        if len(memo) >= _FUZZY_MEMO_SIZE:
            memo.clear()
        hit = self.fuzzy.lookup(word, refuse=self.refuses)
        if hit is not None and differs_by_suffix(word.lower(), hit.spelling):
            hit = None
        memo[word] = hit
        return hit


@dataclass
class NameTable:
    """Name entries compiled (lazily, once per document language) into exact and fuzzy indexes."""

    entries: list[NameEntry] = field(default_factory=list)
    fuzzy: bool = True

    def __post_init__(self) -> None:
        self._indexes: dict[str, _Index | None] = {}

    def extend(self, entries: Iterable[NameEntry]) -> None:
        """Add entries (later tables may add variants to the same canonical form)."""
        self.entries.extend(entries)
        self._indexes = {}

    def __len__(self) -> int:
        return len(self.entries)

    def compile(self, language: str = "en") -> "NameTable":
        """Build the indexes for ``language`` (done once, before its first lookup)."""
        self._index(language)
        return self

    def _index(self, language: str) -> _Index | None:
        if language in self._indexes:
            index = self._indexes[language]
        else:
            has = [e for e in self.entries if e.target(language) is not None]
            index = self._indexes[language] = _Index(self.entries, language) if has else None
        return index

    def spellings(self, language: str = "en") -> list[Spelling]:
        """Every spelling claimed in ``language`` (capitals included)."""
        index = self._index(language)
        return [sp for v in index.exact.values() for sp in v] if index else []

    def given_spellings(self, language: str = "en") -> list[Spelling]:
        """Every given-name spelling in ``language`` (used only right before its surname)."""
        index = self._index(language)
        return [sp for by_text in index.given.values() for sp in by_text.values()] if index else []

    def refused(self, language: str = "en") -> set[str]:
        """Generated spellings (lower case) that no entry may use in ``language``."""
        index = self._index(language)
        return set(index.refused) if index else set()

    def canonical_of(self, word: str) -> str | None:
        """The canonical form of ``word`` standing alone, or None if the table knows no such name."""
        index = self._index("en")
        if index is None:
            return None
        sp = next((sp for sp in index.exact.get(word, ()) if sp.text == word), None)
        if sp is not None:
            return sp.target
        hit = index.fuzzy_lookup(word) if self.fuzzy else None
        return hit.payload.target if hit else None

    def changes(self, text: str, language: str | None = "en", evidence: str | None = None
                ) -> list[Change]:
        """Whole-word replacements of every claimed or near spelling by its canonical form.

        ``language`` is the document's language (None: unknown, taken as English);
        ``evidence`` is the text it was read on (the cleaner's language sample; default:
        ``text``), whose stopwords may overrule it for English.  A clean passes its sample,
        so that a line the boilerplate stages remove later, which a second clean never sees,
        does not decide the language of the names.
        """
        lang = _language_key(language)
        if lang is None:
            return []
        if english_overrules(text if evidence is None else evidence, lang):
            lang = "en"  # a short text the caller's detector took for another language
        index = self._index(lang)
        if index is None or not index.exact:
            return []
        out = self._once(text, index)
        # A name the step writes can license its neighbour ("Kiev Volodimir Zelensky": once
        # the given name reads "Volodymyr", "Kiev" no longer starts a longer name), as a
        # second clean would find: the step looks again at what it wrote, until nothing more
        # changes (at most NAME_ROUNDS looks), so that it is idempotent.
        for _ in range(NAME_ROUNDS - 1):
            if not out:
                break
            more = self._once(splice(text, out), index)
            if not more:
                break
            merged = _compose(out, more)
            if merged is None:
                break  # a second change inside a replacement: left to the next clean
            out = merged
        return out

    def _once(self, text: str, index: _Index) -> list[Change]:
        candidates, named, mentions = self._candidates(text, index)
        if not candidates:
            return []
        return self._decide(text, index, candidates, named, mentions)

    def _candidates(self, text: str, index: _Index
                    ) -> tuple[list[_Candidate], set[int], list[tuple[int, int, int]]]:
        """Exact and near matches, the entries named by words that need no change, and
        where those words stand (start, end, entry).

        First the distinct words not yet known to be plain: a word that starts no
        spelling, is no cued spelling and comes near no spelling is never a candidate,
        wherever it stands, and is remembered as plain.  Most documents have no other
        word: they have no candidate, and the positional pass (:meth:`_scan`) is skipped.
        Nothing else is remembered, so a document is decided alone: a near spelling
        glued to a digit ("Kramatrosk2") or met with the fuzzy option off is no plain
        word for the next document.
        """
        plain, noop, exact, cued = index.plain, index.noop, index.exact_words, index.cued
        pattern = _word_pattern(text)
        live = False
        for word in set(pattern.findall(text)).difference(plain):
            if word in exact:
                live = live or word not in noop
            elif word in cued:
                live = True
            elif fuzzy_candidate_shape(word) and index.fuzzy_lookup(word) is not None:
                live = live or self.fuzzy
            else:
                if len(plain) >= _FUZZY_MEMO_SIZE:
                    plain.clear()
                plain.add(word)
        if not live:
            return [], set(), []
        return self._scan(text, index, pattern)

    def _scan(self, text: str, index: _Index, pattern: regex.Pattern[str]
              ) -> tuple[list[_Candidate], set[int], list[tuple[int, int, int]]]:
        """:meth:`_candidates` word by word, in the order of the text."""
        out: list[_Candidate] = []
        named: set[int] = set()
        mentions: list[tuple[int, int, int]] = []
        pos = 0
        plain, noop, exact, cued = index.plain, index.noop, index.exact_words, index.cued
        for m in pattern.finditer(text):
            word = m.group()
            if word in plain or m.start() < pos:
                continue
            if word in noop:
                named.add(noop[word])
                mentions.append((m.start(), m.end(), noop[word]))
                continue
            found = None
            start, wend = m.span()
            glued = _glued(text, wend)
            for sp, words in exact.get(word, ()):
                # the pattern took every letter: a one-word spelling only needs no digit after it
                end = (None if glued else wend) if words is None else _match_words(text, start, words)
                if end is not None:
                    found = _Candidate(start, end, sp, None)
                    break
            if found is None and not glued and word in cued:
                found = _Candidate(start, wend, cued[word], None)
            if found is None and self.fuzzy and not glued:
                hit = index.fuzzy_lookup(word)
                if hit is not None:
                    found = _Candidate(start, wend, hit.payload, hit)
            if found is None:
                continue
            pos = found.end
            out.append(found)
        return out, named, mentions

    def _decide(self, text: str, index: _Index, candidates: list[_Candidate],
                named: set[int], mentions: list[tuple[int, int, int]]) -> list[Change]:
        kept: list[_Candidate] = []
        prose: list[_Candidate] = []  # every candidate in prose, changed or not
        for c in candidates:
            if c.fuzzy is None and c.sp.slot == "name" and c.sp.text == c.sp.target:
                named.add(id(c.sp.entry))  # written as the canonical name: nothing to change
                mentions.append((c.start, c.end, id(c.sp.entry)))
                continue
            if _not_prose(text, c.start, c.end) or _in_exception(text, c.start, c.end, c.sp.entry):
                continue
            prose.append(c)
            if c.sp.slot == "name" and not c.sp.entry.is_person and (
                    _in_longer_name(text, c.start, c.end, index)
                    or person_context(text, c.start, c.end)
                    or other_place(text, c.end, index.is_name_word)):
                continue
            if c.sp.slot == "surname" and family_name(text, c.start, c.end):
                continue
            if metalinguistic(text, c.start, c.end, max(0, c.start - 80)):
                continue
            if c.sp.how.endswith(_CUED) and _place_cue(text, c.start, c.end) is None:
                continue  # a frequent word, and no place word next to it
            kept.append(c)
        if kept:
            kept = self._one_form_nearby(text, kept, prose, mentions)
        exact_entries = named | {id(c.sp.entry) for c in kept if c.fuzzy is None}
        # a place guessed next to a place word is named in the document too (so that a
        # second clean, which sees it written canonically, decides as the first did)
        cues = {k: _place_cue(text, c.start, c.end) for k, c in enumerate(kept)
                if c.fuzzy is not None and c.sp.slot == "name"}
        exact_entries |= {id(kept[k].sp.entry) for k, cue in cues.items() if cue}
        # a guess listed with a place ("Vinnytsya and Zaporozhzhia") is a place too; the
        # place may itself be a licensed guess, so the licence spreads until nothing
        # changes (a second clean, seeing the guesses written canonically, decides alike)
        waiting = [k for k, cue in cues.items() if not cue and id(kept[k].sp.entry) not in exact_entries]
        if waiting:
            licensed = {text[kept[k].start:kept[k].end] for k in cues if k not in waiting}
            grew = True
            while grew and waiting:
                grew = False
                for k in list(waiting):
                    c = kept[k]
                    cue = None if id(c.sp.entry) not in exact_entries else "named"
                    if cue is None:
                        cue = _listed_cue(text, c.start, c.end, index, licensed)
                        if cue is None:
                            continue
                        cues[k] = cue
                    waiting.remove(k)
                    licensed.add(text[c.start:c.end])
                    exact_entries.add(id(c.sp.entry))
                    grew = True
        # a guessed surname written right after its person's given name licenses
        # the same spelling alone elsewhere in the document ("Governor Khinsten")
        surname_licence: dict[tuple[str, int], str] = {}
        for c in kept:
            if c.fuzzy is not None and c.sp.slot == "surname":
                word = _word_before(text, c.start, 0)
                if word and (word[0] in index.given.get(id(c.sp.entry), {})
                             or (c.sp.entry.given and _near_given(word[0], c.sp.entry.given))):
                    surname_licence.setdefault((text[c.start:c.end], id(c.sp.entry)), word[0])
        out: list[Change] = []
        for k, c in enumerate(kept):
            floor = out[-1].end if out else 0
            change = (self._surname_change(text, index, c, floor, surname_licence)
                      if c.sp.slot == "surname"
                      else self._name_change(text, c, exact_entries, cues.get(k)))
            if change is not None:
                out.append(change)
        return out

    @staticmethod
    def _one_form_nearby(text: str, kept: list[_Candidate], prose: list[_Candidate],
                         mentions: list[tuple[int, int, int]]) -> list[_Candidate]:
        """``kept`` without the mentions written next to their entry's canonical spelling."""
        need = {id(c.sp.entry) for c in kept}
        spots: dict[int, list[tuple[int, str]]] = {}
        for start, end, entry in mentions:
            if entry in need and (start == 0 or text[start - 1] not in "#@/._$"):
                spots.setdefault(entry, []).append((start, text[start:end].lower()))
        for c in prose:
            if id(c.sp.entry) in need:
                spots.setdefault(id(c.sp.entry), []).append((c.start, text[c.start:c.end].lower()))
        if all(len({f for _, f in v}) < 2 for v in spots.values()):
            return kept
        return [c for c in kept if not _other_form_nearby(text, c, spots[id(c.sp.entry)])]

    def _name_change(self, text: str, c: _Candidate, exact_entries: set[int],
                     cue: str | None) -> Change | None:
        written = text[c.start:c.end]
        if written == c.sp.target:
            return None
        if c.fuzzy is None:
            return Change(c.start, c.end, c.sp.target, _TABLE_REF,
                          c.sp.describe(written, c.sp.target))
        context = cue
        if context is None:
            if id(c.sp.entry) not in exact_entries:
                return None
            context = f"{c.sp.entry.canonical} named elsewhere in the document"
        return Change(c.start, c.end, c.sp.target, _FUZZY_REF,
                      _fuzzy_detail(written, c.sp, c.fuzzy, context))

    def _surname_change(self, text: str, index: _Index, c: _Candidate, floor: int,
                        licensed: dict[tuple[str, int], str]) -> Change | None:
        """A surname's change, widened to the given name before it; None when nothing changes.

        The word right before the surname decides: the person's own given name
        (any spelling, or a near misspelling of the canonical one) is changed
        with it; another listed person's given name with the same surname stem
        names that person (a feminine form); a title, a sentence start or
        nothing at all leaves the surname alone to change; any other
        capitalised word makes it someone else's name.
        """
        sp, start, end = c.sp, c.start, c.end
        written = text[start:end]
        before = _word_before(text, start, floor)
        word, wstart, wend = before if before else (None, start, start)
        mine = index.given.get(id(sp.entry), {})
        given = mine.get(word) if word else None
        given_how = "given"
        if word and given is None and sp.entry.given and _near_given(word, sp.entry.given):
            given = Spelling(word, mine[sp.entry.given].target, sp.entry, "fuzzy given", "given") \
                if sp.entry.given in mine else None
            given_how = "fuzzy given"
        if word and given is None:
            other = _feminine(index, sp, word)
            if other is not None:
                if c.fuzzy is not None:
                    return None
                # a given-name owner of the index has a target in its language
                surname = cast(str, other.entry.target(index.language)).split()[-1]
                target = other.target + text[wend:start] + surname
                if text[wstart:end] == target:
                    return None
                detail = (f"table: {text[wstart:end]} -> {target} (another form of the "
                          f"surname after the given name of entry {other.entry.canonical}, "
                          f"{other.entry.source_name})")
                return Change(wstart, end, target, _TABLE_REF, detail)
            if not _free_before(text, wstart, word, index):
                return None
        context = f"after the given name {word}"
        if c.fuzzy is not None and given is None:
            # a surname is guessed only after its own given name, here or elsewhere
            first = licensed.get((written, id(sp.entry)))
            if first is None:
                return None
            context = f"the same spelling after the given name {first} elsewhere in the document"
        pieces = []
        replacement = sp.target
        if written != sp.target:
            pieces.append(_fuzzy_detail(written, sp, c.fuzzy, context)
                          if c.fuzzy is not None else sp.describe(written, sp.target))
        if given is not None and given.text != given.target:
            if given_how == "fuzzy given":
                pieces.insert(0, f"fuzzy given name: {word} -> {given.target} (entry "
                                 f"{sp.entry.canonical}, before its surname {written})")
            else:
                pieces.insert(0, given.describe(given.text, given.target))
            replacement = given.target + text[wend:start] + replacement
            start = wstart
        if not pieces:
            return None
        ref = _FUZZY_REF if c.fuzzy is not None and written != sp.target else _TABLE_REF
        return Change(start, end, replacement, ref, "; ".join(pieces))


_LANGUAGE_KEYS: dict[str, str | None] = {}


def _language_key(language: str | None) -> str | None:
    """"en" for None or English, the primary subtag otherwise; None for nonsense."""
    if not language:
        return "en"
    key = _LANGUAGE_KEYS.get(language, "")
    if key == "":
        key = language.strip().lower().replace("_", "-").split("-")[0]
        key = key if _LANGUAGE_RE.fullmatch(key) else None
        if len(_LANGUAGE_KEYS) < 1000:
            _LANGUAGE_KEYS[language] = key
    return key


_LETTERS_RE = regex.compile(r"\p{L}+")


def english_overrules(text: str, language: str | None) -> bool:
    """Does the names step read ``text`` (a document's language sample) in ``language`` as
    English (:func:`_english_dominates`)?  The cleaner asks it of its output's sample too: a
    second clean reads the names as the first did, or the first cleans its output again."""
    lang = _language_key(language)
    return lang is not None and lang != "en" and _english_dominates(text, lang)


def _english_dominates(text: str, language: str) -> bool:
    """Do English stopwords outnumber ``language``'s in ``text`` (at least two of them)?

    Language detection is unreliable on a few words ("Kiev's mayor said no" can
    come back as Estonian); the stopwords of the two languages settle it.
    """
    words = _LETTERS_RE.findall(text[:3000].lower())
    english = _stoplist("en")
    other = _stoplist(language)
    en_hits = sum(1 for w in words if w in english)
    return en_hits >= 2 and en_hits > sum(1 for w in words if w in other)


def differs_by_suffix(word: str, spelling: str) -> bool:
    """Do ``word`` and ``spelling`` (lower case) differ only by a grammatical ending?

    Russian, Ukrainian and Polish mark gender, case and derived place names at
    the end of a word: Poltavka is not Poltava, Zakharov is not Zakharova,
    Vovchanski is not Vovchansk.  After the common beginning, both remainders
    must be such endings (or nothing).
    """
    common = 0
    for x, y in zip(word, spelling):
        if x != y:
            break
        common += 1
    rest = (word[common:], spelling[common:])
    if rest[0] == rest[1]:
        return False
    return all(r in _ENDINGS for r in rest) or differs_only_at_end(word, spelling)


_ENDINGS = frozenset("""
 a o e i y u ya ia iya yi iy ii yy ij yj
 ka ivka ovka evka yivka iivka ovo evo eve ove ive ino ine ne na ny ni
 ov ova ev eva in ina yn yna ovna evna ovich evich ovych evych
 sk ski sky ska skiy skyi skii skoye skoe ske skaya skoi skyy ck cki cka
""".split()) | {""}


def _near_given(word: str, given: str) -> bool:
    """Is ``word`` a near misspelling of the canonical given name (not another ending)?"""
    low, target = word.lower(), given.lower()
    return (" " not in target and accepted_distance(low, target) is not None
            and not differs_by_suffix(low, target))


def _feminine(index: _Index, sp: Spelling, word: str) -> Spelling | None:
    """The given-name spelling ``word`` of another person with the same surname stem."""
    for other in index.given_owners.get(word, ()):
        if other.entry is sp.entry:
            continue
        a, b = other.entry.surname.lower(), sp.entry.surname.lower()
        common = 0
        for x, y in zip(a, b):
            if x != y:
                break
            common += 1
        if common >= max(len(a), len(b)) - 3 and common >= 4:
            return other
    return None


NAME_ROUNDS = 3
"""How many times the step looks at a text (the first, and again at what it wrote)."""


def _compose(first: list[Change], then: list[Change]) -> list[Change] | None:
    """``first`` (sorted changes of a text) followed by ``then`` (sorted changes of the
    text ``first`` wrote) as one sorted list of changes of the first text; None when a
    change of ``then`` touches a replacement of ``first``."""
    spans = []  # each replacement's span in the written text, and the shift after it
    shift = 0
    for a in first:
        start = a.start + shift
        shift += len(a.replacement) - (a.end - a.start)
        spans.append((start, start + len(a.replacement), shift))
    out = list(first)
    k = before = 0
    for ch in then:
        while k < len(spans) and spans[k][1] <= ch.start:
            before = spans[k][2]
            k += 1
        if k < len(spans) and spans[k][0] < ch.end:
            return None
        out.append(Change(ch.start - before, ch.end - before, ch.replacement, ch.rule, ch.detail))
    out.sort(key=lambda c: c.start)
    return out


def _glued(text: str, end: int) -> bool:
    """Does a digit or underscore follow the word ending at ``end``?"""
    return end < len(text) and (text[end].isalnum() or text[end] == "_")


_NEARBY = 6
"""How far (in words between the two) another spelling of the same entry makes a mention
a mention of the spelling ("switched from Kiev to Kyiv", "Kyiv (not Kiev)").  Counted in
words, not characters: the step replaces other names by longer or shorter spellings, and
a second clean must find the two as near as the first did."""
_PAST_NEARBY = regex.compile(r"\s*(?:\S+\s+){%d}" % (_NEARBY + 1))
"""Matches (within a gap) when more than :data:`_NEARBY` words stand between the two: read
word by word from the gap's start, never the whole gap of a long document."""


def _other_form_nearby(text: str, c: _Candidate, spots: list[tuple[int, str]]) -> bool:
    """Is the entry's canonical spelling written close to ``c``, in the same sentence?

    "The press switched from Kiev to Kyiv", "Kyiv (not Kiev)": the text talks
    about the spellings, and both stay.  Two misspellings side by side ("over
    Kiyv and Kyiev") are still corrected.
    """
    form = text[c.start:c.end].lower()
    target = c.sp.target.lower()
    near = [s for s, f in spots if f == target and f != form
            and not (_PAST_NEARBY.match(text, c.end, s) if s >= c.end
                     else _PAST_NEARBY.match(text, s + len(f), c.start))]
    if not near:
        return False
    lo, hi = sentence_bounds(text, c.start, c.end)
    return any(lo <= s < hi for s in near)


def _word_before(text: str, start: int, floor: int) -> tuple[str, int, int] | None:
    """(word, start, end) of the capitalised word right before ``start`` (spaces between),
    not itself glued to a word, apostrophe, dot or hyphen before it; never before ``floor``."""
    j = start
    while j > floor and text[j - 1] in " \u00a0":
        j -= 1
    if j == start:
        return None
    k = j
    while k > floor and j - k < 40 and text[k - 1].isalpha():
        k -= 1
    if k == j or not text[k].isupper():
        return None
    if k > 0:
        prev = text[k - 1]
        if prev.isalnum() or prev in "_'’.-":
            return None
    return text[k:j], k, j


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in "\n.!?:;\"“”«»„(—–-•*|>[‘’'"


# Separators between a headline and a site or section tagline ("Title | Site"): a
# tagline is judged apart from the title, as the boilerplate stage may remove it
# (HL001), and the title must read the same with or without it.
_TAGLINE_SEPARATOR_RE = regex.compile(r" (?:\|\|?|::|//) ")


def _line_is_title_case(text: str, start: int) -> bool:
    """Is the line around ``start`` (its part between tagline separators) a headline
    in title case or capitals (4 to 20 words)?"""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    line = text[lo: hi if hi >= 0 else len(text)]
    seg_lo, seg_hi = 0, len(line)
    for sep in _TAGLINE_SEPARATOR_RE.finditer(line):
        if sep.end() <= start - lo:
            seg_lo = sep.end()
        else:
            seg_hi = sep.start()
            break
    line = line[seg_lo:seg_hi]
    words = [w for w in regex.findall(r"\p{L}[\p{L}\p{M}'’-]*", line)]
    words = [w for w in words if w.lower() not in _TITLE_CASE_SMALL]
    # every word but the small ones capitalised, as headlines are; a sentence full of names
    # still has lower-case verbs ("Designer Vera Wang opened in Kiev Mall")
    return 4 <= len(words) <= 20 and all(w[0].isupper() for w in words)


def _free_before(text: str, wstart: int, word: str, index: _Index) -> bool:
    """May a surname or place stand after the capitalised ``word`` and still be the table's?"""
    if word in TITLES or word in PLACE_WORDS:
        return True
    if word in index.given_owners:
        return False  # another listed person's given name ("Vasily Aksenov")
    if index.is_name_word(word) or word.isupper():
        return True
    if _sentence_start(text, wstart):
        # a function word or adverb starting the sentence ("In Kiev", "Yesterday Zelensky"),
        # not a name's first word ("Dynamo Kiev", "Kommissar Harkov")
        low = word.lower()
        return low in SENTENCE_OPENERS or low in _stoplist(index.language)
    return _line_is_title_case(text, wstart)


SENTENCE_OPENERS = frozenset("""
yesterday today tonight overnight meanwhile earlier later also now then here there outside
inside across throughout separately elsewhere afterwards additionally still instead
gestern heute inzwischen dort wczoraj dziś dzisiaj
""".split())
"""Sentence-opening adverbs that stoplists lack."""


def _stoplist(language: str) -> frozenset[str]:
    try:
        return stoplist(language)
    except (ModuleNotFoundError, OSError):
        return frozenset()


def _in_longer_name(text: str, start: int, end: int, index: _Index) -> bool:
    """Is the place at ``text[start:end]`` part of a longer proper name?

    A capitalised word right after it that is no place word ("Odessa Paloma
    Parker", "Kiev Post", "Kiev Rus"), or right before it in mid-sentence
    ("Dynamo Kiev"), or a quoted title around it.
    """
    if _in_quoted_title(text, start, end):
        return True
    nxt = _NEXT_WORD_RE.match(text, end)
    if nxt:
        word = nxt.group(1)
        bare = word[:-2] if word.endswith(("'s", "’s")) else word
        if not (word in PLACE_WORDS or index.is_name_word(bare) or word.isupper()
                or _line_is_title_case(text, start)):
            return True
    before = _word_before(text, start, 0)
    if before:
        return not _free_before(text, before[1], before[0], index)
    return False


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` inside a short quotation of mostly capitalised words (a title)?"""
    lo = max(0, start - 120)
    left = text[lo:start]
    if not _QUOTE_CHARS.search(left):
        return False
    left = left[left.rfind("\n") + 1:]
    right = text[end:end + 120]
    right = right[:right.find("\n")] if "\n" in right else right
    for opening, closing in (("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"), ('"', '"'), ("‘", "’")):
        if opening == closing:
            if left.count(opening) % 2 == 0:
                continue
        elif left.rfind(opening) <= left.rfind(closing):
            continue
        k = right.find(closing)
        if k < 0:
            continue
        quoted = left[left.rfind(opening) + 1:] + text[start:end] + right[:k]
        words = [w for w in regex.findall(r"\p{L}[\p{L}\p{M}'’]*", quoted)
                 if w.lower() not in _TITLE_CASE_SMALL]
        if 2 <= len(words) <= 10 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            return True
    return False


_CODE_TOKEN = regex.compile(r"\d|\w\.\w")
_PROSE_BEFORE = frozenset(" \n\t\u00a0(\"'“‘«„[—–\u200b\u200c\u200d\ufe0e\ufe0f")
_PROSE_AFTER = frozenset(" \n\t\u00a0,;:!?)\"'”’»]—–-")


def _not_prose(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` inside a URL, address, handle, hashtag, file name or code?"""
    n = len(text)
    before = text[start - 1] if start else " "
    after = text[end] if end < n else " "
    if after == "." and (end + 1 >= n or not text[end + 1].isalnum()):
        after = " "  # a full stop
    if not (before in _PROSE_BEFORE and after in _PROSE_AFTER) or after == "-" or before == "-":
        # the name is glued to something: look at the whole token
        lo = start
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = end
        while hi < n and not text[hi].isspace():
            hi += 1
        token = text[lo:hi].strip(".,;:!?)]}\"'»”’(«“‘[{")
        if _NON_PROSE_MARK.search(token) or token.startswith(("#", "$", "~")):
            return True
        # a code, identifier or file name: digits ("KHARKOV-7"), a dot inside
        # ("Orel-Retail-Prices.xlsx"), capitals joined by a hyphen ("KIEV-ODS"), or
        # three or more capitalised parts ("Orel-Retail-Prices")
        if _CODE_TOKEN.search(token) or (token.isupper() and "-" in token) or (
                token.count("-") >= 2 and all(p[:1].isupper() for p in token.split("-"))):
            return True
        # a dot joining the name to another word: Krym.Realii, kiev.ua, Kiev.jpg
        if (end < n - 1 and text[end] == "." and text[end + 1].isalnum()) or (
                start > 1 and text[start - 1] == "." and text[start - 2].isalnum()):
            return True
    if "`" not in text:
        return False
    # in backticks: an odd number of the line's backticks before the name and one after
    # it on the line, within 2000 characters each way (a longer line is read from there,
    # never from an earlier or a later line); a lone backtick quotes nothing, and the
    # boilerplate stages may remove it
    lo = max(0, start - 2000)
    line_lo = text.rfind("\n", lo, start) + 1 or lo
    if text.count("`", line_lo, start) % 2 == 0:
        return False
    hi = min(n, end + 2000)
    line_hi = text.find("\n", end, hi)
    return text.find("`", end, hi if line_hi < 0 else line_hi) >= 0


_LISTED_BEFORE_RE = regex.compile(r"(\p{Lu}[\p{L}\p{M}'’-]*)(?:,|[ \u00a0]+(?:and|or|und|oder|i|lub))[ \u00a0]+$")
_LISTED_AFTER_RE = regex.compile(r"(?:,|[ \u00a0]+(?:and|or|und|oder|i|lub))[ \u00a0]+(\p{Lu}[\p{L}\p{M}'’-]*)")


def _is_place_spelling(word: str, index: _Index) -> bool:
    """Is ``word`` by itself a place's spelling in the table (any spelling, exact or frequent)?"""
    return word in index.cued or any(
        sp.text == word and sp.slot == "name" and not sp.entry.is_person
        for sp in index.exact.get(word, ()))


def _listed_cue(text: str, start: int, end: int, index: _Index, licensed: set[str]) -> str | None:
    """A place of the table (or a licensed guess) listed right next to ``text[start:end]``."""
    for found in (_LISTED_BEFORE_RE.search(text, max(0, start - 40), start),
                  _LISTED_AFTER_RE.match(text, end, end + 40)):
        if found and (found.group(1) in licensed or _is_place_spelling(found.group(1), index)):
            return f"listed with the place {found.group(1)}"
    return None


def _place_cue(text: str, start: int, end: int) -> str | None:
    """A place word right next to ``text[start:end]``, said as the context of a guess."""
    nxt = _NEXT_WORD_RE.match(text, end)
    if nxt and nxt.group(1) in ("Oblast", "Region", "Province", "Raion", "District"):
        return f"followed by {nxt.group(1)}"
    low = regex.match(r"[ \u00a0]+(oblast|region|province|district)\b", text[end:end + 12])
    if low:
        return f"followed by {low.group(1)}"
    cue = _PLACE_CUE_BEFORE_RE.search(text, max(0, start - 30), start)
    if cue:
        return f"after '{cue.group().strip()}'"
    return None


def _fuzzy_detail(written: str, sp: Spelling, hit: FuzzyHit[Spelling], context: str) -> str:
    return (f"fuzzy {hit.score}: {written} -> {sp.target} (near {sp.text}, {sp.how}; entry "
            f"{sp.entry.canonical}, {sp.entry.source_name}; context: {context})")


def _match_words(text: str, start: int, words: tuple[str, ...]) -> int | None:
    """End offset when ``words`` stand at ``start`` as whole words, else None."""
    pos = start
    for k, word in enumerate(words):
        if k:
            gap = regex.match(r"[ \u00a0]+", text[pos:pos + 4])
            if not gap:
                return None
            pos += gap.end()
        if not text.startswith(word, pos):
            return None
        pos += len(word)
    if pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
        return None
    return pos


def _in_exception(text: str, start: int, end: int, entry: NameEntry) -> bool:
    """Is text[start:end] part of one of the entry's exception phrases?"""
    variant = text[start:end].lower()
    for phrase in entry.exceptions:
        low = phrase.lower()
        k = low.find(variant)
        while k >= 0:
            lo = start - k
            if lo >= 0 and text[lo : lo + len(phrase)].lower() == low:
                return True
            k = low.find(variant, k + 1)
    return False


def _check_entry(path: Path, raw: object, k: int) -> NameEntry:
    """One validated entry (strict: unknown keys and wrong types are errors)."""
    label = str(raw.get("canonical", f"entry {k + 1}")) if isinstance(raw, dict) else f"entry {k + 1}"
    if not isinstance(raw, dict):
        raise _entry_error(path, "each [[name]] must be a table", label)
    for key, value in raw.items():
        if key not in _ENTRY_KEYS:
            raise _entry_error(path, "unknown key in a name entry", label, key)
        if not isinstance(value, _ENTRY_KEYS[key]):
            raise _entry_error(path, f"expected {_ENTRY_KEYS[key].__name__}", label, key)
        if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
            raise _entry_error(path, "expected a list of non-empty strings", label, key)
        if isinstance(value, dict) and not all(isinstance(v, str) and v.strip()
                                               for v in value.values()):
            raise _entry_error(path, "expected non-empty strings as values", label, key)
    if not raw.get("canonical", "").strip():
        raise _entry_error(path, "is required", label, "canonical")
    kind = raw.get("kind", "")
    if kind and kind not in KINDS:
        raise _entry_error(path, f"unknown kind {kind!r} (known: {', '.join(KINDS)})", label, "kind")
    if kind == "person" and len(raw["canonical"].split()) < 2:
        raise _entry_error(path, "a person needs a given name and a surname", label, "canonical")
    canonical_in = {str(lang).lower(): v.strip() for lang, v in raw.get("canonical_in", {}).items()}
    for lang in canonical_in:
        if not _LANGUAGE_RE.fullmatch(lang):
            raise _entry_error(path, f"not a language code: {lang!r}", label, "canonical_in")
    variants = tuple(v.strip() for v in raw.get("variants", ()))
    why = dict(raw.get("why", {}))
    for variant in why:
        if variant not in variants:
            raise _entry_error(path, f"'why' names {variant!r}, which is not a listed variant",
                                label, "why")
    return NameEntry(raw["canonical"].strip(), variants,
                     tuple(raw.get("exceptions", ())), tuple(n.strip() for n in raw.get("native", ())),
                     str(path), kind, canonical_in, why)


def load_name_table(path: str | Path) -> list[NameEntry]:
    """Read and validate one name-table file (strict: unknown keys are errors)."""
    path = Path(path)
    data = load_toml(path, ("name",))
    return [_check_entry(path, raw, k) for k, raw in enumerate(data.get("name", []))]


def builtin_name_paths() -> list[Path]:
    """The shipped name tables."""
    return sorted((builtin_rules_dir() / "names").glob("*.toml"))


def build_name_table(paths: Iterable[str | Path] = (), builtin: bool = True) -> NameTable:
    """The built-in tables (unless ``builtin`` is false) plus the user's ``paths``, compiled
    for English (other languages compile on first use)."""
    table = NameTable()
    for path in [*(builtin_name_paths() if builtin else []), *paths]:
        table.extend(load_name_table(path))
    return table.compile()
