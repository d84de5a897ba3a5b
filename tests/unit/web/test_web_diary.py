"""The diary on the web: the entry form and its plain messages, an entry's own page (a note's warning
sign shown first), deleting a day, and the same through /api/diary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from account_helpers import api_entry, api_sign_up, browser, page_sign_up
from web_helpers import EMERGENCY_TEXT, TODAY, hidden_field

if TYPE_CHECKING:
    from collections.abc import Iterator

    from fastapi import FastAPI
    from fastapi.testclient import TestClient

ENTRY = {
    "day": "2026-03-01",
    "pain_now": "4",
    "pain_worst": "6",
    "spasms": "3",
    "sleep_hours": "6,5",
    "activity": "5",
    "medicines": "ibuprofen 400 mg\n\nparacetamol 1 g\n",
    "notes": "Walked for ten minutes; it eased a bit.",
}


def post_entry(client: TestClient, **changes: str) -> object:
    token = hidden_field(client.get("/diary").text, "csrf_token")
    return client.post("/diary/entries", data={**ENTRY, **changes, "csrf_token": token})


@pytest.fixture
def signed_in(app: FastAPI) -> Iterator[TestClient]:
    with browser(app) as client:
        page_sign_up(client)
        yield client


def test_a_day_written_on_the_form_is_kept_and_shown(signed_in: TestClient) -> None:
    reply = post_entry(signed_in)
    assert reply.status_code == 303
    page = signed_in.get(reply.headers["location"])
    assert page.status_code == 200 and "1 March 2026" in page.text
    assert "ibuprofen 400 mg; paracetamol 1 g" in page.text and "6.5 hours" in page.text
    assert 'class="level' not in page.text  # nothing in the note to act on
    [kept] = signed_in.get("/api/diary/entries").json()["entries"]
    assert kept["sleep_hours"] == 6.5 and kept["medicines"] == ["ibuprofen 400 mg", "paracetamol 1 g"]
    assert "4 out of 10 now" in signed_in.get("/diary").text


def test_the_form_shows_today_from_the_clock_passed_in(signed_in: TestClient) -> None:
    assert f'value="{TODAY.isoformat()}"' in signed_in.get("/diary").text


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"pain_now": "11"}, "Pain now: a whole number from 0"),
        ({"pain_now": "lots"}, "Pain now: a whole number from 0"),
        ({"pain_worst": "2"}, "not less than your pain now"),
        ({"sleep_hours": "30"}, "Sleep last night: hours from 0 to 24"),
        ({"day": "2026-03-03"}, "between 2000-01-01 and today"),
        ({"pain_now": ""}, "Pain now"),
    ],
)
def test_a_form_that_cannot_be_used_says_what_to_fix_and_keeps_what_was_typed(
    signed_in: TestClient, changes: dict[str, str], said: str
) -> None:
    reply = post_entry(signed_in, **changes)
    assert reply.status_code == 422 and said in reply.text
    assert "Walked for ten minutes" in reply.text
    assert signed_in.get("/api/diary/entries").json()["entries"] == []


def test_a_warning_sign_in_a_note_is_shown_first(signed_in: TestClient) -> None:
    reply = post_entry(signed_in, notes=EMERGENCY_TEXT)
    page = signed_in.get(reply.headers["location"]).text
    level = page.index('class="level level-')
    assert level < page.index("Pain now") and "emergency department" in page[level : level + 400]
    assert 'href="tel:' in page


def test_a_day_can_be_deleted(signed_in: TestClient) -> None:
    entry = signed_in.get(post_entry(signed_in).headers["location"])
    token = hidden_field(entry.text, "csrf_token")
    path = entry.url.path
    assert signed_in.post(f"{path}/delete", data={"csrf_token": token}).headers["location"] == "/diary"
    assert signed_in.get(path).status_code == 404


def test_the_diary_asks_to_log_in_first(app: FastAPI) -> None:
    with browser(app) as client:
        assert client.get("/diary").headers["location"] == "/account/login"


def test_the_api_keeps_reads_and_deletes_entries(app: FastAPI) -> None:
    with browser(app) as client:
        api_sign_up(client)
        entry = api_entry(client, day="2026-02-28", medicines=["ibuprofen"], notes="Stiff in the morning.")
        assert entry["day"] == "2026-02-28" and entry["medicines"] == ["ibuprofen"]
        assert client.get(f"/api/diary/entries/{entry['id']}").json() == entry
        today = api_entry(client)
        assert today["day"] == TODAY.isoformat()
        assert [e["id"] for e in client.get("/api/diary/entries").json()["entries"]] == [
            entry["id"],
            today["id"],
        ]
        assert client.delete(f"/api/diary/entries/{entry['id']}").json() == {"deleted": "entry"}
        assert client.get(f"/api/diary/entries/{entry['id']}").status_code == 404


def test_the_api_says_what_a_note_points_to(app: FastAPI) -> None:
    with browser(app) as client:
        api_sign_up(client)
        reply = client.post(
            "/api/diary/entries", json={"pain_now": 6, "pain_worst": 8, "notes": EMERGENCY_TEXT}
        )
        body = reply.json()
        assert body["note_level"] == "emergency" and body["note_level_title"] and body["warnings"] == []
        calm = client.post(
            "/api/diary/entries", json={"pain_now": 2, "pain_worst": 3, "notes": "Better today."}
        )
        assert calm.json()["note_level"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"pain_now": 5},
        {"pain_now": 5, "pain_worst": 11},
        {"pain_now": 5, "pain_worst": 4},
        {"pain_now": 5, "pain_worst": 6, "spasms": -1},
        {"pain_now": 5, "pain_worst": 6, "mood": "low"},
        {"pain_now": 5, "pain_worst": 6, "medicines": [""]},
    ],
)
def test_the_api_refuses_an_entry_that_cannot_be_kept(app: FastAPI, body: dict[str, object]) -> None:
    with browser(app) as client:
        api_sign_up(client)
        reply = client.post("/api/diary/entries", json=body)
        assert reply.status_code == 422 and reply.json()["error"]["code"] == "invalid_request"
        assert client.get("/api/diary/entries").json()["entries"] == []


def test_a_day_in_the_future_is_refused_by_the_api(app: FastAPI) -> None:
    with browser(app) as client:
        api_sign_up(client)
        reply = client.post("/api/diary/entries", json={"pain_now": 1, "pain_worst": 1, "day": "2026-03-03"})
        assert reply.status_code == 400 and "today" in reply.json()["error"]["message"]
