"""Preprocessing: request shape, practice cues matched via lemmas, plain output, batched spaCy."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiclassify.preprocess import (
    MASKED_TEXT,
    MAX_CHARS,
    SHAPE_FEATURES,
    Preprocessor,
    Processed,
    feature_names,
    load_cues,
    measure_shape,
    shape_features,
    to_frame,
)


@pytest.fixture(scope="module")
def pre() -> Preprocessor:
    return Preprocessor(batch_size=4)


@pytest.mark.parametrize(
    ("text", "parts", "years"),
    [
        ("How many burglaries were reported in 2023?", 0, 1),
        ("Figures for each year since 2010, please.", 0, 2025 - 2010 + 1),  # "since" runs to the reference year
        ("Since January 2018, how many?", 0, 2025 - 2018 + 1),
        ("Since 2010 until 2015 how many?", 0, 6),  # a closed range is not "since"
        ("Spending in 2015/16.", 0, 2),  # a financial year spans two years
        ("Spending in 2015/16 and 2016/17.", 0, 3),
        ("From 2012 to 2014 inclusive.", 0, 3),
        ("Data for the last five years.", 0, 5),
        ("Data for the past 3 financial years.", 0, 3),
        ("All records since records began.", 0, 10),
        ("Everything over the last decade", 0, 10),
        ("1. Your budget. 2. Your staff. 3. Your buildings.", 3, 0),
        ("Please tell me:\n1) how many cars\n2) how many vans\n3) how many bikes\n4) how many buses", 4, 0),
        ("Please send:\n- the policy\n- the budget\n- the minutes", 3, 0),
        ("(a) cars (b) vans (c) bikes (d) buses (e) trains", 5, 0),
        ("Q1: cars? Q2: vans? Q3: bikes?", 3, 0),
        ("Call 0123 456 789 about the 2020 report.", 0, 1),  # phone digits are not years
        ("", 0, 0),
    ],
)
def test_measure_shape(text: str, parts: int, years: int) -> None:
    shape = measure_shape(text)
    assert (shape.parts, shape.years) == (parts, years)
    assert shape.words == len(text.split()) and shape.questions == text.count("?")


def _years_unfiltered(text: str) -> int:
    """Years covered with every pattern run unconditionally: the oracle for measure_shape's word checks."""
    import re

    from foiclassify import preprocess as pp

    years: list[int] = []
    for match in pp._YEAR_RE.finditer(text):
        years.append(int(match.group(1)))
        if match.group(2):
            tail = match.group(2)
            years.append(int(tail) if len(tail) == 4 else int(match.group(1)[:2] + tail))
    span = (max(years) - min(years) + 1) if years else 0
    if years and pp._SINCE_RE.search(text):
        span = max(span, pp.REFERENCE_YEAR - min(years) + 1)
    for match in pp._LAST_N_RE.finditer(text):
        word = match.group(1).lower()
        span = max(span, int(word) if word.isdigit() else pp._WORD_NUMBERS[word])
    if re.search(pp._DECADE_RE, text):
        span = max(span, 10)
    return span


_SHAPE_WORDS = st.sampled_from([
    "since", "SINCE", "From", "from", "to", "until", "-", "2015", "2015/16", "1999", "20", "19", "last", "Past",
    "five", "3", "financial", "years", "YEAR", "decade", "records", "began", "inception", "1.", "2)", "(a)", "Q3:",
    "- item", "how", "many", "\n", "?", "£2019",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SHAPE_WORDS, max_size=14).map(" ".join))
def test_word_checks_never_change_the_years_counted(text: str) -> None:
    # measure_shape skips a pattern when a word it needs is absent (for speed); that must never change a result.
    assert measure_shape(text).years == _years_unfiltered(text)


def test_shape_features_bins() -> None:
    from foiclassify.preprocess import Shape

    small = shape_features(Shape(parts=0, years=0, words=5, questions=0), {})
    assert len(small) == len(SHAPE_FEATURES) and sum(small) == 0
    big = dict(zip(SHAPE_FEATURES, shape_features(Shape(8, 12, 250, 4), {"breakdown": 2, "bulk_records": 1}),
                   strict=True))
    assert all(big[name] == 1.0 for name in SHAPE_FEATURES if name != "effort")
    assert 0 < big["effort"] <= 2.0


@pytest.mark.parametrize(
    ("text", "cue", "phrase"),
    [
        ("Were ARMED OFFICERS deployed at the match?", "terrorism", "ARMED OFFICERS"),  # plural + upper case
        ("How much was paid to Informants last year?", "covert_tactic", "Informants"),
        ("Please give the contact details of the manager.", "personal_details", "contact details"),
    ],
)
def test_cues_match_case_insensitively_via_lemma(pre: Preprocessor, text: str, cue: str, phrase: str) -> None:
    (processed,) = pre.process([text])
    assert phrase in processed.cues[cue]
    index = feature_names().index(f"cue:{cue}")
    assert processed.features[index] > 0


def test_text_is_lemmatised_lower_case_with_numbers_folded(pre: Preprocessor) -> None:
    (processed,) = pre.process(["The Officers attended 12 meetings in 2019."])
    assert processed.text == "the officer attend xnum meeting in xyear"


