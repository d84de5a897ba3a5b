"""The account and diary API: ``/api/account`` and ``/api/diary``, as JSON, for a signed-in person.

The session is the same cookie as the pages' (see ``lumbar.web.accounts.sessions``); a script keeps it
in its cookie jar. Forged calls from a browser are stopped by the Origin check and the cookie's
SameSite=Lax. Every read and change is of the signed-in person's own rows: another person's id is
"not found" (404), exactly as an id that does not exist.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from lumbar.web.accounts.deps import (
    AccountsDep,
    DiaryEngineDep,
    PersonDep,
    SessionsDep,
    StoreDep,
    ThrottleDep,
)
from lumbar.web.accounts.passwords import MAX_PASSWORD_CHARS
from lumbar.web.deps import EngineCallDep, EnginesDep
from lumbar.web.diary.entries import DiaryEntryIn, DiaryEntryOut
from lumbar.web.diary.my_data import AccountOut, MyData, SavedAssessmentOut, my_data, saved_assessment_out
from lumbar.web.diary.seams import note_level
from lumbar.web.errors import ERROR_RESPONSES, documented
from lumbar.web.rate_limit import client_address
from lumbar.web.strict_json import StrictJSONRoute

router = APIRouter(
    prefix="/api", responses={**ERROR_RESPONSES, **documented(401, 403)}, route_class=StrictJSONRoute
)


class Credentials(BaseModel):
    """A username and password."""

    username: str = Field(max_length=64)
    password: str = Field(max_length=MAX_PASSWORD_CHARS)


class PasswordCheck(BaseModel):
    """The password again, to confirm a change that cannot be undone."""

    password: str = Field(max_length=MAX_PASSWORD_CHARS)


class SignedOut(BaseModel):
    """The session has ended."""

    signed_in: bool


class Deleted(BaseModel):
    """What was deleted: the account (with every row of it) or one entry."""

    deleted: str


class DiaryEntries(BaseModel):
    """The person's diary, by day."""

    entries: list[DiaryEntryOut]


class SavedAssessments(BaseModel):
    """The assessments the person saved, oldest first."""

    assessments: list[SavedAssessmentOut]


class EntryKept(BaseModel):
    """A diary entry as kept, with what to know about it now: warnings (such as a dose past the plan's
    limit) and, when the notes point to a level to act on, that level, its title and what to do."""

    entry: DiaryEntryOut
    warnings: list[str]
    note_level: str | None
    note_level_title: str | None
    note_action: str | None


def _account(person: object) -> AccountOut:
    return AccountOut.model_validate(person, from_attributes=True)


@router.post("/account/signup", tags=["account"], summary="Make an account", response_model=AccountOut)
def sign_up(
    body: Credentials,
    request: Request,
    response: Response,
    accounts: AccountsDep,
    sessions: SessionsDep,
    throttle: ThrottleDep,
) -> AccountOut:
    """Make an account and sign in (the session cookie is set); 409 when the username is taken."""
    throttle.attempt(client_address(request.scope), body.username)
    person = accounts.sign_up(body.username, body.password)
    sessions.start(request, response, person)
    return _account(person)


@router.post("/account/login", tags=["account"], summary="Log in", response_model=AccountOut)
def log_in(
    body: Credentials,
    request: Request,
    response: Response,
    accounts: AccountsDep,
    sessions: SessionsDep,
    throttle: ThrottleDep,
) -> AccountOut:
    """Log in (the session cookie is set); 401 for a wrong username or password, 429 after many tries."""
    throttle.attempt(client_address(request.scope), body.username)
    person = accounts.log_in(body.username, body.password)
    sessions.start(request, response, person)
    return _account(person)


@router.post("/account/logout", tags=["account"], summary="Log out", response_model=SignedOut)
def log_out(request: Request, response: Response, sessions: SessionsDep) -> SignedOut:
    """End the session (the cookie is deleted)."""
    sessions.end(request, response)
    return SignedOut(signed_in=False)


