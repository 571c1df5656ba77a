"""Crypto and DeFi analytics (issue 22): impermanent loss, pool drains, gas, wallet units."""
