"""Pure domain models outside the aggregates packages."""