@router.get("/account", tags=["account"], summary="Who is signed in", response_model=AccountOut)
def account(person: PersonDep) -> AccountOut:
    """The signed-in person's account."""
    return _account(person)


@router.get("/account/export", tags=["account"], summary="Everything kept about me", response_model=MyData)
def export(person: PersonDep, store: StoreDep) -> MyData:
    """Every row kept about the signed-in person: the account, saved assessments and diary."""
    return my_data(store, person)


@router.post(
    "/account/delete", tags=["account"], summary="Delete my account and data", response_model=Deleted
)
def delete_account(
    body: PasswordCheck,
    request: Request,
    response: Response,
    person: PersonDep,
    accounts: AccountsDep,
    sessions: SessionsDep,
    throttle: ThrottleDep,
) -> Deleted:
    """Delete the account and every row of it, for good, after checking the password again."""
    throttle.attempt(client_address(request.scope), person.username)
    accounts.log_in(person.username, body.password)
    accounts.delete(person)
    sessions.end(request, response)
    return Deleted(deleted="account")


@router.get("/diary/entries", tags=["diary"], summary="My diary", response_model=DiaryEntries)
def entries(person: PersonDep, store: StoreDep) -> DiaryEntries:
    """The signed-in person's diary entries, by day."""
    return DiaryEntries(entries=[DiaryEntryOut.of(record) for record in store.diary.of(person.id)])


@router.post("/diary/entries", tags=["diary"], summary="Write a diary entry", response_model=EntryKept)
async def add_entry(
    body: DiaryEntryIn,
    person: PersonDep,
    store: StoreDep,
    engines: EnginesDep,
    diary: DiaryEngineDep,
    run: EngineCallDep,
) -> EntryKept:
    """Keep one day of the diary; the answer says what to know about it now (warnings, the notes' level)."""
    day = body.to_day(engines.settings.today())
    level = await run(lambda: diary.reread_note(day.notes))  # engine work, in the engine pool

    def keep() -> EntryKept:
        saved = store.assessments.of(person.id)
        warnings = diary.check_entry(day, saved[-1].assessment.get("plan") if saved else None)
        record = store.diary.add(person.id, day, engines.settings.now())
        words = note_level(engines.kb, level) if level is not None else None
        return EntryKept(
            entry=DiaryEntryOut.of(record),
            warnings=warnings,
            note_level=None if level is None else str(level),
            note_level_title=words.title if words else None,
            note_action=words.action if words else None,
        )

    return await run_in_threadpool(keep)


@router.get(
    "/diary/entries/{entry_id}", tags=["diary"], summary="One diary entry", response_model=DiaryEntryOut
)
def entry(entry_id: int, person: PersonDep, store: StoreDep) -> DiaryEntryOut:
    """One of the signed-in person's entries; 404 for any other id."""
    return DiaryEntryOut.of(store.diary.get(person.id, entry_id))


@router.delete(
    "/diary/entries/{entry_id}", tags=["diary"], summary="Delete a diary entry", response_model=Deleted
)
def delete_entry(entry_id: int, person: PersonDep, store: StoreDep) -> Deleted:
    """Delete one of the signed-in person's entries; 404 for any other id."""
    store.diary.delete(person.id, entry_id)
    return Deleted(deleted="entry")


@router.get(
    "/diary/assessments", tags=["diary"], summary="My saved assessments", response_model=SavedAssessments
)
def assessments(person: PersonDep, store: StoreDep) -> SavedAssessments:
    """The assessments the signed-in person saved, oldest first."""
    return SavedAssessments(
        assessments=[saved_assessment_out(record) for record in store.assessments.of(person.id)]
    )


@router.get(
    "/diary/assessments/{assessment_id}",
    tags=["diary"],
    summary="One saved assessment",
    response_model=SavedAssessmentOut,
)
def saved_assessment(assessment_id: int, person: PersonDep, store: StoreDep) -> SavedAssessmentOut:
    """One of the signed-in person's saved assessments; 404 for any other id."""
    return saved_assessment_out(store.assessments.get(person.id, assessment_id))
