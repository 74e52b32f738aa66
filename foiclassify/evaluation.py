"""Scoring suggestions against known exemptions.

Scores are computed at two levels: **labels** (``s31(1)`` and ``s31(3)`` are different answers)
and **sections** (both count as ``s31``), which is how real decisions are compared when a letter
does not always name the subsection. Neither-confirm-nor-deny labels get their own headline,
because confusing NCND with withholding is the costly mistake.

:func:`evaluate` scores a model bundle on labelled data next to two baselines (keyword rules and
label frequency) and :func:`write_report` turns the result into ``metrics.json``, Markdown, HTML and
plots. :func:`compare`, :func:`promotion_check`, :func:`promote` and :func:`rollback` decide whether
a new bundle may replace the current one, and swap bundles atomically.
"""

from __future__ import annotations

import base64
import fcntl
import html
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from foiclassify.artifacts import exchange_dirs, replace_dir
from foiclassify.errors import FoiClassifyError, ModelError, OutputError, UsageError
from foiclassify.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from foiclassify.data import Dataset
    from foiclassify.predict import Model


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


#: Bootstrap resamples behind every interval: stable 2.5/97.5 percentiles in a fraction of a second.
BOOTSTRAP_RESAMPLES = 2000


def bootstrap_section_f1(
    Y: np.ndarray,
    preds: Sequence[np.ndarray],
    codes: tuple[str, ...] | list[str],
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = 0,
) -> np.ndarray:
    """Section micro-F1 of each prediction matrix on the same bootstrap resamples of the requests.

    Parameters
    ----------
    Y : ndarray of shape (n_samples, n_labels)
        True labels.
    preds : sequence of ndarray of shape (n_samples, n_labels)
        0/1 predictions of one or more systems, columns in ``codes`` order.
    codes : sequence of str
    resamples : int
    seed : int
        The same seed gives the same resamples, so systems scored in separate calls stay paired.

    Returns
    -------
    ndarray of shape (resamples, len(preds))
    """
    truth = section_matrix(np.asarray(Y), codes)[0].astype(bool)
    n = len(truth)
    rng = np.random.default_rng(seed)
    # How many times each request is drawn in each resample: a resample's totals are weighted sums.
    counts = np.zeros((resamples, n))
    np.add.at(counts, (np.arange(resamples)[:, None], rng.integers(0, n, size=(resamples, n))), 1.0)
    out = np.zeros((resamples, len(preds)))
    for k, pred in enumerate(preds):
        said = section_matrix(np.asarray(pred), codes)[0].astype(bool)
        tp = counts @ (truth & said).sum(axis=1)
        wrong = counts @ (truth ^ said).sum(axis=1)  # false positives plus false negatives
        out[:, k] = 2 * tp / np.maximum(2 * tp + wrong, 1e-12)
    return out


@dataclass(frozen=True)
class PairedDelta:
    """New minus old section micro-F1 over bootstrap resamples of the same requests.

    Attributes
    ----------
    mean : float
        Mean difference.
    low, high : float
        The central 95% of the differences.
    share_ahead : float
        Share of resamples in which the new model scores higher.
    resamples : int
    """

    mean: float
    low: float
    high: float
    share_ahead: float
    resamples: int

    @classmethod
    def of(cls, Y: np.ndarray, new: np.ndarray, old: np.ndarray, codes: tuple[str, ...] | list[str]) -> PairedDelta:
        """The paired difference of two prediction matrices on ``Y`` (:func:`bootstrap_section_f1`)."""
        f1 = bootstrap_section_f1(Y, [new, old], codes)
        delta = f1[:, 0] - f1[:, 1]
        return cls(
            mean=float(delta.mean()),
            low=float(np.percentile(delta, 2.5)),
            high=float(np.percentile(delta, 97.5)),
            share_ahead=float((delta > 0).mean()),
            resamples=len(delta),
        )

    def describe(self) -> str:
        """One line for reports, e.g. ``+0.012, 95% interval [-0.010, +0.034], new ahead in 84% of 2,000 resamples``."""
        return (
            f"{self.mean:+.3f}, 95% interval [{self.low:+.3f}, {self.high:+.3f}], "
            f"new ahead in {self.share_ahead:.0%} of {self.resamples:,} resamples"
        )


# ==================================================================================================
# Evaluation of a model bundle on held-out labelled data, against two baselines
# ==================================================================================================
#
# Everything below is what ``foiclassify evaluate``, ``compare``, ``promote`` and ``rollback`` run.
# Heavy modules (sklearn, matplotlib, the model itself) are imported inside the functions so that
# importing this module (which training does) stays cheap.

#: progress(stage, done, total), as in :mod:`foiclassify.training`: the CLI draws bars from it.
Progress = Callable[[str, int, int], None]

#: Names of the three systems every evaluation scores, in report order.
SYSTEMS: tuple[str, ...] = ("model", "keywords", "frequency")

_NCND_TRIO = ("s23(5)", "s24(2)", "s31(3)")

#: The keyword-rule baseline: a short, explicit dictionary of what a triage officer might grep for.
#: Each regular expression (matched case-insensitively) points to the labels it suggests. It is
#: deliberately naive: the model has to beat it to be worth its complexity.
KEYWORD_RULES: dict[str, tuple[str, ...]] = {
    r"\bsurveillance\b": _NCND_TRIO,
    r"\bcovert(?:ly)?\b": _NCND_TRIO,
    r"\b(?:informants?|chis)\b": _NCND_TRIO,
    r"\b(?:imsi|stingrays?)\b": _NCND_TRIO,
    r"\b(?:ripa|terrorism act|counter[- ]terror\w*)\b": _NCND_TRIO,
    r"\b(?:mi5|mi6|gchq|security service)\b": ("s23(5)", "s24(2)"),
    r"\bnames?\b": ("s40(2)",),
    r"\b(?:contact details|e-?mail addresses|home addresses?)\b": ("s40(2)",),
    r"\b(?:about me|my (?:own )?(?:file|records?|personal data|data))\b": ("s40(1)",),
    r"\bwhether\b[^.?!]{0,60}\b(?:investigated|arrested|disciplined|complained about)\b": ("s40(5)",),
    r"\b(?:contracts?|tenders?|bids?|pricing|hourly rates?|suppliers?)\b": ("s43(2)",),
    r"\b(?:all|every|any and all) (?:e-?mails?|correspondence|documents|records|letters)\b": ("s12",),
    r"\b(?:since (?:19|20)\d\d|each year|every year|broken down by)\b": ("s12",),
    r"\b(?:published|on your website|annual report)\b": ("s21",),
    r"\b(?:due to be published|will be published|forthcoming)\b": ("s22",),
    r"\b(?:legal advice|solicitors?|counsel|barristers?)\b": ("s42(1)",),
    r"\b(?:tactics|deploy(?:ed|ment)|equipment|firearms|cyber ?security)\b": ("s31(1)",),
    r"\b(?:investigation into|inquest)\b": ("s30(1)",),
    r"\b(?:honours?|royal)\b": ("s37",),
    r"\b(?:ministers?|submissions?)\b": ("s35",),
    r"\b(?:refuges?|safe houses?)\b": ("s38(1)",),
    r"\b(?:in confidence|confidential)\b": ("s41(1)",),
    r"\b(?:military|armed forces|defence)\b": ("s26(1)",),
    r"\b(?:foreign government|embass(?:y|ies))\b": ("s27(1)",),
    r"\b(?:tax records?|adoption)\b": ("s44(1)",),
    r"\b(?:free and frank|board minutes)\b": ("s36",),
    r"\b(?:again|fifth time|repeatedly)\b": ("s14",),
}

