"""Fixtures of the fuzzing suite: the app's own OpenAPI document and a fresh world per operation."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from schemathesis import HookContext
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tests.fuzz.world import SharedReads, Worlds, mark_seeded
from tests.http.harness import test_settings


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


@pytest.fixture(scope="module", autouse=True)
def collector_as_served() -> Iterator[None]:
    """The collector's thresholds `bulwark serve` runs with (bootstrap/gc_tuning.py), for the
    module: each operation's world is a whole app (~100k objects that live for its cases), and
    under CPython's 700, 10, 10 every world or two set off a full collection walking every live
    object, read world and document included: a quarter of a campaign's CPU time (owner share
    1: 25 of 100 s). With generation 2 after 100 middle passes, 7 s; the same cases and answers."""
    before = gc.get_threshold()
    core = test_settings().core
    gc.set_threshold(core.gc_threshold_gen0, core.gc_threshold_gen1, core.gc_threshold_gen2)
    yield None
    gc.set_threshold(*before)


@pytest.fixture(scope="session")
def shared_reads() -> Iterator[SharedReads]:
    reads = SharedReads()
    yield reads
    reads.close()


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
def worlds(shared_reads: SharedReads) -> Iterator[Worlds]:
    holder = Worlds(shared_reads)
    yield holder
    holder.close()
