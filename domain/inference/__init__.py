"""Inference-side domain: keyword candidates and MMR, per-symbol sentiment, model errors."""
