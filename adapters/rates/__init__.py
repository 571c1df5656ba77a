"""Rates adapters (RatesPort): FRED's JSON observations API and FRED downloads on disk."""
