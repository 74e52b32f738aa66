"""Read FOIA 2000 exemption citations out of text.

Two entry points share one scanner:

* :func:`parse_citations` reads a *citation field* (a case-system column such as
  ``"Section 31 (1)(a)(b) – Law Enforcement"``) and is strict: a section that is not an exemption of
  the Act raises :class:`~foiclassify.errors.UnknownLabelError`, because a typo in a label column
  should not be dropped silently.
* :func:`extract_cited_exemptions` reads a whole *response letter* and is lenient: letters are full of
  section numbers that are not exemptions (the section 1 duty, the section 17 refusal notice, the
  section 50 complaint route, sections of other Acts), and those are ignored rather than reported.
  It also detects neither-confirm-nor-deny (NCND) wording.

Codes are canonical citation codes from :meth:`Taxonomy.normalise
<foiclassify.taxonomy.Taxonomy.normalise>`: label codes (``s31(1)``) where the text gives a
subsection, section codes (``s43``) where it gives none. Everything here is pure Python and has no
side effects on import.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from foiclassify.errors import InputError, UnknownLabelError
from foiclassify.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "Citation",
    "LetterExtraction",
    "LetterLabels",
    "extract_cited_exemptions",
    "format_letter_labels",
    "html_to_text",
    "label_letters",
    "parse_citations",
    "read_letters",
    "render_code",
    "render_codes",
]

# --------------------------------------------------------------------------------------------------
# Building blocks. Whitespace includes non-breaking and zero-width spaces and line breaks, because
# citations copied out of PDFs and web pages carry all of them. Digits are ASCII only: ``\d`` would
# accept Arabic-Indic or full-width digits, which no letter uses for section numbers.
# --------------------------------------------------------------------------------------------------
_SP = r"[\s\u200b\u2060\ufeff]"
_WS = _SP + "*"
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTE = "[\"'‘’“”]"


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile ``pattern`` with readable spacing: a literal space is one or more whitespace characters
    of any kind and ``~`` is optional whitespace. (Patterns never need a literal space otherwise.)"""
    return re.compile(pattern.replace(" ", _SP + "+").replace("~", _WS), flags)


_KEYWORD = r"(?:(?:(?:sections?|sects?|secs?)\.?|ss?\.|§§?)~|ss?[\x20\u00a0]?)(?=[0-9])"
# "section", "sections", "sect.", "sec", "ss.", "s.", "S40", "§ 42". The bare "s" must not follow a
# letter, digit or apostrophe ("user's 12 months", "GCSEs 12") and may be followed by one space at most.
_KEYWORD_RE = _rx(r"(?<![A-Za-z0-9'’])" + _KEYWORD)
# Inside a list the keyword may repeat: "sections 37(1)(b) and section 41(1)".
_INNER_KEYWORD_RE = _rx(_KEYWORD)
# A section number: "31", "22A". Not "12th", "12.4" (a paragraph of some document) or "1,000".
_NUMBER_RE = _rx(r"([0-9]{1,3})([A-Za-z])?(?![A-Za-z0-9]|[.,][0-9])", 0)
# One parenthesised part: a subsection "(2)", "(5B)" or a paragraph "(a)", "(ii)", "(B)".
_PAREN_RE = _rx(r"~\(~(?:([0-9]{1,2})([A-Za-z]?)|([a-z]{1,2}|[ivxlIVXL]{1,6}|[A-Z]))~\)", 0)
# A parenthesised title after a citation: "(Law Enforcement)", "(third person personal information)".
_TITLE_RE = _rx(r"~\((?=[^()]*[A-Za-z]{3})[^()0-9\n]{2,80}\)", 0)
# What joins the items of one citation: "23(5) and 24(2)", "30(3), 31(3) and 40(5)", "(2) & (3)",
# "12 ..., 22". A dash joins only when a subsection follows ("40(2) - (3)"); otherwise it opens a title.
_SEPARATOR_RE = _rx(
    r"(?:~(?:,|;|&|\+|/|\.\.\.|…|\band/or\b|\band\b|\bor\b|\bplus\b|[" + _DASHES + r"](?=~\()))+~"
)
# Counted things: "section 12 and 18 hours" is a section and a quantity, not two sections.
_QUANTITY_RE = _rx(
    r"~(?:%|per\b|percent|hours?|hrs?\b|days?|working|weeks?|months?|years?|minutes?|mins?\b|pages?|"
    r"documents?|records?|items?|requests?|people|persons?|officers?|staff|employees?|cases?|incidents?|"
    r"calls?|times|members?|copies|files?|e-?mails?|letters?|questions?|pounds?|reports?|vehicles?)\b"
)
# A bare subsection-style reference with no keyword, e.g. "citing 23(5), 24(2) and 31(3)".
_BARE_ANCHOR_RE = _rx(r"(?<![A-Za-z0-9.,/£$€#'’:" + _DASHES + r"])([0-9]{2}A?)(?=\([0-9])", 0)
# Words that make a bare "24(2)" something other than a section of this Act ("Article 23(1) UK GDPR").
_BARE_GUARD_RE = _rx(
    r"\b(?:articles?|art|regulations?|regs?|paragraphs?|paras?|schedules?|sch|rules?|clauses?|parts?|"
    r"chapters?|pages?|questions?|q|items?|annex(?:es)?|appendix|appendices|tables?|figures?|steps?|points?|"
    r"lines?|conditions?|principles?|recitals?|subsections?|number|nos?)\.?~$"
)

