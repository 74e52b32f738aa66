"""Command-line interface: a thin shell over the library.

Each command parses options, calls one library function that returns a typed result, and renders
it. Library code never prints or exits; every :class:`~foiclassify.errors.FoiClassifyError` becomes
one line on stderr and its exit code. Heavy modules are imported inside the commands so that
``foiclassify --help`` stays fast.
"""

from __future__ import annotations

import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

from foiclassify import __version__
from foiclassify.errors import FoiClassifyError


class _FoiGroup(TyperGroup):
    """Typer group that turns user errors into one stderr line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FoiClassifyError as exc:
            message = str(exc).replace("\n", " ")
            click.echo(f"Error: {message}", err=True)
            ctx.exit(exc.exit_code)


def _app(help_text: str) -> typer.Typer:
    return typer.Typer(
        cls=_FoiGroup,
        help=help_text,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_show_locals=False,
        rich_markup_mode=None,
    )


app = _app("Suggest FOIA 2000 exemptions for UK Freedom of Information requests, explain them, audit them.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"foiclassify {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Suggest FOIA 2000 exemptions for UK Freedom of Information requests."""


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


@app.command("taxonomy")
def taxonomy_cli() -> None:
    """List every exemption label the tool knows, in the stable label order."""
    from rich.table import Table

    from foiclassify.taxonomy import load_taxonomy

    tax = load_taxonomy()
    table = Table(title=f"FOIA 2000 exemption taxonomy v{tax.version}")
    for col in ("code", "title", "NCND", "absolute", "basis"):
        table.add_column(col)
    for lab in tax.labels:
        table.add_row(lab.code, lab.title, "NCND" if lab.ncnd else "", "yes" if lab.absolute else "qualified", lab.basis)
    _console().print(table)


# --------------------------------------------------------------------------------------------------
# validate, train, suggest, explain, model-info (library: data, training, artifacts, predict, explain)
# --------------------------------------------------------------------------------------------------

_MODEL_HELP = "Model bundle folder (default: $FOICLASSIFY_MODEL, else models/default)."
_AUTHORITY_HELP = (
    "Kind of authority answering: police, central_government, council, nhs, university, school, fire, transport, "
    "regulator, other (env FOICLASSIFY_AUTHORITY_TYPE)."
)


def _progress_bar() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(stderr=True), transient=False,
    )


@app.command("validate")
def validate_cli(
    data: str = typer.Argument(..., help="Labelled requests: CSV, JSONL, Parquet or Excel."),
    text_field: str = typer.Option("request", help="Column with the request text."),
    labels_field: str = typer.Option("exemptions", help="Column with the exemptions cited."),
    response_field: str = typer.Option("response", help="Column with response letters (labels extracted)."),
    id_field: str = typer.Option("id", help="Column with case ids (generated when missing)."),
    min_examples: int = typer.Option(0, help="Report labels with fewer examples as an error."),
    skip_bad_lines: bool = typer.Option(False, help="Skip unparseable JSONL lines and report them."),
) -> None:
    """Check a labelled dataset and report rows, label counts and problems."""
    from pathlib import Path

    from rich.table import Table

    from foiclassify.data import load_dataset

    ds = load_dataset(
        Path(data), text_field=text_field, labels_field=labels_field, response_field=response_field,
        id_field=id_field, min_examples=min_examples, skip_bad_lines=skip_bad_lines,
    )
    console = _console()
    none = sum(1 for labs in ds.labels if not labs)
    console.print(f"{data}: {len(ds)} requests, {none} with no exemption ({none / len(ds):.0%}), sha256 {ds.sha256}")
    table = Table(title="Examples per label")
    table.add_column("label")
    table.add_column("count", justify="right")
    for code, n in ds.label_counts().items():
        if n:
            table.add_row(code, str(n))
    console.print(table)
    for problem in ds.problems:
        click.echo(f"Warning: {problem}", err=True)
    console.print("No problems found." if not ds.problems else f"{len(ds.problems)} problem(s) reported above.")


