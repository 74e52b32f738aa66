"""Benchmark: how well ``extract_cited_exemptions`` reads real authorities' citation wording.

Reads ``../shared/realworld/dev.jsonl`` (relative to the project root), runs the letter parser on each
record's ``evidence`` text and compares what it finds with the record's ``exemptions`` and ``ncnd``.

Scoring follows the level of detail the evidence gives: codes are compared after taxonomy
normalisation, and where the gold label is a bare section (``s40``) any predicted code in that
section counts as a match. Prints micro precision and recall, NCND accuracy and every miss, and
writes ``benchmarks/results/label_realworld.json``.

Run from anywhere: ``python benchmarks/label_realworld.py``. Exits 0 with a "skipped" message when
the shared data is not there (it is not part of the product).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from foiclassify.citations import extract_cited_exemptions
from foiclassify.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("../shared/realworld/dev.jsonl")
RESULTS = ROOT / "benchmarks" / "results" / "label_realworld.json"


def _keys(codes: set[str], bare_sections: set[str]) -> set[str]:
    """Compare at section level wherever the gold gave only a section."""
    tax = load_taxonomy()
    return {tax.section_of(c) if tax.section_of(c) in bare_sections else c for c in codes}


def score(records: list[dict]) -> dict:
    """Score the parser on dev records; returns the numbers and the misses."""
    tax = load_taxonomy()
    tp = fp = fn = 0
    ncnd_right = 0
    misses = []
    for rec in records:
        gold = {tax.normalise(c) for c in rec["exemptions"]}
        bare = {c for c in gold if c not in tax.codes}
        found = extract_cited_exemptions(rec.get("evidence") or "")
        gold_keys = _keys(gold, bare)
        pred_keys = _keys(set(found.labels), bare)
        tp += len(gold_keys & pred_keys)
        fp += len(pred_keys - gold_keys)
        fn += len(gold_keys - pred_keys)
        ncnd_ok = found.ncnd == bool(rec["ncnd"])
        ncnd_right += ncnd_ok
        if gold_keys != pred_keys or not ncnd_ok:
            misses.append(
                {
                    "id": rec["id"],
                    "missed": sorted(gold_keys - pred_keys),
                    "extra": sorted(pred_keys - gold_keys),
                    "gold_ncnd": bool(rec["ncnd"]),
                    "predicted_ncnd": found.ncnd,
                }
            )
    return {
        "records": len(records),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "ncnd_accuracy": ncnd_right / len(records) if records else 1.0,
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=ROOT / DEV, help="dev.jsonl (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results JSON (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.dev.is_file():
        shown = DEV.as_posix() if args.dev == ROOT / DEV else args.dev
        print(f"skipped: {shown} not found")
        return 0
    records = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(records)
    print(f"records          {result['records']}")
    print(f"micro precision  {result['precision']:.3f}  ({result['false_positives']} false positives)")
    print(f"micro recall     {result['recall']:.3f}  ({result['false_negatives']} misses)")
    print(f"NCND accuracy    {result['ncnd_accuracy']:.3f}")
    for miss in result["misses"]:
        print(
            f"  {miss['id']}: missed {miss['missed'] or '-'} extra {miss['extra'] or '-'}"
            f" ncnd gold={miss['gold_ncnd']} predicted={miss['predicted_ncnd']}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
