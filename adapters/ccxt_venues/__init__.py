"""What the CCXT broker (adapters/brokers/ccxt) and the crypto venues' market data
(adapters/market_data/vendors/ccxt.py) share: symbols and numbers, opening an exchange."""
