"""Why a label was (or was not) suggested: exact contributions, sentences, cues, model card.

Every head of the model is linear, so its decision score is exactly the sum of
``coefficient x feature value`` over the request's non-zero features plus the intercept.
:func:`explain` lists those contributions per head, shows how the heads' calibrated probabilities
combine into the label's probability (``P(group) x P(NCND)`` for a neither-confirm-nor-deny label,
``P(group) x (1 - P(NCND))`` for its withholding sibling, the head's own probability otherwise) and
how that compares with the label's threshold and the NCND consistency rule.

Word and character n-gram contributions, and practice-cue contributions, are tied to the words
they came from: each feature's contribution is split equally over its occurrences, and each
occurrence equally over the words it spans. A word's weight for a label is the sum over the heads
that set the label's probability of ``sign x a x share``, where ``a`` is the head's Platt slope and
``sign`` is -1 for the NCND head of a withholding label (a higher NCND probability lowers it). Word
and sentence weights are therefore in calibrated log-odds units, and positive means "pushes
towards the label".

:func:`render_html` turns an explanation into one self-contained page for auditors;
:func:`model_info` reads a bundle's model card.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from foiclassify.features import cross_cues, readable_feature_name
from foiclassify.model import NCND_HEAD
from foiclassify.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from foiclassify.model import ExemptionClassifier
    from foiclassify.predict import Model, Suggestion
    from foiclassify.thresholds import Thresholds

#: Feature-name prefixes whose contributions are tied to words of the request.
_TEXT_GROUPS = ("word__", "char__")
_CUE_PREFIX = "num__cue:"


def _on_words(feature: str) -> bool:
    """Whether a feature's contribution is placed on words of the request.

    Word and character n-grams land on the words they were counted from; a cue, and a product with
    a cue (``authority: police x cue: covert_tactic``), on the words that matched the cue. The rest
    (authority type, request shape) belongs to no word and is reported as "other".
    """
    return feature.startswith((*_TEXT_GROUPS, _CUE_PREFIX)) or bool(cross_cues(feature))


# -- data -----------------------------------------------------------------------------------------


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
    """A head's exact decomposition: ``sum(contributions) + intercept == score``.

    Attributes
    ----------
    head : str
        Head name: a group's withholding code (``"s31(1)"``), a label code, or ``"ncnd"``.
    role : str
        ``"group"`` (an exemption group feeding a withholding/NCND pair), ``"ncnd"`` (the
        neither-confirm-nor-deny head), ``"single"`` (a label's own head) or ``"alternative"``
        (another group that also feeds the label but gave a lower probability, so does not set it).
    sign : int
        +1 when a higher head probability raises the label's probability, -1 when it lowers it
        (the NCND head of a withholding label), 0 for an alternative head.
    score : float
        Decision score ``intercept + sum(contributions)``.
    intercept : float
    probability : float
        Calibrated probability ``sigmoid(a * score + b)``.
    platt : tuple of float
        Platt parameters ``(a, b)``.
    contributions : list of Contribution
        One per non-zero feature of the request.
    """

    head: str
    score: float
    intercept: float
    probability: float
    platt: tuple[float, float]
    contributions: list[Contribution]
    role: str = "single"
    sign: int = 1

    @property
    def logit(self) -> float:
        """Calibrated log-odds ``a * score + b``."""
        return self.platt[0] * self.score + self.platt[1]

    def effect(self, contribution: float) -> float:
        """A score contribution in the label's calibrated log-odds (``sign * a * contribution``)."""
        return self.sign * self.platt[0] * contribution

    def top(self, n: int = 8, positive: bool = True) -> list[Contribution]:
        """The ``n`` largest positive (or most negative) contributions to this head's score."""
        items = sorted(self.contributions, key=lambda c: c.contribution, reverse=positive)
        return [c for c in items[:n] if (c.contribution > 0) == positive and c.contribution != 0]


@dataclass(frozen=True)
class Effect:
    """A contribution seen from the label: which head it feeds and its effect on the label's log-odds."""

    head: str
    role: str
    feature: str
    label: str
    value: float
    weight: float
    contribution: float
    effect: float


@dataclass
class SentenceWeight:
    """A sentence and the sum of the word weights in it (label log-odds)."""

    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True)
class TokenWeight:
    """A word of the request (character span) and its weight for a label (label log-odds)."""

    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True)
class CueMatch:
    """A practice cue that matched the request.

    Attributes
    ----------
    id, description : str
        From ``rules.json``.
    phrases : list of str
        The phrases as written in the request.
    suggests : tuple of str
        Labels practice associates with the cue.
    points_to_label : bool
        The explained label is among ``suggests``.
    effect : float
        What the cue feature added to the label's log-odds through the model (0 when the model
        gave it no weight). Its products with the authority type or another cue are separate
        contributions (``authority: police x cue: ...``), listed with the others.
    """

    id: str
    description: str
    phrases: list[str]
    suggests: tuple[str, ...]
    points_to_label: bool
    effect: float


