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
import os
import re
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
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


def check_authority_type(value: str | None, where: str) -> None:
    """Raise :class:`ValidationError` (naming ``where``) unless ``value`` is empty or a known authority type."""
    if value and value not in AUTHORITY_TYPES:
        raise ValidationError(
            f"{where}: unknown authority type {value!r}; use one of {', '.join(AUTHORITY_TYPES)} or leave it empty"
        )


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


def _jsonl_records(
    lines: Iterable[str], path: Path, skip_bad_lines: bool, bad: list[BadLine]
) -> Iterator[dict[str, Any]]:
    """Parse JSON Lines; bad lines raise, or are appended to ``bad`` with ``skip_bad_lines``.

    Lines are split on newlines only (a file object or ``io.StringIO``), never on other Unicode
    line separators, which JSON strings may contain.
    """
    for number, line in enumerate(lines, start=1):
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
            frame = pd.DataFrame.from_records(list(_jsonl_records(io.StringIO(text), path, skip_bad_lines, bad)))
    if len(frame) == 0:
        raise InputError(f"{path}: no data rows found; expected a header and at least one row")
    frame.attrs.update(path=str(path), encoding=encoding, bad_lines=bad)
    return frame


def cell_text(value: Any) -> str:
    """A table cell as stripped text; a missing cell (None, NaN, pandas NA) is ``""``.

    JSON Lines and Parquet give missing values as NaN and turn an integer id column with a gap
    into floats: ``1.0`` is read back as ``"1"`` so ids look as they were written.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return str(value).strip()


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
    groups : list of str
        Where each request came from (a writer, office or file), from the ``group_field`` column;
        empty when the data has no such column. Cross-validation keeps each group in one fold.
    """

    ids: list[str]
    texts: list[str]
    authority_types: list[str]
    labels: list[list[str]]
    sha256: str
    source: str
    problems: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

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
        groups = [self.groups[i] for i in index] if self.groups else []
        return Dataset(ids, texts, auth, labels, dataset_hash(ids, texts, auth, labels), self.source, groups=groups)


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
    group_field: str = "source",
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
    group_field : str
        Optional column saying where each request came from (see :attr:`Dataset.groups`).
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
        group_field=group_field,
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
    group_field: str = "source",
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
            raise ValidationError(
                f"{where}: row {row_no}, column {text_field!r}: empty request text; fill it or drop the row"
            )
        rid = (cell_text(row[id_field]) if has_ids else "") or f"row-{row_no}"
        if rid in seen:
            raise ValidationError(
                f"{where}: row {row_no}, column {id_field!r}: duplicate id {rid!r} (first at row {seen[rid]}); "
                "ids must be unique"
            )
        seen[rid] = row_no
        kind = cell_text(row.get(authority_field)) if has_auth else ""
        check_authority_type(kind, f"{where}: row {row_no}, column {authority_field!r}")
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
    if group_field in frame.columns:
        dataset.groups = [cell_text(v) for v in frame[group_field]]
    dataset.problems.extend(f"line {b.line} skipped: {b.error}" for b in frame.attrs.get("bad_lines", []))
    if min_examples:
        rare = {c: n for c, n in dataset.label_counts().items() if 0 < n < min_examples}
        if rare:
            listed = ", ".join(f"{c} ({n})" for c, n in rare.items())
            raise ValidationError(
                f"{where}: labels with fewer than {min_examples} examples: {listed}; "
                "add examples or lower --min-examples"
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
            # The with-block closes the file even when the caller abandons the generator midway.
            with pd.read_csv(
                path, sep=sep, dtype=str, keep_default_na=False, chunksize=chunk_size, encoding=encoding
            ) as reader:
                for chunk in reader:
                    if chunk.empty:  # a header without rows still gives one empty chunk
                        continue
                    chunk.attrs.update(path=str(path), bad_lines=[])
                    yielded = True
                    yield chunk
        except pd.errors.ParserError as exc:
            raise InputError(
                f"{path}: malformed CSV ({str(exc).splitlines()[0]}); check quoting and delimiters"
            ) from None
    elif suffix in (".jsonl", ".ndjson"):
        encoding = _sniff_encoding(path)
        rows: list[dict[str, Any]] = []
        bad: list[BadLine] = []
        reported = 0  # bad lines already attached to an earlier chunk
        with open(path, encoding=encoding, errors="replace", newline="") as fh:
            for obj in _jsonl_records(fh, path, skip_bad_lines, bad):
                rows.append(obj)
                if len(rows) >= chunk_size:
                    frame = pd.DataFrame.from_records(rows)
                    frame.attrs.update(path=str(path), bad_lines=bad[reported:])
                    rows, reported = [], len(bad)
                    yielded = True
                    yield frame
        if rows or len(bad) > reported:
            frame = pd.DataFrame.from_records(rows)
            frame.attrs.update(path=str(path), bad_lines=bad[reported:])
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


# --------------------------------------------------------------------------------------------------
# Retraining from what authorities already have: folders of response letters, officers' decisions
# --------------------------------------------------------------------------------------------------

#: A letter ``NAME.txt`` (or ``.html``) takes its request from ``NAME.request.txt`` (or ``.html``).
REQUEST_MARK = ".request"
LETTER_SUFFIXES = (".txt", ".text", ".html", ".htm")

# How letters introduce the request they answer. Practice varies ("You asked:", "in which you asked
# for the following information:", a "REQUEST" heading, "Your request read:"), so the patterns are
# loose but must end in a colon, or be a heading at the start of a line ("REQUEST", "Your request:").
_ASKED_RE = re.compile(
    r"\b(?:you\s+(?:asked|requested|wrote)|your\s+(?:request|e-?mail|letter)\s+(?:read|said|stated|was))"
    r"\b[^.:\n]{0,50}:[ \t]*",
    re.IGNORECASE,
)
_HEADING_RE = re.compile(
    r"^[ \t]*(?:your\s+request|request|information\s+requested|request\s+details)[ \t]*(?::[ \t]*|$)",
    re.IGNORECASE | re.MULTILINE,
)
_ENUMERATED_RE = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|Q\d{1,2}\b|[-•*–])\s*")
_OPEN_QUOTES = ('"', "“")  # single quotes are left out: they double as apostrophes
_MAX_REQUEST_CHARS = 5000


