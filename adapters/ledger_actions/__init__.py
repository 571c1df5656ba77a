"""Vendors' corporate actions as ledger-ready records (ports/portfolio/corporate_action_source.py):
Alpaca's /v1/corporate-actions (alpaca.py) and Polygon's splits and ticker events (polygon.py)."""