@dataclass
class LabelExplanation:
    """Why one label got its probability and its decision.

    Attributes
    ----------
    code, title : str
    ncnd : bool
        A neither-confirm-nor-deny label.
    probability, threshold : float
    suggested : bool
        In the suggestion (after the NCND consistency rule).
    status : str
        ``"suggested"``, ``"added_as_ncnd_form"`` (its withholding sibling passed while another NCND
        label was suggested), ``"replaced_by_ncnd_form"`` (passed, but the reply must neither confirm
        nor deny), ``"below_threshold"`` or ``"no_head"`` (the model never learned this label).
    reason : str
        One line: the decision and the numbers behind it.
    summary : str
        Plain-language account of how the head probabilities combine into the label's probability
        and why it passed or not.
    formula : str
        The combination with numbers, e.g. ``P(group s31(1)) x P(NCND) = 0.90 x 0.70 = 0.63``.
    heads : list of HeadExplanation
        The heads that set the probability first, then alternatives.
    sentences : list of SentenceWeight
        Every sentence, heaviest (by absolute weight) first.
    cues : list of CueMatch
        Matched practice cues, those pointing to this label first.
    tokens : list of TokenWeight
        Words with a non-zero weight, in text order.
    word_effect : float
        Sum of the word weights: the part of the label's log-odds tied to words.
    other_effect : float
        The part from features not tied to words (authority type, request shape).
    unattributed : float
        Word-level contributions that could not be placed on a word (0 unless preprocessing and
        this module disagree; kept so that nothing is silently dropped).
    """

    code: str
    title: str
    ncnd: bool
    probability: float
    threshold: float
    suggested: bool
    reason: str
    heads: list[HeadExplanation]
    sentences: list[SentenceWeight]
    cues: list[CueMatch]
    status: str = "below_threshold"
    summary: str = ""
    formula: str = ""
    tokens: list[TokenWeight] = field(default_factory=list)
    word_effect: float = 0.0
    other_effect: float = 0.0
    unattributed: float = 0.0

    def effects(self) -> list[Effect]:
        """Every contribution of the heads that set the probability, as effects on the label."""
        return [
            Effect(h.head, h.role, c.feature, c.label, c.value, c.weight, c.contribution, h.effect(c.contribution))
            for h in self.heads
            if h.sign
            for c in h.contributions
        ]

    def top_effects(self, n: int = 8, positive: bool = True) -> list[Effect]:
        """The ``n`` contributions that push hardest towards (or against) the label."""
        items = [e for e in self.effects() if (e.effect > 0 if positive else e.effect < 0)]
        return sorted(items, key=lambda e: -abs(e.effect))[:n]


@dataclass
class Explanation:
    """Explanation of a whole suggestion.

    Attributes
    ----------
    text : str
        The request as given.
    analysed_chars : int
        Characters read by the model (the text is cut at ``MAX_CHARS``); token and sentence spans
        index into ``text[:analysed_chars]``.
    authority_type : str or None
    bundle_id, model_checksum : str
    suggestion : Suggestion
        The suggestion exactly as ``foiclassify suggest`` makes it.
    labels : list of LabelExplanation
        The explained labels: the one asked for, else the suggested ones, else the three most
        probable when the model abstains.
    """

    text: str
    authority_type: str | None
    bundle_id: str
    labels: list[LabelExplanation]
    suggestion: Suggestion | None = None
    model_checksum: str = ""
    analysed_chars: int = 0

    @property
    def truncated(self) -> bool:
        """The request was longer than the model reads."""
        return self.analysed_chars < len(self.text)


# -- computing ------------------------------------------------------------------------------------


def _head_explanation(model: ExemptionClassifier, j: int, x: Any) -> HeadExplanation:
    """Decompose head ``j``'s score for the single-row feature matrix ``x``."""
    row = x.tocsr()
    idx = row.indices
    values = row.data.astype(np.float64)
    # The same float64 coefficients that ExemptionClassifier.decision_function multiplies with.
    weights = model.coef_[j, idx].astype(np.float64)
    names = model.feature_names_
    contribs = [
        Contribution(str(names[i]), readable_feature_name(str(names[i])), float(v), float(w), float(v * w))
        for i, v, w in zip(idx, values, weights, strict=True)
    ]
    intercept = float(model.intercept_[j])
    score = float(np.dot(values, weights) + intercept)
    a, b = (float(v) for v in model.calibration_[j])
    # head_proba clips the log-odds exactly as prediction does (no overflow on extreme scores).
    scores = np.zeros(len(model.heads_))
    scores[j] = score
    probability = float(model.head_proba(scores[None, :])[0, j])
    return HeadExplanation(model.heads_[j].name, score, intercept, probability, (a, b), contribs)


@dataclass
class _Path:
    """One way a label gets its probability: a group (or single) head, optionally times the NCND head."""

    head: HeadExplanation
    ncnd: HeadExplanation | None
    factor: float  # P(NCND), 1 - P(NCND), or 1 when the label has no NCND factor
    probability: float
    shared: bool = False  # the head feeds a withholding label and its NCND form


def _paths(code: str, heads: list[HeadExplanation], clf: ExemptionClassifier) -> list[_Path]:
    """Every head that feeds ``code``, mirroring :meth:`ExemptionClassifier.combine`."""
    ncnd_label = load_taxonomy().label(code).ncnd
    ncnd_head = next((h for h in heads if h.head == NCND_HEAD), None)
    out = []
    for h, spec in zip(heads, clf.heads_, strict=True):
        if spec.name == NCND_HEAD or code not in spec.labels:
            continue
        if len(spec.labels) == 1 or ncnd_head is None:
            out.append(_Path(h, None, 1.0, h.probability, len(spec.labels) > 1))
            continue
        factor = ncnd_head.probability if ncnd_label else 1.0 - ncnd_head.probability
        out.append(_Path(h, ncnd_head, factor, h.probability * factor, True))
    return out