@app.command("train")
def train_cli(
    data: str = typer.Argument(..., help="Labelled requests (CSV/JSONL/Parquet/Excel) or a folder of letters."),
    out: str = typer.Option(..., "--out", help="Bundle folder to write, e.g. models/mine."),
    config: str | None = typer.Option(None, "--config", help="Training config JSON (see README)."),
    text_field: str = typer.Option("request", help="Column with the request text."),
    labels_field: str = typer.Option("exemptions", help="Column with the exemptions cited."),
    response_field: str = typer.Option("response", help="Column with response letters (labels extracted)."),
    seed: int | None = typer.Option(None, help="Random seed (overrides the config)."),
    n_jobs: int | None = typer.Option(None, help="Parallel cross-validation folds (-1: all cores)."),
    cache_dir: str | None = typer.Option(None, help="Cache preprocessed text here (joblib.Memory)."),
    overwrite: bool = typer.Option(False, help="Replace an existing bundle at --out."),
) -> None:
    """Train a model bundle: cross-validate, tune thresholds, fit, and write it atomically."""
    from pathlib import Path

    from rich.table import Table

    from foiclassify.artifacts import save_bundle
    from foiclassify.data import load_dataset
    from foiclassify.training import load_train_config, train

    cfg = load_train_config(Path(config) if config else None, seed=seed, n_jobs=n_jobs)
    if Path(out).exists() and not overwrite:
        from foiclassify.errors import OutputError

        raise OutputError(f"{out}: already exists; choose another --out or pass --overwrite")
    ds = load_dataset(Path(data), text_field=text_field, labels_field=labels_field, response_field=response_field)
    with _progress_bar() as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        result = train(ds, cfg, cache_dir=Path(cache_dir) if cache_dir else None, progress=progress)
        save_bundle(result, Path(out), overwrite=overwrite)
    summary = result.cv.summary()
    table = Table(title=f"Cross-validated ({summary['folds']} folds) on {len(ds)} requests")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        if key != "folds":
            table.add_row(key, f"{value:.3f}")
    _console().print(table)
    _console().print(f"Model written to {out}")


def _read_request(text: str | None, file: str | None) -> str:
    from pathlib import Path

    from foiclassify.errors import InputError, UsageError

    if (text is None) == (file is None):
        raise UsageError("give the request as TEXT, '-' for standard input, or --file PATH (exactly one)")
    if file is not None:
        from foiclassify.data import read_text_file

        with _warnings_to_stderr():
            value = read_text_file(Path(file))
    elif text == "-":
        value = sys.stdin.read()
    else:
        value = text or ""
    if not value.strip():
        raise InputError("the request text is empty; paste the request, or use --file with a text file")
    return value


class _warnings_to_stderr:
    """Show library warnings (encodings, truncation) as one 'Warning:' line each."""

    def __enter__(self) -> None:
        import warnings

        self._ctx = warnings.catch_warnings(record=True)
        self._caught = self._ctx.__enter__()
        warnings.simplefilter("always")

    def __exit__(self, *exc: object) -> None:
        self._ctx.__exit__(*exc)
        for w in self._caught:
            click.echo(f"Warning: {w.message}", err=True)


def _authority(value: str | None) -> str | None:
    import os

    return value or os.environ.get("FOICLASSIFY_AUTHORITY_TYPE") or None


_FORMATS = ("table", "json", "jsonl", "csv")


def _contract(sug: Any, rid: str, model_id: str) -> dict[str, Any]:
    """The documented JSONL record (README: 'Output contract')."""
    return {"id": rid, "labels": sug.labels, "scores": sug.scores, "ncnd": sug.ncnd, "abstained": sug.abstained,
            "model": model_id}


