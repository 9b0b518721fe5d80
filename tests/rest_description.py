"""GitHub's REST API description (the npm package ``@octokit/openapi``, installed under tests/openapi) as a
checker: a request's method, path, parameters and JSON body, and an answer's body, against the operation's
declared parameters and schemas. The fake GitHub (``github_server``) checks every request and answer with it.
"""
from __future__ import annotations

import functools
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

OPENAPI_DIR = Path(__file__).resolve().parent / "openapi"
SPEC_PATH = OPENAPI_DIR / "node_modules" / "@octokit" / "openapi" / "generated" / "api.github.com.json"
INSTALL_COMMAND = "npm install --prefix tests/openapi --no-audit --no-fund"
# Any endpoint may answer these, in the basic-error shape, whether or not the description lists them: 404 for
# what the token may not see, 403 for a permission it lacks.
GENERIC_ERRORS = (403, 404)


@functools.lru_cache(maxsize=1)
def load_spec() -> Spec:
    return Spec(json.loads(SPEC_PATH.read_text(encoding="utf-8")))


class Spec:
    """The parts of an OpenAPI 3.0 document a request check needs: routes, parameters, JSON schemas."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.routes = []
        for template, item in document["paths"].items():
            names = re.findall(r"\{([^}]+)\}", template)
            pattern = re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template))
            literal = len(re.sub(r"\{[^}]+\}", "", template))
            self.routes.append((literal, re.compile(pattern + "$"), names, template, item))
        self.routes.sort(key=lambda route: -route[0])  # the most specific template wins, as in a router

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            node = functools.reduce(lambda part, key: part[key], node["$ref"].lstrip("#/").split("/"), self.document)
        return node

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any], dict[str, str]] | None:
        for _, pattern, names, template, item in self.routes:
            found = pattern.match(path)
            if found and method.lower() in item:
                values = {name: unquote(value) for name, value in zip(names, found.groups(), strict=True)}
                return template, item, values
        return None

    def request_problems(self, method: str, path: str, query: dict[str, list[str]], body: bytes,
                         content_type: str) -> list[str]:
        match = self.operation(method, path)
        if match is None:
            return [f"{method} {path}: no operation of the spec has this method and path"]
        template, item, values = match
        operation = item[method.lower()]
        where = f"{method} {template}"
        problems = []
        declared = [self.resolve(p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]]
        for parameter in declared:
            name, schema = parameter["name"], self.resolve(parameter.get("schema", {}))
            if parameter["in"] == "path":
                problems += scalar_problems(schema, values.get(name, ""), f"{where}: path parameter {name}")
            elif parameter["in"] == "query" and name in query:
                if len(query[name]) > 1:
                    problems.append(f"{where}: query parameter {name} given {len(query[name])} times")
                problems += scalar_problems(schema, query[name][0], f"{where}: query parameter {name}")
            elif parameter["in"] == "query" and parameter.get("required"):
                problems.append(f"{where}: required query parameter {name} is missing")
        known = {p["name"] for p in declared if p["in"] == "query"}
        problems += [f"{where}: unknown query parameter {name}" for name in query if name not in known]
        return problems + self._body_problems(where, operation, body, content_type)

    def _body_problems(self, where: str, operation: dict[str, Any], body: bytes, content_type: str) -> list[str]:
        declared = self.resolve(operation.get("requestBody"))
        if not declared:
            return [f"{where}: the operation takes no body, got {len(body)} bytes"] if body else []
        if not body:
            return [f"{where}: the request body is required"] if declared.get("required") else []
        if content_type.split(";")[0].strip() != "application/json":
            return [f"{where}: body sent as {content_type!r}, not application/json"]
        try:
            value = json.loads(body)
        except ValueError as error:
            return [f"{where}: the body is not JSON ({error})"]
        schema = declared["content"]["application/json"]["schema"]
        return self.schema_problems(schema, value, f"{where}: body")

    def response_problems(self, method: str, path: str, status: int, value: Any) -> list[str]:
        match = self.operation(method, path)
        if match is None:
            return []
        template, item, _ = match
        declared = self.resolve(item[method.lower()]["responses"].get(str(status)))
        if declared is None and status in GENERIC_ERRORS:  # GitHub's refusals, listed or not, in its error shape
            declared = self.resolve({"$ref": "#/components/responses/not_found"})
        if declared is None:
            return [f"fake server: {method} {template} answered {status}, which the spec does not list"]
        schema = declared.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            return [] if value is None else [f"fake server: {method} {template} {status} must have no body"]
        return self.schema_problems(schema, value, f"fake server: {method} {template} {status}")

    def schema_problems(self, schema: Any, value: Any, where: str, strict: bool = True) -> list[str]:
        """A subset of JSON Schema: $ref, type, nullable, enum, required, properties, additionalProperties,
        items, allOf, anyOf, oneOf (as "at least one"). ``strict`` also refuses properties not named."""
        schema = self.resolve(schema) or {}
        problems = []
        for part in schema.get("allOf", []):
            problems += self.schema_problems(part, value, where, strict=False)
        for key in ("anyOf", "oneOf"):
            branches = [self.schema_problems(part, value, where, strict) for part in schema.get(key, [])]
            if branches and all(branches):
                problems.append(f"{where}: matches none of the {key} shapes, e.g. {branches[0][0]}")
        if value is None:
            return problems if schema.get("nullable") or "type" not in schema else [f"{where}: null"]
        kind = schema.get("type")
        if kind and not is_type(value, kind):
            return [*problems, f"{where}: {type(value).__name__} where the schema wants {kind}"]
        if "enum" in schema and value not in schema["enum"]:
            problems.append(f"{where}: {value!r} is not one of {schema['enum']}")
        if isinstance(value, list):
            for index, element in enumerate(value):
                problems += self.schema_problems(schema.get("items", {}), element, f"{where}[{index}]", strict)
        if isinstance(value, dict):
            problems += self._object_problems(schema, value, where, strict)
        return problems

    def _object_problems(self, schema: dict[str, Any], value: dict[str, Any], where: str, strict: bool) -> list[str]:
        problems = [f"{where}: required property {name} is missing" for name in schema.get("required", [])
                    if name not in value]
        properties, extra = schema.get("properties", {}), schema.get("additionalProperties")
        for name, element in value.items():
            if name in properties:
                problems += self.schema_problems(properties[name], element, f"{where}.{name}", strict)
            elif isinstance(extra, dict):
                problems += self.schema_problems(extra, element, f"{where}.{name}", strict)
            elif extra is False or (strict and properties and extra is None):
                problems.append(f"{where}: unknown property {name}")
        return problems


def is_type(value: Any, kind: str | list[str]) -> bool:
    if isinstance(kind, list):
        return any(is_type(value, k) for k in kind)
    checks = {"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
              "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
              "array": lambda v: isinstance(v, list), "object": lambda v: isinstance(v, dict),
              "null": lambda v: v is None}
    return checks[kind](value)


def scalar_problems(schema: dict[str, Any], text: str, where: str) -> list[str]:
    """A path or query value (always text on the wire) against its parameter schema."""
    kind, problems = schema.get("type", "string"), []
    if text == "":
        problems.append(f"{where} is empty")
    elif kind == "integer" and not re.fullmatch(r"-?[0-9]+", text):
        problems.append(f"{where}: {text!r} is not an integer")
    elif kind == "boolean" and text not in ("true", "false"):
        problems.append(f"{where}: {text!r} is not true or false")
    elif "enum" in schema and text not in [str(choice) for choice in schema["enum"]]:
        problems.append(f"{where}: {text!r} is not one of {schema['enum']}")
    elif schema.get("format") == "date-time":
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"{where}: {text!r} is not an ISO 8601 time")
    return problems
