"""The synthetic response letters in data/letters.jsonl: the file, its generator and the parser on it."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from foiclassify.citations import extract_cited_exemptions
from foiclassify.data import AUTHORITY_TYPES
from foiclassify.taxonomy import load_taxonomy

DATA = Path(__file__).resolve().parent.parent / "data"
LETTERS = [json.loads(line) for line in (DATA / "letters.jsonl").read_text(encoding="utf-8").splitlines()]
TAX = load_taxonomy()


@functools.cache
def _generator() -> ModuleType:
    """Import data/generate_letters.py (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("_generate_letters", DATA / "generate_letters.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses resolve their annotations through sys.modules, so the module must be registered.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("letter", LETTERS, ids=[r["id"] for r in LETTERS])
def test_parser_reads_exactly_the_ground_truth(letter: dict) -> None:
    found = extract_cited_exemptions(letter["response"])
    assert found.labels == letter["exemptions"]
    assert found.ncnd is letter["ncnd"]


def test_records_are_well_formed() -> None:
    assert 250 <= len(LETTERS) <= 350
    assert len({r["id"] for r in LETTERS}) == len(LETTERS)
    for r in LETTERS:
        assert set(r) == {"id", "authority_type", "request", "response", "exemptions", "ncnd"}
        assert r["authority_type"] in AUTHORITY_TYPES
        assert r["request"].strip() and r["response"].strip()
        assert r["exemptions"] == TAX.sort(r["exemptions"])  # label codes, taxonomy order
        if any(TAX.label(c).ncnd for c in r["exemptions"]):
            assert r["ncnd"]


def test_label_coverage_and_frequencies() -> None:
    counts = Counter(code for r in LETTERS for code in r["exemptions"])
    assert set(counts) == set(TAX.codes)
    assert {code for code, _ in counts.most_common(3)} == {"s40(2)", "s12", "s31(1)"}
    n = len(LETTERS)
    assert 0.12 <= sum(not r["exemptions"] for r in LETTERS) / n <= 0.18
    assert 0.12 <= sum(r["ncnd"] for r in LETTERS) / n <= 0.18


def test_letters_contain_the_traps() -> None:
    text = "\n".join(r["response"] for r in LETTERS)
    traps = (
        "section 1(1)(a)", "section 16", "section 17", "section 50", "Section 44 of the Terrorism Act",
        "of the Data Protection Act 2018", "section 23(3)", "is not engaged", "section 21 notices",
    )
    for trap in traps:
        assert trap.lower() in text.lower(), trap


def test_every_frequent_label_has_four_paragraph_variants() -> None:
    gen = _generator()
    counts = Counter(code for r in LETTERS for code in r["exemptions"])
    for code, n in counts.items():
        if n >= 10:
            assert len(gen.PARAS[code]) >= 4, code
    assert set(gen.PARAS) == set(TAX.codes)
    assert list(gen.LABEL_ORDER) == list(TAX.codes)


def test_generator_is_deterministic_and_matches_the_file() -> None:
    gen = _generator()
    assert gen.generate(2000) == LETTERS
    assert gen.generate(7, 150) == gen.generate(7, 150)
    assert len(gen.generate(7, 150)) == 150
