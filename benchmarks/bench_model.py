"""Training-pipeline benchmark: speed, memory, size and quality of a model bundle, against references.

One run measures, on this machine:

* training: ``foiclassify train data/train.jsonl`` in a subprocess (wall, CPU, peak RSS; bundle
  written to a temporary folder and removed);
* warm batch throughput of ``Model.predict`` on 10,000 realistic requests (the corpus texts
  repeated), median of 3 runs, and single-request latency p50/p95 (200 calls);
* cold CLI: one ``foiclassify suggest "..." --no-audit --format jsonl`` process, start to exit
  (median of 5), against the import floor ``python -c "import spacy, sklearn, pandas, numpy,
  skops.io"`` (median of 5); ``foiclassify --help`` (median of 5) and whether it imports heavy
  modules; peak RSS of the suggest process; bundle size;
* floor: spaCy's tokenizer alone over the same 10,000 texts;
* reference: a spaCy ``textcat_multilabel`` pipeline (bag-of-words, ``spacy.TextCatBOW.v3``,
  ``exclusive_classes`` false, threshold 0.5) trained on the same labels - training time, warm
  throughput, size on disk, quality;
* quality of both on ``data/test.jsonl`` and on ``../shared/realworld/dev.jsonl`` (skipped with a
  note when absent); ours with and without the authority type.

Prints a table with the targets and a pass/fail column; writes ``benchmarks/results/bench_model.json``.

Usage::

    python benchmarks/bench_model.py [--model models/default] [--skip-train] [--skip-reference]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import _common as c
import numpy as np

SUGGEST_TEXT = (
    "Under the Freedom of Information Act please tell me how many drones the force owns, where they are "
    "based, and whether any have been used for covert surveillance of protests since 2020."
)
FLOOR_IMPORTS = "import spacy, sklearn, pandas, numpy, skops.io"
HEAVY_MODULES = ("spacy", "sklearn", "pandas", "scipy", "matplotlib", "skops", "thinc")


# -- training ------------------------------------------------------------------------------------


def bench_training() -> dict[str, Any]:
    """Train a bundle from data/train.jsonl in a subprocess, as a user would."""
    from foiclassify.artifacts import sha256_file

    tmp = c.scratch_dir("train")
    try:
        out = tmp / "bundle"
        before = sha256_file(c.TRAIN)
        run = c.run_measured([*c.cli(), "train", str(c.TRAIN), "--out", str(out)]).check()
        if sha256_file(c.TRAIN) != before:
            print(f"warning: {c.relative(c.TRAIN)} changed while training was timed; run again", flush=True)
        return {
            "command": f"foiclassify train {c.relative(c.TRAIN)} --out <tmp>",
            "rows": len(c.read_jsonl(c.TRAIN)),
            "train_file_sha256": before,
            "wall_s": round(run.wall_s, 2),
            "cpu_s": round(run.cpu_s, 2),
            "max_rss_mb": round(run.max_rss_mb, 1),
            "bundle_mb": round(c.folder_mb(out), 2),
        }
    finally:
        c.remove_dir(tmp)


# -- cold processes ------------------------------------------------------------------------------


def _summary(runs: list[c.Run]) -> dict[str, Any]:
    return {
        "runs": len(runs),
        "wall_s_median": round(c.median([r.wall_s for r in runs]), 3),
        "wall_s_all": [round(r.wall_s, 3) for r in runs],
        "cpu_s_median": round(c.median([r.cpu_s for r in runs]), 3),
        "max_rss_mb": round(max(r.max_rss_mb for r in runs), 1),
    }


def heavy_imports_of_help() -> list[str]:
    """Heavy top-level modules that ``foiclassify --help`` imports (``-X importtime``)."""
    run = c.run_measured([sys.executable, "-X", "importtime", "-m", "foiclassify", "--help"]).check()
    names = set()
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return sorted(names & set(HEAVY_MODULES))


def bench_cold(model_path: Path, runs: int) -> dict[str, Any]:
    """Process start-to-exit times of --help, the import floor and one suggestion."""
    help_runs = [c.run_measured([*c.cli(), "--help"]).check() for _ in range(runs)]
    # As installed from a wheel: bytecode compiled once and reused. Cached outside the project
    # (PYTHONPYCACHEPREFIX) so that no __pycache__ lands in the source tree.
    cache = c.scratch_dir("pycache")
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(cache)
        c.run_measured([*c.cli(), "--help"], env=env).check()  # writes the cache
        cached_runs = [c.run_measured([*c.cli(), "--help"], env=env).check() for _ in range(runs)]
    finally:
        c.remove_dir(cache)
    floor_runs = [c.run_measured([sys.executable, "-c", FLOOR_IMPORTS]).check() for _ in range(runs)]
    cmd = [*c.cli(), "suggest", SUGGEST_TEXT, "--no-audit", "--format", "jsonl", "--model", str(model_path)]
    suggest_runs = [c.run_measured(cmd).check() for _ in range(runs)]
    record = json.loads(suggest_runs[0].stdout)  # the contract: one JSON line
    assert isinstance(record.get("labels"), list), "suggest --format jsonl printed no labels"
    suggest = _summary(suggest_runs)
    floor = _summary(floor_runs)
    return {
        "help": {**_summary(help_runs), "heavy_imports": heavy_imports_of_help()},
        "help_bytecode_cached": _summary(cached_runs),
        "import_floor": {**floor, "command": f'python -c "{FLOOR_IMPORTS}"'},
        "suggest": {**suggest, "labels": record["labels"]},
        "suggest_over_floor": round(suggest["wall_s_median"] / floor["wall_s_median"], 3),
        "suggest_over_floor_cpu": round(suggest["cpu_s_median"] / floor["cpu_s_median"], 3),
    }


# -- warm, in-process ----------------------------------------------------------------------------


def bench_warm(model: Any, texts: list[str], auth: list[str], runs: int, calls: int) -> dict[str, Any]:
    """Batch throughput (median of ``runs``) and single-request latency of ``Model.predict``."""
    model.predict(texts[:20], auth[:20])  # builds the spaCy pipeline and matcher
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        model.predict(texts, auth)
        seconds.append(time.perf_counter() - start)
    latencies = []
    for i in range(calls):
        start = time.perf_counter()
        model.predict([texts[i]], [auth[i]])
        latencies.append(time.perf_counter() - start)
    return {
        "requests": len(texts),
        "runs_s": [round(s, 3) for s in seconds],
        "throughput_rps": round(len(texts) / c.median(seconds), 1),
        "latency_calls": calls,
        "latency_p50_ms": round(c.percentile(latencies, 50) * 1e3, 2),
        "latency_p95_ms": round(c.percentile(latencies, 95) * 1e3, 2),
    }


def bench_tokenizer(texts: list[str], runs: int) -> dict[str, Any]:
    """spaCy's English tokenizer alone: the floor any spaCy-based pipeline pays."""
    import spacy

    tokenizer: Any = spacy.blank("en").tokenizer
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for _doc in tokenizer.pipe(texts):
            pass
        seconds.append(time.perf_counter() - start)
    return {"runs_s": [round(s, 3) for s in seconds], "throughput_rps": round(len(texts) / c.median(seconds), 1)}


