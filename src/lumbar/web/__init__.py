"""The web page and REST API: ``create_app(settings)`` builds the FastAPI app; ``lumbar serve`` runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.web.app import create_app
    from lumbar.web.settings import WebSettings, settings_from_env

# the public names (imported above for type checkers only), each imported from its module on
# first use so that importing the package stays light
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "app": ["create_app"],
        "settings": ["WebSettings", "settings_from_env"],
    },
)
