"""Market data: bars, level-2 books, option chains, and the pure analytics over them."""
