"""Litestar HTTP adapter: controllers, msgspec DTOs, auth, WebSocket events, problem+json."""
