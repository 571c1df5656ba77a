"""`bulwark serve` with 1, 2, 4 ... workers on one SQL store: POST /api/v1/orders under wrk.

The scale-out curve of the HTTP side: `bulwark serve --demo` as shipped (BULWARK_WORKERS=n
uvicorn workers sharing the port, one signing key and one secret key for all of them, as
docs/scaling.md asks), on a migrated SQLite file or PostgreSQL, driven by wrk with 64
connections over 16 paper accounts opened through the API (and, with `--one-account`, over
the demo account alone: every worker then decides for the same account, the worst case), buys
then sells in phases so the gate approves them; the approved share is printed. Each worker
count is started afresh and warmed for a second; the figure is orders per second and its
ratio to one worker's, beside the machine's cores (more workers than cores share them). Run:
`.venv/bin/python -m benchmarks.bench_serve_workers [--store sqlite|postgres] [--workers 1,2]
[--one-account]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet

from adapters.security.jwt_tokens import new_signing_key
from benchmarks import wrk
from benchmarks.bench_http_app import DEMO_ACCOUNT
from benchmarks.bench_store import provisioned
from benchmarks.http_driver import CONNECTIONS, free_port, login, machine, request, wait_ready

ACCOUNTS = 16


def signing_key(folder: Path) -> Path:
    """An RS256 key every worker signs and verifies sessions with."""
    path = folder / "jwt.pem"
    path.write_bytes(new_signing_key())
    return path


# A capacity run: the accounts' default order-rate rule (20 a second, docs/live-trading.md) and
# the execution throttle it feeds would deny the load itself, so they are lifted.
CAPACITY_SETTINGS = {"BULWARK_DEFAULT_ORDERS_PER_SECOND": "10000", "BULWARK_THROTTLE": "false"}


def serve(url: str, workers: int, port: int, key: Path, log: Path) -> subprocess.Popen[bytes]:
    """`bulwark serve --demo` with `workers` workers, its limits lifted for a capacity run."""
    env = {
        **os.environ,
        **CAPACITY_SETTINGS,
        "BULWARK_ENV": "dev",
        "BULWARK_DATABASE_URL": url,
        "BULWARK_WORKERS": str(workers),
        "BULWARK_PORT": str(port),
        "BULWARK_KILL_SWITCH_PORT": "0",
        "BULWARK_API_RATE_PER_MINUTE": "1000000",
        "BULWARK_LOG_LEVEL": "warning",
        "BULWARK_JWT_PRIVATE_KEY_FILE": str(key),
        "BULWARK_SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or Fernet.generate_key().decode(),
    }
    bulwark = Path(sys.executable).with_name("bulwark")
    with log.open("wb") as out:
        return subprocess.Popen([str(bulwark), "serve", "--demo"], env=env, stdout=out, stderr=out)


async def open_accounts(port: int, token: str, count: int) -> list[str]:
    """`count` paper accounts of the demo owner, opened through the API."""
    opened = []
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    for n in range(count):
        body = json.dumps({
            "name": f"bench {n}", "broker": "paper", "base_currency": "USD",
            "account_type": "taxable", "trading_type": "margin", "initial_cash": "10000000",
        }).encode()  # fmt: skip
        status, answer = await request(port, "POST", "/api/v1/accounts", body, headers)
        if status != 201:
            raise RuntimeError(f"opening a paper account: {status} {answer[:200]!r}")
        opened.append(json.loads(answer)["id"])
    return opened


def run_one(
    url: str, workers: int, seconds: float, folder: Path, key: Path, accounts: list[str]
) -> wrk.Run:
    """One worker count, started afresh; `accounts` empty: open them (kept for the next)."""
    port = free_port()
    log = folder / f"serve-{workers}.log"
    proc = serve(url, workers, port, key, log)
    try:
        asyncio.run(wait_ready(port, "/ready", 90, proc))
        token = asyncio.run(login(port))
        if not accounts:
            accounts += asyncio.run(open_accounts(port, token, ACCOUNTS))
        wrk.run(port, accounts, token=token, connections=CONNECTIONS, seconds=1)
        return wrk.run(port, accounts, token=token, connections=CONNECTIONS, seconds=seconds)
    except Exception as exc:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        raise RuntimeError(f"{workers} workers: {exc}\n" + "\n".join(tail)) from exc
    finally:
        proc.terminate()
        proc.wait(30)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_serve_workers")
    parser.add_argument("--store", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--one-account", action="store_true", help="the demo account alone")
    args = parser.parse_args(argv)
    missing = wrk.ensure_wrk()
    if missing is not None:
        sys.exit(missing)
    counts = [int(n) for n in args.workers.split(",")]
    os.environ.setdefault("BENCH_SECRET_KEY", Fernet.generate_key().decode())
    spread = "the demo account" if args.one_account else f"{ACCOUNTS} paper accounts"
    print(f"bulwark serve --demo, {args.store}, POST /api/v1/orders, wrk {CONNECTIONS} "
          f"connections over {spread}, {args.seconds:g} s a run, {machine()}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp, provisioned(args.store) as store:
        folder = Path(tmp)
        key = signing_key(folder)
        print(f"  store: {store.about}")
        print("| workers | orders/s | x one worker | p50 ms | p99 ms | approved (non-2xx) |")
        print("| --- | --- | --- | --- | --- | --- |")
        first = None
        accounts = [DEMO_ACCOUNT] if args.one_account else []
        for workers in counts:
            try:
                run = run_one(store.url, workers, args.seconds, folder, key, accounts)
            except RuntimeError as exc:  # the server did not start or answer: say why, once
                sys.exit(f"bench_serve_workers: {exc}")
            first = first or run.ok_per_s
            approved = 1 - run.non_2xx / run.requests if run.requests else 0.0
            share = f"{approved:.1%} ({run.non_2xx:,})"
            print(f"| {workers} | {run.ok_per_s:,.0f} | {run.ok_per_s / first:.2f} | "
                  f"{run.p50_ms:.2f} | {run.p99_ms:.2f} | {share} |")  # fmt: skip


if __name__ == "__main__":
    main()
