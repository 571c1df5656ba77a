"""Identity: users, credentials, tokens, API keys and the login throttle."""

from domain.identity.apikeys import ApiKey, api_key_text, parse_api_key
from domain.identity.credentials import (
    InvalidCredentialInput,
    digest,
    matches_digest,
    new_backup_code,
    new_secret,
    normalize_username,
    validate_password,
    validate_person_role,
    validate_username,
)
from domain.identity.throttle import (
    CLIENT_THROTTLE,
    USERNAME_THROTTLE,
    LoginThrottle,
    ThrottlePolicy,
    client_key,
    username_key,
)
from domain.identity.tokens import (
    AccessClaims,
    RefreshToken,
    parse_refresh_token,
    refresh_token_text,
)
from domain.identity.users import User

__all__ = [
    "CLIENT_THROTTLE",
    "USERNAME_THROTTLE",
    "AccessClaims",
    "ApiKey",
    "InvalidCredentialInput",
    "LoginThrottle",
    "RefreshToken",
    "ThrottlePolicy",
    "User",
    "api_key_text",
    "client_key",
    "digest",
    "matches_digest",
    "new_backup_code",
    "new_secret",
    "normalize_username",
    "parse_api_key",
    "parse_refresh_token",
    "refresh_token_text",
    "username_key",
    "validate_password",
    "validate_person_role",
    "validate_username",
]
