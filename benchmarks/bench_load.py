"""Load benchmark: concurrent batch suggestions and audit appenders sharing one audit log.

Runs 4 ``foiclassify suggest --input X --output Y --audit-log LOG`` processes of 50,000 rows each
(the corpus texts, with every 1000th request left blank so that skipped rows are exercised) while 4
more processes append records to the same log with the worker of ``benchmarks/audit_load.py``
(started once the first batch chunk is in the log, so that they contend with the batch writers).
Then ``foiclassify audit verify LOG`` must find an intact chain with exactly the expected number of
records: one per suggested or abstained row, none for skipped rows, plus every appended record.

Reports total rows/s over the batch phase, wall/CPU time and peak RSS per process, append
throughput and latency under load, and the verify result and time.

Usage::

    python benchmarks/bench_load.py [--model models/default] [--processes 4] [--rows 50000]

Writes ``benchmarks/results/bench_load.json``; exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import _common as c
import audit_load

BLANK_EVERY = 1000


def _appender(log: str, worker: int, count: int, barrier: Any, results: Any, peaks: Any) -> None:
    """audit_load's worker, plus this process's peak RSS (MB) once it is done."""
    audit_load._worker(log, worker, count, barrier, results)
    peaks.put((worker, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def _wait_for_records(log: Path, procs: list[Any], timeout: float) -> None:
    """Return once the log has content (a batch chunk was audited), a batch ended, or after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not any(p.done() for p in procs):
        if log.exists() and log.stat().st_size > 0:
            return
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    c.add_model_argument(parser)
    parser.add_argument("--processes", type=int, default=4, help="batch processes (default 4)")
    parser.add_argument("--rows", type=int, default=50_000, help="rows per batch process (default 50000)")
    parser.add_argument("--appenders", type=int, default=4, help="audit appending processes (default 4)")
    parser.add_argument("--records", type=int, default=2000, help="records per appender (default 2000)")
    parser.add_argument("--output", type=Path, default=c.RESULTS / "bench_load.json", help="results JSON file")
    args = parser.parse_args(argv)
    model_path = c.check_model(args.model)
    note = c.load_note()
    if note:
        print(note)

    tmp = c.scratch_dir("load")
    try:
        csv_in = tmp / "requests.csv"
        usable = c.write_requests_csv(csv_in, args.rows, blank_every=BLANK_EVERY)
        log = tmp / "audit.jsonl"
        expected = args.processes * usable + args.appenders * args.records
        print(f"{args.processes} batch processes x {args.rows:,} rows ({args.rows - usable} blank each) + "
              f"{args.appenders} appenders x {args.records:,} records -> expecting {expected:,} audit records",
              flush=True)
        cmds = [
            [*c.cli(), "suggest", "--input", str(csv_in), "--output", str(tmp / f"out-{k}.csv"),
             "--model", str(model_path), "--authority-type-field", "authority_type", "--audit-log", str(log),
             "--user", f"batch-{k}"]
            for k in range(args.processes)
        ]
        ctx = multiprocessing.get_context("spawn")
        with ThreadPoolExecutor(max_workers=args.processes) as pool:
            start = time.perf_counter()
            futures = [pool.submit(c.run_measured, cmd) for cmd in cmds]
            _wait_for_records(log, futures, timeout=600)
            appenders_started = time.perf_counter() - start
            barrier, results, peaks = ctx.Barrier(args.appenders), ctx.Queue(), ctx.Queue()
            procs = [ctx.Process(target=_appender, args=(str(log), w, args.records, barrier, results, peaks))
                     for w in range(args.appenders)]
            for proc in procs:
                proc.start()
            reports = [results.get() for _ in procs]  # drain before join (a full pipe would block a worker)
            peak_rss = dict(peaks.get() for _ in procs)
            for proc in procs:
                proc.join()
            runs = [f.result() for f in futures]
        batch_wall = max(r.ended for r in runs) - min(r.started for r in runs)
        append_wall = max(r[2] for r in reports) - min(r[1] for r in reports)
        latencies = [x for r in reports for x in r[3]]
        print("verifying the audit log ...", flush=True)
        verify = c.run_measured([*c.cli(), "audit", "verify", str(log)])
        match = re.search(r": (\d+) records, chain intact", verify.stdout)
        found = int(match.group(1)) if match else None
        output_rows = [c.count_csv_rows(tmp / f"out-{k}.csv") if runs[k].returncode == 0 else None
                       for k in range(args.processes)]
        log_mb = log.stat().st_size / 1e6 if log.exists() else 0.0
    finally:
        c.remove_dir(tmp)

    total_rows = args.processes * args.rows
    batch = [
        {"process": f"suggest #{k}", "returncode": r.returncode, "wall_s": round(r.wall_s, 2),
         "cpu_s": round(r.cpu_s, 2), "rows_per_s": round(args.rows / r.wall_s, 1), "max_rss_mb": round(r.max_rss_mb, 1),
         "output_rows": output_rows[k], "stderr_tail": r.stderr.strip().splitlines()[-1:] if r.returncode else []}
        for k, r in enumerate(runs)
    ]
    appenders = [{"process": f"appender #{w}", "max_rss_mb": round(peak_rss[w], 1),
                  "exitcode": procs[w].exitcode} for w in range(args.appenders)]
    checks = {
        "batch processes succeeded": all(r.returncode == 0 for r in runs),
        "appenders succeeded": all(p.exitcode == 0 for p in procs),
        "outputs have every row": all(n == args.rows for n in output_rows),
        "audit verify exit 0": verify.returncode == 0,
        "record count exact": found == expected,
    }
    doc = {
        "benchmark": "bench_load",
        "model": c.relative(model_path),
        "environment": c.environment(),
        "batch_processes": args.processes,
        "rows_per_process": args.rows,
        "blank_rows_per_process": args.rows - usable,
        "appenders": args.appenders,
        "records_per_appender": args.records,
        "batch_wall_s": round(batch_wall, 2),
        "total_rows_per_s": round(total_rows / batch_wall, 1),
        "appenders_started_after_s": round(appenders_started, 2),
        "append_wall_s": round(append_wall, 2),
        "append_records_per_s": round(len(latencies) / append_wall, 1) if append_wall else None,
        "append_latency_ms": {q: round(c.percentile(latencies, q) * 1e3, 2) for q in (50, 99, 100)},
        "processes": batch + appenders,
        "verify": {"returncode": verify.returncode, "wall_s": round(verify.wall_s, 2), "cpu_s": round(verify.cpu_s, 2),
                   "max_rss_mb": round(verify.max_rss_mb, 1), "records": found, "expected": expected,
                   "log_mb": round(log_mb, 1), "message": (verify.stdout or verify.stderr).strip()[:300]},
        "checks": checks,
    }

    rows = [[p["process"], p["wall_s"], p["cpu_s"], p["rows_per_s"], p["max_rss_mb"]] for p in batch]
    rows += [[p["process"], None, None, None, p["max_rss_mb"]] for p in appenders]
    rows.append(["audit verify", doc["verify"]["wall_s"], doc["verify"]["cpu_s"], None, doc["verify"]["max_rss_mb"]])
    c.print_table("Processes", ["process", "wall s", "CPU s", "rows/s", "peak RSS MB"], rows)
    lat = doc["append_latency_ms"]
    c.print_table("Load summary", ["measure", "value"], [
        ["batch rows", f"{total_rows:,} in {batch_wall:.1f} s"],
        ["total rows/s (all batch processes)", doc["total_rows_per_s"]],
        ["appenders started after s", doc["appenders_started_after_s"]],
        ["appended records/s (under load)", doc["append_records_per_s"]],
        ["append latency ms p50 / p99 / max", f"{lat[50]:.1f} / {lat[99]:.1f} / {lat[100]:.1f}"],
        ["audit log MB", doc["verify"]["log_mb"]],
        ["audit records found / expected", f"{found if found is not None else 0:,} / {expected:,}"],
    ])
    c.print_table("Checks", ["check", "result"], [[k, "PASS" if v else "FAIL"] for k, v in checks.items()])
    if not checks["audit verify exit 0"]:
        print(doc["verify"]["message"])
    if note:
        print(note)
    c.write_json_atomic(args.output, doc)
    print(f"written: {c.relative(args.output)}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