SYSTEM_DESCRIPTIONS = {
    "model": "the model bundle, with its own per-label thresholds and the NCND consistency rule",
    "keywords": "keyword rules (KEYWORD_RULES in foiclassify/evaluation.py): a label is suggested when one of "
    "its keywords occurs; score 1 - 0.5^hits",
    "frequency": "label frequency: every request scores each label with its prevalence in the model's training "
    "data; labels above 0.5 are suggested (usually none)",
}


@dataclass
class LabelMetrics:
    """One label's scores for one system.

    ``average_precision`` (area under the precision-recall curve) is ``None`` when the label has no
    positive example in the data; ``brier`` is the mean squared error of the label's scores.
    """

    support: int
    predicted: int
    precision: float
    recall: float
    f1: float
    average_precision: float | None
    brier: float


@dataclass
class SystemResult:
    """Every metric of one system (the model or a baseline) on the evaluation data.

    Attributes
    ----------
    name, description : str
    labels, sections : Scores
        Label-level and section-level scores (:func:`score`, :func:`score_sections`).
    per_label : dict of str to LabelMetrics
        Taxonomy order, every label.
    brier : float
        Mean Brier score over all labels and requests.
    ece : float
        Expected calibration error of all label scores (10 equal-width bins).
    macro_average_precision : float or None
        Mean average precision over labels with support.
    abstention_rate : float
        Share of requests with no suggestion at all.
    answered_precision : float
        Precision of the suggestions that were made (every suggested label of every answered request).
    answered_top1_precision : float
        Share of answered requests whose most probable suggestion is right.
    correct_abstentions : float
        Share of abstentions where the request really needed no exemption.
    ncnd_case_precision, ncnd_case_recall : float
        NCND as a yes/no decision per request (any NCND label suggested vs any NCND label true).
    scores, predictions : ndarray
        The raw score and 0/1 matrices (not serialised).
    """

    name: str
    description: str
    labels: Scores
    sections: Scores
    per_label: dict[str, LabelMetrics]
    brier: float
    ece: float
    macro_average_precision: float | None
    abstention_rate: float
    answered_precision: float
    answered_top1_precision: float
    correct_abstentions: float
    ncnd_case_precision: float
    ncnd_case_recall: float
    scores: np.ndarray = field(repr=False)
    predictions: np.ndarray = field(repr=False)

    def headline(self) -> dict[str, float | None]:
        """The numbers shown side by side for the model and the baselines, in display order."""
        lab, sec = self.labels, self.sections
        values: dict[str, float | None] = {
            "ncnd_recall": lab.ncnd_recall,
            "ncnd_precision": lab.ncnd_precision,
            "ncnd_case_recall": self.ncnd_case_recall,
            "ncnd_case_precision": self.ncnd_case_precision,
            "micro_f1": lab.micro_f1,
            "macro_f1": lab.macro_f1,
            "samples_f1": lab.samples_f1,
            "subset_accuracy": lab.subset_accuracy,
            "hamming_loss": lab.hamming_loss,
            "section_micro_f1": sec.micro_f1,
            "section_macro_f1": sec.macro_f1,
            "section_samples_f1": sec.samples_f1,
            "section_subset_accuracy": sec.subset_accuracy,
            "section_hamming_loss": sec.hamming_loss,
            "recall_at_3": lab.recall_at_3,
            "precision_at_1": lab.precision_at_1,
            "section_recall_at_3": sec.recall_at_3,
            "section_precision_at_1": sec.precision_at_1,
            "macro_average_precision": self.macro_average_precision,
            "brier": self.brier,
            "ece": self.ece,
            "abstention_rate": self.abstention_rate,
            "answered_precision": self.answered_precision,
            "answered_top1_precision": self.answered_top1_precision,
            "correct_abstentions": self.correct_abstentions,
        }
        return {k: None if v is None else float(v) for k, v in values.items()}

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (without the raw matrices)."""
        return {
            "name": self.name,
            "description": self.description,
            "headline": self.headline(),
            "labels": self.labels.as_dict(),
            "sections": self.sections.as_dict(),
            "per_label": {code: asdict(m) for code, m in self.per_label.items()},
        }


#: What each headline metric means, for tables and reports (lower is better for the last group).
METRIC_HELP: dict[str, str] = {
    "ncnd_recall": "NCND labels found (pooled over NCND labels)",
    "ncnd_precision": "NCND labels suggested that were right",
    "ncnd_case_recall": "NCND requests flagged as NCND",
    "ncnd_case_precision": "requests flagged NCND that were NCND",
    "micro_f1": "label micro-F1",
    "macro_f1": "label macro-F1",
    "samples_f1": "label F1 per request, averaged",
    "subset_accuracy": "requests with exactly the right labels",
    "hamming_loss": "share of wrong label decisions (lower is better)",
    "section_micro_f1": "section micro-F1 (s31(1) = s31(3))",
    "section_macro_f1": "section macro-F1",
    "section_samples_f1": "section F1 per request, averaged",
    "section_subset_accuracy": "requests with exactly the right sections",
    "section_hamming_loss": "share of wrong section decisions (lower is better)",
    "recall_at_3": "true labels among the 3 highest scores",
    "precision_at_1": "highest-scoring label is right",
    "section_recall_at_3": "true sections among the 3 highest scores",
    "section_precision_at_1": "highest-scoring section is right",
    "macro_average_precision": "mean area under the PR curves",
    "brier": "mean squared error of scores (lower is better)",
    "ece": "expected calibration error (lower is better)",
    "abstention_rate": "requests with no suggestion",
    "answered_precision": "precision of the suggestions made",
    "answered_top1_precision": "answered requests whose top suggestion is right",
    "correct_abstentions": "abstentions on requests needing no exemption",
}


@dataclass
class EvaluationResult:
    """The model and both baselines scored on one labelled dataset.

    Attributes
    ----------
    data, data_sha256 : str
        Where the evaluation data came from and the hash of its normalised records.
    rows : int
    model_id, model_path : str
    created_at : str
        UTC time of the evaluation (ISO 8601).
    codes : tuple of str
        Label order of every matrix (taxonomy order).
    systems : dict of str to SystemResult
        ``"model"``, ``"keywords"`` and ``"frequency"``.
    ids : list of str
        Request ids, row order of the matrices.
    truth : ndarray
        True 0/1 label matrix.
    notes : list of str
        Caveats found while evaluating (e.g. the model saw some of these requests in training).
    """

    data: str
    data_sha256: str
    rows: int
    model_id: str
    model_path: str
    created_at: str
    codes: tuple[str, ...]
    systems: dict[str, SystemResult]
    ids: list[str] = field(repr=False)
    truth: np.ndarray = field(repr=False)
    notes: list[str] = field(default_factory=list)

    @property
    def model(self) -> SystemResult:
        """The model's results."""
        return self.systems["model"]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (``metrics.json``)."""
        return {
            "data": self.data,
            "data_sha256": self.data_sha256,
            "rows": self.rows,
            "model_id": self.model_id,
            "model_path": self.model_path,
            "created_at": self.created_at,
            "notes": list(self.notes),
            "headline": {name: s.headline() for name, s in self.systems.items()},
            "systems": {name: s.as_dict() for name, s in self.systems.items()},
            "keyword_rules": {pattern: list(codes) for pattern, codes in KEYWORD_RULES.items()},
        }


# -- metric helpers (pure numpy / sklearn; tested on hand-made arrays) ------------------------------


def brier_scores(Y: np.ndarray, P: np.ndarray) -> np.ndarray:
    """Per-column Brier score: mean of ``(P - Y)**2`` over rows."""
    Y = np.asarray(Y, dtype=float)
    P = np.asarray(P, dtype=float)
    if not len(Y):
        return np.zeros(Y.shape[1] if Y.ndim == 2 else 0)
    return np.asarray(np.mean((P - Y) ** 2, axis=0))


def average_precisions(Y: np.ndarray, P: np.ndarray) -> list[float | None]:
    """Per-column average precision (area under the precision-recall curve); ``None`` without positives."""
    from sklearn.metrics import average_precision_score

    Y = np.asarray(Y).astype(int)
    P = np.asarray(P, dtype=float)
    out: list[float | None] = []
    for j in range(Y.shape[1]):
        out.append(float(average_precision_score(Y[:, j], P[:, j])) if Y[:, j].any() else None)
    return out


def calibration_bins(Y: np.ndarray, P: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    """Reliability table of all scores pooled: per equal-width bin, its count, mean score and observed rate.

    Empty bins are left out. Scores of exactly 1.0 fall in the last bin.
    """
    y = np.asarray(Y, dtype=float).ravel()
    p = np.asarray(P, dtype=float).ravel()
    which = np.minimum((p * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        mask = which == b
        if mask.any():
            out.append({"lower": b / bins, "upper": (b + 1) / bins, "count": int(mask.sum()),
                        "mean_score": float(p[mask].mean()), "observed": float(y[mask].mean())})
    return out


def expected_calibration_error(Y: np.ndarray, P: np.ndarray, bins: int = 10) -> float:
    """Count-weighted mean gap between mean score and observed rate over :func:`calibration_bins`."""
    table = calibration_bins(Y, P, bins)
    total = sum(b["count"] for b in table)
    if not total:
        return 0.0
    return float(sum(b["count"] * abs(b["mean_score"] - b["observed"]) for b in table) / total)


def abstention_metrics(Y: np.ndarray, pred: np.ndarray, P: np.ndarray) -> dict[str, float]:
    """Abstention rate and the precision of what was suggested.

    Returns ``abstention_rate`` (rows with no prediction), ``answered_precision`` (share of the
    predicted labels that are true, over answered rows), ``answered_top1_precision`` (answered rows
    whose highest-scoring *predicted* label is true) and ``correct_abstentions`` (abstained rows whose
    true label set is empty). Rates over an empty group are 0.
    """
    Y = np.asarray(Y).astype(bool)
    pred = np.asarray(pred).astype(bool)
    P = np.asarray(P, dtype=float)
    answered = pred.any(axis=1)
    n = len(Y)
    made = float(pred.sum())
    answered_precision = float((Y & pred).sum() / made) if made else 0.0
    if answered.any():
        masked = np.where(pred, P, -np.inf)
        top = np.argmax(masked, axis=1)
        top_right = Y[np.arange(n), top]
        top1 = float(top_right[answered].mean())
    else:
        top1 = 0.0
    abstained = ~answered
    correct = float((~Y[abstained].any(axis=1)).mean()) if abstained.any() else 0.0
    return {
        "abstention_rate": float(abstained.mean()) if n else 0.0,
        "answered_precision": answered_precision,
        "answered_top1_precision": top1,
        "correct_abstentions": correct,
    }


def ncnd_case_scores(Y: np.ndarray, pred: np.ndarray, codes: Sequence[str]) -> tuple[float, float]:
    """NCND as a per-request decision: ``(precision, recall)`` of "any NCND label" predicted vs true."""
    tax = load_taxonomy()
    cols = [j for j, c in enumerate(codes) if c in tax.codes and tax.label(c).ncnd]
    if not cols:
        return 0.0, 0.0
    truth = np.asarray(Y)[:, cols].astype(bool).any(axis=1)
    flagged = np.asarray(pred)[:, cols].astype(bool).any(axis=1)
    tp = float((truth & flagged).sum())
    return tp / max(float(flagged.sum()), 1.0), tp / max(float(truth.sum()), 1.0)


def error_matrix(Y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """False positives by true label: ``M[i, j]`` counts requests with true label ``i`` where label ``j``
    was predicted although it is not true (instead of ``i`` or alongside it).

    The extra last row counts false positives on requests with no true label at all.
    """
    Y = np.asarray(Y).astype(bool)
    pred = np.asarray(pred).astype(bool)
    fp = (pred & ~Y).astype(int)
    rows = Y.astype(int).T @ fp
    none = fp[~Y.any(axis=1)].sum(axis=0, keepdims=True)
    return np.vstack([rows, none])


def score_system(
    name: str, Y: np.ndarray, P: np.ndarray, pred: np.ndarray, codes: Sequence[str], description: str = ""
) -> SystemResult:
    """All metrics of one system from its scores ``P`` and 0/1 predictions ``pred`` against ``Y``."""
    codes = tuple(codes)
    Y = np.asarray(Y).astype(np.int8)
    P = np.asarray(P, dtype=float)
    pred = np.asarray(pred).astype(bool)
    labels = score(Y, pred, P, codes)
    sections = score_sections(Y, pred, P, codes)
    aps = average_precisions(Y, P)
    briers = brier_scores(Y, P)
    per_label = {
        code: LabelMetrics(
            support=labels.per_label[code].support,
            predicted=labels.per_label[code].predicted,
            precision=float(labels.per_label[code].precision),
            recall=float(labels.per_label[code].recall),
            f1=float(labels.per_label[code].f1),
            average_precision=aps[j],
            brier=float(briers[j]),
        )
        for j, code in enumerate(codes)
    }
    supported = [ap for ap in aps if ap is not None]
    case_p, case_r = ncnd_case_scores(Y, pred, codes)
    abst = abstention_metrics(Y, pred, P)
    return SystemResult(
        name=name,
        description=description or SYSTEM_DESCRIPTIONS.get(name, ""),
        labels=labels,
        sections=sections,
        per_label=per_label,
        brier=float(briers.mean()) if briers.size else 0.0,
        ece=expected_calibration_error(Y, P),
        macro_average_precision=float(np.mean(supported)) if supported else None,
        abstention_rate=abst["abstention_rate"],
        answered_precision=abst["answered_precision"],
        answered_top1_precision=abst["answered_top1_precision"],
        correct_abstentions=abst["correct_abstentions"],
        ncnd_case_precision=case_p,
        ncnd_case_recall=case_r,
        scores=P,
        predictions=pred,
    )


# -- baselines -----------------------------------------------------------------------------------


def keyword_baseline(texts: Sequence[str], codes: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Scores and predictions of the keyword-rule baseline (:data:`KEYWORD_RULES`).

    A label's score is ``1 - 0.5 ** hits`` where ``hits`` counts the rules pointing to it that match
    the text; it is suggested from one hit (score 0.5).
    """
    index = {c: j for j, c in enumerate(codes)}
    compiled = [(re.compile(pattern, re.IGNORECASE), targets) for pattern, targets in KEYWORD_RULES.items()]
    hits = np.zeros((len(texts), len(codes)))
    for i, text in enumerate(texts):
        for rx, targets in compiled:
            if rx.search(text):
                for code in targets:
                    if code in index:
                        hits[i, index[code]] += 1
    P = 1.0 - 0.5**hits
    return P, P >= 0.5


