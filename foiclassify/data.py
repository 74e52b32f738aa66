"""Reading and validating labelled historical requests.

Case-system exports arrive as CSV, JSON Lines, Parquet or Excel. :func:`read_table` turns any of
them into a string-typed :class:`pandas.DataFrame` with clear errors; :func:`load_dataset` checks the
content (text, ids, labels) and returns a :class:`Dataset` whose label matrix follows the taxonomy
order and whose SHA-256 identifies the normalised data for provenance.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foiclassify.errors import InputError, UnknownLabelError, ValidationError
from foiclassify.taxonomy import load_taxonomy

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: Kinds of public authority; practice differs sharply between them.
AUTHORITY_TYPES: tuple[str, ...] = (
    "police",
    "central_government",
    "council",
    "nhs",
    "university",
    "school",
    "fire",
    "transport",
    "regulator",
    "other",
)

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".xlsx", ".xls")


class EncodingWarning_(UserWarning):
    """A text file was not UTF-8 and was decoded with another encoding."""


@dataclass(frozen=True)
class BadLine:
    """A line of a JSON Lines file that could not be parsed."""

    line: int
    error: str


def decode_bytes(raw: bytes, where: str) -> tuple[str, str]:
    """Decode file content, returning ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read silently or with a warning; other
    text falls back to Latin-1 with a warning naming it. Binary content (NUL bytes without a UTF-16
    BOM) is refused, because guessing would feed garbage to the model.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        warnings.warn(f"{where}: decoded as UTF-16 (byte-order mark found)", EncodingWarning_, stacklevel=2)
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw[:8192]:
        raise InputError(f"{where}: looks like a binary file, not text; export it as UTF-8 text, CSV or JSONL")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        warnings.warn(f"{where}: not valid UTF-8, decoded as Latin-1", EncodingWarning_, stacklevel=2)
        return raw.decode("latin-1"), "latin-1"


