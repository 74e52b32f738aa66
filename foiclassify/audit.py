"""Tamper-evident, append-only audit log of suggestions, explanations and reviewer decisions.

The log is a JSON Lines file; each line is one :class:`AuditRecord`. Records form a hash chain:
``hash`` is the SHA-256 of the record's canonical JSON without ``hash`` (sorted keys, compact
separators, UTF-8) and ``prev_hash`` repeats the previous record's ``hash`` (:data:`GENESIS_HASH`
for the first). Changing, removing or inserting a line breaks the chain, and :func:`verify` names
the first record where it breaks. A hash chain cannot show that records were cut from the *end* of
the log: keep the ``last_hash`` that :func:`verify` reports somewhere else when that matters.

Several processes may append at once. Each append holds an exclusive ``flock`` on the log while it
reads the last record (from the tail only), writes its line with one ``write`` on an ``O_APPEND``
descriptor and ``fsync``s. A crash can leave a half-written last line; the next append starts a
fresh line, and readers report the fragment as a warning with its line number.

Privacy: the log stores exactly the payload the caller passes. :func:`suggestion_payload` stores
the SHA-256 of the request text, and the text itself only when asked to.
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from foiclassify.errors import AuditError, InputError, ValidationError
from foiclassify.taxonomy import load_taxonomy

__all__ = [
    "DEFAULT_LOG",
    "ENV_VAR",
    "EVENTS",
    "GENESIS_HASH",
    "AuditLog",
    "AuditRecord",
    "LogProblem",
    "VerifyReport",
    "append",
    "append_many",
    "decide",
    "parse_since",
    "read_log",
    "read_records",
    "resolve_log_path",
    "suggestion_payload",
    "text_sha256",
    "verify",
]

ENV_VAR = "FOICLASSIFY_AUDIT_LOG"
DEFAULT_LOG = Path("~/.local/share/foiclassify/audit.jsonl")
GENESIS_HASH = "0" * 64
EVENTS: tuple[str, ...] = ("suggest", "explain", "decision")

ProblemKind = Literal[
    "truncated", "unterminated", "blank", "corrupt", "malformed", "changed", "removed", "inserted"
]

# Field order of a line on disk (the hash does not depend on it: it is taken over sorted keys).
_FIELDS = ("seq", "id", "timestamp", "user", "event", "payload", "prev_hash", "hash")
_FIELD_SET = frozenset(_FIELDS)
# Every line this module writes starts so; a fragment that does is an interrupted write, not an edit.
_LINE_PREFIX = b'{"seq":'
_HEX64 = re.compile(r"[0-9a-f]{64}")
_WARNING_KINDS = frozenset({"truncated", "unterminated", "blank"})
_TAIL_CHUNK = 8192
_MAX_TAIL_CHUNK = 1 << 20
_WRITE_CHUNK = 1 << 20


# --------------------------------------------------------------------------------------------------
# Records and reports
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRecord:
    """One line of the audit log.

    Attributes
    ----------
    seq : int
        1-based position in the chain.
    id : str
        Short random record id (12 hex characters) that decisions refer to.
    timestamp : str
        UTC time of the append, ISO 8601 with a ``Z`` suffix.
    user : str
        Who caused the record (given by the caller, else the OS login name).
    event : str
        ``"suggest"``, ``"explain"`` or ``"decision"``.
    payload : dict
        Event data as passed by the caller (JSON values only).
    prev_hash : str
        ``hash`` of the previous record, :data:`GENESIS_HASH` for the first.
    hash : str
        SHA-256 (hex) of the canonical JSON of every other field.
    """

    seq: int
    id: str
    timestamp: str
    user: str
    event: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict, in on-disk field order."""
        return {name: getattr(self, name) for name in _FIELDS}

    def to_json(self) -> str:
        """The record as one compact JSON line (without the newline), as written to the log."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    def compute_hash(self) -> str:
        """Recompute the chain hash from the record's content (compare with :attr:`hash`)."""
        return _digest({name: getattr(self, name) for name in _FIELDS if name != "hash"})

    @property
    def time(self) -> datetime:
        """:attr:`timestamp` as an aware UTC datetime."""
        return datetime.fromisoformat(self.timestamp)

    @property
    def labels(self) -> tuple[str, ...]:
        """Labels the record is about: suggested labels, or accepted then rejected ones for a decision."""
        if self.event == "decision":
            return _str_items(self.payload.get("accept")) + _str_items(self.payload.get("reject"))
        return _str_items(self.payload.get("labels"))

    @classmethod
    def from_dict(cls, obj: object) -> AuditRecord:
        """Build a record from a parsed JSON line.

        Raises
        ------
        ValueError
            If ``obj`` is not a record: wrong keys or wrong value types (the message says which).
        """
        if not isinstance(obj, dict):
            raise ValueError(f"a JSON {type(obj).__name__}, not an object")
        keys = set(obj)
        if keys != _FIELD_SET:
            missing, extra = sorted(_FIELD_SET - keys), sorted(keys - _FIELD_SET)
            raise ValueError(
                "; ".join(filter(None, [_keys_note("missing", missing), _keys_note("unexpected", extra)]))
            )
        seq = obj["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError(f"seq {seq!r} is not a positive integer")
        for name in ("id", "timestamp", "user", "event"):
            if not isinstance(obj[name], str) or not obj[name]:
                raise ValueError(f"{name} is not a non-empty string")
        for name in ("prev_hash", "hash"):
            if not isinstance(obj[name], str) or not _HEX64.fullmatch(obj[name]):
                raise ValueError(f"{name} is not a 64-digit hex SHA-256")
        if not isinstance(obj["payload"], dict):
            raise ValueError("payload is not an object")
        try:
            stamp = datetime.fromisoformat(obj["timestamp"])
        except ValueError:
            raise ValueError(f"timestamp {obj['timestamp']!r} is not ISO 8601") from None
        if stamp.tzinfo is None:
            raise ValueError(f"timestamp {obj['timestamp']!r} has no time zone")
        return cls(**obj)


@dataclass(frozen=True)
class LogProblem:
    """Something wrong with one line of the log.

    Attributes
    ----------
    line : int
        1-based line number in the file.
    kind : str
        ``"truncated"`` (an interrupted write), ``"unterminated"`` (a complete last record without
        its newline) and ``"blank"`` are warnings; ``"corrupt"`` (not JSON), ``"malformed"`` (JSON
        but not a record), ``"changed"``, ``"removed"`` and ``"inserted"`` break the chain.
    message : str
        One-line description naming the line and, where known, the record.
    seq, record_id : int or str, optional
        The record the problem is about, when the line holds one.
    """

    line: int
    kind: ProblemKind
    message: str
    seq: int | None = None
    record_id: str | None = None

    @property
    def fatal(self) -> bool:
        """True when the problem means the log was tampered with or damaged (not just a crash)."""
        return self.kind not in _WARNING_KINDS


@dataclass(frozen=True)
class VerifyReport:
    """Result of :func:`verify`.

    Attributes
    ----------
    path : Path
        The log that was checked.
    ok : bool
        True when the whole chain verifies (warnings allowed).
    records : int
        Number of records in the log (lines that parse as records).
    problem : LogProblem or None
        The first line where the chain breaks, if any.
    warnings : tuple of LogProblem
        Lines that were skipped without breaking the chain (interrupted writes, blank lines).
    last_seq : int
        ``seq`` of the last record (0 for an empty log).
    last_hash : str
        ``hash`` of the last record (:data:`GENESIS_HASH` for an empty log). Keep it elsewhere to
        detect later removal of records from the end of the log.
    """

    path: Path
    ok: bool
    records: int
    problem: LogProblem | None
    warnings: tuple[LogProblem, ...]
    last_seq: int
    last_hash: str


@dataclass(frozen=True)
class AuditLog:
    """Result of :func:`read_log`: the matching records plus any unreadable lines.

    Attributes
    ----------
    path : Path
        The log that was read.
    records : list of AuditRecord
        Records that pass the filters, in log order.
    problems : list of LogProblem
        Lines that are not readable records (reported, never fatal when reading).
    total : int
        Number of readable records in the log before filtering.
    """

    path: Path
    records: list[AuditRecord]
    problems: list[LogProblem] = field(default_factory=list)
    total: int = 0


# --------------------------------------------------------------------------------------------------
# Public helpers
# --------------------------------------------------------------------------------------------------


def resolve_log_path(log_path: str | os.PathLike[str] | None = None) -> Path:
    """Return the audit log path: ``log_path``, else ``$FOICLASSIFY_AUDIT_LOG``, else :data:`DEFAULT_LOG`.

    ``~`` is expanded. Nothing is created; :func:`append` creates parent directories on first write.
    """
    if log_path is not None and str(log_path) != "":
        return Path(log_path).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env).expanduser() if env else DEFAULT_LOG.expanduser()