def _ngram_occurrences(clf: ExemptionClassifier, units: list[tuple[int, str]]) -> dict[str, list[tuple[int, ...]]]:
    """Feature name -> its occurrences in the request, each as the token indices it spans.

    Uses the fitted vectorizers' own preprocessor, tokenizer and analyzer, so the n-grams are the
    ones the model counted. Word tokens never cross the spaces between model words, and
    ``char_wb`` n-grams never leave a word, so every n-gram maps to the spaCy tokens it came from.
    """
    named = clf.vectorizer_.named_transformers_
    out: dict[str, list[tuple[int, ...]]] = {}
    word = named.get("word")
    if word is not None:
        pre, tokenize = word.build_preprocessor(), word.build_tokenizer()
        # Stop words are dropped before n-grams are formed, so a bigram can join the words around one.
        stop = word.get_stop_words() or ()
        seq = [(tok, i) for i, w in units for tok in tokenize(pre(w)) if tok not in stop]
        lo, hi = word.ngram_range
        for n in range(lo, hi + 1):
            for k in range(len(seq) - n + 1):
                gram = " ".join(t for t, _ in seq[k : k + n])
                owners = tuple(dict.fromkeys(i for _, i in seq[k : k + n]))
                out.setdefault(f"word__{gram}", []).append(owners)
    char = named.get("char")
    if char is not None:
        analyze = char.build_analyzer()
        for i, w in units:
            for gram in analyze(w):
                out.setdefault(f"char__{gram}", []).append((i,))
    return out


def _cue_occurrences(doc: Doc, cues: dict[str, list[str]]) -> dict[str, list[tuple[int, ...]]]:
    """Cue id -> token spans of its matched phrases.

    The preprocessor records each match as the text of its tokens; a token-aligned search for that
    text finds the same spans (equal text means equal normalised tokens, so the matcher matched
    every one of them).
    """
    starts = {t.idx: t.i for t in doc}
    ends = {t.idx + len(t.text): t.i for t in doc}
    out: dict[str, list[tuple[int, ...]]] = {}
    for cue_id, phrases in cues.items():
        spans: list[tuple[int, ...]] = []
        for phrase in dict.fromkeys(phrases):
            pos = doc.text.find(phrase)
            while pos >= 0:
                end = pos + len(phrase)
                if pos in starts and end in ends:
                    spans.append(tuple(range(starts[pos], ends[end] + 1)))
                pos = doc.text.find(phrase, pos + 1)
        out[cue_id] = spans
    return out


def _attribute(
    head: HeadExplanation, occurrences: dict[str, list[tuple[int, ...]]], cue_spans: dict[str, list[tuple[int, ...]]]
) -> tuple[dict[int, float], float]:
    """Token index -> share of the head's word, character and cue contributions; plus what found no word."""
    weights: dict[int, float] = {}
    missing = 0.0
    for c in head.contributions:
        if c.feature.startswith(_TEXT_GROUPS):
            occ = occurrences.get(c.feature, [])
        elif c.feature.startswith(_CUE_PREFIX):
            occ = cue_spans.get(c.feature[len(_CUE_PREFIX) :], [])
        elif cues := cross_cues(c.feature):
            occ = [span for cue in cues for span in cue_spans.get(cue, [])]
        else:
            continue
        if not occ:
            missing += c.contribution
            continue
        share = c.contribution / len(occ)
        for owners in occ:
            for i in owners:
                weights[i] = weights.get(i, 0.0) + share / len(owners)
    return weights, missing


def _fmt(p: float, other: float) -> str:
    """``p`` with enough decimals (3 to 6) that it visibly differs from ``other`` when it does."""
    for d in (3, 4, 5):
        if round(p, d) != round(other, d):
            return f"{p:.{d}f}"
    return f"{p:.6f}"


def _group_name(code: str) -> str:
    sec = load_taxonomy().section(code)
    return f"section {sec.number} ({sec.title})"


def _path_formula(path: _Path, ncnd_label: bool, numbers: bool) -> str:
    g, n = path.head, path.ncnd
    if n is None:
        return f"P(head {g.head})" + (f" = {g.probability:.3f}" if numbers else "")
    if ncnd_label:
        text = f"P(group {g.head}) × P(NCND)"
        values = f"{g.probability:.3f} × {n.probability:.3f}"
    else:
        text = f"P(group {g.head}) × (1 − P(NCND))"
        values = f"{g.probability:.3f} × (1 − {n.probability:.3f})"
    return f"{text} = {values} = {path.probability:.3f}" if numbers else text


def _combination(code: str, paths: list[_Path], active: _Path | None) -> tuple[str, str]:
    """(formula, plain-language account) of how the heads make the label's probability."""
    lab = load_taxonomy().label(code)
    if active is None:
        return (
            f"P({code}) = 0 (no head)",
            f"The model has no head for {code}: it had too few training examples of it, so it never suggests it.",
        )
    if len(paths) == 1:
        formula = f"P({code}) = {_path_formula(active, lab.ncnd, True)}"
    else:
        terms = ", ".join(_path_formula(p, lab.ncnd, False) for p in paths)
        values = ", ".join(f"{p.probability:.3f}" for p in paths)
        formula = f"P({code}) = max({terms}) = max({values}) = {active.probability:.3f}"
    if active.ncnd is None and not active.shared:
        text = (
            f"{code} has a head of its own; its probability is that head's calibrated probability, "
            f"{active.probability:.3f}."
        )
    elif active.ncnd is None:
        text = (
            f"{code} shares the head {active.head.head} with its sibling and the model has no NCND head, "
            f"so its probability is the group's, {active.probability:.3f}."
        )
    elif lab.ncnd:
        text = (
            f"{code} is the neither-confirm-nor-deny form. Its probability is the chance that a "
            f"{_group_name(code)} exemption applies at all (head {active.head.head}: "
            f"{active.head.probability:.3f}) times the chance that the authority would neither confirm nor "
            f"deny (NCND head: {active.ncnd.probability:.3f}): {active.probability:.3f}."
        )
    else:
        text = (
            f"{code} is the withholding form. Its probability is the chance that a {_group_name(code)} "
            f"exemption applies at all (head {active.head.head}: {active.head.probability:.3f}) times the "
            f"chance that the authority would not neither-confirm-nor-deny (1 − NCND head "
            f"{active.ncnd.probability:.3f} = {active.factor:.3f}): {active.probability:.3f}."
        )
    others = [p for p in paths if p is not active]
    if others:
        alt = "; ".join(f"via {p.head.head}: {p.probability:.3f}" for p in others)
        text += f" Other groups also feed {code}; the model takes the largest, so they do not count here ({alt})."
    return formula, text


