"""Backtests: requests, runs, results (the engine is application/backtest_engine.py)."""