def _render_suggestion(sug: Any, similar: int) -> None:
    from rich.panel import Panel
    from rich.table import Table

    from foiclassify.taxonomy import load_taxonomy

    tax = load_taxonomy()
    console = _console()
    if sug.ncnd:
        console.print(Panel(
            "NEITHER CONFIRM NOR DENY suggested: the reply must not confirm or deny that the information is held.",
            style="bold red",
        ))
    if sug.abstained:
        console.print("[bold]No confident suggestion[/bold] — refer to a senior officer.")
    else:
        table = Table(title="Suggested exemptions")
        for col, justify in (("code", "left"), ("title", "left"), ("probability", "right"), ("threshold", "right"),
                             ("NCND", "left"), ("test", "left"), ("reason", "left")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        for code in sug.labels:
            lab = tax.label(code)
            table.add_row(
                code, lab.title, f"{sug.scores[code]:.2f}", f"{sug.thresholds[code]:.2f}",
                "NCND" if lab.ncnd else "", _test_kind(lab), _reason(sug, code),
            )
        console.print(table)
    if sug.also_considered:
        near = ", ".join(f"{c} ({sug.scores[c]:.2f} < {sug.thresholds[c]:.2f})" for c in sug.also_considered)
        console.print(f"Also considered: {near}")
    if similar and sug.precedents:
        table = Table(title="Similar past requests")
        table.add_column("id")
        table.add_column("similarity", justify="right")
        table.add_column("exemptions")
        table.add_column("request")
        for p in sug.precedents:
            text = p.text if len(p.text) <= 160 else p.text[:157] + "..."
            table.add_row(p.id, f"{p.similarity:.2f}", ", ".join(p.labels) or "none", text)
        console.print(table)


def _test_kind(lab: Any) -> str:
    if lab.basis == "procedural":
        return "refusal ground"
    return "absolute" if lab.absolute else "qualified (PIT)"


def _reason(sug: Any, code: str) -> str:
    from foiclassify.preprocess import load_cues

    cues = [c for c in load_cues() if code in c.suggests and c.id in sug.cues]
    if not cues:
        return ""
    first = cues[0]
    phrases = ", ".join(dict.fromkeys(p.lower() for p in sug.cues[first.id]))
    return f"{first.description} ({phrases[:60]})"


def _audit_options_ok(no_audit: bool, audit_text: bool) -> None:
    from foiclassify.errors import UsageError

    if no_audit and audit_text:
        raise UsageError("--audit-text and --no-audit contradict each other; choose one")


@app.command("suggest")
def suggest_cli(
    text: str | None = typer.Argument(None, help="The request text, or '-' to read it from standard input."),
    file: str | None = typer.Option(None, "--file", help="Read the request from a text file."),
    input: str | None = typer.Option(None, "--input", help="Batch: CSV/JSONL/Parquet/Excel file of requests."),
    output: str | None = typer.Option(None, "--output", help="Batch: where to write results (.csv/.jsonl/.parquet)."),
    text_field: str = typer.Option("request", help="Batch: column with the request text."),
    id_field: str = typer.Option("id", help="Batch: column with request ids (row numbers when absent)."),
    authority_type_field: str | None = typer.Option(None, help="Batch: column with the authority type."),
    authority_type: str | None = typer.Option(None, "--authority-type", help=_AUTHORITY_HELP),
    fmt: str = typer.Option("table", "--format", help="table, json, jsonl or csv (single request)."),
    similar: int | None = typer.Option(None, "--similar", help="Show K similar past requests (table default 3)."),
    model: str | None = typer.Option(None, "--model", help=_MODEL_HELP),
    chunk_size: int = typer.Option(5000, help="Batch: rows per chunk (memory bound)."),
    resume: bool = typer.Option(False, help="Batch: continue an interrupted run from its partial output."),
    overwrite: bool = typer.Option(False, help="Batch: replace an existing --output file."),
    skip_bad_lines: bool = typer.Option(False, help="Batch: skip unparseable JSONL lines and report them."),
    no_audit: bool = typer.Option(False, "--no-audit", help="Do not record this call in the audit log."),
    audit_log: str | None = typer.Option(None, "--audit-log", help="Audit log path (env FOICLASSIFY_AUDIT_LOG)."),
    audit_text: bool = typer.Option(False, "--audit-text", help="Also store the request text in the audit log."),
    user: str | None = typer.Option(None, "--user", help="Who is asking (default: the OS login name)."),
) -> None:
    """Suggest exemptions for one request (TEXT, '-' or --file) or a batch (--input ... --output ...)."""
    import json
    from pathlib import Path

    from foiclassify.errors import UsageError
    from foiclassify.predict import load_model

    _audit_options_ok(no_audit, audit_text)
    if fmt not in _FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(_FORMATS)}")
    if similar is not None and similar < 0:
        raise UsageError("--similar must be 0 or more")
    auth = _authority(authority_type)
    if input is not None:
        if text is not None or file is not None:
            raise UsageError("give either a request (TEXT/--file) or a batch (--input), not both")
        if output is None:
            raise UsageError("--input needs --output (a .csv, .jsonl or .parquet file)")
        loaded = load_model(model)
        _suggest_batch(loaded, Path(input), Path(output), text_field, id_field, auth, authority_type_field, chunk_size,
                       resume, overwrite, skip_bad_lines, no_audit, audit_log, audit_text, user)
        return
    request = _read_request(text, file)
    loaded = load_model(model)
    k = similar if similar is not None else (3 if fmt == "table" else 0)
    with _warnings_to_stderr():
        sug = loaded.predict([request], [auth], similar=k)[0]
    if sug.truncated:
        from foiclassify.preprocess import MAX_CHARS

        click.echo(f"Warning: the request is {len(request):,} characters; only the first {MAX_CHARS:,} were read",
                   err=True)
    if not no_audit:
        _audit_suggestions(loaded, [(request, sug)], audit_log, audit_text, user)
    record = _contract(sug, "request-1", loaded.bundle_id)
    if fmt == "table":
        _render_suggestion(sug, k)
    elif fmt == "json":
        record["precedents"] = [p.__dict__ for p in sug.precedents]
        typer.echo(json.dumps(record, indent=2))
    elif fmt == "jsonl":
        typer.echo(json.dumps(record))
    else:
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["id", "labels", "ncnd", "abstained", "model", *(f"score_{c}" for c in loaded.labels)])
        writer.writerow([record["id"], ";".join(sug.labels), sug.ncnd, sug.abstained, loaded.bundle_id,
                         *(sug.scores[c] for c in loaded.labels)])
        typer.echo(buf.getvalue().rstrip("\n"))


