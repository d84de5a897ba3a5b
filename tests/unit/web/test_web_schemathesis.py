"""Property-based tests of the REST API from its own OpenAPI document (schemathesis).

Every generated request, valid or not, must get an answer that is not a server error (5xx).
The number of examples per operation is bounded so the test stays fast.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from web_helpers import make_settings

from lumbar.web import create_app

MAX_EXAMPLES = 20

# Built once for this module (schemathesis reads the schema when the tests are collected).
_HOME = Path(tempfile.mkdtemp(prefix="lumbar-schemathesis-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(make_settings(_HOME)))


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_no_operation_gives_a_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (
        f"{case.method} {case.path} -> {response.status_code}: {response.text[:300]}"
    )
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and {"status", "code", "message", "details"} == set(body["error"])
