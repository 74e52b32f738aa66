"""Training: preprocess, cross-validate, calibrate, tune thresholds, fit the final model.

:func:`train` returns a :class:`TrainResult`; writing it to disk is :mod:`foiclassify.artifacts`'
job. Cross-validation keeps each source of the data (writer, office, file) in one fold when the data
says where rows came from, and is multi-label stratified otherwise (:func:`make_splits`); its
out-of-fold scores calibrate the heads and tune the thresholds, so no number the model reports about
itself was measured on rows it was fitted on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from foiclassify.evaluation import Scores, score, score_sections
from foiclassify.model import ExemptionClassifier, ModelConfig
from foiclassify.taxonomy import load_taxonomy
from foiclassify.thresholds import Thresholds, tune_thresholds

if TYPE_CHECKING:
    import pandas as pd

    from foiclassify.data import Dataset
    from foiclassify.preprocess import Processed

#: progress(stage, done, total): lets the CLI draw bars without the library printing anything.
Progress = Callable[[str, int, int], None]


class TrainConfig(BaseModel):
    """Everything that decides a training run (stored in the bundle as ``config.json``)."""

    model_config = ConfigDict(extra="forbid")

    model: ModelConfig = Field(default_factory=ModelConfig)
    folds: int = Field(5, ge=2, le=20)
    group_folds: bool = Field(
        True,
        description="keep each group of the data's group column (writer, office, file) in one fold, so calibration "
        "and thresholds are tuned on requests from sources the model never saw; needs at least `folds` groups",
    )
    min_support: int = Field(8, ge=1, description="labels with fewer positives use the global threshold")
    ncnd_beta: float = Field(
        2.0,
        gt=0,
        le=10,
        description="thresholds of neither-confirm-nor-deny labels maximise F-beta out-of-fold: a missed NCND case "
        "answered as an ordinary one reveals whether information is held, so recall counts beta times as much as "
        "precision; 1 tunes them for F1 like every other label",
    )
    n_jobs: int = Field(1, description="parallel folds (joblib); -1 uses every core")
    seed: int = 0
    learning_curve: tuple[float, ...] = Field((0.25, 0.5, 0.75), description="training-set shares to score")


@dataclass
class CVReport:
    """Cross-validated quality of a training run."""

    folds: int
    split: str  # how the folds were made, for the report and the model card
    label_scores: Scores
    section_scores: Scores
    fold_micro_f1: list[float]
    fold_section_micro_f1: list[float]
    brier: dict[str, float]
    learning_curve: list[dict[str, float]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Mean and spread of the headline numbers."""
        return {
            "folds": self.folds,
            "micro_f1": self.label_scores.micro_f1,
            "micro_f1_std": float(np.std(self.fold_micro_f1)),
            "macro_f1": self.label_scores.macro_f1,
            "section_micro_f1": self.section_scores.micro_f1,
            "section_micro_f1_std": float(np.std(self.fold_section_micro_f1)),
            "recall_at_3": self.section_scores.recall_at_3,
            "precision_at_1": self.section_scores.precision_at_1,
            "ncnd_precision": self.label_scores.ncnd_precision,
            "ncnd_recall": self.label_scores.ncnd_recall,
        }


@dataclass
class TrainResult:
    """A fitted model with its thresholds, cross-validation report and retrieval index."""

    model: ExemptionClassifier
    thresholds: Thresholds
    cv: CVReport
    config: TrainConfig
    dataset: Dataset
    index: Any  # sparse matrix: L2-normalised word TF-IDF of the training requests (precedents)


def preprocess_dataset(
    texts: list[str], cache_dir: Path | None = None, progress: Progress | None = None
) -> list[Processed]:
    """Preprocess texts, cached on disk with :class:`joblib.Memory` when ``cache_dir`` is given.

    The cache key includes :func:`foiclassify.preprocess.signature`, so results from an older
    ``rules.json`` or an older :class:`~foiclassify.preprocess.Processed` are never reused.
    """
    from foiclassify.preprocess import Preprocessor, signature

    def run(batch: list[str], version: str) -> list[Processed]:  # version: only part of the cache key
        return Preprocessor().process(batch)

    if cache_dir is not None:
        from joblib import Memory

        run = Memory(location=str(cache_dir), verbose=0).cache(run)
    key = signature()
    out: list[Processed] = []
    step = 500
    for start in range(0, len(texts), step):
        out.extend(run(texts[start : start + step], key))
        if progress:
            progress("preprocess", min(start + step, len(texts)), len(texts))
    return out


