"""In-process simulators of brokers' APIs, served on loopback (127.0.0.1, a fresh port).

Each simulator answers its venue's documented response shapes over a real HTTP server in
the caller's event loop, so the real adapter (its HTTP client, its wire parsing, its error
mapping) runs against it with nothing outside the process: `bulwark drill venues` halts
them together, and the broker tests run the BrokerPort contract on them.

- `loopback.py`: serving an ASGI app on 127.0.0.1 under uvicorn, started and stopped with
  `async with`.
- `server.py`: `VenueServer`, a route table with scripted faults (errors, rate limits, slow
  or malformed answers) and websockets, on which a simulator installs its routes.
- `alpaca.py`: Alpaca's trading API v2 (orders, positions, account, fills, trade_updates),
  in the shapes recorded in `alpaca_shapes/`.
- `spot.py`: the matching engine the crypto spot venues share; `binance.py`: Binance's spot
  REST API (v3) on it; `kraken.py`: Kraken's spot REST API on it.
- `ibkr.py`: IBKR's Client Portal Gateway (Web API v1: orders with their questions, live
  orders, trades, portfolio); `tradier.py`: Tradier's brokerage API (v1: equity and option
  orders, positions, balances, rate-limit headers).
"""