def _audit_suggestions(loaded: Any, items: list[tuple[str, Any]], log: str | None, store_text: bool,
                       user: str | None, event: str = "suggest") -> None:
    from foiclassify import audit
    from foiclassify.taxonomy import load_taxonomy

    version = load_taxonomy().version
    payloads = [
        audit.suggestion_payload(
            text, model_id=loaded.bundle_id, model_checksum=loaded.bundle.checksum, taxonomy_version=version,
            labels=sug.labels, scores=sug.scores, thresholds=sug.thresholds, ncnd=sug.ncnd, abstained=sug.abstained,
            store_text=store_text,
        )
        for text, sug in items
    ]
    audit.append_many(log, event, payloads, user=user)


def _suggest_batch(loaded: Any, input_path: Any, output: Any, text_field: str, id_field: str, auth: str | None,
                   auth_field: str | None, chunk_size: int, resume: bool, overwrite: bool, skip_bad_lines: bool,
                   no_audit: bool, audit_log: str | None, audit_text: bool, user: str | None) -> None:
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from foiclassify.predict import run_batch

    total = _count_rows(input_path)
    columns = (TextColumn("suggest"), BarColumn(), TaskProgressColumn(), TextColumn("{task.completed:,} rows"),
               TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=_console(stderr=True)) as bar:
        task = bar.add_task("suggest", total=total, rate="-")

        def on_chunk(done: int, results: list[Any], texts: list[Any]) -> None:
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, completed=done, rate=f"{done / elapsed:,.0f}")
            if not no_audit and results:
                items = [(str(t), sug) for (_, sug, _), t in zip(results, texts, strict=True) if sug is not None]
                _audit_suggestions(loaded, items, audit_log, audit_text, user)

        with _warnings_to_stderr():
            summary = run_batch(
                loaded, input_path, output, text_field=text_field, id_field=id_field, authority_type=auth,
                authority_type_field=auth_field, chunk_size=chunk_size, overwrite=overwrite, resume=resume,
                skip_bad_lines=skip_bad_lines, on_chunk=on_chunk,
            )
    for rid, reason in summary.skipped[:20]:
        click.echo(f"Warning: row {rid} skipped: {reason}", err=True)
    if len(summary.skipped) > 20:
        click.echo(f"Warning: {len(summary.skipped) - 20} more rows skipped (see status column in the output)", err=True)
    if summary.bad_lines:
        lines = ", ".join(map(str, summary.bad_lines[:10]))
        click.echo(f"Warning: skipped {len(summary.bad_lines)} unparseable line(s): {lines}", err=True)
    resumed = f" (resumed after {summary.resumed_parts} chunks)" if summary.resumed_parts else ""
    typer.echo(
        f"{summary.rows:,} rows: {summary.suggested:,} suggested, {summary.abstained:,} abstained, "
        f"{len(summary.skipped):,} skipped -> {summary.output}{resumed}"
    )


