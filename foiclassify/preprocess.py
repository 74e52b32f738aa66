"""Turning request text into plain strings and numeric cues, with spaCy.

A blank English pipeline with the lookup lemmatizer (``spacy-lookups-data``) and a sentencizer
normalises the text; a :class:`~spacy.matcher.PhraseMatcher` built from ``rules.json`` counts the
cues that practice says decide exemptions (the *kind* of information asked); regular expressions
measure the *shape* of the request (numbered parts, years covered, length), which is what drives
the cost limit. Only strings and numbers leave this module: nothing from spaCy is ever saved in a
model.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

#: Text beyond this many characters is ignored: requests are short, and a pasted dossier must not
#: stall triage. Callers warn the user when it happens.
MAX_CHARS = 20_000

#: Year the "since YYYY" and "last N years" spans are measured against; a fixed value keeps
#: features deterministic (a model trained today scores a text the same way next year).
REFERENCE_YEAR = 2025

_YEAR_RE = re.compile(r"(?<![\d£$€])(19[89]\d|20[0-3]\d)(?:\s*[/-]\s*(\d{2}|20[0-3]\d))?(?!\d)")
_LAST_N_RE = re.compile(
    r"\b(?:last|past|previous|preceding)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
    r"\s+(?:calendar\s+|financial\s+|academic\s+|full\s+)?years?\b",
    re.I,
)
_SINCE_RE = re.compile(r"\b(?:since|from)\s+(?:\w+\s+)?(?:19|20)\d\d\b(?!\s*(?:to|until|-|–))", re.I)
_DECADE_RE = re.compile(
    r"\b(?:last|past|previous)\s+decade\b|\bsince\s+(?:records\s+began|inception)\b|\bfrom\s+inception\b", re.I
)
_ENUM_RE = re.compile(
    # "Not preceded by anything but a space or punctuation" (start of text included): one lookbehind
    # instead of an alternation tried at every position.
    r"(?<![^\s:;.?!\]])(?:Q(?:uestion)?\s?|Request\s|Part\s)?\(?(\d{1,2}|[a-h]|i{1,3}|iv|v|vi{1,3})[.):](?=\s)",
    re.I | re.M,
)
_BULLET_RE = re.compile(r"(?m)^\s*[-•*–·]\s+\S")
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20,
}


@dataclass(frozen=True)
class Cue:
    """A practice cue: phrases that signal a kind of information, with the labels it points to."""

    id: str
    description: str
    suggests: tuple[str, ...]
    phrases: tuple[str, ...]
    #: Hidden in the training copies that teach the model without trigger words (see
    #: ``ModelConfig.cue_masking``). False for cues whose words *are* the kind of information
    #: (MI5, covert, terrorism, facial recognition: real requests name those as often as ours) and
    #: for cues that point to no exemption (statistics, the ICO-summary style).
    masked_in_training: bool = True


@cache
def load_cues() -> tuple[Cue, ...]:
    """The cues shipped in ``rules.json`` (cached)."""
    raw = json.loads(resources.files("foiclassify").joinpath("rules.json").read_text(encoding="utf-8"))
    return tuple(
        Cue(c["id"], c["description"], tuple(c["suggests"]), tuple(c["phrases"]), bool(c["masked_in_training"]))
        for c in raw["cues"]
    )


@cache
def signature() -> str:
    """What preprocessing output depends on besides the text: the cue rules and the output fields.

    A cache of :class:`Processed` results is valid only under the same signature.
    """
    import hashlib
    from dataclasses import fields

    rules = resources.files("foiclassify").joinpath("rules.json").read_bytes()
    layout = ",".join(f.name for f in fields(Processed)) + "|" + ",".join(SHAPE_FEATURES)
    return hashlib.sha256(rules + layout.encode()).hexdigest()[:16]


@cache
def masked_cue_ids() -> frozenset[str]:
    """Ids of the cues whose words training copies leave out (``masked_in_training``)."""
    return frozenset(c.id for c in load_cues() if c.masked_in_training)


#: Shape features, in order. Bins rather than raw counts, so a linear model can learn thresholds.
SHAPE_FEATURES: tuple[str, ...] = (
    "parts>=3",
    "parts>=5",
    "parts>=8",
    "years>=3",
    "years>=6",
    "years>=10",
    "words>=60",
    "words>=120",
    "words>=200",
    "questions>=3",
    "effort",
    "parts_x_years",
    "breakdown_x_years",
    "bulk_x_years",
)


def feature_names() -> tuple[str, ...]:
    """Names of the numeric feature columns, in order (cues first, then shape)."""
    return tuple(f"cue:{c.id}" for c in load_cues()) + tuple(f"shape:{s}" for s in SHAPE_FEATURES)


@dataclass(frozen=True)
class Shape:
    """Measured shape of a request."""

    parts: int
    years: int
    words: int
    questions: int


def measure_shape(text: str) -> Shape:
    """Count numbered parts, years covered, words and questions in a request.

    Years covered is the widest of: the span between the earliest and latest year mentioned
    (``2015/16`` counts to 2016), "last/past N years", "since YYYY" and "from inception" / "past
    decade" (read as ten years).
    """
    # Each pattern runs only when a word it needs is in the text: most requests name no decade and
    # many no year, and these scans took half of the time spent on our features per request.
    lowered = text.lower()
    years: list[int] = []
    if "19" in text or "20" in text:
        for match in _YEAR_RE.finditer(text):
            years.append(int(match.group(1)))
            tail = match.group(2)
            if tail:
                years.append(int(tail) if len(tail) == 4 else int(match.group(1)[:2] + tail))
    span = (max(years) - min(years) + 1) if years else 0
    if years and ("since" in lowered or "from" in lowered) and _SINCE_RE.search(text):
        span = max(span, REFERENCE_YEAR - min(years) + 1)
    if "year" in lowered:
        for match in _LAST_N_RE.finditer(text):
            word = match.group(1).lower()
            span = max(span, int(word) if word.isdigit() else _WORD_NUMBERS[word])
    if ("decade" in lowered or "inception" in lowered or "began" in lowered) and _DECADE_RE.search(text):
        span = max(span, 10)
    enums = {m.group(1).lower() for m in _ENUM_RE.finditer(text)}
    parts = max(len(enums), len(_BULLET_RE.findall(text)))
    return Shape(parts=parts, years=span, words=len(text.split()), questions=text.count("?"))


def shape_features(shape: Shape, cue_counts: dict[str, int]) -> list[float]:
    """Shape feature values in :data:`SHAPE_FEATURES` order."""
    breakdown = min(cue_counts.get("breakdown", 0), 3)
    bulk = min(cue_counts.get("bulk_records", 0), 3)
    span = min(shape.years, 20)
    # One smooth effort score: more parts, more years and more breakdowns multiply the searching.
    effort = math.log1p(shape.parts) * math.log1p(span) + 0.5 * math.log1p(breakdown) * math.log1p(span)
    return [
        float(shape.parts >= 3),
        float(shape.parts >= 5),
        float(shape.parts >= 8),
        float(span >= 3),
        float(span >= 6),
        float(span >= 10),
        float(shape.words >= 60),
        float(shape.words >= 120),
        float(shape.words >= 200),
        float(shape.questions >= 3),
        min(effort / 5.0, 2.0),
        float(shape.parts >= 3 and span >= 3),
        float(breakdown > 0 and span >= 3),
        float(bulk > 0 and span >= 2),
    ]


@dataclass(frozen=True)
class Processed:
    """One request after preprocessing.

    Attributes
    ----------
    text : str
        Lower-cased lemmas joined by spaces, numbers folded to ``xyear`` / ``xnum``.
    features : tuple of float
        Values for :func:`feature_names`.
    cues : dict
        Cue id -> list of matched phrases as written in the request (for explanations).
    masked_text : str
        ``text`` without the words of cues that are masked in training (used only to train).
    """

    text: str
    features: tuple[float, ...]
    cues: dict[str, list[str]]
    masked_text: str


def model_words(doc: Doc) -> list[tuple[int, str]]:
    """(token index, model word) for every token of a normalised doc that reaches the model text.

    Punctuation and spaces are dropped, numbers become ``xyear`` / ``xnum``, other words their
    lemma (stored in NORM by the preprocessor). Read from attribute arrays: no Token objects.
    Explanations use the same function, so highlighted words are exactly the model's words.
    """
    from spacy.attrs import IS_DIGIT, IS_PUNCT, IS_SPACE, LIKE_NUM, NORM, ORTH

    if not len(doc):
        return []
    strings = doc.vocab.strings
    out = []
    rows = doc.to_array([NORM, ORTH, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_DIGIT]).tolist()
    for i, (norm, orth, punct, space, like_num, digit) in enumerate(rows):
        if punct or space:
            continue
        if like_num or digit:
            out.append((i, "xyear" if _YEAR_RE.fullmatch(strings[orth]) else "xnum"))
        else:
            out.append((i, strings[norm]))
    return out


class Preprocessor:
    """spaCy-based preprocessing shared by training, prediction and explanation.

    The pipeline is built on first use (importing this module loads nothing).

    Parameters
    ----------
    batch_size : int
        Documents per ``nlp.pipe`` batch.
    """

    def __init__(self, batch_size: int = 256) -> None:
        self.batch_size = batch_size
        self._norm_cache: dict[int, int] = {}

    @cached_property
    def nlp(self) -> Language:
        """The blank English pipeline with lookup lemmatizer and sentencizer."""
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.add_pipe("sentencizer")
        nlp.initialize()
        return nlp

    @cached_property
    def _lemmas(self) -> Any:
        lemmatizer: Any = self.nlp.get_pipe("lemmatizer")
        return lemmatizer.lookups.get_table("lemma_lookup")

    @cached_property
    def _matcher(self) -> Any:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for cue in load_cues():
            tokenizer: Any = self.nlp.tokenizer
            patterns = [self._normalise(d) for d in tokenizer.pipe(cue.phrases)]
            matcher.add(cue.id, patterns)
        return matcher

    def _normalise(self, doc: Doc) -> Doc:
        # The lookup table is keyed by lower-case forms, while spaCy's component looks up the text as
        # written ("Officers" stays unlemmatised), so we lemmatise the lower-case form ourselves and
        # store it in NORM, which the phrase matcher and the model text both read. Working on hash
        # arrays (with a cache per lower-case form) avoids building a Token object per word, which
        # is most of spaCy's cost on short texts.
        import numpy as np
        from spacy.attrs import LOWER, NORM

        if not len(doc):
            return doc
        strings = self.nlp.vocab.strings
        table = self._lemmas
        cache = self._norm_cache
        norms = []
        for h in doc.to_array([LOWER]).tolist():
            n = cache.get(h)
            if n is None:
                lower = strings[h]
                n = cache[h] = strings.add(table.get(lower, lower))
            norms.append(n)
        array: Any = np.asarray(norms, dtype=np.uint64).reshape(-1, 1)  # spaCy types it as Ints2d
        doc.from_array([NORM], array)
        return doc

    def pipe(self, texts: Iterable[str], *, sentences: bool = False) -> Iterable[Doc]:
        """Tokenise and lemmatise (batched ``nlp.pipe``); split sentences only when asked (explanations).

        The lemmatizer component's own output is not used (see :meth:`_normalise`), so it is skipped.
        """
        disable = ["lemmatizer"] if sentences else ["lemmatizer", "sentencizer"]
        for doc in self.nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=self.batch_size, disable=disable):
            yield self._normalise(doc)

    def process_doc(self, doc: Doc, text: str | None = None) -> Processed:
        """Preprocess one already-piped document.

        ``text`` is the string the document was made from, if the caller has it: ``doc.text``
        rebuilds it token by token (a sixth of this method's time: 1.73 s -> 1.46 s per 10,000 requests).
        """
        strings = self.nlp.vocab.strings
        masked = masked_cue_ids()
        cues: dict[str, list[str]] = {}
        hidden: set[int] = set()
        for match_id, start, end in self._matcher(doc):
            cue_id = strings[match_id]
            cues.setdefault(cue_id, []).append(doc[start:end].text)
            if cue_id in masked:
                hidden.update(range(start, end))
        counts = {k: len(v) for k, v in cues.items()}
        values = [min(counts.get(c.id, 0), 3) / 3.0 for c in load_cues()]
        values += shape_features(measure_shape(doc.text if text is None else text), counts)
        words = model_words(doc)
        model_text = " ".join(word for _, word in words)
        masked_text = " ".join(word for i, word in words if i not in hidden) if hidden else model_text
        return Processed(model_text, tuple(values), cues, masked_text)

    def process(self, texts: Sequence[str]) -> list[Processed]:
        """Preprocess many requests."""
        clipped = [t[:MAX_CHARS] for t in texts]
        return [self.process_doc(doc, text) for doc, text in zip(self.pipe(clipped), clipped, strict=True)]

    def frame(self, texts: Sequence[str], authority_types: Sequence[str] | None = None) -> pd.DataFrame:
        """Model input: one row per request with ``text``, ``authority`` and numeric feature columns."""
        return to_frame(self.process(texts), authority_types)


#: Frame column with the model text minus masked cue words; read only by ``ExemptionClassifier.fit``.
MASKED_TEXT = "masked_text"


def to_frame(processed: Sequence[Processed], authority_types: Sequence[str] | None = None) -> pd.DataFrame:
    """Arrange preprocessed requests as the model's input frame.

    An unknown authority type is ``"unknown"``, a category the model is trained with.
    """
    import numpy as np
    import pandas as pd

    names = feature_names()
    matrix = np.array([p.features for p in processed], dtype=np.float64).reshape(len(processed), len(names))
    frame = pd.DataFrame(matrix, columns=list(names))
    auth = list(authority_types) if authority_types is not None else [""] * len(processed)
    frame.insert(0, "authority", [a or "unknown" for a in auth])
    frame.insert(0, "text", [p.text for p in processed])
    frame[MASKED_TEXT] = [p.masked_text for p in processed]
    return frame
