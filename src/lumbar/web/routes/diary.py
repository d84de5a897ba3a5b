"""The diary pages: my diary (saved checks, kept questionnaire scores, the prompt and plot when there
are any, the days written, a form for today), one day's entry, one saved check, and keeping a check's result in the diary.

Plain HTML forms with the form token, no JavaScript needed. A new entry is answered with a redirect to
its own page, which shows first what its notes point to (the level, danger signs first), then any
warnings. The diary engine is reached only through ``lumbar.web.diary.seams``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from lumbar.errors import InputError
from lumbar.knowledge.schema import Level
from lumbar.store import PersonRecord
from lumbar.web.accounts.deps import DiaryEngineDep, MaybePersonDep, PagePersonDep, StoreDep
from lumbar.web.csrf import form_page, require_form_token
from lumbar.web.deps import EngineCallDep, EnginesDep, SavedStatesDep, TemplatesDep
from lumbar.web.diary.entries import FIELD_RULES, MAX_NOTES_CHARS, entry_from_form, medicine_names
from lumbar.web.diary.keep import keep_assessment
from lumbar.web.diary.scores import score_lines
from lumbar.web.diary.seams import note_level
from lumbar.web.errors import capitalised
from lumbar.web.routes.accounts import DIARY, NOT_KEPT, keep_key, see

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

#: the form's fields, as posted (all text; entry_from_form reads them)
ENTRY_FIELDS = ("day", "pain_now", "pain_worst", "spasms", "sleep_hours", "activity", "medicines", "notes")


def _diary_page(
    request: Request,
    templates: Any,
    store: Any,
    engines: Any,
    diary: Any,
    person: PersonRecord,
    problem: str = "",
    typed: dict[str, str] | None = None,
) -> Response:
    entries = store.diary.of(person.id)
    scores = store.scores.of(person.id)
    context = {
        "person": person,
        "assessments": [
            (saved, note_level(engines.kb, Level(saved.level))) for saved in store.assessments.of(person.id)
        ],
        "entries": entries,
        "scores": score_lines(scores, engines.kb),
        "prompt": diary.reassess(entries),
        "plot": diary.plot(entries, scores),
        "today": engines.settings.today().isoformat(),
        "problem": problem,
        "not_kept": NOT_KEPT in request.query_params,
        "typed": typed or {},
        "rules": FIELD_RULES,
        "max_notes": MAX_NOTES_CHARS,
        "medicine_names": medicine_names,
    }
    page = form_page(request, templates, "diary.html", context)
    if problem:
        page.status_code = 422
    return page


@router.get("/diary")
def my_diary(
    request: Request,
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    diary: DiaryEngineDep,
    templates: TemplatesDep,
) -> Response:
    """My diary: saved checks, the prompt and plot, the days written, and a form for today."""
    return _diary_page(request, templates, store, engines, diary, person)


@router.post("/diary/entries", dependencies=[Depends(require_form_token)])
async def add_entry(
    request: Request,
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    diary: DiaryEngineDep,
    templates: TemplatesDep,
    run: EngineCallDep,
) -> Response:
    """Keep one day of the diary, then show it (the form again, saying what to fix, if it cannot be used)."""
    form = await request.form()
    typed = {name: str(form.get(name, "")) for name in ENTRY_FIELDS}

    def work() -> Response:
        try:
            day = entry_from_form(typed).to_day(engines.settings.today())
        except InputError as exc:
            return _diary_page(
                request, templates, store, engines, diary, person, capitalised(str(exc)) + ".", typed
            )
        record = store.diary.add(person.id, day, engines.settings.now())
        return see(f"/diary/entries/{record.id}")

    return await run(work)


@router.get("/diary/entries/{entry_id}")
async def entry_page(
    request: Request,
    entry_id: int,
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    diary: DiaryEngineDep,
    templates: TemplatesDep,
    run: EngineCallDep,
) -> Response:
    """One day of the diary: what its notes point to first, then warnings, then what was written."""

    def work() -> Response:
        entry = store.diary.get(person.id, entry_id)
        saved = store.assessments.of(person.id)
        plan = saved[-1].assessment.get("plan") if saved else None
        level = diary.reread_note(entry.notes)
        context = {
            "entry": entry,
            "medicines": medicine_names(entry),
            "level": note_level(engines.kb, level) if level is not None else None,
            "emergency_number": engines.settings.emergency_number,
            "warnings": diary.check_entry(entry, plan),
        }
        return form_page(request, templates, "diary_entry.html", context)

    return await run(work)


@router.post("/diary/entries/{entry_id}/delete", dependencies=[Depends(require_form_token)])
def delete_entry(entry_id: int, person: PagePersonDep, store: StoreDep) -> Response:
    """Delete one day of the diary."""
    store.diary.delete(person.id, entry_id)
    return see(DIARY)


@router.get("/diary/assessments/{assessment_id}")
def saved_assessment_page(
    request: Request,
    assessment_id: int,
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    templates: TemplatesDep,
) -> Response:
    """A check saved in the diary: when, how soon to get help, and why."""
    saved = store.assessments.get(person.id, assessment_id)
    assessment = saved.assessment.get("assessment", {})
    context = {
        "saved": saved,
        "level": note_level(engines.kb, Level(saved.level)),
        "reasons": [reason.get("text", "") for reason in assessment.get("level_reasons", [])],
    }
    return templates.TemplateResponse(request, "saved_assessment.html", context)


@router.post("/diary/keep", dependencies=[Depends(require_form_token)])
async def keep(
    key: Annotated[str, Form(max_length=40)],
    person: MaybePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    saved: SavedStatesDep,
    run: EngineCallDep,
) -> Response:
    """Keep the result of the check at ``key`` in my diary (signing up or logging in first if needed)."""
    if person is None:
        key = keep_key(key)
        return see(f"/account/signup?keep={key}" if key else "/account/signup")
    await run(lambda: keep_assessment(store, engines, saved, person, key))
    return see(DIARY)