def frequency_baseline(prevalence: np.ndarray, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores and predictions of the label-frequency baseline: every row scores each label with its prevalence."""
    P = np.tile(np.asarray(prevalence, dtype=float), (rows, 1))
    return P, P >= 0.5


def training_prevalence(metadata: dict[str, Any], codes: Sequence[str]) -> np.ndarray | None:
    """Label prevalence in a bundle's training data (from ``metadata.json``), or ``None`` when not recorded."""
    data = metadata.get("training_data") or {}
    counts, rows = data.get("label_counts"), data.get("rows")
    if not isinstance(counts, dict) or not rows:
        return None
    return np.array([float(counts.get(c, 0)) / float(rows) for c in codes])


# -- evaluate ------------------------------------------------------------------------------------


def _as_model(model: Model | str | os.PathLike[str]) -> Model:
    from foiclassify.predict import Model, load_model

    return model if isinstance(model, Model) else load_model(Path(model))


def _as_dataset(data: Dataset | str | os.PathLike[str], text_field: str, labels_field: str,
                authority_field: str) -> Dataset:
    from foiclassify.data import Dataset, load_dataset

    if isinstance(data, Dataset):
        return data
    return load_dataset(Path(data), text_field=text_field, labels_field=labels_field, authority_field=authority_field)


def predict_dataset(model: Model, dataset: Dataset, *, batch_size: int = 100,
                    progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The model's label scores and suggestions (0/1, after thresholds and the NCND rule) for a dataset."""
    codes = model.labels
    index = {c: j for j, c in enumerate(codes)}
    P = np.zeros((len(dataset), len(codes)))
    pred = np.zeros((len(dataset), len(codes)), dtype=bool)
    for start in range(0, len(dataset), batch_size):
        stop = min(start + batch_size, len(dataset))
        suggestions = model.predict(dataset.texts[start:stop], dataset.authority_types[start:stop])
        for i, sug in enumerate(suggestions, start=start):
            P[i] = [sug.scores[c] for c in codes]
            for code in sug.labels:
                pred[i, index[code]] = True
        if progress:
            progress("predict", stop, len(dataset))
    return P, pred


def evaluate(
    model: Model | str | os.PathLike[str],
    data: Dataset | str | os.PathLike[str],
    *,
    report_dir: str | os.PathLike[str] | None = None,
    authority_field: str = "authority_type",
    text_field: str = "request",
    labels_field: str = "exemptions",
    overwrite: bool = False,
    progress: Progress | None = None,
) -> EvaluationResult:
    """Score a model bundle and two baselines on labelled data.

    Parameters
    ----------
    model : Model or path
        A loaded :class:`~foiclassify.predict.Model` or a bundle folder. Its own thresholds decide.
    data : Dataset or path
        Labelled requests (any format :func:`foiclassify.data.load_dataset` reads).
    report_dir : path, optional
        Also write the report there (see :func:`write_report`).
    authority_field, text_field, labels_field : str
        Columns of ``data``.
    overwrite : bool
        Replace an existing report folder.
    progress : callable, optional
        ``progress(stage, done, total)``.

    Returns
    -------
    EvaluationResult
        The model, the keyword-rule baseline and the label-frequency baseline, each with label- and
        section-level metrics, per-label precision/recall/F1/support/average precision/Brier, NCND
        headline, calibration and abstention figures.
    """
    if report_dir is not None:
        check_report_dir(Path(report_dir), overwrite)  # before the slow part, not after it
    dataset = _as_dataset(data, text_field, labels_field, authority_field)
    if progress:
        progress("load model", 0, 1)
    loaded = _as_model(model)
    if progress:
        progress("load model", 1, 1)
    codes = tuple(loaded.labels)
    if codes != load_taxonomy().codes:
        raise ModelError(f"{loaded.bundle.path}: label order differs from the taxonomy; retrain the model")
    Y = dataset.label_matrix()
    notes: list[str] = []
    P, pred = predict_dataset(loaded, dataset, progress=progress)
    systems = {"model": score_system("model", Y, P, pred, codes)}
    kP, kpred = keyword_baseline(dataset.texts, codes)
    systems["keywords"] = score_system("keywords", Y, kP, kpred, codes)
    prevalence = training_prevalence(loaded.bundle.metadata, codes)
    if prevalence is None:
        # Without the training counts the evaluation data's own prevalence is the only estimate; it
        # flatters the baseline slightly, so say so.
        prevalence = Y.mean(axis=0)
        notes.append("the bundle records no training label counts: the frequency baseline uses the evaluation "
                     "data's own prevalence")
    fP, fpred = frequency_baseline(prevalence, len(dataset))
    systems["frequency"] = score_system("frequency", Y, fP, fpred, codes)
    train_sha = (loaded.bundle.metadata.get("training_data") or {}).get("sha256")
    if train_sha and train_sha == dataset.sha256:
        notes.append("the evaluation data is the model's training data: these scores are optimistic")
    overlap = _training_overlap(loaded, dataset)
    if overlap:
        notes.append(f"{overlap} of {len(dataset)} evaluation requests also appear in the model's training data "
                     "(same id and text start): those scores are optimistic")
    result = EvaluationResult(
        data=str(dataset.source),
        data_sha256=dataset.sha256,
        rows=len(dataset),
        model_id=loaded.bundle_id,
        model_path=str(loaded.bundle.path),
        created_at=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        codes=codes,
        systems=systems,
        ids=list(dataset.ids),
        truth=Y,
        notes=notes,
    )
    if report_dir is not None:
        write_report(result, Path(report_dir), overwrite=overwrite, progress=progress)
    return result


def _training_overlap(model: Model, dataset: Dataset) -> int:
    """Evaluation rows whose id and text also appear among the bundle's precedents (its training rows)."""
    from foiclassify.artifacts import PRECEDENT_CHARS

    seen = {(str(p.get("id")), str(p.get("text", ""))) for p in model.bundle.precedents}
    return sum((rid, text[:PRECEDENT_CHARS]) in seen for rid, text in zip(dataset.ids, dataset.texts, strict=True))


# -- report --------------------------------------------------------------------------------------

#: Files written by :func:`write_report`.
REPORT_FILES = ("metrics.json", "report.md", "report.html", "per_label_f1.png", "reliability.png",
                "pr_curves.png", "error_matrix.png")

_COLOURS = {"model": "#1f5f8b", "keywords": "#e08a1e", "frequency": "#8c8c8c"}


def _figure(width: float, height: float, layout: Literal["constrained"] | None = "constrained") -> Any:
    # A bare Figure on the Agg canvas: no pyplot, so no global backend switch (safe in notebooks).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout=layout)
    FigureCanvasAgg(fig)
    return fig


def _shown_labels(result: EvaluationResult) -> list[str]:
    """Labels worth plotting: in the evaluation data, or suggested by some system."""
    return [c for c in result.codes if any(s.per_label[c].support or s.per_label[c].predicted
                                           for s in result.systems.values())]


def plot_per_label_f1(result: EvaluationResult, path: Path) -> None:
    """Grouped horizontal bars: per-label F1 of the model and both baselines."""
    codes = _shown_labels(result)
    fig = _figure(8, max(3.0, 0.42 * len(codes) + 1.2))
    ax = fig.add_subplot()
    height = 0.27
    y = np.arange(len(codes))
    for k, name in enumerate(SYSTEMS):
        system = result.systems[name]
        values = [system.per_label[c].f1 for c in codes]
        silent = " (suggests nothing: F1 0)" if not system.predictions.any() else ""
        ax.barh(y + (k - 1) * height, values, height, label=name + silent, color=_COLOURS[name])
    ax.set_yticks(y, [f"{c} (n={result.model.per_label[c].support})" for c in codes])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("F1 on the evaluation data")
    ax.set_title("Per-label F1: model vs keyword rules vs label frequency")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    fig.savefig(path, format="png")


def plot_reliability(result: EvaluationResult, path: Path) -> None:
    """Reliability diagram (all label scores pooled) with the count of scores per bin below."""
    fig = _figure(6.5, 6.5)
    top, bottom = fig.subplots(2, 1, height_ratios=[3, 1], sharex=True)
    top.plot([0, 1], [0, 1], linestyle="--", color="black", linewidth=1, label="perfectly calibrated")
    width = 0.1
    for k, name in enumerate(("model", "frequency")):
        table = calibration_bins(result.truth, result.systems[name].scores)
        xs = [b["mean_score"] for b in table]
        ys = [b["observed"] for b in table]
        ece = result.systems[name].ece
        top.plot(xs, ys, marker="o", color=_COLOURS[name], label=f"{name} (ECE {ece:.3f})")
        centres = [(b["lower"] + b["upper"]) / 2 for b in table]
        bottom.bar(np.array(centres) + (k - 0.5) * width / 2, [b["count"] for b in table], width / 2,
                   color=_COLOURS[name], label=name)
    top.set_xlim(0, 1)
    top.set_ylim(0, 1)
    top.set_ylabel("observed frequency of the label")
    top.set_title("Reliability: predicted probability vs observed frequency")
    top.legend(loc="upper left")
    top.grid(alpha=0.3)
    bottom.set_yscale("log")
    bottom.set_xlabel("predicted probability (bins of 0.1)")
    bottom.set_ylabel("scores")
    fig.savefig(path, format="png")


def plot_pr_curves(result: EvaluationResult, path: Path) -> None:
    """Small multiples: the model's precision-recall curve for every label present in the data,
    with the keyword baseline's operating point and the no-skill line (the label's prevalence)."""
    from sklearn.metrics import precision_recall_curve

    codes = [c for c in result.codes if result.model.per_label[c].support]
    cols = 5
    rows = max(1, -(-len(codes) // cols))
    # A fixed grid: constrained layout takes seconds on thirty small axes.
    height = 2.4 * rows + 1.0
    fig = _figure(2.6 * cols, height, layout=None)
    fig.subplots_adjust(left=0.04, right=0.99, bottom=0.4 / height, top=1 - 0.85 / height, wspace=0.25, hspace=0.45)
    axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False, sharex=True, sharey=True)).ravel()
    model, keywords = result.model, result.systems["keywords"]
    for ax, code in zip(axes, codes, strict=False):
        j = result.codes.index(code)
        y = result.truth[:, j]
        precision, recall, _ = precision_recall_curve(y, model.scores[:, j])
        ax.step(recall, precision, where="post", color=_COLOURS["model"], label="model")
        ax.axhline(float(y.mean()), color=_COLOURS["frequency"], linestyle=":", label="no skill")
        k = keywords.per_label[code]
        if k.predicted:
            ax.plot([k.recall], [k.precision], marker="s", color=_COLOURS["keywords"], linestyle="", label="keywords")
        m = model.per_label[code]
        ax.plot([m.recall], [m.precision], marker="o", color="black", linestyle="", markersize=4,
                label="threshold")
        ax.set_title(f"{code}  AP {m.average_precision or 0:.2f}  n={m.support}", fontsize=9)
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.05)
        ax.set_xticks([0, 0.5, 1])
        ax.set_yticks([0, 0.5, 1])
        ax.tick_params(labelsize=7, labelbottom=True)
        ax.grid(alpha=0.3)
    for ax in axes[len(codes):]:
        ax.set_visible(False)
    if codes:
        axes[0].legend(fontsize=6, loc="lower left")
    fig.suptitle("Precision (y) vs recall (x) per label; dot: the bundle's threshold")
    fig.savefig(path, format="png")


def plot_error_matrix(result: EvaluationResult, path: Path) -> None:
    """Heatmap of :func:`error_matrix` for the model, plus a column of missed labels."""
    M = error_matrix(result.truth, result.model.predictions)
    codes = list(result.codes)
    row_keep = [i for i, c in enumerate(codes) if result.model.per_label[c].support]
    col_keep = [j for j in range(len(codes)) if M[:, j].sum()]
    sub = M[[*row_keep, len(codes)]][:, col_keep] if col_keep else np.zeros((len(row_keep) + 1, 0), dtype=int)
    missed = [int(((result.truth[:, i] == 1) & ~result.model.predictions[:, i]).sum()) for i in row_keep]
    full = np.column_stack([sub, [*missed, 0]]) if len(row_keep) + 1 else sub
    row_names = [codes[i] for i in row_keep] + ["(no exemption)"]
    col_names = [codes[j] for j in col_keep] + ["missed"]
    fig = _figure(max(5.0, 0.5 * len(col_names) + 2.5), max(4.0, 0.38 * len(row_names) + 1.8))
    ax = fig.add_subplot()
    shown = np.ma.masked_equal(full.astype(float), 0)
    image = ax.imshow(shown, cmap="Reds", aspect="auto")
    for i in range(full.shape[0]):
        for j in range(full.shape[1]):
            if full[i, j]:
                ax.text(j, i, str(int(full[i, j])), ha="center", va="center", fontsize=7)
    ax.axvline(len(col_names) - 1.5, color="black", linewidth=1)
    ax.set_xticks(range(len(col_names)), col_names, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(row_names)), row_names, fontsize=8)
    ax.set_xlabel("label wrongly suggested (false positive) | true label missed")
    ax.set_ylabel("true label of the request")
    ax.set_title("Errors by true label: what the model suggested instead or alongside")
    fig.colorbar(image, ax=ax, shrink=0.6, label="requests")
    fig.savefig(path, format="png")


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _blocks(result: EvaluationResult) -> list[tuple[str, Any]]:
    """Report content as blocks rendered to both Markdown and HTML."""
    tax = load_taxonomy()
    model = result.model
    head = {name: s.headline() for name, s in result.systems.items()}
    blocks: list[tuple[str, Any]] = [
        ("h1", f"Evaluation of {result.model_id}"),
        ("p", f"Data: {result.data} ({result.rows} requests, SHA-256 {result.data_sha256[:16]}...). "
              f"Model: {result.model_path}. Evaluated {result.created_at}."),
        ("p", f"NCND headline: the model found {model.labels.ncnd_recall:.1%} of neither-confirm-nor-deny labels "
              f"(precision {model.labels.ncnd_precision:.1%}); keyword rules {head['keywords']['ncnd_recall']:.1%}; "
              f"label frequency {head['frequency']['ncnd_recall']:.1%}. It abstained on {model.abstention_rate:.1%} "
              f"of requests; {model.answered_precision:.1%} of the suggestions it made were right."),
    ]
    blocks += [("note", note) for note in result.notes]
    blocks.append(("h2", "Model vs baselines"))
    rows = [[key, METRIC_HELP[key], *(_fmt(head[name][key]) for name in SYSTEMS)] for key in head["model"]]
    blocks.append(("table", (["metric", "meaning", *SYSTEMS], rows)))
    blocks.append(("h2", "Per label (model)"))
    per_rows = []
    for code in result.codes:
        m = model.per_label[code]
        k, f = result.systems["keywords"].per_label[code], result.systems["frequency"].per_label[code]
        if not (m.support or m.predicted or k.predicted or f.predicted):
            continue
        per_rows.append([code, tax.label(code).title, "NCND" if tax.label(code).ncnd else "", str(m.support),
                         str(m.predicted), _fmt(m.precision), _fmt(m.recall), _fmt(m.f1), _fmt(m.average_precision),
                         _fmt(m.brier), _fmt(k.f1), _fmt(f.f1)])
    blocks.append(("table", (["label", "title", "NCND", "support", "suggested", "precision", "recall", "F1",
                              "AP", "Brier", "keywords F1", "frequency F1"], per_rows)))
    blocks.append(("h2", "Per-label F1"))
    blocks.append(("img", ("per_label_f1.png", "Per-label F1 of the model and both baselines")))
    blocks.append(("h2", "Calibration"))
    blocks.append(("p", "Points on the diagonal mean a score of 0.3 comes true 30% of the time. "
                        "The lower panel shows how many scores fall in each bin."))
    blocks.append(("img", ("reliability.png", "Reliability diagram")))
    blocks.append(("h2", "Precision-recall curves"))
    blocks.append(("img", ("pr_curves.png", "Per-label precision-recall curves")))
    blocks.append(("h2", "Errors by true label"))
    blocks.append(("p", "Each row is a true label; each cell counts requests carrying it where the model suggested "
                        "the column's label wrongly (instead or alongside). The last column counts misses; the last "
                        "row, false suggestions on requests that needed no exemption."))
    blocks.append(("img", ("error_matrix.png", "False positives by true label")))
    errors = []
    for i, rid in enumerate(result.ids):
        truth = [c for j, c in enumerate(result.codes) if result.truth[i, j]]
        predicted = [c for j, c in enumerate(result.codes) if model.predictions[i, j]]
        if set(truth) != set(predicted):
            errors.append([rid, ", ".join(truth) or "none", ", ".join(predicted) or "(abstained)"])
    blocks.append(("h2", f"Requests not answered exactly ({len(errors)} of {result.rows}; first 50)"))
    blocks.append(("table", (["id", "true labels", "model suggested"], errors[:50])))
    blocks.append(("h2", "Baselines"))
    blocks += [("p", f"{name}: {SYSTEM_DESCRIPTIONS[name]}.") for name in SYSTEMS]
    rules = [[f"`{pattern}`", ", ".join(codes)] for pattern, codes in KEYWORD_RULES.items()]
    blocks.append(("table", (["keyword rule (regular expression)", "labels"], rules)))
    return blocks


