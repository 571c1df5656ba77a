"""structlog set up once: JSON or console lines, contextvars, and redaction of every secret."""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections.abc import Mapping
from typing import IO, Any, Final

import msgspec
import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from adapters.tracing.logs import add_trace_ids
from bootstrap.kafka_logs import KafkaClientLines

MASK: Final = "***"
DEFAULT_KAFKA_RETRY_S: Final = 5.0  # BULWARK_KAFKA_RETRY_SECONDS' default
LEVELS: Final = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
FORMATS: Final = ("auto", "json", "console")

_SENSITIVE_PARTS: Final = (
    "password",
    "passwd",
    "passcode",
    "passphrase",
    "token",
    "secret",
    "api_key",
    "apikey",
    "authorization",
    "cookie",
    "totp",
    "private_key",
    "credential",
)
# Keys ending in "code" are masked (mfa_code, backup_codes, ...) except these, which log
# what happened rather than what proves who someone is.
_PLAIN_CODE_KEYS: Final = frozenset(
    {
        "reason_code",
        "reason_codes",
        "error_code",
        "status_code",
        "http_code",
        "exit_code",
        "return_code",
        "response_code",
        "country_code",
        "currency_code",
    }
)
_CODE_KEY = re.compile(r"(^|[_\-])codes?$")
_TEXT_PATTERNS: Final = (
    # Linear on any text (log lines carry client strings): a JWT starts where a token does, so
    # a run of "eyJ..." is tried once, and a URL password ends at the next "://".
    (
        re.compile(r"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"),
        MASK,
    ),
    (re.compile(r"bwk_[A-Za-z0-9_\-\.]+"), "bwk_" + MASK),
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/\-=]{8,}"), r"\1 " + MASK),
    (re.compile(r"(://[^:/@\s]*:)(?:(?!://)[^@\s])+@"), r"\g<1>" + MASK + "@"),
    (
        re.compile(
            r"(?i)\b((?:[a-z_]*_)?(?:password|passwd|passcode|token|secret|api_key|apikey|"
            r"totp|(?:totp|mfa|otp|backup|recovery)_codes?))(\s*[=:]\s*|\"\s*:\s*\")([^\s&,;\"']+)"
        ),
        r"\1\2" + MASK,
    ),
)
# Every text a pattern above can change contains one of these (case aside): text without any
# is returned as it is after one quick look instead of five scans, which keeps a log line
# cheap (the access log writes one per request). tests/unit/bootstrap/test_logging.py holds
# the two equal.
_HINTS: Final = (
    "eyj", "bwk_", "bearer", "://", "passw", "passcode", "token", "secret", "api_key", "apikey",
    "totp", "_code",
)  # fmt: skip
_MAYBE_SECRET: Final = re.compile("(?i)" + "|".join(re.escape(hint) for hint in _HINTS))
_HINT_SCAN: Final = re.compile("|".join(re.escape(hint) for hint in _HINTS))  # lowercased text
_MAX_DEPTH: Final = 8
_HANDLER_FLAG: Final = "_bulwark_handler"
_PLAIN_TYPES: Final = (int, float, bool, type(None))


def is_sensitive_key(key: object) -> bool:
    """True for keys whose value proves identity or grants access (case-insensitive)."""
    if isinstance(key, str):
        return _is_sensitive_name(key)
    return _is_sensitive_name(str(key))


@functools.lru_cache(maxsize=4096)  # log keys are names in the code: a few hundred at most
def _is_sensitive_name(key: str) -> bool:
    name = key.lower().replace("-", "_")
    if any(part in name for part in _SENSITIVE_PARTS):
        return True
    return bool(_CODE_KEY.search(name)) and name not in _PLAIN_CODE_KEYS


def _may_hold_secret(text: str) -> bool:
    """False only for text no pattern can change; ASCII text by substrings (faster than a scan)."""
    if text.isascii():  # only non-ASCII letters fold onto ASCII ones ("ſ" onto "s")
        return _HINT_SCAN.search(text.lower()) is not None
    return _MAYBE_SECRET.search(text) is not None


