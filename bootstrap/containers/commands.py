"""The contexts a CLI command builds: each one on first use, with the contexts it needs.

A command reads `containers.trading.accounts()` as the served app would from the application
container, but only the contexts it touches are imported and built (core + identity for
`bulwark users`, say), so a one-context command starts without loading the whole product.
The contexts are given each other as application.py composes them; a unit test holds the two
to the same dependencies.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, TypeAlias

from dependency_injector import providers

from bootstrap.settings import Settings

if TYPE_CHECKING:
    from bootstrap.containers.aggregation import AggregationContainer
    from bootstrap.containers.analytics import AnalyticsContainer
    from bootstrap.containers.application import ApplicationContainer
    from bootstrap.containers.core import CoreContainer
    from bootstrap.containers.devices import DevicesContainer
    from bootstrap.containers.identity import IdentityContainer
    from bootstrap.containers.inference import InferenceContainer
    from bootstrap.containers.keys import KeysContainer
    from bootstrap.containers.market_data import MarketDataContainer
    from bootstrap.containers.markets import MarketsContainer
    from bootstrap.containers.model_signals import ModelSignalsContainer
    from bootstrap.containers.notifications import NotificationsContainer
    from bootstrap.containers.portfolio import PortfolioContainer
    from bootstrap.containers.rebalancing import RebalancingContainer
    from bootstrap.containers.review import ReviewContainer
    from bootstrap.containers.safety import SafetyContainer
    from bootstrap.containers.strategies import StrategiesContainer
    from bootstrap.containers.surveillance import SurveillanceContainer
    from bootstrap.containers.trading import TradingContainer
    from bootstrap.containers.wealth import WealthContainer

# What a command is given: the contexts built on demand, or (tests, `bulwark surveil`) the
# whole application container; both read `x.core.clock()`, `x.trading.orders()`, ...
Contexts: TypeAlias = "ApplicationContainer | CommandContainers"


class CommandContainers:
    """The application container's contexts under the same names, each built on first read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = providers.Object(settings)

    @cached_property
    def core(self) -> CoreContainer:
        from bootstrap.containers.core import CoreContainer

        return CoreContainer(settings=self.settings())

    @cached_property
    def market_data(self) -> MarketDataContainer:
        from bootstrap.containers.market_data import MarketDataContainer

        return MarketDataContainer(core=self.core)

    @cached_property
    def inference(self) -> InferenceContainer:
        from bootstrap.containers.inference import InferenceContainer

        return InferenceContainer(core=self.core, market_data=self.market_data)

    @cached_property
    def trading(self) -> TradingContainer:
        from bootstrap.containers.trading import TradingContainer

        return TradingContainer(core=self.core, inference=self.inference)

    @cached_property
    def safety(self) -> SafetyContainer:
        from bootstrap.containers.safety import SafetyContainer

        return SafetyContainer(core=self.core, orders=self.trading.orders)

    @cached_property
    def identity(self) -> IdentityContainer:
        from bootstrap.containers.identity import IdentityContainer

        return IdentityContainer(core=self.core)

    @cached_property
    def devices(self) -> DevicesContainer:
        from bootstrap.containers.devices import DevicesContainer

        return DevicesContainer(core=self.core)

    @cached_property
    def notifications(self) -> NotificationsContainer:
        from bootstrap.containers.notifications import NotificationsContainer
        from bootstrap.notification_channels import add_optional_senders

        built = NotificationsContainer(core=self.core)
        add_optional_senders(built.notification_senders, self.settings(), built.notification_http)
        return built

    @cached_property
    def portfolio(self) -> PortfolioContainer:
        from bootstrap.containers.portfolio import PortfolioContainer

        return PortfolioContainer(core=self.core, market_data=self.market_data, wealth=self.wealth)

    @cached_property
    def wealth(self) -> WealthContainer:
        from bootstrap.containers.wealth import WealthContainer

        return WealthContainer(core=self.core)

    @cached_property
    def analytics(self) -> AnalyticsContainer:
        from bootstrap.containers.analytics import AnalyticsContainer

        return AnalyticsContainer(
            core=self.core, market_data=self.market_data, trading=self.trading,
            portfolio=self.portfolio,
        )  # fmt: skip

    @cached_property
    def model_signals(self) -> ModelSignalsContainer:
        from bootstrap.containers.model_signals import ModelSignalsContainer

        return ModelSignalsContainer(
            core=self.core, market_data=self.market_data, strategies=self.strategies,
            inference=self.inference,
        )  # fmt: skip

    @cached_property
    def strategies(self) -> StrategiesContainer:
        from bootstrap.containers.strategies import StrategiesContainer

        return StrategiesContainer(
            core=self.core, market_data=self.market_data, trading=self.trading, safety=self.safety,
            wealth=self.wealth,
        )  # fmt: skip

    @cached_property
    def surveillance(self) -> SurveillanceContainer:
        from bootstrap.containers.surveillance import SurveillanceContainer

        return SurveillanceContainer(core=self.core, safety=self.safety)

    @cached_property
    def markets(self) -> MarketsContainer:
        from bootstrap.containers.markets import MarketsContainer

        return MarketsContainer(
            core=self.core, market_data=self.market_data, portfolio=self.portfolio,
            inference=self.inference,
        )  # fmt: skip

    @cached_property
    def keys(self) -> KeysContainer:
        from bootstrap.containers.keys import KeysContainer

        return KeysContainer(core=self.core, identity=self.identity)

    @cached_property
    def review(self) -> ReviewContainer:
        from bootstrap.containers.review import ReviewContainer

        return ReviewContainer(core=self.core, trading=self.trading, market_data=self.market_data)

    @cached_property
    def rebalancing(self) -> RebalancingContainer:
        from bootstrap.containers.rebalancing import RebalancingContainer

        return RebalancingContainer(
            core=self.core, market_data=self.market_data, trading=self.trading,
            portfolio=self.portfolio, aggregation=self.aggregation,
        )  # fmt: skip

    @cached_property
    def aggregation(self) -> AggregationContainer:
        from bootstrap.containers.aggregation import AggregationContainer

        return AggregationContainer(core=self.core, portfolio=self.portfolio)

    def built(self) -> list[str]:
        """The contexts built so far, in the order they were first read."""
        return [name for name in vars(self) if name != "settings"]
