"""RFC 6238 TOTP codes with pyotp."""

from __future__ import annotations

import binascii
import hmac
from datetime import datetime

import pyotp


class PyOtpVerifier:
    """A TotpVerifier: base32 secrets, 30-second steps, one step of drift either side."""

    def __init__(self, digits: int = 6, interval: int = 30) -> None:
        self._digits = digits
        self._interval = interval

    def new_secret(self) -> str:
        return pyotp.random_base32()  # 32 base32 characters: 160 bits, as RFC 4226 advises

    def provisioning_uri(self, secret: str, account_name: str, issuer: str) -> str:
        return self._totp(secret).provisioning_uri(name=account_name, issuer_name=issuer)

    def matching_step(self, secret: str, code: str, at: datetime) -> int | None:
        code = "".join(code.split())
        if len(code) != self._digits or not code.isascii() or not code.isdigit():
            return None
        try:
            totp = self._totp(secret)
            now = totp.timecode(at)
            matched = None
            # Every candidate is compared (constant time), so timing does not tell which matched.
            for step in (now - 1, now, now + 1):
                if hmac.compare_digest(totp.generate_otp(step), code):
                    matched = step
            return matched
        except (ValueError, TypeError, binascii.Error):
            return None

    def step_at(self, at: datetime) -> int:
        """The time step (RFC 6238's T) holding `at`."""
        return int(at.timestamp()) // self._interval

    def code_at(self, secret: str, at: datetime) -> str:
        """The code of the step holding `at` (what an authenticator app would show)."""
        return self._totp(secret).at(at)

    def _totp(self, secret: str) -> pyotp.TOTP:
        return pyotp.TOTP(secret, digits=self._digits, interval=self._interval)
