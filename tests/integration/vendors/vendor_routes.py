"""The recorded vendor answers installed on a ReplayServer, with each vendor's own rules:
its key check, its range filter, its error bodies (shapes from tests/fixtures/vendors/)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime

from tests.integration.vendors.replay_server import (
    ReplayServer,
    Reply,
    Seen,
    fixture,
    fixture_bytes,
)

TWELVEDATA_KEY = "td0123456789abcdef0123456789abcd"
DATABENTO_KEY = "db-0123456789abcdefABCDEFGHIJKL"
CRUMB = "Xq3vW9e.pQz"


def install_twelvedata(server: ReplayServer) -> None:
    def check(seen: Seen) -> Reply | None:
        if seen.params.get("apikey") != TWELVEDATA_KEY:
            return Reply(200, fixture("twelvedata", "error_bad_key"))
        return None

    def time_series(seen: Seen) -> Reply:
        if (refused := check(seen)) is not None:
            return refused
        if seen.params.get("symbol") != "NVDA":
            return Reply(200, fixture("twelvedata", "error_unknown_symbol"))
        adjust = seen.params.get("adjust", "splits")
        body = fixture("twelvedata", f"time_series_nvda_{'all' if adjust == 'all' else 'none'}")
        first, last = seen.params["start_date"][:10], seen.params["end_date"][:10]
        values = [v for v in body["values"] if first <= v["datetime"] <= last]
        if not values:
            return Reply(200, fixture("twelvedata", "error_no_data"))
        values.sort(key=lambda v: v["datetime"], reverse=seen.params.get("order") != "ASC")
        body["values"] = values[: int(seen.params.get("outputsize", "30"))]
        return Reply(200, body)

    def quote(seen: Seen) -> Reply:
        if (refused := check(seen)) is not None:
            return refused
        symbol = seen.params.get("symbol", "")
        if "," in symbol:
            return Reply(200, fixture("twelvedata", "quote_batch"))
        if symbol != "NVDA":
            return Reply(200, fixture("twelvedata", "error_unknown_symbol"))
        return Reply(200, fixture("twelvedata", "quote_nvda"))

    def named(name: str) -> Callable[[Seen], Reply]:
        def answer(seen: Seen) -> Reply:
            return check(seen) or Reply(200, fixture("twelvedata", name))

        return answer

    server.route("GET", "/time_series", time_series)
    server.route("GET", "/quote", quote)
    server.route("GET", "/splits", named("splits_nvda"))
    server.route("GET", "/dividends", named("dividends_nvda"))
    server.route("GET", "/statistics", named("statistics_nvda"))
    server.route("GET", "/api_usage", named("api_usage"))
    server.route(
        "GET", "/technical_indicators", lambda seen: Reply(200, {"data": {}, "status": "ok"})
    )


def install_yahoo(server: ReplayServer) -> None:
    def crumbed(seen: Seen) -> Reply | None:
        if seen.params.get("crumb") != CRUMB:
            error = {"code": "Unauthorized", "description": "Invalid Crumb"}
            return Reply(401, {"finance": {"result": None, "error": error}})
        return None

    def chart(seen: Seen) -> Reply:
        if not seen.path.endswith("/NVDA"):
            return Reply(404, fixture("yahoo", "chart_not_found"))
        body = fixture("yahoo", "chart_nvda_1d")
        if seen.params.get("interval") == "3mo":  # events after a range: splits, dividends
            later = fixture("yahoo", "chart_nvda_events_after")
            later["chart"]["result"][0]["events"] = body["chart"]["result"][0]["events"]
            body = later
        result = body["chart"]["result"][0]
        low, high = int(seen.params["period1"]), int(seen.params["period2"])
        keep = [i for i, t in enumerate(result["timestamp"]) if low <= t < high]
        if seen.params.get("interval") == "3mo":
            keep = list(range(len(result["timestamp"])))
        result["timestamp"] = [result["timestamp"][i] for i in keep]
        quote = result["indicators"]["quote"][0]
        for column in list(quote):
            quote[column] = [quote[column][i] for i in keep]
        adj = result["indicators"]["adjclose"][0]
        adj["adjclose"] = [adj["adjclose"][i] for i in keep]
        for kind in ("splits", "dividends"):
            events = result["events"][kind]
            result["events"][kind] = {k: e for k, e in events.items() if low <= e["date"] < high}
        return Reply(200, body)

    def quote(seen: Seen) -> Reply:
        if (refused := crumbed(seen)) is not None:
            return refused
        body = fixture("yahoo", "quote")
        wanted = set(seen.params.get("symbols", "").split(","))
        rows = body["quoteResponse"]["result"]
        body["quoteResponse"]["result"] = [r for r in rows if r["symbol"] in wanted]
        return Reply(200, body)

    def options(seen: Seen) -> Reply:
        if (refused := crumbed(seen)) is not None:
            return refused
        stamp = seen.params.get("date")
        late = stamp is not None and int(stamp) >= int(
            datetime(2024, 6, 28, tzinfo=UTC).timestamp()
        )
        return Reply(200, fixture("yahoo", "options_nvda_0628" if late else "options_nvda_0621"))

    def summary(seen: Seen) -> Reply:
        return crumbed(seen) or Reply(200, fixture("yahoo", "quote_summary_nvda"))

    server.route(
        "GET", "/cookie", lambda seen: Reply(404, "", {"set-cookie": "A3=d=AQABBK; Path=/"})
    )
    server.route("GET", "/v1/test/getcrumb", lambda seen: Reply(200, CRUMB))
    server.route("GET", "/v8/finance/chart/NVDA", chart)
    server.route("GET", "/v8/finance/chart/NOPE", chart)
    server.route("GET", "/v7/finance/quote", quote)
    server.route("GET", "/v7/finance/options/NVDA", options)
    server.route("GET", "/v10/finance/quoteSummary/NVDA", summary)


def _databento_key(seen: Seen) -> str | None:
    auth = seen.headers.get("authorization", "")
    if not auth.startswith("Basic "):
        return None
    user, _, _password = base64.b64decode(auth[6:]).decode().partition(":")
    return user


def install_databento(server: ReplayServer) -> None:
    def refused(seen: Seen) -> Reply | None:
        if _databento_key(seen) != DATABENTO_KEY:
            return Reply(401, fixture("databento", "error_auth"))
        return None

    def get_range(seen: Seen) -> Reply:
        if (no := refused(seen)) is not None:
            return no
        form = seen.form
        names = {"ohlcv-1d": "ohlcv_1d_nvda.jsonl", "ohlcv-1m": "ohlcv_1m_nvda.jsonl",
                 "bbo-1m": "bbo_1m_nvda.jsonl"}  # fmt: skip
        if form.get("symbols") != "NVDA" or form.get("schema") not in names:
            return Reply(200, b"")  # Databento: no records for a symbol it cannot resolve
        lines = fixture_bytes("databento", names[form["schema"]]).splitlines()
        start, end = form["start"].replace("Z", ""), form["end"].replace("Z", "")
        kept = [
            line for line in lines
            if start <= json.loads(line)["hd"]["ts_event"][:19] < end
        ]  # fmt: skip
        return Reply(200, b"\n".join(kept) + b"\n" if kept else b"")

    server.route("POST", "/v0/timeseries.get_range", get_range)
    server.route(
        "GET",
        "/v0/metadata.get_dataset_range",
        lambda seen: refused(seen) or Reply(200, fixture("databento", "dataset_range")),
    )
    server.route(
        "GET",
        "/v0/metadata.list_datasets",
        lambda seen: refused(seen) or Reply(200, fixture("databento", "list_datasets")),
    )
