"""Apache Arrow (pyarrow) adapters: column-wise parsing of bulk text files."""