def _decision(
    code: str,
    p: float,
    t: float,
    suggested: list[str],
    passed: list[str],
    probs: dict[str, float],
    thresholds: dict[str, float],
    has_head: bool,
) -> tuple[str, str]:
    """(status, reason) of one label, following :func:`foiclassify.predict.decide`."""
    tax = load_taxonomy()
    lab = tax.label(code)
    ncnd_passed = [c for c in passed if tax.label(c).ncnd]
    if code in suggested and code in passed:
        return "suggested", f"suggested: probability {_fmt(p, t)} reached the threshold {t:.2f}"
    if code in suggested:
        siblings = [c for c in passed if tax.label(c).ncnd_form == code]
        because = ", ".join(f"{s} passed ({_fmt(probs[s], thresholds[s])} ≥ {thresholds[s]:.2f})" for s in siblings)
        return "added_as_ncnd_form", (
            f"suggested as the neither-confirm-nor-deny form of {', '.join(siblings) or 'its sibling'}: {because}, "
            f"and {', '.join(ncnd_passed)} means the reply neither confirms nor denies "
            f"(on its own {_fmt(p, t)} < {t:.2f})"
        )
    if not has_head:
        return "no_head", (
            f"not suggested: the model has no head for {code} (too few training examples), so its probability is 0"
        )
    if code in passed and lab.ncnd_form and ncnd_passed:
        others = [c for c in ncnd_passed if c != lab.ncnd_form] or ncnd_passed
        return "replaced_by_ncnd_form", (
            f"not suggested: probability {_fmt(p, t)} reached the threshold {t:.2f}, but it is replaced by its "
            f"neither-confirm-nor-deny form {lab.ncnd_form} because {', '.join(others)} was suggested"
        )
    return "below_threshold", f"not suggested: probability {_fmt(p, t)} is below the threshold {t:.2f}"


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
        Explain only this label (any valid code; a section code means its usual label); default:
        the suggested labels, or the three most probable when the model abstains.

    Returns
    -------
    Explanation

    Raises
    ------
    InputError
        Empty text or unknown authority type.
    UnknownLabelError
        ``label`` is not in the taxonomy.
    """
    from foiclassify.errors import InputError
    from foiclassify.preprocess import MAX_CHARS, load_cues, model_words

    if not isinstance(text, str) or not text.strip():
        raise InputError("the request text is empty; give the text of the request")
    tax = load_taxonomy()
    wanted = tax.to_label(label) if label else None
    clf = model.bundle.model
    # The suggestion itself comes from the same code path as 'foiclassify suggest'.
    suggestion = model.predict([text], [authority_type])[0]
    doc = next(iter(model.preprocessor.pipe([text], sentences=True)))
    processed = model.preprocessor.process_doc(doc)
    x = clf.transform(model.frame([processed], [authority_type]))
    base = [_head_explanation(clf, j, x) for j in range(len(clf.heads_))]
    codes = tuple(clf.labels_)
    P = clf.combine(np.array([[h.probability for h in base]]))[0]
    probs = {c: float(P[j]) for j, c in enumerate(codes)}
    thresholds = dict(suggestion.thresholds)
    passed = [c for c in codes if probs[c] >= thresholds[c]]
    targets = [wanted] if wanted else suggestion.labels or sorted(codes, key=lambda c: -probs[c])[:3]

    occurrences = _ngram_occurrences(clf, model_words(doc))
    cue_spans = _cue_occurrences(doc, processed.cues)
    cue_info = {c.id: c for c in load_cues()}
    sentences = list(doc.sents)
    out = []
    for code in targets:
        lab = tax.label(code)
        paths = _paths(code, base, clf)
        active = max(paths, key=lambda p: p.probability) if paths else None
        heads: list[HeadExplanation] = []
        if active is not None:
            grouped = active.shared or len(paths) > 1
            heads.append(replace(active.head, role="group" if grouped else "single", sign=1))
            if active.ncnd is not None:
                heads.append(replace(active.ncnd, role="ncnd", sign=1 if lab.ncnd else -1))
        heads += [replace(p.head, role="alternative", sign=0) for p in paths if p is not active]
        tokens: dict[int, float] = {}
        unattributed = other = 0.0
        for h in heads:
            if not h.sign:
                continue
            weights, missing = _attribute(h, occurrences, cue_spans)
            for i, w in weights.items():
                tokens[i] = tokens.get(i, 0.0) + h.effect(w)
            unattributed += h.effect(missing)
            other += sum(h.effect(c.contribution) for c in h.contributions if not _on_words(c.feature))
        sent_weights = sorted(
            (
                SentenceWeight(s.start_char, s.end_char, s.text, sum(tokens.get(i, 0.0) for i in range(s.start, s.end)))
                for s in sentences
            ),
            key=lambda sw: -abs(sw.weight),
        )
        cues = []
        for cid, phrases in processed.cues.items():
            if cid not in cue_info:
                continue
            feature = f"{_CUE_PREFIX}{cid}"
            effect = sum(
                h.effect(c.contribution) for h in heads if h.sign for c in h.contributions if c.feature == feature
            )
            info = cue_info[cid]
            cues.append(CueMatch(cid, info.description, list(phrases), info.suggests, code in info.suggests, effect))
        cues.sort(key=lambda c: (not c.points_to_label, -abs(c.effect)))
        p, t = probs[code], thresholds[code]
        status, reason = _decision(code, p, t, suggestion.labels, passed, probs, thresholds, bool(paths))
        formula, account = _combination(code, paths, active)
        word_tokens = [
            TokenWeight(doc[i].idx, doc[i].idx + len(doc[i].text), doc[i].text, w)
            for i, w in sorted(tokens.items())
            if w
        ]
        out.append(
            LabelExplanation(
                code=code,
                title=lab.title,
                ncnd=lab.ncnd,
                probability=p,
                threshold=t,
                suggested=code in suggestion.labels,
                reason=reason,
                heads=heads,
                sentences=sent_weights,
                cues=cues,
                status=status,
                summary=f"{account} {reason[0].upper()}{reason[1:]}.",
                formula=formula,
                tokens=word_tokens,
                word_effect=float(sum(tokens.values())),
                other_effect=float(other),
                unattributed=float(unattributed),
            )
        )
    return Explanation(
        text=text,
        authority_type=authority_type,
        bundle_id=model.bundle_id,
        labels=out,
        suggestion=suggestion,
        model_checksum=model.bundle.checksum,
        analysed_chars=min(len(text), MAX_CHARS),
    )


# -- HTML -----------------------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.5em;margin:0 0 4px}
h2{font-size:1.25em;margin:0;display:flex;flex-wrap:wrap;align-items:center;gap:8px}
h3{font-size:1em;margin:18px 0 6px;color:#374151}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin:16px 0}
.muted{color:#57606a}
.small{font-size:.85em}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:.75em;font-weight:600;
letter-spacing:.02em;vertical-align:middle}
.b-ncnd{background:#7c2d12;color:#fff}
.b-withhold{background:#e5e7eb;color:#374151}
.b-yes{background:#dcfce7;color:#14532d;border:1px solid #86efac}
.b-no{background:#f3f4f6;color:#57606a;border:1px solid #d0d7de}
.b-warn{background:#fef3c7;color:#78350f;border:1px solid #fcd34d}
.alert{background:#fef2f2;border:1px solid #fca5a5;color:#7f1d1d;border-radius:6px;padding:8px 12px;margin:10px 0}
.decision{font-weight:600;margin:10px 0 4px}
.decision.yes{color:#14532d}.decision.no{color:#57606a}
.meter{position:relative;height:14px;background:#e5e7eb;border-radius:7px;margin:6px 0 2px;max-width:520px}
.meter .fill{height:100%;border-radius:7px;background:#2563eb}
.meter .thr{position:absolute;top:-4px;bottom:-4px;width:3px;background:#111827;border-radius:1px}
.facts{display:flex;flex-wrap:wrap;gap:4px 22px;margin:6px 0}
.facts div span{color:#57606a}
.request{white-space:pre-wrap;word-wrap:break-word;background:#fafbfc;border-left:4px solid #d0d7de;
padding:10px 14px;border-radius:4px;font-size:1.02em;line-height:1.8}
.tok{border-radius:3px;padding:1px 0}
.legend span{display:inline-block;padding:0 6px;border-radius:3px;margin-right:6px}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.pos{color:#15803d}.neg{color:#b91c1c}
.cols>div{overflow-x:auto}
td.feat{word-break:break-word}
ol.sents li{margin:4px 0}
ul.cues li{margin:4px 0}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
dl.kv dt{color:#57606a}dl.kv dd{margin:0}
@media print{body{background:#fff}section{break-inside:avoid;border-color:#999}}
"""

