"""Reading deploy/kubernetes/ for its tests: the manifests, the workloads' containers, what
each container's environment and mounts are, and the Secrets the manifests read."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
MANIFESTS = ROOT / "deploy" / "kubernetes"
KUSTOMIZATION = MANIFESTS / "kustomization.yaml"
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job"}

Resource = dict[str, Any]


def manifest_files() -> list[Path]:
    return sorted(path for path in MANIFESTS.glob("*.yaml") if path != KUSTOMIZATION)


def resources() -> list[Resource]:
    """Every object of every manifest, in file order."""
    return [
        document
        for path in manifest_files()
        for document in yaml.safe_load_all(path.read_text())
        if document is not None
    ]


def fresh() -> list[Resource]:
    """A copy to mutate."""
    return copy.deepcopy(resources())


def named(objects: list[Resource], kind: str, name: str) -> Resource:
    found = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} in deploy/kubernetes"
    return found[0]


def of_kind(objects: list[Resource], kind: str) -> list[Resource]:
    return [o for o in objects if o["kind"] == kind]


@dataclass(frozen=True)
class Workload:
    """One container of a Deployment or Job, with the pod spec it runs in."""

    resource: Resource
    container: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.resource['kind']}/{self.resource['metadata']['name']}"

    @property
    def pod(self) -> dict[str, Any]:
        spec: dict[str, Any] = self.resource["spec"]["template"]["spec"]
        return spec

    @property
    def labels(self) -> dict[str, str]:
        labels: dict[str, str] = self.resource["spec"]["template"]["metadata"]["labels"]
        return labels

    def volume(self, name: str) -> dict[str, Any]:
        return next(v for v in self.pod.get("volumes", []) if v["name"] == name)

    def port(self, name_or_number: str | int) -> int:
        if isinstance(name_or_number, int):
            return name_or_number
        ports: dict[str, int] = {
            p["name"]: p["containerPort"] for p in self.container.get("ports", [])
        }
        return ports[name_or_number]


def workloads(objects: list[Resource]) -> list[Workload]:
    return [
        Workload(resource, container)
        for resource in objects
        if resource["kind"] in WORKLOAD_KINDS
        for container in [
            *resource["spec"]["template"]["spec"].get("initContainers", []),
            *resource["spec"]["template"]["spec"]["containers"],
        ]
    ]


def configmaps(objects: list[Resource]) -> dict[str, dict[str, str]]:
    return {o["metadata"]["name"]: o.get("data", {}) for o in of_kind(objects, "ConfigMap")}


def env_sources(workload: Workload, objects: list[Resource]) -> dict[str, tuple[str, Any]]:
    """Each variable the container is given, with where it comes from: ("value", text) for
    a ConfigMap's or the manifest's own value, ("secret", (secret, key)) for a Secret's."""
    maps = configmaps(objects)
    found: dict[str, tuple[str, Any]] = {}
    for source in workload.container.get("envFrom", []):
        if "configMapRef" in source:
            for key, value in maps[source["configMapRef"]["name"]].items():
                found[source.get("prefix", "") + key] = ("value", value)
        if "secretRef" in source:
            raise AssertionError(f"{workload.name}: envFrom a Secret hides which keys it needs")
    for item in workload.container.get("env", []):
        if "value" in item:
            found[item["name"]] = ("value", item["value"])
        elif "configMapKeyRef" in item.get("valueFrom", {}):
            ref = item["valueFrom"]["configMapKeyRef"]
            found[item["name"]] = ("value", maps[ref["name"]][ref["key"]])
        elif "secretKeyRef" in item.get("valueFrom", {}):
            ref = item["valueFrom"]["secretKeyRef"]
            found[item["name"]] = ("secret", (ref["name"], ref["key"]))
    return found


def secret_files(workload: Workload) -> dict[str, tuple[str, str]]:
    """The path of each file a mounted Secret puts in the container -> (secret, key)."""
    files = {}
    for mount in workload.container.get("volumeMounts", []):
        secret = workload.volume(mount["name"]).get("secret")
        if secret is None:
            continue
        for item in secret.get("items", []):
            files[f"{mount['mountPath'].rstrip('/')}/{item['path']}"] = (
                secret["secretName"],
                item["key"],
            )
    return files


def secret_keys_read(objects: list[Resource]) -> dict[str, set[str]]:
    """secret name -> the keys the workloads read from it (as variables or as files)."""
    read: dict[str, set[str]] = {}
    for workload in workloads(objects):
        for kind, source in env_sources(workload, objects).values():
            if kind == "secret":
                read.setdefault(source[0], set()).add(source[1])
        for secret, key in secret_files(workload).values():
            read.setdefault(secret, set()).add(key)
    return read


def claim_mounts(workload: Workload) -> dict[str, str]:
    """mount path -> the PersistentVolumeClaim mounted there."""
    mounts = {}
    for mount in workload.container.get("volumeMounts", []):
        claim = workload.volume(mount["name"]).get("persistentVolumeClaim")
        if claim is not None:
            mounts[mount["mountPath"]] = claim["claimName"]
    return mounts


def empty_dir_mounts(workload: Workload) -> set[str]:
    return {
        mount["mountPath"]
        for mount in workload.container.get("volumeMounts", [])
        if "emptyDir" in workload.volume(mount["name"])
    }


def probes(workload: Workload) -> Iterator[tuple[str, dict[str, Any]]]:
    for kind in ("startupProbe", "livenessProbe", "readinessProbe"):
        if kind in workload.container:
            yield kind, workload.container[kind]


def selects(selector: Mapping[str, str], labels: Mapping[str, str]) -> bool:
    return bool(selector) and all(labels.get(key) == value for key, value in selector.items())
