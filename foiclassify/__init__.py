"""foiclassify: suggest FOIA 2000 exemptions for UK Freedom of Information requests.

Importing the package has no side effects: heavy modules (spaCy, scikit-learn) load only when a
function that needs them is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from foiclassify.predict import Model

__all__ = ["__version__", "load_model"]


def load_model(path: Any = None, **kwargs: Any) -> Model:
    """Load a model bundle (default: the shipped ``models/default``); see :func:`foiclassify.predict.load_model`."""
    from foiclassify.predict import load_model as _load

    return _load(path, **kwargs)