# "of the Act", "of FOIA", "of the Freedom of Information Act 2000", "of the FOI Act": anything else
# after "of" is another Act or a document ("section 29 of the Data Protection Act", "section 12 of our
# publication scheme").
_OF_RE = _rx(r"^~,?~of ")
_FOIA_NAME_RE = _rx(r"^(?:(?:the|this|that) )?(?:Act\b|FOIA\b|FOISA\b|FOI\b|Freedom of Information\b)")
_FOIA_IN_RE = _rx(r"freedom of information")
# Another statute named right after or right before a section number: "section 29 DPA",
# "the Terrorism Act 2000, section 44", "RIPA s.19".
_STATUTE = (
    r"(?:(?:the )?(?:UK )?(?:[A-Z][\w’'()-]* (?:(?:of|and|for|the|to|on|in) )?){1,8}Act\b|"
    r"RIPA\b|DPA\b|PACE\b|"
    r"(?:UK )?GDPR\b|IPA\b|CRCA\b|EIRs?\b|HRA\b|MHA\b|TA\b)"
)
_STATUTE_HINT_RE = re.compile(r"Act\b|RIPA|DPA|PACE|GDPR|IPA|CRCA|EIR|HRA|MHA|TA\b")
_STATUTE_AFTER_RE = _rx(r"^~[,(]?~" + _STATUTE, 0)
_STATUTE_BEFORE_RE = _rx(_STATUTE + r"(?: [0-9]{4})?(?:~\([A-Za-z]{2,8}\))?~[,(:]?~$", 0)
# "section 44 stops", "section 43 searches", "a section 35 order": police powers under other Acts.
_POWER_NOUN_RE = _rx(
    r"~(?:stops?|search(?:es|ed)?|powers?|authori[sz]ations?|warrants?|orders?|offences?|agreements?|"
    r"licen[cs]es?|detentions?|arrests?|applications?|assessments?|checks?|returns?|notices?|evictions?)\b"
)
# "section 38 is not engaged", "we have not applied section 12": a section that is considered and
# rejected is not cited.
_NEGATED_AFTER_RE = _rx(
    r"^~(?:of (?:the )?(?:Act|FOIA)\b~)?"
    r"(?:is|was|were|are|has|have|had|would|does|did|do|will)(?: been)? not "
    r"(?:be |been )?(?:engaged|apply|applicable|applied|relevant|relied (?:up)?on)\b"
)
_NOT_HINT_RE = re.compile(r"\b(?:not|never)\b", re.IGNORECASE)
_NEGATED_BEFORE_RE = _rx(
    r"\b(?:not|never) (?:applied|apply|applying|relied (?:up)?on|rely (?:up)?on|relying (?:up)?on|cited|"
    r"citing|engaged)(?: (?:the )?exemptions?(?: (?:at|in|under|provided by))?)?~$"
)

