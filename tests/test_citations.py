"""Tests for the citation parser: citation fields, whole letters, NCND wording and rendering.

Every string here was written for these tests. They imitate the ways authorities and case systems
write citations, and the section numbers that letters mention without citing an exemption.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiclassify.citations import (
    Citation,
    LetterExtraction,
    LetterLabels,
    extract_cited_exemptions,
    format_letter_labels,
    html_to_text,
    label_letters,
    parse_citations,
    render_code,
    render_codes,
)
from foiclassify.errors import FoiClassifyError, UnknownLabelError
from foiclassify.taxonomy import load_taxonomy

TAX = load_taxonomy()
ALL_CODES = sorted(set(TAX.codes) | {sec.code for sec in TAX.sections})

# --------------------------------------------------------------------------------------------------
# Citation fields: (text, expected codes)
# --------------------------------------------------------------------------------------------------
FIELD_CASES = [
    ("Section 31 (1)(a)(b) – Law Enforcement", ["s31(1)"]),
    ("s.40(2)", ["s40(2)"]),
    ("S40(2)", ["s40(2)"]),
    ("section 40 (2) & (3)", ["s40(2)"]),
    ("sections 23(5) and 24(2)", ["s23(5)", "s24(2)"]),
    ("Sections 30(3), 31(3) and 40(5)", ["s30(3)", "s31(3)", "s40(5)"]),
    ("Section 12(1)", ["s12"]),
    ("section 43", ["s43"]),
    ("s40(5B)(a)(i)", ["s40(5)"]),
    ("Section 40(2) & 3A(a)", ["s40(2)"]),
    ("s35(1)(a)", ["s35"]),
    ("s.14(1)", ["s14"]),
    ("sec 21", ["s21"]),
    ("§ 42", ["s42(1)"]),
    ("§42(1)", ["s42(1)"]),
    ("Section\u00a038(1)(a)\u00a0and\u00a0(b)", ["s38(1)"]),
    ("Section 31\n(3)", ["s31(3)"]),
    ("Section 31 (1)\n(a) and\n(b)", ["s31(1)"]),
    ("s36(2)(b)(ii) and (c)", ["s36"]),
    ("Section 27(1)(a) – International Relations; Section 27(2)", ["s27(1)", "s27(2)"]),
    ("s22A(1)(b) research", ["s22A"]),
    ("Section 44(1)(a) — Prohibitions on disclosure", ["s44(1)"]),
    ("s.24(1) – National Security and s.31(1)(a) – Law Enforcement", ["s24(1)", "s31(1)"]),
    ("S.40(2), S.41(1) & S.43(2)", ["s40(2)", "s41(1)", "s43(2)"]),
    ("ss. 23 and 24", ["s23", "s24"]),
    ("Section 43(2) (commercial interests) and 43(3)", ["s43(2)", "s43(3)"]),
    ("section 41 and section 42", ["s41(1)", "s42(1)"]),
    ("Sect. 30(1)(a)(i)", ["s30(1)"]),
    ("s 12", ["s12"]),
    ("Section 40(2) & (3A)(a)", ["s40(2)"]),
    ("40(2), 43(2)", ["s40(2)", "s43(2)"]),
    ("Section 43 and 43(2)", ["s43(2)"]),
    ("section 31(1)(g) and 31(2)(b)", ["s31(1)"]),
    ("Section 40(4A)(a)", ["s40(2)"]),
    ("", []),
    ("none", []),
    ("Section 17 refusal notice; section 40(2)", ["s40(2)"]),
    ("section 44 of the Terrorism Act 2000", []),
    ("Section 38(1)(a)\u2013(b)", ["s38(1)"]),
    ("section 23(5)/24(2)", ["s23(5)", "s24(2)"]),
    ("s.40(5)(b)(i), s.31(3)", ["s31(3)", "s40(5)"]),
    ("sections 35 & 36", ["s35", "s36"]),
    ("Section 26(1)(b) (Defence), 27(1)(a) (International relations)", ["s26(1)", "s27(1)"]),
    ("s40(2) s40(2) S40(2)", ["s40(2)"]),
    ("SECTION 21 – INFORMATION ACCESSIBLE BY OTHER MEANS", ["s21"]),
    ("Section 12 – cost; Section 14 – vexatious", ["s12", "s14"]),
    ("Section 30(1)(a)(b)(c) – Investigations, Section 30(2)(a)(i)", ["s30(1)", "s30(2)"]),
    ("s.37(1)(ad)", ["s37"]),
    ("Section\u202f40(2)", ["s40(2)"]),
    ("s.\u200b40(2)", ["s40(2)"]),
]


@pytest.mark.parametrize(("text", "expected"), FIELD_CASES)
def test_parse_citation_fields(text: str, expected: list[str]) -> None:
    assert parse_citations(text) == expected


@pytest.mark.parametrize("text", ["s99", "Section 70(1)", "sections 40(2) and 99", "section 88 – general"])
def test_unknown_section_in_a_field_raises_naming_it(text: str) -> None:
    with pytest.raises(UnknownLabelError) as info:
        parse_citations(text)
    message = str(info.value)
    assert "\n" not in message
    number = text.split()[-1] if text.endswith("99") else text.split()[1].split("(")[0]
    assert f"section {number.lstrip('s')}" in message or f"section {number}" in message
    assert "foiclassify taxonomy" in message


# --------------------------------------------------------------------------------------------------
# Letter fragments: (text, expected labels, expected NCND flag)
# --------------------------------------------------------------------------------------------------
LETTER_CASES = [
    ("We are withholding the names under section 40(2) of the Freedom of Information Act 2000.",
     ["s40(2)"], False),
    ("Personal data is defined in section 3(2) of the Data Protection Act 2018.", [], False),
    ("Section 29 of the Data Protection Act 2018 covers processing for law enforcement purposes.", [], False),
    ("Officers used powers under Section 44 of the Terrorism Act 2000 on 12 occasions.", [], False),
    ("The force was created under section 1 of the Police Act 1996.", [], False),
    ("Interception is authorised under section 19 of RIPA.", [], False),
    ("Surveillance was authorised under section 28 of RIPA.", [], False),
    ("Surveillance is authorised under the Regulation of Investigatory Powers Act 2000 (RIPA), section 28.",
     [], False),
    ("See the Terrorism Act 2000, section 44, which was repealed.", [], False),
    ("This letter is a refusal notice under section 17 of the Act.", [], False),
    ("Under section 16 we have a duty to provide advice and assistance.", [], False),
    ("You can complain to the ICO under section 50 of the Act.", [], False),
    ("Section 10 requires a response within 20 working days.", [], False),
    ("Your request is valid under section 8.", [], False),
    ("Section 1(1)(a) of the Act gives you the right to be told whether we hold information.", [], False),
    ("We can confirm that we hold the information and it is attached.", [], False),
    ("We neither confirm nor deny that we hold this information by virtue of Section 24(2) and "
     "Section 31(3).",
     ["s24(2)", "s31(3)"], True),
    ("The force can neither confirm nor deny whether it holds information.", [], True),
    ("NCND applies to part 2 of your request.", [], True),
    ("We cannot confirm or deny whether the information is held.", [], True),
    ("We are not obliged to confirm or deny whether we hold it.", [], True),
    ("By virtue of section 40(5), the duty in section 1(1)(a) does not apply.", ["s40(5)"], True),
    ("The duty to confirm or deny does not arise, by virtue of section 23(5).", ["s23(5)"], True),
    ("Section 1(1)(a) is excluded in this case because confirming would harm national security.", [], True),
    ("We are exempt from the duty to confirm or deny.", [], True),
    ("Complying would exceed the appropriate limit of £450, which is 18 hours at £25 per hour.",
     ["s12"], False),
    ("We would not exceed the appropriate limit in answering this.", [], False),
    ("It is not possible to provide this within the appropriate limit.", ["s12"], False),
    ("We answered within the appropriate limit.", [], False),
    ("The cost of establishing whether any information is held would exceed the limit under section 12(2).",
     ["s12"], True),
    ("Under s.12 the Council is not obliged to comply.", ["s12"], False),
    ("Section 38 is not engaged in this case.", [], False),
    ("We have not applied section 12.", [], False),
    ("For the avoidance of doubt, section 40(2) has not been applied to senior staff names.", [], False),
    ("Stop and search figures for section 43 searches are attached.", [], False),
    ("Possession claims after section 21 notices go to the county court.", [], False),
    ("A body listed in section 23(3) supplied the information, so section 23(1) applies.", ["s23(1)"], False),
    ("Details are in section 12.3 of our policy.", [], False),
    ("Please see section 21 of our publication scheme.", [], False),
    ("Regulation 12(4)(b) of the EIR applies to part of the request.", [], False),
    ("The right in Article 23(1)(d) of the UK GDPR is restricted.", [], False),
    ("The Trust relied on sections 40(2) (personal data) and 41(1) (confidence).",
     ["s40(2)", "s41(1)"], False),
    ("The Department cited 35(1)(a) and 42(1) in its refusal.", ["s35", "s42(1)"], False),
    ("Section 44(1)(a) applies because disclosure is prohibited by section 18(1) of the Commissioners for "
     "Revenue and Customs Act 2005.", ["s44(1)"], False),
    ("s.43(2) (commercial interests) – the pricing schedule is withheld.", ["s43(2)"], False),
    ("Counsel's opinion is privileged (section 42).", ["s42(1)"], False),
    ("The user's 12 months of data were reviewed.", [], False),
    ("In 2019 there were 40 officers in section B.", [], False),
    ("The Commissioner upheld our use of section 36(2)(c).", ["s36"], False),
    ("Section 31 (law enforcement) and section 38 (health and safety) were cited.", ["s31", "s38"], False),
    ("Data Protection Act 2018, section 40, sets out the conditions.", [], False),
    ("Children in care under section 31 of the Children Act 1989 are counted.", [], False),
    ("Figures for section 60 stops are published quarterly.", [], False),
    ("Section 31 is a qualified exemption, and section 31(1)(a) applies here.", ["s31(1)"], False),
    ("Exemptions applied:\nSection 23(5) – Security Bodies\nSection 24(2) – National Security",
     ["s23(5)", "s24(2)"], True),
    ("Section 12 – Exemption where cost of compliance exceeds appropriate limit", ["s12"], False),
    ("The annual report is at section 4 of the website and section 3.1 of the plan.", [], False),
    ("Section 30(3) removes the duty to confirm or deny; section 30 is class based.", ["s30(3)"], True),
    ("Part 3 of the Data Protection Act 2018 (sections 29 to 81) also applies.", [], False),
    ("Some information is exempt under section 21 and the rest under section 22, as it will be published.",
     ["s21", "s22"], False),
]


@pytest.mark.parametrize(("text", "labels", "ncnd"), LETTER_CASES)
def test_extract_from_letter_fragments(text: str, labels: list[str], ncnd: bool) -> None:
    found = extract_cited_exemptions(text)
    assert isinstance(found, LetterExtraction)
    assert found.labels == labels
    assert found.ncnd is ncnd


def test_tables_are_large_enough() -> None:
    assert len(FIELD_CASES) + len(LETTER_CASES) >= 60


def test_citations_carry_exact_offsets() -> None:
    text = "We rely on Section 31 (1)(a) – law enforcement – and sections 23(5) and 24(2) of the Act."
    found = extract_cited_exemptions(text)
    assert [c.code for c in found.citations] == ["s31(1)", "s23(5)", "s24(2)"]
    for cite in found.citations:
        assert isinstance(cite, Citation)
        assert text[cite.start : cite.end] == cite.text
    assert found.citations[0].text == "Section 31 (1)(a)"
    assert found.citations[2].text == "24(2)"
    assert found.ncnd is True  # NCND provisions were cited


def test_implicit_cost_citation_is_marked() -> None:
    found = extract_cited_exemptions("Answering would exceed the cost limit.")
    assert found.labels == ["s12"]
    assert found.citations[0].implicit
    assert found.citations[0].render() == "Section 12"


def test_ncnd_evidence_lists_the_phrases() -> None:
    found = extract_cited_exemptions("The Trust will neither confirm nor deny it. NCND applies.")
    assert found.ncnd_evidence == ["neither confirm nor deny", "NCND"]


def test_render_code_matches_letter_style() -> None:
    assert render_code("s31(3)") == "Section 31(3)"
    assert render_code("s12") == "Section 12"
    assert render_code("s22A") == "Section 22A"
    assert render_code("s43") == "Section 43"
    assert render_code("s41") == "Section 41(1)"
    assert render_codes(["s31(1)", "s40(2)"]) == "Section 31(1); Section 40(2)"
    with pytest.raises(UnknownLabelError):
        render_code("s99")


def test_label_letters_and_formats() -> None:
    results = label_letters([("a", "Withheld under s.40(2)."), ("b", "We neither confirm nor deny.")])
    assert results == [LetterLabels("a", ["s40(2)"], False), LetterLabels("b", [], True)]
    assert format_letter_labels(results, "jsonl") == (
        '{"id": "a", "labels": ["s40(2)"], "ncnd": false}\n{"id": "b", "labels": [], "ncnd": true}\n'
    )
    assert format_letter_labels(results, "csv") == "id,labels,ncnd\na,s40(2),false\nb,,true\n"
    with pytest.raises(ValueError, match="unknown format"):
        format_letter_labels(results, "xml")


def test_html_to_text_strips_tags_scripts_and_entities() -> None:
    html = (
        "<html><head><title>FOI</title><style>p {color: red}</style></head><body>"
        "<p>Exempt under Section&nbsp;40(2)</p><script>var s = 'section 43(2)';</script>"
        "<ul><li>one</li><li>two &amp; three</li></ul></body></html>"
    )
    text = html_to_text(html)
    assert "Exempt under Section 40(2)" in text
    assert "43(2)" not in text and "color" not in text
    assert "two & three" in text
    assert extract_cited_exemptions(text).labels == ["s40(2)"]


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------
# Characters that citations are made of, so that generated text often looks like one.
_CITATION_ALPHABET = (
    "sSection§.0123456789()abcivAB &,;/–—-\u00a0\n\u200bandofthe Act FOIA DPA NCND neither confirm nor deny"
)
_PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(st.sampled_from(ALL_CODES))
@_PROPERTY
def test_round_trip_render_then_parse(code: str) -> None:
    assert parse_citations(render_code(code)) == [TAX.normalise(code)]
    assert extract_cited_exemptions(render_code(code)).labels == [TAX.normalise(code)]


@given(
    st.lists(st.sampled_from(TAX.codes), min_size=1, max_size=6),
    st.sampled_from(["; ", ", ", " and ", "\n"]),
)
@_PROPERTY
def test_round_trip_of_lists(codes: list[str], joiner: str) -> None:
    text = joiner.join(render_code(c) for c in codes)
    assert parse_citations(text) == TAX.sort(codes)


def _check_output(codes: list[str]) -> None:
    assert all(code in TAX for code in codes)
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes, key=lambda c: (TAX.index(c), c in TAX.codes))


@given(st.one_of(st.text(), st.text(alphabet=_CITATION_ALPHABET)))
@_PROPERTY
def test_never_crashes_and_stays_in_the_taxonomy(text: str) -> None:
    found = extract_cited_exemptions(text)
    _check_output(found.labels)
    assert all(text[c.start : c.end] == c.text for c in found.citations)
    try:
        codes = parse_citations(text)
    except UnknownLabelError as exc:
        assert isinstance(exc, FoiClassifyError)
        assert "\n" not in str(exc)
        return
    _check_output(codes)


@given(
    st.one_of(st.text(alphabet=_CITATION_ALPHABET), st.lists(st.sampled_from(ALL_CODES)).map(render_codes))
)
@_PROPERTY
def test_idempotent_on_its_own_rendering(text: str) -> None:
    try:
        codes = parse_citations(text)
    except UnknownLabelError:
        return
    assert parse_citations(render_codes(codes)) == codes
    letter = extract_cited_exemptions(text).labels
    assert extract_cited_exemptions(render_codes(letter)).labels == letter