def _fold(config: ModelConfig, X: pd.DataFrame, Y: np.ndarray, train_idx: np.ndarray, test_idx: np.ndarray) -> dict:
    model = ExemptionClassifier(config).fit(X.iloc[train_idx].reset_index(drop=True), Y[train_idx])
    return model.scores_by_head(model.transform(X.iloc[test_idx].reset_index(drop=True)))


def make_splits(
    Y: np.ndarray, folds: int, seed: int, groups: list[str] | None = None
) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    """Cross-validation folds and a description of how they were made.

    With ``groups`` (at least ``folds`` distinct values) every group stays in one fold: requests
    written by one person, or exported from one office, share phrasing that a model scored on its
    own writer's requests would exploit, which makes out-of-fold scores (and the calibration and
    thresholds tuned on them) too confident for requests from anyone else. Otherwise the folds are
    multi-label stratified (iterative stratification), so rare labels appear in every fold.
    """
    if groups is not None and len(set(groups)) >= folds:
        from sklearn.model_selection import GroupKFold

        kfold = GroupKFold(n_splits=folds)
        splits = list(kfold.split(np.zeros(len(Y)), Y, groups=groups))
        return splits, f"grouped by source ({len(set(groups))} groups)"
    from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

    stratified = MultilabelStratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(stratified.split(np.zeros(len(Y)), Y)), "iterative stratified"


def out_of_fold_scores(
    config: ModelConfig,
    X: pd.DataFrame,
    Y: np.ndarray,
    splits: list[tuple[np.ndarray, np.ndarray]],
    n_jobs: int = 1,
    progress: Progress | None = None,
) -> dict[str, np.ndarray]:
    """Decision scores of every head for every row, each from a model that did not see the row."""
    from joblib import Parallel, delayed

    results = []
    # Parallel folds when asked; the generator lets progress advance as folds finish.
    parallel = Parallel(n_jobs=n_jobs, return_as="generator")
    for k, res in enumerate(parallel(delayed(_fold)(config, X, Y, tr, te) for tr, te in splits), start=1):
        results.append(res)
        if progress:
            progress("cross-validate", k, len(splits))
    oof: dict[str, np.ndarray] = {}
    for (_, test_idx), res in zip(splits, results, strict=True):
        for name, values in res.items():
            oof.setdefault(name, np.zeros(len(Y)))[test_idx] = values
    return oof


def oof_probabilities(model: ExemptionClassifier, oof: dict[str, np.ndarray]) -> np.ndarray:
    """Label probabilities from out-of-fold head scores, with the final model's calibration."""
    # A head absent from every fold scores a large negative number: never suggested out-of-fold.
    scores = np.column_stack([oof.get(h.name, np.full(len(next(iter(oof.values()))), -20.0)) for h in model.heads_])
    return model.combine(model.head_proba(scores))


