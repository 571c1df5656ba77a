"""Offline file adapters of issue 22's data: futures settlements, Form 4 insider
transactions, historical scenario replays and the 13F security master (CSV / JSON in a
directory; no network)."""
