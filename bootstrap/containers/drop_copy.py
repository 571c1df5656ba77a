"""The drop copy (bootstrap/drop_copy.py): its outbox by store kind, its targets by settings,
the recorder on the bus and the leased deliverer, over the core it is given. Nothing is built
while the settings name no target."""

from __future__ import annotations

from dependency_injector import containers, providers

from bootstrap import drop_copy as drop_copy_wiring
from bootstrap.containers.stores import store_provider


class DropCopyContainer(containers.DeclarativeContainer):
    """Every order event and fill copied to the desk's webhook and Kafka topic."""

    core = providers.DependenciesContainer()

    outbox = store_provider(core, drop_copy_wiring.memory_outbox, drop_copy_wiring.sql_outbox)
    targets = providers.Singleton(drop_copy_wiring.targets, core.settings)
    meter = providers.Singleton(drop_copy_wiring.meter, core.meter)
    delivery = providers.Singleton(
        drop_copy_wiring.delivery, core.settings, outbox, targets, core.clock, meter
    )
    order_facts = providers.Singleton(
        drop_copy_wiring.order_facts, core.store_kind, core.uow_factory, core.engine.provider
    )
    recorder = providers.Singleton(
        drop_copy_wiring.recorder, outbox, order_facts, core.clock, meter, delivery
    )
    running = providers.Resource(
        drop_copy_wiring.lifetime,
        core.settings, core.bus, recorder.provider, delivery.provider, core.job_leases,
    )  # fmt: skip
