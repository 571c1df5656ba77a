"""deploy/kubernetes/ against the Kubernetes OpenAPI schemas of one pinned release (strict:
an unknown field is an error), with the schemas kubernetes-validate ships in its wheel, so
the check runs offline and without a cluster. Mutated copies prove the check can fail.

Then that the manifests run what docker-compose.yml runs: each Bulwark service of the
compose file has workloads running its `bulwark` commands with every BULWARK_* variable
compose gives it; each workload's environment (the Secrets replaced by samples) loads with
Bulwark's own settings loader in prod; what the app writes lands on the shared claim; the
probes ask routes the process serves on that port; the kill switch's lane has a Service of
its own that only operators reach; one surveil; the Secrets docs/deployment.md creates are
the ones the manifests read."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from cryptography.fernet import Fernet

from bootstrap.settings import Settings, SettingsError, load_settings
from tests.kit.compose import (
    app_services,
    compose,
    interpolated,
    secret_content,
    written_paths,
)
from tests.unit.deploy import kubernetes_manifests as k8s
from tests.unit.deploy.kubernetes_manifests import Resource, Workload
from tests.unit.deploy.test_compose_file import DOT_ENV, in_container

# The oldest Kubernetes release the manifests must apply to (schemas of later ones accept them
# too unless a field was removed; kubernetes-validate ships each release's).
KUBERNETES_VERSION = "1.30"
DEPLOYMENT_DOC = k8s.ROOT / "docs" / "deployment.md"
# BULWARK_* variables docker-compose.yml sets that the manifests deliberately do not, with
# the reason. None today: every one compose sets is set here too.
ENV_EXCEPTIONS: dict[str, str] = {}
# Set here too, to other values: compose runs these services beside the app, the manifests
# point at the operator's own.
EXTERNAL_ADDRESSES = {"BULWARK_REDIS_URL", "BULWARK_KAFKA_BOOTSTRAP"}
# What an operator puts in the bulwark-env Secret (docs/deployment.md), as samples.
SECRET_SAMPLES = {
    "BULWARK_DATABASE_URL": "postgresql+asyncpg://bulwark:sample@postgres.example:5432/bulwark",
    "BULWARK_SECRET_KEY": Fernet.generate_key().decode(),
    "BULWARK_METRICS_TOKEN": "sample-metrics-token",
    "BULWARK_ALERTMANAGER_TOKEN": "sample-alertmanager-token",
}
OBJECTS = k8s.resources()
WORKLOADS = {w.name: w for w in k8s.workloads(OBJECTS)}
COMPOSE_SERVICES = app_services(compose())


def schema_errors(resource: Resource) -> list[str]:
    try:
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as error:
        return [f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"]
    except kubernetes_validate.SchemaNotFoundError as error:
        return [error.message]
    return []


# --- the Kubernetes schemas ------------------------------------------------------------------


def test_the_kustomization_lists_every_manifest() -> None:
    # Act
    kustomization = yaml.safe_load(k8s.KUSTOMIZATION.read_text())

    # Assert
    assert kustomization["kind"] == "Kustomization"
    assert sorted(kustomization["resources"]) == [p.name for p in k8s.manifest_files()]


@pytest.mark.parametrize("resource", OBJECTS, ids=lambda r: f"{r['kind']}/{r['metadata']['name']}")
def test_every_manifest_follows_the_kubernetes_schemas(resource: Resource) -> None:
    # Act
    found = schema_errors(resource)

    # Assert
    assert found == []


def _misspelt_probe(objects: list[Resource]) -> Resource:
    api = k8s.named(objects, "Deployment", "bulwark-api")
    container = api["spec"]["template"]["spec"]["containers"][0]
    container["readynessProbe"] = container.pop("readinessProbe")
    return api


def _replicas_as_text(objects: list[Resource]) -> Resource:
    api = k8s.named(objects, "Deployment", "bulwark-api")
    api["spec"]["replicas"] = "3"
    return api


def _config_value_as_a_number(objects: list[Resource]) -> Resource:
    config = k8s.named(objects, "ConfigMap", "bulwark-config")
    config["data"]["BULWARK_PORT"] = 8000
    return config


def _removed_api_version(objects: list[Resource]) -> Resource:
    budget = k8s.named(objects, "PodDisruptionBudget", "bulwark-api")
    budget["apiVersion"] = "policy/v1beta1"  # gone since Kubernetes 1.25
    return budget


@pytest.mark.parametrize(
    "mutate",
    [_misspelt_probe, _replicas_as_text, _config_value_as_a_number, _removed_api_version],
    ids=lambda mutate: mutate.__name__.strip("_"),
)
def test_a_manifest_that_breaks_the_schemas_is_refused(
    mutate: Callable[[list[Resource]], Resource],
) -> None:
    # Arrange
    resource = mutate(k8s.fresh())

    # Act
    found = schema_errors(resource)

    # Assert
    assert found, f"{mutate.__name__} was accepted"


# --- what docker-compose.yml runs --------------------------------------------------------------


def bulwark_commands(command: list[str]) -> list[str]:
    """`bulwark X` of a command line, in order: `sh -c "bulwark migrate && exec bulwark serve"`
    runs migrate and serve."""
    return re.findall(r"\bbulwark ([a-z][a-z-]*)", " ".join(command))


def running(command: str, workloads: dict[str, Workload] = WORKLOADS) -> list[Workload]:
    return [w for w in workloads.values() if w.container.get("command") == ["bulwark", command]]


def unset_variables(service: str, objects: list[Resource]) -> dict[str, set[str]]:
    """workload -> the BULWARK_* variables compose gives `service` that it is not given."""
    wanted = {
        name
        for name in COMPOSE_SERVICES[service]["environment"]
        if name.startswith("BULWARK_") and name not in ENV_EXCEPTIONS
    }
    missing = {}
    for command in bulwark_commands(COMPOSE_SERVICES[service]["command"]):
        for workload in running(command, {w.name: w for w in k8s.workloads(objects)}):
            missing[workload.name] = wanted - set(k8s.env_sources(workload, objects))
    return missing


def test_every_bulwark_service_of_compose_runs_its_commands_here() -> None:
    # Act
    wanted = {
        service: bulwark_commands(spec["command"]) for service, spec in COMPOSE_SERVICES.items()
    }
    here = {tuple(w.container["command"]) for w in WORKLOADS.values()}

    # Assert
    assert wanted == {"app": ["migrate", "serve"], "consume": ["consume"], "surveil": ["surveil"]}
    for commands in wanted.values():
        for command in commands:
            assert len(running(command)) == 1, command
    assert here == {("bulwark", c) for commands in wanted.values() for c in commands}
    assert [w.resource["kind"] for w in running("migrate")] == ["Job"]
    assert [w.resource["kind"] for w in running("serve")] == ["Deployment"]


@pytest.mark.parametrize("service", sorted(COMPOSE_SERVICES))
def test_every_bulwark_variable_compose_sets_is_set_here(service: str) -> None:
    # Act
    missing = unset_variables(service, OBJECTS)

    # Assert
    assert missing
    assert all(names == set() for names in missing.values()), missing


def test_a_variable_missing_from_the_config_map_is_caught() -> None:
    # Arrange
    objects = k8s.fresh()
    del k8s.named(objects, "ConfigMap", "bulwark-config")["data"]["BULWARK_KEKS_FILE"]

    # Act
    missing = unset_variables("app", objects)

    # Assert
    assert missing == {
        "Job/bulwark-migrate": {"BULWARK_KEKS_FILE"},
        "Deployment/bulwark-api": {"BULWARK_KEKS_FILE"},
    }


@pytest.mark.parametrize("service", sorted(COMPOSE_SERVICES))
def test_plain_values_are_the_ones_compose_sets(service: str) -> None:
    # Arrange
    compose_env = {
        name: interpolated(str(value), DOT_ENV)
        for name, value in COMPOSE_SERVICES[service]["environment"].items()
        if name.startswith("BULWARK_") and name not in EXTERNAL_ADDRESSES
    }

    # Act
    differing = {}
    for command in bulwark_commands(COMPOSE_SERVICES[service]["command"]):
        for workload in running(command):
            for name, (kind, value) in k8s.env_sources(workload, OBJECTS).items():
                if kind == "value" and name in compose_env and value != compose_env[name]:
                    differing[(workload.name, name)] = (value, compose_env[name])

    # Assert
    assert differing == {}


# --- the workloads run as shipped --------------------------------------------------------------


def environ(
    workload: Workload, sample_files: dict[str, Path], objects: list[Resource] = OBJECTS
) -> dict[str, str]:
    """The container's environment as the pod sees it, the Secrets' values replaced by the
    samples and the paths of mounted Secret files by sample files."""
    files = k8s.secret_files(workload)
    env = {}
    for name, (kind, value) in k8s.env_sources(workload, objects).items():
        if kind == "secret":
            assert value[1] in SECRET_SAMPLES, f"{value}: no sample (add one to SECRET_SAMPLES)"
            value = SECRET_SAMPLES[value[1]]
        if value in files:
            value = str(sample_files[files[value][1]])
        env[name] = value
    return env


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each key of a mounted Secret, written with sample content to a temporary dir."""
    folder = tmp_path_factory.mktemp("secrets")
    files = {}
    for workload in WORKLOADS.values():
        for _, key in k8s.secret_files(workload).values():
            files[key] = folder / key
            files[key].write_text(secret_content(key))
    return files


