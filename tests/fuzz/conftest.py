"""Fixtures of the fuzzing suite: the app's own OpenAPI document and the worlds its operations
run on (the read world and the write world the session shares, a fresh one where it must)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from schemathesis import HookContext
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tests.fuzz.world import SharedReads, SharedWrites, Worlds, mark_seeded


def _seeded(values: Any) -> st.SearchStrategy[Any]:
    """The generated values, or the same with the seeded ids put in (half the time, say)."""
    marked = mark_seeded(values)
    return st.just(values) if marked == values else st.sampled_from([marked, values])


def _register_seeding(schema: OpenApiSchema) -> None:
    @schema.hook
    def flatmap_path_parameters(
        context: HookContext, path_parameters: dict[str, Any]
    ) -> st.SearchStrategy[Any]:
        return _seeded(path_parameters)

    @schema.hook
    def flatmap_query(context: HookContext, query: dict[str, Any]) -> st.SearchStrategy[Any]:
        return _seeded(query)

    @schema.hook
    def flatmap_body(context: HookContext, body: Any) -> st.SearchStrategy[Any]:
        return _seeded(body)


# The collector while a fuzzing module runs. Each operation's world is a whole app (~100k
# objects that live for its cases): under CPython's 700, 10, 10 every world or two set off a
# full collection walking every live object, read world and document included, ~a fifth of a
# campaign's CPU. Measured on owner share 1 (one process, 2 busy cores): CPython's: 74 s CPU,
# 16 s of it full collections, 1.13 GB at the peak; 2000, 10, 100 (`bulwark serve`'s): 65 s,
# 1.40 GB; 2000, 10, 30: 64 s, 1.18 GB. Same cases, same answers.
FUZZ_GC_THRESHOLDS = (2000, 10, 30)


@pytest.fixture(scope="module", autouse=True)
def fewer_full_collections() -> Iterator[None]:
    """FUZZ_GC_THRESHOLDS for the module, CPython's (or whatever was set) back after it."""
    before = gc.get_threshold()
    gc.set_threshold(*FUZZ_GC_THRESHOLDS)
    yield None
    gc.set_threshold(*before)


@pytest.fixture(scope="session")
def shared_reads() -> Iterator[SharedReads]:
    reads = SharedReads()
    yield reads
    reads.close()


@pytest.fixture(scope="session")
def shared_writes() -> Iterator[SharedWrites]:
    writes = SharedWrites()
    yield writes
    writes.close()


@pytest.fixture(scope="session")
def fuzz_schema(shared_reads: SharedReads) -> OpenApiSchema:
    """The OpenAPI document the app serves, as Schemathesis reads it (from the read world, an
    app serving every context: reading the document changes nothing)."""
    world = shared_reads.world()
    response = world.portal.call(world.harness.client.get, "/schema/openapi.json")
    assert response.status_code == 200, response.text
    schema = schemathesis.openapi.from_dict(response.json())
    _register_seeding(schema)
    return schema


@pytest.fixture
def worlds(shared_reads: SharedReads, shared_writes: SharedWrites) -> Iterator[Worlds]:
    holder = Worlds(shared_reads, shared_writes)
    yield holder
    holder.close()