def text_sha256(text: str) -> str:
    """SHA-256 (hex) of request text encoded as UTF-8, for logging a request without its text."""
    # surrogatepass: text decoded with surrogateescape still hashes (deterministically) instead of failing.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def suggestion_payload(
    text: str,
    *,
    model_id: str,
    model_checksum: str,
    taxonomy_version: str,
    labels: Sequence[str],
    scores: Mapping[str, float],
    thresholds: Mapping[str, float],
    ncnd: bool,
    abstained: bool,
    store_text: bool = False,
) -> dict[str, Any]:
    """Build the payload of a ``"suggest"`` or ``"explain"`` record.

    Parameters
    ----------
    text : str
        The request text. Only its SHA-256 is stored unless ``store_text`` is true.
    model_id, model_checksum : str
        Model bundle id and checksum.
    taxonomy_version : str
        Version of the exemption taxonomy the labels come from.
    labels : sequence of str
        Suggested label codes.
    scores, thresholds : mapping of str to float
        Per-label scores and the decision thresholds that were applied.
    ncnd, abstained : bool
        Whether an NCND provision was suggested, and whether the model declined to suggest.
    store_text : bool, default False
        Also store the request text itself (it may hold personal data).

    Returns
    -------
    dict
        A JSON-ready payload for :func:`append`.
    """
    payload: dict[str, Any] = {
        "model_id": model_id,
        "model_checksum": model_checksum,
        "taxonomy_version": taxonomy_version,
        "text_sha256": text_sha256(text),
        "labels": list(labels),
        # float(): numpy scalars such as float32 are not JSON-serialisable.
        "scores": {str(k): float(v) for k, v in scores.items()},
        "thresholds": {str(k): float(v) for k, v in thresholds.items()},
        "ncnd": bool(ncnd),
        "abstained": bool(abstained),
    }
    if store_text:
        payload["text"] = text
    return payload


