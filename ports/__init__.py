"""Ports: typing.Protocol contracts the application needs from the outside world."""
