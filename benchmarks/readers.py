"""How well a reader does from the request text alone: the ceiling a text classifier can aim at.

Scores blind predictions made by readers (an FOI officer, an assistant, another system) with the
metrics of ``realworld.py``, scores the panel of all readers (mean probability for the ranking,
majority vote for the set), and compares each with the model on the same bootstrap resamples.
The cases are those in the first reader file; every file must cover the same ones.

* ``--gold realworld`` (default): real cases in ``../shared/realworld/dev.jsonl``; the files are
  ``readers/*.jsonl``.
* ``--gold test``: requests from our held-out split ``data/test.jsonl``; the files are
  ``readers/corpus/*.jsonl``. The same readers on our own corpus show whether its labels are the
  ones an expert would give from the text.

A reader's file is JSON Lines, one line per case, keyed by the case id::

    {"id": "r002", "ranked": [["s31(1)", 0.7], ["s40(2)", 0.4]], "exemptions": ["s31(1)"]}

``ranked`` is the reader's ordered guesses with a probability each (at most five are used),
``exemptions`` the set the reader would suggest. The readers saw only the id, the authority and
the request; ``readers/brief.md`` is what they were asked. The files hold label codes, never
request text.

Usage::

    python benchmarks/readers.py [FILE.jsonl ...] [--gold realworld|test] [--model models/default]

Writes ``benchmarks/results/readers_<gold>.json``. Exits 0 with a "skipped" line when the real
cases are asked for and ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import _common as c
import numpy as np

READERS = Path(__file__).resolve().parent / "readers"
FOLDERS = {"realworld": READERS, "test": READERS / "corpus"}
HEADLINE = ("section_micro_f1", "section_macro_f1", "recall_at_3", "precision_at_1", "ncnd_recall",
            "ncnd_precision", "abstention_rate")


def read_reader(path: Path) -> dict[str, dict[str, Any]]:
    """A reader's lines keyed by case id; exits with a one-line message on a malformed line."""
    rows: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows[str(row["id"])] = {"ranked": [(str(code), float(p)) for code, p in row["ranked"]],
                                    "exemptions": [str(code) for code in row["exemptions"]]}
        except (ValueError, KeyError, TypeError) as exc:
            sys.exit(f"error: {path}:{number}: not a reader line ({exc}); expected "
                     '{"id": ..., "ranked": [[code, probability], ...], "exemptions": [code, ...]}')
    return rows


def matrices(path: Path, rows: dict[str, dict[str, Any]], ids: list[str],
             codes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(0/1, probability) matrices in case order and taxonomy order; exits on unknown labels or missing cases."""
    missing = [case for case in ids if case not in rows]
    if missing:
        sys.exit(f"error: {path}: no line for case {missing[0]} ({len(missing)} missing); "
                 "every reader file must cover the same cases")
    index = {code: j for j, code in enumerate(codes)}
    pred = np.zeros((len(ids), len(codes)), dtype=np.int8)
    P = np.zeros((len(ids), len(codes)))
    for i, case in enumerate(ids):
        row = rows[case]
        unknown = [code for code in [k for k, _ in row["ranked"]] + row["exemptions"] if code not in index]
        if unknown:
            sys.exit(f"error: {path}: case {case}: unknown label {unknown[0]!r}; use the taxonomy's codes")
        for rank, (code, p) in enumerate(row["ranked"][:5]):
            # A tiny decrement keeps the reader's order where two guesses share a probability.
            P[i, index[code]] = max(P[i, index[code]], p - 1e-6 * rank)
        for code in row["exemptions"]:
            pred[i, index[code]] = 1
    return pred, P


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="reader files (default: the --gold set's folder)")
    parser.add_argument("--gold", choices=sorted(FOLDERS), default="realworld", help="whose cases the readers saw")
    c.add_model_argument(parser)
    parser.add_argument("--output", type=Path, help="results JSON file (default: results/readers_<gold>.json)")
    args = parser.parse_args(argv)

    all_gold = c.load_realworld() if args.gold == "realworld" else c.heldout_gold()
    if all_gold is None:
        print(c.realworld_skip_note())
        return 0
    files = args.files or sorted(FOLDERS[args.gold].glob("*.jsonl"))
    if not files:
        sys.exit(f"error: no reader files given and none in {c.relative(FOLDERS[args.gold])}; pass FILE.jsonl")
    model_path = c.check_model(args.model)

    from foiclassify.evaluation import PairedDelta, bootstrap_section_f1
    from foiclassify.predict import load_model
    from foiclassify.taxonomy import load_taxonomy

    codes = load_taxonomy().codes
    lines = {path: read_reader(path) for path in files}
    ids = list(lines[files[0]])
    unknown = sorted(set(ids) - set(all_gold.ids))
    if unknown:
        sys.exit(f"error: {files[0]}: case {unknown[0]} is not in the {args.gold} cases; check --gold")
    gold = all_gold.select(ids)
    readers = {path.stem: matrices(path, rows, ids, codes) for path, rows in lines.items()}
    if len(readers) > 1:
        votes = np.mean([pred for pred, _ in readers.values()], axis=0)
        readers["panel"] = ((votes >= 0.5).astype(np.int8), np.mean([P for _, P in readers.values()], axis=0))
    model = load_model(model_path)
    model_pred, model_P = c.predict_matrices(model, gold.texts, gold.authority_types)

    result: dict[str, Any] = {}
    for name, (pred, P) in {"model": (model_pred, model_P), **readers}.items():
        entry = c.quality(gold, pred, P)
        entry["section_micro_f1_95"] = c.interval(bootstrap_section_f1(gold.Y, [pred], codes)[:, 0])
        if name != "model":
            delta = PairedDelta.of(gold.Y, model_pred, pred, codes)
            entry["model_minus_reader"] = {"mean": round(delta.mean, 4), "low": round(delta.low, 4),
                                           "high": round(delta.high, 4), "share_model_ahead": delta.share_ahead}
        result[name] = entry

    print(f"{len(ids)} {args.gold} cases; model {model.bundle_id} (with the authority type) against "
          f"{len(files)} reader file(s)")
    rows = [[name, *(entry[k] for k in HEADLINE), "[{:.2f}, {:.2f}]".format(*entry["section_micro_f1_95"]),
             "" if name == "model" else "{mean:+.3f} [{low:+.3f}, {high:+.3f}]".format(**entry["model_minus_reader"])]
            for name, entry in result.items()]
    c.print_table("Section-level quality: the model and the readers", [
        "predictor", "micro-F1", "macro-F1", "R@3", "P@1", "NCND R", "NCND P", "abstain", "micro-F1 95%",
        "model minus reader"], rows)
    c.save_results(args.output or c.RESULTS / f"readers_{args.gold}.json", "readers", model_path, model, {
        "gold": args.gold,
        "cases": len(ids),
        "readers": {path.stem: c.relative(path) for path in files},
        "quality": result,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
