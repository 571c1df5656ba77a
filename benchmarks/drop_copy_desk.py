"""A surveillance desk's webhook receiver for bench_drop_copy, in a process of its own.

`python -m benchmarks.drop_copy_desk OUT`: serves HTTP/1.1 (kept-alive connections) on
127.0.0.1 at a free port, prints the port, answers 200 to every POST and appends one line per
message to OUT: the wall time it arrived, a tab, its body. Standard library only; stops on
SIGTERM. Its own process, so the receiver's CPU is not counted as the server's.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def main(out_path: str) -> None:
    lock = threading.Lock()
    out = open(out_path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The answer's headers and body are two writes: without this, Nagle's algorithm holds
        # the body until the client's delayed ACK (40 ms a message on Linux).
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            at = time.time()
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")
            with lock:
                out.write(f"{at:.6f}\t{body.decode()}\n")
                out.flush()

        def handle(self) -> None:
            with contextlib.suppress(ConnectionError):  # the sender closed its connection
                super().handle()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    finally:
        out.close()


if __name__ == "__main__":
    main(sys.argv[1])
