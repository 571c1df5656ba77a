"""docker-compose.yml against the Compose Specification's JSON schema, vendored in
deploy/compose-spec.schema.json (its source and commit: deploy/compose-spec.schema.md), so the
check runs offline and without Docker. Mutated copies of the file prove the check can fail.

Then that it runs as shipped: every service of the Bulwark image gets an environment that
the project's own settings loader accepts in prod (with the `${VAR:?...}` values of .env
replaced by samples and the secret files written to a temporary directory), what the app
writes lands on a named volume, the three process roles are there, the kill switch's port is
published on 127.0.0.1 only, and Prometheus sends its alerts to Alertmanager."""

from __future__ import annotations

import copy
import json
import posixpath
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from cryptography.fernet import Fernet

from bootstrap.settings import Settings, SettingsError, load_settings
from tests.kit.compose import (
    COMPOSE,
    DOCKERFILE,
    ROOT,
    SECRETS_DIR,
    WORKDIR,
    app_services,
    compose,
    environ,
    write_secrets,
    written_paths,
)

SCHEMA = ROOT / "deploy" / "compose-spec.schema.json"
PROMETHEUS = ROOT / "deploy" / "prometheus" / "prometheus.yml"
ALERTMANAGER = ROOT / "deploy" / "alertmanager" / "alertmanager.yml"
# What an operator puts in .env (the compose file's header lists it).
DOT_ENV = {
    "POSTGRES_PASSWORD": "sample-password",
    "BULWARK_SECRET_KEY": Fernet.generate_key().decode(),
    "BULWARK_METRICS_TOKEN": "sample-metrics-token",
    "BULWARK_ALERTMANAGER_TOKEN": "sample-alertmanager-token",
    "GRAFANA_ADMIN_PASSWORD": "sample-grafana-password",
}


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text())
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


# --- the compose file runs as shipped -------------------------------------------------------


APP_SERVICES = sorted(app_services(compose()))


@pytest.fixture(scope="module")
def secret_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each top-level secret of the file, written with sample content to a temporary dir."""
    return write_secrets(compose(), tmp_path_factory.mktemp("secrets"))


def settings_of(service: Mapping[str, Any], secret_files: Mapping[str, Path]) -> Settings:
    return load_settings(environ(service, secret_files, DOT_ENV), env_file=None)


def named_mounts(document: Mapping[str, Any], service: Mapping[str, Any]) -> dict[str, str]:
    """target -> named volume, for the service's mounts of a volume declared at the top."""
    declared = set(document.get("volumes") or {})
    mounts = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, dict):
            source, target = volume["source"], volume["target"]
        else:
            source, target = volume.split(":")[:2]
        if source in declared:
            mounts[target] = source
    return mounts


def in_container(path: str) -> str:
    return posixpath.normpath(posixpath.join(WORKDIR, path))


def test_the_app_image_runs_the_api_the_consumers_and_surveillance() -> None:
    # Arrange
    services = compose()["services"]

    # Act
    commands = {name: " ".join(services[name]["command"]) for name in APP_SERVICES}

    # Assert
    assert APP_SERVICES == ["app", "consume", "surveil"]
    assert "bulwark serve" in commands["app"]
    assert commands["consume"] == "bulwark consume"
    assert commands["surveil"] == "bulwark surveil"
    assert f"WORKDIR {WORKDIR}\n" in DOCKERFILE.read_text()


@pytest.mark.parametrize("name", APP_SERVICES)
def test_every_app_service_mounts_the_jwt_key_and_the_key_encryption_keys(name: str) -> None:
    # Arrange
    document = compose()
    service = document["services"][name]

    # Act
    secrets = set(service.get("secrets", []))
    env = service["environment"]

    # Assert
    assert {"jwt_private_key", "keks"} <= secrets
    assert env["BULWARK_JWT_PRIVATE_KEY_FILE"] == f"{SECRETS_DIR}jwt_private_key"
    assert env["BULWARK_KEKS_FILE"] == f"{SECRETS_DIR}keks"
    assert "BULWARK_KEKS" not in env
    assert document["secrets"]["keks"]["file"] == "./secrets/keks"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_every_app_service_environment_loads_as_prod_settings(
    name: str, secret_files: dict[str, Path]
) -> None:
    # Arrange
    service = compose()["services"][name]

    # Act
    settings = settings_of(service, secret_files)

    # Assert
    assert settings.core.env == "prod"
    assert settings.keys.keks_file == str(secret_files["keks"])
    assert settings.identity.jwt_private_key_file == str(secret_files["jwt_private_key"])
    assert settings.store.database_url.startswith("postgresql+asyncpg://")
    assert settings.kafka.bootstrap


