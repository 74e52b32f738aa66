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

    def invoke(self, ctx: Any) -> Any:
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

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


@app.command("taxonomy")
def taxonomy_cli() -> None:
    """List every exemption label the tool knows, in the stable label order."""
    from rich.table import Table

    from foiclassify.taxonomy import load_taxonomy

    tax = load_taxonomy()
    table = Table(title=f"FOIA 2000 exemption taxonomy v{tax.version}")
    for col in ("code", "title", "NCND", "test", "basis"):
        table.add_column(col)
    for lab in tax.labels:
        table.add_row(lab.code, lab.title, "NCND" if lab.ncnd else "", _test_kind(lab), lab.basis)
    _console().print(table)


# --------------------------------------------------------------------------------------------------
# label: read the exemptions and NCND flag that response letters cite (library: foiclassify.citations)
# --------------------------------------------------------------------------------------------------

_LABEL_FORMATS = ("table", "jsonl", "csv")


@app.command("label")
def label_cli(
    input: str = typer.Argument(
        ..., metavar="INPUT",
        help="Letters: a CSV/JSONL/Parquet/Excel file (one per row), a .txt/.html letter, or a folder of "
        "them.",
    ),
    text_field: str = typer.Option("response", "--text-field", help="Table column with the letter text."),
    id_field: str = typer.Option(
        "id", "--id-field", help="Table column with letter ids (row numbers when absent)."
    ),
    fmt: str = typer.Option("table", "--format", help="table (default), jsonl or csv."),
    output: str | None = typer.Option(
        None, "--output", help="Write to this file instead of standard output (.jsonl/.csv sets the format)."
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing --output file."),
) -> None:
    """Extract the exemptions each response letter cites, and whether it neither confirms nor denies."""
    from pathlib import Path

    from foiclassify.citations import format_letter_labels, label_letters, read_letters
    from foiclassify.errors import OutputError, UsageError

    if fmt not in _LABEL_FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(_LABEL_FORMATS)}")
    if output is not None:
        if fmt == "table":
            # A table is for the terminal; a file gets the format its suffix names.
            fmt = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(Path(output).suffix.lower(), "")
            if not fmt:
                raise UsageError(
                    f"{output}: cannot tell the format from the suffix; pass --format jsonl or csv"
                )
        if Path(output).exists() and not overwrite:
            raise OutputError(f"{output}: already exists; choose another --output or pass --overwrite")
    with _warnings_to_stderr():
        letters = read_letters(Path(input), text_field=text_field, id_field=id_field)
    results = label_letters(letters)
    if fmt == "table":
        from rich.table import Table

        table = Table(title=f"Exemptions cited in {len(results)} letter(s)")
        for col in ("id", "exemptions", "NCND"):
            table.add_column(col, overflow="fold")
        for res in results:
            table.add_row(res.id, ", ".join(res.labels) or "none", "NCND" if res.ncnd else "")
        _console().print(table)
        return
    text = format_letter_labels(results, fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    _write_label_output(Path(output), text, overwrite)
    click.echo(f"{len(results)} letter(s) labelled -> {output}", err=True)


def _write_label_output(path: Any, text: str, overwrite: bool) -> None:
    """Write atomically: a temporary file in the same folder, then os.replace (no half-written output)."""
    import os
    import tempfile

    from foiclassify.errors import OutputError

    if path.exists() and not overwrite:
        raise OutputError(f"{path}: already exists; choose another --output or pass --overwrite")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it or choose another --output")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot write in {folder} ({exc.strerror}); choose another --output"
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


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

    console = _console(stderr=True)
    return Progress(
        TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        # Bars only on a terminal: in a log or a pipe rich prints the last state of every bar, which
        # would put extra lines before the one-line "Error: ..." of a failed run.
        console=console, transient=False, disable=not console.is_terminal,
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

    with _warnings_to_stderr():
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
    data: str = typer.Argument(
        ..., help="Labelled requests (CSV/JSONL/Parquet/Excel), or a folder of response letters (.txt/.html): labels "
        "from the exemptions each cites, request from NAME.request.txt beside NAME.txt, else quoted in the letter."),
    out: str = typer.Option(..., "--out", help="Bundle folder to write, e.g. models/mine."),
    config: str | None = typer.Option(None, "--config", help="Training config JSON (see README)."),
    text_field: str = typer.Option("request", help="Column with the request text."),
    labels_field: str = typer.Option("exemptions", help="Column with the exemptions cited."),
    response_field: str = typer.Option("response", help="Column with response letters (labels extracted)."),
    group_field: str = typer.Option("source", help="Column saying where each request came from (writer, office, "
                                    "file); cross-validation keeps each group in one fold when it has enough groups."),
    seed: int | None = typer.Option(None, help="Random seed (overrides the config)."),
    n_jobs: int | None = typer.Option(None, help="Parallel cross-validation folds (-1: all cores)."),
    cache_dir: str | None = typer.Option(None, help="Cache preprocessed text here (joblib.Memory)."),
    overwrite: bool = typer.Option(False, help="Replace an existing bundle at --out (and --review-csv)."),
    authority_type: str | None = typer.Option(None, "--authority-type",
                                              help="Letters and feedback: " + _AUTHORITY_HELP),
    review_csv: str | None = typer.Option(None, "--review-csv", help="Letters folder: write what was read per letter "
                                          "(id, labels, ncnd, evidence) to correct and train on."),
    feedback: str | None = typer.Option(None, "--feedback", help="Audit log: add reviewers' accept/reject decisions "
                                        "on requests logged with --audit-text as examples."),
) -> None:
    """Train a model bundle: cross-validate, tune thresholds, fit, and write it atomically."""
    from pathlib import Path

    from rich.table import Table

    from foiclassify.artifacts import check_bundle_target, save_bundle
    from foiclassify.training import load_train_config, train

    cfg = load_train_config(Path(config) if config else None, seed=seed, n_jobs=n_jobs)
    check_bundle_target(Path(out), overwrite=overwrite)  # before training, not after it
    with _warnings_to_stderr():
        loaded = _load_training_data(data, text_field, labels_field, response_field, group_field, authority_type,
                                     review_csv, feedback, overwrite)
    ds = loaded.dataset
    with _progress_bar() as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        result = train(ds, cfg, cache_dir=Path(cache_dir) if cache_dir else None, progress=progress)
        save_bundle(result, Path(out), overwrite=overwrite)
    for line in loaded.summary():
        _console().print(line)
    summary = result.cv.summary()
    table = Table(title=f"Cross-validated ({summary['folds']} folds, {result.cv.split}) on {len(ds)} requests")
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

    def __exit__(self, *exc: Any) -> None:
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
    return f"{first.id.replace('_', ' ')}: {phrases[:50]}"


# The audit options of every command that makes a suggestion (suggest, explain), declared once.
_NO_AUDIT = typer.Option(False, "--no-audit", help="Do not record this call in the audit log.")
_AUDIT_LOG = typer.Option(None, "--audit-log", help="Audit log path (env FOICLASSIFY_AUDIT_LOG).")
_AUDIT_TEXT = typer.Option(False, "--audit-text", help="Also store the request text in the audit log.")
_USER = typer.Option(None, "--user", help="Who is asking (default: the OS login name).")


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
    chunk_size: int = typer.Option(2000, help="Batch: rows per chunk (memory bound)."),
    resume: bool = typer.Option(False, help="Batch: continue an interrupted run from its partial output."),
    overwrite: bool = typer.Option(False, help="Batch: replace an existing --output file."),
    skip_bad_lines: bool = typer.Option(False, help="Batch: skip unparseable JSONL lines and report them."),
    no_audit: bool = _NO_AUDIT,
    audit_log: str | None = _AUDIT_LOG,
    audit_text: bool = _AUDIT_TEXT,
    user: str | None = _USER,
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
    console = _console(stderr=True)
    with Progress(*columns, console=console, disable=not console.is_terminal) as bar:  # see _progress_bar
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
        click.echo(f"Warning: {len(summary.skipped) - 20} more rows skipped (see status column in the output)",
                   err=True)
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
# explain, model-info: why labels were suggested, and the model card (library: foiclassify.explain)
# --------------------------------------------------------------------------------------------------

_EXPLAIN_FORMATS = ("text", "json")
_MODEL_INFO_FORMATS = ("table", "json")


@app.command("explain")
def explain_cli(
    text: str | None = typer.Argument(None, help="The request text, or '-' to read it from standard input."),
    file: str | None = typer.Option(None, "--file", help="Read the request from a text file."),
    label: str | None = typer.Option(
        None, "--label", metavar="CODE", help="Explain only this exemption, e.g. s31(3) (default: the suggested ones)."
    ),
    html: str | None = typer.Option(
        None, "--html", metavar="PATH", help="Also write the explanation as one self-contained HTML page."
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing --html file."),
    authority_type: str | None = typer.Option(None, "--authority-type", help=_AUTHORITY_HELP),
    model: str | None = typer.Option(None, "--model", help=_MODEL_HELP),
    fmt: str = typer.Option("text", "--format", help="text (default) or json."),
    no_audit: bool = _NO_AUDIT,
    audit_log: str | None = _AUDIT_LOG,
    audit_text: bool = _AUDIT_TEXT,
    user: str | None = _USER,
) -> None:
    """Explain why exemptions were (or were not) suggested: exact contributions, sentences and practice cues."""
    import json
    from dataclasses import asdict
    from pathlib import Path

    from foiclassify.errors import UsageError
    from foiclassify.explain import check_output, explain, write_html
    from foiclassify.predict import load_model
    from foiclassify.taxonomy import load_taxonomy

    _audit_options_ok(no_audit, audit_text)
    if fmt not in _EXPLAIN_FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(_EXPLAIN_FORMATS)}")
    if label is not None:
        load_taxonomy().to_label(label)  # an unknown code fails before the model is loaded
    if html is not None:
        check_output(Path(html), overwrite)
    request = _read_request(text, file)
    loaded = load_model(model)
    with _warnings_to_stderr():
        exp = explain(loaded, request, _authority(authority_type), label)
    if exp.truncated:
        click.echo(f"Warning: the request is {len(request):,} characters; only the first {exp.analysed_chars:,} "
                   "were read", err=True)
    if not no_audit:
        _audit_suggestions(loaded, [(request, exp.suggestion)], audit_log, audit_text, user, event="explain")
    if html is not None:
        write_html(exp, loaded.bundle.metadata, loaded.bundle.thresholds, Path(html), overwrite=overwrite)
    if fmt == "json":
        doc = asdict(exp)
        doc["truncated"] = exp.truncated
        typer.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        _render_explanation(exp)
    if html is not None:
        click.echo(f"Explanation page written to {html}", err=fmt == "json")


def _render_explanation(exp: Any) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    console = _console()
    sug = exp.suggestion
    console.print(f"Model {escape(exp.bundle_id)} · authority type {escape(exp.authority_type or 'not given')}")
    if sug.ncnd:
        console.print(Panel(
            "NEITHER CONFIRM NOR DENY suggested: the reply must not confirm or deny that the information is held.",
            style="bold red",
        ))
    if sug.abstained:
        console.print("[bold]No confident suggestion[/bold]: no label reached its threshold.")
    else:
        console.print(f"Suggested: [bold]{escape(', '.join(sug.labels))}[/bold]")
    for lab in exp.labels:
        state = "[green]SUGGESTED[/green]" if lab.suggested else "not suggested"
        ncnd = " · [bold red]NCND[/bold red]" if lab.ncnd else ""
        console.rule(f"[bold]{escape(lab.code)}[/bold] {escape(lab.title)}{ncnd} · {state}", align="left")
        console.print(f"[bold]{escape(lab.reason[0].upper() + lab.reason[1:])}[/bold]")
        console.print(escape(lab.formula), style="dim")
        console.print(escape(lab.summary))
        table = Table(title="Top contributions (effect: change in the label's log-odds)", title_justify="left")
        table.add_column("", no_wrap=True)
        table.add_column("feature", overflow="fold")
        table.add_column("head", no_wrap=True)
        for col in ("value", "weight", "contrib.", "effect"):
            table.add_column(col, justify="right", no_wrap=True)
        rows = [(True, e) for e in lab.top_effects(6, True)] + [(False, e) for e in lab.top_effects(6, False)]
        for towards, e in rows:
            table.add_row(
                "[green]+[/green]" if towards else "[red]−[/red]", escape(e.label), escape(e.head), f"{e.value:.3f}",
                f"{e.weight:+.3f}", f"{e.contribution:+.3f}", f"[{'green' if towards else 'red'}]{e.effect:+.3f}[/]",
            )
        if rows:
            console.print(table)
        weighty = [s for s in lab.sentences[:3] if s.weight]
        if weighty:
            console.print("[bold]Sentences carrying most weight[/bold]")
            for s in weighty:
                sentence = " ".join(s.text.split())
                sentence = sentence if len(sentence) <= 200 else sentence[:197] + "..."
                console.print(f"  [{'green' if s.weight > 0 else 'red'}]{s.weight:+.2f}[/]  {escape(sentence)}")
        if lab.cues:
            console.print("[bold]Matched practice cues[/bold]")
            for c in lab.cues:
                phrases = ", ".join(dict.fromkeys(p.lower() for p in c.phrases))
                points = " · points to this label" if c.points_to_label else ""
                console.print(f"  • {escape(c.description)} ({escape(phrases)}){points} · effect {c.effect:+.2f}")
        else:
            console.print("No practice cue matched.", style="dim")


@app.command("model-info")
def model_info_cli(
    model: str | None = typer.Option(None, "--model", help=_MODEL_HELP),
    fmt: str = typer.Option("table", "--format", help="table (default) or json."),
) -> None:
    """Show the model card: provenance, cross-validated quality per label, thresholds, intended use and limits."""
    import json
    from dataclasses import asdict

    from foiclassify.errors import UsageError
    from foiclassify.explain import model_info

    if fmt not in _MODEL_INFO_FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(_MODEL_INFO_FORMATS)}")
    info = model_info(model)
    if fmt == "json":
        typer.echo(json.dumps(asdict(info), indent=2, ensure_ascii=False))
        return
    _render_model_info(info)


