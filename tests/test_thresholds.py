"""Per-label thresholds: tuning finds the known best cut, rare labels share the global one, JSON round trip."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from foiclassify.errors import ModelError
from foiclassify.thresholds import LabelThreshold, Thresholds, tune_thresholds


def _data() -> tuple[np.ndarray, np.ndarray]:
    # Label A: positives score 0.60-0.90, negatives 0.10-0.40: every cut in (0.40, 0.60] is perfect; the
    # strictest (0.60) wins ties. Label B: one positive, below min_support -> global threshold.
    # Label C: positives at 0.7/0.8, negatives 0.2 and one at 0.75: best F1 cuts above 0.75 at 0.80.
    Y = np.zeros((10, 3), dtype=int)
    P = np.zeros((10, 3))
    Y[:5, 0] = 1
    P[:, 0] = [0.6, 0.7, 0.8, 0.9, 0.65, 0.1, 0.2, 0.3, 0.4, 0.35]
    Y[0, 1] = 1
    P[:, 1] = [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
    Y[:4, 2] = 1
    P[:, 2] = [0.8, 0.8, 0.85, 0.9, 0.75, 0.2, 0.2, 0.2, 0.2, 0.2]
    return Y, P


def test_tuning_finds_the_known_best_cut() -> None:
    Y, P = _data()
    t = tune_thresholds(Y, P, ["A", "B", "C"], min_support=3)
    assert t.labels["A"].threshold == pytest.approx(0.60)
    assert t.labels["A"].source == "tuned" and t.labels["A"].f1 == 1.0 and t.labels["A"].support == 5
    assert t.labels["C"].threshold == pytest.approx(0.80) and t.labels["C"].f1 == 1.0
    # Pooled over the rare labels only (B): its positive scores 0.3 and nothing else does.
    assert t.labels["B"].source == "global" and t.labels["B"].threshold == t.global_threshold
    assert t.global_threshold == pytest.approx(0.30)
    assert t.labels["B"].recall == 1.0


def test_global_fallback_when_no_rare_label_has_positives() -> None:
    Y, P = _data()
    Y[:, 1] = 0
    t = tune_thresholds(Y, P, ["A", "B", "C"], min_support=3)
    assert t.global_threshold == 0.5 and t.labels["B"].threshold == 0.5 and t.labels["B"].support == 0


def test_without_rare_labels_the_global_threshold_pools_every_label() -> None:
    Y, P = _data()
    t = tune_thresholds(Y[:, [0, 2]], P[:, [0, 2]], ["A", "C"], min_support=1)
    assert all(lab.source == "tuned" for lab in t.labels.values())
    assert 0.05 <= t.global_threshold <= 0.95


def test_vector_follows_the_order_asked_for() -> None:
    Y, P = _data()
    t = tune_thresholds(Y, P, ["A", "B", "C"], min_support=3)
    expected = [t.labels["C"].threshold, t.labels["A"].threshold, t.global_threshold]
    assert list(t.vector(["C", "A", "unseen"])) == expected


def test_json_round_trip(tmp_path: Path) -> None:
    Y, P = _data()
    t = tune_thresholds(Y, P, ["A", "B", "C"], min_support=3)
    text = t.to_json()
    assert list(json.loads(text)["labels"]) == ["A", "B", "C"]
    assert Thresholds.from_json(text) == t
    path = tmp_path / "thresholds.json"
    path.write_text(text, encoding="utf-8")
    assert Thresholds.load(path) == t
    assert isinstance(Thresholds.load(path).labels["A"], LabelThreshold)


@pytest.mark.parametrize(
    "text",
    ["not json", "{}", '{"labels": {"A": {"threshold": 0.5}}, "global_threshold": 0.5, "min_support": 3}', "[]"],
)
def test_malformed_json_is_a_model_error(text: str) -> None:
    with pytest.raises(ModelError, match=r"bundle/thresholds.json: malformed thresholds file .*retrain"):
        Thresholds.from_json(text, "bundle/thresholds.json")


def test_recall_weighted_labels_get_a_lower_threshold_and_say_so() -> None:
    # Label A: positives at 0.3-0.9; negatives up to 0.55. F1 is best cutting at 0.6 (every suggestion right,
    # two positives missed); F2, which values the missed positives more, cuts at 0.3 and finds them all.
    Y = np.zeros((14, 1), dtype=int)
    Y[:6, 0] = 1
    P = np.array([[0.3, 0.35, 0.6, 0.7, 0.8, 0.9, 0.1, 0.1, 0.2, 0.25, 0.32, 0.4, 0.5, 0.55]]).T
    plain = tune_thresholds(Y, P, ["A"], min_support=3)
    weighted = tune_thresholds(Y, P, ["A"], min_support=3, recall_weighted={"A"}, beta=2.0)
    assert plain.labels["A"].threshold == 0.6 and weighted.labels["A"].threshold == 0.3
    assert weighted.labels["A"].recall == 1.0 and plain.labels["A"].recall < 1.0
    assert plain.labels["A"].source == "tuned" and weighted.labels["A"].source == "tuned for F2"
    # The reported score is F1 for both, so labels stay comparable in the model card.
    p, r = weighted.labels["A"].precision, weighted.labels["A"].recall
    assert weighted.labels["A"].f1 == pytest.approx(2 * p * r / (p + r), abs=1e-4)
