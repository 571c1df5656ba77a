"""Crypto and DeFi analytics: impermanent loss, pool drains, gas, wallet units."""