def _render_model_info(info: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    # Plain lines, never wrapped: auditors copy the hashes.
    typer.echo(f"Model card: {info.bundle_id}")
    for key, value in (
        ("bundle", info.path),
        ("created", info.created),
        ("format", info.format_version),
        ("bundle checksum", f"{info.checksum} (all files verified)"),
        ("training data", f"{info.training_source}, {info.training_rows} requests"),
        ("training data SHA-256", info.training_sha256),
        ("versions", ", ".join(f"{k} {v}" for k, v in info.versions.items())),
    ):
        typer.echo(f"  {key + ':':<23}{value}")
    cv = info.cv
    quality = Table(title=f"Cross-validated quality ({info.folds} folds, {info.split})", title_justify="left")
    quality.add_column("metric")
    quality.add_column("value", justify="right")
    quality.add_column("spread (std over folds)", justify="right")
    for key in ("section_micro_f1", "micro_f1", "macro_f1", "recall_at_3", "precision_at_1", "ncnd_precision",
                "ncnd_recall"):
        if key in cv:
            spread = f"± {cv[f'{key}_std']:.3f}" if f"{key}_std" in cv else ""
            quality.add_row(key, f"{cv[key]:.3f}", spread)
    console.print(quality)
    from rich import box

    # Compact box: the per-label table must stay readable in 80 columns (the title gives way first).
    labels = Table(title="Per label (cross-validated, out-of-fold; thresholds from thresholds.json)",
                   title_justify="left", box=box.SIMPLE_HEAD, collapse_padding=True, pad_edge=False)
    labels.add_column("label", no_wrap=True, min_width=6)
    room = max(8, min(34, console.width - 71))  # what the other columns leave for the title
    labels.add_column("title", no_wrap=True)
    labels.add_column("NCND", no_wrap=True, min_width=4)
    for col in ("support", "precision", "recall", "F1", "threshold"):
        labels.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    labels.add_column("source", no_wrap=True, min_width=6)
    for lab in info.labels:
        labels.add_row(
            lab.code, escape(lab.title if len(lab.title) <= room else lab.title[: room - 1] + "…"),
            "NCND" if lab.ncnd else "", str(lab.support), f"{lab.precision:.2f}",
            f"{lab.recall:.2f}", f"{lab.f1:.2f}", f"{lab.threshold:.2f}", lab.source,
        )
    console.print(labels)
    console.print(f"Labels with fewer than {info.min_support} training examples use the global threshold "
                  f"{info.global_threshold:.2f}.")
    if info.learning_curve:
        curve = Table(title="Learning curve (one held-out fold)", title_justify="left")
        for col in ("share", "rows", "section micro-F1", "label micro-F1"):
            curve.add_column(col, justify="right")
        for point in info.learning_curve:
            curve.add_row(f"{point.get('share', 0):.0%}", str(int(point.get("rows", 0))),
                          f"{point.get('section_micro_f1', 0):.3f}", f"{point.get('micro_f1', 0):.3f}")
        console.print(curve)
    if info.intended_use:
        console.print("[bold]Intended use[/bold]")
        console.print(escape(info.intended_use))
    if info.limits:
        console.print("[bold]Limits[/bold]")
        for limit in info.limits:
            console.print(f"  • {escape(limit)}")


# --------------------------------------------------------------------------------------------------
# evaluate, compare, promote, rollback; letters and feedback for train (library: evaluation, data)
# --------------------------------------------------------------------------------------------------

_SYSTEM_TITLES = {"model": "model", "keywords": "keyword rules", "frequency": "label frequency"}


def _stage_progress(bar: Any) -> Any:
    """A library progress(stage, done, total) callback drawing one bar per stage."""
    tasks: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return progress


def _load_training_data(data: str, text_field: str, labels_field: str, response_field: str, group_field: str,
                        authority_type: str | None, review_csv: str | None, feedback: str | None,
                        overwrite: bool) -> Any:
    """Training data for 'train' from a table or a letters folder, plus feedback (warnings go to stderr)."""
    from pathlib import Path

    from foiclassify.data import load_training_data

    loaded = load_training_data(
        Path(data), text_field=text_field, labels_field=labels_field, response_field=response_field,
        group_field=group_field, authority_type=_authority(authority_type) or "",
        review_csv=Path(review_csv) if review_csv else None, feedback=Path(feedback) if feedback else None,
        overwrite=overwrite,
    )
    for problem in loaded.dataset.problems[:20]:
        click.echo(f"Warning: {problem}", err=True)
    if len(loaded.dataset.problems) > 20:
        click.echo(f"Warning: {len(loaded.dataset.problems) - 20} more problem(s) not shown", err=True)
    return loaded


@app.command("evaluate")
def evaluate_cli(
    data: str = typer.Argument(..., help="Labelled held-out requests (CSV/JSONL/Parquet/Excel)."),
    model: str | None = typer.Option(None, "--model", help=_MODEL_HELP),
    report: str | None = typer.Option(None, "--report", help="Write metrics.json, report.md/.html and plots here."),
    overwrite: bool = typer.Option(False, help="Replace an existing --report folder."),
    authority_field: str = typer.Option("authority_type", help="Column with the authority type."),
) -> None:
    """Score a model and two baselines (keyword rules, label frequency) on labelled requests."""
    from pathlib import Path

    from rich.table import Table

    from foiclassify.artifacts import default_model_path
    from foiclassify.evaluation import METRIC_HELP, SYSTEMS, evaluate

    with _warnings_to_stderr(), _progress_bar() as bar:
        result = evaluate(model or default_model_path(), data, report_dir=report, overwrite=overwrite,
                          authority_field=authority_field, progress=_stage_progress(bar))
    console = _console()
    wide = console.width >= 120  # the meaning column only where it fits; the report always has it
    table = Table(title=f"{result.model_id} on {Path(result.data).name} ({result.rows} requests)")
    table.add_column("metric", no_wrap=True)
    for name in SYSTEMS:
        table.add_column(_SYSTEM_TITLES[name], justify="right", no_wrap=True)
    if wide:
        table.add_column("meaning")
    heads = {name: s.headline() for name, s in result.systems.items()}
    for key in heads["model"]:
        values = ["-" if v is None else f"{v:.3f}" for v in (heads[name][key] for name in SYSTEMS)]
        table.add_row(key, *values, *([METRIC_HELP[key]] if wide else []))
    console.print(table)
    m, k = result.model, result.systems["keywords"]
    console.print(
        f"NCND: the model found {m.labels.ncnd_recall:.0%} of NCND labels (precision {m.labels.ncnd_precision:.0%}); "
        f"keyword rules {k.labels.ncnd_recall:.0%}. Abstained on {m.abstention_rate:.0%} of requests; "
        f"{m.answered_precision:.0%} of its suggestions were right."
    )
    for note in result.notes:
        click.echo(f"Warning: {note}", err=True)
    if report:
        console.print(f"Report written to {report} (report.html, report.md, metrics.json, plots)")


@app.command("compare")
def compare_cli(
    new: str = typer.Argument(..., help="The new model bundle."),
    old: str = typer.Argument(..., help="The model bundle to compare with (e.g. models/default)."),
    data: str = typer.Option(..., "--data", help="Labelled held-out requests both are scored on."),
    min_support: int = typer.Option(5, help="Labels with fewer examples never block promotion."),
    margin: float = typer.Option(0.02, help="F1 drop a label may have before it blocks promotion."),
) -> None:
    """Compare two model bundles label by label on the same data (and show what would block promotion)."""
    from rich.table import Table

    from foiclassify.evaluation import NCND_RECALL, compare, promotion_check

    with _warnings_to_stderr(), _progress_bar() as bar:
        result = compare(new, old, data, progress=_stage_progress(bar))
    blocking = promotion_check(result, min_support=min_support, margin=margin)
    table = Table(title=f"new {result.new_id} vs old {result.old_id} on {result.rows} requests")
    for col in ("label", "support", "old F1", "new F1", "Δ F1", "Δ precision", "Δ recall", ""):
        table.add_column(col, justify="left" if col in ("label", "") else "right")
    for code, d in result.per_label.items():
        if not d.support and not (d.old_f1 or d.new_f1):
            continue
        flag = "[bold red]blocks[/bold red]" if code in blocking else ""
        table.add_row(code, str(d.support), f"{d.old_f1:.3f}", f"{d.new_f1:.3f}", f"{d.delta_f1:+.3f}",
                      f"{d.delta_precision:+.3f}", f"{d.delta_recall:+.3f}", flag)
    console = _console()
    console.print(table)
    for key in ("micro_f1", "macro_f1", "section_micro_f1", "ncnd_precision"):
        old_v, new_v = result.old_headline[key] or 0.0, result.new_headline[key] or 0.0
        console.print(f"{key}: {old_v:.3f} -> {new_v:.3f} ({new_v - old_v:+.3f})")
    console.print(f"section_micro_f1 paired bootstrap: {result.section_f1_delta.describe()}")
    ncnd_flag = " [bold red]blocks[/bold red]" if NCND_RECALL in blocking else ""
    console.print(f"NCND recall: {result.old_ncnd_recall:.3f} -> {result.new_ncnd_recall:.3f} "
                  f"({result.delta_ncnd_recall:+.3f}){ncnd_flag}")
    if blocking:
        console.print(f"Promotion would be refused: {', '.join(blocking)}")
    else:
        console.print("Promotion check passes.")


@app.command("promote")
def promote_cli(
    new: str = typer.Argument(..., help="The model bundle to make current."),
    to: str = typer.Option("models/default", "--to", help="Where the current model lives."),
    data: str | None = typer.Option(None, "--data", help="Held-out requests to compare on (required unless --force)."),
    force: bool = typer.Option(False, "--force", help="Promote even if the check fails (needs --reason)."),
    reason: str | None = typer.Option(None, "--reason", help="Why the check is overridden (recorded in the bundle)."),
    min_support: int = typer.Option(5, help="Labels with fewer examples never block promotion."),
    margin: float = typer.Option(0.02, help="F1 drop a label may have before it blocks promotion."),
) -> None:
    """Make NEW the current model after checking it is not worse; the replaced one is kept as models/previous."""
    from foiclassify.errors import UsageError
    from foiclassify.evaluation import describe_blocking, promote

    if force and not (reason or "").strip():
        raise UsageError('--force needs --reason "..." saying why the checks are overridden')
    if reason is not None and not force:
        raise UsageError("--reason is only used with --force")
    with _warnings_to_stderr(), _progress_bar() as bar:
        result = promote(new, to=to, force_reason=reason if force else None, data=data, min_support=min_support,
                         margin=margin, progress=_stage_progress(bar))
    if result.forced:
        detail = describe_blocking(result.comparison, result.blocking) if result.comparison and result.blocking else (
            "nothing blocked" if result.checked else "not checked (no --data)")
        click.echo(f"Warning: promotion forced ({detail}); reason recorded in {result.to}/metadata.json", err=True)
    kept = f"; {result.old_id} kept in {result.previous}" if result.previous else ""
    _console().print(f"Promoted {result.new_id} to {result.to}{kept}")


@app.command("rollback")
def rollback_cli(
    to: str = typer.Option("models/default", "--to", help="Where the current model lives."),
) -> None:
    """Swap the current model with the previous one (run again to undo)."""
    from foiclassify.evaluation import rollback

    result = rollback(to)
    _console().print(f"Rolled back: {result.to} is now {result.current_id}; {result.previous_id} kept in "
                     f"{result.previous} (run rollback again to undo)")


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
