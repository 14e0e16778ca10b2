from __future__ import annotations
import click
def register(main: click.Group, import_group: click.Group) -> None:
    pass