_POS_RGB = "22,163,74"
_NEG_RGB = "220,38,38"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _signed(value: float, digits: int = 3) -> str:
    return f"{value:+.{digits}f}".replace("-", "−")


def _highlighted(text: str, tokens: list[TokenWeight]) -> str:
    """``text`` as escaped HTML with each weighted word on a green (towards) or red (against) background."""
    scale = max((abs(t.weight) for t in tokens), default=0.0)
    out, pos = [], 0
    for tok in sorted(tokens, key=lambda t: t.start):
        if tok.start < pos or tok.end > len(text):
            continue
        out.append(_e(text[pos : tok.start]))
        strength = abs(tok.weight) / scale if scale else 0.0
        word = _e(text[tok.start : tok.end])
        if strength < 0.03:
            out.append(word)
        else:
            rgb = _POS_RGB if tok.weight > 0 else _NEG_RGB
            alpha = 0.12 + 0.58 * min(strength, 1.0)
            out.append(
                f'<span class="tok" style="background:rgba({rgb},{alpha:.2f})" '
                f'title="{_e(_signed(tok.weight))} log-odds">{word}</span>'
            )
        pos = tok.end
    out.append(_e(text[pos:]))
    return "".join(out)


def _effects_table(effects: list[Effect], towards: bool) -> str:
    title = "Pushes towards the label" if towards else "Pushes against the label"
    if not effects:
        return f"<div><h3>{title}</h3><p class='muted small'>nothing</p></div>"
    rows = "".join(
        f"<tr><td class='feat'>{_e(e.label)}</td><td class='mono small'>{_e(e.head)}</td>"
        f"<td class='num'>{e.value:.3f}</td><td class='num'>{_signed(e.weight)}</td>"
        f"<td class='num'>{_signed(e.contribution)}</td>"
        f"<td class='num {'pos' if e.effect > 0 else 'neg'}'>{_signed(e.effect)}</td></tr>"
        for e in effects
    )
    return (
        f"<div><h3>{title}</h3><table><thead><tr><th>feature</th><th>head</th><th class='num'>value</th>"
        f"<th class='num'>weight</th><th class='num'>contribution</th><th class='num'>effect</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _label_panel(lab: LabelExplanation, text: str, thresholds: Thresholds | None) -> str:
    tax_label = load_taxonomy().label(lab.code)
    t = thresholds.labels.get(lab.code) if thresholds else None
    badges = [
        '<span class="badge b-ncnd">NCND</span>' if lab.ncnd else '<span class="badge b-withhold">withholding</span>',
        '<span class="badge b-yes">suggested</span>'
        if lab.suggested
        else '<span class="badge b-no">not suggested</span>',
    ]
    if lab.status in ("added_as_ncnd_form", "replaced_by_ncnd_form"):
        badges.append('<span class="badge b-warn">NCND consistency rule</span>')
    test = (
        "refusal ground"
        if tax_label.basis == "procedural"
        else ("absolute" if tax_label.absolute else "qualified (public-interest test)")
    )
    source = f" ({_e(t.source)}; CV precision {t.precision:.2f}, recall {t.recall:.2f})" if t else ""
    heads = "".join(
        f"<tr><td class='mono'>{_e(h.head)}</td><td>{_e(h.role)}</td><td class='num'>{_signed(h.score)}</td>"
        f"<td class='num'>{_signed(h.intercept)}</td><td class='num'>{len(h.contributions)}</td>"
        f"<td class='num'>{_signed(h.platt[0])}, {_signed(h.platt[1])}</td>"
        f"<td class='num'>{h.probability:.3f}</td></tr>"
        for h in lab.heads
    )
    heads_table = (
        "<table><thead><tr><th>head</th><th>role</th><th class='num'>score</th><th class='num'>intercept</th>"
        "<th class='num'>features</th><th class='num'>Platt a, b</th><th class='num'>probability</th></tr></thead>"
        f"<tbody>{heads}</tbody></table>"
        if lab.heads
        else "<p class='muted'>No head: the model never learned this label.</p>"
    )
    sentences = (
        "".join(
            f"<li><span class='{'pos' if s.weight > 0 else 'neg'} mono'>{_signed(s.weight)}</span> {_e(s.text)}</li>"
            for s in lab.sentences[:3]
            if s.weight
        )
        or "<li class='muted'>No sentence carries weight for this label.</li>"
    )
    cues = (
        "".join(
            f"<li><strong>{_e(c.description)}</strong> <span class='muted small'>[{_e(c.id)}]</span>"
            f" — matched “{_e(', '.join(dict.fromkeys(p.lower() for p in c.phrases)))}”"
            f"{' · points to this label' if c.points_to_label else ''}"
            f" · effect <span class='{'pos' if c.effect > 0 else 'neg' if c.effect < 0 else 'muted'}'>"
            f"{_signed(c.effect)}</span></li>"
            for c in lab.cues
        )
        or "<li class='muted'>No practice cue matched the request.</li>"
    )
    flipped = (
        " The NCND head counts against a withholding label: what raises P(NCND) lowers the label, so its"
        " contributions appear with the opposite sign as effects."
        if any(h.sign < 0 for h in lab.heads)
        else ""
    )
    towards = _effects_table(lab.top_effects(8, True), True)
    against = _effects_table(lab.top_effects(8, False), False)
    pct = max(0.0, min(1.0, lab.probability)) * 100
    thr = max(0.0, min(1.0, lab.threshold)) * 100
    return f"""
<section class="label-panel" data-label="{_e(lab.code)}" id="label-{_e(re.sub(r"[^A-Za-z0-9]+", "-", lab.code))}">
  <h2><span class="mono">{_e(lab.code)}</span> {_e(lab.title)} {" ".join(badges)}</h2>
  <p class="decision {"yes" if lab.suggested else "no"}">{_e(lab.reason[0].upper() + lab.reason[1:])}</p>
  <div class="meter" role="img" aria-label="probability {lab.probability:.3f}, threshold {lab.threshold:.2f}">
    <div class="fill" style="width:{pct:.1f}%"></div><div class="thr" style="left:calc({thr:.1f}% - 1px)"></div>
  </div>
  <div class="facts">
    <div><span>probability</span> <strong>{lab.probability:.3f}</strong></div>
    <div><span>threshold</span> <strong>{lab.threshold:.2f}</strong>{source}</div>
    <div><span>test</span> {_e(test)}</div>
  </div>
  <h3>How the probability is made</h3>
  <p>{_e(lab.summary)}</p>
  <p class="mono small">{_e(lab.formula)}</p>
  {heads_table}
  <p class="muted small">Each head's score is its intercept plus the exact sum of its feature contributions
  (value × weight); probability = sigmoid(a × score + b). Words carry {_signed(lab.word_effect)} of the label's
  log-odds, features not tied to words (authority type, request shape) {_signed(lab.other_effect)}.{flipped}</p>
  <h3>The request, coloured for {_e(lab.code)}</h3>
  <div class="request">{_highlighted(text, lab.tokens)}</div>
  <div class="cols">{towards}{against}</div>
  <h3>Sentences that carry most weight</h3>
  <ol class="sents">{sentences}</ol>
  <h3>Matched practice cues</h3>
  <ul class="cues">{cues}</ul>
</section>"""


def _card_panel(metadata: dict[str, Any], thresholds: Thresholds | None) -> str:
    cv = metadata.get("cv", {}) or {}
    data = metadata.get("training_data", {}) or {}
    versions = metadata.get("versions", {}) or {}

    def num(key: str) -> str:
        value = cv.get(key)
        return f"{value:.3f}" if isinstance(value, int | float) else "n/a"

    rows = [
        ("bundle id", f"<code>{_e(metadata.get('bundle_id', 'unknown'))}</code>"),
        ("created", _e(metadata.get("created_at", "unknown"))),
        ("training data", f"{_e(data.get('source', 'unknown'))}, {_e(data.get('rows', '?'))} requests"),
        ("training data SHA-256", f"<code class='small'>{_e(data.get('sha256', 'unknown'))}</code>"),
        ("cross-validation", f"{_e(cv.get('folds', '?'))} folds, {_e(_cv_split(metadata))}"),
        ("section micro-F1", f"{num('section_micro_f1')} ± {num('section_micro_f1_std')}"),
        ("label micro-F1", f"{num('micro_f1')} ± {num('micro_f1_std')}; macro-F1 {num('macro_f1')}"),
        ("recall@3 / precision@1", f"{num('recall_at_3')} / {num('precision_at_1')}"),
        ("NCND precision / recall", f"{num('ncnd_precision')} / {num('ncnd_recall')}"),
        ("versions", _e(", ".join(f"{k} {v}" for k, v in versions.items()))),
    ]
    if thresholds is not None:
        rows.append(
            (
                "global threshold",
                f"{thresholds.global_threshold:.2f} (labels with fewer than {thresholds.min_support} examples)",
            )
        )
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f"""
<section class="model-card">
  <h2>Model card</h2>
  <dl class="kv">{items}</dl>
  <p class="muted small">Triage support only: the model suggests exemptions an officer should consider; it does not
  decide. Scores come from wording and request shape, not from what the authority holds. Probabilities are calibrated
  on cross-validation folds of the training data, not on live traffic.</p>
</section>"""


def render_html(explanation: Explanation, metadata: dict[str, Any], thresholds: Thresholds | None = None) -> str:
    """One self-contained HTML page for an explanation (inline CSS; no script, font or image).

    Parameters
    ----------
    explanation : Explanation
        From :func:`explain`.
    metadata : dict
        The bundle's ``metadata.json`` (``Bundle.metadata``), for the model-card panel.
    thresholds : Thresholds, optional
        The bundle's thresholds, for each threshold's source and cross-validated precision/recall.

    Returns
    -------
    str
        The page. Every piece of request or model text is HTML-escaped.
    """
    exp = explanation
    analysed = exp.text[: exp.analysed_chars or len(exp.text)]
    sug = exp.suggestion
    if sug is None:
        headline = ""
    elif sug.abstained:
        headline = (
            "<p><strong>No confident suggestion</strong>: no label reached its threshold; "
            "refer to a senior officer.</p>"
        )
    else:
        headline = f"<p>Suggested: <strong class='mono'>{_e(', '.join(sug.labels))}</strong></p>"
    ncnd = ""
    if sug is not None and sug.ncnd:
        ncnd = (
            "<div class='alert'><strong>Neither confirm nor deny suggested:</strong> the reply must not confirm or "
            "deny that the information is held.</div>"
        )
    truncated = ""
    if exp.truncated:
        truncated = (
            f"<div class='alert'>The request is {len(exp.text):,} characters; the model read the first "
            f"{len(analysed):,}; only that part is coloured.</div>"
        )
    # Spans index into the analysed prefix of the text; anything after it is shown uncoloured.
    panels = "".join(_label_panel(lab, exp.text, thresholds) for lab in exp.labels)
    legend = (
        f"<p class='legend small'><span style='background:rgba({_POS_RGB},.55)'>green</span>pushes towards the label"
        f" <span style='background:rgba({_NEG_RGB},.55)'>red</span>pushes against it; the deeper the colour, the "
        "larger the word's share of the label's log-odds (hover a word for its value).</p>"
    )
    title = f"foiclassify explanation — {', '.join(lab.code for lab in exp.labels) or 'no label'}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<header>
  <h1>Why these exemptions?</h1>
  <p class="muted small">Model <code>{_e(exp.bundle_id)}</code> · authority type
  {_e(exp.authority_type or "not given")} · {len(exp.text):,} characters</p>
  {headline}{ncnd}{truncated}
  {legend}
</header>
{panels}
{_card_panel(metadata, thresholds)}
</main>
</body>
</html>
"""


def write_html(
    explanation: Explanation,
    metadata: dict[str, Any],
    thresholds: Thresholds | None,
    path: Path | str,
    *,
    overwrite: bool = False,
) -> Path:
    """Render :func:`render_html` to ``path`` atomically (temp file in the same folder, then rename).

    Raises
    ------
    OutputError
        ``path`` exists and ``overwrite`` is false, or its folder is missing or not writable.
    """
    import tempfile

    path = Path(path)
    check_output(path, overwrite)
    page = render_html(explanation, metadata, thresholds)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def check_output(path: Path | str, overwrite: bool, option: str = "--html") -> None:
    """Refuse an output file that exists (unless ``overwrite``) or whose folder cannot take it."""
    from foiclassify.errors import OutputError

    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name for {option}, e.g. explanation.html")
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: already exists; choose another {option} file or pass --overwrite")
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{parent}: folder does not exist; create it or choose another {option} path")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{parent}: folder is not writable; choose another {option} path")


# -- model card -----------------------------------------------------------------------------------


def _cv_split(metadata: dict[str, Any]) -> str:
    """How the bundle's cross-validation folds were made (bundles before format 2.0 do not say)."""
    return str(metadata.get("cv_split", "split not recorded"))


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
        f"- {cv.get('folds', '?')} folds, {_cv_split(metadata)}",
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
            f"{s.get('recall', 0):.2f} | {s.get('f1', 0):.2f} | "
            f"{t.threshold if t else thresholds.global_threshold:.2f} | {t.source if t else 'global'} |"
        )
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class LabelCard:
    """Cross-validated performance and threshold of one label (``metadata.json`` + ``thresholds.json``)."""

    code: str
    title: str
    ncnd: bool
    support: int
    precision: float
    recall: float
    f1: float
    brier: float | None
    threshold: float
    source: str


