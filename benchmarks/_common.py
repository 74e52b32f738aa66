"""Helpers shared by the benchmark scripts (not part of the product).

Measuring processes: :func:`run_measured` starts a command and reaps it with ``os.wait4``, which
returns the kernel's resource usage *of that child alone* (the same accounting as
``resource.getrusage(RUSAGE_CHILDREN)``, but per process, so several runs and concurrent processes
do not blur into one maximum). Peak RSS is ``ru_maxrss``; CPU time is user + system.

Quality: :func:`quality` scores predictions with :func:`foiclassify.evaluation.score` (labels) and
:func:`~foiclassify.evaluation.score_sections` (sections), label matrix in taxonomy order.
:func:`load_realworld` reads ``../shared/realworld/dev.jsonl`` (measurement only; returns ``None``
when the folder is absent) and never copies its text anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from foiclassify.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_MODEL = ROOT / "models" / "default"
REALWORLD = ROOT.parent / "shared" / "realworld" / "dev.jsonl"
TRAIN = ROOT / "data" / "train.jsonl"
TEST = ROOT / "data" / "test.jsonl"


# -- arguments and environment -------------------------------------------------------------------


def add_model_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--model`` option every script takes."""
    parser.add_argument(
        "--model", type=Path, default=DEFAULT_MODEL, help=f"model bundle folder (default: {DEFAULT_MODEL})"
    )


def check_model(path: Path) -> Path:
    """Return the absolute bundle path, or exit with a one-line message when there is none."""
    path = path.expanduser().resolve()
    if not (path / "model.skops").exists():
        sys.exit(
            f"error: no model bundle at {path}; train one with "
            "'foiclassify train data/train.jsonl --out models/default' or pass --model PATH"
        )
    return path


def cli() -> list[str]:
    """The ``foiclassify`` command of this interpreter's environment (as a user would run it)."""
    script = Path(sys.executable).parent / "foiclassify"
    return [str(script)] if script.exists() else [sys.executable, "-m", "foiclassify"]


def environment() -> dict[str, Any]:
    """Where and when the numbers were taken: they mean little without the machine and its load."""
    import sklearn
    import spacy

    import foiclassify

    return {
        "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": list(os.getloadavg()),
        "foiclassify": foiclassify.__version__,
        "spacy": spacy.__version__,
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }


def load_note() -> str:
    """A warning line when other work is competing for the CPUs (timings are then inflated)."""
    load1 = os.getloadavg()[0]
    cpus = os.cpu_count() or 1
    if load1 > cpus:
        return (
            f"note: load average {load1:.1f} on {cpus} CPUs: other processes compete for the CPUs, so wall times "
            "are inflated; CPU times are reported beside them"
        )
    return ""


# -- measuring -----------------------------------------------------------------------------------


@dataclass
class Run:
    """One finished subprocess."""

    cmd: list[str]
    returncode: int
    wall_s: float
    cpu_s: float
    max_rss_mb: float
    stdout: str
    stderr: str
    started: float  # time.perf_counter() at start
    ended: float

    def check(self) -> Run:
        """Raise with the command's stderr when it failed (a benchmark of a failure means nothing)."""
        if self.returncode != 0:
            tail = "\n".join(self.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"command failed with exit code {self.returncode}: {' '.join(self.cmd)}\n{tail}")
        return self


