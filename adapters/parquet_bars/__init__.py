"""The embedded bar store: Parquet files by symbol and period, read with DuckDB."""
