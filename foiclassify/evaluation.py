"""Scoring suggestions against known exemptions.

Scores are computed at two levels: **labels** (``s31(1)`` and ``s31(3)`` are different answers)
and **sections** (both count as ``s31``), which is how real decisions are compared when a letter
does not always name the subsection. Neither-confirm-nor-deny labels get their own headline,
because confusing NCND with withholding is the costly mistake.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from foiclassify.taxonomy import load_taxonomy


def section_matrix(M: np.ndarray, codes: tuple[str, ...] | list[str]) -> tuple[np.ndarray, list[str]]:
    """Collapse label columns to section columns by taking the maximum (works for 0/1 and scores)."""
    tax = load_taxonomy()
    sections: list[str] = []
    for code in codes:
        sec = tax.section_of(code)
        if sec not in sections:
            sections.append(sec)
    out = np.zeros((M.shape[0], len(sections)), dtype=np.asarray(M).dtype)
    for j, code in enumerate(codes):
        k = sections.index(tax.section_of(code))
        out[:, k] = np.maximum(out[:, k], M[:, j])
    return out, sections


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / max(2 * tp + fp + fn, 1e-12)


@dataclass
class LabelScore:
    """Per-label (or per-section) counts and scores."""

    support: int
    predicted: int
    precision: float
    recall: float
    f1: float


@dataclass
class Scores:
    """Headline multi-label scores for one set of predictions."""

    n: int
    micro_f1: float
    macro_f1: float
    micro_precision: float
    micro_recall: float
    samples_f1: float
    subset_accuracy: float
    hamming_loss: float
    recall_at_3: float
    precision_at_1: float
    ncnd_precision: float
    ncnd_recall: float
    per_label: dict[str, LabelScore] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary."""
        return asdict(self)


def score(Y: np.ndarray, pred: np.ndarray, P: np.ndarray, codes: tuple[str, ...] | list[str]) -> Scores:
    """Score binary predictions ``pred`` and scores ``P`` against ``Y`` (all n x len(codes)).

    ``macro_f1`` averages over the columns that have support or predictions. ``recall_at_3`` is the
    share of true columns found among the three highest-scoring ones (over rows with at least one
    true column); ``precision_at_1`` is the share of such rows whose top column is true. NCND scores
    use the NCND columns only (zero when ``codes`` are sections).
    """
    Y = np.asarray(Y).astype(bool)
    pred = np.asarray(pred).astype(bool)
    P = np.asarray(P, dtype=float)
    tp = (Y & pred).sum(axis=0).astype(float)
    fp = (~Y & pred).sum(axis=0).astype(float)
    fn = (Y & ~pred).sum(axis=0).astype(float)
    per_label = {}
    f1s = []
    for j, code in enumerate(codes):
        support, predicted = int(Y[:, j].sum()), int(pred[:, j].sum())
        f1 = _f1(tp[j], fp[j], fn[j])
        per_label[code] = LabelScore(
            support, predicted, tp[j] / max(predicted, 1), tp[j] / max(support, 1), f1
        )
        if support or predicted:
            f1s.append(f1)
    rows = Y.any(axis=1)
    order = np.argsort(-P, axis=1, kind="stable")
    top3 = np.zeros_like(Y)
    np.put_along_axis(top3, order[:, :3], True, axis=1)
    found = (top3 & Y).sum(axis=1)
    recall3 = float(found[rows].sum() / max(Y[rows].sum(), 1))
    top1 = Y[np.arange(len(Y)), order[:, 0]]
    prec1 = float(top1[rows].mean()) if rows.any() else 0.0
    samples = [
        _f1(float((y & p).sum()), float((~y & p).sum()), float((y & ~p).sum())) if (y.any() or p.any()) else 1.0
        for y, p in zip(Y, pred, strict=True)
    ]
    tax = load_taxonomy()
    ncnd_cols = [j for j, c in enumerate(codes) if c in tax.codes and tax.label(c).ncnd]
    if ncnd_cols:
        ntp = float((Y[:, ncnd_cols] & pred[:, ncnd_cols]).sum())
        ncnd_p = ntp / max(float(pred[:, ncnd_cols].sum()), 1.0)
        ncnd_r = ntp / max(float(Y[:, ncnd_cols].sum()), 1.0)
    else:
        ncnd_p = ncnd_r = 0.0
    return Scores(
        n=len(Y),
        micro_f1=_f1(tp.sum(), fp.sum(), fn.sum()),
        macro_f1=float(np.mean(f1s)) if f1s else 0.0,
        micro_precision=float(tp.sum() / max(tp.sum() + fp.sum(), 1)),
        micro_recall=float(tp.sum() / max(tp.sum() + fn.sum(), 1)),
        samples_f1=float(np.mean(samples)) if samples else 0.0,
        subset_accuracy=float((pred == Y).all(axis=1).mean()) if len(Y) else 0.0,
        hamming_loss=float((pred != Y).mean()) if Y.size else 0.0,
        recall_at_3=recall3,
        precision_at_1=prec1,
        ncnd_precision=ncnd_p,
        ncnd_recall=ncnd_r,
        per_label=per_label,
    )


def score_sections(Y: np.ndarray, pred: np.ndarray, P: np.ndarray, codes: tuple[str, ...] | list[str]) -> Scores:
    """:func:`score` after collapsing labels to sections (``s31(1)``, ``s31(3)`` -> ``s31``)."""
    Ys, sections = section_matrix(np.asarray(Y), codes)
    preds, _ = section_matrix(np.asarray(pred), codes)
    Ps, _ = section_matrix(np.asarray(P, dtype=float), codes)
    return score(Ys, preds, Ps, sections)
