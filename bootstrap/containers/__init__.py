"""One dependency-injector container per bounded context, composed in application.py."""
