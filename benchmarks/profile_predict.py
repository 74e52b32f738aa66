"""Where prediction time goes: stage timings and a cProfile of ``Model.predict`` on 10,000 requests.

Stages are timed by calling the same public pieces ``Model.predict`` calls, in order:

1. spaCy pipe - tokeniser, lookup lemmatiser, sentencizer and NORM lemmas (``Preprocessor.pipe``);
2. features - phrase matcher, model text, request shape (``Preprocessor.process_doc``);
3. frame - the pandas input frame (``Model.frame``);
4. vectorize - the ColumnTransformer, and each of its transformers on its own;
5. model - head scores, calibration, label probabilities;
6. decide - thresholds and the NCND rule;
7. the rest of ``Model.predict`` (Suggestion objects, score dicts): a full call minus the stages.

Then cProfile runs one full ``Model.predict`` and one ``load_model`` (the cold-start cost) and
prints the top functions by own and by cumulative time. Writes ``benchmarks/results/profile_predict.json``.

Usage::

    python benchmarks/profile_predict.py [--model models/default] [--requests 10000]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _common as c


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def stage_times(model: Any, texts: list[str], auth: list[str]) -> dict[str, float]:
    """Seconds per stage of Model.predict for ``texts`` (warm model)."""
    from foiclassify.predict import decide

    pre = model.preprocessor
    clf = model.bundle.model
    out: dict[str, float] = {}
    docs, out["spacy pipe (tokenise, lemmatise, sentencize)"] = _timed(lambda: list(pre.pipe(texts)))
    # As Preprocessor.process does: each document with its source text (the texts here are under MAX_CHARS).
    processed, out["features (matcher, model text, shape)"] = _timed(
        lambda: [pre.process_doc(d, t) for d, t in zip(docs, texts, strict=True)]
    )
    X, out["frame (pandas)"] = _timed(lambda: model.frame(processed, auth))
    matrix, out["vectorize (ColumnTransformer)"] = _timed(lambda: clf.transform(X))
    for name, transformer, columns in clf.vectorizer_.transformers_:
        if name == "remainder" or isinstance(transformer, str):  # "drop" / "passthrough"
            continue
        start = time.perf_counter()
        transformer.transform(X[columns])
        out[f"  vectorize: {name} alone"] = time.perf_counter() - start
    P, out["model (heads, calibration, combine)"] = _timed(
        lambda: clf.combine(clf.head_proba(clf.decision_function(matrix)))
    )
    t = model.bundle.thresholds.vector(model.labels)
    _, out["decide (thresholds, NCND rule)"] = _timed(lambda: decide(P, t, model.labels))
    _, total = _timed(lambda: model.predict(texts, auth))
    staged = sum(v for k, v in out.items() if not k.startswith("  "))
    out["rest of predict (Suggestion objects)"] = max(total - staged, 0.0)
    out["TOTAL Model.predict"] = total
    return out


def profile(fn: Callable[[], Any]) -> pstats.Stats:
    """cProfile one call of ``fn``."""
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    return pstats.Stats(profiler)


def top_functions(stats: pstats.Stats, sort: str, top: int) -> tuple[str, list[dict[str, Any]]]:
    """The ``top`` functions by ``sort`` ("tottime" or "cumtime"), as printed text and as data."""
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats(sort).print_stats(top)
    entries: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    key = 2 if sort == "tottime" else 3
    rows = []
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in sorted(
        entries.items(), key=lambda kv: -kv[1][key]
    )[:top]:
        rows.append({"function": f"{Path(filename).name}:{line}({func})", "calls": ncalls,
                     "tottime_s": round(tottime, 3), "cumtime_s": round(cumtime, 3)})
    return buf.getvalue(), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--requests", type=int, default=10_000, help="requests to predict (default 10000)")
    parser.add_argument("--top", type=int, default=25, help="functions to list per profile (default 25)")
    parser.add_argument("--output", type=Path, default=c.RESULTS / "profile_predict.json", help="results JSON file")
    args = parser.parse_args(argv)
    model_path = c.check_model(args.model)
    note = c.load_note()
    if note:
        print(note)

    from foiclassify.predict import load_model

    load_text, load_rows = top_functions(profile(lambda: load_model(model_path)), "cumtime", args.top)
    model, load_s = _timed(lambda: load_model(model_path))
    texts, auth = c.realistic_requests(args.requests)
    model.predict(texts[:20], auth[:20])  # warm: spaCy pipeline and matcher built
    stages = stage_times(model, texts, auth)
    total = stages["TOTAL Model.predict"]
    rows = [[name, seconds, f"{seconds / total:.1%}", f"{args.requests / seconds:,.0f}" if seconds else None]
            for name, seconds in stages.items()]
    c.print_table(f"Model.predict on {args.requests:,} requests, by stage (warm)",
                  ["stage", "seconds", "share", "req/s"], rows)
    print(f"(bundle load, separately: {load_s:.2f} s)")

    stats = profile(lambda: model.predict(texts, auth))
    text_tot, tot_rows = top_functions(stats, "tottime", args.top)
    text_cum, cum_rows = top_functions(stats, "cumtime", args.top)
    print("\ncProfile of Model.predict (profiler overhead inflates the total), by own time:")
    print(text_tot)
    print("cProfile of Model.predict, by cumulative time:")
    print(text_cum)
    print("cProfile of load_model, by cumulative time:")
    print(load_text)
    c.save_results(args.output, "profile_predict", model_path, model, {
        "requests": args.requests,
        "load_s": round(load_s, 3),
        "stages_s": {k.strip(): round(v, 3) for k, v in stages.items()},
        "top_by_tottime": tot_rows,
        "top_by_cumtime": cum_rows,
        "load_top_by_cumtime": load_rows,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