# Neither-confirm-nor-deny wording. Patterns that need context stay inside one sentence ([^.]) so that
# the general explanation of the section 1 duties found in ordinary letters does not trigger them.
_CANNOT = (
    r"(?:cannot|can~not|can't|unable to|not able to|will not|won't|refuses? to|refused to|declines? to|"
    r"declined to|not (?:required|obliged|obligated) to|need not|does not have to|do not have to)"
)
_NOT_APPLY = (
    r"(?:does not (?:apply|arise)|do not apply|is (?:excluded|removed|disapplied|not engaged)|"
    r"has been (?:excluded|removed|disapplied)|no longer applies)"
)
_S1_1_A = r"s(?:ection|\.)?~1~\(~1~\)~\(~a~\)"
_NCND_PATTERNS = (
    r"\bneither confirm(?:s|ed|ing)? n?or den(?:y|ies|ied|ying)\b",
    r"\bN\.?C\.?N\.?D\b",
    r"\b" + _CANNOT + r" (?:either )?confirm or deny\b",
    r"\b(?:cannot|can~not|can't|unable to|not able to|not in a position to) confirm (?:or deny )?whether\b"
    r"[^.]{0,80}?\b(?:hold|holds|held|holding)\b",
    r"\bduty to confirm or deny\b[^.]{0,120}?\b" + _NOT_APPLY + r"\b",
    r"\b(?:exempt(?:s|ed)?|excludes?|excluded|removes?|removed|disapplies|relieved|released)\b[^.]{0,40}?"
    r"\bfrom the duty to confirm or deny\b",
    r"\b(?:excludes?|removes?|disapplies) the duty to confirm or deny\b",
    r"\bno duty to confirm or deny\b",
    r"\b" + _S1_1_A + r"[^.]{0,120}?\b" + _NOT_APPLY + r"\b",
    r"\b(?:excluded|exempt|exempted|removed|relieved) from "
    r"(?:the duty (?:in|at|under|imposed by) )?" + _S1_1_A,
    # Section 12(2): the cost of establishing whether information is held is itself over the limit.
    r"\bcost of (?:determining|establishing|confirming|ascertaining) (?:if|whether)\b[^.]{0,60}?"
    r"\b(?:is|are) held\b",
)
_NCND_RE = _rx("|".join(f"(?:{p})" for p in _NCND_PATTERNS))
_NCND_NEGATED_RE = _rx(r"\b(?:not (?:appropriate|necessary) to|no need to) $")

# Section 12 named only by its effect: "would exceed the appropriate limit", "cost exceeds limit",
# "exceeds the 'appropriate level'", "would exceed the time threshold".
_LIMIT = (
    _QUOTE + r"?(?:appropriate|cost|costs|time|fees?)" + _QUOTE + r"?~(?:\(~(?:cost|costs|time)~\)~)?"
    r"(?:" + _QUOTE + r"?~(?:cost|costs) )?(?:limit|threshold|level)s?" + _QUOTE + "?"
)
_COST_RE = _rx(
    r"\b(?:exceed(?:s|ed|ing)?|over|beyond|above|breach(?:es)?) (?:(?:the|our|this) )?" + _LIMIT
    + r"|\bcosts? (?:would )?exceed(?:s|ed)? (?:the )?(?:appropriate )?limit\b"
)
_COST_WITHIN_RE = _rx(r"\bwithin (?:the )?" + _LIMIT)
_COST_NEGATED_RE = _rx(r"\b(?:not|never|n't) (?:\w+ ){0,2}$")
_CANNOT_RE = _rx(r"\b(?:not|unable|cannot|can't|impossible)\b")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s|\n\s*\n)")

# Sections of the Act that letters mention for procedure (the right of access, time limits, advice and
# assistance, refusal notices, complaints). They are not exemptions: a citation field may name them
# without being wrong, and letters always do.
PROCEDURAL_SECTIONS: frozenset[str] = frozenset(
    str(n) for n in (*range(1, 12), 13, *range(16, 21), 25, *range(45, 62), 77, 78, 84)
)


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Citation:
    """One citation found in a text.

    Attributes
    ----------
    code : str
        Canonical code, e.g. ``"s31(1)"`` or ``"s43"``.
    text : str
        The words that cite it, exactly as in the input (``"Section 31 (1)(a)"``, ``"24(2)"``).
    start, end : int
        Offsets of ``text`` in the input string.
    implicit : bool
        True when the section is named only by its effect (section 12's "appropriate limit").
    """

    code: str
    text: str
    start: int
    end: int
    implicit: bool = False

    def render(self) -> str:
        """The code written the way letters do (see :func:`render_code`)."""
        return render_code(self.code)


