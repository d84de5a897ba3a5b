"""What every route gets from the app: the engines, the pool they run in, the token signer, the saved
interview states and the templates.

Each is an ``async def``: FastAPI runs a plain ``def`` dependency in its thread pool, a thread hop
(about 0.1 ms of CPU and two context switches) for what is one attribute read.
"""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from lumbar.web.engine_pool import EngineCall, EnginePool
from lumbar.web.engines import Engines
from lumbar.web.rate_limit import client_address
from lumbar.web.saved_states import SavedStates
from lumbar.web.signed_state import TokenSigner


async def get_engines(request: Request) -> Engines:
    """The app's engines."""
    return cast(Engines, request.app.state.engines)


async def get_engine_call(request: Request) -> EngineCall:
    """Runs this request's engine work in the app's pool, counted against its client."""
    return EngineCall(cast(EnginePool, request.app.state.pool), client_address(request.scope))


async def get_signer(request: Request) -> TokenSigner:
    """The app's interview token signer."""
    return cast(TokenSigner, request.app.state.signer)


async def get_saved_states(request: Request) -> SavedStates:
    """The app's saved interview states."""
    return cast(SavedStates, request.app.state.saved_states)


async def get_templates(request: Request) -> Jinja2Templates:
    """The app's page templates."""
    return cast(Jinja2Templates, request.app.state.templates)


EnginesDep = Annotated[Engines, Depends(get_engines)]
EngineCallDep = Annotated[EngineCall, Depends(get_engine_call)]
SignerDep = Annotated[TokenSigner, Depends(get_signer)]
SavedStatesDep = Annotated[SavedStates, Depends(get_saved_states)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