def settings_of(workload: Workload, sample_files: dict[str, Path]) -> Settings:
    return load_settings(environ(workload, sample_files), env_file=None)


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_every_workload_environment_loads_as_prod_settings(
    name: str, sample_files: dict[str, Path]
) -> None:
    # Act
    settings = settings_of(WORKLOADS[name], sample_files)

    # Assert
    assert settings.core.env == "prod"
    assert settings.keys.keks_file == str(sample_files["keks"])
    assert settings.identity.jwt_private_key_file == str(sample_files["jwt_private_key"])
    assert settings.store.database_url.startswith("postgresql+asyncpg://")
    assert settings.kafka.bootstrap
    assert settings.observability.metrics_token is not None


def test_a_workload_without_the_key_encryption_keys_is_refused(
    sample_files: dict[str, Path],
) -> None:
    # Arrange: the keks item dropped from the API's mounted Secret
    objects = k8s.fresh()
    api = next(w for w in k8s.workloads(objects) if w.name == "Deployment/bulwark-api")
    keys = api.volume("keys")["secret"]
    keys["items"] = [item for item in keys["items"] if item["key"] != "keks"]

    # Act
    with pytest.raises(SettingsError) as refused:
        load_settings(environ(api, sample_files, objects), env_file=None)

    # Assert: BULWARK_KEKS_FILE names a file the pod does not have
    assert "/run/secrets/keks" in str(refused.value)


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_what_the_app_writes_lands_on_the_shared_claim(
    name: str, sample_files: dict[str, Path]
) -> None:
    # Arrange
    workload = WORKLOADS[name]
    written = written_paths(settings_of(workload, sample_files))

    # Act
    mounts = k8s.claim_mounts(workload)
    off_claim = {
        what: path
        for what, path in written.items()
        if not any(in_container(path).startswith(target + "/") for target in mounts)
    }
    claim = k8s.named(OBJECTS, "PersistentVolumeClaim", mounts["/app/var"])

    # Assert
    assert off_claim == {}, mounts
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]  # every replica, every node
    assert "/tmp" in k8s.empty_dir_mounts(workload)


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_every_container_is_hardened_and_sized(name: str) -> None:
    # Arrange
    workload = WORKLOADS[name]

    # Act
    pod, container = workload.pod["securityContext"], workload.container["securityContext"]
    resources = workload.container["resources"]

    # Assert
    assert pod["runAsNonRoot"] is True
    assert pod["runAsUser"] == 10001  # the Dockerfile's user
    assert container["readOnlyRootFilesystem"] is True
    assert container["allowPrivilegeEscalation"] is False
    assert container["capabilities"]["drop"] == ["ALL"]
    assert {"cpu", "memory"} <= set(resources["requests"]) & set(resources["limits"])
    assert workload.pod["automountServiceAccountToken"] is False