def parse_since(value: str) -> datetime:
    """Parse a ``--since`` value: ``YYYY-MM-DD`` or ISO 8601 date-time; times without a zone are UTC.

    Raises
    ------
    InputError
        If the value is not a date.
    """
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"--since {value!r} is not a date: use YYYY-MM-DD or an ISO 8601 time such as 2025-01-31T09:00Z"
        ) from None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


# --------------------------------------------------------------------------------------------------
# Appending
# --------------------------------------------------------------------------------------------------


def append(
    log_path: str | os.PathLike[str] | None,
    event: str,
    payload: Mapping[str, Any],
    *,
    user: str | None = None,
) -> AuditRecord:
    """Append one record to the audit log, safely with other processes appending at the same time.

    Parameters
    ----------
    log_path : path-like or None
        The log; ``None`` means ``$FOICLASSIFY_AUDIT_LOG`` or :data:`DEFAULT_LOG`. The file and its
        parent directories are created if missing.
    event : str
        One of :data:`EVENTS`.
    payload : mapping
        Event data; JSON values only (no NaN or infinity). Stored exactly as given, so leave out
        the request text unless it is meant to be kept (see :func:`suggestion_payload`).
    user : str, optional
        Who caused the event; defaults to the OS login name.

    Returns
    -------
    AuditRecord
        The record as written, including its ``seq``, ``id`` and ``hash``.

    Raises
    ------
    InputError
        Unknown event, or a payload that is not JSON.
    AuditError
        The log cannot be created, locked or written.
    """
    return _append(log_path, event, [payload], user)[0]


