"""Settings of a test deployment, read from the BULWARK_<NAME> values a test gives."""

from __future__ import annotations

from bootstrap.settings import Settings, load_settings


def settings_of(**env: str) -> Settings:
    """Settings with BULWARK_ENV=test and BULWARK_<NAME>=value for each `name=value` given;
    no env file is read."""
    environ = {"BULWARK_ENV": "test", **{f"BULWARK_{k.upper()}": v for k, v in env.items()}}
    return load_settings(environ, env_file=None)