# --- probes, ports and Services ----------------------------------------------------------------


def routes_by_port(settings: Settings) -> dict[int, set[str]]:
    """The GET routes each listener of a Bulwark process serves, by port: the API's and the
    lane's both mount the health context (bootstrap/containers/http.py), consume's metrics
    listener its own /health."""
    from adapters.http.core import HealthServices, health_context
    from adapters.http.services import HttpConfig
    from adapters.memory.clock import SystemClock
    from bootstrap import consume_metrics

    health = {
        route.path
        for router in health_context(HealthServices(SystemClock())).routers(HttpConfig())
        for route in router.routes
    }
    return {
        settings.core.port: health,
        settings.safety.kill_switch_port or settings.core.port + 1: health,
        settings.observability.consume_metrics_port: set(consume_metrics.health.paths),
    }


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_every_probe_asks_a_route_the_process_serves_on_that_port(
    name: str, sample_files: dict[str, Path]
) -> None:
    # Arrange
    workload = WORKLOADS[name]
    served = routes_by_port(settings_of(workload, sample_files))

    # Act
    asked = {
        kind: (workload.port(probe["httpGet"]["port"]), probe["httpGet"]["path"])
        for kind, probe in k8s.probes(workload)
    }

    # Assert
    assert all("httpGet" in probe for _, probe in k8s.probes(workload))
    assert {kind: path for kind, (port, path) in asked.items() if path not in served[port]} == {}


def test_the_api_starts_lives_and_is_ready_on_its_own_routes(
    sample_files: dict[str, Path],
) -> None:
    # Arrange
    api = running("serve")[0]
    settings = settings_of(api, sample_files)

    # Act
    asked = {kind: probe["httpGet"]["path"] for kind, probe in k8s.probes(api)}

    # Assert
    assert asked == {
        "startupProbe": "/health",
        "livenessProbe": "/health",
        "readinessProbe": "/ready",
    }
    assert api.port("http") == settings.core.port
    assert api.port("kill-switch") == settings.safety.kill_switch_port
    assert api.resource["spec"]["replicas"] == 3


