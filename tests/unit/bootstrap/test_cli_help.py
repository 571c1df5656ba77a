"""Every command, subcommand and option of `bulwark` says what it is for in `--help`."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass

from bootstrap.cli import _parser


@dataclass(frozen=True)
class Subcommand:
    where: str  # "bulwark users list"
    parser: argparse.ArgumentParser
    help: str | None  # its line in its parent's list of subcommands


def subcommands(parser: argparse.ArgumentParser, path: str) -> Iterator[Subcommand]:
    """Every subcommand under `parser`, depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found = Subcommand(f"{path} {name}", sub, helps.get(name))
                yield found
                yield from subcommands(sub, found.where)


def arguments(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """The options and positional arguments of one parser (not -h, not its subcommands)."""
    for action in parser._actions:
        if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            yield action


def everything() -> list[tuple[str, argparse.ArgumentParser]]:
    """The console itself and every subcommand, as `bulwark` builds its parser."""
    root = _parser()
    return [("bulwark", root), *((s.where, s.parser) for s in subcommands(root, "bulwark"))]


def test_every_option_and_argument_has_help_text() -> None:
    # Act
    missing = [
        f"{where}: {'/'.join(action.option_strings) or action.dest}"
        for where, parser in everything()
        for action in arguments(parser)
        if not action.help or action.help == argparse.SUPPRESS
    ]

    # Assert
    assert missing == []


def test_every_subcommand_has_a_help_line_or_a_description() -> None:
    # Act
    bare = [
        s.where for s in subcommands(_parser(), "bulwark") if not (s.help or s.parser.description)
    ]

    # Assert
    assert bare == []


def test_the_walk_reaches_nested_subcommands_and_their_options() -> None:
    # Act: a guard against a walk that checks nothing
    places = dict(everything())

    # Assert
    assert {"bulwark users list", "bulwark notifications dead", "bulwark keys retire"} <= set(
        places
    )
    options = {o for a in arguments(places["bulwark users list"]) for o in a.option_strings}
    assert {"--limit", "--json"} <= options