def read_text_file(path: Path) -> str:
    """Read one request or letter from a text file (see :func:`decode_bytes`)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: file not found; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a text file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_bytes(raw, str(path))[0]


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: file not found; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a CSV, JSONL, Parquet or Excel file")
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; use one of {', '.join(TABLE_SUFFIXES)}"
        )


def _sniff_delimiter(sample: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    try:
        # Sniff on the header and first rows only: a full file is slow and quoted text confuses it.
        head = "\n".join(sample[:65536].splitlines()[:20])
        return csv.Sniffer().sniff(head, ",;\t|").delimiter
    except csv.Error:
        return ","


def _read_csv(text: str, path: Path) -> pd.DataFrame:
    import pandas as pd

    if not text.strip():
        raise InputError(f"{path}: the file is empty; expected a header row and at least one data row")
    sep = _sniff_delimiter(text, path.suffix.lower())
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise InputError(f"{path}: malformed CSV ({str(exc).splitlines()[0]}); check quoting and delimiters") from None
    return frame


def _jsonl_records(text: str, path: Path, skip_bad_lines: bool, bad: list[BadLine]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("expected a JSON object")
        except ValueError as exc:
            if not skip_bad_lines:
                raise InputError(
                    f"{path}: line {number} is not a JSON object ({str(exc).splitlines()[0]}); "
                    "fix it or pass --skip-bad-lines"
                ) from None
            bad.append(BadLine(number, str(exc).splitlines()[0]))
            continue
        yield obj


def read_table(path: Path, *, skip_bad_lines: bool = False) -> pd.DataFrame:
    """Read a CSV, TSV, JSON Lines, JSON, Parquet or Excel export into a DataFrame.

    Parameters
    ----------
    path : Path
        The file. Its suffix chooses the reader.
    skip_bad_lines : bool
        For JSON Lines, skip unparseable lines instead of failing; they are listed in
        ``frame.attrs["bad_lines"]`` as :class:`BadLine` items.

    Returns
    -------
    pandas.DataFrame
        One row per record. ``frame.attrs`` holds ``path``, ``encoding`` and ``bad_lines``.

    Raises
    ------
    InputError
        Missing or unsupported file, binary content, malformed rows, zero rows.
    """
    import pandas as pd

    path = Path(path)
    _check_path(path)
    suffix = path.suffix.lower()
    bad: list[BadLine] = []
    encoding = "binary"
    if suffix in (".parquet", ".xlsx", ".xls"):
        try:
            if suffix == ".parquet":
                frame = pd.read_parquet(path)
            else:
                # Analysts' workbooks often carry notes on later sheets: the data is the first sheet.
                frame = pd.read_excel(path, sheet_name=0, dtype=str).fillna("")
        except Exception as exc:
            raise InputError(f"{path}: cannot read as {suffix[1:]} ({type(exc).__name__}: {exc})") from None
    else:
        text, encoding = decode_bytes(path.read_bytes(), str(path))
        if suffix in (".csv", ".tsv"):
            frame = _read_csv(text, path)
        elif suffix == ".json":
            try:
                data = json.loads(text)
            except ValueError as exc:
                raise InputError(f"{path}: invalid JSON ({exc}); expected a list of objects") from None
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise InputError(f"{path}: expected a JSON list of objects, one per request")
            frame = pd.DataFrame.from_records(data)
        else:
            frame = pd.DataFrame.from_records(list(_jsonl_records(text, path, skip_bad_lines, bad)))
    if len(frame) == 0:
        raise InputError(f"{path}: no data rows found; expected a header and at least one row")
    frame.attrs.update(path=str(path), encoding=encoding, bad_lines=bad)
    return frame


def require_column(frame: pd.DataFrame, column: str, option: str = "--text-field") -> None:
    """Raise :class:`InputError` naming the existing columns when ``column`` is missing."""
    if column not in frame.columns:
        where = frame.attrs.get("path", "input")
        existing = ", ".join(map(str, frame.columns[:20])) or "(none)"
        raise InputError(f"{where}: no column {column!r} (columns are: {existing}); choose one with {option}")


@dataclass
class Dataset:
    """Validated labelled requests.

    Attributes
    ----------
    ids, texts, authority_types : list of str
        One entry per request; ``authority_types`` entries may be ``""`` (unknown).
    labels : list of list of str
        Label codes per request, in taxonomy order.
    sha256 : str
        Hash of the normalised records (ids, texts, authority types, labels).
    source : str
        Where the data came from.
    problems : list of str
        Non-fatal findings (e.g. labels under the minimum count, skipped lines).
    """

    ids: list[str]
    texts: list[str]
    authority_types: list[str]
    labels: list[list[str]]
    sha256: str
    source: str
    problems: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def label_matrix(self) -> np.ndarray:
        """Binary indicator matrix, columns in taxonomy order."""
        import numpy as np

        tax = load_taxonomy()
        y = np.zeros((len(self), len(tax)), dtype=np.int8)
        for i, labs in enumerate(self.labels):
            for code in labs:
                y[i, tax.index(code)] = 1
        return y

    def label_counts(self) -> dict[str, int]:
        """Examples per label, taxonomy order, zero counts included."""
        counts = Counter(c for labs in self.labels for c in labs)
        return {code: counts.get(code, 0) for code in load_taxonomy().codes}

    def subset(self, index: Sequence[int]) -> Dataset:
        """Rows at ``index`` as a new dataset (hash recomputed)."""
        ids = [self.ids[i] for i in index]
        texts = [self.texts[i] for i in index]
        auth = [self.authority_types[i] for i in index]
        labels = [self.labels[i] for i in index]
        return Dataset(ids, texts, auth, labels, dataset_hash(ids, texts, auth, labels), self.source)


def dataset_hash(ids: list[str], texts: list[str], authority_types: list[str], labels: list[list[str]]) -> str:
    """SHA-256 of the normalised records, independent of file format and column order."""
    digest = hashlib.sha256()
    for row in zip(ids, texts, authority_types, labels, strict=True):
        digest.update(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def parse_label_cell(value: Any, where: str) -> list[str]:
    """Turn one cell of an exemptions column into label codes.

    Accepts a list (JSON Lines/Parquet), a JSON list in a string, or free citation text
    (``"s31(1); section 40(2)"``) read with the citation parser. Section-level codes map to the
    section's usual withholding label; an unknown label raises :class:`UnknownLabelError`.
    """
    from foiclassify.citations import parse_citations

    tax = load_taxonomy()
    if value is None or (isinstance(value, float) and value != value):
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped or stripped.lower() in ("none", "[]", "-", "n/a"):
            return []
        if stripped.startswith("["):
            try:
                value = json.loads(stripped)
            except ValueError:
                raise ValidationError(f"{where}: {stripped[:60]!r} is not a valid JSON list of labels") from None
        else:
            try:
                codes = parse_citations(stripped)
            except UnknownLabelError as exc:
                raise UnknownLabelError(f"{where}: {exc}") from None
            if not codes:
                raise ValidationError(
                    f"{where}: no exemption found in {stripped[:60]!r}; write labels such as 's31(1); s40(2)'"
                )
            return tax.sort(codes)
    if not isinstance(value, list):
        raise ValidationError(f"{where}: expected a list of labels, got {type(value).__name__}")
    out = []
    for item in value:
        try:
            out.append(tax.to_label(str(item)))
        except UnknownLabelError as exc:
            raise UnknownLabelError(f"{where}: {exc}") from None
    return tax.sort(out)


def load_dataset(
    path: Path,
    *,
    text_field: str = "request",
    labels_field: str = "exemptions",
    response_field: str = "response",
    id_field: str = "id",
    authority_field: str = "authority_type",
    min_examples: int = 0,
    skip_bad_lines: bool = False,
) -> Dataset:
    """Load and validate labelled requests.

    Labels come from ``labels_field`` when present, otherwise they are extracted from the
    response letters in ``response_field`` with the citation parser.

    Parameters
    ----------
    path : Path
        CSV, JSONL, Parquet or Excel file.
    text_field, labels_field, response_field, id_field, authority_field : str
        Column names.
    min_examples : int
        Labels present with fewer examples are an error (0 disables the check).
    skip_bad_lines : bool
        Passed to :func:`read_table`.

    Returns
    -------
    Dataset

    Raises
    ------
    InputError, ValidationError, UnknownLabelError
        With file, row (1-based data row) and column in the message.
    """
    frame = read_table(Path(path), skip_bad_lines=skip_bad_lines)
    return dataset_from_frame(
        frame,
        text_field=text_field,
        labels_field=labels_field,
        response_field=response_field,
        id_field=id_field,
        authority_field=authority_field,
        min_examples=min_examples,
    )


def dataset_from_frame(
    frame: pd.DataFrame,
    *,
    text_field: str = "request",
    labels_field: str = "exemptions",
    response_field: str = "response",
    id_field: str = "id",
    authority_field: str = "authority_type",
    min_examples: int = 0,
) -> Dataset:
    """Validate an already-read frame; see :func:`load_dataset`."""
    from foiclassify.citations import extract_cited_exemptions

    where = frame.attrs.get("path", "input")
    require_column(frame, text_field)
    if labels_field not in frame.columns and response_field not in frame.columns:
        existing = ", ".join(map(str, frame.columns[:20]))
        raise InputError(
            f"{where}: no labels: need a {labels_field!r} column (exemptions) or a {response_field!r} column "
            f"(response letters) (columns are: {existing})"
        )
    has_ids = id_field in frame.columns
    has_auth = authority_field in frame.columns
    ids: list[str] = []
    texts: list[str] = []
    auth: list[str] = []
    labels: list[list[str]] = []
    seen: dict[str, int] = {}
    for row_no, row in enumerate(frame.to_dict("records"), start=1):
        text = row.get(text_field)
        if not isinstance(text, str) or not text.strip():
            raise ValidationError(f"{where}: row {row_no}, column {text_field!r}: empty request text; fill it or drop the row")
        rid = str(row[id_field]).strip() if has_ids and str(row[id_field]).strip() else f"row-{row_no}"
        if rid in seen:
            raise ValidationError(
                f"{where}: row {row_no}, column {id_field!r}: duplicate id {rid!r} (first at row {seen[rid]}); ids must be unique"
            )
        seen[rid] = row_no
        kind = str(row.get(authority_field) or "").strip() if has_auth else ""
        if kind and kind not in AUTHORITY_TYPES:
            raise ValidationError(
                f"{where}: row {row_no}, column {authority_field!r}: unknown authority type {kind!r}; "
                f"use one of {', '.join(AUTHORITY_TYPES)} or leave it empty"
            )
        if labels_field in frame.columns:
            labs = parse_label_cell(row[labels_field], f"{where}: row {row_no}, column {labels_field!r}")
        else:
            letter = row.get(response_field)
            if not isinstance(letter, str) or not letter.strip():
                raise ValidationError(f"{where}: row {row_no}, column {response_field!r}: empty response letter")
            labs = load_taxonomy().sort(extract_cited_exemptions(letter).labels)
        ids.append(rid)
        texts.append(text.strip())
        auth.append(kind)
        labels.append(labs)
    dataset = Dataset(ids, texts, auth, labels, dataset_hash(ids, texts, auth, labels), str(where))
    dataset.problems.extend(f"line {b.line} skipped: {b.error}" for b in frame.attrs.get("bad_lines", []))
    if min_examples:
        rare = {c: n for c, n in dataset.label_counts().items() if 0 < n < min_examples}
        if rare:
            listed = ", ".join(f"{c} ({n})" for c, n in rare.items())
            raise ValidationError(
                f"{where}: labels with fewer than {min_examples} examples: {listed}; add examples or lower --min-examples"
            )
    return dataset


def _sniff_encoding(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        warnings.warn(f"{path}: decoded as UTF-16 (byte-order mark found)", EncodingWarning_, stacklevel=3)
        return "utf-16"
    if b"\x00" in head[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text; export it as UTF-8 CSV or JSONL")
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a multi-byte character cut by the sample's end is not an error
            warnings.warn(f"{path}: not valid UTF-8, decoded as Latin-1", EncodingWarning_, stacklevel=3)
            return "latin-1"
    return "utf-8-sig"


def iter_table(path: Path, chunk_size: int = 10_000, *, skip_bad_lines: bool = False) -> Iterator[pd.DataFrame]:
    """Read a table in chunks of ``chunk_size`` rows (bounded memory for large batches).

    CSV, JSON Lines and Parquet stream; Excel and JSON are read whole and then sliced. Each chunk's
    ``attrs`` carry ``path`` and ``bad_lines`` (JSONL lines skipped in that chunk). Line numbers
    and errors match :func:`read_table`.
    """
    import pandas as pd

    path = Path(path)
    _check_path(path)
    suffix = path.suffix.lower()
    yielded = False
    if suffix in (".csv", ".tsv"):
        encoding = _sniff_encoding(path)
        with open(path, encoding=encoding, newline="") as fh:
            sample = fh.read(1 << 16)
        if not sample.strip():
            raise InputError(f"{path}: the file is empty; expected a header row and at least one data row")
        sep = _sniff_delimiter(sample, suffix)
        try:
            reader = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, chunksize=chunk_size, encoding=encoding)
            for chunk in reader:
                chunk.attrs.update(path=str(path), bad_lines=[])
                yielded = True
                yield chunk
        except pd.errors.ParserError as exc:
            raise InputError(f"{path}: malformed CSV ({str(exc).splitlines()[0]}); check quoting and delimiters") from None
    elif suffix in (".jsonl", ".ndjson"):
        encoding = _sniff_encoding(path)
        rows: list[dict[str, Any]] = []
        bad: list[BadLine] = []
        with open(path, encoding=encoding, errors="replace") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError("expected a JSON object")
                except ValueError as exc:
                    if not skip_bad_lines:
                        raise InputError(
                            f"{path}: line {number} is not a JSON object ({str(exc).splitlines()[0]}); "
                            "fix it or pass --skip-bad-lines"
                        ) from None
                    bad.append(BadLine(number, str(exc).splitlines()[0]))
                    continue
                rows.append(obj)
                if len(rows) >= chunk_size:
                    frame = pd.DataFrame.from_records(rows)
                    frame.attrs.update(path=str(path), bad_lines=bad)
                    rows, bad = [], []
                    yielded = True
                    yield frame
        if rows or bad:
            frame = pd.DataFrame.from_records(rows)
            frame.attrs.update(path=str(path), bad_lines=bad)
            yielded = yielded or bool(rows)
            yield frame
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(path)
        except Exception as exc:
            raise InputError(f"{path}: cannot read as parquet ({type(exc).__name__}: {exc})") from None
        for batch in parquet.iter_batches(batch_size=chunk_size):
            frame = batch.to_pandas()
            frame.attrs.update(path=str(path), bad_lines=[])
            yielded = True
            yield frame
    else:
        frame = read_table(path, skip_bad_lines=skip_bad_lines)
        for start in range(0, len(frame), chunk_size):
            chunk = frame.iloc[start : start + chunk_size]
            chunk.attrs.update(path=str(path), bad_lines=frame.attrs.get("bad_lines", []) if start == 0 else [])
            yielded = True
            yield chunk
    if not yielded:
        raise InputError(f"{path}: no data rows found; expected a header and at least one row")
