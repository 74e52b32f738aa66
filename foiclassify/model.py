"""The multi-label exemption classifier.

Structure (chosen by measurement, see the README's model section):

* one linear **head** per exemption *group*: a withholding label pooled with its neither-confirm-
  nor-deny sibling (``s31(1)`` + ``s31(3)`` learn "is this a law-enforcement case" together), and
  one head per label that has no sibling (``s12``, ``s40(1)`` ...);
* one linear **NCND head**, trained only on cases that carry a pairable exemption, deciding whether
  the authority would neither confirm nor deny;
* a label's probability is ``P(group) * P(NCND)`` for the NCND form and ``P(group) * (1 - P(NCND))``
  for the withholding form. Each head's probability is a Platt-scaled logistic score, so every
  number is a dot product an auditor can take apart (:mod:`foiclassify.explain`).

The estimator follows the scikit-learn contract (``fit`` returns ``self``; fitted state ends in
``_``; validation happens in ``fit``). Its state is plain arrays plus a scikit-learn vectorizer:
see :meth:`ExemptionClassifier.get_state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from foiclassify.errors import ValidationError
from foiclassify.features import FeatureConfig, build_vectorizer
from foiclassify.taxonomy import load_taxonomy

if TYPE_CHECKING:
    import pandas as pd
    import scipy.sparse as sp

NCND_HEAD = "ncnd"


class ModelConfig(BaseModel):
    """Hyper-parameters of :class:`ExemptionClassifier`."""

    model_config = ConfigDict(extra="forbid")

    features: FeatureConfig = Field(default_factory=FeatureConfig)
    C: float = Field(4.0, gt=0, description="inverse regularisation strength of every head")
    hierarchical: bool = Field(True, description="pool each withholding label with its NCND form")
    class_weight: str | None = Field("balanced", description="'balanced' or None")
    min_positives: int = Field(3, ge=1, description="heads with fewer positive examples are not trained")
    authority_dropout: float = Field(
        0.3, ge=0, le=1, description="share of training rows whose authority type is hidden"
    )
    cue_masking: float = Field(
        1.0,
        ge=0,
        le=1,
        description="share of training rows with masked cue words that are also learnt from a copy without them",
    )
    seed: int = 0


@dataclass(frozen=True)
class Head:
    """A linear scorer: which labels it feeds and how it was trained."""

    name: str
    labels: tuple[str, ...]
    positives: int


def _groups(hierarchical: bool) -> list[tuple[str, tuple[str, ...]]]:
    """Heads as (name, label codes) in taxonomy order."""
    tax = load_taxonomy()
    if not hierarchical:
        return [(code, (code,)) for code in tax.codes]
    groups: list[tuple[str, tuple[str, ...]]] = []
    for lab in tax.labels:
        if lab.ncnd:
            continue
        members = (lab.code, lab.ncnd_form) if lab.ncnd_form else (lab.code,)
        groups.append((lab.code, members))
    # An NCND label without a withholding label pointing at it still needs a head.
    covered = {c for _, members in groups for c in members}
    groups += [(lab.code, (lab.code,)) for lab in tax.labels if lab.code not in covered]
    return groups


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


class ExemptionClassifier:
    """Hierarchical multi-label classifier over the taxonomy's labels.

    Parameters
    ----------
    config : ModelConfig
        Hyper-parameters.

    Attributes
    ----------
    labels_ : tuple of str
        Label codes, taxonomy order (columns of :meth:`predict_proba`).
    heads_ : list of Head
        The trained heads; the last is the NCND head when ``config.hierarchical``.
    vectorizer_ : ColumnTransformer
        Fitted feature extractor.
    coef_ : ndarray of shape (n_heads, n_features)
    intercept_ : ndarray of shape (n_heads,)
    calibration_ : ndarray of shape (n_heads, 2)
        Platt parameters ``(a, b)``: ``p = sigmoid(a * score + b)``.
    feature_names_ : ndarray of str
    """

    def __init__(self, config: ModelConfig | None = None) -> None:
        self.config = config or ModelConfig()

    # -- training -------------------------------------------------------------------------------

    def fit(
        self, X: pd.DataFrame, Y: np.ndarray, calibration_scores: dict[str, np.ndarray] | None = None
    ) -> ExemptionClassifier:
        """Fit vectorizer and heads.

        Parameters
        ----------
        X : DataFrame
            Output of :func:`foiclassify.preprocess.to_frame`.
        Y : ndarray of shape (n_samples, n_labels)
            Binary label matrix in taxonomy order.
        calibration_scores : dict of str to ndarray, optional
            Out-of-fold decision scores per head name, used to fit Platt scaling. Without them the heads'
            in-sample scores are used, which is over-confident; :func:`foiclassify.training.train`
            always passes out-of-fold scores.

        Returns
        -------
        ExemptionClassifier
            ``self``.
        """
        tax = load_taxonomy()
        Y = np.asarray(Y)
        if Y.ndim != 2 or Y.shape[1] != len(tax):
            raise ValidationError(f"label matrix must have {len(tax)} columns (taxonomy order), got shape {Y.shape}")
        if len(X) != Y.shape[0]:
            raise ValidationError(f"{len(X)} requests but {Y.shape[0]} label rows")
        if len(X) < 10:
            raise ValidationError(f"need at least 10 labelled requests to train, got {len(X)}")
        n = len(X)
        X, Y_train = self._with_masked_copies(X, Y)
        X = self._dropout(X)
        self.vectorizer_ = build_vectorizer(self.config.features)
        matrix = self.vectorizer_.fit_transform(X).tocsr()
        for _, transformer, _ in self.vectorizer_.transformers_:
            # numpy ints in a vocabulary make skops write one array file per term (tens of thousands);
            # plain ints keep the bundle small and quick to load.
            if hasattr(transformer, "vocabulary_"):
                transformer.vocabulary_ = {term: int(i) for term, i in transformer.vocabulary_.items()}
        self.feature_names_ = np.asarray(self.vectorizer_.get_feature_names_out(), dtype=object)
        self.labels_ = tax.codes
        targets = self.head_targets(Y_train)
        heads, coefs, intercepts = [], [], []
        for (name, members), (y, rows) in zip(self._head_specs(), targets, strict=True):
            positives = int(y[rows].sum())
            if positives < self.config.min_positives or positives == rows.sum():
                continue
            coef, intercept = self._fit_head(matrix[rows], y[rows])
            heads.append(Head(name, members, positives))
            coefs.append(coef)
            intercepts.append(intercept)
        self.heads_ = heads
        self.coef_ = np.vstack(coefs).astype(np.float32)
        self.intercept_ = np.asarray(intercepts, dtype=np.float64)
        self.calibration_ = np.tile([1.0, 0.0], (len(heads), 1))
        scores = calibration_scores if calibration_scores is not None else self.scores_by_head(matrix[:n])
        self.fit_calibration(scores, Y)
        return self

    def _with_masked_copies(self, X: pd.DataFrame, Y: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        """The training rows, then copies of them without the words of masked cues.

        Written requests name their exemption's trigger words far more often than real ones: 93% of
        our s42 requests say "legal advice", none of the real s42 requests we measure on does. A copy
        with those words (and their cue features) removed makes each head also learn what else marks
        the case: the kind of record, who holds it, the shape of the request. The copies come after
        the originals, so ``matrix[:len(X)]`` is the original rows.
        """
        import pandas as pd

        from foiclassify.preprocess import MASKED_TEXT, masked_cue_ids

        rate = self.config.cue_masking
        if not rate or MASKED_TEXT not in X:
            return X.drop(columns=MASKED_TEXT, errors="ignore"), Y
        rng = np.random.default_rng(self.config.seed + 1)
        pick = (X[MASKED_TEXT] != X["text"]).to_numpy() & (rng.random(len(X)) < rate)
        copies = X.loc[pick].copy()
        copies["text"] = copies[MASKED_TEXT]
        copies[[f"cue:{cue_id}" for cue_id in sorted(masked_cue_ids())]] = 0.0
        out = pd.concat([X, copies], ignore_index=True).drop(columns=MASKED_TEXT)
        return out, np.vstack([Y, Y[pick]])

    def _dropout(self, X: pd.DataFrame) -> pd.DataFrame:
        rate = self.config.authority_dropout
        if not rate:
            return X
        rng = np.random.default_rng(self.config.seed)
        X = X.copy()
        X.loc[rng.random(len(X)) < rate, "authority"] = "unknown"
        return X

    def _head_specs(self) -> list[tuple[str, tuple[str, ...]]]:
        specs = _groups(self.config.hierarchical)
        if self.config.hierarchical:
            ncnd = tuple(lab.code for lab in load_taxonomy().labels if lab.ncnd)
            specs.append((NCND_HEAD, ncnd))
        return specs

    def head_targets(self, Y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per head: (binary target, boolean mask of training rows), in head-spec order."""
        tax = load_taxonomy()
        out = []
        pairable = np.zeros(len(Y), dtype=bool)
        for name, members in self._head_specs():
            cols = [tax.index(c) for c in members]
            y = Y[:, cols].max(axis=1).astype(np.int8)
            if name == NCND_HEAD:
                # P(NCND | a pairable exemption applies): trained only where one does.
                out.append((y, pairable.copy()))
                continue
            if len(members) > 1:
                pairable |= y.astype(bool)
            out.append((y, np.ones(len(Y), dtype=bool)))
        return out

    def _fit_head(self, matrix: sp.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, float]:
        from sklearn.linear_model import LogisticRegression

        clf = LogisticRegression(
            C=self.config.C,
            class_weight=self.config.class_weight,
            solver="liblinear",
            max_iter=2000,
            random_state=self.config.seed,
        )
        clf.fit(matrix, y)
        return clf.coef_[0], float(clf.intercept_[0])

    def fit_calibration(self, scores: dict[str, np.ndarray], Y: np.ndarray) -> ExemptionClassifier:
        """Fit Platt scaling per head on decision scores (head name -> scores of every sample).

        A head missing from ``scores`` (too few positives in every fold) keeps the identity map.
        """
        from sklearn.linear_model import LogisticRegression

        targets = {name: t for (name, _), t in zip(self._head_specs(), self.head_targets(Y), strict=True)}
        params = []
        for head in self.heads_:
            y, rows = targets[head.name]
            if head.name not in scores or len(set(y[rows])) < 2:
                params.append((1.0, 0.0))
                continue
            s = scores[head.name][rows].reshape(-1, 1)
            platt = LogisticRegression(C=1.0, solver="lbfgs").fit(s, y[rows])
            params.append((float(platt.coef_[0, 0]), float(platt.intercept_[0])))
        self.calibration_ = np.asarray(params, dtype=np.float64)
        return self

    # -- prediction ------------------------------------------------------------------------------

    def transform(self, X: pd.DataFrame) -> sp.csr_matrix:
        """Feature matrix for a frame from :func:`foiclassify.preprocess.to_frame`."""
        from foiclassify.preprocess import MASKED_TEXT

        return self.vectorizer_.transform(X.drop(columns=MASKED_TEXT, errors="ignore")).tocsr()

    def decision_function(self, matrix: sp.csr_matrix) -> np.ndarray:
        """Raw linear score of every head, shape (n_samples, n_heads)."""
        return np.asarray(matrix @ self.coef_.T.astype(np.float64)) + self.intercept_

    def scores_by_head(self, matrix: sp.csr_matrix) -> dict[str, np.ndarray]:
        """Decision scores keyed by head name (for out-of-fold calibration)."""
        scores = self.decision_function(matrix)
        return {head.name: scores[:, j] for j, head in enumerate(self.heads_)}

    def head_proba(self, scores: np.ndarray) -> np.ndarray:
        """Calibrated probability of every head from its decision scores."""
        return _sigmoid(scores * self.calibration_[:, 0] + self.calibration_[:, 1])

    def combine(self, head_p: np.ndarray) -> np.ndarray:
        """Label probabilities (n_samples, n_labels) from head probabilities."""
        tax = load_taxonomy()
        out = np.zeros((head_p.shape[0], len(tax)))
        names = [h.name for h in self.heads_]
        p_ncnd = head_p[:, names.index(NCND_HEAD)] if NCND_HEAD in names else None
        for j, head in enumerate(self.heads_):
            if head.name == NCND_HEAD:
                continue
            p = head_p[:, j]
            if len(head.labels) == 1 or p_ncnd is None:
                for code in head.labels:
                    idx = tax.index(code)
                    out[:, idx] = np.maximum(out[:, idx], p)
                continue
            withhold, ncnd = head.labels
            out[:, tax.index(withhold)] = np.maximum(out[:, tax.index(withhold)], p * (1 - p_ncnd))
            out[:, tax.index(ncnd)] = np.maximum(out[:, tax.index(ncnd)], p * p_ncnd)
        return out

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Probability of each label (columns: :attr:`labels_`)."""
        return self.combine(self.head_proba(self.decision_function(self.transform(X))))

    # -- persistence -----------------------------------------------------------------------------

    def get_state(self) -> dict[str, Any]:
        """Everything needed to rebuild the fitted model: builtins, numpy arrays, a sklearn vectorizer."""
        import copy

        # Vocabularies and feature names travel as string arrays, not as tens of thousands of
        # separate objects: skops reads one array at once (bundle load 0.15 s instead of 1.9 s).
        vectorizer = copy.deepcopy(self.vectorizer_)
        vocabularies = {}
        for name, step in vectorizer.named_transformers_.items():
            if hasattr(step, "vocabulary_"):
                vocabularies[name] = np.array(sorted(step.vocabulary_, key=step.vocabulary_.__getitem__), dtype=str)
                del step.vocabulary_
        return {
            "config": self.config.model_dump(mode="json"),
            "labels": list(self.labels_),
            "heads": [[h.name, list(h.labels), h.positives] for h in self.heads_],
            "vectorizer": vectorizer,
            "vocabularies": vocabularies,
            "coef": self.coef_,
            "intercept": self.intercept_,
            "calibration": self.calibration_,
            "feature_names": np.array([str(n) for n in self.feature_names_], dtype=str),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ExemptionClassifier:
        """Inverse of :meth:`get_state`."""
        model = cls(ModelConfig.model_validate(state["config"]))
        model.labels_ = tuple(state["labels"])
        model.heads_ = [Head(name, tuple(labels), int(pos)) for name, labels, pos in state["heads"]]
        model.vectorizer_ = state["vectorizer"]
        for name, terms in state["vocabularies"].items():
            model.vectorizer_.named_transformers_[name].vocabulary_ = {t: i for i, t in enumerate(terms.tolist())}
        model.coef_ = np.asarray(state["coef"], dtype=np.float32)
        model.intercept_ = np.asarray(state["intercept"], dtype=np.float64)
        model.calibration_ = np.asarray(state["calibration"], dtype=np.float64)
        model.feature_names_ = np.asarray(state["feature_names"], dtype=object)
        return model
