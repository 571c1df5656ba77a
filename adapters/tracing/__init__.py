"""OpenTelemetry behind ports/core/tracing.py: spans, the HTTP server span, Kafka header context."""