def test_output_is_plain_python(pre: Preprocessor) -> None:
    texts = ["How many covert cameras does the force own since 2015?", "Names of the officers, please."]
    out = pre.process(texts)
    assert len(out) == 2
    for item in out:
        assert type(item) is Processed
        assert type(item.text) is str
        assert type(item.features) is tuple and all(type(v) is float for v in item.features)
        assert len(item.features) == len(feature_names())
        assert all(math.isfinite(v) for v in item.features)
        for key, phrases in item.cues.items():
            assert type(key) is str and all(type(p) is str for p in phrases)  # no spaCy Span leaks out
        assert type(item.masked_text) is str
    frame = to_frame(out, ["police", None])  # type: ignore[list-item]
    assert list(frame.columns[:2]) == ["text", "authority"] and list(frame["authority"]) == ["police", "unknown"]
    assert list(frame.columns[2:]) == [*feature_names(), MASKED_TEXT]


def test_masked_text_drops_only_the_words_of_masked_cues(pre: Preprocessor) -> None:
    masked = {c.id for c in load_cues() if c.masked_in_training}
    kept = {c.id for c in load_cues() if not c.masked_in_training}
    assert "legal_advice" in masked and "covert_tactic" in kept  # the split this test relies on
    out = pre.process(
        [
            "Please send the legal advice you received about the covert cameras.",
            "Does the force use covert cameras?",
            "Our bins were emptied on Tuesday.",
        ]
    )
    assert "legal_advice" in out[0].cues and "covert_tactic" in out[0].cues
    words, left = out[0].text.split(), out[0].masked_text.split()
    assert "legal" in words and "advice" in words and "legal" not in left and "advice" not in left
    assert "covert" in left and "camera" in left and len(left) == len(words) - 2
    assert out[1].masked_text == out[1].text  # only a kept cue matched
    assert out[2].masked_text == out[2].text and not out[2].cues


def test_cues_that_point_to_no_exemption_are_never_masked() -> None:
    # Masking hides trigger words; a cue that suggests nothing (statistics, the ICO-summary style)
    # triggers nothing, and hiding it would only remove the style of real requests from the copies.
    assert all(not c.masked_in_training for c in load_cues() if not c.suggests)
    assert {c.id for c in load_cues() if not c.masked_in_training} >= {"security_body", "covert_tactic"}


def test_cache_signature_changes_with_the_output_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    import foiclassify.preprocess as pp

    before = pp.signature()
    assert before == pp.signature() and len(before) == 16
    pp.signature.cache_clear()
    monkeypatch.setattr(pp, "SHAPE_FEATURES", (*pp.SHAPE_FEATURES, "extra"))
    try:
        assert pp.signature() != before
    finally:
        pp.signature.cache_clear()


def test_cue_ids_are_unique_and_feature_names_stable() -> None:
    ids = [c.id for c in load_cues()]
    assert len(ids) == len(set(ids))
    assert feature_names() == tuple(f"cue:{i}" for i in ids) + tuple(f"shape:{s}" for s in SHAPE_FEATURES)


def test_nlp_pipe_batches_every_text(monkeypatch: pytest.MonkeyPatch) -> None:
    pre = Preprocessor(batch_size=3)
    nlp = pre.nlp
    calls: list[dict[str, Any]] = []
    real_pipe = nlp.pipe

    def spy_pipe(texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        calls.append({"n": len(texts), **kwargs})
        return real_pipe(texts, **kwargs)

    def no_single_calls(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("nlp(text) called: texts must go through nlp.pipe")

    monkeypatch.setattr(nlp, "pipe", spy_pipe)
    monkeypatch.setattr(type(nlp), "__call__", no_single_calls)
    out = pre.process([f"Request number {i} about cameras" for i in range(7)])
    assert len(out) == 7
    # The lemmatizer component's output is not read (lemmas come from its lookup table) and sentences
    # are only needed for explanations, so prediction skips both components.
    assert calls == [{"n": 7, "batch_size": 3, "disable": ["lemmatizer", "sentencizer"]}]


def test_long_text_is_cut_to_max_chars(pre: Preprocessor) -> None:
    long_text = "camera " * (MAX_CHARS // 7 + 500)
    (processed,) = pre.process([long_text])
    assert len(processed.text.split()) <= MAX_CHARS // 7 + 1


_PIECES = st.sampled_from([*"ab 12\n\t.-/()Q:", "2019", "since ", "covert ", "MI5 "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_PIECES, max_size=60).map("".join), min_size=1, max_size=4))
def test_processing_with_the_source_text_equals_rebuilding_it_from_the_doc(pre: Preprocessor, texts: list[str]) -> None:
    # process() hands each document its source string instead of rebuilding doc.text; the result must
    # be exactly what the document alone gives (explanations process documents alone).
    assert pre.process(texts) == [pre.process_doc(doc) for doc in pre.pipe(texts)]


def test_processing_clips_the_source_text_like_the_doc(pre: Preprocessor) -> None:
    # The year after the cut would add a span of years if the unclipped text were measured.
    long_text = "How many officers? " * (MAX_CHARS // 19 + 1) + " since 1990"
    assert pre.process([long_text]) == [pre.process_doc(doc) for doc in pre.pipe([long_text])]
