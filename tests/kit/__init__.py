"""The shared test kit: builders, fixtures and scripted collaborators the test suites use."""
