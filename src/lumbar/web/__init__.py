"""The web page and REST API: ``create_app(settings)`` builds the FastAPI app; ``lumbar serve`` runs it."""

from lumbar.web.app import create_app
from lumbar.web.settings import WebSettings, settings_from_env

__all__ = ["WebSettings", "create_app", "settings_from_env"]