def mask_text(text: str) -> str:
    """The text with JWTs, Bulwark API keys, bearer credentials and URL passwords masked."""
    if not _may_hold_secret(text):
        return text
    for pattern, replacement in _TEXT_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_value(value: Any, depth: int = 0) -> Any:
    """A copy of the value with sensitive keys and secret-looking text masked, nested too."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, _PLAIN_TYPES):
        return value
    if depth >= _MAX_DEPTH:
        return MASK  # fail closed rather than walk an unbounded structure
    if isinstance(value, Mapping):
        return {
            k: (MASK if v is not None and is_sensitive_key(k) else redact_value(v, depth + 1))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        return [redact_value(v, depth + 1) for v in value]
    text = str(value)
    masked = mask_text(text)
    return value if masked == text else masked


def redact(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    """structlog processor: mask secrets in every key and value of the event."""
    return {
        key: (MASK if value is not None and is_sensitive_key(key) else redact_value(value, depth=1))
        for key, value in event_dict.items()
    }


def is_bulwarks(handler: logging.Handler) -> bool:
    """Whether `handler` is the one configure_logging installed."""
    return bool(getattr(handler, _HANDLER_FLAG, False))


def configure_logging(
    level: str = "info",
    fmt: str = "auto",
    *,
    stream: IO[str] | None = None,
    kafka_retry_s: float = DEFAULT_KAFKA_RETRY_S,
) -> None:
    """Route structlog and stdlib logging through one redacting renderer; safe to call again.

    `kafka_retry_s`: the Kafka client's warnings and errors are folded to one line per this
    interval, without tracebacks (bootstrap/kafka_logs.py).
    """
    if level not in LEVELS:
        raise ValueError(f"log level must be one of {', '.join(LEVELS)}")
    if fmt not in FORMATS:
        raise ValueError(f"log format must be one of {', '.join(FORMATS)}")
    out = stream if stream is not None else sys.stderr
    use_json = fmt == "json" or (fmt == "auto" and not _is_tty(out))
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        add_trace_ids,  # trace_id / span_id inside a span (adapters/tracing/logs.py)
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    renderer: Processor = (
        structlog.processors.JSONRenderer(serializer=_json_dumps)
        if use_json
        else structlog.dev.ConsoleRenderer(
            colors=_is_tty(out), exception_formatter=structlog.dev.plain_traceback
        )
    )
    # Tracebacks become text before redaction, so no frame locals reach the renderer.
    last: list[Processor] = [structlog.processors.format_exc_info, redact, renderer]
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *last],
    )
    handler = logging.StreamHandler(out) if stream is not None else StandardErrorHandler()
    handler.setFormatter(formatter)
    handler.addFilter(KafkaClientLines(kafka_retry_s))
    setattr(handler, _HANDLER_FLAG, True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _HANDLER_FLAG, False)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(LEVELS[level])
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        # uvicorn installs its own handlers; send its records through ours instead.
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    # Alembic names its plugins at INFO when first imported, which a process may do after this
    # (migrations and the readiness probe load it on first use): not worth a line.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    # httpx and httpcore log every vendor request at INFO: one line per broker or data call
    # in the server's log, and a stray line before an operator's one-line answer in a command.
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    # structlog's own lines are rendered by structlog and written by HandlerWriter straight to
    # the handler's stream: the same processors, levels and stream as the stdlib's records,
    # without a LogRecord and a second pass through the formatter (~70 -> ~20 us a line:
    # the access log writes one per request).
    structlog.configure(
        processors=[structlog.stdlib.filter_by_level, *shared, *last],
        logger_factory=_handler_writer,
        wrapper_class=structlog.stdlib.BoundLogger,
        # Not cached, so structlog.testing.capture_logs works after configuration.
        cache_logger_on_first_use=False,
    )


_WRITERS: dict[str | None, HandlerWriter] = {}


def _handler_writer(name: str | None = None, *_: Any) -> HandlerWriter:
    """One writer per logger name (structlog asks for one per call: loggers are not cached)."""
    writer = _WRITERS.get(name)
    if writer is None:
        writer = _WRITERS[name] = HandlerWriter(name)
    return writer


class StandardErrorHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A stream handler writing to whatever `sys.stderr` is when it writes, as the stdlib's
    last-resort handler does: a process that replaces `sys.stderr` after logging was configured
    (a supervisor's redirect, a test harness's capture, later closed) is still written to, not
    the stream it replaced."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self) -> IO[str]:
        return sys.stderr


class HandlerWriter:
    """The logger structlog writes a rendered line to: Bulwark's handler's stream, directly.

    Levels are the stdlib logger's of the same name (so `BULWARK_LOG_LEVEL`, and any level set
    on one logger, apply as before); the line goes out under the handler's lock, like a
    record the handler writes. Without Bulwark's handler (logging not configured by
    configure_logging), the line is handed to the stdlib logger as a plain message.
    """

    def __init__(self, name: str | None = None, *_: Any) -> None:
        self.name = name or "root"
        self._stdlib = logging.getLogger(name)

    def isEnabledFor(self, level: int) -> bool:  # the stdlib's name
        return self._stdlib.isEnabledFor(level)

    def getEffectiveLevel(self) -> int:  # the stdlib's name
        return self._stdlib.getEffectiveLevel()

    def _write(self, level: int, line: str) -> None:
        handler = next(
            (h for h in logging.getLogger().handlers if getattr(h, _HANDLER_FLAG, False)), None
        )
        if not isinstance(handler, logging.StreamHandler):
            self._stdlib.log(level, "%s", line)
            return
        handler.acquire()
        try:
            handler.stream.write(line + handler.terminator)
            handler.flush()
        except Exception:  # as StreamHandler.emit: the handler reports it, the caller goes on
            handler.handleError(logging.makeLogRecord({"msg": line, "levelno": level}))
        finally:
            handler.release()

    def debug(self, line: str) -> None:
        self._write(logging.DEBUG, line)

    def info(self, line: str) -> None:
        self._write(logging.INFO, line)

    def warning(self, line: str) -> None:
        self._write(logging.WARNING, line)

    def error(self, line: str) -> None:
        self._write(logging.ERROR, line)

    def critical(self, line: str) -> None:
        self._write(logging.CRITICAL, line)

    warn = warning
    exception = error
    fatal = critical

    def __getattr__(self, name: str) -> Any:
        # Whatever else a stdlib BoundLogger reaches for (handlers, propagate, setLevel...).
        return getattr(self._stdlib, name)


def _is_tty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _json_dumps(event: Mapping[str, Any], **_: Any) -> str:
    return msgspec.json.encode(event, enc_hook=str).decode()
