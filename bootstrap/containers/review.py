"""The AI risk reviewer and the models' outcome records (bootstrap/review.py): the reviewer
BULWARK_REVIEW_ENDPOINT names (none: the rules review), the reviews' and predictions' stores,
the review use cases, the records and drift watch, and the outcome loop of `serve`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.model_records.outcomes import OutcomeJoiner
from application.model_records.record import ModelRecords
from application.review.service import ReviewService
from bootstrap import review as review_wiring
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.reviews import InMemoryReviewStore
    from adapters.postgres.reviews import SqlReviewStore


def memory_review_store() -> InMemoryReviewStore:
    from adapters.memory.reviews import InMemoryReviewStore

    return InMemoryReviewStore()


def sql_review_store(engine: AsyncEngine) -> SqlReviewStore:
    from adapters.postgres.reviews import SqlReviewStore

    return SqlReviewStore(engine)


class ReviewContainer(containers.DeclarativeContainer):
    """Reviews and model records, over the core, trading (the risk analysis) and the bars."""

    core = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()

    review_store = store_provider(core, memory_review_store, sql_review_store)
    # One store of predictions with the risk rater's (the trading context records those).
    prediction_store = trading.prediction_store
    recorder = trading.prediction_recorder
    reviewer = providers.Singleton(review_wiring.reviewer, core.settings, core.key_vault)
    reviews = providers.Singleton(
        ReviewService, core.uow_factory, trading.risk, reviewer, review_store, recorder,
        core.clock, core.ids, providers.Callable(review_wiring.review_config, core.settings),
    )  # fmt: skip
    model_records = providers.Singleton(
        ModelRecords, prediction_store, core.clock, core.settings.provided.review.reference_days
    )
    outcome_joiner = providers.Singleton(
        OutcomeJoiner, prediction_store, market_data.bar_store, core.clock,
        providers.Callable(review_wiring.outcome_config, core.settings),
        providers.Singleton(review_wiring.outcome_horizons, core.settings),
    )  # fmt: skip
    drift_watch = providers.Singleton(
        review_wiring.drift_watch, core.settings, prediction_store, core.uow_factory,
        core.notifier, core.clock,
    )  # fmt: skip
    outcomes_running = providers.Resource(
        review_wiring.outcome_loop, core.settings, outcome_joiner.provider, drift_watch.provider,
        core.process, core.job_leases,
    )  # fmt: skip
    # BULWARK_REVIEW_AFTER_DECISION: reviews of decided orders on a task of their own.
    after_decision = providers.Resource(
        review_wiring.after_decision_lifetime, core.settings, core.bus, reviews.provider
    )
    reviewer_open = providers.Resource(review_wiring.reviewer_lifetime, reviewer)