@dataclass(frozen=True)
class ModelInfo:
    """A bundle's model card as data (what ``foiclassify model-info`` shows).

    Attributes
    ----------
    path : str
        Bundle folder.
    bundle_id, created, format_version : str
    checksum : str
        SHA-256 of the bundle's ``SHA256SUMS`` (pins every file); the bundle was verified.
    versions : dict
        Library versions the bundle was made with.
    training_source, training_sha256 : str
    training_rows : int
    folds : int
        Cross-validation folds.
    split : str
        How the folds were made (grouped by source, or iterative stratified).
    cv : dict
        Cross-validation summary: micro/macro-F1, their spread over folds (``*_std``), recall@3 ...
    labels : list of LabelCard
        Every label in taxonomy order.
    global_threshold : float
    min_support : int
        Labels with fewer training examples use the global threshold.
    learning_curve : list of dict
        Points ``{share, rows, section_micro_f1, micro_f1}``.
    intended_use : str
    limits : list of str
        From the bundle's ``MODEL_CARD.md``.
    """

    path: str
    bundle_id: str
    created: str
    format_version: str
    checksum: str
    versions: dict[str, str]
    training_source: str
    training_sha256: str
    training_rows: int
    folds: int
    split: str
    cv: dict[str, float]
    labels: list[LabelCard]
    global_threshold: float
    min_support: int
    learning_curve: list[dict[str, float]]
    intended_use: str
    limits: list[str]


