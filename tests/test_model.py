"""The hierarchical classifier: scikit-learn contract, state round trip, how heads combine."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foiclassify.errors import ValidationError
from foiclassify.features import FeatureConfig
from foiclassify.model import NCND_HEAD, ExemptionClassifier, Head, ModelConfig
from foiclassify.preprocess import Preprocessor, to_frame
from foiclassify.taxonomy import load_taxonomy

TAX = load_taxonomy()
SMALL = ModelConfig(features=FeatureConfig(word_max_features=300, char_max_features=300, min_df=1), min_positives=2)


@pytest.fixture(scope="module")
def xy(tiny_records: list[dict]) -> tuple[pd.DataFrame, np.ndarray]:
    processed = Preprocessor().process([r["request"] for r in tiny_records])
    X = to_frame(processed, [r["authority_type"] for r in tiny_records])
    Y = np.zeros((len(tiny_records), len(TAX)), dtype=np.int8)
    for i, r in enumerate(tiny_records):
        for code in r["exemptions"]:
            Y[i, TAX.index(code)] = 1
    return X, Y


@pytest.fixture(scope="module")
def fitted(xy: tuple[pd.DataFrame, np.ndarray]) -> ExemptionClassifier:
    return ExemptionClassifier(SMALL).fit(*xy)


def test_fit_follows_the_sklearn_contract(xy: tuple[pd.DataFrame, np.ndarray]) -> None:
    model = ExemptionClassifier(SMALL)
    before = set(vars(model))
    assert before == {"config"}  # __init__ stores parameters only, no fitted state
    assert model.fit(*xy) is model
    fitted_attrs = set(vars(model)) - before
    assert fitted_attrs and all(name.endswith("_") and not name.startswith("_") for name in fitted_attrs)
    assert {"labels_", "heads_", "vectorizer_", "coef_", "intercept_", "calibration_", "feature_names_"} <= fitted_attrs
    assert model.labels_ == TAX.codes
    assert model.coef_.shape == (len(model.heads_), len(model.feature_names_))
    assert model.intercept_.shape == (len(model.heads_),) and model.calibration_.shape == (len(model.heads_), 2)


def test_predict_proba_shape_and_range(fitted: ExemptionClassifier, xy: tuple[pd.DataFrame, np.ndarray]) -> None:
    X, Y = xy
    P = fitted.predict_proba(X)
    assert P.shape == Y.shape and np.all((P >= 0) & (P <= 1))
    # Labels with no trained head (never seen) score exactly zero.
    trained = {code for head in fitted.heads_ for code in head.labels if head.name != NCND_HEAD}
    for j, code in enumerate(TAX.codes):
        if code not in trained and not TAX.label(code).ncnd:
            assert np.all(P[:, j] == 0), code


def test_state_round_trip_gives_identical_probabilities(
    fitted: ExemptionClassifier, xy: tuple[pd.DataFrame, np.ndarray]
) -> None:
    state = fitted.get_state()
    allowed = (str, int, float, bool, list, dict, np.ndarray, type(None))
    for key, value in state.items():
        assert key == "vectorizer" or isinstance(value, allowed), key  # plain data besides the vectorizer
    clone = ExemptionClassifier.from_state(state)
    assert np.array_equal(clone.predict_proba(xy[0]), fitted.predict_proba(xy[0]))
    assert [h.name for h in clone.heads_] == [h.name for h in fitted.heads_]


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        ((32, 3), "columns"),
        ((32,), "columns"),
        ((31, len(TAX)), "label rows"),
    ],
)
def test_bad_label_matrix_shapes_raise(xy: tuple[pd.DataFrame, np.ndarray], shape: tuple, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ExemptionClassifier(SMALL).fit(xy[0], np.zeros(shape, dtype=np.int8))


def test_too_few_rows_raise(xy: tuple[pd.DataFrame, np.ndarray]) -> None:
    X, Y = xy
    with pytest.raises(ValidationError, match="at least 10"):
        ExemptionClassifier(SMALL).fit(X.iloc[:5], Y[:5])


def _all_heads() -> ExemptionClassifier:
    model = ExemptionClassifier(ModelConfig())
    model.heads_ = [Head(name, members, 10) for name, members in model._head_specs()]
    return model


def test_hierarchical_combine_splits_each_group_between_its_forms() -> None:
    model = _all_heads()
    rng = np.random.default_rng(0)
    head_p = rng.random((50, len(model.heads_)))
    P = model.combine(head_p)
    names = [h.name for h in model.heads_]
    p_ncnd = head_p[:, names.index(NCND_HEAD)]
    # An NCND label shared by two groups (s30(3) for s30(1) and s30(2)) takes the larger of its parts.
    owners: dict[str, int] = {}
    for head in model.heads_:
        if head.name != NCND_HEAD:
            for code in head.labels:
                owners[code] = owners.get(code, 0) + 1
    pairs = 0
    for j, head in enumerate(model.heads_):
        if head.name == NCND_HEAD or len(head.labels) != 2:
            continue
        withhold, ncnd = head.labels
        assert TAX.label(ncnd).ncnd and not TAX.label(withhold).ncnd
        w, n = P[:, TAX.index(withhold)], P[:, TAX.index(ncnd)]
        np.testing.assert_allclose(w, head_p[:, j] * (1 - p_ncnd))
        if owners[ncnd] == 1:
            np.testing.assert_allclose(w + n, head_p[:, j])  # P(withhold) + P(ncnd) == P(group)
            pairs += 1
        else:
            assert np.all(n >= head_p[:, j] * p_ncnd - 1e-12)
    assert pairs >= 8  # s23, s24, s26, s27, s31, s38, s40, s43, s44 at least
    for j, head in enumerate(model.heads_):
        if len(head.labels) == 1 and head.name != NCND_HEAD:
            np.testing.assert_allclose(P[:, TAX.index(head.labels[0])], head_p[:, j])


def test_flat_model_has_one_head_per_label() -> None:
    model = ExemptionClassifier(ModelConfig(hierarchical=False))
    specs = model._head_specs()
    assert [name for name, _ in specs] == list(TAX.codes)
    model.heads_ = [Head(name, members, 5) for name, members in specs]
    head_p = np.random.default_rng(1).random((4, len(specs)))
    np.testing.assert_allclose(model.combine(head_p), head_p)


@pytest.mark.parametrize("stop_words", [True, False])
def test_function_words_are_left_out_of_word_ngrams(xy: tuple[pd.DataFrame, np.ndarray], stop_words: bool) -> None:
    from foiclassify.features import FUNCTION_WORDS

    features = SMALL.features.model_copy(update={"stop_words": stop_words})
    model = ExemptionClassifier(SMALL.model_copy(update={"features": features})).fit(*xy)
    words = {w for name in model.feature_names_ if str(name).startswith("word__") for w in str(name)[6:].split()}
    # The tiny requests are full of "the", "of" and "to": either none of them is a feature, or some are.
    assert bool(words & set(FUNCTION_WORDS)) is not stop_words
    assert words  # content words remain either way


def test_masked_copies_follow_the_originals_without_their_cue_words(xy: tuple[pd.DataFrame, np.ndarray]) -> None:
    from foiclassify.preprocess import MASKED_TEXT, load_cues

    X, Y = xy
    changed = (X[MASKED_TEXT] != X["text"]).to_numpy()
    assert 0 < changed.sum() < len(X)  # the tiny corpus has both kinds of request
    out, Y_out = ExemptionClassifier(SMALL)._with_masked_copies(X, Y)
    assert MASKED_TEXT not in out.columns
    n = len(X)
    assert len(out) == n + changed.sum() and np.array_equal(Y_out[:n], Y) and np.array_equal(Y_out[n:], Y[changed])
    pd.testing.assert_frame_equal(out.iloc[:n], X.drop(columns=MASKED_TEXT))
    copies = out.iloc[n:]
    assert list(copies["text"]) == list(X.loc[changed, MASKED_TEXT])
    for cue in load_cues():
        column = copies[f"cue:{cue.id}"].to_numpy()
        original = X.loc[changed, f"cue:{cue.id}"].to_numpy()
        assert np.array_equal(column, np.zeros_like(original) if cue.masked_in_training else original), cue.id
    off, Y_off = ExemptionClassifier(SMALL.model_copy(update={"cue_masking": 0.0}))._with_masked_copies(X, Y)
    assert len(off) == n and Y_off is Y


def test_masking_changes_the_fit_but_not_what_prediction_reads(xy: tuple[pd.DataFrame, np.ndarray]) -> None:
    X, Y = xy
    plain = ExemptionClassifier(SMALL.model_copy(update={"cue_masking": 0.0})).fit(X, Y)
    masked = ExemptionClassifier(SMALL).fit(X, Y)
    assert not np.allclose(plain.predict_proba(X), masked.predict_proba(X))
    # The masked text is training material only: prediction ignores the column.
    from foiclassify.preprocess import MASKED_TEXT

    np.testing.assert_array_equal(masked.predict_proba(X), masked.predict_proba(X.assign(**{MASKED_TEXT: ""})))


def test_crosses_pair_authority_and_cues(xy: tuple[pd.DataFrame, np.ndarray]) -> None:
    from foiclassify.features import cross_cues, readable_feature_name

    X, Y = xy
    with_crosses = ExemptionClassifier(SMALL).fit(X, Y)
    names = [str(n) for n in with_crosses.feature_names_ if str(n).startswith("cross__")]
    assert "cross__auth__authority_police cue__cue:covert_tactic" in names
    assert "cross__cue__cue:security_body cue__cue:covert_tactic" in names
    assert readable_feature_name(names[-1]).count(" x ") == 1 and cross_cues(names[-1])
    row = X.index[(X["authority"] == "police") & (X["cue:covert_tactic"] > 0)][0]
    matrix = with_crosses.transform(X.iloc[[row]])
    j = list(with_crosses.feature_names_).index("cross__auth__authority_police cue__cue:covert_tactic")
    weight = SMALL.features.cross_weight
    assert matrix[0, j] == pytest.approx(weight * X.loc[row, "cue:covert_tactic"])
    no_crosses = SMALL.features.model_copy(update={"cross_weight": 0})
    without = ExemptionClassifier(SMALL.model_copy(update={"features": no_crosses}))
    assert not any(str(n).startswith("cross__") for n in without.fit(X, Y).feature_names_)
