"""Inference's API: models, sentiment and keywords; with BULWARK_INFERENCE_ENABLED=false
its routes answer 409 CAPABILITY_NOT_CONFIGURED."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring, bundle_of
from bootstrap.containers import http_contexts_parts as parts
from bootstrap.settings import Settings
from domain.errors import CapabilityNotConfigured


def bundle(w: Wiring) -> Bundle:
    return providers.Selector(
        providers.Callable(served, w.core.settings),
        on=bundle_of(
            "inference",
            inference=w.inference.inference,
            ml_models=w.inference.ml_models,
            sentiment=w.inference.sentiment,
            keywords=w.inference.keywords,
        ),
        off=providers.Singleton(
            parts.inference_unconfigured, providers.Callable(turned_off, w.core.settings)
        ),
    )


def served(settings: Settings) -> str:
    """`on`, or `off` where BULWARK_INFERENCE_ENABLED=false."""
    return "on" if settings.inference.enabled else "off"


def turned_off(settings: Settings) -> CapabilityNotConfigured:
    """What the inference routes answer where inference is turned off."""
    setting = settings.inference.var("enabled")
    return CapabilityNotConfigured(
        "model inference",
        (setting,),
        f"model inference is turned off on this instance: set {setting}=true",
    )
