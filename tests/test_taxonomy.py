"""The exemption taxonomy: stable order, label fields, code normalisation and the NCND rule."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from foiclassify.errors import FoiClassifyError, UnknownLabelError, ValidationError
from foiclassify.taxonomy import Label, Taxonomy, load_taxonomy

TAX = load_taxonomy()


def _raw() -> dict:
    return json.loads(resources.files("foiclassify").joinpath("taxonomy.json").read_text(encoding="utf-8"))


def test_order_is_the_file_order_and_stable() -> None:
    raw_codes = [lab["code"] for sec in _raw()["sections"] for lab in sec["labels"]]
    assert list(TAX.codes) == raw_codes
    assert Taxonomy(_raw()).codes == TAX.codes  # a second parse gives the same columns
    assert load_taxonomy() is TAX  # cached
    assert len(TAX) == len(set(TAX.codes)) == len(TAX.labels)
    # Sections in ascending statutory order, labels grouped by section.
    numbers = [int(s.number.rstrip("A")) + (0.5 if s.number.endswith("A") else 0) for s in TAX.sections]
    assert numbers == sorted(numbers)
    assert [TAX.index(c) for c in TAX.codes] == list(range(len(TAX)))


@pytest.mark.parametrize("code", TAX.codes)
def test_every_label_has_complete_fields(code: str) -> None:
    lab = TAX.label(code)
    assert isinstance(lab, Label) and lab.code == code
    assert lab.section_code == TAX.section_of(code) and code.startswith(lab.section_code)
    assert lab.title.strip() and lab.summary.strip()
    assert lab.basis in ("class", "prejudice", "procedural")
    assert isinstance(lab.ncnd, bool) and isinstance(lab.absolute, bool)
    assert code in TAX.section(code).labels
    if lab.ncnd:
        # An NCND form names its withholding sibling, which points back at it.
        assert lab.ncnd_form is None and lab.withholding_form is not None
        assert TAX.label(lab.withholding_form).ncnd_form == code
    if lab.ncnd_form:
        sibling = TAX.label(lab.ncnd_form)
        assert sibling.ncnd and not lab.ncnd and sibling.section == lab.section


def test_ncnd_forms_are_the_ones_practice_uses() -> None:
    ncnd = {lab.code for lab in TAX.labels if lab.ncnd}
    assert {"s23(5)", "s24(2)", "s31(3)", "s40(5)"} <= ncnd
    assert not {"s23(1)", "s24(1)", "s31(1)", "s40(2)", "s12", "s14"} & ncnd
    assert TAX.label("s12").basis == "procedural" and TAX.label("s23(1)").absolute


@pytest.mark.parametrize(
    ("written", "normalised", "label"),
    [
        ("s31(1)", "s31(1)", "s31(1)"),
        (" s40(2) ", "s40(2)", "s40(2)"),
        ("s31", "s31", "s31(1)"),  # section code: valid citation, default withholding label
        ("s43", "s43", "s43(2)"),
        ("s42", "s42(1)", "s42(1)"),  # a section with one label folds to it
        ("s12(1)", "s12", "s12"),  # alias: subsection that does not change meaning
        ("s40(3)", "s40(2)", "s40(2)"),
        ("S31(1)", "s31(1)", "s31(1)"),  # case slips are the same exemption
        ("s22a", "s22A", "s22A"),
    ],
)
def test_normalise_and_to_label(written: str, normalised: str, label: str) -> None:
    assert TAX.normalise(written) == normalised
    assert TAX.to_label(written) == label
    assert written.strip() in TAX or normalised in TAX


def test_sort_dedupes_and_uses_taxonomy_order() -> None:
    assert TAX.sort(["s40(2)", "s12", "s40(3)", "s31"]) == ["s12", "s31(1)", "s40(2)"]
    assert TAX.sort(set()) == []


@pytest.mark.parametrize(
    ("suggested", "expected"),
    [
        (["s23(5)", "s24(1)"], ["s23(5)", "s24(2)"]),  # the rule from the brief
        (["s24(1)", "s31(1)", "s31(3)"], ["s24(2)", "s31(3)"]),
        (["s23(5)", "s12"], ["s12", "s23(5)"]),  # no NCND form for s12: kept
        (["s24(1)", "s31(1)"], ["s24(1)", "s31(1)"]),  # no NCND: unchanged
        (["s40(2)", "s12"], ["s12", "s40(2)"]),
        ([], []),
    ],
)
def test_make_consistent(suggested: list[str], expected: list[str]) -> None:
    assert TAX.make_consistent(suggested) == expected
    # Idempotent: applying the rule twice changes nothing.
    assert TAX.make_consistent(expected) == expected


def test_consistent_output_never_mixes_withholding_and_ncnd_forms_of_one_section() -> None:
    everything = TAX.make_consistent(list(TAX.codes))
    for code in everything:
        lab = TAX.label(code)
        assert not (lab.ncnd_form and lab.ncnd_form in everything)


@pytest.mark.parametrize("bad", ["s99", "s31(9)", "31(1)", "section 31", "", "s1", "s40(5B)"])
def test_unknown_labels_raise_a_helpful_error(bad: str) -> None:
    for call in (TAX.normalise, TAX.to_label, TAX.label, TAX.index):
        with pytest.raises(UnknownLabelError) as info:
            call(bad)
        message = str(info.value)
        assert repr(bad.strip()) in message or repr(bad) in message
        assert "foiclassify taxonomy" in message and "\n" not in message
    assert bad not in TAX
    # Part of the user-error hierarchy: the CLI prints it as one line.
    assert issubclass(UnknownLabelError, ValidationError) and issubclass(UnknownLabelError, FoiClassifyError)


def test_section_lookup() -> None:
    assert TAX.section("s31(3)").code == "s31"
    assert TAX.section("s31").default_label == "s31(1)"
    with pytest.raises(UnknownLabelError):
        TAX.section("s99(1)")
