"""Every JSON route of the API says what it answers: a response schema with properties in OpenAPI."""

from __future__ import annotations

from typing import Any

from lumbar.web import WebSettings, create_app


def resolved(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with a ``$ref`` followed, and a list's item schema in place of the list."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return resolved(spec, spec["components"]["schemas"][name])
    if schema.get("type") == "array":
        return resolved(spec, schema["items"])
    return schema


def success_schemas() -> dict[str, dict[str, Any] | None]:
    spec = create_app(WebSettings()).openapi()
    found: dict[str, dict[str, Any] | None] = {}
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            content = operation["responses"].get("200", {}).get("content", {})
            if content and "application/json" not in content:
                continue  # a file (FHIR JSON, CSV): its own media type, described where it is declared
            schema = content.get("application/json", {}).get("schema")
            found[f"{method.upper()} {path}"] = resolved(spec, schema) if schema else None
    return found


def test_every_json_route_has_a_response_schema_with_properties() -> None:
    schemas = success_schemas()
    assert len(schemas) >= 9
    untyped = [route for route, schema in schemas.items() if not (schema and schema.get("properties"))]
    assert not untyped, f"give these routes a response model: {untyped}"


def test_assess_answers_the_assessment_schema() -> None:
    properties = success_schemas()["POST /api/assess"] or {}
    assert {
        "level",
        "level_reasons",
        "causes",
        "findings",
        "next_questions",
        "advice",
        "sources",
        "disclaimer",
    } <= set(properties.get("properties", {}))
