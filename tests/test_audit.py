"""The tamper-evident audit log: hash chain, tamper detection, crash recovery, concurrent appends."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from foiclassify import audit
from foiclassify.errors import AuditError, InputError, UnknownLabelError, ValidationError


def _log(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "audit.jsonl"


def _fill(log: Path, n: int = 5) -> list[audit.AuditRecord]:
    return [
        audit.append(log, "suggest", {"labels": ["s40(2)"] if i % 2 else ["s31(1)"], "i": i}, user="alice")
        for i in range(n)
    ]


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines(keepends=True)


def _forge(fields: dict) -> str:
    """A record line with a correct hash for its (forged) content, as a careful tamperer would write."""
    fields = {k: v for k, v in fields.items() if k != "hash"}
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    fields["hash"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return json.dumps(fields) + "\n"


# -- chain -------------------------------------------------------------------------------------------


def test_hash_chain_round_trip(tmp_path: Path) -> None:
    log = _log(tmp_path)
    written = _fill(log, 3)
    assert [r.seq for r in written] == [1, 2, 3]
    assert written[0].prev_hash == audit.GENESIS_HASH == "0" * 64
    assert [r.prev_hash for r in written[1:]] == [r.hash for r in written[:-1]]
    assert len({r.id for r in written}) == 3
    # The hash is SHA-256 over the canonical JSON of the record without "hash", recomputed independently.
    for line, rec in zip(_lines(log), written, strict=True):
        obj = json.loads(line)
        assert list(obj) == ["seq", "id", "timestamp", "user", "event", "payload", "prev_hash", "hash"]
        body = {k: v for k, v in obj.items() if k != "hash"}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256(canonical.encode()).hexdigest() == obj["hash"] == rec.hash
    assert audit.read_records(log) == written
    report = audit.verify(log)
    assert (report.ok, report.records, report.problem, report.warnings) == (True, 3, None, ())
    assert (report.last_seq, report.last_hash) == (3, written[-1].hash)


def test_record_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit.getpass, "getuser", lambda: "login-name")
    rec = audit.append(tmp_path / "a.jsonl", "explain", {"labels": ("s12",), "note": "café"})
    assert rec.user == "login-name" and rec.event == "explain"
    assert rec.payload == {"labels": ["s12"], "note": "café"}  # stored as plain JSON
    assert rec.timestamp.endswith("Z") and abs(rec.time - datetime.now(UTC)) < timedelta(minutes=1)
    assert "café" in (tmp_path / "a.jsonl").read_text(encoding="utf-8")  # ensure_ascii=False


def test_paths_and_lazy_directory_creation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(audit.ENV_VAR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert audit.resolve_log_path() == tmp_path / ".local/share/foiclassify/audit.jsonl"
    monkeypatch.setenv(audit.ENV_VAR, str(tmp_path / "env.jsonl"))
    assert audit.resolve_log_path() == tmp_path / "env.jsonl"
    assert audit.resolve_log_path(tmp_path / "x.jsonl") == tmp_path / "x.jsonl"
    log = _log(tmp_path)
    with pytest.raises(AuditError, match="does not exist"):
        audit.verify(log)
    assert not log.parent.exists()  # reading never creates anything
    audit.append(log, "suggest", {})
    assert log.exists()


def test_append_many_is_one_chained_batch(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    assert audit.append_many(log, "suggest", []) == [] and not log.exists()  # empty batch: nothing touched
    first = audit.append(log, "suggest", {"i": 0})
    batch = audit.append_many(log, "explain", ({"i": i} for i in range(1, 4)), user="batch")
    assert [r.seq for r in batch] == [2, 3, 4] and batch[0].prev_hash == first.hash
    assert {r.user for r in batch} == {"batch"} and len({r.id for r in batch}) == 3
    with pytest.raises(InputError, match="not plain JSON"):
        audit.append_many(log, "suggest", [{"ok": 1}, {"bad": object()}])
    report = audit.verify(log)
    assert report.ok and report.records == 4  # the bad batch wrote nothing


def test_bad_append_input(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    with pytest.raises(InputError, match="unknown audit event"):
        audit.append(log, "guess", {})
    with pytest.raises(InputError, match="not plain JSON"):
        audit.append(log, "suggest", {"when": datetime.now(UTC)})
    with pytest.raises(InputError, match="not plain JSON"):
        audit.append(log, "suggest", {"score": float("nan")})
    assert not log.exists()


def test_text_is_never_stored_unless_asked(tmp_path: Path) -> None:
    text = "Please send the minutes about Jane Doe's complaint."
    kwargs: dict[str, Any] = dict(
        model_id="m1",
        model_checksum="abc",
        taxonomy_version="1.0.0",
        labels=["s40(2)"],
        scores={"s40(2)": 0.9},
        thresholds={"s40(2)": 0.5},
        ncnd=False,
        abstained=False,
    )
    payload = audit.suggestion_payload(text, **kwargs)
    assert "text" not in payload and payload["text_sha256"] == audit.text_sha256(text)
    assert audit.text_sha256(text) == hashlib.sha256(text.encode()).hexdigest()
    log = tmp_path / "a.jsonl"
    audit.append(log, "suggest", payload)
    assert "Jane" not in log.read_text(encoding="utf-8")
    kept = audit.append(log, "suggest", audit.suggestion_payload(text, store_text=True, **kwargs))
    assert kept.payload["text"] == text


# -- verify ------------------------------------------------------------------------------------------


def _tampered(tmp_path: Path, change: Callable[[list[str]], None]) -> audit.LogProblem:
    log = _log(tmp_path)
    _fill(log)
    lines = _lines(log)
    change(lines)
    log.write_text("".join(lines), encoding="utf-8")
    report = audit.verify(log)
    assert not report.ok and report.problem is not None and report.problem.fatal
    return report.problem


def test_verify_detects_edited_line(tmp_path: Path) -> None:
    problem = _tampered(tmp_path, lambda ls: ls.__setitem__(2, ls[2].replace('"i":2', '"i":7')))
    assert (problem.kind, problem.line, problem.seq) == ("changed", 3, 3)
    assert "line 3 (seq 3" in problem.message


def test_verify_detects_edit_with_recomputed_hash(tmp_path: Path) -> None:
    def edit(lines: list[str]) -> None:
        obj = json.loads(lines[1])
        obj["user"] = "mallory"
        lines[1] = _forge(obj)

    problem = _tampered(tmp_path, edit)
    assert (problem.kind, problem.line, problem.seq) == ("changed", 2, 2)


def test_verify_detects_deleted_line(tmp_path: Path) -> None:
    problem = _tampered(tmp_path, lambda ls: ls.__delitem__(2))
    assert (problem.kind, problem.line, problem.seq) == ("removed", 3, 3)
    assert "seq 3 was removed" in problem.message


def test_verify_detects_deleted_first_line(tmp_path: Path) -> None:
    problem = _tampered(tmp_path, lambda ls: ls.__delitem__(0))
    assert (problem.kind, problem.seq) == ("removed", 1)


def test_verify_detects_duplicated_line(tmp_path: Path) -> None:
    problem = _tampered(tmp_path, lambda ls: ls.insert(3, ls[1]))
    assert (problem.kind, problem.line, problem.seq) == ("inserted", 4, 2)


def test_verify_detects_forged_line_with_valid_hash(tmp_path: Path) -> None:
    # The forged record chains correctly onto seq 2, so the genuine seq 3 after it looks like the
    # intruder; the record after that decides which of the two the chain really continues from.
    def insert(lines: list[str]) -> None:
        prev = json.loads(lines[1])
        forged = {**prev, "seq": 3, "id": "f0f0f0f0f0f0", "user": "mallory", "prev_hash": prev["hash"]}
        lines.insert(2, _forge(forged))

    problem = _tampered(tmp_path, insert)
    assert (problem.kind, problem.line, problem.record_id) == ("inserted", 3, "f0f0f0f0f0f0")


def test_verify_reports_lines_that_are_not_records(tmp_path: Path) -> None:
    problem = _tampered(tmp_path, lambda ls: ls.insert(1, "hello world\n"))
    assert (problem.kind, problem.line) == ("corrupt", 2)
    problem = _tampered(tmp_path / "b", lambda ls: ls.insert(4, '{"note": "inserted"}\n'))
    assert (problem.kind, problem.line) == ("malformed", 5)


def test_empty_log_verifies(tmp_path: Path) -> None:
    log = tmp_path / "empty.jsonl"
    log.touch()
    report = audit.verify(log)
    assert (report.ok, report.records, report.last_hash) == (True, 0, audit.GENESIS_HASH)


# -- crash recovery ----------------------------------------------------------------------------------


def test_truncated_last_line_is_a_warning_and_next_append_recovers(tmp_path: Path) -> None:
    log = _log(tmp_path)
    written = _fill(log, 3)
    with log.open("ab") as fh:  # a crash in the middle of writing record 4
        fh.write(b'{"seq":4,"id":"0123456789ab","timestamp":"2025-')
    report = audit.verify(log)
    assert report.ok and report.records == 3
    assert [(w.kind, w.line) for w in report.warnings] == [("truncated", 4)]
    result = audit.read_log(log)
    assert result.records == written and [(p.kind, p.line) for p in result.problems] == [("truncated", 4)]

    rec = audit.append(log, "suggest", {"after": "crash"})
    assert (rec.seq, rec.prev_hash) == (4, written[-1].hash)
    lines = _lines(log)
    assert len(lines) == 5 and json.loads(lines[4])["id"] == rec.id  # the new record has its own line
    report = audit.verify(log)
    assert report.ok and report.records == 4 and report.last_hash == rec.hash
    assert [(w.kind, w.line) for w in report.warnings] == [("truncated", 4)]


def test_complete_record_without_newline_is_kept(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    written = _fill(log, 2)
    log.write_bytes(log.read_bytes()[:-1])
    report = audit.verify(log)
    assert report.ok and report.records == 2 and [w.kind for w in report.warnings] == ["unterminated"]
    rec = audit.append(log, "suggest", {})
    assert rec.prev_hash == written[-1].hash
    report = audit.verify(log)
    assert report.ok and report.records == 3 and report.warnings == ()


def test_append_finds_last_record_behind_large_lines(tmp_path: Path) -> None:
    # Records larger than the tail-read chunk make the backward reader cross chunk boundaries.
    log = tmp_path / "a.jsonl"
    big = audit.append(log, "suggest", {"blob": "x" * 50_000})
    with log.open("ab") as fh:
        fh.write(b'{"seq":2,' + b"y" * 30_000)  # large interrupted write after it
    rec = audit.append(log, "suggest", {"blob": "z" * 20_000})
    assert (rec.seq, rec.prev_hash) == (2, big.hash)
    assert audit.verify(log).ok


def _append_many(log: str, worker: int, count: int) -> None:
    for i in range(count):
        audit.append(log, "suggest", {"worker": worker, "i": i}, user=f"worker-{worker}")


@pytest.mark.slow
def test_concurrent_appends_lose_nothing(tmp_path: Path) -> None:
    log = tmp_path / "shared.jsonl"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(log), w, 1000)) for w in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=300)
    assert [proc.exitcode for proc in procs] == [0, 0, 0, 0]
    report = audit.verify(log)
    assert report.ok and report.records == 4000 and report.last_seq == 4000 and report.warnings == ()
    records = audit.read_records(log)
    assert [r.seq for r in records] == list(range(1, 4001))
    for w in range(4):
        assert sorted(r.payload["i"] for r in records if r.payload["worker"] == w) == list(range(1000))


# -- reading and deciding ----------------------------------------------------------------------------


def test_read_records_filters(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    written = _fill(log, 4)
    decision = audit.decide(log, written[0].id, accept=["s31"], reason="agreed", user="bob")
    assert [r.seq for r in audit.read_records(log, event="decision")] == [5]
    assert [r.seq for r in audit.read_records(log, label="s40(2)")] == [2, 4]
    assert [r.seq for r in audit.read_records(log, label="s40")] == [2, 4]  # section code matches its labels
    assert [r.seq for r in audit.read_records(log, label="s31", event="decision")] == [decision.seq]
    assert audit.read_records(log, since=datetime.now(UTC) + timedelta(days=1)) == []
    assert len(audit.read_records(log, since=datetime(2000, 1, 1))) == 5  # naive means UTC
    with pytest.raises(UnknownLabelError):
        audit.read_records(log, label="s99")
    with pytest.raises(InputError, match="unknown audit event"):
        audit.read_records(log, event="suggested")


def test_read_rejects_a_file_that_is_not_an_audit_log(tmp_path: Path) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": 1, "text": "a request"}\nnot json\n', encoding="utf-8")
    with pytest.raises(AuditError, match="not a foiclassify audit log"):
        audit.read_records(other)


def test_decide(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    target = _fill(log, 2)[1]
    rec = audit.decide(
        log, target.id.upper(), accept=["s40(2)", "s35(1)"], reject=["s42"], reason=" exempt ", user="bob"
    )
    assert (rec.event, rec.user, rec.seq) == ("decision", "bob", 3)
    assert rec.payload == {
        "record_id": target.id,
        "record_seq": 2,
        "record_hash": target.hash,
        "accept": ["s40(2)", "s35"],
        "reject": ["s42(1)"],
        "reason": "exempt",
    }
    assert audit.verify(log).ok


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"record_id": "000000000000"}, InputError, "no record with id"),
        ({"accept": ["s99"]}, UnknownLabelError, "unknown exemption label"),
        ({"reason": "  "}, InputError, "needs a reason"),
        ({"accept": [], "reject": []}, InputError, "at least one label"),
        ({"accept": ["s40(2)"], "reject": ["s40(2)"]}, ValidationError, "both accepted and rejected"),
    ],
)
def test_decide_rejects_bad_input(tmp_path: Path, kwargs: dict, error: type[Exception], match: str) -> None:
    log = tmp_path / "a.jsonl"
    target = _fill(log, 1)[0]
    args = {"record_id": target.id, "accept": ["s40(2)"], "reject": [], "reason": "r", **kwargs}
    with pytest.raises(error, match=match):
        audit.decide(log, args.pop("record_id"), **args)
    assert audit.verify(log).records == 1  # nothing appended


def test_decide_refuses_a_decision_id_and_a_missing_log(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    target = _fill(log, 1)[0]
    decision = audit.decide(log, target.id, reject=["s12"], reason="no")
    with pytest.raises(InputError, match="itself a decision"):
        audit.decide(log, decision.id, accept=["s12"], reason="yes")
    with pytest.raises(AuditError, match="does not exist"):
        audit.decide(tmp_path / "missing.jsonl", target.id, accept=["s12"], reason="yes")
