"""Offline file adapters of the markets screens' data: futures settlements, Form 4 insider
transactions, historical scenario replays and the 13F security master (CSV / JSON in a
directory; no network)."""
