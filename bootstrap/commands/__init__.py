"""Each context's console commands, one module per context (`bootstrap/commands/<context>.py`)
for the contexts whose registry line says `command=True` (bootstrap/contexts.py).

A module defines `add_parser(sub)`, adding the `bulwark <context> ...` parser, and
`async run(args, contexts, out) -> int`; `bulwark` adds and dispatches them by the context's
name (the command is the context's name).
"""
