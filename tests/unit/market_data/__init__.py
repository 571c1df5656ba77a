"""Market-data providers: the shared contract suite and each adapter's own tests."""
