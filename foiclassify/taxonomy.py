"""The FOIA 2000 exemption taxonomy: labels, their properties and their stable order.

The taxonomy is data (``taxonomy.json``, versioned, shipped with the package). Every other module
takes label order from :func:`load_taxonomy`, never from training data, so models, thresholds and
reports always agree on which column is which exemption.

Codes come in two kinds:

* **label codes** (``s31(1)``, ``s31(3)``, ``s12``) are what the model predicts. A section gets one
  label per subsection only where the subsection changes meaning (withhold vs neither confirm nor deny).
* **section codes** (``s31``) are what a citation such as "section 31" gives when it names no
  subsection. They are valid citations; :meth:`Taxonomy.to_label` maps them to the section's usual
  withholding label for training.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from foiclassify.errors import UnknownLabelError

_CODE_RE = re.compile(r"^s(\d{2}A?)(?:\((\d+[A-Z]?)\))?$")
_CASE_RE = re.compile(r"^[sS](\d{2})([aA]?)(?=\(|$)")


@dataclass(frozen=True)
class Label:
    """One exemption label the model can suggest.

    Attributes
    ----------
    code : str
        Canonical code, e.g. ``"s31(3)"``.
    section : str
        Section number, e.g. ``"31"``.
    title : str
        Short human title.
    ncnd : bool
        True for a neither-confirm-nor-deny provision.
    absolute : bool
        True when no public-interest test applies.
    basis : str
        ``"class"``, ``"prejudice"`` or ``"procedural"`` (s12, s14).
    summary : str
        One sentence on what the provision covers.
    ncnd_form, withholding_form : str or None
        The sibling label in the other family, used for consistency rules.
    """

    code: str
    section: str
    title: str
    ncnd: bool
    absolute: bool
    basis: str
    summary: str
    ncnd_form: str | None = None
    withholding_form: str | None = None

    @property
    def section_code(self) -> str:
        """Section-level code, e.g. ``"s31"``."""
        return f"s{self.section}"


@dataclass(frozen=True)
class Section:
    """A section of the Act with its labels."""

    number: str
    title: str
    labels: tuple[str, ...]
    default_label: str
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def code(self) -> str:
        """Section-level code, e.g. ``"s43"``."""
        return f"s{self.number}"


class Taxonomy:
    """Read-only view over the versioned taxonomy data.

    Parameters
    ----------
    data : dict
        The parsed ``taxonomy.json`` document.
    """

    def __init__(self, data: dict) -> None:
        self.version: str = data["version"]
        sections: list[Section] = []
        labels: list[Label] = []
        for raw in data["sections"]:
            codes = tuple(lab["code"] for lab in raw["labels"])
            default = raw.get("default_label") or codes[0]
            sections.append(Section(raw["section"], raw["title"], codes, default, dict(raw.get("aliases", {}))))
            for lab in raw["labels"]:
                labels.append(
                    Label(
                        code=lab["code"],
                        section=raw["section"],
                        title=lab["title"],
                        ncnd=lab["ncnd"],
                        absolute=lab["absolute"],
                        basis=lab["basis"],
                        summary=lab["summary"],
                        ncnd_form=lab.get("ncnd_form"),
                        withholding_form=lab.get("withholding_form"),
                    )
                )
        self.sections: tuple[Section, ...] = tuple(sections)
        self.labels: tuple[Label, ...] = tuple(labels)
        self.codes: tuple[str, ...] = tuple(lab.code for lab in labels)
        self._by_code = {lab.code: lab for lab in labels}
        self._sections = {sec.code: sec for sec in sections}
        self._aliases = {alias: target for sec in sections for alias, target in sec.aliases.items()}

    def __len__(self) -> int:
        return len(self.labels)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in self._by_code or code in self._sections)

    def label(self, code: str) -> Label:
        """Return the :class:`Label` for a label code (raises :class:`UnknownLabelError`)."""
        try:
            return self._by_code[self.to_label(code)]
        except KeyError:
            raise UnknownLabelError(self._unknown(code)) from None

    def index(self, code: str) -> int:
        """Column index of a label code in the stable label order."""
        return self.codes.index(self.to_label(code))

    def section(self, code: str) -> Section:
        """Return the :class:`Section` a label or section code belongs to."""
        match = _CODE_RE.match(code)
        if not match or f"s{match.group(1)}" not in self._sections:
            raise UnknownLabelError(self._unknown(code))
        return self._sections[f"s{match.group(1)}"]

    def section_of(self, code: str) -> str:
        """Section-level code of any label or section code (``s31(3)`` -> ``s31``)."""
        return self.section(code).code

    def normalise(self, code: str) -> str:
        """Canonical citation code: a label code, or a section code when no subsection applies.

        Subsections that do not change meaning are folded (``s35(1)`` -> ``s35``, ``s42`` -> ``s42(1)``
        when the section has a single label); unknown codes raise :class:`UnknownLabelError`.
        """
        code = code.strip()
        # Case slips in hand-kept spreadsheets ("S31(1)", "s22a") are not different exemptions.
        code = _CASE_RE.sub(lambda m: "s" + m.group(1) + m.group(2).upper(), code, count=1)
        if code in self._by_code:
            return code
        if code in self._aliases:
            return self._aliases[code]
        sec = self.section(code)
        if code == sec.code:
            return sec.labels[0] if len(sec.labels) == 1 else code
        raise UnknownLabelError(self._unknown(code))

    def to_label(self, code: str) -> str:
        """Map any valid code to a label code; section codes go to the section's default label."""
        if code in self._by_code:  # already canonical: the common case, on every prediction
            return code
        code = self.normalise(code)
        if code in self._by_code:
            return code
        return self._sections[code].default_label

    def sort(self, codes: list[str] | set[str] | tuple[str, ...]) -> list[str]:
        """Label codes in taxonomy order, without duplicates."""
        wanted = {self.to_label(c) for c in codes}
        return [c for c in self.codes if c in wanted]

    def make_consistent(self, codes: list[str]) -> list[str]:
        """Apply the NCND consistency rule to a set of suggested labels.

        When any NCND provision is suggested the authority is neither confirming nor denying, so a
        withholding label whose section also has an NCND form is replaced by that form (s23(5) with
        s24(1) becomes s23(5) with s24(2)). Order is the taxonomy order.
        """
        labels = [self._by_code[c] for c in self.sort(codes)]
        if not any(lab.ncnd for lab in labels):
            return [lab.code for lab in labels]
        return self.sort([lab.ncnd_form or lab.code for lab in labels])

    def _unknown(self, code: str) -> str:
        return (
            f"unknown exemption label {code!r}: use a FOIA 2000 code such as s12, s31(1) or s40(2) "
            "(run 'foiclassify taxonomy' for the list)"
        )


@cache
def load_taxonomy() -> Taxonomy:
    """Load the shipped taxonomy (cached; reads package data on first call only)."""
    text = resources.files("foiclassify").joinpath("taxonomy.json").read_text(encoding="utf-8")
    return Taxonomy(json.loads(text))