@dataclass(frozen=True)
class LetterExtraction:
    """What a response letter cites.

    Attributes
    ----------
    labels : list of str
        Canonical codes in taxonomy order without duplicates. A section-level code (``s31``) is left
        out when the letter also cites a subsection of the same section.
    ncnd : bool
        True when the letter neither confirms nor denies holding (some of) the information: NCND
        wording, or a citation of an NCND provision (``s31(3)``, ``s40(5)``, section 12(2)).
    citations : list of Citation
        Every citation counted, in text order (repeats included).
    ncnd_evidence : list of str
        The NCND phrases found, in text order.
    """

    labels: list[str]
    ncnd: bool
    citations: list[Citation] = field(default_factory=list)
    ncnd_evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LetterLabels:
    """Labels of one letter in a batch (see :func:`label_letters`)."""

    id: str
    labels: list[str]
    ncnd: bool

    def to_dict(self) -> dict[str, object]:
        """Plain dictionary in JSON Lines output order: ``id``, ``labels``, ``ncnd``."""
        return {"id": self.id, "labels": list(self.labels), "ncnd": self.ncnd}


# --------------------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------------------
@dataclass
class _Item:
    section: str  # "31", "22A"
    subsection: str | None  # "1", "5B" or None
    start: int
    end: int


@dataclass
class _Group:
    items: list[_Item]
    start: int
    end: int


def _read_item(text: str, pos: int) -> _Item | None:
    """Read "31(1)(a)(b)" or "22A" at ``pos``: a number and its parenthesised parts."""
    num = _NUMBER_RE.match(text, pos)
    if not num:
        return None
    section = num.group(1).lstrip("0") or "0"
    if num.group(2):
        section += num.group(2).upper()
    end = num.end()
    subsection: str | None = None
    first = True
    while paren := _PAREN_RE.match(text, end):
        # Only the first part can be the subsection. Later parts are paragraphs ("(a)", "(ii)") or, in
        # loose writing, further numbers ("(2)(3)"); neither changes the code.
        if first and paren.group(1):
            subsection = (paren.group(1).lstrip("0") or "0") + paren.group(2).upper()
        first = False
        end = paren.end()
    return _Item(section, subsection, pos, end)


def _skip_titles(text: str, pos: int) -> int:
    while title := _TITLE_RE.match(text, pos):
        pos = title.end()
    return pos


def _read_group(text: str, first: _Item) -> _Group:
    """Extend a citation over its list: "23(5) and 24(2)", "40(2) & (3)", "12 ..., 22 (title) and 35"."""
    items = [first]
    end = first.end
    current = first
    while True:
        cursor = _skip_titles(text, end)
        sep = _SEPARATOR_RE.match(text, cursor)
        if not sep:
            break
        cursor = sep.end()
        inner = _INNER_KEYWORD_RE.match(text, cursor)
        if inner:
            item = _read_item(text, inner.end())
            if item is None:
                break
            item.start = cursor
            items.append(item)
            current = item
            end = item.end
            continue
        paren = _PAREN_RE.match(text, cursor)
        if paren:
            stop = cursor
            while more := _PAREN_RE.match(text, stop):
                stop = more.end()
            if paren.group(1):
                # "(2) & (3)": another subsection of the same section.
                sub = (paren.group(1).lstrip("0") or "0") + paren.group(2).upper()
                current = _Item(current.section, sub, cursor, stop)
                items.append(current)
            # else "(2)(a)(i) & (b)": a further paragraph of the same subsection, nothing new.
            end = stop
            continue
        num = _NUMBER_RE.match(text, cursor)
        if not num:
            break
        value = int(num.group(1))
        has_parts = bool(num.group(2)) or bool(_PAREN_RE.match(text, num.end()))
        if len(num.group(1)) > 2 or _QUANTITY_RE.match(text, num.end()):
            break
        if value < 12:
            # Exemptions start at section 12, so a small number in a list is a subsection written
            # without brackets ("40(2) & 3A(a)"); bare "and 3" is too ambiguous and ends the list.
            if not has_parts:
                break
            item = _read_item(text, cursor)
            if item is None:
                break
            new = _Item(current.section, num.group(1) + (num.group(2) or "").upper(), cursor, item.end)
            items.append(new)
            current = new
            end = item.end
            continue
        item = _read_item(text, cursor)
        if item is None:
            break
        items.append(item)
        current = item
        end = item.end
    return _Group(items, first.start, end)


