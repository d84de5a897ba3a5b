"""Property-based tests of the REST API from its own OpenAPI document (schemathesis).

Every generated request, valid or not, must get an answer that is not a server error (5xx), and
every error must have the one shape. The stateless test tries each operation alone; the stateful
test follows the OpenAPI links (an interview reply's token goes back to /api/interview/step with a
generated answer), so whole interviews are walked. The app runs with every limit in place (body
size, allowed hosts, rate, pool, time budget), raised only where a test run would reach it. The
number of examples is bounded so the tests stay fast.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from web_helpers import make_settings

from lumbar.web import create_app

MAX_EXAMPLES = 20
#: scenarios of the stateful test, and calls in each
STATEFUL_EXAMPLES = 8
STATEFUL_STEPS = 6

# Built once for this module (schemathesis reads the schema when the tests are collected).
_HOME = Path(tempfile.mkdtemp(prefix="lumbar-schemathesis-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(make_settings(_HOME)))

HYPOTHESIS = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "derandomize": True,
    "database": None,
}


def check_answer(case: schemathesis.Case, response: Any) -> None:
    """No server error, and every error in the one shape."""
    assert response.status_code < 500, (
        f"{case.method} {case.path} -> {response.status_code}: {response.text[:300]}"
    )
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and {"status", "code", "message", "details"} == set(body["error"])


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, **HYPOTHESIS)
def test_no_operation_gives_a_server_error(case: schemathesis.Case) -> None:
    check_answer(case, case.call())


#: the operations the stateful test walks: the interview's (the account and diary operations are tried
#: one by one above, and signed in in test_web_diary_api)
INTERVIEW = schema.include(path_regex="^/api/interview/")


class InterviewWalk(INTERVIEW.as_state_machine()):  # type: ignore[misc]
    """Chains of calls along the OpenAPI links, checked with :func:`check_answer`."""

    def validate_response(self, response: Any, case: schemathesis.Case, *args: Any, **kwargs: Any) -> None:
        WALKED.append((case.operation.label, response.status_code))
        check_answer(case, response)


#: (operation, status) of every call the stateful test made
WALKED: list[tuple[str, int]] = []


def test_the_links_lead_from_an_interview_start_to_its_steps() -> None:
    for path in ("/api/interview/start", "/api/interview/step"):
        links = schema[path]["POST"].definition.raw["responses"]["200"]["links"]
        assert {link["operationId"] for link in links.values()} == {"interview_step"}
        assert all(link["requestBody"]["token"] == "$response.body#/token" for link in links.values())


def test_stateful_walks_along_the_links_give_no_server_error() -> None:
    WALKED.clear()
    InterviewWalk.run(
        settings=settings(max_examples=STATEFUL_EXAMPLES, stateful_step_count=STATEFUL_STEPS, **HYPOTHESIS)
    )
    # The walks carried real tokens along the links: steps were answered, not only refused.
    assert WALKED.count(("POST /api/interview/step", 200)) >= 2, WALKED
