"""Suggestions for new requests: the Python API behind ``foiclassify suggest``.

>>> from foiclassify import load_model                                  # doctest: +SKIP
>>> model = load_model()                                                # doctest: +SKIP
>>> model.predict(["Does the force use covert facial recognition?"])[0].labels   # doctest: +SKIP
['s23(5)', 's24(2)', 's31(3)']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from foiclassify.artifacts import Bundle, default_model_path, load_bundle
from foiclassify.errors import InputError
from foiclassify.preprocess import MAX_CHARS
from foiclassify.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from foiclassify.preprocess import Preprocessor, Processed

#: Labels this close under their threshold are listed as "also considered".
ALSO_CONSIDERED_MARGIN = 0.15
#: ... but never below this probability: a near-zero score is not worth an officer's attention.
MIN_ALSO_CONSIDERED = 0.05


@dataclass(frozen=True)
class Precedent:
    """A similar request from the model's training data."""

    id: str
    text: str
    labels: list[str]
    similarity: float


@dataclass
class Suggestion:
    """The model's suggestion for one request.

    Attributes
    ----------
    labels : list of str
        Suggested labels, most probable first, after the NCND consistency rule.
    scores : dict
        Probability of every label, taxonomy order.
    thresholds : dict
        Threshold of every label.
    ncnd : bool
        True when any suggested label is a neither-confirm-nor-deny provision.
    abstained : bool
        True when no label reached its threshold ("no confident suggestion").
    also_considered : list of str
        Labels just under their threshold.
    truncated : bool
        The text was longer than :data:`~foiclassify.preprocess.MAX_CHARS` and was cut.
    precedents : list of Precedent
        Similar past requests (filled when asked for).
    """

    labels: list[str]
    scores: dict[str, float]
    thresholds: dict[str, float]
    ncnd: bool
    abstained: bool
    also_considered: list[str]
    truncated: bool = False
    precedents: list[Precedent] = field(default_factory=list)
    cues: dict[str, list[str]] = field(default_factory=dict)


def decide(P: np.ndarray, thresholds: np.ndarray, codes: Sequence[str]) -> list[tuple[list[str], list[str]]]:
    """Apply thresholds and the NCND consistency rule.

    Returns, per row, ``(suggested labels most probable first, also-considered labels)``.
    """
    tax = load_taxonomy()
    probs = np.asarray(P)
    thresholds = np.asarray(thresholds)
    # The comparisons and the ordering run on whole arrays; the loop below touches Python lists only
    # (per-element numpy scalars made this function a tenth of prediction time).
    orders = np.argsort(-probs, axis=1, kind="stable").tolist()
    passes = (probs >= thresholds).tolist()
    lower = np.maximum(thresholds - ALSO_CONSIDERED_MARGIN, MIN_ALSO_CONSIDERED)
    closes = ((probs < thresholds) & (probs >= lower)).tolist()
    out = []
    for order, ok, close in zip(orders, passes, closes, strict=True):
        passed = [codes[j] for j in order if ok[j]]
        consistent = tax.make_consistent(passed)
        # Keep probability order; a label swapped to its NCND form takes its sibling's rank.
        rank = {codes[j]: i for i, j in enumerate(order)}
        for code in consistent:
            sibling = tax.label(code).withholding_form
            if code not in passed and sibling in rank:
                rank[code] = rank[sibling]
        labels = sorted(consistent, key=lambda c: rank[c])
        near = [codes[j] for j in order if close[j] and codes[j] not in labels][:3]
        out.append((labels, near))
    return out