def _scan(text: str) -> Iterator[_Group]:
    """Yield citation groups in text order, keyword-led ones and bare "24(2)" ones."""
    pos = 0
    # Keep the next match of each kind and search again only once it is behind us: searching both
    # from every position would be quadratic on text with many matches of one kind only.
    kw = _KEYWORD_RE.search(text)
    bare = _BARE_ANCHOR_RE.search(text)
    while kw is not None or bare is not None:
        if kw is not None and kw.start() < pos:
            kw = _KEYWORD_RE.search(text, pos)
        if bare is not None and bare.start() < pos:
            bare = _BARE_ANCHOR_RE.search(text, pos)
        if kw is not None and (bare is None or kw.start() <= bare.start()):
            pos = kw.end()
            item = _read_item(text, kw.end())
            if item is None:
                continue
            item.start = kw.start()
            group = _read_group(text, item)
        elif bare is not None:
            pos = bare.end()
            item = _read_item(text, bare.start())
            if item is None or _BARE_GUARD_RE.search(text[max(0, bare.start() - 30) : bare.start()]):
                continue
            group = _read_group(text, item)
        else:
            return
        yield group
        pos = max(group.end, pos)


def _other_statute(text: str, group: _Group) -> bool:
    """True when the group cites another Act ("section 29 of the Data Protection Act 2018")."""
    after_pos = _skip_titles(text, group.end)
    after = text[after_pos : after_pos + 160]
    of = _OF_RE.match(after)
    if of:
        return not _FOIA_NAME_RE.match(after[of.end() :])
    statute = _STATUTE_AFTER_RE.match(after)
    if statute and not _FOIA_IN_RE.search(statute.group(0)):
        return True
    if _POWER_NOUN_RE.match(text, group.end):
        return True
    before = text[max(0, group.start - 120) : group.start]
    if not _STATUTE_HINT_RE.search(before):  # cheap test first: most citations follow no statute
        return False
    statute = _STATUTE_BEFORE_RE.search(before)
    return bool(statute and not _FOIA_IN_RE.search(statute.group(0)))


def _negated(text: str, group: _Group) -> bool:
    after_pos = _skip_titles(text, group.end)
    if _NEGATED_AFTER_RE.match(text[after_pos : after_pos + 80]):
        return True
    before = text[max(0, group.start - 60) : group.start]
    return bool(_NOT_HINT_RE.search(before) and _NEGATED_BEFORE_RE.search(before))


def _unknown_section(item: _Item, text: str) -> UnknownLabelError:
    snippet = " ".join(text.split())
    if len(snippet) > 80:
        snippet = snippet[:77] + "..."
    return UnknownLabelError(
        f"unknown exemption 'section {item.section}' in citation {snippet!r}: FOIA 2000 exemptions are "
        "sections 12, 14 and 21-44; correct the citation (run 'foiclassify taxonomy' for the list)"
    )


def _item_code(tax: Taxonomy, item: _Item, *, strict: bool, text: str) -> str | None:
    """Canonical code of one item, or None when it is not an exemption of this Act.

    Strict mode (citation fields) raises for a section that is neither an exemption nor a procedural
    section, and reads an unknown subsection (``s31(2)``, the list of purposes) as the section. Lenient
    mode (letters) ignores both: letters refer to definitions such as "a body listed in section 23(3)"
    without citing them.
    """
    section_code = f"s{item.section}"
    if section_code not in tax:
        if strict and item.section not in PROCEDURAL_SECTIONS:
            raise _unknown_section(item, text)
        return None
    if item.subsection is None:
        return tax.normalise(section_code)
    candidates = [item.subsection]
    if item.subsection[-1].isalpha():
        # "40(5B)", "40(3A)": lettered subsections inserted later belong to the numbered one.
        candidates.append(item.subsection[:-1])
    for sub in candidates:
        try:
            return tax.normalise(f"{section_code}({sub})")
        except UnknownLabelError:
            continue
    return tax.normalise(section_code) if strict else None