def _markdown(blocks: list[tuple[str, Any]]) -> str:
    out: list[str] = []
    for kind, content in blocks:
        if kind == "h1":
            out += [f"# {content}", ""]
        elif kind == "h2":
            out += [f"## {content}", ""]
        elif kind == "p":
            out += [content, ""]
        elif kind == "note":
            out += [f"> **Note:** {content}", ""]
        elif kind == "img":
            out += [f"![{content[1]}]({content[0]})", ""]
        elif kind == "table":
            headers, rows = content
            out.append("| " + " | ".join(headers) + " |")
            out.append("|" + "---|" * len(headers))
            out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out)


_CSS = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
th{background:#eef2f6}img{max-width:100%}.note{background:#fff4e0;border-left:4px solid #e08a1e;padding:0.5em}"""


def _html(blocks: list[tuple[str, Any]], folder: Path) -> str:
    title = next((c for k, c in blocks if k == "h1"), "Evaluation")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"]
    for kind, content in blocks:
        if kind in ("h1", "h2"):
            out.append(f"<{kind}>{html.escape(content)}</{kind}>")
        elif kind == "p":
            out.append(f"<p>{html.escape(content)}</p>")
        elif kind == "note":
            out.append(f'<p class="note"><strong>Note:</strong> {html.escape(content)}</p>')
        elif kind == "img":
            # Embedded, so the HTML file can be mailed or archived on its own.
            data = base64.b64encode((folder / content[0]).read_bytes()).decode("ascii")
            out.append(f'<p><img alt="{html.escape(content[1])}" src="data:image/png;base64,{data}"></p>')
        elif kind == "table":
            headers, rows = content
            out.append("<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in headers) + "</tr></thead>")
            out.append("<tbody>")
            for row in rows:
                cells = "".join(f"<td>{html.escape(str(c).strip('`'))}</td>" for c in row)
                out.append(f"<tr>{cells}</tr>")
            out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def check_report_dir(out: Path, overwrite: bool, kind: str = "report") -> None:
    """Refuse an existing output folder unless ``overwrite``, and never replace a folder that is not a report."""
    out = Path(out)
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputError(f"{out}: is a file; give a folder for the {kind}")
    if not overwrite:
        raise OutputError(f"{out}: already exists; choose another folder or pass --overwrite")
    # --overwrite replaces the whole folder, so only ever a folder that holds a previous report.
    if any(out.iterdir()) and not (out / "metrics.json").exists():
        raise OutputError(f"{out}: exists and is not a foiclassify report (no metrics.json); choose another folder")


def write_report(result: EvaluationResult, out_dir: str | os.PathLike[str], *, overwrite: bool = False,
                 progress: Progress | None = None) -> Path:
    """Write ``metrics.json``, ``report.md``, ``report.html`` and four PNG plots into ``out_dir``.

    The files are written into a temporary sibling folder and moved into place when complete, so a
    failure never leaves half a report nor damages a previous one. ``report.md`` links the PNGs
    (relative paths); ``report.html`` embeds them and stands alone.

    Parameters
    ----------
    result : EvaluationResult
    out_dir : path
        Folder to create.
    overwrite : bool
        Replace an existing report folder (refused for a folder that is not a report).

    Returns
    -------
    Path
        ``out_dir``.
    """
    out = Path(out_dir)
    check_report_dir(out, overwrite)
    parent = out.parent
    if not parent.exists():
        raise OutputError(f"{parent}: folder does not exist; create it first or choose another --report")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    try:
        plots: list[tuple[str, Callable[[EvaluationResult, Path], None]]] = [
            ("per_label_f1.png", plot_per_label_f1),
            ("reliability.png", plot_reliability),
            ("pr_curves.png", plot_pr_curves),
            ("error_matrix.png", plot_error_matrix),
        ]
        for k, (name, plot) in enumerate(plots, start=1):
            plot(result, tmp / name)
            if progress:
                progress("report", k, len(plots) + 1)
        (tmp / "metrics.json").write_text(json.dumps(result.as_dict(), indent=2, default=float), encoding="utf-8")
        blocks = _blocks(result)
        (tmp / "report.md").write_text(_markdown(blocks), encoding="utf-8")
        (tmp / "report.html").write_text(_html(blocks, tmp), encoding="utf-8")
        os.chmod(tmp, 0o755)
        replace_dir(tmp, out)
        if progress:
            progress("report", len(plots) + 1, len(plots) + 1)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


# -- compare and promote -------------------------------------------------------------------------

#: Entry of :func:`promotion_check`'s result when the pooled NCND recall dropped.
NCND_RECALL = "NCND recall"


class PromotionRefused(FoiClassifyError):
    """The new bundle is worse than the current one on some labels (see :func:`promotion_check`)."""

    exit_code = 1

    def __init__(self, message: str, blocking: list[str]) -> None:
        super().__init__(message)
        self.blocking = blocking


@dataclass
class LabelDelta:
    """One label's scores under the old and the new model (``delta = new - old``)."""

    support: int
    old_precision: float
    new_precision: float
    old_recall: float
    new_recall: float
    old_f1: float
    new_f1: float

    @property
    def delta_precision(self) -> float:
        """New minus old precision."""
        return self.new_precision - self.old_precision

    @property
    def delta_recall(self) -> float:
        """New minus old recall."""
        return self.new_recall - self.old_recall

    @property
    def delta_f1(self) -> float:
        """New minus old F1."""
        return self.new_f1 - self.old_f1


@dataclass
class ComparisonResult:
    """A new and an old model scored on the same data."""

    new_id: str
    old_id: str
    data: str
    rows: int
    per_label: dict[str, LabelDelta]
    old_ncnd_recall: float
    new_ncnd_recall: float
    old_ncnd_precision: float
    new_ncnd_precision: float
    old_headline: dict[str, float | None]
    new_headline: dict[str, float | None]
    section_f1_delta: PairedDelta
    new: EvaluationResult = field(repr=False)
    old: EvaluationResult = field(repr=False)

    @property
    def delta_ncnd_recall(self) -> float:
        """New minus old pooled NCND recall."""
        return self.new_ncnd_recall - self.old_ncnd_recall

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "new_id": self.new_id, "old_id": self.old_id, "data": self.data, "rows": self.rows,
            "old_ncnd_recall": self.old_ncnd_recall, "new_ncnd_recall": self.new_ncnd_recall,
            "section_micro_f1_delta": asdict(self.section_f1_delta),
            "per_label": {c: {**asdict(d), "delta_f1": d.delta_f1, "delta_precision": d.delta_precision,
                              "delta_recall": d.delta_recall} for c, d in self.per_label.items()},
        }


def compare(
    new: Model | str | os.PathLike[str],
    old: Model | str | os.PathLike[str],
    data: Dataset | str | os.PathLike[str],
    *,
    authority_field: str = "authority_type",
    progress: Progress | None = None,
) -> ComparisonResult:
    """Evaluate two models on the same data and report per-label changes.

    Returns
    -------
    ComparisonResult
        Per-label precision, recall and F1 of both models and their deltas, the pooled NCND recall
        and precision of both, and the paired bootstrap difference in section micro-F1 (how sure the
        data lets one be that the new model is better at all).
    """
    dataset = _as_dataset(data, "request", "exemptions", authority_field)

    def staged(prefix: str) -> Progress | None:
        if progress is None:
            return None
        report = progress
        return lambda stage, done, total: report(f"{prefix} {stage}", done, total)

    new_result = evaluate(new, dataset, progress=staged("new"))
    old_result = evaluate(old, dataset, progress=staged("old"))
    per_label = {}
    for code in new_result.codes:
        n, o = new_result.model.per_label[code], old_result.model.per_label[code]
        per_label[code] = LabelDelta(n.support, o.precision, n.precision, o.recall, n.recall, o.f1, n.f1)
    return ComparisonResult(
        new_id=new_result.model_id,
        old_id=old_result.model_id,
        data=str(dataset.source),
        rows=len(dataset),
        per_label=per_label,
        old_ncnd_recall=old_result.model.labels.ncnd_recall,
        new_ncnd_recall=new_result.model.labels.ncnd_recall,
        old_ncnd_precision=old_result.model.labels.ncnd_precision,
        new_ncnd_precision=new_result.model.labels.ncnd_precision,
        old_headline=old_result.model.headline(),
        new_headline=new_result.model.headline(),
        section_f1_delta=PairedDelta.of(
            new_result.truth, new_result.model.predictions, old_result.model.predictions, new_result.codes
        ),
        new=new_result,
        old=old_result,
    )


def promotion_check(comparison: ComparisonResult, min_support: int = 5, margin: float = 0.02) -> list[str]:
    """Labels that block promoting the new model.

    A label blocks when it has at least ``min_support`` examples in the comparison data and its F1
    drops by more than ``margin``. A drop of the pooled NCND recall, however small, blocks too: it
    is listed as :data:`NCND_RECALL` after the labels.

    Returns
    -------
    list of str
        Label codes in taxonomy order, then possibly :data:`NCND_RECALL`; empty when promotion is safe.
    """
    blocking = [
        code for code, d in comparison.per_label.items()
        if d.support >= min_support and d.delta_f1 < -margin - 1e-12
    ]
    if comparison.delta_ncnd_recall < -1e-12:
        blocking.append(NCND_RECALL)
    return blocking


def describe_blocking(comparison: ComparisonResult, blocking: list[str]) -> str:
    """One line naming each blocking label with its old and new F1 (and the NCND recall)."""
    parts = []
    for code in blocking:
        if code == NCND_RECALL:
            parts.append(f"{NCND_RECALL} {comparison.old_ncnd_recall:.2f} -> {comparison.new_ncnd_recall:.2f}")
        else:
            d = comparison.per_label[code]
            parts.append(f"{code} F1 {d.old_f1:.2f} -> {d.new_f1:.2f} (n={d.support})")
    return "; ".join(parts)


@dataclass
class PromotionResult:
    """What :func:`promote` did."""

    to: Path
    previous: Path | None
    new_id: str
    old_id: str | None
    forced: bool
    reason: str | None
    blocking: list[str]
    checked: bool
    comparison: ComparisonResult | None = field(default=None, repr=False)


def previous_path(to: Path) -> Path:
    """Where the replaced bundle is kept: ``previous`` beside ``to`` (``models/previous``)."""
    return Path(to).parent / "previous"


class _Lock:
    """Exclusive lock on a models folder, so two promotions or rollbacks never interleave.

    The lock is taken on the folder itself (``flock`` works on directories), so no lock file is left behind.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self) -> _Lock:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.folder, os.O_RDONLY)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise OutputError(f"{self.folder}: another promote or rollback is running; try again") from None
        return self

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def promote(
    new_bundle: str | os.PathLike[str],
    to: str | os.PathLike[str] = Path("models/default"),
    force_reason: str | None = None,
    data: Dataset | str | os.PathLike[str] | None = None,
    *,
    min_support: int = 5,
    margin: float = 0.02,
    progress: Progress | None = None,
) -> PromotionResult:
    """Make ``new_bundle`` the current model at ``to``, keeping the replaced one in ``previous``.

    When a model is already at ``to``, both are compared on ``data`` (:func:`compare`) and the
    promotion is refused with :class:`PromotionRefused` if :func:`promotion_check` finds blocking
    labels. ``force_reason`` promotes anyway (and skips the comparison when ``data`` is ``None``):
    the promoted copy's ``metadata.json`` then records ``{"promotion": {"forced": true, "reason",
    "at", "blocking", "checked", "replaced"}}`` and its ``SHA256SUMS`` is rewritten so it still verifies.

    The new bundle is copied to a temporary sibling of ``to`` and verified; an older ``previous`` is
    removed, then the copy and the current bundle are swapped (atomically on Linux) and the old one
    becomes ``previous``. ``new_bundle`` itself is never changed.

    Raises
    ------
    PromotionRefused
        The check failed and no ``force_reason`` was given (the message lists the labels).
    UsageError
        No ``data`` for a needed comparison without ``force_reason``; ``new_bundle`` is ``to``.
    ModelError
        A bundle that does not verify.
    """
    from foiclassify.artifacts import load_bundle, verify_bundle, write_checksums

    new_path, to = Path(new_bundle), Path(to)
    if force_reason is not None and not force_reason.strip():
        raise UsageError("--force needs a --reason saying why the checks are overridden")
    verify_bundle(new_path)
    if to.exists() and new_path.resolve() == to.resolve():
        raise UsageError(f"{new_path}: is already the current model at {to}")
    previous = previous_path(to)
    if new_path.resolve() == previous.resolve():
        raise UsageError(f"{new_path}: is the previous model; use 'foiclassify rollback' to bring it back")
    new_id = str(load_bundle_metadata(new_path).get("bundle_id", new_path.name))
    old_id: str | None = None
    comparison: ComparisonResult | None = None
    blocking: list[str] = []
    if to.exists():
        verify_bundle(to)
        old_id = str(load_bundle_metadata(to).get("bundle_id", to.name))
        if data is not None:
            comparison = compare(new_path, to, data, progress=progress)
            blocking = promotion_check(comparison, min_support, margin)
        elif force_reason is None:
            raise UsageError(f"--data DATA is required to compare {new_path} with the current model at {to} "
                             "(or pass --force --reason \"...\")")
    if blocking and force_reason is None:
        assert comparison is not None
        raise PromotionRefused(
            f"promotion of {new_path} refused: worse than {to} on {describe_blocking(comparison, blocking)}; "
            "improve the model or pass --force --reason \"...\"",
            blocking,
        )
    to.parent.mkdir(parents=True, exist_ok=True)
    with _Lock(to.parent):
        tmp = Path(tempfile.mkdtemp(prefix=f".{to.name}.promote-", dir=to.parent))
        try:
            shutil.copytree(new_path, tmp, dirs_exist_ok=True)
            if force_reason is not None:
                meta_path = tmp / "metadata.json"
                metadata = json.loads(meta_path.read_text(encoding="utf-8"))
                metadata["promotion"] = {
                    "forced": True,
                    "reason": force_reason.strip(),
                    "at": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
                    "blocking": blocking,
                    "checked": comparison is not None,
                    "replaced": old_id,
                }
                meta_path.write_text(json.dumps(metadata, indent=2, default=float), encoding="utf-8")
                write_checksums(tmp)
            load_bundle(tmp)  # the copy must load before it may replace anything
            os.chmod(tmp, 0o755)
            if to.exists():
                if previous.exists():
                    trash = previous.with_name(f".{previous.name}.old-{os.getpid()}")
                    os.replace(previous, trash)
                    shutil.rmtree(trash, ignore_errors=True)
                exchange_dirs(tmp, to)  # now ``to`` is the new bundle and ``tmp`` the old one
                os.replace(tmp, previous)
                kept: Path | None = previous
            else:
                os.replace(tmp, to)
                kept = None
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return PromotionResult(to, kept, new_id, old_id, force_reason is not None, force_reason, blocking,
                           comparison is not None, comparison)


def load_bundle_metadata(path: Path) -> dict[str, Any]:
    """A bundle's ``metadata.json`` (raises :class:`ModelError` when unreadable)."""
    try:
        data = json.loads((Path(path) / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable metadata.json ({exc}); retrain or restore the bundle") from None
    return data if isinstance(data, dict) else {}


@dataclass
class RollbackResult:
    """What :func:`rollback` did: ``current_id`` is now at ``to``, ``previous_id`` in ``previous``."""

    to: Path
    previous: Path
    current_id: str
    previous_id: str | None


def rollback(to: str | os.PathLike[str] = Path("models/default")) -> RollbackResult:
    """Swap the current model at ``to`` with the previous one (``models/previous``).

    The swap is atomic on Linux and reversible: the model rolled back from becomes ``previous``, so
    a second rollback restores it.

    Raises
    ------
    ModelError
        No previous bundle, or one that does not verify.
    """
    from foiclassify.artifacts import verify_bundle

    to = Path(to)
    previous = previous_path(to)
    if not previous.exists():
        raise ModelError(f"{previous}: no previous model to roll back to (it is kept by 'foiclassify promote')")
    verify_bundle(previous)
    with _Lock(to.parent):
        if to.exists():
            exchange_dirs(previous, to)
        else:
            os.replace(previous, to)
    current_id = str(load_bundle_metadata(to).get("bundle_id", to.name))
    previous_id = str(load_bundle_metadata(previous).get("bundle_id", previous.name)) if previous.exists() else None
    return RollbackResult(to, previous, current_id, previous_id)
