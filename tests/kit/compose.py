"""docker-compose.yml and the Dockerfile as the tests read them, without Docker: the services of
the Bulwark image, each one's environment as its container sees it (.env interpolated, the
secrets written as files), and the image's own runtime ENV.

Used by tests/unit/deploy/test_compose_file.py (the file's settings load in prod) and
tests/integration/test_compose_as_processes.py (the services run as local processes)."""

from __future__ import annotations

import base64
import os
import re
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from adapters.security.jwt_tokens import new_signing_key
from bootstrap.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
APP_IMAGE = "bulwark:latest"
WORKDIR = "/app"  # the Dockerfile's: relative paths of the settings resolve there
SECRETS_DIR = "/run/secrets/"

_INTERPOLATION = re.compile(
    r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::?(?P<op>[?-])(?P<arg>[^}]*))?\}"
)


def compose() -> dict[str, Any]:
    """The file as Compose reads it; PyYAML resolves the anchors and `<<` merge keys."""
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def app_services(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The services of the Bulwark image: built from this directory, or run from its tag."""
    return {
        name: service
        for name, service in document["services"].items()
        if service.get("build") in (".", "./") or service.get("image") == APP_IMAGE
    }


def interpolated(value: str, dot_env: Mapping[str, str]) -> str:
    """The value as Compose makes it from .env: `${VAR:?message}` must be set, `${VAR:-x}`
    falls back to x; a required variable missing from `dot_env` fails here, by its name."""

    def one(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        if name in dot_env:
            return dot_env[name]
        if op == "-":
            return arg or ""
        raise AssertionError(f"{name} is required by docker-compose.yml but not in the .env given")

    return _INTERPOLATION.sub(one, value).replace("$$", "$")


def secret_content(name: str) -> str:
    """What the compose file's header tells the operator to put in each secret file."""
    if name == "jwt_private_key":
        return new_signing_key().decode()
    if name == "keks":  # the line `bulwark keys generate` prints: '<key id> <version> <base64>'
        return f"main 1 {base64.b64encode(os.urandom(32)).decode()}\n"
    raise AssertionError(f"secret {name}: no sample content (add one to tests/kit/compose.py)")


def write_secrets(document: Mapping[str, Any], folder: Path) -> dict[str, Path]:
    """Each top-level secret of the file, written with sample content to `folder`."""
    files = {}
    for name in document.get("secrets", {}):
        files[name] = folder / name
        files[name].write_text(secret_content(name))
    return files


def environ(
    service: Mapping[str, Any], secret_files: Mapping[str, Path], dot_env: Mapping[str, str]
) -> dict[str, str]:
    """The service's environment as the container sees it: .env interpolated, and the
    /run/secrets/<name> paths of the secrets it mounts pointed at the sample files."""
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    mounted = {s if isinstance(s, str) else s["source"] for s in service.get("secrets", [])}
    found = {}
    for key, value in raw.items():
        text = interpolated("" if value is None else str(value), dot_env)
        if text.startswith(SECRETS_DIR) and text[len(SECRETS_DIR) :] in mounted:
            text = str(secret_files[text[len(SECRETS_DIR) :]])
        found[key] = text
    return found


def image_env() -> dict[str, str]:
    """The ENV of the Dockerfile's last stage (the image that runs), in order, `$VAR` left as
    written."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    stages = re.split(r"^FROM\s.*$", text, flags=re.MULTILINE)
    found: dict[str, str] = {}
    for line in stages[-1].splitlines():
        if line.startswith("ENV "):
            for pair in shlex.split(line[len("ENV ") :], comments=True):
                key, _, value = pair.partition("=")
                found[key] = value
    return found


def written_paths(settings: Settings) -> dict[str, str]:
    """Where the app writes, by what it writes: each must land on persistent storage (a
    named volume in compose, the shared claim on Kubernetes)."""
    numba = re.search(r"NUMBA_CACHE_DIR=(\S+)", DOCKERFILE.read_text())
    assert numba is not None, "the Dockerfile sets NUMBA_CACHE_DIR"
    return {
        "KYC documents": settings.kyc.documents_dir,
        "bar store": settings.market_data.bars_dir,
        "signal models": settings.model_signals.dir,
        "numba cache": numba.group(1),
    }