def _is_ncnd_code(tax: Taxonomy, code: str, item: _Item) -> bool:
    if code in tax.codes and tax.label(code).ncnd:
        return True
    # Section 12(2) removes the duty to confirm or deny when establishing whether information is held
    # would itself cost more than the limit.
    return item.section == "12" and (item.subsection or "").startswith("2")


def _order(tax: Taxonomy, codes: Iterable[str]) -> list[str]:
    """Taxonomy order, no duplicates, section codes dropped when a subsection of theirs is cited."""
    rank: dict[str, tuple[int, int]] = {}
    for i, sec in enumerate(tax.sections):
        rank[sec.code] = (i, -1)
        for j, code in enumerate(sec.labels):
            rank[code] = (i, j)
    wanted = set(codes)
    specific = {tax.section_of(c) for c in wanted if c in tax.codes}
    kept = [c for c in wanted if c in tax.codes or c not in specific]
    return sorted(kept, key=lambda c: rank[c])


def _citations(text: str, *, strict: bool) -> Iterator[tuple[Citation, bool]]:
    """Yield ``(citation, is_ncnd_provision)`` for every counted citation in ``text``."""
    tax = load_taxonomy()
    for group in _scan(text):
        if _other_statute(text, group):
            continue
        if not strict and _negated(text, group):
            continue
        for item in group.items:
            code = _item_code(tax, item, strict=strict, text=text)
            if code is None:
                continue
            cite = Citation(code=code, text=text[item.start : item.end], start=item.start, end=item.end)
            yield cite, _is_ncnd_code(tax, code, item)


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------
def parse_citations(text: str) -> list[str]:
    """Canonical codes cited in a citation field.

    Parameters
    ----------
    text : str
        How a person wrote the citation(s), e.g. ``"Section 31 (1)(a)(b) – Law Enforcement"``,
        ``"s.40(2)"``, ``"Sections 30(3), 31(3) and 40(5)"``, ``"§ 42"``.

    Returns
    -------
    list of str
        Codes in taxonomy order without duplicates: label codes where a subsection is given
        (``s31(1)``), section codes where none is (``s43``). Paragraphs (``(a)(b)``, ``(ii)``) are
        ignored; lettered subsections fold into their number (``s40(5B)`` -> ``s40(5)``). Sections of
        other Acts ("section 29 of the Data Protection Act") and procedural sections of this Act
        (1, 10, 16, 17, 50...) are skipped.

    Raises
    ------
    UnknownLabelError
        When the text cites a section that is not in the exemption taxonomy (``"s99"``).
    """
    tax = load_taxonomy()
    return _order(tax, (cite.code for cite, _ in _citations(text, strict=True)))


def extract_cited_exemptions(letter_text: str) -> LetterExtraction:
    """Exemptions cited by a whole response letter, and whether it neither confirms nor denies.

    Parameters
    ----------
    letter_text : str
        The letter as plain text (strip HTML first, see :func:`html_to_text`).

    Returns
    -------
    LetterExtraction
        ``labels`` in taxonomy order, the ``ncnd`` flag, and the evidence for both.

    Notes
    -----
    Section numbers that are not exemptions of the Act are ignored, never reported: procedural
    sections, sections of other Acts (named right before or after the number, or after "of"),
    powers such as "section 44 stops", definitions such as "section 23(3)", and sections the letter
    says it did not apply ("section 38 is not engaged"). Section 12 is also recognised from its
    effect alone ("would exceed the appropriate limit"). This function never raises on any input.
    """
    tax = load_taxonomy()
    citations: list[Citation] = []
    ncnd_code = False
    for cite, is_ncnd in _citations(letter_text, strict=False):
        citations.append(cite)
        ncnd_code = ncnd_code or is_ncnd
    for match in _implicit_cost(letter_text):
        citations.append(Citation("s12", match.group(0), match.start(), match.end(), implicit=True))
    citations.sort(key=lambda c: c.start)
    evidence = [
        m.group(0) for m in _NCND_RE.finditer(letter_text) if not _ncnd_negated(letter_text, m.start())
    ]
    labels = _order(tax, (c.code for c in citations))
    return LetterExtraction(labels=labels, ncnd=bool(evidence) or ncnd_code, citations=citations,
                            ncnd_evidence=evidence)


def _ncnd_negated(text: str, start: int) -> bool:
    return bool(_NCND_NEGATED_RE.search(text[max(0, start - 40) : start]))