def train(
    dataset: Dataset,
    config: TrainConfig | None = None,
    *,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> TrainResult:
    """Train a model on ``dataset``.

    Parameters
    ----------
    dataset : Dataset
        Validated labelled requests (:func:`foiclassify.data.load_dataset`).
    config : TrainConfig, optional
        Defaults to ``TrainConfig()``.
    cache_dir : Path, optional
        Cache preprocessed text here between runs.
    progress : callable, optional
        ``progress(stage, done, total)``.

    Returns
    -------
    TrainResult
    """
    from foiclassify.preprocess import to_frame

    config = config or TrainConfig()
    model_config = config.model.model_copy(update={"seed": config.seed})
    processed = preprocess_dataset(dataset.texts, cache_dir, progress)
    X = to_frame(processed, dataset.authority_types)
    Y = dataset.label_matrix()
    if len(dataset) < max(10, config.folds):
        from foiclassify.errors import ValidationError

        raise ValidationError(
            f"{dataset.source}: {len(dataset)} requests are too few to train with {config.folds}-fold "
            f"cross-validation; need at least {max(10, config.folds)}"
        )
    splits, split = make_splits(Y, config.folds, config.seed, dataset.groups if config.group_folds else None)
    oof = out_of_fold_scores(model_config, X, Y, splits, config.n_jobs, progress)
    model = ExemptionClassifier(model_config).fit(X, Y, calibration_scores=oof)
    if progress:
        progress("fit final model", 1, 1)
    P = oof_probabilities(model, oof)
    ncnd = {code for code in model.labels_ if load_taxonomy().label(code).ncnd}
    thresholds = tune_thresholds(Y, P, model.labels_, config.min_support, recall_weighted=ncnd, beta=config.ncnd_beta)
    cv = cross_validation_report(Y, P, thresholds, model.labels_, splits, split)
    if config.learning_curve:
        cv.learning_curve = learning_curve(model_config, X, Y, splits[0], thresholds, config.learning_curve, progress)
    return TrainResult(model, thresholds, cv, config, dataset, build_index(model, X))


def cross_validation_report(
    Y: np.ndarray,
    P: np.ndarray,
    thresholds: Thresholds,
    codes: tuple[str, ...],
    splits: list[tuple[np.ndarray, np.ndarray]],
    split: str,
) -> CVReport:
    """Scores of the out-of-fold predictions, overall and per fold, plus per-label Brier scores."""
    pred = thresholds.vector(codes) <= P
    fold_micro, fold_section = [], []
    for _, test_idx in splits:
        fold_micro.append(score(Y[test_idx], pred[test_idx], P[test_idx], codes).micro_f1)
        fold_section.append(score_sections(Y[test_idx], pred[test_idx], P[test_idx], codes).micro_f1)
    brier = {code: float(np.mean((P[:, j] - Y[:, j]) ** 2)) for j, code in enumerate(codes)}
    return CVReport(
        folds=len(splits),
        split=split,
        label_scores=score(Y, pred, P, codes),
        section_scores=score_sections(Y, pred, P, codes),
        fold_micro_f1=fold_micro,
        fold_section_micro_f1=fold_section,
        brier=brier,
    )


def learning_curve(
    config: ModelConfig,
    X: pd.DataFrame,
    Y: np.ndarray,
    split: tuple[np.ndarray, np.ndarray],
    thresholds: Thresholds,
    shares: tuple[float, ...],
    progress: Progress | None = None,
) -> list[dict[str, float]]:
    """Section micro-F1 on one held-out fold when training on growing shares of the rest.

    A curve still rising at the full share says more data would help.
    """
    train_idx, test_idx = split
    rng = np.random.default_rng(config.seed)
    order = rng.permutation(train_idx)
    points = []
    for k, share in enumerate([*shares, 1.0], start=1):
        part = np.sort(order[: max(int(len(order) * share), 10)])
        model = ExemptionClassifier(config).fit(X.iloc[part].reset_index(drop=True), Y[part])
        P = model.predict_proba(X.iloc[test_idx].reset_index(drop=True))
        pred = thresholds.vector(model.labels_) <= P
        s = score_sections(Y[test_idx], pred, P, model.labels_)
        points.append({"share": share, "rows": len(part), "section_micro_f1": s.micro_f1, "micro_f1":
                       score(Y[test_idx], pred, P, model.labels_).micro_f1})
        if progress:
            progress("learning curve", k, len(shares) + 1)
    return points


def build_index(model: ExemptionClassifier, X: pd.DataFrame) -> Any:
    """Retrieval index for precedents: L2-normalised word TF-IDF rows of the training requests."""
    from sklearn.preprocessing import normalize

    word = model.vectorizer_.named_transformers_["word"]
    return normalize(word.transform(X["text"])).astype(np.float32).tocsr()


def load_train_config(path: Path | None = None, *, seed: int | None = None, n_jobs: int | None = None) -> TrainConfig:
    """Read a training config JSON file (unknown keys are errors); apply command-line overrides."""
    from pydantic import ValidationError as PydanticError

    from foiclassify.errors import InputError, ValidationError

    raw: dict[str, Any] = {}
    if path is not None:
        import json

        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: config file not found") from None
        except ValueError as exc:
            raise InputError(f"{path}: not valid JSON ({exc})") from None
    try:
        config = TrainConfig.model_validate(raw)
    except PydanticError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValidationError(f"{path or 'config'}: {where}: {first['msg']}; see the README's config section") from None
    updates = {k: v for k, v in {"seed": seed, "n_jobs": n_jobs}.items() if v is not None}
    return config.model_copy(update=updates) if updates else config