def _count_rows(path: Any) -> int | None:
    """Rows in a CSV/JSONL file for the progress bar's ETA (None when it cannot be known cheaply)."""
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return None
    try:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


# --------------------------------------------------------------------------------------------------
# audit: verify, show and annotate the tamper-evident audit log (library: foiclassify.audit)
# --------------------------------------------------------------------------------------------------

audit_app = _app("Verify, show and annotate the tamper-evident audit log of suggestions and decisions.")
app.add_typer(audit_app, name="audit")

_AUDIT_LOG_HELP = "Audit log (default: $FOICLASSIFY_AUDIT_LOG, else ~/.local/share/foiclassify/audit.jsonl)."
_AUDIT_FORMATS = ("table", "json", "jsonl")


def _audit_warn_skipped(path: Any, problems: list[Any]) -> None:
    """One stderr line for lines that are not readable records (never more, whatever their number)."""
    if not problems:
        return
    shown = ", ".join(str(p.line) for p in problems[:5]) + (", ..." if len(problems) > 5 else "")
    click.echo(
        f"Warning: {path}: skipped {len(problems)} line(s) ({shown}); first: {problems[0].message}; "
        "run 'foiclassify audit verify' to check the chain",
        err=True,
    )


@audit_app.command("verify")
def audit_verify_cli(
    log: str | None = typer.Argument(None, metavar="[LOG]", help=_AUDIT_LOG_HELP, show_default=False),
) -> None:
    """Recompute the hash chain; exit 1 naming the first changed, removed or inserted record."""
    from foiclassify.audit import verify
    from foiclassify.errors import AuditError

    report = verify(log)
    if report.problem is not None:
        raise AuditError(
            f"{report.path} failed verification: {report.problem.message}; "
            "the log was altered after it was written: restore it from a backup and find out who edited it"
        )
    _audit_warn_skipped(report.path, list(report.warnings))
    typer.echo(
        f"OK: {report.path}: {report.records} records, chain intact "
        f"(last seq {report.last_seq}, last hash {report.last_hash})"
    )


