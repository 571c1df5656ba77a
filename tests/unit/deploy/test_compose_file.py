"""docker-compose.yml against the Compose Specification's JSON schema, vendored in
deploy/compose-spec.schema.json (its source and commit: deploy/compose-spec.schema.md), so the
check runs offline and without Docker. Mutated copies of the file prove the check can fail."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = ROOT / "docker-compose.yml"
SCHEMA = ROOT / "deploy" / "compose-spec.schema.json"


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text())
    return loaded


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def errors(document: dict[str, Any]) -> list[str]:
    # The schema declares draft 7 as "https://json-schema.org/draft-07/schema", a spelling
    # jsonschema does not map to a draft by itself: name the draft.
    validator = jsonschema.Draft7Validator(schema())
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_the_vendored_schema_is_a_valid_draft_7_schema() -> None:
    # Act
    spec = schema()

    # Assert
    assert "draft-07" in spec["$schema"]
    jsonschema.Draft7Validator.check_schema(spec)
    assert spec["title"] == "Compose Specification"


def test_docker_compose_yml_follows_the_compose_specification() -> None:
    # Act
    found = errors(compose())

    # Assert
    assert found == []


def test_the_services_the_deployment_needs_are_declared() -> None:
    # Act
    services = compose()["services"]

    # Assert
    assert {"app", "postgres", "redis", "kafka", "prometheus", "grafana"} <= set(services)


def _misspelt_service_key(document: dict[str, Any]) -> None:
    document["services"]["postgres"]["healthchek"] = document["services"]["postgres"].pop(
        "healthcheck"
    )


def _misspelt_top_level_key(document: dict[str, Any]) -> None:
    document["servics"] = document.pop("services")


def _ports_as_a_mapping(document: dict[str, Any]) -> None:
    document["services"]["redis"]["ports"] = {"6379": "6379"}


def _unknown_depends_on_condition(document: dict[str, Any]) -> None:
    document["services"]["app"]["depends_on"] = {"postgres": {"condition": "service_ready"}}


def _restart_as_a_list(document: dict[str, Any]) -> None:
    document["services"]["kafka"]["restart"] = ["unless-stopped"]


@pytest.mark.parametrize(
    "mutate",
    [
        _misspelt_service_key,
        _misspelt_top_level_key,
        _ports_as_a_mapping,
        _unknown_depends_on_condition,
        _restart_as_a_list,
    ],
    ids=lambda mutate: mutate.__name__.strip("_"),
)
def test_a_compose_file_that_breaks_the_specification_is_refused(
    mutate: Callable[[dict[str, Any]], None],
) -> None:
    # Arrange
    document = copy.deepcopy(compose())
    mutate(document)

    # Act
    found = errors(document)

    # Assert
    assert found, f"{mutate.__name__} was accepted"


def test_a_misspelt_key_is_refused_when_read_from_a_mutated_copy_of_the_file(
    tmp_path: Path,
) -> None:
    # Arrange: the file's own text, one service key misspelt, read back as YAML
    text = COMPOSE.read_text()
    assert "    healthcheck:\n" in text
    mutated = tmp_path / "docker-compose.yml"
    mutated.write_text(text.replace("    healthcheck:\n", "    healthchek:\n", 1))

    # Act
    found = errors(yaml.safe_load(mutated.read_text()))

    # Assert
    assert any("healthchek" in message for message in found), found


def test_extension_fields_stay_allowed() -> None:
    # Arrange
    document = copy.deepcopy(compose())
    document["x-bulwark-note"] = {"anything": ["goes"]}
    document["services"]["app"]["x-owner"] = "operations"

    # Act
    found = errors(document)

    # Assert
    assert found == []