def append_many(
    log_path: str | os.PathLike[str] | None,
    event: str,
    payloads: Iterable[Mapping[str, Any]],
    *,
    user: str | None = None,
) -> list[AuditRecord]:
    """Append several records of one event under a single lock and ``fsync`` (for batch runs).

    The records get consecutive ``seq`` numbers. Every payload is checked before anything is
    written, so a bad payload leaves the log untouched; an empty batch does not touch the log.

    Parameters
    ----------
    log_path, event, user
        As for :func:`append`.
    payloads : iterable of mapping
        One payload per record, in order.

    Returns
    -------
    list of AuditRecord
        The records as written, in order.

    Raises
    ------
    InputError
        Unknown event, or a payload that is not JSON.
    AuditError
        The log cannot be created, locked or written.
    """
    return _append(log_path, event, list(payloads), user)


def _append(
    log_path: str | os.PathLike[str] | None, event: str, payloads: list[Mapping[str, Any]], user: str | None
) -> list[AuditRecord]:
    if event not in EVENTS:
        raise InputError(f"unknown audit event {event!r}: use one of {', '.join(EVENTS)}")
    cleaned = [_json_payload(payload) for payload in payloads]
    who = _user(user)
    if not cleaned:
        return []
    path = resolve_log_path(log_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AuditError(
            f"cannot create the audit log folder {path.parent}: {exc.strerror}; "
            f"choose another path with --log or {ENV_VAR}"
        ) from None
    created = not path.exists()
    fd = _open_append(path)
    records: list[AuditRecord] = []
    try:
        _flock(fd, fcntl.LOCK_EX, path)
        # Under the lock nobody else writes, so the tail and the size are stable until we write.
        last, needs_newline = _tail_record(fd, os.fstat(fd).st_size)
        seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS_HASH)
        # A crash may have left a fragment without its newline: end it so our record has its own line.
        buffer = bytearray(b"\n" if needs_newline else b"")
        for clean in cleaned:
            fields: dict[str, Any] = {
                "seq": seq + 1,
                "id": secrets.token_hex(6),
                "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "user": who,
                "event": event,
                "payload": clean,
                "prev_hash": prev_hash,
            }
            record = AuditRecord(**fields, hash=_digest(fields))
            records.append(record)
            seq, prev_hash = record.seq, record.hash
            buffer += record.to_json().encode("utf-8") + b"\n"
            # Large batches go out in pieces of whole lines; the lock keeps other writers out meanwhile.
            if len(buffer) >= _WRITE_CHUNK:
                _write_line(fd, bytes(buffer), path)
                buffer.clear()
        if buffer:
            _write_line(fd, bytes(buffer), path)
        os.fsync(fd)
    except OSError as exc:
        raise AuditError(
            f"cannot write the audit log {path}: {exc.strerror}; check free disk space and permissions"
        ) from None
    finally:
        os.close(fd)  # also releases the lock
    if created:
        _fsync_dir(path.parent)
    return records


def decide(
    log_path: str | os.PathLike[str] | None,
    record_id: str,
    *,
    accept: Sequence[str] = (),
    reject: Sequence[str] = (),
    reason: str,
    user: str | None = None,
) -> AuditRecord:
    """Record a reviewer's decision on an earlier ``suggest`` or ``explain`` record.

    Parameters
    ----------
    log_path : path-like or None
        The log (see :func:`resolve_log_path`); it must exist and hold ``record_id``.
    record_id : str
        ``id`` of the record being decided on.
    accept, reject : sequence of str
        Exemption codes the reviewer accepts or rejects (at least one in total). Codes are
        normalised with the taxonomy, e.g. ``s35(1)`` becomes ``s35``.
    reason : str
        Why; required and non-empty.
    user : str, optional
        The reviewer; defaults to the OS login name.

    Returns
    -------
    AuditRecord
        The appended ``"decision"`` record; its payload holds ``record_id``, ``record_seq``,
        ``record_hash`` (binding the decision to the exact record), ``accept``, ``reject`` and ``reason``.

    Raises
    ------
    InputError
        Empty reason, no labels, an unknown record id, or an id that names a decision.
    UnknownLabelError
        A code that is not in the taxonomy.
    ValidationError
        A code that is both accepted and rejected.
    AuditError
        The log is missing, unreadable or cannot be written.
    """
    reason = (reason or "").strip()
    if not reason:
        raise InputError(
            'a decision needs a reason: pass --reason "..." saying why the labels were accepted or rejected'
        )
    tax = load_taxonomy()
    accepted = _unique(tax.normalise(code) for code in accept)
    rejected = _unique(tax.normalise(code) for code in reject)
    if not accepted and not rejected:
        raise InputError("a decision needs at least one label: pass --accept CODE and/or --reject CODE")
    both = [code for code in accepted if code in rejected]
    if both:
        raise ValidationError(
            f"label {both[0]} is both accepted and rejected: keep it in only one of --accept/--reject"
        )
    path = resolve_log_path(log_path)
    target = _find_record(path, record_id.strip().lower())
    if target.event == "decision":
        raise InputError(
            f"record {target.id} in {path} is itself a decision: "
            "decide on the id of a suggest or explain record"
        )
    payload = {
        "record_id": target.id,
        "record_seq": target.seq,
        "record_hash": target.hash,
        "accept": accepted,
        "reject": rejected,
        "reason": reason,
    }
    return append(path, "decision", payload, user=user)


