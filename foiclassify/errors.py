"""One error hierarchy for every user-facing failure.

The CLI turns any :class:`FoiClassifyError` into a single stderr line and its ``exit_code``;
anything else is a bug and keeps its traceback (without local variables).
"""

from __future__ import annotations


class FoiClassifyError(Exception):
    """Base class for errors caused by the user's input or environment, not by a bug.

    The message must say what is wrong, where, and how to fix it, on one line.
    """

    exit_code: int = 1


class InputError(FoiClassifyError):
    """Unreadable, malformed or empty input (files, text, columns)."""


class ValidationError(InputError):
    """Input parsed, but its content breaks the dataset rules (labels, ids, counts)."""


class UnknownLabelError(ValidationError):
    """A label that is not in the exemption taxonomy."""


class ModelError(FoiClassifyError):
    """A model bundle that is missing, incompatible, tampered with or unsafe to load."""


class OutputError(FoiClassifyError):
    """An output path that cannot be written or already exists."""


class AuditError(FoiClassifyError):
    """An audit log that cannot be read, locked or written."""


class UsageError(FoiClassifyError):
    """A command-line call whose options contradict each other."""

    exit_code = 2