def test_an_app_service_without_the_key_encryption_keys_is_refused(
    secret_files: dict[str, Path],
) -> None:
    # Arrange: the app as the file shipped it before: no BULWARK_KEKS_FILE (a restart loop)
    service = copy.deepcopy(compose()["services"]["app"])
    del service["environment"]["BULWARK_KEKS_FILE"]

    # Act
    with pytest.raises(SettingsError) as refused:
        settings_of(service, secret_files)

    # Assert
    assert "BULWARK_KEKS_FILE" in str(refused.value)


@pytest.mark.parametrize("name", APP_SERVICES)
def test_what_the_app_writes_lands_on_a_named_volume(
    name: str, secret_files: dict[str, Path]
) -> None:
    # Arrange
    document = compose()
    service = document["services"][name]
    settings = settings_of(service, secret_files)

    # Act
    written = written_paths(settings)
    mounts = named_mounts(document, service)

    # Assert
    assert service["read_only"] is True
    assert settings.kyc.documents_store == "local"
    off_volume = {
        what: path
        for what, path in written.items()
        if not any(
            in_container(path) == target or in_container(path).startswith(target + "/")
            for target in mounts
        )
    }
    assert off_volume == {}, mounts
    assert mounts.get(f"{WORKDIR}/var") == "bulwarkdata"


def test_every_service_has_a_healthcheck() -> None:
    # Act
    services = compose()["services"]

    # Assert
    missing = [n for n, s in services.items() if not s.get("healthcheck", {}).get("test")]
    assert missing == []


def test_consume_serves_its_health_where_its_healthcheck_and_prometheus_look(
    secret_files: dict[str, Path],
) -> None:
    # Arrange
    service = compose()["services"]["consume"]
    settings = settings_of(service, secret_files)
    prometheus = yaml.safe_load(PROMETHEUS.read_text())

    # Act
    port = settings.observability.consume_metrics_port
    check = " ".join(service["healthcheck"]["test"])
    targets = {
        target
        for job in prometheus["scrape_configs"]
        for config in job["static_configs"]
        for target in config["targets"]
    }

    # Assert
    assert port > 0
    assert settings.observability.consume_metrics_host == "0.0.0.0"
    assert f"127.0.0.1:{port}/health" in check
    assert f"consume:{port}" in targets


def test_the_kill_switch_lane_port_is_published_on_127_0_0_1_only(
    secret_files: dict[str, Path],
) -> None:
    # Arrange
    service = compose()["services"]["app"]
    settings = settings_of(service, secret_files)

    # Act
    lane = settings.safety.kill_switch_port or settings.core.port + 1
    published = [str(p) for p in service["ports"] if str(p).endswith(f":{lane}")]

    # Assert
    assert settings.safety.kill_switch_lane
    assert published == [f"127.0.0.1:{lane}:{lane}"]


def test_prometheus_sends_its_alerts_to_alertmanager_which_posts_them_to_bulwark(
    secret_files: dict[str, Path],
) -> None:
    # Arrange
    services = compose()["services"]
    app = settings_of(services["app"], secret_files)
    prometheus = yaml.safe_load(PROMETHEUS.read_text())
    alertmanager = yaml.safe_load(ALERTMANAGER.read_text())

    # Act
    alert_targets = {
        target
        for manager in prometheus["alerting"]["alertmanagers"]
        for config in manager["static_configs"]
        for target in config["targets"]
    }
    hooks = [
        hook
        for receiver in alertmanager["receivers"]
        if receiver["name"] == alertmanager["route"]["receiver"]
        for hook in receiver["webhook_configs"]
    ]
    url = urlsplit(hooks[0]["url"])
    mounts = [v.split(":")[:2] for v in services["alertmanager"]["volumes"]]

    # Assert
    assert services["alertmanager"]["image"].startswith("prom/alertmanager:")
    assert ["./deploy/alertmanager", "/etc/alertmanager"] in mounts
    assert "alertmanager:9093" in alert_targets
    assert len(hooks) == 1
    assert (url.hostname, url.port, url.path) == (
        "app",
        app.core.port,
        "/api/v1/monitoring/alertmanager",
    )
    assert hooks[0]["send_resolved"] is True
    assert app.observability.alertmanager_token is not None
    assert "BULWARK_ALERTMANAGER_TOKEN" in services["alertmanager"]["environment"]
    token_file = hooks[0]["http_config"]["authorization"]["credentials_file"]
    assert token_file in " ".join(services["alertmanager"]["entrypoint"])
