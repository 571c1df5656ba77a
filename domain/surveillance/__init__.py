"""Surveillance of our own order flow: streaming detectors of manipulative patterns.

Pure and incremental: the engine (engine.py) takes order, cancel and fill events one at a
time, keeps bounded state per (beneficial owner, symbol) key, and emits detections with
their evidence. docs/surveillance.md describes each detector, its thresholds and its score.
"""
