from enum import StrEnum

class Channel(StrEnum):
    EMAIL = "email"
    IN_APP = "in_app"
    SLACK = "slack"
    SMS = "sms"
    TELEGRAM = "telegram"
    WEBHOOK = "webhook"
    WEBSOCKET = "websocket"
    WEB_PUSH = "web_push"

    def __str__(self) -> str:
        return str(self.value)