# --------------------------------------------------------------------------------------------------
# Reading and verifying
# --------------------------------------------------------------------------------------------------


def read_log(
    log_path: str | os.PathLike[str] | None = None,
    *,
    since: datetime | None = None,
    label: str | None = None,
    event: str | None = None,
) -> AuditLog:
    """Read the records of the log that match the filters, reporting unreadable lines.

    Parameters
    ----------
    log_path : path-like or None
        The log (see :func:`resolve_log_path`).
    since : datetime, optional
        Keep records at or after this time (a naive datetime is taken as UTC).
    label : str, optional
        Keep records about this exemption code; a section code (``s40``) matches all its labels.
    event : str, optional
        Keep records of this event.

    Returns
    -------
    AuditLog
        Matching records in log order, and every line that is not a readable record.

    Raises
    ------
    InputError
        Unknown event filter. :class:`~foiclassify.errors.UnknownLabelError` for an unknown label.
    AuditError
        The log is missing or unreadable, or holds no record at all but lines that are not records
        (it is not an audit log).
    """
    if event is not None and event not in EVENTS:
        raise InputError(f"unknown audit event {event!r}: use one of {', '.join(EVENTS)}")
    wanted = load_taxonomy().normalise(label) if label is not None else None
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    path = resolve_log_path(log_path)
    records: list[AuditRecord] = []
    problems: list[LogProblem] = []
    total = 0
    with _snapshot(path) as (fh, size):
        for _line_no, rec, problem in _entries(fh, size):
            if problem is not None:
                problems.append(problem)
            if rec is None:
                continue
            total += 1
            if event is not None and rec.event != event:
                continue
            if since is not None and rec.time < since:
                continue
            if wanted is not None and not any(_label_matches(code, wanted) for code in rec.labels):
                continue
            records.append(rec)
    if total == 0:
        first_fatal = next((p for p in problems if p.fatal), None)
        if first_fatal is not None:
            raise AuditError(
                f"{path} is not a foiclassify audit log ({first_fatal.message}): check the path or {ENV_VAR}"
            )
    return AuditLog(path=path, records=records, problems=problems, total=total)


def read_records(
    log_path: str | os.PathLike[str] | None = None,
    *,
    since: datetime | None = None,
    label: str | None = None,
    event: str | None = None,
) -> list[AuditRecord]:
    """Records of the log that match the filters; see :func:`read_log`, which also returns problems."""
    return read_log(log_path, since=since, label=label, event=event).records