class Model:
    """A loaded model bundle that suggests exemptions.

    Parameters
    ----------
    bundle : Bundle
        From :func:`foiclassify.artifacts.load_bundle`.
    """

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self._preprocessor: Preprocessor | None = None

    @property
    def bundle_id(self) -> str:
        """Identifier of the bundle."""
        return self.bundle.bundle_id

    @property
    def labels(self) -> tuple[str, ...]:
        """Label codes, column order of the scores."""
        return tuple(self.bundle.model.labels_)

    @property
    def preprocessor(self) -> Preprocessor:
        """The spaCy preprocessor (built on first use, shared by every loaded model)."""
        if self._preprocessor is None:
            self._preprocessor = _shared_preprocessor()
        return self._preprocessor

    def frame(self, processed: Sequence[Processed], authority_types: Sequence[str | None] | None) -> Any:
        """Model input frame for preprocessed requests."""
        from foiclassify.data import check_authority_type
        from foiclassify.preprocess import to_frame

        auth = [a or "" for a in authority_types] if authority_types is not None else None
        for a in auth or []:
            check_authority_type(a, "--authority-type")
        return to_frame(processed, auth)

    def predict_proba(self, texts: Sequence[str], authority_types: Sequence[str | None] | None = None) -> np.ndarray:
        """Probability of every label for every text (columns: :attr:`labels`)."""
        processed = self.preprocessor.process(list(texts))
        return self.bundle.model.predict_proba(self.frame(processed, authority_types))

    def predict(
        self,
        texts: Sequence[str],
        authority_types: Sequence[str | None] | None = None,
        *,
        similar: int = 0,
    ) -> list[Suggestion]:
        """Suggest exemptions for each text.

        Parameters
        ----------
        texts : sequence of str
            Request texts; an empty or whitespace-only text raises :class:`InputError`.
        authority_types : sequence of str, optional
            Kind of authority answering each request (``None``/``""`` for unknown).
        similar : int
            Attach this many precedents from the training data to each suggestion.

        Returns
        -------
        list of Suggestion
        """
        texts = list(texts)
        for i, text in enumerate(texts):
            if not isinstance(text, str) or not text.strip():
                raise InputError(f"request {i + 1} is empty; give the text of the request")
        processed = self.preprocessor.process(texts)
        X = self.frame(processed, authority_types)
        model = self.bundle.model
        P = model.predict_proba(X)
        codes = self.labels
        t = self.bundle.thresholds.vector(codes)
        decisions = decide(P, t, codes)
        tax = load_taxonomy()
        neighbours = self._neighbours(X, similar) if similar else [[] for _ in texts]
        thresholds = dict(zip(codes, t.tolist(), strict=True))
        out = []
        for i, ((labels, near), row) in enumerate(zip(decisions, P.tolist(), strict=True)):
            out.append(
                Suggestion(
                    labels=labels,
                    scores={c: round(p, 6) for c, p in zip(codes, row, strict=True)},
                    thresholds=dict(thresholds),
                    ncnd=any(tax.label(c).ncnd for c in labels),
                    abstained=not labels,
                    also_considered=near,
                    truncated=len(texts[i]) > MAX_CHARS,
                    precedents=neighbours[i],
                    cues=processed[i].cues,
                )
            )
        return out

    def _neighbours(self, X: Any, k: int) -> list[list[Precedent]]:
        from sklearn.preprocessing import normalize

        index = self.bundle.index
        if index is None or k <= 0:
            return [[] for _ in range(len(X))]
        word = self.bundle.model.vectorizer_.named_transformers_["word"]
        query = normalize(word.transform(X["text"]))
        sims = np.asarray((query @ index.T).todense())
        out = []
        for row in sims:
            top = np.argsort(-row, kind="stable")[:k]
            out.append(
                [
                    Precedent(
                        id=str(self.bundle.precedents[j]["id"]),
                        text=str(self.bundle.precedents[j]["text"]),
                        labels=list(self.bundle.precedents[j]["labels"]),
                        similarity=round(float(row[j]), 4),
                    )
                    for j in top
                    if row[j] > 0
                ]
            )
        return out


@cache
def _shared_preprocessor() -> Preprocessor:
    # Building the spaCy pipeline takes most of a second and it holds no model state, so every
    # Model in the process shares one instead of paying that on each load.
    from foiclassify.preprocess import Preprocessor

    return Preprocessor()


def load_model(path: Path | str | None = None, *, allow_pickle: bool = False) -> Model:
    """Load a model bundle (default: :func:`foiclassify.artifacts.default_model_path`)."""
    return Model(load_bundle(Path(path) if path else default_model_path(), allow_pickle=allow_pickle))