def test_consume_serves_its_health_on_the_port_its_settings_name(
    sample_files: dict[str, Path],
) -> None:
    # Arrange
    consume = running("consume")[0]

    # Act
    settings = settings_of(consume, sample_files)

    # Assert
    assert consume.port("metrics") == settings.observability.consume_metrics_port == 9101
    assert settings.observability.consume_metrics_host == "0.0.0.0"
    assert consume.resource["spec"]["replicas"] <= settings.kafka.partitions


def test_surveil_is_one_reader_even_during_a_rollout() -> None:
    # Act
    surveil = running("surveil")[0].resource["spec"]

    # Assert
    assert surveil["replicas"] == 1
    assert surveil["strategy"] == {"type": "Recreate"}


def services_of(workload: Workload) -> dict[str, Resource]:
    return {
        s["metadata"]["name"]: s
        for s in k8s.of_kind(OBJECTS, "Service")
        if k8s.selects(s["spec"]["selector"], workload.labels)
    }


def test_the_lane_has_a_cluster_ip_service_of_its_own_that_only_operators_reach() -> None:
    # Arrange
    api = running("serve")[0]
    lane = api.port("kill-switch")
    services = services_of(api)

    # Act
    exposing = {
        name: {api.port(p["targetPort"]) for p in s["spec"]["ports"]}
        for name, s in services.items()
    }
    policy = k8s.named(OBJECTS, "NetworkPolicy", "bulwark-api-ingress")
    rules = {p["port"]: r.get("from") for r in policy["spec"]["ingress"] for p in r["ports"]}

    # Assert
    assert exposing == {"bulwark-api": {api.port("http")}, "bulwark-kill-switch": {lane}}
    lane_service = services["bulwark-kill-switch"]["spec"]
    assert lane_service["type"] == "ClusterIP"
    # The lane answers while /ready fails (a busy loop, the store down): keep its endpoints.
    assert lane_service["publishNotReadyAddresses"] is True
    assert k8s.selects(policy["spec"]["podSelector"]["matchLabels"], api.labels)
    assert rules[lane] == [
        {"namespaceSelector": {"matchLabels": {"bulwark/kill-switch-operators": "true"}}}
    ]
    assert rules[api.port("http")] is None  # from anywhere
    assert k8s.of_kind(OBJECTS, "Ingress") == []


def test_a_disruption_leaves_most_api_replicas_running() -> None:
    # Arrange
    api = running("serve")[0]

    # Act
    budget = k8s.named(OBJECTS, "PodDisruptionBudget", "bulwark-api")["spec"]

    # Assert
    assert k8s.selects(budget["selector"]["matchLabels"], api.labels)
    assert 0 < budget["minAvailable"] < api.resource["spec"]["replicas"]


# --- the Secrets docs/deployment.md creates ----------------------------------------------------


def documented_secrets(text: str) -> dict[str, set[str]]:
    """secret -> keys, of each `kubectl ... create secret generic NAME --from-...=KEY=...`."""
    joined = text.replace("\\\n", " ")
    command = re.compile(r"kubectl\b[^\n]*?\bcreate secret generic ([\w-]+)([^\n]*)")
    return {
        match[1]: set(re.findall(r"--from-(?:file|literal)=([\w.-]+)=", match[2]))
        for match in command.finditer(joined)
    }


def test_the_deployment_guide_creates_the_secrets_the_manifests_read() -> None:
    # Act
    documented = documented_secrets(DEPLOYMENT_DOC.read_text())

    # Assert
    assert documented == k8s.secret_keys_read(OBJECTS)


def test_a_secret_key_the_guide_does_not_create_is_caught() -> None:
    # Arrange
    objects = k8s.fresh()
    api = next(w for w in k8s.workloads(objects) if w.name == "Deployment/bulwark-api")
    api.container["env"].append(
        {"name": "BULWARK_REDIS_URL", "valueFrom": {"secretKeyRef": _ref("BULWARK_REDIS_URL")}}
    )

    # Act
    documented = documented_secrets(DEPLOYMENT_DOC.read_text())

    # Assert
    assert documented != k8s.secret_keys_read(objects)


def _ref(key: str) -> dict[str, Any]:
    return {"name": "bulwark-env", "key": key}


def by_name(objects: list[Resource]) -> dict[tuple[str, str], Resource]:
    return {(o["kind"], o["metadata"]["name"]): o for o in objects}


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not on PATH")
def test_kustomize_builds_the_manifests_as_they_are() -> None:
    # Act
    built = subprocess.run(
        ["kubectl", "kustomize", str(k8s.MANIFESTS)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    # Assert
    assert built.returncode == 0, built.stderr
    assert by_name(list(yaml.safe_load_all(built.stdout))) == by_name(OBJECTS)