def quoted_request(letter: str) -> tuple[str, int, int] | None:
    """The request a response letter quotes, as ``(text, start, end)`` offsets in ``letter``.

    Recognised: an introduction ending in a colon ("You asked:", "in which you asked for the
    following information:", "Your request read:") or a heading line ("REQUEST", "Your request").
    A quoted request runs to its closing quote; an unquoted one is the next paragraph plus any
    following paragraphs that are numbered or bulleted parts. ``None`` when no request is found.
    """
    candidates = [m.end() for m in _ASKED_RE.finditer(letter)] + [m.end() for m in _HEADING_RE.finditer(letter)]
    for pos in sorted(candidates):
        found = _request_at(letter, pos)
        if found is not None:
            return found
    return None


def _request_at(letter: str, pos: int) -> tuple[str, int, int] | None:
    while pos < len(letter) and letter[pos].isspace():
        pos += 1
    if pos >= len(letter):
        return None
    if letter[pos] in _OPEN_QUOTES:
        # Either closing quote ends it: pasted text mixes straight and curly quotes.
        closers = [i for i in (letter.find('"', pos + 1), letter.find("”", pos + 1)) if i > pos]
        end = min(closers, default=-1)
        if 0 < end - pos <= _MAX_REQUEST_CHARS:
            text = letter[pos + 1 : end].strip()
            return (text, pos + 1, end) if len(text.split()) >= 3 else None
    paragraphs = list(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", letter[pos:]))
    if not paragraphs:
        return None
    first = paragraphs[0]
    start, end = pos + first.start(), pos + first.end()
    for para in paragraphs[1:]:
        if not _ENUMERATED_RE.match(para.group(0)) or pos + para.end() - start > _MAX_REQUEST_CHARS:
            break
        end = pos + para.end()
    text = letter[start:end].strip()
    return (text, start, end) if len(text.split()) >= 3 else None


@dataclass
class LetterExample:
    """What was read from one response letter.

    Attributes
    ----------
    id : str
        The letter's file name without suffix.
    file : str
        The letter's path.
    request : str
        The request text ("" when none was found).
    request_source : str
        ``"request file"`` (``NAME.request.txt``), ``"quoted in letter"`` or ``""``.
    labels : list of str
        Label codes the letter cites, taxonomy order (see :func:`letter_labels`).
    ncnd : bool
        The letter neither confirms nor denies.
    evidence : list of str
        The words the labels and the NCND flag were read from, with a little context.
    problem : str
        Why the letter cannot be a training example ("" when it can).
    """

    id: str
    file: str
    request: str
    request_source: str
    labels: list[str]
    ncnd: bool
    evidence: list[str]
    problem: str = ""


@dataclass
class LettersDataset:
    """Training examples read from a folder of response letters."""

    dataset: Dataset
    letters: list[LetterExample]

    @property
    def skipped(self) -> list[LetterExample]:
        """Letters that could not become examples (no request text)."""
        return [letter for letter in self.letters if letter.problem]


def letter_labels(labels: Sequence[str], ncnd: bool) -> list[str]:
    """Turn the codes a letter cites into label codes.

    A section cited without a subsection goes to its usual withholding label, except in a letter
    that neither confirms nor denies, where it goes to the section's NCND form ("we neither confirm
    nor deny ... section 31" is s31(3)). Subsections the letter names are kept as written.
    """
    tax = load_taxonomy()
    out = []
    for code in labels:
        label = tax.to_label(code)
        if ncnd and code not in tax.codes:
            label = tax.label(label).ncnd_form or label
        out.append(label)
    return tax.sort(out)


def _snippet(text: str, start: int, end: int, width: int = 60) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    core = " ".join(text[left:right].split())
    return ("..." if left else "") + core + ("..." if right < len(text) else "")


def _read_letter(path: Path) -> str:
    from foiclassify.citations import html_to_text

    text = read_text_file(path)
    return html_to_text(text) if path.suffix.lower() in (".html", ".htm") else text


def read_letter_example(path: Path, request_file: Path | None = None) -> LetterExample:
    """Read one response letter (and its request file, when given) into a :class:`LetterExample`.

    The quoted request is blanked out of the letter before citations are read, so a request that
    itself mentions a section ("why did you apply section 31 last time?") does not label the letter.
    """
    from foiclassify.citations import extract_cited_exemptions

    letter = _read_letter(path)
    quoted = quoted_request(letter)
    if request_file is not None:
        request, source = _read_letter(request_file).strip(), "request file"
        at = letter.find(request) if request else -1
        span = (at, at + len(request)) if at >= 0 else None
    elif quoted is not None:
        request, source, span = quoted[0], "quoted in letter", (quoted[1], quoted[2])
    else:
        request, source, span = "", "", None
    body = letter if span is None else letter[: span[0]] + " " * (span[1] - span[0]) + letter[span[1] :]
    found = extract_cited_exemptions(body)
    labels = letter_labels(found.labels, found.ncnd)
    evidence, seen = [], set()
    for cite in found.citations:
        if cite.code not in seen:
            seen.add(cite.code)
            evidence.append(f"{cite.code}: {_snippet(body, cite.start, cite.end)}")
    evidence += [f"NCND: {phrase}" for phrase in dict.fromkeys(found.ncnd_evidence)]
    problem = "" if request else (
        f"no request found: put it in {path.stem}{REQUEST_MARK}.txt beside the letter, or fill the request column"
    )
    return LetterExample(path.stem, str(path), request, source, labels, found.ncnd, evidence, problem)


def dataset_from_letters(folder: Path, *, authority_type: str = "") -> LettersDataset:
    """Build a training dataset from a folder of response letters.

    Parameters
    ----------
    folder : Path
        Holds one letter per ``.txt``/``.html`` file. The letter's id is its file name without suffix.
        **Request text**: from a sibling file ``NAME.request.txt`` (or ``.html``) when there is one,
        because the officer's copy of the request is exact; otherwise from the request the letter
        quotes (after "You asked:", a "REQUEST" heading and similar, see :func:`quoted_request`).
        Letters with neither are listed in ``letters`` with a ``problem`` and left out of the dataset.
        **Labels**: the exemptions the letter cites (:func:`foiclassify.citations.extract_cited_exemptions`,
        section-only citations mapped with :func:`letter_labels`); a letter citing none gives ``[]``.
    authority_type : str
        Kind of authority that wrote the letters ("" for unknown), applied to every example.

    Returns
    -------
    LettersDataset

    Raises
    ------
    InputError
        Not a folder, or no letters in it.
    ValidationError
        An unknown authority type, or no letter with a request text.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of response letters")
    check_authority_type(authority_type, "--authority-type")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES)
    letters_files = [p for p in files if not p.stem.endswith(REQUEST_MARK)]
    if not letters_files:
        raise InputError(f"{folder}: no .txt or .html response letters in this folder")
    requests = {p.stem[: -len(REQUEST_MARK)]: p for p in files if p.stem.endswith(REQUEST_MARK)}
    letters = [read_letter_example(p, requests.get(p.stem)) for p in letters_files]
    usable = [x for x in letters if not x.problem]
    if not usable:
        raise ValidationError(
            f"{folder}: no letter quotes its request and there are no NAME{REQUEST_MARK}.txt files; "
            "add the requests beside the letters"
        )
    ids = [x.id for x in usable]
    texts = [x.request for x in usable]
    auth = [authority_type] * len(usable)
    labels = [x.labels for x in usable]
    dataset = Dataset(ids, texts, auth, labels, dataset_hash(ids, texts, auth, labels), str(folder))
    dataset.problems.extend(f"letter {x.id} skipped: {x.problem}" for x in letters if x.problem)
    dataset.problems.extend(
        f"letter {x.id}: neither-confirm-nor-deny wording but no NCND exemption cited; check it"
        for x in usable if x.ncnd and not any(load_taxonomy().label(c).ncnd for c in x.labels)
    )
    return LettersDataset(dataset, letters)


REVIEW_COLUMNS = ("id", "authority_type", "request", "exemptions", "ncnd", "evidence", "request_source", "problem",
                  "file")


def write_review_csv(letters: LettersDataset, path: Path, *, overwrite: bool = False) -> Path:
    """Write what was read from each letter as a CSV an analyst can correct and train on.

    Columns are :data:`REVIEW_COLUMNS`: ``exemptions`` holds label codes joined by ``"; "`` and
    ``request`` the request text, so ``foiclassify train review.csv`` reads the corrected file as is
    (``ncnd``, ``evidence`` and the rest are for the reviewer). Letters without a request are
    included with an empty request to fill in. The file is written atomically.
    """
    from foiclassify.errors import OutputError

    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: already exists; choose another --review-csv or pass --overwrite")
    if not path.parent.exists():
        raise OutputError(f"{path.parent}: folder does not exist; create it first")
    auth = dict(zip(letters.dataset.ids, letters.dataset.authority_types, strict=True))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(REVIEW_COLUMNS)
            for x in letters.letters:
                writer.writerow([x.id, auth.get(x.id, ""), x.request, "; ".join(x.labels),
                                 "true" if x.ncnd else "false", " | ".join(x.evidence), x.request_source, x.problem,
                                 x.file])
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@dataclass
class FeedbackDataset:
    """Training examples made from officers' decisions in the audit log.

    Attributes
    ----------
    dataset : Dataset or None
        One example per decided request whose text was stored (``None`` when there is none).
    log : Path
    decisions : int
        Decision records in the log.
    usable : int
        Examples made (decided requests whose text the log holds, duplicates of a text merged).
    without_text : int
        Decisions on records stored without their text (``suggest`` run without ``--audit-text``).
    unknown : int
        Decisions on records that are not in the log, or whose record changed since the decision.
    """

    dataset: Dataset | None
    log: Path
    decisions: int
    usable: int
    without_text: int
    unknown: int

    def summary(self) -> str:
        """One line saying how much of the feedback could be used."""
        line = f"feedback {self.log}: {self.decisions} decision(s); {self.usable} usable as training examples"
        skipped = []
        if self.without_text:
            skipped.append(f"{self.without_text} on requests logged without their text (use suggest --audit-text)")
        if self.unknown:
            skipped.append(f"{self.unknown} on records missing from the log or changed")
        return line + ("; skipped " + ", ".join(skipped) if skipped else "")


def dataset_from_feedback(log_path: Path, *, authority_type: str = "") -> FeedbackDataset:
    """Build training examples from reviewers' accept/reject decisions in the audit log.

    Each ``decision`` record names a ``suggest`` or ``explain`` record. Only records that stored the
    request text (``--audit-text``) can become examples. The example's labels start from what the
    model suggested; accepted labels are added as positives and rejected ones removed, decisions
    applied in log order (a later decision on the same request wins). A request decided in
    several records (same text) gives one example, from the latest.

    Raises
    ------
    AuditError
        The log is missing, unreadable, or fails hash-chain verification (training must not learn
        from an altered log).
    """
    from foiclassify import audit
    from foiclassify.errors import AuditError

    check_authority_type(authority_type, "--authority-type")
    report = audit.verify(log_path)
    if report.problem is not None:
        raise AuditError(
            f"{report.path}: fails verification ({report.problem.message}); "
            "run 'foiclassify audit verify' and restore the log before training on it"
        )
    records = audit.read_log(log_path).records
    by_id = {r.id: r for r in records if r.event != "decision"}
    tax = load_taxonomy()
    state: dict[str, tuple[str, str, set[str]]] = {}  # text sha -> (record id, text, labels)
    decisions = without_text = unknown = 0
    for rec in records:
        if rec.event != "decision":
            continue
        decisions += 1
        target = by_id.get(str(rec.payload.get("record_id")))
        if target is None or rec.payload.get("record_hash") not in (None, target.hash):
            unknown += 1
            continue
        text = target.payload.get("text")
        if not isinstance(text, str) or not text.strip():
            without_text += 1
            continue
        key = audit.text_sha256(text)
        _, _, current = state.get(key, (target.id, text, {tax.to_label(c) for c in target.labels}))
        current = (current | {tax.to_label(c) for c in rec.payload.get("accept", [])}) - {
            tax.to_label(c) for c in rec.payload.get("reject", [])
        }
        state[key] = (target.id, text.strip(), current)
    if not state:
        return FeedbackDataset(None, report.path, decisions, 0, without_text, unknown)
    ids = [f"feedback-{rid}" for rid, _, _ in state.values()]
    texts = [text for _, text, _ in state.values()]
    auth = [authority_type] * len(ids)
    labels = [tax.sort(labs) for _, _, labs in state.values()]
    dataset = Dataset(ids, texts, auth, labels, dataset_hash(ids, texts, auth, labels), str(report.path))
    return FeedbackDataset(dataset, report.path, decisions, len(ids), without_text, unknown)


def merge_datasets(base: Dataset, extra: Dataset) -> tuple[Dataset, int]:
    """``base`` plus ``extra``; a row of ``extra`` with the same text as a row of ``base`` replaces it.

    Returns the merged dataset and the number of replaced rows. Clashing ids raise :class:`ValidationError`.
    """
    replace = {t: i for i, t in enumerate(extra.texts)}
    keep = [i for i, t in enumerate(base.texts) if t not in replace]
    ids = [base.ids[i] for i in keep] + list(extra.ids)
    clash = sorted({x for x in ids if ids.count(x) > 1})
    if clash:
        raise ValidationError(f"{extra.source}: id {clash[0]!r} is also in {base.source}; ids must be unique")
    texts = [base.texts[i] for i in keep] + list(extra.texts)
    auth = [base.authority_types[i] for i in keep] + list(extra.authority_types)
    labels = [base.labels[i] for i in keep] + list(extra.labels)
    merged = Dataset(ids, texts, auth, labels, dataset_hash(ids, texts, auth, labels),
                     f"{base.source} + {Path(extra.source).name}")
    if base.groups or extra.groups:  # rows without a group of their own are grouped by their file
        merged.groups = [(base.groups or [Path(base.source).name] * len(base))[i] for i in keep] + (
            extra.groups or [Path(extra.source).name] * len(extra))
    merged.problems = [*base.problems, *extra.problems]
    return merged, len(base) - len(keep)


@dataclass
class TrainingData:
    """The dataset a training run uses, and where its rows came from."""

    dataset: Dataset
    letters: LettersDataset | None = None
    feedback: FeedbackDataset | None = None
    replaced: int = 0
    review_csv: Path | None = None

    def summary(self) -> list[str]:
        """Lines for the user: letters read and skipped, feedback used, rows replaced."""
        lines = []
        if self.letters is not None:
            n, skipped = len(self.letters.letters), len(self.letters.skipped)
            by_file = sum(1 for x in self.letters.letters if x.request_source == "request file")
            lines.append(f"letters {self.letters.dataset.source}: {n} read, {n - skipped} usable "
                         f"({by_file} with a request file), {skipped} without a request skipped")
        if self.review_csv is not None:
            lines.append(f"review CSV written to {self.review_csv}: correct it and train on it")
        if self.feedback is not None:
            lines.append(self.feedback.summary())
            if self.replaced:
                lines.append(f"{self.replaced} training row(s) replaced by a reviewer's decision on the same text")
        lines.append(f"training on {len(self.dataset)} requests")
        return lines




def load_training_data(
    path: Path,
    *,
    text_field: str = "request",
    labels_field: str = "exemptions",
    response_field: str = "response",
    group_field: str = "source",
    authority_type: str = "",
    review_csv: Path | None = None,
    feedback: Path | None = None,
    overwrite: bool = False,
) -> TrainingData:
    """The dataset for ``foiclassify train``: a table, or a folder of response letters, plus feedback.

    Parameters
    ----------
    path : Path
        A labelled table (:func:`load_dataset`) or a folder of letters (:func:`dataset_from_letters`).
    text_field, labels_field, response_field, group_field : str
        Columns of a table.
    authority_type : str
        Authority type of letters and feedback examples (which record none).
    review_csv : Path, optional
        Write what was read from each letter here (:func:`write_review_csv`); letters folders only.
    feedback : Path, optional
        Audit log whose decisions add examples (:func:`dataset_from_feedback`), replacing rows with
        the same text.
    overwrite : bool
        Replace an existing ``review_csv``.

    Raises
    ------
    UsageError
        ``review_csv`` for a table.
    """
    from foiclassify.errors import UsageError

    path = Path(path)
    letters = None
    if path.is_dir():
        letters = dataset_from_letters(path, authority_type=authority_type)
        dataset = letters.dataset
        if review_csv is not None:
            write_review_csv(letters, Path(review_csv), overwrite=overwrite)
    else:
        if review_csv is not None:
            raise UsageError("--review-csv needs DATA to be a folder of response letters")
        dataset = load_dataset(path, text_field=text_field, labels_field=labels_field, response_field=response_field,
                               group_field=group_field)
    result = TrainingData(dataset, letters=letters, review_csv=Path(review_csv) if review_csv else None)
    if feedback is not None:
        result.feedback = dataset_from_feedback(Path(feedback), authority_type=authority_type)
        if result.feedback.dataset is not None:
            result.dataset, result.replaced = merge_datasets(dataset, result.feedback.dataset)
    return result
