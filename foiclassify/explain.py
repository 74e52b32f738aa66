"""Why a label was (or was not) suggested: exact contributions, sentences, cues, model card.

Every head of the model is linear, so its decision score is exactly the sum of
``coefficient x feature value`` over the request's non-zero features plus the intercept.
:func:`explain` lists those contributions, attributes the text-bound ones to the sentences that
contain them (spaCy sentencizer), names the practice cues that matched, and shows how head scores
become the label's probability and how that compares with the label's threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from foiclassify.features import readable_feature_name
from foiclassify.model import NCND_HEAD
from foiclassify.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from foiclassify.predict import Model
    from foiclassify.thresholds import Thresholds


@dataclass(frozen=True)
class Contribution:
    """One feature's share of a head's decision score."""

    feature: str  # raw name, e.g. "word__covert"
    label: str  # readable name, e.g. '"covert"'
    value: float  # feature value in this request
    weight: float  # coefficient
    contribution: float  # value * weight


@dataclass
class HeadExplanation:
    """A head's exact decomposition: ``sum(contributions) + intercept == score``."""

    head: str
    score: float
    intercept: float
    probability: float
    platt: tuple[float, float]
    contributions: list[Contribution]

    def top(self, n: int = 8, positive: bool = True) -> list[Contribution]:
        """The ``n`` largest positive (or most negative) contributions."""
        items = sorted(self.contributions, key=lambda c: c.contribution, reverse=positive)
        return [c for c in items[:n] if (c.contribution > 0) == positive and c.contribution != 0]


@dataclass
class SentenceWeight:
    """A sentence and the sum of the text contributions attributed to it."""

    start: int
    end: int
    text: str
    weight: float


@dataclass
class LabelExplanation:
    """Why one label got its probability."""

    code: str
    title: str
    ncnd: bool
    probability: float
    threshold: float
    suggested: bool
    reason: str
    heads: list[HeadExplanation]
    sentences: list[SentenceWeight]
    cues: list[tuple[str, str, list[str]]]  # (cue id, description, phrases matched)


@dataclass
class Explanation:
    """Explanation of a whole suggestion."""

    text: str
    authority_type: str | None
    bundle_id: str
    labels: list[LabelExplanation]
    token_weights: list[tuple[int, int, float]] = field(default_factory=list)  # char span, weight


def _head_explanation(model: Any, j: int, x: Any) -> HeadExplanation:
    row = x.tocsr()
    idx = row.indices
    values = row.data
    weights = model.coef_[j, idx].astype(np.float64)
    contribs = [
        Contribution(str(model.feature_names_[i]), readable_feature_name(str(model.feature_names_[i])), float(v), float(w),
                     float(v * w))
        for i, v, w in zip(idx, values, weights, strict=True)
    ]
    intercept = float(model.intercept_[j])
    score = float(np.dot(values, weights) + intercept)
    a, b = (float(v) for v in model.calibration_[j])
    probability = float(1.0 / (1.0 + np.exp(-(a * score + b))))
    return HeadExplanation(model.heads_[j].name, score, intercept, probability, (a, b), contribs)


_WORD_RE = re.compile(r"\w[\w'’-]*", re.U)


def explain(model: Model, text: str, authority_type: str | None = None, label: str | None = None) -> Explanation:
    """Explain the suggestion for ``text``.

    Parameters
    ----------
    model : Model
        A loaded model.
    text : str
        The request.
    authority_type : str, optional
        Kind of authority answering.
    label : str, optional
        Explain only this label (any valid code); default: the suggested labels, or the three most
        probable when the model abstains.

    Returns
    -------
    Explanation
    """
    from foiclassify.preprocess import load_cues

    tax = load_taxonomy()
    clf = model.bundle.model
    doc = next(iter(model.preprocessor.pipe([text])))
    processed = model.preprocessor.process_doc(doc)
    X = model.frame([processed], [authority_type])
    x = clf.transform(X)
    suggestion = model.predict([text], [authority_type])[0]
    if label:
        targets = [tax.to_label(label)]
    else:
        targets = suggestion.labels or sorted(suggestion.scores, key=lambda c: -suggestion.scores[c])[:3]
    heads = {h.name: j for j, h in enumerate(clf.heads_)}
    cue_info = {c.id: c for c in load_cues()}
    sentences = [(s.start_char, s.end_char, s.text) for s in doc.sents]
    token_weight: dict[int, float] = {}
    out = []
    for code in targets:
        lab = tax.label(code)
        used = [j for name, j in heads.items() if code in clf.heads_[j].labels and name != NCND_HEAD]
        explained = [_head_explanation(clf, j, x) for j in used]
        if len(clf.heads_[used[0]].labels if used else ()) > 1 and NCND_HEAD in heads:
            explained.append(_head_explanation(clf, heads[NCND_HEAD], x))
        p = suggestion.scores[code]
        t = suggestion.thresholds[code]
        passed = code in suggestion.labels
        if passed and p < t:
            reason = f"suggested as the NCND form because another NCND label passed ({p:.2f} < {t:.2f} on its own)"
        elif passed:
            reason = f"probability {p:.2f} reached the threshold {t:.2f}"
        else:
            reason = f"probability {p:.2f} is below the threshold {t:.2f}"
        main = explained[0] if explained else None
        weights = _sentence_weights(doc, sentences, main) if main else []
        if main:
            for start, end, w in _token_weights(doc, main):
                token_weight[start] = token_weight.get(start, 0.0) + w
        matched = [
            (cid, cue_info[cid].description, phrases)
            for cid, phrases in processed.cues.items()
            if cid in cue_info
        ]
        out.append(LabelExplanation(code, lab.title, lab.ncnd, p, t, passed, reason, explained, weights, matched))
    spans = {t.idx: (t.idx, t.idx + len(t.text)) for t in doc}
    tokens = [(spans[s][0], spans[s][1], w) for s, w in sorted(token_weight.items())]
    return Explanation(text, authority_type, model.bundle_id, out, tokens)


