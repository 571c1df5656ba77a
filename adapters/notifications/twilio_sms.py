"""SMS through Twilio's Messages API, spoken directly over the shared httpx client.

`POST {api}/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded `To`, `From` (or
`MessagingServiceSid` when the sender is an `MG...` service SID) and `Body`, HTTP basic auth
with the account SID and auth token; Twilio answers 201 with the message's JSON (`sid`,
`status`) or an error body `{"code", "message", "more_info", "status"}`. The official
`twilio` client is synchronous (requests) unless it brings aiohttp along; this adapter is
the same request on the client the other channels share. Outcomes: 2xx sent; 429, 5xx,
timeouts and connection errors retryable (Retry-After passed on); any other status
permanent, its reason the status and Twilio's error code only (Twilio's message may quote
the phone number, which is never logged or stored in a reason).
"""

from __future__ import annotations

import httpx

from adapters.notifications.http_senders import RETRYABLE_STATUSES, retry_after_seconds
from ports.notifications.notifications import DeliveryFailed

API_VERSION = "2010-04-01"
SMS_TEXT_LIMIT = 1600  # Twilio's limit on a Body (it splits into segments itself)


class TwilioSmsSender:
    """An SmsSender over Twilio's REST API."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        account_sid: str,
        auth_token: str,
        sender: str,
        api_url: str = "https://api.twilio.com",
    ) -> None:
        self._client = client
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._sender_field = "MessagingServiceSid" if sender.startswith("MG") else "From"
        self._sender = sender
        self._url = f"{api_url.rstrip('/')}/{API_VERSION}/Accounts/{account_sid}/Messages.json"

    def __repr__(self) -> str:  # the token is in the auth object: never shown
        return f"TwilioSmsSender(url={self._url!r})"

    async def send_text(self, to: str, text: str) -> str:
        form = {"To": to, self._sender_field: self._sender, "Body": text[:SMS_TEXT_LIMIT]}
        try:
            response = await self._client.post(
                self._url, data=form, auth=self._auth, headers={"Accept": "application/json"}
            )
        except httpx.TimeoutException as error:
            raise DeliveryFailed(f"timed out ({type(error).__name__})", retryable=True) from None
        except httpx.HTTPError as error:
            reason = f"connection failed ({type(error).__name__})"
            raise DeliveryFailed(reason, retryable=True) from None
        status = response.status_code
        if 200 <= status < 300:
            return str(_json(response).get("sid", ""))
        code = _json(response).get("code")
        reason = f"twilio answered {status}" + (f" (error {code})" if code else "")
        if status in RETRYABLE_STATUSES or status >= 500:
            hint = retry_after_seconds(response.headers.get("Retry-After"))
            raise DeliveryFailed(reason, retryable=True, retry_after=hint)
        raise DeliveryFailed(reason, retryable=False)


def _json(response: httpx.Response) -> dict[str, object]:
    try:
        found = response.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
