"""From preprocessed requests to a feature matrix.

The vectorizer is a plain scikit-learn :class:`~sklearn.compose.ColumnTransformer` over the frame
made by :func:`foiclassify.preprocess.to_frame`: word and character TF-IDF on the lemmatised text,
a one-hot authority type, and the practice cues and request-shape features as numbers. It holds no
custom callables, so it can be saved with skops and loaded without trusting any of our code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from foiclassify.data import AUTHORITY_TYPES
from foiclassify.preprocess import feature_names

if TYPE_CHECKING:
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline


#: Function words left out of the word n-grams (as lemmas: the model text is lemmatised). They say
#: nothing about an exemption, yet a model fitted on written requests learns each writer's habits
#: with them ("and", "of the", "to the"), and those habits do not carry over to real requests (on the
#: 86 real cases, precision@1 0.54 -> 0.58 without them). Words that do signal something stay:
#: "whether" (NCND), "all", "every", "each", "any" (searching), "my", "me" (own data), "his", "her"
#: (a person), "how", "who", "where".
FUNCTION_WORDS: tuple[str, ...] = (
    "also", "an", "and", "as", "at", "be", "but", "by", "can", "could", "dear", "do", "for", "from",
    "grateful", "have", "in", "into", "it", "its", "kindly", "like", "madam", "may", "might", "of", "on",
    "onto", "or", "our", "please", "regard", "shall", "should", "sir", "so", "such", "than", "thank",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "very",
    "we", "which", "will", "with", "would", "you", "your",
)


class FeatureConfig(BaseModel):
    """How text becomes features. Part of the training config and stored with the model."""

    model_config = ConfigDict(extra="forbid")

    word_ngrams: tuple[int, int] = (1, 2)
    word_max_features: int = Field(20_000, ge=100)
    char_ngrams: tuple[int, int] = (3, 5)
    char_max_features: int = Field(0, ge=0, description="0 (the default) disables character n-grams")
    min_df: int = Field(2, ge=1)
    stop_words: bool = Field(True, description="leave FUNCTION_WORDS out of the word n-grams")
    word_weight: float = Field(1.0, ge=0)
    char_weight: float = Field(0.7, ge=0)
    cue_weight: float = Field(0.8, ge=0, description="scale of practice-cue and shape features")
    authority_weight: float = Field(0.6, ge=0)
    cross_weight: float = Field(
        0.6,
        ge=0,
        description="scale of the pairwise products authority x cue and cue x cue (0 disables them)",
    )


def build_vectorizer(config: FeatureConfig) -> ColumnTransformer:
    """A fresh, unfitted vectorizer for ``config``."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import OneHotEncoder

    transformers: list[tuple] = [
        (
            "word",
            TfidfVectorizer(
                ngram_range=config.word_ngrams,
                max_features=config.word_max_features,
                min_df=config.min_df,
                sublinear_tf=True,
                dtype=np.float64,
                stop_words=list(FUNCTION_WORDS) if config.stop_words else None,
            ),
            "text",
        )
    ]
    weights = {"word": config.word_weight, "auth": config.authority_weight, "num": config.cue_weight}
    if config.char_max_features:
        transformers.append(
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=config.char_ngrams,
                    max_features=config.char_max_features,
                    min_df=config.min_df,
                    sublinear_tf=True,
                    dtype=np.float64,
                ),
                "text",
            )
        )
        weights["char"] = config.char_weight
    # "unknown" is a category of its own: the model must work when nobody says who is answering.
    categories = [[*AUTHORITY_TYPES, "unknown"]]
    transformers.append(("auth", OneHotEncoder(categories=categories, handle_unknown="ignore"), ["authority"]))
    transformers.append(("num", "passthrough", list(feature_names())))
    if config.cross_weight:
        transformers.append(("cross", _crosses(categories), ["authority", *_cue_columns()]))
        weights["cross"] = config.cross_weight
    return ColumnTransformer(transformers, transformer_weights=weights, sparse_threshold=1.0)


def _cue_columns() -> list[str]:
    return [name for name in feature_names() if name.startswith("cue:")]


def _crosses(categories: list[list[str]]) -> Pipeline:
    """Products of pairs among the authority one-hot and the cues.

    What decides an exemption is who holds the information and what kind it is together: a police
    force asked about a covert tactic neither confirms nor denies, a council asked about the same
    camera answers. A linear model cannot learn "this kind of information *at this kind of body*"
    from the two separately; with the products it can, and every product is still one term of a
    dot product that :mod:`foiclassify.explain` reports. Only degree-2 terms are made (the single
    features are in ``auth`` and ``num`` already); products of two authority types are always 0.
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures

    inputs = ColumnTransformer(
        [
            ("auth", OneHotEncoder(categories=categories, handle_unknown="ignore"), ["authority"]),
            ("cue", "passthrough", _cue_columns()),
        ],
        sparse_threshold=1.0,
    )
    pairs = PolynomialFeatures((2, 2), interaction_only=True, include_bias=False)
    return Pipeline([("inputs", inputs), ("pairs", pairs)])


def readable_feature_name(name: str) -> str:
    """Turn a ColumnTransformer output name into what an auditor reads.

    ``word__covert surveillance`` -> ``"covert surveillance"``; ``char__ mi5`` -> ``chars " mi5"``;
    ``auth__authority_police`` -> ``authority: police``; ``num__cue:security_body`` -> ``cue: security_body``;
    ``cross__auth__authority_police cue__cue:covert_tactic`` -> ``authority: police x cue: covert_tactic``.
    """
    group, _, rest = name.partition("__")
    if group == "cross":
        return " x ".join(readable_feature_name(part) for part in rest.split(" "))
    if group == "cue":  # inside a cross: "cue__cue:covert_tactic"
        return readable_feature_name(f"num__{rest}")
    if group == "word":
        return f'"{rest}"'
    if group == "char":
        return f'chars "{rest}"'
    if group == "auth":
        return "authority: " + rest.removeprefix("authority_")
    return rest.replace(":", ": ", 1)


def cross_cues(name: str) -> tuple[str, ...]:
    """Cue ids inside a cross feature's name (``()`` for any other feature).

    Explanations place a cross's contribution on the words that matched its cues.
    """
    group, _, rest = name.partition("__")
    if group != "cross":
        return ()
    return tuple(part.removeprefix("cue__cue:") for part in rest.split(" ") if part.startswith("cue__cue:"))