def _card_sections(text: str) -> dict[str, list[str]]:
    """``## Heading`` -> its lines, from a Markdown model card."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip().lower(), [])
        elif current is not None:
            current.append(line)
    return sections


def model_info(path: Path | str | None = None) -> ModelInfo:
    """Read and verify a bundle's model card: provenance, cross-validated quality, thresholds, limits.

    Only the bundle's JSON and Markdown files are read (after checking every file against
    ``SHA256SUMS``); the model itself is not loaded.

    Parameters
    ----------
    path : Path or str, optional
        Bundle folder (default: :func:`foiclassify.artifacts.default_model_path`).

    Returns
    -------
    ModelInfo

    Raises
    ------
    ModelError
        Missing, altered or malformed bundle.
    """
    import json

    from foiclassify.artifacts import default_model_path, verify_bundle
    from foiclassify.errors import ModelError
    from foiclassify.thresholds import Thresholds

    folder = Path(path) if path else default_model_path()
    checksum = verify_bundle(folder)
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        card = (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
    except (ValueError, OSError) as exc:
        raise ModelError(f"{folder}: cannot read the model card ({exc}); retrain or restore the bundle") from None
    if not isinstance(metadata, dict) or "bundle_id" not in metadata:
        raise ModelError(f"{folder / 'metadata.json'}: no bundle_id; retrain or restore the bundle")
    thresholds = Thresholds.load(folder / "thresholds.json")
    tax = load_taxonomy()
    per_label = metadata.get("cv_per_label", {}) or {}
    labels = []
    for code in tax.codes:
        s = per_label.get(code, {})
        t = thresholds.labels.get(code)
        lab = tax.label(code)
        labels.append(
            LabelCard(
                code=code,
                title=lab.title,
                ncnd=lab.ncnd,
                support=int(s.get("support", 0)),
                precision=float(s.get("precision", 0.0)),
                recall=float(s.get("recall", 0.0)),
                f1=float(s.get("f1", 0.0)),
                brier=float(s["brier"]) if "brier" in s else None,
                threshold=t.threshold if t else thresholds.global_threshold,
                source=t.source if t else "global",
            )
        )
    sections = _card_sections(card)
    intended = " ".join(line.strip() for line in sections.get("intended use", []) if line.strip())
    limits: list[str] = []
    for line in sections.get("limits", []):
        if line.startswith("- "):
            limits.append(line[2:].strip())
        elif line.strip() and limits:
            limits[-1] += " " + line.strip()  # a wrapped bullet
    data = metadata.get("training_data", {}) or {}
    return ModelInfo(
        path=str(folder),
        bundle_id=str(metadata["bundle_id"]),
        created=str(metadata.get("created_at", "")),
        format_version=str(metadata.get("format_version", "")),
        checksum=checksum,
        versions={str(k): str(v) for k, v in (metadata.get("versions", {}) or {}).items()},
        training_source=str(data.get("source", "")),
        training_sha256=str(data.get("sha256", "")),
        training_rows=int(data.get("rows", 0)),
        folds=int((metadata.get("cv", {}) or {}).get("folds", 0)),
        split=_cv_split(metadata),
        cv={str(k): float(v) for k, v in (metadata.get("cv", {}) or {}).items() if k != "folds"},
        labels=labels,
        global_threshold=thresholds.global_threshold,
        min_support=thresholds.min_support,
        learning_curve=[{str(k): float(v) for k, v in p.items()} for p in metadata.get("learning_curve", []) or []],
        intended_use=intended,
        limits=limits,
    )