def _sentence_before(text: str, pos: int) -> str:
    window = text[max(0, pos - 200) : pos]
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(window)]
    return window[starts[-1] :] if starts else window


def _implicit_cost(text: str) -> Iterator[re.Match[str]]:
    """Section 12 named by its effect; "would not exceed the limit" does not count."""
    for match in _COST_RE.finditer(text):
        if not _COST_NEGATED_RE.search(text[max(0, match.start() - 30) : match.start()]):
            yield match
    for match in _COST_WITHIN_RE.finditer(text):
        # "within the appropriate limit" cites section 12 only when the sentence says it cannot be done.
        before = _sentence_before(text, match.start())
        if _CANNOT_RE.search(before):
            yield match


def render_code(code: str) -> str:
    """Write a code the way letters do: ``"s31(3)"`` -> ``"Section 31(3)"``, ``"s12"`` -> ``"Section 12"``.

    Raises :class:`UnknownLabelError` for a code that is not in the taxonomy. For every label and
    section code ``c``, ``parse_citations(render_code(c)) == [tax.normalise(c)]``.
    """
    tax = load_taxonomy()
    canonical = tax.normalise(code)
    return "Section " + canonical[1:]


def render_codes(codes: Iterable[str]) -> str:
    """Write several codes as one citation field: ``"Section 31(1); Section 40(2)"``."""
    return "; ".join(render_code(c) for c in codes)


def label_letters(texts: Iterable[tuple[str, str]]) -> list[LetterLabels]:
    """Label many letters: ``(id, letter_text)`` pairs in, one :class:`LetterLabels` each out."""
    results = []
    for letter_id, text in texts:
        found = extract_cited_exemptions(text)
        results.append(LetterLabels(id=letter_id, labels=found.labels, ncnd=found.ncnd))
    return results


# --------------------------------------------------------------------------------------------------
# Reading letters and writing results (used by ``foiclassify label``)
# --------------------------------------------------------------------------------------------------
class _TextExtractor(HTMLParser):
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
                        "section", "article", "blockquote", "pre", "hr", "td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: tags, scripts and styles removed, entities decoded, blocks on lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_LETTER_SUFFIXES = (".txt", ".text", ".html", ".htm")


def _read_letter_file(path: Path) -> str:
    from foiclassify.data import read_text_file

    text = read_text_file(path)
    return html_to_text(text) if path.suffix.lower() in (".html", ".htm") else text


def read_letters(path: Path, *, text_field: str = "response", id_field: str = "id") -> list[tuple[str, str]]:
    """Read response letters as ``(id, text)`` pairs.

    Parameters
    ----------
    path : Path
        A table (CSV, JSONL, Parquet, Excel; one letter per row), a single ``.txt``/``.html`` letter,
        or a folder of ``.txt``/``.html`` letters. Files are identified by their name without suffix;
        HTML is reduced to text.
    text_field, id_field : str
        Columns of a table holding the letter and its id. Without an id column, ids are row numbers
        from 1.

    Raises
    ------
    InputError
        Missing path, empty folder, unsupported file, or a missing text column (the message lists
        the columns that exist).
    """
    from foiclassify.data import read_table, require_column

    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _LETTER_SUFFIXES)
        if not files:
            raise InputError(f"{path}: no .txt or .html letters in this folder; point to a folder of letters")
        return [(p.stem, _read_letter_file(p)) for p in files]
    if path.suffix.lower() in _LETTER_SUFFIXES:
        return [(path.stem, _read_letter_file(path))]
    frame = read_table(path)
    require_column(frame, text_field, "--text-field")
    texts = ["" if v is None or v != v else str(v) for v in frame[text_field].tolist()]  # v != v: NaN
    if id_field in frame.columns:
        ids = [str(v) for v in frame[id_field].tolist()]
    else:
        ids = [str(i) for i in range(1, len(texts) + 1)]
    return list(zip(ids, texts, strict=True))


def format_letter_labels(results: Iterable[LetterLabels], fmt: str) -> str:
    """Serialise results as ``"jsonl"`` (one object a line) or ``"csv"`` (labels joined by ``;``)."""
    rows = list(results)
    if fmt == "jsonl":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "labels", "ncnd"])
        for r in rows:
            writer.writerow([r.id, ";".join(r.labels), "true" if r.ncnd else "false"])
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}; expected 'jsonl' or 'csv'")
