"""Devices' API: trusted devices and step-up."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "devices",
        devices=w.devices.devices,
        step_up=w.devices.step_up,
        cookie_days=w.core.settings.provided.devices.cookie_days,
    )
