"""Click, in Indonesian: the headings and usage line of `--help`, and click's usage errors as one
Indonesian sentence; and each command's exit status on failure, where it is not the error's own."""

from __future__ import annotations

import re

import click


class _IndonesianHelp(click.HelpFormatter):
    HEADINGS = {"Options": "Opsi", "Commands": "Perintah", "Arguments": "Argumen"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Cara pakai: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(self.HEADINGS.get(heading, heading))


class _Context(click.Context):
    formatter_class = _IndonesianHelp


class Command(click.Command):
    """A command whose help speaks Indonesian. ``error_exit_code``: the exit status of every failure of
    this command, whatever the error (``diff`` says 2, as diff(1) does: 0 and 1 mean same and different)."""

    context_class = _Context

    def __init__(self, *args, error_exit_code: int | None = None, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)
        self.error_exit_code = error_exit_code

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Tampilkan bantuan ini lalu keluar."
        return option


class Group(Command, click.Group):
    """A group of commands whose help speaks Indonesian."""

    command_class = Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        """The command to run, noted in the run's shared object (``ctx.obj["command"]``), so that the
        one place that reports failures knows whose they are."""
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(ctx.obj, dict):
            ctx.obj["command"] = command
        return name, command, rest


# Click's own messages, in Indonesian.
_CLICK_MESSAGES = [
    (r"Option '(.+)' requires an argument\.", "opsi {0} perlu diberi nilai"),
    (r"Got unexpected extra arguments? \((.+)\)", "argumen berlebih: {0}"),
    (r"'(.+)' is not one of (.+)\.", "'{0}' tidak dikenal; pilih salah satu: {1}"),
    (r"No such command '(.+)'\.", "perintah '{0}' tidak dikenal"),
    (r"'(.+)' is not a valid integer( range)?\.", "'{0}' bukan bilangan bulat"),
    (r"(.+) is not in the range (.+)\.", "{0} di luar rentang {1}"),
]


def usage_message(error: click.UsageError, commands: click.Group) -> str:
    """Click's usage error ``error`` as an Indonesian sentence; ``commands`` lists what may be run."""
    if isinstance(error, click.NoSuchOption):
        return f"opsi {error.option_name} tidak dikenal"
    if isinstance(error, click.MissingParameter) and error.param is not None:
        return f"{error.param.human_readable_name} belum disebutkan"
    message = error.message
    for pattern, indonesian in _CLICK_MESSAGES:
        if found := re.fullmatch(pattern, message):
            message = indonesian.format(*(group or "" for group in found.groups()))
            break
    if message.startswith("perintah '"):
        names = sorted(name for name, command in commands.commands.items() if not command.hidden)
        message += f"; perintah yang ada: {', '.join(names)}"
    if isinstance(error, click.BadParameter):
        hint = error.param.get_error_hint(error.ctx) if error.param and error.ctx else error.param_hint
        return f"{hint}: {message}" if hint else message
    return message
