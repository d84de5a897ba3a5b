"""One error shape for the API and plain error pages for people.

Every error under ``/api/`` is ``{"error": {"status", "code", "message", "details"}}``, whether
it is lumbar's own (bad input, unknown id, tampered token), a validation error, a 404/405 from
routing, or a crash. Everywhere else the same error is a page in plain words.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from lumbar.errors import (
    ConflictError,
    ExportError,
    InputError,
    InterviewError,
    KnowledgeError,
    LumbarError,
    NotFoundError,
    SignInError,
)

log = logging.getLogger("lumbar.web")

API_PREFIXES = ("/api/", "/openapi.json")
#: lumbar's errors -> HTTP status; any other LumbarError is a 400 (it was raised on purpose)
STATUS_OF: dict[type[LumbarError], int] = {
    InputError: 400,
    InterviewError: 400,
    NotFoundError: 404,
    SignInError: 401,
    ConflictError: 409,
    KnowledgeError: 500,
    ExportError: 500,
}
_CODE_OF_STATUS = {
    400: "bad_request",
    401: "not_signed_in",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}
PAGE_TITLES = {
    400: "We could not use that",
    401: "Please log in",
    403: "That was refused",
    404: "Page not found",
    405: "That did not work",
    413: "That was too long",
    422: "Something is missing",
    429: "Please wait a moment",
    500: "Something went wrong",
    503: "We are busy",
}


class Refusal(StarletteHTTPException):
    """A request the server refuses on purpose (too large, too many, …): its status, a stable code,
    a plain message, and headers such as ``Retry-After``. Answered in the one error shape."""

    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=dict(headers) if headers else None)
        self.code = code


class ErrorDetail(BaseModel):
    """One problem with a request: where it is and what is wrong."""

    field: str
    message: str


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="a stable machine-readable code, e.g. bad_input, not_found")
    message: str = Field(description="what went wrong and how to fix it, in plain words")
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    """The one shape of every API error."""

    error: ErrorBody


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses for these error statuses, each with the one error shape."""
    return {status: {"model": ErrorResponse, "description": HTTPStatus(status).phrase} for status in statuses}


#: documents the error shape on every API operation (400 also for a Host not allowed, 413 for a body
#: over the limit, 429 for a client over its rate)
ERROR_RESPONSES = documented(400, 404, 413, 422, 429, 500)
#: the further errors of the operations that post to an engine: another site (403), the engines busy
#: (429, as above) or the time budget spent (503)
ENGINE_ERROR_RESPONSES = documented(403, 503)


def status_of(exc: LumbarError) -> int:
    """The HTTP status for one of lumbar's errors."""
    for kind in type(exc).__mro__:
        if kind in STATUS_OF:
            return STATUS_OF[kind]
    return 400


def code_of_status(status: int) -> str:
    """The error code for an HTTP status without a lumbar error behind it."""
    return _CODE_OF_STATUS.get(status, "bad_request" if status < 500 else "internal_error")


def is_api(request: Request) -> bool:
    """True when the request is for the JSON API (errors as JSON), not a page."""
    return request.url.path.startswith(API_PREFIXES)


def error_json(
    status: int, code: str, message: str, details: list[ErrorDetail] | None = None
) -> JSONResponse:
    """The API's error response."""
    body = ErrorResponse(error=ErrorBody(status=status, code=code, message=message, details=details or []))
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


def capitalised(message: str) -> str:
    """A message as shown to a person: its first letter a capital."""
    return message[:1].upper() + message[1:] if message else message


def error_page(
    request: Request, status: int, message: str, details: list[ErrorDetail] | None = None
) -> Response:
    """The page shown to a person for an error."""
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": PAGE_TITLES.get(status, "That did not work"),
            "message": capitalised(message),
            "details": details or [],
        },
        status_code=status,
    )


def _respond(
    request: Request, status: int, code: str, message: str, details: list[ErrorDetail] | None = None
) -> Response:
    if is_api(request):
        return error_json(status, code, message, details)
    return error_page(request, status, message, details)


async def on_lumbar_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LumbarError)
    status = status_of(exc)
    if status >= 500:
        log.error("lumbar error on %s: %s", request.url.path, exc)
    return _respond(request, status, exc.code, str(exc))


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = exc.code if isinstance(exc, Refusal) else code_of_status(status)
    if isinstance(exc, Refusal):
        message = exc.detail
    elif status == 404:
        message = f"there is nothing at {request.url.path}."
    elif status == 405:
        message = f"{request.method} is not allowed on {request.url.path}."
    else:
        message = str(exc.detail) if exc.detail else HTTPStatus(status).phrase
    response = _respond(request, status, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def send_refusal(refusal: Refusal, scope: Scope, receive: Receive, send: Send) -> None:
    """Answer a refused request from inside an ASGI middleware, as the error handlers would."""
    response = await on_http_error(Request(scope, receive), refusal)
    await response(scope, receive, send)


def _details(exc: RequestValidationError) -> list[ErrorDetail]:
    details = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
        details.append(ErrorDetail(field=where or "request", message=str(error.get("msg", "is not valid"))))
    return details


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = _details(exc)
    summary = "; ".join(f"{d.field}: {d.message}" for d in details[:5])
    return _respond(request, 422, "invalid_request", f"the request is not valid ({summary}).", details)


async def on_crash(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return _respond(
        request,
        500,
        "internal_error",
        "something went wrong on our side. Please try again; if it keeps happening, tell us.",
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route every error, of any kind, to the one JSON shape or to an error page."""
    app.add_exception_handler(LumbarError, on_lumbar_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_crash)