# -- batches ------------------------------------------------------------------------------------

OUTPUT_SUFFIXES = (".csv", ".jsonl", ".parquet")


@dataclass
class BatchSummary:
    """What a batch run did.

    Attributes
    ----------
    rows : int
        Input rows seen (including skipped ones).
    suggested, abstained : int
        Rows with at least one suggested label / with none.
    skipped : list of (id, reason)
        Rows not scored (empty or unreadable text), in input order; they stay in the output with
        their reason in ``status``.
    output : Path
    resumed_parts : int
        Chunks taken from an interrupted earlier run (``--resume``).
    bad_lines : list of int
        JSON Lines line numbers skipped as unparseable (``--skip-bad-lines``).
    """

    rows: int = 0
    suggested: int = 0
    abstained: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    output: Path = Path()
    resumed_parts: int = 0
    bad_lines: list[int] = field(default_factory=list)


def _partial_dir(output: Path) -> Path:
    return output.with_name(output.name + ".partial")


def _check_output(output: Path, overwrite: bool, resume: bool) -> None:
    from foiclassify.errors import OutputError

    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise OutputError(f"{output}: unsupported output type; use one of {', '.join(OUTPUT_SUFFIXES)}")
    if output.exists() and not overwrite:
        raise OutputError(f"{output}: already exists; choose another --output or pass --overwrite")
    if output.parent.exists() and not output.parent.is_dir():
        raise OutputError(f"{output.parent}: is a file, not an output folder; choose another --output")
    if not output.parent.exists():
        raise OutputError(f"{output.parent}: output folder does not exist; create it first")
    import os

    if not os.access(output.parent, os.W_OK):
        raise OutputError(f"{output.parent}: output folder is not writable; choose another --output")
    partial = _partial_dir(output)
    if partial.exists() and not resume:
        raise OutputError(
            f"{partial}: an interrupted run left partial output; pass --resume to continue it or delete the folder"
        )


def _atomic_write(path: Path, write: Any) -> None:
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_part(frame: Any, path: Path) -> None:
    suffix = path.suffix.lower()

    def write(tmp: Path) -> None:
        if suffix == ".csv":
            frame.to_csv(tmp, index=False)
        elif suffix == ".jsonl":
            import json

            with open(tmp, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in frame)
        else:
            frame.to_parquet(tmp, index=False)

    _atomic_write(path, write)


def _concat_parts(parts: list[Path], output: Path) -> None:
    """Join part files into ``output`` atomically, streaming (one part in memory at a time)."""
    suffix = output.suffix.lower()

    def write(tmp: Path) -> None:
        if suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            writer = None
            try:
                for part in parts:
                    table = pq.read_table(part)
                    if writer is None:
                        writer = pq.ParquetWriter(tmp, table.schema)
                    writer.write_table(table.cast(writer.schema) if table.schema != writer.schema else table)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                from foiclassify.errors import OutputError

                raise OutputError(f"{output}: chunks have different columns ({exc}); write CSV or JSONL") from None
            finally:
                if writer is not None:
                    writer.close()
            return
        with open(tmp, "wb") as out:
            for k, part in enumerate(parts):
                with open(part, "rb") as fh:
                    if suffix == ".csv" and k:
                        fh.readline()  # every part has the header; keep the first only
                    while block := fh.read(1 << 20):
                        out.write(block)

    _atomic_write(output, write)


