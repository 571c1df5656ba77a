"""The crypto and ESG settings: the chain source and its endpoints, the ESG file (one line each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootstrap.settings import Settings, SettingsError, chain_rpc_endpoints, load_settings


def load(**env: str) -> Settings:
    return load_settings({f"BULWARK_{k.upper()}": v for k, v in env.items()}, env_file=None)


def test_rpc_endpoints_parse_by_chain_id_and_stay_secret() -> None:
    # Act
    settings = load_settings(
        {
            "BULWARK_CHAIN_SOURCE": "rpc",
            "BULWARK_CHAIN_RPC_URLS": "1=https://eth.example/v3/KEY, 137=http://polygon:8545",
        },
        env_file=None,
    )

    # Assert
    assert chain_rpc_endpoints(settings) == {
        1: "https://eth.example/v3/KEY",
        137: "http://polygon:8545",
    }
    assert settings.redacted()["chain_rpc_urls"] == "***" and "KEY" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"chain_source": "rpc"}, "BULWARK_CHAIN_RPC_URLS is required"),
        ({"chain_source": "rpc", "chain_rpc_urls": "eth=https://x/S3CR3T"}, "entry 1 is not"),
        ({"chain_source": "rpc", "chain_rpc_urls": "1=ftp://x/S3CR3T"}, "entry 1 is not"),
        (
            {"chain_source": "rpc", "chain_rpc_urls": "1=https://a,1=https://b"},
            "chain 1 given twice",
        ),
        ({"chain_fixture_file": "/no/such/file.json"}, "BULWARK_CHAIN_FIXTURE_FILE"),
        ({"esg_file": "/no/such/esg.csv"}, "BULWARK_ESG_FILE"),
    ],
)
def test_a_wrong_setting_is_one_line_that_never_quotes_a_url(
    env: dict[str, str], words: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load(**env)
    assert words in caught.value.message and "S3CR3T" not in caught.value.message
    assert "\n" not in caught.value.message


def test_named_files_that_exist_are_taken(tmp_path: Path) -> None:
    # Arrange
    wallets, esg = tmp_path / "w.json", tmp_path / "e.csv"
    wallets.write_text("{}")
    esg.write_text("symbol,name,sector,as_of\n")

    # Act
    settings = load(chain_fixture_file=str(wallets), esg_file=str(esg))

    # Assert
    markets = settings.markets
    assert (markets.chain_fixture_file, markets.esg_file) == (str(wallets), str(esg))
