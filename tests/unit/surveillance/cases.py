"""Detections and alerts built by hand for store, service and action tests."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.surveillance.cases import Alert
from domain.surveillance.detections import AbusePattern, AlertSeverity, Detection, to_us

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def detection(
    n: int = 0,
    *,
    owner: str = "u-1",
    agents: tuple[str, ...] = ("agent-1",),
    severity: AlertSeverity = AlertSeverity.HIGH,
    pattern: AbusePattern = AbusePattern.SPOOFING,
    symbol: str = "AAPL",
) -> Detection:
    at = to_us(T0) + n * 1_000_000
    return Detection(
        pattern=pattern,
        owner_id=owner,
        symbol=symbol,
        detected_us=at,
        started_us=at - 2_000_000,
        score=0.8 if severity is AlertSeverity.HIGH else 0.3,
        severity=severity,
        accounts=("acc-1",),
        agents=agents,
        thresholds={"size_ratio": 4.0},
        observed={"size_ratio": 12.5},
        orders=({"order_id": f"o{n}", "side": "buy", "quantity": "2000", "price": "99.9"},),
        fills=({"fill_id": f"f{n}", "side": "sell", "quantity": "100", "price": "99.9"},),
    )


def alert(n: int = 0, **kwargs: object) -> Alert:
    return Alert.raise_(detection(n, **kwargs), T0)  # type: ignore[arg-type]