def _result_frame(chunk: Any, results: list[tuple[str, Suggestion | None, str]], model_id: str, codes: Sequence[str],
                  suffix: str) -> Any:
    if suffix == ".jsonl":
        rows = []
        for (rid, sug, status), record in zip(results, chunk.to_dict("records"), strict=True):
            rows.append(
                {
                    "id": rid,
                    "labels": sug.labels if sug else [],
                    "scores": sug.scores if sug else {},
                    "ncnd": sug.ncnd if sug else False,
                    "abstained": sug.abstained if sug else False,
                    "model": model_id,
                    "status": status,
                    "input": {str(k): (None if v is None or v != v else v) for k, v in record.items()},
                }
            )
        return rows
    out = chunk.reset_index(drop=True).copy()
    out["fc_id"] = [r[0] for r in results]
    out["fc_labels"] = [";".join(r[1].labels) if r[1] else "" for r in results]
    out["fc_ncnd"] = [bool(r[1] and r[1].ncnd) for r in results]
    out["fc_abstained"] = [bool(r[1] and r[1].abstained) for r in results]
    out["fc_status"] = [r[2] for r in results]
    out["fc_model"] = model_id
    for code in codes:
        out[f"fc_score_{code}"] = [r[1].scores[code] if r[1] else float("nan") for r in results]
    return out


def run_batch(
    model: Model,
    input_path: Path,
    output: Path,
    *,
    text_field: str = "request",
    id_field: str | None = "id",
    authority_type: str | None = None,
    authority_type_field: str | None = None,
    chunk_size: int = 2_000,
    overwrite: bool = False,
    resume: bool = False,
    skip_bad_lines: bool = False,
    on_chunk: Any = None,
) -> BatchSummary:
    """Suggest exemptions for every row of a CSV/JSONL/Parquet/Excel file, in bounded memory.

    Each chunk's results are written atomically as a part file in ``<output>.partial/``; the parts
    are joined into ``output`` only when every row is done. An interrupted run therefore leaves
    either no output or a folder plainly marked partial, and ``resume=True`` continues after the
    last complete part without repeating a row.

    Parameters
    ----------
    on_chunk : callable, optional
        ``on_chunk(rows_done, chunk_results, texts)`` for each chunk, just before its part file is
        written, with ``chunk_results`` a list of ``(id, Suggestion | None, status)`` and ``texts``
        the chunk's request texts in the same order (progress bars, audit records). If it raises, the
        chunk's part is not written. Chunks reused by ``resume`` report no results.

    Returns
    -------
    BatchSummary
    """
    import json
    import shutil

    from foiclassify.data import check_authority_type

    input_path, output = Path(input_path), Path(output)
    check_authority_type(authority_type, "--authority-type")
    _check_output(output, overwrite, resume)
    partial = _partial_dir(output)
    manifest = {"input": str(input_path.resolve()), "chunk_size": chunk_size, "text_field": text_field,
                "model": model.bundle_id}
    done_parts: list[Path] = []
    created_partial = not partial.exists()
    if not created_partial:
        previous = json.loads((partial / "manifest.json").read_text()) if (partial / "manifest.json").exists() else {}
        if not previous and not any(partial.glob("part-*")):
            previous = manifest  # killed before its first write: nothing to disagree with
            (partial / "manifest.json").write_text(json.dumps(manifest))
        if previous != manifest:
            from foiclassify.errors import OutputError

            raise OutputError(
                f"{partial}: was started with other settings (input, chunk size, text field or model); "
                "delete it to start again"
            )
        done_parts = sorted(partial.glob(f"part-*{output.suffix}"))
    else:
        partial.mkdir()
        (partial / "manifest.json").write_text(json.dumps(manifest))
    summary = BatchSummary(output=output, resumed_parts=len(done_parts))
    try:
        _run_chunks(model, input_path, partial, output, summary, done_parts, text_field=text_field,
                    id_field=id_field, authority_type=authority_type, authority_type_field=authority_type_field,
                    chunk_size=chunk_size, skip_bad_lines=skip_bad_lines, on_chunk=on_chunk)
    except BaseException:
        # A run that fails before finishing any chunk (a wrong column, an unreadable file) leaves
        # nothing to resume: remove the folder it made, so the next run is not told to --resume.
        if created_partial and not any(partial.glob(f"part-*{output.suffix}")):
            shutil.rmtree(partial, ignore_errors=True)
        raise
    _concat_parts(sorted(done_parts), output)
    shutil.rmtree(partial, ignore_errors=True)
    return summary


