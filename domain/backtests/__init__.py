"""Backtests: requests, runs, results (the engine is application/strategies/backtest_engine.py)."""
