"""The web page and REST API: ``create_app(settings)`` builds the FastAPI app; ``lumbar serve`` runs it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lumbar.web.app import create_app
    from lumbar.web.settings import WebSettings, settings_from_env

#: public name -> the module that defines it, imported on first use so the package itself stays light.
_SOURCES = {
    "WebSettings": "lumbar.web.settings",
    "create_app": "lumbar.web.app",
    "settings_from_env": "lumbar.web.settings",
}
__all__ = [
    "WebSettings",
    "create_app",
    "settings_from_env",
]


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_SOURCES[name]), name)