@audit_app.command("show")
def audit_show_cli(
    log: str | None = typer.Argument(None, metavar="[LOG]", help=_AUDIT_LOG_HELP, show_default=False),
    since: str | None = typer.Option(
        None,
        "--since",
        metavar="DATE",
        help="Only records at or after DATE (YYYY-MM-DD or ISO 8601; UTC unless a zone is given).",
    ),
    label: str | None = typer.Option(
        None,
        "--label",
        metavar="CODE",
        help="Only records about this exemption (a section code such as s40 matches its labels).",
    ),
    event: str | None = typer.Option(
        None, "--event", metavar="E", help="Only suggest, explain or decision records."
    ),
    fmt: str = typer.Option("table", "--format", metavar="FORMAT", help="table (default), json or jsonl."),
) -> None:
    """Show audit records, optionally filtered by date, label and event."""
    import json

    from foiclassify.audit import parse_since, read_log
    from foiclassify.errors import UsageError

    if fmt not in _AUDIT_FORMATS:
        raise UsageError(f"--format {fmt!r} is not supported: use one of {', '.join(_AUDIT_FORMATS)}")
    result = read_log(log, since=parse_since(since) if since else None, label=label, event=event)
    _audit_warn_skipped(result.path, result.problems)
    if fmt == "jsonl":
        for rec in result.records:
            typer.echo(rec.to_json())
        return
    if fmt == "json":
        typer.echo(json.dumps([rec.to_dict() for rec in result.records], ensure_ascii=False, indent=2))
        return
    from rich import box
    from rich.table import Table

    # Compact box and wrapping text columns: the labels and reasons must stay readable in 80 columns.
    # Times to the minute here; --format json/jsonl give the full timestamp.
    title = f"{result.path}: {len(result.records)} of {result.total} records"
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for col in ("seq", "id", "time (UTC)", "event"):
        table.add_column(col, no_wrap=True)
    table.add_column("user", overflow="fold")
    table.add_column("labels", min_width=10, overflow="fold")
    table.add_column("details", min_width=12, overflow="fold")
    for rec in result.records:
        p = rec.payload
        if rec.event == "decision":
            labels = ", ".join(
                [*(f"+{c}" for c in p.get("accept", [])), *(f"-{c}" for c in p.get("reject", []))]
            )
            details = f"on {p.get('record_id', '?')}: {p.get('reason', '')}"
        else:
            labels = ", ".join(rec.labels) or "-"
            flags = [name for name in ("abstained", "ncnd") if p.get(name)]
            details = ", ".join([*flags, *(["text stored"] if "text" in p else [])])
        stamp = rec.timestamp.replace("T", " ")[:16]
        table.add_row(str(rec.seq), rec.id, stamp, rec.event, rec.user, labels, details)
    _console().print(table)


@audit_app.command("decide")
def audit_decide_cli(
    record_id: str = typer.Argument(
        ..., metavar="ID", help="Id of the suggest or explain record (see 'audit show')."
    ),
    accept: list[str] | None = typer.Option(
        None, "--accept", metavar="LABEL", help="Exemption the reviewer accepts (repeat for more)."
    ),
    reject: list[str] | None = typer.Option(
        None, "--reject", metavar="LABEL", help="Exemption the reviewer rejects (repeat for more)."
    ),
    reason: str = typer.Option("", "--reason", help="Why the labels were accepted or rejected (required)."),
    log: str | None = typer.Option(None, "--log", metavar="PATH", help=_AUDIT_LOG_HELP),
    user: str | None = typer.Option(
        None, "--user", metavar="NAME", help="Reviewer (default: your login name)."
    ),
) -> None:
    """Record a reviewer's decision on a suggestion in the audit log."""
    from foiclassify.audit import decide
    from foiclassify.errors import UsageError

    if not accept and not reject:
        raise UsageError("nothing to decide: pass at least one --accept LABEL or --reject LABEL")
    rec = decide(log, record_id, accept=accept or [], reject=reject or [], reason=reason, user=user)
    accepted = ", ".join(rec.payload["accept"]) or "none"
    rejected = ", ".join(rec.payload["reject"]) or "none"
    typer.echo(
        f"Recorded decision {rec.id} (seq {rec.seq}) on record {rec.payload['record_id']}: "
        f"accepted {accepted}; rejected {rejected}"
    )


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())
