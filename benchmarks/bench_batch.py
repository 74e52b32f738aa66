"""Batch benchmark: ``foiclassify suggest --input X --output Y`` on a 100,000-row CSV.

Generates a CSV (id, request, authority_type) from the corpus texts in a temporary folder, then runs
the batch command in a subprocess twice - with ``--no-audit`` and with the audit log on (written to
a temporary log) - and reports, for each run, rows/s (rows over process wall time, model loading
included), CPU time and peak RSS. Checks that each output has exactly one row per input row and,
for the audited run, that the log verifies with one record per row.

Usage::

    python benchmarks/bench_batch.py [--model models/default] [--rows 100000]

Writes ``benchmarks/results/bench_batch.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import _common as c


def run_batch(model_path: Path, csv_in: Path, out: Path, rows: int, audit_log: Path | None) -> dict[str, Any]:
    """One batch run in a subprocess, measured and checked."""
    cmd = [*c.cli(), "suggest", "--input", str(csv_in), "--output", str(out), "--model", str(model_path),
           "--authority-type-field", "authority_type"]
    cmd += ["--audit-log", str(audit_log)] if audit_log else ["--no-audit"]
    run = c.run_measured(cmd).check()
    output_rows = c.count_csv_rows(out)
    result: dict[str, Any] = {
        "audit": audit_log is not None,
        "wall_s": round(run.wall_s, 2),
        "cpu_s": round(run.cpu_s, 2),
        "rows_per_s": round(rows / run.wall_s, 1),
        "rows_per_cpu_s": round(rows / run.cpu_s, 1),
        "max_rss_mb": round(run.max_rss_mb, 1),
        "output_rows": output_rows,
        "output_rows_ok": output_rows == rows,
        "output_mb": round(out.stat().st_size / 1e6, 1),
        "summary_line": run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "",
    }
    if audit_log is not None:
        from foiclassify.audit import verify

        start = time.perf_counter()
        report = verify(audit_log)
        result.update(
            audit_records=report.records,
            audit_ok=report.ok and report.records == rows,
            audit_verify_s=round(time.perf_counter() - start, 2),
            audit_log_mb=round(audit_log.stat().st_size / 1e6, 1),
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the generated CSV (default 100000)")
    parser.add_argument("--output", type=Path, default=c.RESULTS / "bench_batch.json", help="results JSON file")
    args = parser.parse_args(argv)
    model_path = c.check_model(args.model)
    note = c.load_note()
    if note:
        print(note)

    tmp = c.scratch_dir("batch")
    try:
        csv_in = tmp / "requests.csv"
        c.write_requests_csv(csv_in, args.rows)
        print(f"input: {args.rows:,} rows, {csv_in.stat().st_size / 1e6:.1f} MB (corpus texts repeated)", flush=True)
        runs = []
        for audit in (False, True):
            label = "audit log on" if audit else "--no-audit"
            print(f"running suggest --input ({label}) ...", flush=True)
            runs.append(run_batch(model_path, csv_in, tmp / f"out-{int(audit)}.csv", args.rows,
                                  tmp / "audit.jsonl" if audit else None))
    finally:
        c.remove_dir(tmp)

    rows = []
    for r in runs:
        checks = f"{r['output_rows']:,} rows {'OK' if r['output_rows_ok'] else 'WRONG'}"
        if r["audit"]:
            checks += f"; log {r['audit_records']:,} records {'OK' if r['audit_ok'] else 'WRONG'}"
        rows.append(["audit log on" if r["audit"] else "--no-audit", r["rows_per_s"], r["wall_s"], r["cpu_s"],
                     r["max_rss_mb"], checks])
    c.print_table(f"foiclassify suggest --input <{args.rows:,}-row CSV> --output <CSV>",
                  ["run", "rows/s", "wall s", "CPU s", "peak RSS MB", "checks"], rows)
    if len(runs) == 2:
        print(f"audit log cost: {runs[1]['cpu_s'] / runs[0]['cpu_s'] - 1:+.1%} CPU time "
              f"({runs[1]['wall_s'] / runs[0]['wall_s'] - 1:+.1%} wall time); "
              f"verify {runs[1]['audit_records']:,} records in {runs[1]['audit_verify_s']:.1f} s")
    if note:
        print(note)
    c.write_json_atomic(args.output, {
        "benchmark": "bench_batch",
        "model": c.relative(model_path),
        "environment": c.environment(),
        "rows": args.rows,
        "runs": runs,
    })
    print(f"written: {c.relative(args.output)}")
    ok = all(r["output_rows_ok"] and r.get("audit_ok", True) for r in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