def _text_contributions(head: HeadExplanation) -> dict[str, float]:
    return {c.feature: c.contribution for c in head.contributions if c.feature.startswith(("word__", "char__"))}


def _sentence_weights(doc: Any, sentences: list[tuple[int, int, str]], head: HeadExplanation) -> list[SentenceWeight]:
    """Attribute word and character n-gram contributions to sentences, in proportion to occurrences."""
    norm = [" ".join(t.norm_ for t in doc[s.start : s.end] if not t.is_punct) for s in doc.sents]
    weights = [0.0] * len(sentences)
    for feature, value in _text_contributions(head).items():
        group, _, gram = feature.partition("__")
        if group == "word":
            counts = [len(re.findall(rf"(?<!\S){re.escape(gram)}(?!\S)", n)) for n in norm]
        else:
            counts = [f" {n} ".count(gram) for n in norm]
        total = sum(counts)
        for i, c in enumerate(counts):
            if total:
                weights[i] += value * c / total
    return sorted(
        (SentenceWeight(s, e, t, round(w, 6)) for (s, e, t), w in zip(sentences, weights, strict=True)),
        key=lambda sw: -abs(sw.weight),
    )


def _token_weights(doc: Any, head: HeadExplanation) -> list[tuple[int, int, float]]:
    """Per-token weight for highlighting: its unigram contribution plus half of each bigram it is in."""
    contrib = {c.feature[6:]: c.contribution for c in head.contributions if c.feature.startswith("word__")}
    tokens = [t for t in doc if not t.is_punct and not t.is_space]
    occurrences: dict[str, int] = {}
    grams: list[tuple[str, list[int]]] = []
    for i, tok in enumerate(tokens):
        grams.append((tok.norm_, [i]))
        if i + 1 < len(tokens):
            grams.append((f"{tok.norm_} {tokens[i + 1].norm_}", [i, i + 1]))
    for gram, _ in grams:
        occurrences[gram] = occurrences.get(gram, 0) + 1
    weights = [0.0] * len(tokens)
    for gram, members in grams:
        if gram in contrib:
            share = contrib[gram] / occurrences[gram] / len(members)
            for m in members:
                weights[m] += share
    return [(t.idx, t.idx + len(t.text), w) for t, w in zip(tokens, weights, strict=True) if w]


def model_card(metadata: dict[str, Any], thresholds: Thresholds) -> str:
    """The bundle's ``MODEL_CARD.md``: intended use, limits, data, per-label performance."""
    tax = load_taxonomy()
    cv = metadata.get("cv", {})
    data = metadata.get("training_data", {})
    versions = metadata.get("versions", {})
    lines = [
        f"# Model card: {metadata['bundle_id']}",
        "",
        "## Intended use",
        "Triage support for UK public authorities answering requests under the Freedom of Information Act 2000:",
        "suggests which exemptions (and whether a neither-confirm-nor-deny reply) an officer should consider.",
        "It does not decide. Every suggestion needs an officer's judgement, the public-interest test where one",
        "applies, and the authority's own records of what it holds.",
        "",
        "## Limits",
        "- Trained on the requests named below; authorities whose practice differs will see different results.",
        "- Environmental information (EIR) and Scottish FOISA are out of scope.",
        "- Scores come from wording and request shape, not from what the authority holds; the cost limit (s12)",
        "  depends on record systems the model cannot see.",
        "- Probabilities are calibrated on cross-validation folds of the training data, not on live traffic.",
        "",
        "## Provenance",
        f"- created: {metadata.get('created_at')}",
        f"- training data: {data.get('source')} ({data.get('rows')} requests), SHA-256 `{data.get('sha256')}`",
        "- versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()),
        "",
        "## Cross-validated quality",
        f"- section micro-F1 {cv.get('section_micro_f1', 0):.3f} (± {cv.get('section_micro_f1_std', 0):.3f}),"
        f" label micro-F1 {cv.get('micro_f1', 0):.3f}, macro-F1 {cv.get('macro_f1', 0):.3f}",
        f"- recall@3 {cv.get('recall_at_3', 0):.3f}, precision@1 {cv.get('precision_at_1', 0):.3f},"
        f" NCND precision {cv.get('ncnd_precision', 0):.3f}, NCND recall {cv.get('ncnd_recall', 0):.3f}",
        "",
        "| label | title | support | precision | recall | F1 | threshold | source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    per_label = metadata.get("cv_per_label", {})
    for code in tax.codes:
        s = per_label.get(code, {})
        t = thresholds.labels.get(code)
        lines.append(
            f"| {code} | {tax.label(code).title} | {s.get('support', 0)} | {s.get('precision', 0):.2f} | "
            f"{s.get('recall', 0):.2f} | {s.get('f1', 0):.2f} | {t.threshold if t else thresholds.global_threshold:.2f} |"
            f" {t.source if t else 'global'} |"
        )
    return "\n".join(lines) + "\n"