# -- the spaCy reference -------------------------------------------------------------------------


def spacy_reference(epochs: int, seed: int) -> tuple[Any, dict[str, Any]]:
    """Train the textcat_multilabel reference on data/train.jsonl; returns (nlp, timing)."""
    import random

    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    from foiclassify.data import load_dataset
    from foiclassify.taxonomy import load_taxonomy

    wall0, cpu0 = time.perf_counter(), time.process_time()
    ds = load_dataset(c.TRAIN)
    present = {code for labels in ds.labels for code in labels}
    labels = [code for code in load_taxonomy().codes if code in present]  # a label never seen cannot be learned
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    config = {
        "threshold": 0.5,
        # spaCy's quickstart "efficiency" choice for multi-label text classification.
        "model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
                  "no_output_layer": False, "length": 262144},
    }
    textcat: Any = nlp.add_pipe("textcat_multilabel", config=config)
    for label in labels:
        textcat.add_label(label)
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {lab: float(lab in gold) for lab in labels}})
        for text, gold in zip(ds.texts, (set(x) for x in ds.labels), strict=True)
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    losses: dict[str, float] = {}
    for _ in range(epochs):
        rng.shuffle(examples)
        losses = {}
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
    timing = {
        "architecture": "spacy.TextCatBOW.v3 (ngram_size 1, length 262144), exclusive_classes false",
        "epochs": epochs,
        "seed": seed,
        "threshold": 0.5,
        "labels": len(labels),
        "final_loss": round(losses.get("textcat_multilabel", float("nan")), 4),
        "train_wall_s": round(time.perf_counter() - wall0, 2),
        "train_cpu_s": round(time.process_time() - cpu0, 2),
    }
    return nlp, timing


def spacy_scores(nlp: Any, texts: list[str]) -> np.ndarray:
    """The reference's label scores, taxonomy order (0 for labels it was not trained on)."""
    from foiclassify.taxonomy import load_taxonomy

    codes = load_taxonomy().codes
    P = np.zeros((len(texts), len(codes)))
    for i, doc in enumerate(nlp.pipe(texts)):
        for j, code in enumerate(codes):
            P[i, j] = doc.cats.get(code, 0.0)
    return P