def run_measured(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` to completion and measure its wall time, CPU time and peak RSS.

    Output goes to temporary files, not pipes, so a chatty command can never block on a full pipe.
    Safe to call from several threads at once (each reaps only its own child).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, cwd=cwd or ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        end = time.perf_counter()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        out.seek(0)
        err.seek(0)
        return Run(
            cmd=list(cmd),
            returncode=proc.returncode,
            wall_s=end - start,
            cpu_s=usage.ru_utime + usage.ru_stime,
            max_rss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            started=start,
            ended=end,
        )


def median(values: Sequence[float]) -> float:
    """Median (of a non-empty sequence)."""
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (linear interpolation, numpy's default)."""
    return float(np.percentile(np.asarray(values, dtype=float), q))


def folder_mb(path: Path) -> float:
    """Size of the files in a folder, in MB (10^6 bytes)."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6


def write_json_atomic(path: Path, doc: dict[str, Any]) -> None:
    """Write a results file atomically (temp file in the same folder, fsync, os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; results are ordinary files
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False, default=float)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_results(path: Path, benchmark: str, model_path: Path, model: Any, fields: dict[str, Any]) -> None:
    """Write a script's results after what every results file starts with (which bundle, where, when)."""
    write_json_atomic(path, {
        "benchmark": benchmark,
        "model": relative(model_path),
        "bundle_id": model.bundle_id,
        "environment": environment(),
        **fields,
    })
    print(f"\nwritten: {relative(path)}")


def relative(path: Path) -> str:
    """Path relative to the project root when inside it (shorter output)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# -- data ----------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus() -> list[dict[str, Any]]:
    """The project's own corpus (train then test): realistic request texts and authority types."""
    return read_jsonl(TRAIN) + read_jsonl(TEST)


def realistic_requests(n: int) -> tuple[list[str], list[str]]:
    """``n`` request texts with their authority types: the corpus repeated (what triage really sees)."""
    records = corpus()
    picked = [records[i % len(records)] for i in range(n)]
    return [r["request"] for r in picked], [r.get("authority_type") or "" for r in picked]


def write_requests_csv(path: Path, rows: int, *, blank_every: int = 0) -> int:
    """Write a batch input CSV (id, request, authority_type) from the corpus texts.

    With ``blank_every`` = k, every k-th row has an empty request (the batch skips those rows).
    Returns the number of non-blank rows.
    """
    import csv

    texts, auth = realistic_requests(rows)
    usable = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "request", "authority_type"])
        for i, (text, kind) in enumerate(zip(texts, auth, strict=True), start=1):
            blank = blank_every > 0 and i % blank_every == 0
            usable += not blank
            writer.writerow([f"b{i:07d}", "" if blank else text, kind])
    return usable


def count_csv_rows(path: Path) -> int:
    """Data rows of a CSV file (quoted newlines inside fields are handled)."""
    import csv

    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


def scratch_dir(prefix: str) -> Path:
    """A temporary folder for generated inputs and outputs (remove with :func:`remove_dir`)."""
    return Path(tempfile.mkdtemp(prefix=f"foiclassify-{prefix}-"))


def remove_dir(path: Path) -> None:
    """Remove a scratch folder."""
    shutil.rmtree(path, ignore_errors=True)


# -- quality -------------------------------------------------------------------------------------

_AUTHORITY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("police", ("police", "constabulary")),
    # Professional regulators named "... Council" are regulators, not local councils.
    ("regulator", ("midwifery council", "medical council", "professions council")),
    ("council", ("council",)),
    ("nhs", ("nhs", "trust", "hospital")),
    ("university", ("university",)),
    ("fire", ("fire",)),
    ("transport", ("transport",)),
    ("regulator", ("commission", "ofsted", "regulator")),
    ("central_government", ("department", "office", "ministry", "treasury")),
)


def authority_type_of(name: str) -> str:
    """Map an authority's name to one of our authority types (first matching rule wins)."""
    lowered = name.lower()
    for kind, words in _AUTHORITY_WORDS:
        if any(word in lowered for word in words):
            return kind
    return "other"


def label_matrix(label_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """0/1 matrix in taxonomy order; section codes (``s40``) map to the section's usual label."""
    tax = load_taxonomy()
    Y = np.zeros((len(label_lists), len(tax)), dtype=np.int8)
    for i, codes in enumerate(label_lists):
        for code in codes:
            Y[i, tax.index(tax.to_label(code))] = 1
    return Y


@dataclass
class Gold:
    """Requests with their true labels, ready to score."""

    name: str
    ids: list[str]
    texts: list[str]
    authority_types: list[str]
    Y: np.ndarray
    ncnd: np.ndarray  # case-level: the authority neither confirmed nor denied

    def select(self, ids: Sequence[str]) -> Gold:
        """The cases with these ids, in that order (``KeyError`` for an id it does not have)."""
        position = {case: i for i, case in enumerate(self.ids)}
        rows = [position[case] for case in ids]
        return Gold(self.name, list(ids), [self.texts[i] for i in rows],
                    [self.authority_types[i] for i in rows], self.Y[rows], self.ncnd[rows])


def heldout_gold() -> Gold:
    """The held-out split of our corpus (``data/test.jsonl``)."""
    from foiclassify.data import load_dataset

    ds = load_dataset(TEST)
    Y = ds.label_matrix()
    tax = load_taxonomy()
    ncnd_cols = [j for j, code in enumerate(tax.codes) if tax.label(code).ncnd]
    return Gold("test", list(ds.ids), ds.texts, ds.authority_types, Y, Y[:, ncnd_cols].any(axis=1))


def load_realworld() -> Gold | None:
    """``../shared/realworld/dev.jsonl`` as :class:`Gold`, or ``None`` when it is not there."""
    if not REALWORLD.exists():
        return None
    records = read_jsonl(REALWORLD)
    return Gold(
        "realworld",
        [str(r["id"]) for r in records],
        [r["request"] for r in records],
        [authority_type_of(r.get("authority") or "") for r in records],
        label_matrix([r["exemptions"] for r in records]),
        np.array([bool(r.get("ncnd")) for r in records]),
    )


def realworld_skip_note() -> str:
    """What to print when the real-world data is absent."""
    return f"skipped: {REALWORLD} not found (real-world cases live beside the project, not in it)"


def _rounded(value: float) -> float:
    return round(float(value), 4)


def quality(gold: Gold, pred: np.ndarray, P: np.ndarray, pred_ncnd: np.ndarray | None = None) -> dict[str, Any]:
    """Section- and label-level quality of 0/1 predictions ``pred`` with scores ``P`` (taxonomy order).

    NCND precision/recall are label-level (the NCND columns; sections cannot tell them apart);
    ``ncnd_case_*`` compare the case-level flag (any NCND label suggested) with the truth.
    """
    from foiclassify.evaluation import score, score_sections

    codes = load_taxonomy().codes
    sections = score_sections(gold.Y, pred, P, codes)
    labels = score(gold.Y, pred, P, codes)
    flags = pred_ncnd if pred_ncnd is not None else _ncnd_flags(pred)
    tp = float((flags & gold.ncnd).sum())
    return {
        "n": len(gold.texts),
        "section_micro_f1": _rounded(sections.micro_f1),
        "section_macro_f1": _rounded(sections.macro_f1),
        "section_precision": _rounded(sections.micro_precision),
        "section_recall": _rounded(sections.micro_recall),
        "recall_at_3": _rounded(sections.recall_at_3),
        "precision_at_1": _rounded(sections.precision_at_1),
        "label_micro_f1": _rounded(labels.micro_f1),
        "label_macro_f1": _rounded(labels.macro_f1),
        "ncnd_precision": _rounded(labels.ncnd_precision),
        "ncnd_recall": _rounded(labels.ncnd_recall),
        "ncnd_case_precision": _rounded(tp / max(float(flags.sum()), 1.0)),
        "ncnd_case_recall": _rounded(tp / max(float(gold.ncnd.sum()), 1.0)),
        "abstention_rate": _rounded(float((~pred.astype(bool).any(axis=1)).mean())),
        "true_none_rate": _rounded(float((~gold.Y.astype(bool).any(axis=1)).mean())),
        "per_section": {k: _label_score(v) for k, v in sections.per_label.items() if v.support or v.predicted},
        "per_label": {k: _label_score(v) for k, v in labels.per_label.items() if v.support or v.predicted},
    }


def interval(values: np.ndarray) -> list[float]:
    """The central 95% of bootstrap values, rounded."""
    return [_rounded(np.percentile(values, 2.5)), _rounded(np.percentile(values, 97.5))]


def _label_score(s: Any) -> dict[str, Any]:
    return {"support": s.support, "predicted": s.predicted, "precision": _rounded(s.precision),
            "recall": _rounded(s.recall), "f1": _rounded(s.f1)}


def _ncnd_flags(pred: np.ndarray) -> np.ndarray:
    tax = load_taxonomy()
    cols = [j for j, code in enumerate(tax.codes) if tax.label(code).ncnd]
    return np.asarray(pred[:, cols].astype(bool).any(axis=1))


def predict_matrices(model: Any, texts: list[str], authority_types: list[str] | None) -> tuple[np.ndarray, np.ndarray]:
    """Our model's suggestions as (0/1 matrix, probability matrix), taxonomy order.

    Uses :meth:`foiclassify.predict.Model.predict`, so thresholds and the NCND consistency rule
    apply exactly as in ``foiclassify suggest``.
    """
    codes = load_taxonomy().codes
    suggestions = model.predict(texts, authority_types)
    pred = np.zeros((len(texts), len(codes)), dtype=np.int8)
    P = np.zeros((len(texts), len(codes)))
    index = {c: j for j, c in enumerate(codes)}
    for i, sug in enumerate(suggestions):
        for code in sug.labels:
            pred[i, index[code]] = 1
        for code, value in sug.scores.items():
            P[i, index[code]] = value
    return pred, P


def seen_in_training(model: Any, texts: Sequence[str]) -> int:
    """How many ``texts`` the bundle was trained on (matched against its precedents, the training rows)."""
    from foiclassify.artifacts import PRECEDENT_CHARS

    seen = {str(p.get("text", "")) for p in model.bundle.precedents}
    return sum(text[:PRECEDENT_CHARS] in seen for text in texts)


def provenance(model: Any) -> dict[str, Any]:
    """What the bundle was trained on, next to what data/train.jsonl holds now (they can drift apart)."""
    from foiclassify.artifacts import sha256_file

    bundle = model.bundle.metadata.get("training_data", {})
    return {
        "bundle_training_rows": bundle.get("rows"),
        "bundle_training_sha256": bundle.get("sha256"),
        "train_jsonl_rows": len(read_jsonl(TRAIN)),
        "train_jsonl_file_sha256": sha256_file(TRAIN),
        "test_jsonl_rows": len(read_jsonl(TEST)),
    }


def print_seen_warning(name: str, seen: int, total: int) -> None:
    """Print :func:`contamination_note` (after a blank line) when there is one."""
    note = contamination_note(name, seen, total)
    if note:
        print(f"\n{note}")


def contamination_note(name: str, seen: int, total: int) -> str:
    """A warning line when scored requests were part of the bundle's training data."""
    if not seen:
        return ""
    return f"warning: {seen} of {total} {name} requests are in the bundle's training data: those scores are optimistic"


def model_predictions(model: Any, gold: Gold) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """(0/1, probability) matrices with the authority type given and without it (the model must cope with both)."""
    return {
        key: predict_matrices(model, gold.texts, auth)
        for key, auth in (("with_authority", gold.authority_types), ("without_authority", None))
    }


def model_quality(model: Any, gold: Gold) -> dict[str, dict[str, Any]]:
    """:func:`quality` of each of :func:`model_predictions`' settings."""
    return {key: quality(gold, pred, P) for key, (pred, P) in model_predictions(model, gold).items()}


# -- printing ------------------------------------------------------------------------------------


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain-text table (first column left-aligned, the rest right-aligned)."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(r[k]) for r in cells) for k in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [row[0].ljust(widths[0]), *(v.rjust(w) for v, w in zip(row[1:], widths[1:], strict=True))]
        return "  ".join(parts).rstrip()

    print(f"\n{title}")
    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


QUALITY_ROWS: tuple[tuple[str, str], ...] = (
    ("section micro-F1", "section_micro_f1"),
    ("section macro-F1", "section_macro_f1"),
    ("section precision", "section_precision"),
    ("section recall", "section_recall"),
    ("recall@3", "recall_at_3"),
    ("precision@1", "precision_at_1"),
    ("label micro-F1", "label_micro_f1"),
    ("NCND precision (labels)", "ncnd_precision"),
    ("NCND recall (labels)", "ncnd_recall"),
    ("NCND precision (cases)", "ncnd_case_precision"),
    ("NCND recall (cases)", "ncnd_case_recall"),
    ("abstention rate", "abstention_rate"),
)


def print_quality(title: str, columns: dict[str, dict[str, Any]]) -> None:
    """Headline quality metrics, one column per system/setting."""
    rows = [[name, *(col.get(key) for col in columns.values())] for name, key in QUALITY_ROWS]
    print_table(title, ["metric", *columns], rows)


def print_per_section(title: str, columns: dict[str, dict[str, Any]]) -> None:
    """Per-section support and precision/recall, one P/R pair per system/setting."""
    sections: list[str] = []
    for col in columns.values():
        for sec in col["per_section"]:
            if sec not in sections:
                sections.append(sec)
    tax = load_taxonomy()
    order = {s.code: k for k, s in enumerate(tax.sections)}
    sections.sort(key=lambda s: order.get(s, len(order)))
    headers = ["section", "support"]
    for name in columns:
        headers += [f"{name} P", f"{name} R"]
    rows = []
    for sec in sections:
        support = next((c["per_section"][sec]["support"] for c in columns.values() if sec in c["per_section"]), 0)
        row: list[Any] = [sec, support]
        for col in columns.values():
            s = col["per_section"].get(sec)
            row += [s["precision"] if s and s["predicted"] else None, s["recall"] if s and support else None]
        rows.append(row)
    print_table(title, headers, rows)
