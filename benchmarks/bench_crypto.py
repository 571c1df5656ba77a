"""Envelope encryption throughput beside the raw `cryptography` AESGCM call, and KEK rotation.

Seal and open of `--size`-byte secrets (1 KiB) through `AesGcmEnvelope` (a fresh data key and
two AES-256-GCM calls per seal: record and wrap) beside one bare AESGCM encrypt/decrypt of the
same size with a fixed key, and with a fresh key per call, in the same run. Then `--rewrap`
sealed records (100,000) are re-wrapped from KEK v1 to v2, the target being <= 30 s
on 2 cores; each rewrap unwraps and wraps 32 bytes and leaves the record's ciphertext as is.
Run: `.venv/bin/python -m benchmarks.bench_crypto [--ops N] [--rewrap N] [--size BYTES]`.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from benchmarks.http_driver import machine
from ports.core.encryption import KeyRef

REWRAP_TARGET_S = 30.0  # 100,000 data keys on 2 cores
V1, V2 = KeyRef("bench", 1), KeyRef("bench", 2)


@dataclass(frozen=True)
class Result:
    """Operations per second of each path and the rewrap run's size and time."""

    size: int
    seal_per_s: float
    open_per_s: float
    raw_encrypt_per_s: float
    raw_decrypt_per_s: float
    rewrapped: int
    rewrap_s: float
    raw_fresh_key_per_s: float = 0.0  # AESGCM(key).encrypt with a new key each call


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--ops", type=int, default=50_000, help="seals/opens/raw calls timed")
    parser.add_argument("--rewrap", type=int, default=100_000, help="sealed records to re-wrap")
    parser.add_argument("--size", type=int, default=1024, help="secret size in bytes")
    return parser.parse_args(argv)


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def measure(args: argparse.Namespace) -> Result:
    keks = {V1: os.urandom(32), V2: os.urandom(32)}
    old = AesGcmEnvelope(StaticKeyProvider({V1: keks[V1]}, current=V1))
    plaintext = os.urandom(args.size)
    ids = [str(n) for n in range(args.ops)]

    start = time.perf_counter()
    sealed = [old.seal(plaintext, "secret", record) for record in ids]
    seal_s = time.perf_counter() - start
    start = time.perf_counter()
    for text, record in zip(sealed, ids, strict=True):
        old.open(text, "secret", record)
    open_s = time.perf_counter() - start

    raw, nonce, aad = AESGCM(os.urandom(32)), os.urandom(12), b"secret:0"
    start = time.perf_counter()
    blobs = [raw.encrypt(nonce, plaintext, aad) for _ in ids]  # fixed nonce: timing only
    raw_encrypt_s = time.perf_counter() - start
    start = time.perf_counter()
    for blob in blobs:
        raw.decrypt(nonce, blob, aad)
    raw_decrypt_s = time.perf_counter() - start
    fresh_keys = [os.urandom(32) for _ in ids]
    start = time.perf_counter()
    for key in fresh_keys:
        AESGCM(key).encrypt(nonce, plaintext, aad)
    raw_fresh_s = time.perf_counter() - start

    to_rewrap = [old.seal(plaintext, "secret", str(n)) for n in range(args.rewrap)]
    rotating = AesGcmEnvelope(StaticKeyProvider(keks, current=V2))
    start = time.perf_counter()
    rewrapped = [rotating.rewrap(text) for text in to_rewrap]
    rewrap_s = time.perf_counter() - start
    step = max(1, args.rewrap // 100)
    if any(rotating.kek_version_of(text) != V2 for text in rewrapped[::step]):
        raise SystemExit("bench_crypto: a rewrapped record does not name KEK v2")

    return Result(
        args.size,
        _rate(args.ops, seal_s),
        _rate(args.ops, open_s),
        _rate(args.ops, raw_encrypt_s),
        _rate(args.ops, raw_decrypt_s),
        len(rewrapped),
        rewrap_s,
        _rate(args.ops, raw_fresh_s),
    )


def report(result: Result) -> None:
    print(f"bench_crypto: {result.size:,}-byte secrets, AES-256-GCM, {machine()}")
    rows = [
        ("envelope seal", result.seal_per_s, result.raw_encrypt_per_s, "raw AESGCM encrypt"),
        ("envelope open", result.open_per_s, result.raw_decrypt_per_s, "raw AESGCM decrypt"),
    ]
    for name, rate, raw, raw_name in rows:
        ratio = raw / rate if rate else float("inf")
        print(
            f"  {name}: {rate:,.0f}/s ({1e6 / rate:.1f} us)  beside {raw_name}: {raw:,.0f}/s "
            f"({1e6 / raw:.1f} us), envelope {ratio:.1f}x the raw call"
        )
    per_100k = result.rewrap_s * 100_000 / max(result.rewrapped, 1)
    if result.raw_fresh_key_per_s:
        rate = result.raw_fresh_key_per_s
        print(
            f"  raw AESGCM(fresh key).encrypt: {rate:,.0f}/s ({1e6 / rate:.1f} us), "
            "the per-record key schedule every seal and open pays"
        )
    verdict = "met" if per_100k <= REWRAP_TARGET_S else "NOT met"
    print(
        f"  rewrap {result.rewrapped:,} data keys v1 -> v2: {result.rewrap_s:.2f} s "
        f"({per_100k:.2f} s per 100,000; "
        f"target <= {REWRAP_TARGET_S:.0f} s per 100,000 -> {verdict})"
    )


def main(argv: list[str] | None = None) -> None:
    report(measure(parse(argv)))


if __name__ == "__main__":
    main()