def bench_spacy_speed(nlp: Any, texts: list[str], runs: int) -> dict[str, Any]:
    """Warm throughput and size on disk of the reference."""
    list(nlp.pipe(texts[:20]))
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for doc in nlp.pipe(texts):
            _ = doc.cats
        seconds.append(time.perf_counter() - start)
    tmp = c.scratch_dir("textcat")
    try:
        nlp.to_disk(tmp / "nlp")
        size = c.folder_mb(tmp / "nlp")
    finally:
        c.remove_dir(tmp)
    return {"runs_s": [round(s, 3) for s in seconds], "throughput_rps": round(len(texts) / c.median(seconds), 1),
            "bundle_mb": round(size, 2)}


# -- report --------------------------------------------------------------------------------------


def _target(name: str, value: float | None, op: str, limit: float, shown: str, limit_shown: str = "") -> dict[str, Any]:
    ok = None if value is None else (value >= limit if op == ">=" else value <= limit)
    return {"target": name, "value": value, "op": op, "limit": limit, "limit_shown": limit_shown or f"{op} {limit:g}",
            "shown": shown, "pass": ok}


def targets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The performance and quality targets, evaluated."""
    warm = doc["warm"]["throughput_rps"]
    floor = doc["tokenizer_floor"]["throughput_rps"]
    ref = doc.get("spacy_reference")
    out = [
        _target("warm throughput / tokenizer floor", warm / floor, ">=", 0.40, f"{warm / floor:.1%}"),
    ]
    if ref:
        ratio = warm / ref["throughput_rps"]
        out.append(_target("warm throughput / spaCy textcat", ratio, ">=", 2.0, f"{ratio:.2f}x"))
    cold = doc["cold"]
    help_s = cold["help"]["wall_s_median"]
    out.append(_target("--help wall s", help_s, "<=", 0.3, f"{help_s:.3f}"))
    cached_s = cold["help_bytecode_cached"]["wall_s_median"]
    out.append(_target("--help wall s, bytecode cached", cached_s, "<=", 0.3, f"{cached_s:.3f}"))
    out.append(_target("--help imports no heavy module", float(not cold["help"]["heavy_imports"]), ">=", 1.0,
                       ", ".join(cold["help"]["heavy_imports"]) or "none", "none"))
    out.append(_target("cold suggest / import floor", cold["suggest_over_floor"], "<=", 1.3,
                       f"{cold['suggest_over_floor']:.2f}x"))
    if doc.get("training"):
        train_s = doc["training"]["wall_s"]
        out.append(_target("training wall s", train_s, "<=", 60.0, f"{train_s:.1f}"))
    rss = cold["suggest"]["max_rss_mb"]
    out.append(_target("prediction peak RSS MB", rss, "<=", 400.0, f"{rss:.0f}"))
    real = doc["quality"].get("realworld")
    if real and ref:
        for key in ("with_authority", "without_authority"):
            gap = real["ours"][key]["section_micro_f1"] - real["spacy_textcat"]["section_micro_f1"]
            out.append(_target(f"real-world section micro-F1 - spaCy ({key.replace('_', ' ')})", gap, ">=", 0.10,
                               f"{gap:+.3f}"))
    return out


def print_report(doc: dict[str, Any]) -> None:
    ref = doc.get("spacy_reference")
    train = doc.get("training")
    cold, warm = doc["cold"], doc["warm"]
    floor = doc["tokenizer_floor"]["throughput_rps"]
    rows: list[list[Any]] = []
    if train:
        rows.append([f"training on {train['rows']:,} rows: wall s (CPU s)",
                     f"{train['wall_s']:.1f} ({train['cpu_s']:.1f})",
                     f"{ref['train_wall_s']:.1f} ({ref['train_cpu_s']:.1f})" if ref else None])
        rows.append(["training peak RSS MB", f"{train['max_rss_mb']:.0f}", None])
    rows += [
        [f"warm throughput req/s ({warm['requests']:,} requests, median of {len(warm['runs_s'])})",
         warm["throughput_rps"], ref["throughput_rps"] if ref else None],
        ["  % of spaCy tokenizer floor", f"{warm['throughput_rps'] / floor:.1%}",
         f"{ref['throughput_rps'] / floor:.1%}" if ref else None],
        ["single request p50 / p95 ms", f"{warm['latency_p50_ms']:.1f} / {warm['latency_p95_ms']:.1f}", None],
        ["cold suggest s (CPU s)", f"{cold['suggest']['wall_s_median']:.2f} ({cold['suggest']['cpu_s_median']:.2f})",
         None],
        ["import floor s (CPU s)",
         f"{cold['import_floor']['wall_s_median']:.2f} ({cold['import_floor']['cpu_s_median']:.2f})", None],
        ["cold suggest / floor (CPU)", f"{cold['suggest_over_floor']:.2f}x ({cold['suggest_over_floor_cpu']:.2f}x)",
         None],
        ["--help s (bytecode cached)",
         f"{cold['help']['wall_s_median']:.3f} ({cold['help_bytecode_cached']['wall_s_median']:.3f})", None],
        ["bundle MB", doc["bundle_mb"], ref["bundle_mb"] if ref else None],
        ["prediction process peak RSS MB", f"{cold['suggest']['max_rss_mb']:.0f}", None],
        ["in-process bundle load s", doc["load_s"], None],
    ]
    c.print_table("Speed and size", ["measure", "foiclassify", "spaCy textcat"], rows)
    print(f"spaCy tokenizer floor: {floor:,.0f} req/s")
    prov = doc["provenance"]
    print(f"bundle trained on {prov['bundle_training_rows']} rows; data/train.jsonl now has {prov['train_jsonl_rows']} "
          f"(training and the spaCy reference used data/train.jsonl as it is now)")

    for name, data in doc["quality"].items():
        if data is None:
            print(f"\n{name}: {c.realworld_skip_note()}")
            continue
        columns = {"ours (auth)": data["ours"]["with_authority"], "ours (no auth)": data["ours"]["without_authority"]}
        if "spacy_textcat" in data:
            columns["spaCy textcat"] = data["spacy_textcat"]
        c.print_quality(f"Quality on {name} (n={data['n']}; section level unless stated)", columns)
        if name == "realworld":
            c.print_per_section("Real-world per section (P where suggested, R where true)", columns)
        warning = c.contamination_note(name, data["seen_in_training"], data["n"])
        if warning:
            print(warning)

    rows = [[t["target"], t["shown"], t["limit_shown"],
             "n/a" if t["pass"] is None else ("PASS" if t["pass"] else "FAIL")] for t in doc["targets"]]
    c.print_table("Targets", ["target", "value", "limit", "result"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--requests", type=int, default=10_000, help="requests for the warm batch (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="warm runs, median reported (default 3)")
    parser.add_argument("--cold-runs", type=int, default=5, help="process runs, median reported (default 5)")
    parser.add_argument("--latency-calls", type=int, default=200, help="single-request calls (default 200)")
    parser.add_argument("--epochs", type=int, default=10, help="spaCy reference epochs (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="spaCy reference seed (default 0)")
    parser.add_argument("--skip-train", action="store_true", help="do not time training")
    parser.add_argument("--skip-reference", action="store_true", help="do not train the spaCy reference")
    parser.add_argument("--output", type=Path, default=c.RESULTS / "bench_model.json", help="results JSON file")
    args = parser.parse_args(argv)
    model_path = c.check_model(args.model)

    doc: dict[str, Any] = {"benchmark": "bench_model", "model": c.relative(model_path), "environment": c.environment()}
    note = c.load_note()
    if note:
        print(note)
    # Subprocess measurements first, while this process holds no model in memory.
    if not args.skip_train:
        print("timing training ...", flush=True)
        doc["training"] = bench_training()
    print("timing cold processes ...", flush=True)
    doc["cold"] = bench_cold(model_path, args.cold_runs)
    doc["bundle_mb"] = round(c.folder_mb(model_path), 2)

    from foiclassify.predict import load_model

    print("timing warm prediction ...", flush=True)
    start = time.perf_counter()
    model = load_model(model_path)
    doc["load_s"] = round(time.perf_counter() - start, 2)
    doc["bundle_id"] = model.bundle_id
    texts, auth = c.realistic_requests(args.requests)
    doc["warm"] = bench_warm(model, texts, auth, args.runs, args.latency_calls)
    doc["tokenizer_floor"] = bench_tokenizer(texts, args.runs)

    print("scoring quality ...", flush=True)
    golds = {"test": c.heldout_gold(), "realworld": c.load_realworld()}
    doc["provenance"] = c.provenance(model)
    doc["quality"] = {}
    for name, gold in golds.items():
        doc["quality"][name] = None if gold is None else {
            "n": len(gold.texts),
            "seen_in_training": c.seen_in_training(model, gold.texts),
            "ours": c.model_quality(model, gold),
        }
    if not args.skip_reference:
        print("training the spaCy reference ...", flush=True)
        nlp, ref = spacy_reference(args.epochs, args.seed)
        ref.update(bench_spacy_speed(nlp, texts, args.runs))
        doc["spacy_reference"] = ref
        for name, gold in golds.items():
            if gold is not None:
                P = spacy_scores(nlp, gold.texts)
                doc["quality"][name]["spacy_textcat"] = c.quality(gold, (P >= 0.5).astype(np.int8), P)
    doc["targets"] = targets(doc)
    doc["environment"]["load_average_at_end"] = list(os.getloadavg())
    print_report(doc)
    if note:
        print(f"\n{note}")
    c.write_json_atomic(args.output, doc)
    print(f"\nwritten: {c.relative(args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