def _run_chunks(model: Model, input_path: Path, partial: Path, output: Path, summary: BatchSummary,
                done_parts: list[Path], *, text_field: str, id_field: str | None, authority_type: str | None,
                authority_type_field: str | None, chunk_size: int, skip_bad_lines: bool, on_chunk: Any) -> None:
    """Score every chunk not already done, writing one part file (and its stats) per chunk."""
    import json

    from foiclassify.data import AUTHORITY_TYPES, cell_text, iter_table, require_column

    codes = model.labels
    for k, chunk in enumerate(iter_table(input_path, chunk_size, skip_bad_lines=skip_bad_lines)):
        summary.bad_lines.extend(b.line for b in chunk.attrs.get("bad_lines", []))
        if chunk.empty:
            continue
        if k == 0:
            require_column(chunk, text_field)
            if id_field and id_field not in chunk.columns and id_field != "id":
                require_column(chunk, id_field, "--id-field")
            if authority_type_field:
                require_column(chunk, authority_type_field, "--authority-type-field")
        part = partial / f"part-{k:06d}{output.suffix}"
        stats_file = partial / f"part-{k:06d}.json"
        if part in done_parts and stats_file.exists():
            stats = json.loads(stats_file.read_text())
            summary.rows += stats["rows"]
            summary.suggested += stats["suggested"]
            summary.abstained += stats["abstained"]
            summary.skipped.extend((s[0], s[1]) for s in stats["skipped"])
            if on_chunk:
                on_chunk(summary.rows, [], [])
            continue
        start = summary.rows
        ids = (
            [cell_text(v) or f"row-{start + i + 1}" for i, v in enumerate(chunk[id_field])]
            if id_field and id_field in chunk.columns
            else [f"row-{start + i + 1}" for i in range(len(chunk))]
        )
        # JSON Lines rows may lack a key altogether: a later chunk can then miss the column.
        texts: list[Any] = list(chunk[text_field]) if text_field in chunk.columns else [None] * len(chunk)
        auth: list[str | None]
        if not authority_type_field:
            auth = [authority_type] * len(chunk)
        elif authority_type_field in chunk.columns:
            auth = [cell_text(v) for v in chunk[authority_type_field]]
        else:
            auth = [""] * len(chunk)
        results: list[tuple[str, Suggestion | None, str]] = []
        usable = []
        for i, (rid, text, kind) in enumerate(zip(ids, texts, auth, strict=True)):
            if not isinstance(text, str) or not text.strip():
                results.append((rid, None, "skipped: empty or unreadable text"))
            elif kind and kind not in AUTHORITY_TYPES:
                # One mistyped cell must not stop a long batch; the row is reported by id, never by text.
                results.append((rid, None, f"skipped: unknown authority type {kind!r}"))
            else:
                results.append((rid, None, ""))
                usable.append(i)
        if usable:
            suggestions = model.predict([texts[i] for i in usable], [str(auth[i] or "") for i in usable])
            for i, sug in zip(usable, suggestions, strict=True):
                results[i] = (ids[i], sug, "abstained" if sug.abstained else "suggested")
        chunk_skipped = [(rid, status.removeprefix("skipped: ")) for rid, sug, status in results if sug is None]
        stats = {
            "rows": len(chunk),
            "suggested": sum(1 for _, s, _ in results if s and not s.abstained),
            "abstained": sum(1 for _, s, _ in results if s and s.abstained),
            "skipped": chunk_skipped,
        }
        # The callback (audit records) runs before the part is written: a run killed in between
        # redoes and re-records the chunk on --resume, so no output row is ever left unaudited.
        if on_chunk:
            on_chunk(summary.rows + stats["rows"], results, texts)
        _write_part(_result_frame(chunk, results, model.bundle_id, codes, output.suffix.lower()), part)
        # Atomic too: a run killed while writing it must not leave a stats file --resume cannot read.
        _atomic_write(stats_file, lambda tmp, stats=stats: tmp.write_text(json.dumps(stats)))
        summary.rows += stats["rows"]
        summary.suggested += stats["suggested"]
        summary.abstained += stats["abstained"]
        summary.skipped.extend(chunk_skipped)
        if part not in done_parts:  # a part redone because its stats were lost is listed once
            done_parts.append(part)

