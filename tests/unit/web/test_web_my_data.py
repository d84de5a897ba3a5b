"""Export-my-data (JSON and CSV of every row of the person) and delete-my-data (every row of the
person gone from every table, nobody else's touched)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from account_helpers import PASSWORD, api_entry, api_sign_up, browser, form_token
from sqlalchemy import func, select

from lumbar.store.models import Base, Person

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient


def rows_of(app: FastAPI, person_id: int) -> dict[str, int]:
    """How many rows of every table of the database belong to the person."""
    counts = {}
    with app.state.store.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            column = table.c.get("owner_id", None)
            if column is None and table.name == Person.__tablename__:
                column = table.c.id
            if column is not None:
                counts[table.name] = connection.execute(
                    select(func.count()).select_from(table).where(column == person_id)
                ).scalar_one()
    return counts


def person_with_rows(app: FastAPI, client: TestClient) -> int:
    """A signed-in person with two diary days, a saved assessment and a kept score; their id."""
    person = app.state.store.people.by_username(api_sign_up(client))
    api_entry(client, notes='=HYPERLINK("http://x")', medicines=["ibuprofen 400 mg"])
    api_entry(client, day="2026-02-27", pain_now=7, pain_worst=9)
    app.state.store.assessments.add(
        person.id, "self_care", {"assessment": {"level": "self_care"}}, datetime.now(UTC)
    )
    kept = {"questionnaire": "rmdq", "answers": {"stay_home": "ticked", "walk_slowly": "ticked"}}
    assert client.post("/api/diary/scores", json=kept).status_code == 200
    return int(person.id)


def test_the_json_export_holds_every_row_of_the_person(app: FastAPI) -> None:
    with browser(app) as client:
        person_with_rows(app, client)
        reply = client.get("/account/export.json")
        assert reply.headers["content-disposition"].startswith('attachment; filename="lumbar-')
        assert reply.headers["cache-control"] == "no-store"
        data = json.loads(reply.text)
        assert len(data["diary"]) == 2 and len(data["assessments"]) == 1
        [score] = data["scores"]
        assert (score["questionnaire"], score["total"]) == ("rmdq", 2)
        assert score["answers"] == {"stay_home": "ticked", "walk_slowly": "ticked"}
        assert "password" not in reply.text
        assert data == client.get("/api/account/export").json()


def test_the_csv_export_has_a_row_per_record_and_no_formulas(app: FastAPI) -> None:
    with browser(app) as client:
        person_with_rows(app, client)
        reply = client.get("/account/export.csv")
        assert reply.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(reply.text)))
        records = [row["record"] for row in rows]
        assert records == ["diary entry", "diary entry", "saved assessment", "questionnaire score"]
        assert (rows[3]["questionnaire"], rows[3]["score"], rows[3]["group"]) == ("rmdq", "2", "")
        assert json.loads(rows[3]["notes"])["answers"]["walk_slowly"] == "ticked"
        assert rows[0]["day"] == "2026-02-27" and rows[0]["pain_worst"] == "9"
        assert rows[1]["notes"].startswith("'=") and rows[1]["medicines"] == "ibuprofen 400 mg"


def test_deleting_my_data_leaves_no_row_of_mine_and_every_row_of_others(app: FastAPI) -> None:
    with browser(app) as other:
        other_id = person_with_rows(app, other)
    with browser(app) as client:
        person_id = person_with_rows(app, client)
        before = rows_of(app, person_id)
        assert before["person"] == 1 and before["diary_entry"] == 2 and before["saved_assessment"] == 1
        assert before["kept_score"] == 1
        page = client.get("/account/delete")
        assert "cannot be undone" in page.text
        token = form_token(client, "/account/delete")
        wrong = client.post("/account/delete", data={"password": "not my password", "csrf_token": token})
        assert wrong.status_code == 401 and rows_of(app, person_id) == before
        done = client.post("/account/delete", data={"password": PASSWORD, "csrf_token": token})
        assert done.status_code == 200 and "Your account is deleted" in done.text
        assert set(rows_of(app, person_id).values()) == {0}
        assert client.get("/api/account").status_code == 401
    assert rows_of(app, other_id) == before


def test_the_api_deletes_an_account_after_the_password_is_given_again(app: FastAPI) -> None:
    with browser(app) as client:
        person_id = person_with_rows(app, client)
        assert client.post("/api/account/delete", json={"password": "wrong password"}).status_code == 401
        assert client.post("/api/account/delete", json={"password": PASSWORD}).json() == {
            "deleted": "account"
        }
        assert set(rows_of(app, person_id).values()) == {0}
