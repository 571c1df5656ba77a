"""OpenTelemetry behind ports/tracing.py: spans, the HTTP server span, Kafka header context."""
