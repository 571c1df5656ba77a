"""adapters/marketfiles: the offline sources read their files, refuse malformed ones naming
the line, and read a file again when it changes."""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.marketfiles.futures import FileFutures
from adapters.marketfiles.insiders import HEADER, FileInsiders
from adapters.marketfiles.scenarios import FileScenarios
from adapters.marketfiles.securities import FileSecuritiesMaster
from domain.analytics.scenarios.factors import Factor
from ports.markets.data_files import DataSourceUnavailable
from ports.markets.futures import UnknownContract

CONTRACTS = "root,name,exchange,quote_unit,size,size_unit\nCL,WTI,NYMEX,USD per barrel,1000,bbl\n"


async def test_a_curve_is_the_latest_day_on_or_before_and_reloads_when_changed(
    tmp_path: Path,
) -> None:
    # Arrange
    (tmp_path / "contracts.csv").write_text(CONTRACTS)
    cl = tmp_path / "CL.csv"
    cl.write_text("date,contract,expiry,settle\n2024-06-03,CLN24,2024-06-20,80\n"
                  "2024-06-04,CLN24,2024-06-20,81\n2024-06-04,SPOT,,80.5\n")  # fmt: skip
    source = FileFutures(tmp_path)

    # Act
    on_friday = await source.curve("cl", date(2024, 6, 7))
    before = await source.curve("CL", date(2024, 6, 1))
    cl.write_text("date,contract,expiry,settle\n2024-06-05,CLN24,2024-06-20,90\n")
    os.utime(cl, ns=(1, 10**18))  # a new modification time, whatever the clock's resolution
    changed = await source.curve("CL", date(2024, 6, 7))

    # Assert
    assert on_friday is not None and on_friday.day == date(2024, 6, 4)
    assert [q.price for q in on_friday.quotes] == [Decimal(81)] and on_friday.spot == Decimal(
        "80.5"
    )
    assert before is None
    assert changed is not None and changed.quotes[0].price == Decimal(90)
    with pytest.raises(UnknownContract):
        await source.curve("NG", date(2024, 6, 7))


async def test_malformed_files_name_the_file_and_line(tmp_path: Path) -> None:
    # Arrange
    (tmp_path / "contracts.csv").write_text(CONTRACTS)
    (tmp_path / "CL.csv").write_text("date,contract,expiry,settle\n2024-06-03,CLN24,2024-06-20,x\n")
    (tmp_path / "form4.csv").write_text(
        ",".join(HEADER) + "\n" + "1,,c,ACME,o,n,r,2024-01-02,Q,1,,A,\n"
    )
    (tmp_path / "historical.json").write_text(json.dumps({"replays": [{"name": "x"}]}))

    # Act / Assert
    with pytest.raises(DataSourceUnavailable, match=r"CL\.csv:2: settle is not a number"):
        await FileFutures(tmp_path).curve("CL", date(2024, 6, 3))
    with pytest.raises(DataSourceUnavailable, match=r"form4\.csv:2: code 'Q'"):
        await FileInsiders(tmp_path).transactions(date(2024, 1, 1), date(2024, 12, 31))
    with pytest.raises(DataSourceUnavailable, match=r"replays\[0\]: malformed"):
        await FileScenarios(tmp_path).replays()
    with pytest.raises(DataSourceUnavailable, match=r"securities\.csv cannot be read"):
        await FileSecuritiesMaster(tmp_path).lookup(["AAPL"])


async def test_insider_rows_of_a_window_and_symbols(tmp_path: Path) -> None:
    # Arrange
    rows = [
        "a1,2024-03-06,1,ACME,o1,Ann,Director,2024-03-04,P,100,10.5,A,1100",
        "a2,,1,ACME,o2,Bob,Officer: CFO,2024-04-01,S,50,11,D,",
        "a3,,2,BOLT,o3,Cy,Director,2024-03-05,A,500,,A,500",
    ]
    (tmp_path / "form4.csv").write_text(",".join(HEADER) + "\n" + "\n".join(rows) + "\n")
    source = FileInsiders(tmp_path)

    # Act
    march = await source.transactions(date(2024, 3, 1), date(2024, 3, 31))
    acme = await source.transactions(date(2024, 1, 1), date(2024, 12, 31), ["acme"])

    # Assert
    assert [(r.symbol, r.code, r.price) for r in march] == [
        ("ACME", "P", Decimal("10.5")), ("BOLT", "A", None),
    ]  # fmt: skip
    assert [r.owner_name for r in acme] == ["Ann", "Bob"] and acme[1].shares_owned_after is None


async def test_the_scenarios_file_with_a_model_and_the_security_master(tmp_path: Path) -> None:
    # Arrange
    identity = [[1.0 if i == j else 0.0 for j in range(5)] for i in range(5)]
    body = {
        "replays": [{"name": "r", "title": "t", "start": "2020-01-01", "end": "2020-02-01",
                     "shocks": {"equity": -0.1, "rates": -50}, "sources": ["s"]}],
        "factor_model": {"horizon": "one year", "source": "mine",
                         "volatilities": {f.value: 1.0 for f in Factor},
                         "correlations": identity},
    }  # fmt: skip
    (tmp_path / "historical.json").write_text(json.dumps(body))
    (tmp_path / "securities.csv").write_text(
        "# official_list_period: 2025 Q1\nsymbol,cusip,figi,name_of_issuer,title_of_class,"
        "listed_13f\nAAPL,037833100,,APPLE INC,COM,true\n"
    )

    # Act
    (replay,) = await FileScenarios(tmp_path).replays()
    model = await FileScenarios(tmp_path).factor_model()
    master = FileSecuritiesMaster(tmp_path)
    found = await master.lookup(["aapl", "MSFT"])

    # Assert
    assert replay.shocks == {Factor.EQUITY: -0.1, Factor.RATES: -50.0}
    assert model is not None and model.source == "mine"
    assert list(found) == ["AAPL"] and found["AAPL"].name_of_issuer == "APPLE INC"
    assert await master.list_period() == "2025 Q1"
