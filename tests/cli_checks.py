"""What every CLI test checks about a finished command: success, or exactly one clear error line."""

from __future__ import annotations

from typer.testing import Result


def ok(result: Result) -> Result:
    """Assert the command succeeded without a traceback; return the result for further checks."""
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result


def one_line_error(result: Result, exit_code: int = 1) -> str:
    """Assert the command failed with ``exit_code`` and one ``Error: ...`` line on stderr; return that line."""
    assert result.exit_code == exit_code, (result.stdout, result.stderr)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]
