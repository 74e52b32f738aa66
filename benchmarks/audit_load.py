"""Load test for the audit log: N processes append M records each at once, then the chain is verified.

Not a test: run it by hand, e.g.::

    python benchmarks/audit_load.py --processes 8 --records 2000
    python benchmarks/audit_load.py --log /mnt/shared/audit.jsonl --keep

It prints the append throughput (records/s over the time all workers were appending), per-append
latency percentiles, the verify time and the verify result. Exit status 0 means every record
arrived and the chain verifies.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from foiclassify import audit
from foiclassify.taxonomy import load_taxonomy


def _payload(worker: int, i: int) -> dict[str, Any]:
    """A payload the size of a real suggestion: one score and threshold per taxonomy label."""
    codes = load_taxonomy().codes
    return audit.suggestion_payload(
        f"Request {worker}-{i}: all correspondence about the bypass contract since 2019.",
        model_id="benchmark",
        model_checksum="0" * 64,
        taxonomy_version=load_taxonomy().version,
        labels=[codes[i % len(codes)]],
        scores={code: (i * 7 + k) % 100 / 100 for k, code in enumerate(codes)},
        thresholds={code: 0.5 for code in codes},
        ncnd=False,
        abstained=False,
    )


def _worker(log: str, worker: int, count: int, barrier: Any, results: Any) -> None:
    payloads = [_payload(worker, i) for i in range(count)]  # built before timing starts
    barrier.wait()  # all workers start appending together, so they contend for the lock
    start = time.time()
    latencies = []
    for payload in payloads:
        t0 = time.perf_counter()
        audit.append(log, "suggest", payload, user=f"bench-{worker}")
        latencies.append(time.perf_counter() - t0)
    results.put((worker, start, time.time(), latencies))


def _percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", "-n", type=int, default=4, help="appending processes (default 4)")
    parser.add_argument("--records", "-m", type=int, default=1000, help="records per process (default 1000)")
    parser.add_argument("--log", type=Path, help="log to append to (default: a new temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary log and print its path")
    parser.add_argument("--start-method", default="spawn", choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args(argv)
    if args.processes < 1 or args.records < 1:
        parser.error("--processes and --records must be at least 1")

    # mkdtemp, not TemporaryDirectory: the latter deletes itself at exit even when --keep asks not to.
    tmp = None if args.log else Path(tempfile.mkdtemp(prefix="foiclassify-audit-"))
    log = args.log or (tmp or Path()) / "audit.jsonl"
    before = audit.verify(log).records if log.exists() else 0
    try:
        ctx = multiprocessing.get_context(args.start_method)
        barrier, results = ctx.Barrier(args.processes), ctx.Queue()
        procs = [
            ctx.Process(target=_worker, args=(str(log), w, args.records, barrier, results))
            for w in range(args.processes)
        ]
        for proc in procs:
            proc.start()
        reports = [results.get() for _ in procs]  # drain before join so no worker blocks on a full pipe
        for proc in procs:
            proc.join()
        failed = [proc.exitcode for proc in procs if proc.exitcode != 0]

        total = args.processes * args.records
        elapsed = max(r[2] for r in reports) - min(r[1] for r in reports)
        latencies = sorted(x for r in reports for x in r[3])
        print(f"log: {log} ({log.stat().st_size / 1e6:.1f} MB)")
        print(f"append: {args.processes} processes x {args.records} records = {total} in {elapsed:.2f} s")
        print(f"        {total / elapsed:,.0f} records/s")
        print(
            "        latency ms: "
            f"p50 {_percentile(latencies, 50) * 1e3:.2f}, p99 {_percentile(latencies, 99) * 1e3:.2f}, "
            f"max {latencies[-1] * 1e3:.2f}"
        )

        t0 = time.perf_counter()
        report = audit.verify(log)
        verify_s = time.perf_counter() - t0
        expected = before + total
        complete = report.records == expected
        rate = report.records / verify_s if verify_s else float("inf")
        print(f"verify: {report.records} records in {verify_s:.2f} s ({rate:,.0f} records/s)")
        if report.ok:
            print(f"        OK, chain intact (last seq {report.last_seq}); {len(report.warnings)} warning(s)")
        else:
            assert report.problem is not None
            print(f"        FAILED: {report.problem.message}")
        if not complete:
            print(f"        MISSING RECORDS: expected {expected}, found {report.records}")
        if failed:
            print(f"        WORKERS FAILED with exit codes {failed}")
        if tmp and args.keep:
            print(f"kept: {log}")
        return 0 if report.ok and complete and not failed else 1
    finally:
        if tmp and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
