"""The account pages: sign up, log in, log out, take away my data, delete my data.

Plain HTML forms, each carrying the form token (``lumbar.web.csrf``). A sign-up or log-in form may
carry ``keep``, the address key of a finished check, whose result is then saved into the new diary.
Passwords are hashed (argon2) in Starlette's thread pool, off the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lumbar.errors import ConflictError, InputError, InterviewError, NotFoundError, SignInError
from lumbar.store import PersonRecord
from lumbar.web.accounts.deps import (
    AccountsDep,
    PagePersonDep,
    SessionsDep,
    StoreDep,
    ThrottleDep,
)
from lumbar.web.accounts.passwords import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS
from lumbar.web.csrf import form_page, require_form_token
from lumbar.web.deps import EngineCallDep, EnginesDep, SavedStatesDep, TemplatesDep
from lumbar.web.diary.keep import keep_assessment
from lumbar.web.diary.my_data import as_csv, my_data
from lumbar.web.errors import capitalised
from lumbar.web.rate_limit import client_address
from lumbar.web.saved_states import KEY_SHAPE

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

LOG_IN = "/account/login"
DIARY = "/diary"
#: the diary's query parameter saying a check could not be kept (its address expired)
NOT_KEPT = "not_kept"
#: the two account forms: their title, button and the other form's link
FORMS = {
    "signup": {"title": "Make an account to keep a diary", "button": "Make my account"},
    "login": {"title": "Log in to your diary", "button": "Log in"},
}


def see(path: str) -> Response:
    """Post/Redirect/Get: send the browser to ``path``."""
    return RedirectResponse(path, status_code=303)


def log_in_first(request: Request, error: Exception) -> Response:
    """Send a browser without a session to the log-in page (the handler of LogInFirst, see
    lumbar.web.accounts.deps.PagePersonDep)."""
    return see(LOG_IN)


def keep_key(keep: str | None) -> str:
    """``keep`` when it looks like an interview's key, else nothing (it is only ever used as a key)."""
    return keep if keep and KEY_SHAPE.fullmatch(keep) else ""


def _account_page(
    request: Request,
    templates: Any,
    form: str,
    keep: str,
    problem: str = "",
    status: int = 200,
    username: str = "",
) -> Response:
    context = {
        "form": form,
        **FORMS[form],
        "keep": keep,
        "problem": problem,
        "username": username,
        "min_password": MIN_PASSWORD_CHARS,
        "max_password": MAX_PASSWORD_CHARS,
    }
    page = form_page(request, templates, "account_form.html", context)
    page.status_code = status
    return page


@router.get("/account/signup")
@router.get("/account/login")
def account_form(
    request: Request, templates: TemplatesDep, keep: Annotated[str | None, Query(max_length=40)] = None
) -> Response:
    """The sign-up or log-in form."""
    form = "signup" if request.url.path.endswith("signup") else "login"
    return _account_page(request, templates, form, keep_key(keep))


@router.post("/account/signup", dependencies=[Depends(require_form_token)])
@router.post("/account/login", dependencies=[Depends(require_form_token)])
async def account_post(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)],
    accounts: AccountsDep,
    sessions: SessionsDep,
    throttle: ThrottleDep,
    store: StoreDep,
    engines: EnginesDep,
    saved: SavedStatesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
    keep: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Make an account or log in, then go to the diary (first saving the check at ``keep``, if any)."""
    form = "signup" if request.url.path.endswith("signup") else "login"
    keep = keep_key(keep)
    throttle.attempt(client_address(request.scope), username)

    def work() -> PersonRecord:
        return (
            accounts.sign_up(username, password) if form == "signup" else accounts.log_in(username, password)
        )

    try:
        person = await run(work)
    except (InputError, ConflictError, SignInError) as exc:
        status = {InputError: 422, ConflictError: 409, SignInError: 401}[type(exc)]
        return _account_page(request, templates, form, keep, capitalised(str(exc)) + ".", status, username)
    response = see(DIARY)
    if keep:
        try:
            await run(lambda: keep_assessment(store, engines, saved, person, keep))
        except (NotFoundError, InterviewError):  # the check expired meanwhile: signed in all the same
            response = see(f"{DIARY}?{NOT_KEPT}=1")
    sessions.start(request, response, person)
    return response


@router.post("/account/logout", dependencies=[Depends(require_form_token)])
def log_out(request: Request, sessions: SessionsDep) -> Response:
    """End the session and go back to the first page."""
    response = see("/")
    sessions.end(request, response)
    return response


@router.get("/account/export.json")
@router.get("/account/export.csv")
def export(request: Request, person: PagePersonDep, store: StoreDep) -> Response:
    """Everything kept about the signed-in person, as a JSON or CSV download."""
    data = my_data(store, person)
    if request.url.path.endswith(".json"):
        body, media, suffix = data.model_dump_json(indent=2), "application/json", "json"
    else:
        body, media, suffix = as_csv(data), "text/csv; charset=utf-8", "csv"
    name = f"lumbar-{person.username}.{suffix}"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


@router.get("/account/delete")
def delete_form(request: Request, person: PagePersonDep, templates: TemplatesDep) -> Response:
    """The form to delete the account and everything kept with it."""
    return form_page(request, templates, "delete_account.html", {"person": person, "problem": ""})


@router.post("/account/delete", dependencies=[Depends(require_form_token)])
def delete_account(
    request: Request,
    password: Annotated[str, Form(max_length=MAX_PASSWORD_CHARS)],
    person: PagePersonDep,
    accounts: AccountsDep,
    sessions: SessionsDep,
    throttle: ThrottleDep,
    templates: TemplatesDep,
) -> Response:
    """Delete the account and every row of it, for good, once the password is given again."""
    throttle.attempt(client_address(request.scope), person.username)
    try:
        accounts.log_in(person.username, password)
    except SignInError:
        context = {"person": person, "problem": "That password is not right, so nothing was deleted."}
        page = form_page(request, templates, "delete_account.html", context)
        page.status_code = 401
        return page
    accounts.delete(person)
    page = templates.TemplateResponse(request, "account_deleted.html", {})
    sessions.end(request, page)
    return page
