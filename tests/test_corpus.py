"""The shipped corpus keeps its promises: valid labels, no duplicates, stratified split, minimum counts."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from foiclassify.taxonomy import load_taxonomy

DATA = Path(__file__).resolve().parent.parent / "data"
REQUIRED_40 = (
    "s23(5)", "s24(2)", "s30(3)", "s31(3)", "s38(2)", "s40(5)", "s23(1)", "s24(1)", "s30(1)", "s31(1)",
    "s38(1)", "s40(1)",
    "s40(2)", "s41(1)", "s42(1)", "s43(2)", "s44(1)", "s27(1)", "s35", "s36", "s12", "s14", "s21", "s22",
)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _contrast() -> list[dict]:
    return [row for path in sorted((DATA / "contrast").glob("*.jsonl")) for row in _read(f"contrast/{path.name}")]


@pytest.fixture(scope="module")
def parts() -> dict[str, list[dict]]:
    return {"train": _read("train.jsonl"), "test": _read("test.jsonl")}


def test_labels_are_canonical_taxonomy_codes_and_ncnd_agrees(parts: dict[str, list[dict]]) -> None:
    tax = load_taxonomy()
    for rows in parts.values():
        for row in rows:
            assert row["exemptions"] == tax.sort(row["exemptions"]), row["id"]
            assert all(code in tax.codes for code in row["exemptions"]), row["id"]
            assert row["ncnd"] == any(tax.label(c).ncnd for c in row["exemptions"]), row["id"]


def test_no_duplicate_ids_or_texts(parts: dict[str, list[dict]]) -> None:
    rows = parts["train"] + parts["test"]
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({_norm(r["request"]) for r in rows}) == len(rows)


def test_size_share_without_exemption_and_minimum_counts(parts: dict[str, list[dict]]) -> None:
    rows = parts["train"] + parts["test"]
    assert len(rows) >= 3000
    assert sum(1 for r in rows if r["source"] != "generated") >= 800
    assert sum(1 for r in rows if not r["exemptions"]) / len(rows) >= 0.15
    counts = Counter(c for r in rows for c in r["exemptions"])
    assert sum(1 for n in counts.values() if n >= 40) >= 22
    assert [c for c in REQUIRED_40 if counts[c] < 40] == []


def test_split_is_stratified(parts: dict[str, list[dict]]) -> None:
    train, test = parts["train"], parts["test"]
    assert 0.18 <= len(test) / (len(train) + len(test)) <= 0.22
    tr = Counter(c for r in train for c in r["exemptions"])
    te = Counter(c for r in test for c in r["exemptions"])
    for code, n in (tr + te).items():
        if n >= 40:  # every frequent label keeps its share in the test part (within 5 points of 20%)
            assert 0.15 <= te[code] / n <= 0.25, code
    share = [sum(1 for r in p if not r["exemptions"]) / len(p) for p in (train, test)]
    assert abs(share[0] - share[1]) < 0.03


def test_ico_style_summaries_always_carry_an_exemption(parts: dict[str, list[dict]]) -> None:
    rows = parts["train"] + parts["test"]
    notice = re.compile(r"\bthe complainants? (?:has |have )?(?:requested|asked|submitted|made)", re.IGNORECASE)
    empty_notices = [r["id"] for r in rows if not r["exemptions"] and notice.search(r["request"])]
    assert empty_notices == []


def test_contrast_sets_are_valid_and_kept_out_of_the_corpus(parts: dict[str, list[dict]]) -> None:
    # data/contrast measures NCND against withholding on requests the model never saw: none may leak in.
    tax = load_taxonomy()
    contrast = _contrast()
    assert len(contrast) >= 200
    for row in contrast:
        assert set(row) == {"id", "authority_type", "request", "exemptions", "ncnd"}, row["id"]
        assert all(code in tax.codes for code in row["exemptions"]), row["id"]
        assert row["ncnd"] == any(tax.label(c).ncnd for c in row["exemptions"]), row["id"]
    assert 0.4 <= sum(r["ncnd"] for r in contrast) / len(contrast) <= 0.7
    corpus = parts["train"] + parts["test"]
    assert {_norm(r["request"]) for r in contrast}.isdisjoint(_norm(r["request"]) for r in corpus)
    assert {r["id"] for r in contrast}.isdisjoint(r["id"] for r in corpus)


REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "dev.jsonl"


@pytest.mark.skipif(not REALWORLD.exists(), reason="real cases live beside the project (../shared), not in it")
def test_every_cue_phrase_seen_on_real_cases_is_taught_by_the_corpus(parts: dict[str, list[dict]]) -> None:
    # A cue's weight is learnt from the corpus; a phrase that fires on the real cases we measure on but
    # hardly ever in our training requests carries only what its writer saw, and may have been written
    # with the real cases in view. Such phrases inflate the real-world figures, so none may exist.
    from functools import cache

    from foiclassify.preprocess import Preprocessor, model_words

    pre = Preprocessor()

    @cache
    def lemmas(phrase: str) -> str:  # the matcher compares lemmas: "Legal Advices" is "legal advice"
        return " ".join(word for _, word in model_words(next(iter(pre.pipe([phrase])))))

    def fired(texts: list[str]) -> Counter:  # (cue, phrase) -> number of requests it fires in
        found: Counter = Counter()
        for processed in pre.process(texts):
            found.update({(cue, lemmas(phrase)) for cue, matches in processed.cues.items() for phrase in matches})
        return found

    taught = fired([r["request"] for r in parts["train"]])
    real = fired([json.loads(line)["request"] for line in REALWORLD.read_text(encoding="utf-8").splitlines()])
    untaught = sorted(key for key in real if taught[key] < 2)
    assert not untaught, f"cue phrases on real cases but in fewer than 2 training requests: {untaught}"


@pytest.mark.skipif(not REALWORLD.exists(), reason="real cases live beside the project (../shared), not in it")
def test_no_request_mirrors_a_real_case(parts: dict[str, list[dict]]) -> None:
    # A request written with one real case in view shares that case's rare words ("hackney carriage",
    # "licence expiry", "public health funerals"...). Score each (real case, request) pair by the sum of
    # log(N / document frequency) over the words and word pairs they share that at most 15 of our N
    # requests use. Ordinary topics stay below 25; the mirrors removed in the fifth and sixth sessions
    # scored 25-53. Pairs between 25 and 30 are read by hand (the highest now is a generated request on
    # police drones, 28); above 30 a request is a mirror and must go.
    import math
    from itertools import pairwise

    function_words = (
        "the a an and or of to in on for by with from at as is are was were be been this that these those your "
        "you i we my our me it its any all each per which what how many much number please provide information "
        "request requested would like could can if there their they them has have had not no do does did under "
        "act freedom foi year years since between into about also other than more following details data list "
        "copy copies"
    )
    stop = frozenset(function_words.split())

    def grams(text: str) -> set[str]:
        words = [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in stop and len(w) > 2]
        return set(words) | {f"{a} {b}" for a, b in pairwise(words)}

    contrast = _contrast()
    rows = parts["train"] + parts["test"] + contrast
    ours = [grams(r["request"]) for r in rows]
    df: Counter = Counter()
    for g in ours:
        df.update(g)
    mirrors = []
    for line in REALWORLD.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        rare = {w for w in grams(case["request"]) if 0 < df[w] <= 15}
        for row, g in zip(rows, ours, strict=True):
            score = sum(math.log(len(rows) / df[w]) for w in rare & g)
            if score > 30:
                mirrors.append((case["id"], row["id"], round(score, 1)))
    assert not mirrors, f"requests that mirror a real case (real id, our id, score): {mirrors}"
