"""The web app factory: pages for people and a JSON API, over the engines, from settings passed in.

Nothing is loaded at import or when the app is made; the knowledge base and the engines are built
on the first request that needs them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from lumbar import __doc__ as PACKAGE_DOC
from lumbar.care import wording
from lumbar.care.render import first_sentence, long_date
from lumbar.export.summary_pdf import summary_loader
from lumbar.store import IN_MEMORY, open_store
from lumbar.web.accounts.deps import LogInFirst
from lumbar.web.accounts.passwords import Passwords
from lumbar.web.accounts.people import Accounts
from lumbar.web.accounts.sessions import SessionCookies
from lumbar.web.accounts.throttle import LoginThrottle
from lumbar.web.body_limit import BodyLimit
from lumbar.web.csrf import FormTokens, OriginCheck
from lumbar.web.diary.engine import LumbarDiaryEngine
from lumbar.web.engine_pool import EnginePool
from lumbar.web.engines import Engines
from lumbar.web.errors import install_error_handlers
from lumbar.web.hosts import AllowedHosts
from lumbar.web.middleware import HeadAsGet, SecurityHeaders
from lumbar.web.operator_notes import api_description
from lumbar.web.rate_limit import RateLimit, TokenBuckets
from lumbar.web.routes import (
    accounts,
    api,
    diary,
    diary_api,
    diary_exports,
    diary_scores,
    docs,
    exports,
    pages,
    questionnaires,
)
from lumbar.web.saved_states import SavedStates
from lumbar.web.schemas import Health
from lumbar.web.settings import WebSettings, settings_from_env
from lumbar.web.signed_state import TokenSigner
from lumbar.web.views import passage_links

API_DESCRIPTION = (
    "The REST API of lumbar, an offline, evidence-linked assistant for lower-back cramps and spasms. "
    "lumbar informs; it does not diagnose. Every error has the same shape: "
    '`{"error": {"status", "code", "message", "details"}}`.'
)


def create_templates() -> Jinja2Templates:
    """The page templates shipped inside the package (base.html says on every page that lumbar does
    not diagnose); the summary for
    the doctor's template comes from lumbar.export, which makes its files too."""
    env = Environment(
        loader=ChoiceLoader([PackageLoader("lumbar.web", "templates"), summary_loader()]),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["not_back_problem"] = wording.NOT_BACK_PROBLEM
    env.filters["long_date"] = long_date
    env.filters["first_sentence"] = first_sentence
    env.filters["passage_links"] = passage_links
    return Jinja2Templates(env=env)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The lumbar web app for ``settings`` (default: from the environment, see ``settings_from_env``)."""
    settings = (settings or settings_from_env()).with_secret()
    app = FastAPI(
        title="lumbar",
        summary=(PACKAGE_DOC or "lumbar").strip(),
        description=API_DESCRIPTION + api_description(settings),
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=_stop_the_pool_at_shutdown,
    )
    app.state.settings = settings
    app.state.engines = Engines(settings)
    app.state.pool = EnginePool(
        workers=settings.engine_workers,
        queue=settings.engine_queue,
        per_client=settings.client_concurrency,
        budget=settings.time_budget,
        retry_after=settings.retry_after,
    )
    app.state.signer = TokenSigner(settings.secret or "", settings.token_max_age)
    app.state.store = open_store(settings.database_url or IN_MEMORY)
    app.state.saved_states = SavedStates(app.state.signer, app.state.store.interview_states)
    app.state.form_tokens = FormTokens(settings.secret or "")
    app.state.templates = create_templates()
    install_accounts(app, settings)
    install_error_handlers(app)
    install_middleware(app, settings)

    app.include_router(api.router)
    app.include_router(questionnaires.api)
    app.include_router(exports.router)
    app.include_router(diary_api.router)
    app.include_router(diary_scores.api)
    app.include_router(diary_exports.api)
    app.include_router(pages.router)
    app.include_router(questionnaires.pages)
    app.include_router(accounts.router)
    app.include_router(diary.router)
    app.include_router(diary_scores.pages)
    app.include_router(diary_exports.pages)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(packages=[("lumbar.web", "static")]), name="static")

    @app.get("/api/health", tags=["health"], summary="Is the server up?", response_model=Health)
    async def health() -> Health:
        """``{"status": "ok"}`` when the server answers (at once, even while the engines are busy)."""
        return Health(status="ok")

    return app


@asynccontextmanager
async def _stop_the_pool_at_shutdown(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.pool.shutdown()


def install_accounts(app: FastAPI, settings: WebSettings) -> None:
    """People's accounts and diaries: argon2 passwords, sealed session cookies, the log-in throttle and
    the diary engine (lumbar.diary behind the web's seam, see lumbar.web.diary.engine)."""
    engines: Engines = app.state.engines
    app.state.passwords = Passwords()
    app.state.accounts = Accounts(app.state.store.people, app.state.passwords, clock=settings.now)
    app.state.sessions = SessionCookies(settings.secret or "")
    app.state.login_throttle = LoginThrottle(settings.login_burst, settings.login_per_minute)
    app.state.diary_engine = LumbarDiaryEngine(lambda: engines.assessor, settings.today)
    app.add_exception_handler(LogInFirst, accounts.log_in_first)


def install_middleware(app: FastAPI, settings: WebSettings) -> None:
    """The checks every request passes, from the innermost to the outermost (the last added runs first)."""
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.rate_per_minute:
        app.add_middleware(RateLimit, buckets=TokenBuckets(settings.rate_per_minute, settings.rate_burst))
    app.add_middleware(OriginCheck)
    app.add_middleware(AllowedHosts, hosts=settings.hosts_allowed())
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # outermost: refusals get the security headers too


def _version() -> str:
    try:
        return version("lumbar")
    except PackageNotFoundError:
        return "0"