def verify(log_path: str | os.PathLike[str] | None = None) -> VerifyReport:
    """Recompute the hash chain of the log and report the first record that was changed, removed or inserted.

    Each record's ``hash`` must match its content, its ``seq`` must follow the previous record's
    and its ``prev_hash`` must equal the previous record's ``hash``. Where a break is ambiguous the
    next record decides (the one the chain continues from is the genuine one). Lines left by an
    interrupted write and blank lines are warnings: they hide no record as long as the chain
    continues across them.

    Parameters
    ----------
    log_path : path-like or None
        The log (see :func:`resolve_log_path`).

    Returns
    -------
    VerifyReport
        ``ok`` is false when the chain breaks; ``problem`` says where first.

    Raises
    ------
    AuditError
        The log is missing or unreadable.
    """
    path = resolve_log_path(log_path)
    warnings: list[LogProblem] = []
    line_problem: LogProblem | None = None  # first line that is not a record at all
    chain_problem: LogProblem | None = None  # first break found by the chain check
    head = _Link(line=0, seq=0, hash=GENESIS_HASH, prev_hash="", record_id=None)
    pending: _Link | None = None  # judged once the next record is known (one-record lookahead)
    records = 0
    last = head
    with _snapshot(path) as (fh, size):
        for line_no, rec, problem in _entries(fh, size):
            if problem is not None:
                if problem.fatal:
                    line_problem = line_problem or problem
                else:
                    warnings.append(problem)
            if rec is None:
                continue
            records += 1
            link = _Link.of(rec, line_no)
            last = link
            if pending is not None and chain_problem is None:
                head, chain_problem = _judge(head, pending, link)
            pending = link
    if pending is not None and chain_problem is None:
        head, chain_problem = _judge(head, pending, None)
    found = [p for p in (line_problem, chain_problem) if p is not None]
    first = min(found, key=lambda p: p.line) if found else None
    return VerifyReport(
        path=path,
        ok=first is None,
        records=records,
        problem=first,
        warnings=tuple(warnings),
        last_seq=last.seq,
        last_hash=last.hash,
    )


# --------------------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    """What the chain check needs of one record."""

    line: int
    seq: int
    hash: str
    prev_hash: str
    record_id: str | None
    hash_ok: bool = True

    @classmethod
    def of(cls, rec: AuditRecord, line: int) -> _Link:
        return cls(line, rec.seq, rec.hash, rec.prev_hash, rec.id, rec.compute_hash() == rec.hash)

    def name(self) -> str:
        return f"line {self.line} (seq {self.seq}, id {self.record_id})"


def _judge(head: _Link, rec: _Link, nxt: _Link | None) -> tuple[_Link, LogProblem | None]:
    """Check ``rec`` against the chain ``head``; return the new head and the problem, if any."""
    if rec.hash_ok and rec.seq == head.seq + 1 and rec.prev_hash == head.hash:
        return rec, None

    def problem(at: _Link, kind: ProblemKind, why: str) -> tuple[_Link, LogProblem]:
        return rec, LogProblem(at.line, kind, f"{at.name()} was {kind}: {why}", at.seq, at.record_id)

    after = f"line {head.line} (seq {head.seq})" if head.line else "the start of the log"
    # The next record continues the chain straight from the head, so this one is not part of it.
    if nxt is not None and nxt.hash_ok and nxt.seq == head.seq + 1 and nxt.prev_hash == head.hash:
        return problem(rec, "inserted", f"the chain runs from {after} straight to line {nxt.line}")
    if not rec.hash_ok:
        return problem(rec, "changed", "its hash does not match its content")
    if rec.seq <= head.seq:
        # Two records claim the same place; the genuine one is the one the next record chains to.
        if (
            rec.seq == head.seq
            and rec.prev_hash == head.prev_hash
            and nxt is not None
            and nxt.prev_hash == rec.hash
        ):
            return problem(
                head,
                "inserted",
                f"line {rec.line} holds the genuine seq {rec.seq}, which the chain continues from",
            )
        if rec.seq == head.seq:
            return problem(rec, "inserted", f"seq {rec.seq} is already used at line {head.line}")
        return problem(rec, "inserted", f"seq {rec.seq} is out of order after {after}")
    if rec.seq > head.seq + 1:
        first, last = head.seq + 1, rec.seq - 1
        gone = f"seq {first} was" if first == last else f"seqs {first}-{last} were"
        why = f"the chain jumps from {after} to line {rec.line} (seq {rec.seq}, id {rec.record_id})"
        return rec, LogProblem(rec.line, "removed", f"{gone} removed: {why}", head.seq + 1, None)
    if head.line == 0:
        return problem(rec, "changed", "its prev_hash is not the start-of-chain value")
    # Consistent seq but a different prev_hash: the head was edited and its hash recomputed.
    return problem(
        head, "changed", f"its hash is not the prev_hash stored at line {rec.line} (seq {rec.seq})"
    )


