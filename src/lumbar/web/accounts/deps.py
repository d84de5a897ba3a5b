"""What the account and diary routes get from the app: the accounts, the session cookies, the store,
the log-in throttle, the diary engine, and the person signed in (if any)."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Request

from lumbar.errors import SignInError
from lumbar.store import PersonRecord, Store
from lumbar.web.accounts.people import Accounts
from lumbar.web.accounts.sessions import COOKIE_NAME, SessionCookies
from lumbar.web.accounts.throttle import LoginThrottle
from lumbar.web.diary.seams import DiaryEngine

NOT_SIGNED_IN = "please log in to your account first (or sign up to keep a diary)"


def get_accounts(request: Request) -> Accounts:
    """The app's accounts."""
    return cast(Accounts, request.app.state.accounts)


def get_sessions(request: Request) -> SessionCookies:
    """The app's session cookies."""
    return cast(SessionCookies, request.app.state.sessions)


def get_store(request: Request) -> Store:
    """The app's database."""
    return cast(Store, request.app.state.store)


def get_throttle(request: Request) -> LoginThrottle:
    """The app's log-in throttle."""
    return cast(LoginThrottle, request.app.state.login_throttle)


def get_diary_engine(request: Request) -> DiaryEngine:
    """The app's diary engine (see lumbar.web.diary.seams)."""
    return cast(DiaryEngine, request.app.state.diary_engine)


def signed_in(request: Request) -> PersonRecord | None:
    """The person whose session cookie came with the request, if it is valid and they still exist."""
    claim = get_sessions(request).open(request.cookies.get(COOKIE_NAME))
    return get_accounts(request).person_of(claim)


def signed_in_person(person: Annotated[PersonRecord | None, Depends(signed_in)]) -> PersonRecord:
    """The person signed in; SignInError (401) when nobody is."""
    if person is None:
        raise SignInError(NOT_SIGNED_IN)
    return person


class LogInFirst(Exception):
    """A page for the person signed in was asked without a session: the browser goes to log in."""


def signed_in_page(person: Annotated[PersonRecord | None, Depends(signed_in)]) -> PersonRecord:
    """The person signed in; LogInFirst (a redirect to the log-in page) when nobody is."""
    if person is None:
        raise LogInFirst
    return person


AccountsDep = Annotated[Accounts, Depends(get_accounts)]
SessionsDep = Annotated[SessionCookies, Depends(get_sessions)]
StoreDep = Annotated[Store, Depends(get_store)]
ThrottleDep = Annotated[LoginThrottle, Depends(get_throttle)]
DiaryEngineDep = Annotated[DiaryEngine, Depends(get_diary_engine)]
MaybePersonDep = Annotated[PersonRecord | None, Depends(signed_in)]
PersonDep = Annotated[PersonRecord, Depends(signed_in_person)]
PagePersonDep = Annotated[PersonRecord, Depends(signed_in_page)]
