"""``/docs``: the API's reference, rendered on the server from the OpenAPI schema.

FastAPI's own docs page loads its scripts from the internet; lumbar works offline, so this page
lists the operations, their bodies and answers from ``/openapi.json`` with no scripts at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lumbar.web.deps import TemplatesDep
from lumbar.web.operator_notes import limit_notes

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@dataclass(frozen=True)
class Operation:
    """One API operation as listed on the docs page."""

    method: str
    path: str
    summary: str
    description: str
    body: str | None
    responses: list[tuple[str, str]]


def _ref_name(schema: dict[str, Any] | None) -> str | None:
    if not schema:
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1]
    return str(schema.get("type", "object"))


def operations(spec: dict[str, Any]) -> list[Operation]:
    """The operations of an OpenAPI document, in path order."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            content: dict[str, Any] = op.get("requestBody", {}).get("content", {})
            body = _ref_name(next(iter(content.values())).get("schema")) if content else None
            responses = []
            for status, answer in op.get("responses", {}).items():
                schema = answer.get("content", {}).get("application/json", {}).get("schema")
                responses.append(
                    (status, f"{answer.get('description', '')} ({_ref_name(schema) or 'no body'})")
                )
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    body=body,
                    responses=responses,
                )
            )
    return found


@router.get("/docs")
def api_docs(request: Request, templates: TemplatesDep) -> Response:
    """The API reference page."""
    spec = request.app.openapi()
    return templates.TemplateResponse(
        request,
        "api_docs.html",
        {
            "operations": operations(spec),
            "schemas": sorted(spec.get("components", {}).get("schemas", {})),
            "limits": limit_notes(request.app.state.settings),
        },
    )