def _digest(fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(_canonical(fields)).hexdigest()


def _canonical(obj: Any) -> bytes:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _parse(raw: bytes) -> Any:
    # NaN/Infinity are rejected so that every record re-serialises to the canonical form it was hashed in.
    return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)


def _json_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``payload`` as plain JSON values (tuples become lists, ...), so the hash is reproducible."""
    if not isinstance(payload, Mapping):
        raise InputError(f"audit payload must be a mapping, not {type(payload).__name__}")
    try:
        text = json.dumps(dict(payload), ensure_ascii=False, allow_nan=False)
        text.encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"audit payload is not plain JSON ({exc}): pass str, int, float, bool, None, lists and dicts only"
        ) from None
    clean: dict[str, Any] = json.loads(text)
    return clean


def _user(user: str | None) -> str:
    if user is not None:
        who = user.strip()
        if not who:
            raise InputError("user name is empty: pass --user NAME or leave it out to use the login name")
        return who
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # No login name (e.g. a container without a passwd entry): the uid still identifies the caller.
        return f"uid:{os.getuid()}"


def _open_append(path: Path) -> int:
    try:
        # Read access is needed to find the last record; 0o600 because records may hold request text.
        return os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except IsADirectoryError:
        raise AuditError(f"audit log {path} is a directory: pass the path of a .jsonl file") from None
    except OSError as exc:
        raise AuditError(
            f"cannot open the audit log {path} for writing: {exc.strerror}; "
            f"fix its permissions or choose another path with --log or {ENV_VAR}"
        ) from None


def _flock(fd: int, op: int, path: Path) -> None:
    try:
        fcntl.flock(fd, op)
    except OSError as exc:
        raise AuditError(
            f"cannot lock the audit log {path}: {exc.strerror}; keep the log on a local file system"
        ) from None


def _write_line(fd: int, data: bytes, path: Path) -> None:
    written = os.write(fd, data)
    # A regular file only writes short when the disk is full; we still hold the lock, so finishing the
    # line with further writes cannot interleave with another writer. If that fails too, the next
    # append ends the fragment and readers report it.
    while written < len(data):
        more = os.write(fd, data[written:])
        if more == 0:
            raise AuditError(f"cannot write the audit log {path}: the disk is full; free space and retry")
        written += more


def _fsync_dir(directory: Path) -> None:
    # Makes a newly created log's directory entry durable; best effort (not every platform allows it).
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _tail_record(fd: int, size: int) -> tuple[AuditRecord | None, bool]:
    """Return the last parseable record and whether the file lacks a final newline.

    Reads backwards in growing chunks, so only the tail of a large log is read. Lines that do not
    parse (fragments of interrupted writes) are skipped; ``None`` means there is no record yet.
    """
    if size == 0:
        return None, False
    needs_newline = os.pread(fd, 1, size - 1) != b"\n"
    pos, carry, chunk = size, b"", _TAIL_CHUNK
    while pos > 0:
        start = max(0, pos - chunk)
        parts = (os.pread(fd, pos - start, start) + carry).split(b"\n")
        # The first piece may continue before ``start``: keep it for the next (earlier) chunk.
        carry = parts.pop(0) if start > 0 else b""
        for raw in reversed(parts):
            rec = _record_or_none(raw)
            if rec is not None:
                return rec, needs_newline
        pos, chunk = start, min(chunk * 2, _MAX_TAIL_CHUNK)
    return None, needs_newline


def _record_or_none(raw: bytes) -> AuditRecord | None:
    if not raw.lstrip().startswith(b"{"):
        return None
    try:
        return AuditRecord.from_dict(_parse(raw))
    except (ValueError, RecursionError):
        return None


@contextmanager
def _snapshot(path: Path) -> Iterator[tuple[BinaryIO, int]]:
    """Open the log for reading and yield it with its size at a moment when no append was half done.

    The shared lock is held only while taking the size: the log is append-only, so the bytes before
    that size stay put while we read them and appends can carry on meanwhile.
    """
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the lock dance
    except FileNotFoundError:
        raise AuditError(
            f"audit log {path} does not exist: check the path, or set {ENV_VAR} (nothing logged there yet?)"
        ) from None
    except IsADirectoryError:
        raise AuditError(f"audit log {path} is a directory: pass the path of a .jsonl file") from None
    except OSError as exc:
        raise AuditError(f"cannot read the audit log {path}: {exc.strerror}; check its permissions") from None
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH)
            try:
                size = os.fstat(fh.fileno()).st_size
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        except OSError as exc:
            raise AuditError(
                f"cannot lock the audit log {path}: {exc.strerror}; keep the log on a local file system"
            ) from None
        yield fh, size


def _lines(fh: BinaryIO, size: int) -> Iterator[tuple[int, bytes, bool]]:
    """Yield ``(line number, bytes without newline, terminated)`` for the first ``size`` bytes of ``fh``."""
    pos = line_no = 0
    while pos < size:
        raw = fh.readline(size - pos)
        if not raw:  # the file shrank after the snapshot (someone truncated it): stop there
            break
        pos += len(raw)
        line_no += 1
        terminated = raw.endswith(b"\n")
        yield line_no, raw[:-1] if terminated else raw, terminated


def _entries(fh: BinaryIO, size: int) -> Iterator[tuple[int, AuditRecord | None, LogProblem | None]]:
    """Yield ``(line number, record or None, problem or None)`` for each line in the first ``size`` bytes."""
    for line_no, raw, terminated in _lines(fh, size):
        rec, problem = _classify(line_no, raw, terminated)
        yield line_no, rec, problem


def _classify(line_no: int, raw: bytes, terminated: bool) -> tuple[AuditRecord | None, LogProblem | None]:
    where = f"line {line_no}"
    if not raw.strip():
        return None, LogProblem(line_no, "blank", f"{where} is blank; ignored")
    try:
        obj = _parse(raw)
    except (ValueError, RecursionError):
        # An interrupted write leaves a prefix of a line we wrote (or zero bytes, after a power cut):
        # unterminated at the end of the file, or ended later by the next append's newline. Anything
        # else was not written by this module.
        if _LINE_PREFIX.startswith(raw[: len(_LINE_PREFIX)]) or not raw.strip(b"\x00"):
            return None, LogProblem(
                line_no, "truncated", f"{where} is an unfinished record (interrupted write); ignored"
            )
        return None, LogProblem(
            line_no, "corrupt", f"{where} is not valid JSON (corrupted, or inserted by hand)"
        )
    try:
        rec = AuditRecord.from_dict(obj)
    except ValueError as exc:
        return None, LogProblem(
            line_no, "malformed", f"{where} is not an audit record ({exc}): inserted or edited by hand"
        )
    if not terminated:
        note = f"{where} (seq {rec.seq}) has no final newline; the next append will add it"
        return rec, LogProblem(line_no, "unterminated", note, rec.seq, rec.id)
    return rec, None


def _find_record(path: Path, record_id: str) -> AuditRecord:
    # Only lines that contain the id are parsed, so looking up a record in a large log stays cheap.
    needle = record_id.encode("utf-8", "surrogatepass")
    with _snapshot(path) as (fh, size):
        for _line_no, raw, _terminated in _lines(fh, size):
            if needle in raw:
                rec = _record_or_none(raw)
                if rec is not None and rec.id == record_id:
                    return rec
    raise InputError(
        f"no record with id {record_id!r} in the audit log {path}: "
        "run 'foiclassify audit show' to list record ids"
    )


def _label_matches(code: str, wanted: str) -> bool:
    # A section filter (``s40``) matches each of its labels (``s40(2)``); a label filter only itself.
    return code == wanted or ("(" not in wanted and code.startswith(wanted + "("))


def _unique(codes: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def _str_items(value: object) -> tuple[str, ...]:
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def _keys_note(what: str, keys: list[str]) -> str:
    return f"{what} keys {', '.join(keys)}" if keys else ""
