"""Evaluation metrics on hand-made arrays with known answers, baselines, and the written report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from foiclassify.errors import OutputError
from foiclassify.evaluation import (
    KEYWORD_RULES,
    NCND_RECALL,
    ComparisonResult,
    LabelDelta,
    PairedDelta,
    abstention_metrics,
    average_precisions,
    bootstrap_section_f1,
    brier_scores,
    calibration_bins,
    error_matrix,
    evaluate,
    expected_calibration_error,
    frequency_baseline,
    keyword_baseline,
    ncnd_case_scores,
    promotion_check,
    score,
    score_sections,
    score_system,
    training_prevalence,
    write_report,
)
from foiclassify.taxonomy import load_taxonomy

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


# -- metrics with known answers ----------------------------------------------------------------------


def test_score_known_answers() -> None:
    codes = ("s12", "s31(1)", "s31(3)")
    Y = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]])
    pred = np.array([[1, 0, 0], [0, 0, 1], [0, 0, 1], [1, 0, 0]])
    P = np.array([[0.9, 0.1, 0.0], [0.2, 0.3, 0.6], [0.1, 0.2, 0.8], [0.7, 0.1, 0.1]])
    s = score(Y, pred, P, codes)
    # tp=2 (s12 row 0, s31(3) row 2), fp=2, fn=1 -> micro F1 = 4 / (4 + 3)
    assert s.micro_f1 == pytest.approx(4 / 7)
    assert s.per_label["s12"].precision == pytest.approx(0.5)
    assert s.per_label["s31(1)"].recall == 0.0
    assert s.subset_accuracy == pytest.approx(0.5)
    assert s.hamming_loss == pytest.approx(3 / 12)
    assert s.precision_at_1 == pytest.approx(2 / 3)
    assert s.recall_at_3 == 1.0
    assert s.ncnd_recall == 1.0 and s.ncnd_precision == pytest.approx(0.5)
    # At section level s31(1) and s31(3) are the same answer: only the empty row's s12 is wrong.
    sec = score_sections(Y, pred, P, codes)
    assert sec.micro_f1 == pytest.approx(6 / 7)
    assert sec.subset_accuracy == pytest.approx(0.75)


def test_brier_scores() -> None:
    Y = np.array([[1, 0], [0, 0]])
    P = np.array([[0.8, 0.2], [0.4, 0.0]])
    assert brier_scores(Y, P) == pytest.approx([0.1, 0.02])


def test_average_precision_and_no_positive_label() -> None:
    Y = np.array([[1, 0], [0, 0], [1, 0], [0, 0]])
    P = np.array([[0.9, 0.5], [0.8, 0.5], [0.7, 0.5], [0.1, 0.5]])
    ap = average_precisions(Y, P)
    assert ap[0] == pytest.approx((1 + 2 / 3) / 2)
    assert ap[1] is None


def test_calibration_bins_and_ece() -> None:
    Y = np.array([1, 0, 1, 1])
    P = np.array([0.95, 0.95, 0.15, 0.15])
    bins = calibration_bins(Y, P)
    assert [(b["count"], b["observed"]) for b in bins] == [(2, 1.0), (2, 0.5)]
    assert expected_calibration_error(Y, P) == pytest.approx((2 * 0.85 + 2 * 0.45) / 4)
    assert calibration_bins(np.array([1]), np.array([1.0]))[0]["upper"] == 1.0  # 1.0 lands in the last bin
    assert expected_calibration_error(np.array([0, 1]), np.array([0.0, 1.0])) == 0.0


def test_abstention_metrics() -> None:
    Y = np.array([[1, 0], [0, 0], [0, 1], [1, 1]])
    pred = np.array([[1, 1], [0, 0], [0, 0], [0, 1]])
    P = np.array([[0.9, 0.6], [0.1, 0.1], [0.2, 0.3], [0.4, 0.8]])
    m = abstention_metrics(Y, pred, P)
    assert m == {
        "abstention_rate": 0.5,
        "answered_precision": pytest.approx(2 / 3),
        "answered_top1_precision": 1.0,
        "correct_abstentions": 0.5,
    }
    none = abstention_metrics(Y, np.zeros_like(pred), P)
    assert none["abstention_rate"] == 1.0 and none["answered_precision"] == 0.0


def test_ncnd_case_scores() -> None:
    codes = ("s31(1)", "s31(3)", "s40(5)")
    Y = np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    pred = np.array([[0, 0, 1], [0, 0, 0], [0, 1, 0]])
    # Per request: truth NCND on rows 0 and 1, flagged on rows 0 and 2.
    assert ncnd_case_scores(Y, pred, codes) == (0.5, 0.5)
    # Per label the row-0 flag is the wrong NCND label: no NCND label is right.
    assert score(Y, pred, pred, codes).ncnd_recall == 0.0


def test_error_matrix_counts_false_positives_by_true_label() -> None:
    Y = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 0]])
    pred = np.array([[1, 1, 0], [0, 0, 1], [0, 1, 0]])
    assert error_matrix(Y, pred).tolist() == [[0, 1, 0], [0, 0, 1], [0, 0, 0], [0, 1, 0]]


def test_score_system_perfect_predictor() -> None:
    codes = ("s12", "s40(2)")
    Y = np.array([[1, 0], [0, 1], [1, 1]])
    s = score_system("model", Y, Y.astype(float), Y, codes)
    assert s.labels.micro_f1 == 1.0 and s.labels.subset_accuracy == 1.0 and s.labels.hamming_loss == 0.0
    assert s.per_label["s12"].average_precision == 1.0 and s.brier == 0.0
    assert s.abstention_rate == 0.0 and s.macro_average_precision == 1.0
    assert all(isinstance(v, float) for v in s.headline().values())


def test_keyword_baseline_rules() -> None:
    codes = load_taxonomy().codes
    texts = ["Does the force use covert surveillance vans?", "Send me the names of the staff.", "How many cars?"]
    P, pred = keyword_baseline(texts, codes)
    j = codes.index
    assert P[0, j("s23(5)")] == pytest.approx(0.75)  # two rules hit the NCND trio
    assert {codes[k] for k in np.flatnonzero(pred[0])} == {"s23(5)", "s24(2)", "s31(3)"}
    assert {codes[k] for k in np.flatnonzero(pred[1])} == {"s40(2)"}
    assert not pred[2].any()
    # Every rule points at labels that exist.
    assert all(code in codes for targets in KEYWORD_RULES.values() for code in targets)


def test_frequency_baseline_and_prevalence() -> None:
    P, pred = frequency_baseline(np.array([0.6, 0.1]), 2)
    assert P.tolist() == [[0.6, 0.1], [0.6, 0.1]] and pred.tolist() == [[True, False], [True, False]]
    metadata = {"training_data": {"rows": 4, "label_counts": {"s12": 1, "s40(2)": 2}}}
    assert training_prevalence(metadata, ["s12", "s40(2)", "s21"]).tolist() == [0.25, 0.5, 0.0]
    assert training_prevalence({}, ["s12"]) is None


def _comparison(deltas: dict[str, tuple[int, float, float]], old_ncnd: float = 0.8, new_ncnd: float = 0.8):
    per_label = {code: LabelDelta(n, 0.5, 0.5, 0.5, 0.5, old, new) for code, (n, old, new) in deltas.items()}
    return ComparisonResult("new", "old", "d", 10, per_label, old_ncnd, new_ncnd, 0.5, 0.5, {}, {},
                            section_f1_delta=PairedDelta(0.0, 0.0, 0.0, 0.0, 0),
                            new=None, old=None)  # type: ignore[arg-type]


def test_promotion_check_rules() -> None:
    comparison = _comparison({
        "s12": (10, 0.80, 0.70),  # big drop, enough support: blocks
        "s14": (4, 0.80, 0.10),  # big drop, too few examples: ignored
        "s21": (10, 0.80, 0.785),  # within the margin
        "s22": (10, 0.50, 0.90),  # better
    })
    assert promotion_check(comparison) == ["s12"]
    assert promotion_check(comparison, min_support=3) == ["s12", "s14"]
    assert promotion_check(comparison, margin=0.2) == []
    assert promotion_check(_comparison({}, 0.8, 0.79)) == [NCND_RECALL]
    assert promotion_check(_comparison({}, 0.8, 0.9)) == []


# -- evaluate and report on the tiny bundle ------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_result(tiny_bundle: Path, tiny_jsonl: Path):
    return evaluate(tiny_bundle, tiny_jsonl)


def test_evaluate_scores_model_and_baselines(tiny_result, tiny_records: list[dict]) -> None:
    r = tiny_result
    assert set(r.systems) == {"model", "keywords", "frequency"}
    assert r.rows == len(tiny_records) and r.codes == load_taxonomy().codes
    assert r.model.per_label["s40(2)"].support == sum("s40(2)" in x["exemptions"] for x in tiny_records)
    # The model was trained on these rows: the result says so.
    assert any("training data" in note for note in r.notes)
    # It should beat both baselines on its own training data.
    assert r.model.labels.micro_f1 > r.systems["keywords"].labels.micro_f1 > r.systems["frequency"].labels.micro_f1
    # Frequency baseline: every row scores the training prevalence, nothing is suggested.
    freq = r.systems["frequency"]
    assert np.allclose(freq.scores[0], freq.scores[-1]) and freq.abstention_rate == 1.0
    s12 = r.codes.index("s12")
    assert freq.scores[0, s12] == pytest.approx(6 / 32)
    assert 0.0 <= r.model.abstention_rate <= 1.0
    doc = json.loads(json.dumps(r.as_dict()))
    assert doc["headline"]["model"]["ncnd_recall"] == r.model.labels.ncnd_recall


def test_evaluate_accepts_a_loaded_model(tiny_bundle: Path, tiny_jsonl: Path, tiny_result) -> None:
    from foiclassify.predict import load_model

    again = evaluate(load_model(tiny_bundle), tiny_jsonl)
    assert np.array_equal(again.model.predictions, tiny_result.model.predictions)


def _check_png(path: Path) -> tuple[int, int]:
    from matplotlib.image import imread

    assert path.read_bytes()[:8] == PNG_MAGIC
    image = imread(path)
    assert image.shape[0] > 200 and image.shape[1] > 200
    assert image[..., :3].std() > 0.01  # not a blank canvas
    return image.shape[0], image.shape[1]


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory, tiny_result) -> Path:
    return write_report(tiny_result, tmp_path_factory.mktemp("reports") / "report")


def test_write_report_files(report_dir: Path) -> None:
    out = report_dir
    for name in ("metrics.json", "report.md", "report.html"):
        assert (out / name).stat().st_size > 100
    for name in ("per_label_f1.png", "reliability.png", "pr_curves.png", "error_matrix.png"):
        _check_png(out / name)
    metrics = json.loads((out / "metrics.json").read_text())
    assert set(metrics["headline"]) == {"model", "keywords", "frequency"}
    assert metrics["systems"]["model"]["per_label"]["s12"]["support"] == 6
    md = (out / "report.md").read_text()
    assert "](per_label_f1.png)" in md and "NCND" in md and "keyword rules" in md.lower()
    page = (out / "report.html").read_text()
    assert page.count('src="data:image/png;base64,') == 4 and 'src="per_label' not in page
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_write_report_refuses_existing_output(tmp_path: Path, report_dir: Path, tiny_result) -> None:
    out = tmp_path / "report"
    shutil.copytree(report_dir, out)
    with pytest.raises(OutputError, match="already exists"):
        write_report(tiny_result, out)
    (out / "metrics.json").write_text("{}")
    write_report(tiny_result, out, overwrite=True)
    assert json.loads((out / "metrics.json").read_text())["rows"] == 32
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(OutputError, match="not a foiclassify report"):
        write_report(tiny_result, other, overwrite=True)
    assert (other / "keep.txt").read_text() == "mine"


def test_evaluate_checks_report_folder_before_predicting(tmp_path: Path, tiny_jsonl: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "metrics.json").write_text("{}")
    # The model path does not exist: the report folder is refused first, without loading anything.
    with pytest.raises(OutputError, match="already exists"):
        evaluate(tmp_path / "no-model", tiny_jsonl, report_dir=tmp_path / "r")


# -- paired bootstrap --------------------------------------------------------------------------------


def _truth_and_guesses(n: int = 60) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    codes = load_taxonomy().codes
    rng = np.random.default_rng(3)
    Y = (rng.random((n, len(codes))) < 0.08).astype(np.int8)
    noisy = np.where(rng.random(Y.shape) < 0.1, 1 - Y, Y).astype(np.int8)
    return Y, noisy, codes


def test_bootstrap_centres_on_the_full_sample_score() -> None:
    Y, noisy, codes = _truth_and_guesses()
    samples = bootstrap_section_f1(Y, [noisy, Y], codes, resamples=500)
    assert samples.shape == (500, 2)
    full = score_sections(Y, noisy, noisy, codes).micro_f1
    assert abs(float(np.median(samples[:, 0])) - full) < 0.05
    assert np.all(samples[:, 1] == 1.0)  # a perfect system is perfect on every resample
    np.testing.assert_array_equal(samples, bootstrap_section_f1(Y, [noisy, Y], codes, resamples=500))  # seeded


def test_paired_delta_of_a_model_with_itself_and_with_a_clearly_better_one() -> None:
    Y, noisy, codes = _truth_and_guesses()
    same = PairedDelta.of(Y, noisy, noisy, codes)
    assert (same.mean, same.low, same.high, same.share_ahead) == (0.0, 0.0, 0.0, 0.0)
    better = PairedDelta.of(Y, Y, noisy, codes)
    assert better.low > 0 and better.share_ahead == 1.0 and better.low <= better.mean <= better.high
    worse = PairedDelta.of(Y, noisy, Y, codes)
    assert worse.high < 0 and worse.share_ahead == 0.0
    assert "95% interval" in better.describe() and f"{better.resamples:,} resamples" in better.describe()
