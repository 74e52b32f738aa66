"""The Python API: typed suggestions, thresholds and the NCND rule, robustness on any text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiclassify.errors import InputError
from foiclassify.predict import Model, Precedent, Suggestion, decide, load_model
from foiclassify.preprocess import MAX_CHARS
from foiclassify.taxonomy import load_taxonomy

TAX = load_taxonomy()


@pytest.fixture(scope="module")
def model(tiny_bundle: Path) -> Model:
    return load_model(tiny_bundle)


def _check_suggestion(sug: Suggestion, model: Model) -> None:
    assert isinstance(sug, Suggestion)
    assert list(sug.scores) == list(TAX.codes) == list(sug.thresholds)
    assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in sug.scores.values())
    assert all(isinstance(v, float) and 0.0 < v < 1.0 for v in sug.thresholds.values())
    assert all(isinstance(c, str) and c in TAX.codes for c in sug.labels)
    assert len(set(sug.labels)) == len(sug.labels)
    assert isinstance(sug.ncnd, bool) and isinstance(sug.abstained, bool) and isinstance(sug.truncated, bool)
    assert sug.abstained == (not sug.labels)
    assert sug.ncnd == any(TAX.label(c).ncnd for c in sug.labels)
    assert not set(sug.also_considered) & set(sug.labels)
    # NCND consistency: never the withholding and the NCND form of one section together, and once
    # any NCND form is suggested every label that has an NCND form is given in that form.
    for code in sug.labels:
        lab = TAX.label(code)
        if sug.ncnd:
            assert lab.ncnd_form is None, sug.labels
        assert not (lab.ncnd_form and lab.ncnd_form in sug.labels)


def test_predict_returns_typed_suggestions(model: Model) -> None:
    texts = [
        "Does the force use covert surveillance cameras, and which security bodies are involved?",
        "Please send the names and home addresses of the staff on the planning committee.",
        "How many fire engines does the service have?",
    ]
    sugs = model.predict(texts, ["police", "council", None], similar=2)
    assert len(sugs) == 3
    for sug in sugs:
        _check_suggestion(sug, model)
        assert 1 <= len(sug.precedents) <= 2
        assert all(isinstance(p, Precedent) and 0 < p.similarity <= 1 for p in sug.precedents)
        assert [p.similarity for p in sug.precedents] == sorted((p.similarity for p in sug.precedents), reverse=True)
    assert sugs[0].ncnd and "s23(5)" in sugs[0].labels  # the tiny model learnt the covert-policing pattern
    assert sugs[1].labels == ["s40(2)"]
    assert sugs[0].precedents[0].labels == ["s23(5)", "s24(2)", "s31(3)"]
    assert model.predict(texts[:1])[0].precedents == []  # similar=0 by default
    assert isinstance(model.bundle_id, str) and model.labels == TAX.codes


def test_labels_are_ordered_by_probability(model: Model) -> None:
    sug = model.predict(["Covert cameras used by MI5 and the counter terrorism unit, names of officers"])[0]
    probs = [sug.scores[c] for c in sug.labels]
    assert probs == sorted(probs, reverse=True)


def test_probabilities_agree_with_predict_proba(model: Model) -> None:
    texts = ["How many parking tickets were issued in 2022?", "Contract prices for the waste tender"]
    P = model.predict_proba(texts, ["council", "council"])
    sugs = model.predict(texts, ["council", "council"])
    for row, sug in zip(P, sugs, strict=True):
        np.testing.assert_allclose([sug.scores[c] for c in TAX.codes], row, atol=1e-6)


def test_authority_type_changes_scores_and_bad_ones_are_refused(model: Model) -> None:
    text = "Names of the officers who attended"
    police = model.predict_proba([text], ["police"])
    council = model.predict_proba([text], ["council"])
    assert not np.array_equal(police, council)
    with pytest.raises(InputError, match="unknown authority type 'ministry'"):
        model.predict([text], ["ministry"])


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_text_is_an_input_error(model: Model, text: str) -> None:
    with pytest.raises(InputError, match="request 2 is empty"):
        model.predict(["fine", text])


def test_decide_applies_thresholds_and_the_ncnd_rule() -> None:
    codes = TAX.codes
    P = np.zeros((3, len(codes)))
    t = np.full(len(codes), 0.5)
    P[0, codes.index("s24(1)")] = 0.9  # withholding, most probable
    P[0, codes.index("s23(5)")] = 0.7  # NCND: turns s24(1) into s24(2)
    P[0, codes.index("s12")] = 0.4  # just under: also considered
    P[1, codes.index("s40(2)")] = 0.6
    P[2, codes.index("s40(2)")] = 0.49
    (labels0, near0), (labels1, near1), (labels2, near2) = decide(P, t, codes)
    assert labels0 == ["s24(2)", "s23(5)"]  # s24(2) keeps s24(1)'s rank
    assert near0 == ["s12"]
    assert (labels1, near1) == (["s40(2)"], [])
    assert (labels2, near2) == ([], ["s40(2)"])  # abstains


def _decide_row_by_row(P: np.ndarray, t: np.ndarray, codes: tuple[str, ...]) -> list[tuple[list[str], list[str]]]:
    """The rule as written down, one row and one label at a time (the oracle for decide)."""
    from foiclassify.predict import ALSO_CONSIDERED_MARGIN, MIN_ALSO_CONSIDERED

    out = []
    for row in P:
        order = sorted(range(len(codes)), key=lambda j: -row[j])  # stable, like argsort(kind="stable")
        passed = [codes[j] for j in order if row[j] >= t[j]]
        consistent = TAX.make_consistent(passed)
        rank = {codes[j]: i for i, j in enumerate(order)}
        for code in consistent:
            sibling = TAX.label(code).withholding_form
            if code not in passed and sibling in rank:
                rank[code] = rank[sibling]
        labels = sorted(consistent, key=lambda c: rank[c])
        low = [max(t[j] - ALSO_CONSIDERED_MARGIN, MIN_ALSO_CONSIDERED) for j in range(len(codes))]
        near = [codes[j] for j in order if codes[j] not in labels and low[j] <= row[j] < t[j]][:3]
        out.append((labels, near))
    return out


# Probabilities on a coarse grid, so ties and values exactly at a threshold are common.
_GRID = st.sampled_from([0.0, 0.05, 0.1, 0.2, 0.3, 0.35, 0.5, 0.65, 0.8, 1.0])


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_decide_equals_the_row_by_row_rule(data: st.DataObject) -> None:
    codes = TAX.codes
    rows = data.draw(st.integers(min_value=1, max_value=4))
    P = np.array([data.draw(st.lists(_GRID, min_size=len(codes), max_size=len(codes))) for _ in range(rows)])
    t = np.array(data.draw(st.lists(_GRID.filter(bool), min_size=len(codes), max_size=len(codes))))
    assert decide(P, t, codes) == _decide_row_by_row(P, t, codes)


def _long(base: str, times: int) -> str:
    return base * times


ANY_TEXT = st.one_of(
    st.text(max_size=300),
    st.builds(_long, st.text(min_size=1, max_size=12), st.integers(min_value=1_000, max_value=4_000)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
def test_any_text_never_crashes(model: Model, text: str) -> None:
    if not text.strip():
        with pytest.raises(InputError):
            model.predict([text])
        return
    (sug,) = model.predict([text])
    _check_suggestion(sug, model)
    assert sug.truncated == (len(text) > MAX_CHARS)
    # Abstained exactly when no label's (unrounded) probability reaches its threshold.
    P = model.predict_proba([text])[0]
    thresholds = model.bundle.thresholds.vector(model.labels)
    assert sug.abstained == (not np.any(thresholds <= P))


def test_control_characters_and_huge_text(model: Model) -> None:
    weird = "\x00\x01\x1b[31m covert \u202e cameras \ufeff\U0001f600 " + "\u0301" * 50
    huge = "Names of the officers please. " * 40_000  # 1.2 MB
    sugs = model.predict([weird, huge])
    for sug in sugs:
        _check_suggestion(sug, model)
    assert not sugs[0].truncated and sugs[1].truncated
