"""Per-label decision thresholds, tuned out-of-fold and stored as data.

A label is suggested when its probability reaches its threshold. Thresholds are chosen on
out-of-fold probabilities (never on the rows a model was fitted on) to maximise that label's F1, or
F-beta for the labels where a miss costs more than a false alarm (training passes the neither-
confirm-nor-deny labels: answering an NCND case as an ordinary one reveals whether information is
held); labels with too few positives share one global threshold tuned on all of them pooled. The
result is a small JSON document that ships in every bundle and is shown to auditors.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from foiclassify.errors import ModelError

GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


@dataclass(frozen=True)
class LabelThreshold:
    """The threshold of one label and the out-of-fold evidence behind it."""

    threshold: float
    source: str  # "tuned" (F1), "tuned for F2" (recall-weighted F-beta) or "global"
    support: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Thresholds:
    """All labels' thresholds plus the global fallback."""

    labels: dict[str, LabelThreshold]
    global_threshold: float
    min_support: int

    def vector(self, codes: tuple[str, ...] | list[str]) -> np.ndarray:
        """Thresholds in the order of ``codes`` (labels without an entry use the global one)."""
        return np.array([self.labels[c].threshold if c in self.labels else self.global_threshold for c in codes])

    def to_json(self) -> str:
        """Stable JSON text (sorted by taxonomy order as given at tuning time)."""
        doc = {
            "global_threshold": self.global_threshold,
            "min_support": self.min_support,
            "labels": {code: asdict(t) for code, t in self.labels.items()},
        }
        return json.dumps(doc, indent=2)

    @classmethod
    def from_json(cls, text: str, where: str = "thresholds.json") -> Thresholds:
        """Parse :meth:`to_json` output (raises :class:`ModelError` when malformed)."""
        try:
            doc: dict[str, Any] = json.loads(text)
            labels = {code: LabelThreshold(**entry) for code, entry in doc["labels"].items()}
            return cls(labels, float(doc["global_threshold"]), int(doc["min_support"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{where}: malformed thresholds file ({exc}); retrain the model") from None

    @classmethod
    def load(cls, path: Path) -> Thresholds:
        """Read a thresholds file."""
        return cls.from_json(Path(path).read_text(encoding="utf-8"), str(path))


def _prf(y: np.ndarray, p: np.ndarray, t: float, beta: float = 1.0) -> tuple[float, float, float]:
    """(precision, recall, F-beta) of cutting ``p`` at ``t``."""
    pred = p >= t
    tp = float(np.sum(pred & (y == 1)))
    precision = tp / max(float(pred.sum()), 1.0)
    recall = tp / max(float(y.sum()), 1.0)
    f = (1 + beta**2) * precision * recall / max(beta**2 * precision + recall, 1e-12)
    return precision, recall, f


def _best(y: np.ndarray, p: np.ndarray, beta: float = 1.0) -> float:
    # Ties go to the highest threshold: among equally good cut-offs the stricter one suggests less.
    scores = [_prf(y, p, t, beta)[2] for t in GRID]
    best = max(scores)
    return float(GRID[max(i for i, s in enumerate(scores) if s >= best - 1e-12)])


def tune_thresholds(
    Y: np.ndarray,
    P: np.ndarray,
    codes: tuple[str, ...] | list[str],
    min_support: int = 8,
    *,
    recall_weighted: Collection[str] = (),
    beta: float = 2.0,
) -> Thresholds:
    """Choose a threshold per label from out-of-fold probabilities.

    Parameters
    ----------
    Y : ndarray of shape (n_samples, n_labels)
        True labels.
    P : ndarray of shape (n_samples, n_labels)
        Out-of-fold probabilities.
    codes : sequence of str
        Label codes, column order of ``Y`` and ``P``.
    min_support : int
        Labels with fewer positives use the global threshold.
    recall_weighted : collection of str
        Labels whose threshold maximises F-beta instead of F1 (recall counts ``beta`` times as much as
        precision). Their reported ``f1`` is still F1, so every label is shown on the same scale.
    beta : float
        The F-beta weight for ``recall_weighted`` labels.

    Returns
    -------
    Thresholds
    """
    Y = np.asarray(Y)
    P = np.asarray(P)
    rare = [j for j in range(len(codes)) if Y[:, j].sum() < min_support]
    pooled_y = Y[:, rare].ravel() if rare else Y.ravel()
    pooled_p = P[:, rare].ravel() if rare else P.ravel()
    global_t = _best(pooled_y, pooled_p) if pooled_y.sum() else 0.5
    labels = {}
    for j, code in enumerate(codes):
        support = int(Y[:, j].sum())
        if support >= min_support and code in recall_weighted:
            t, source = _best(Y[:, j], P[:, j], beta), f"tuned for F{beta:g}"
        elif support >= min_support:
            t, source = _best(Y[:, j], P[:, j]), "tuned"
        else:
            t, source = global_t, "global"
        precision, recall, f1 = _prf(Y[:, j], P[:, j], t)
        labels[code] = LabelThreshold(t, source, support, round(precision, 4), round(recall, 4), round(f1, 4))
    return Thresholds(labels, global_t, min_support)
