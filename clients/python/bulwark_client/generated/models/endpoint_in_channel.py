from enum import StrEnum

class EndpointInChannel(StrEnum):
    SLACK = "slack"
    SMS = "sms"
    TELEGRAM = "telegram"
    WEBHOOK = "webhook"
    WEB_PUSH = "web_push"

    def __str__(self) -> str:
        return str(self.value)
