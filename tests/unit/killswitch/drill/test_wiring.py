"""The drill faults in the composition root: one switch for the API and the kill switch's lane."""

from __future__ import annotations

import asyncio

from adapters.brokers.paper import PaperBroker
from adapters.brokers.paper.drill import FaultyBroker
from adapters.metrics.broker import MeteredBroker
from bootstrap.containers.application import build_container
from bootstrap.killswitch_lane import LaneSources, lane_containers
from bootstrap.settings import Settings
from domain.killswitch.drill import BrokerFault, BrokerFaults
from tests.http.harness import test_settings as settings_of


def test_the_lane_meets_the_faults_an_admin_switches_on_the_api() -> None:
    # Arrange
    settings = settings_of(paper_faults="none")
    main = build_container(settings)
    loop = asyncio.new_event_loop()
    try:
        sources = LaneSources(main.core(), main.safety(), main.trading.orders)
        lane = lane_containers(sources, settings, loop).core

        # Act
        main.core.paper_faults().set(BrokerFaults.parse("keep_on_cancel"))

        # Assert
        assert lane.paper_faults().current().has(BrokerFault.KEEP_ON_CANCEL)
    finally:
        loop.close()


def routed_paper(settings: Settings) -> object:
    """The adapter the router sends paper accounts' calls to, under the metrics' timing."""
    routed = build_container(settings).core.brokers().brokers["paper"]
    return routed.inner if isinstance(routed, MeteredBroker) else routed


def test_with_the_setting_the_paper_accounts_go_through_the_faults() -> None:
    # Act
    routed = routed_paper(settings_of(paper_faults="none"))

    # Assert
    assert isinstance(routed, FaultyBroker)
    assert isinstance(routed.inner, PaperBroker)


def test_without_the_setting_the_paper_broker_is_called_bare() -> None:
    # Act
    routed = routed_paper(settings_of())

    # Assert
    assert isinstance(routed, PaperBroker)
    assert build_container(settings_of()).core.paper_faults() is None
