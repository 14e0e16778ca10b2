"""The review step's commands: ``review``, ``codeowners``, ``verify-approvals`` and ``show contract``.

Registered by :func:`register` (the CLI loads ``kinerja.<step>.commands`` the way plugins register).
Exit codes: 0 fine, 1 the change breaks a rule, 2 a usage problem (no repository, unknown revision, a
shallow clone without the history needed) — each with one clear message, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn

import click

from ..load import find_root
from ..report import Problem

LANG_HELP = "Language of messages: id (Bahasa Indonesia) or en. Default: settings.yaml, else id."
DATE = click.DateTime(formats=["%Y-%m-%d"])


def _lang(option: str | None, settings_lang: str | None = None) -> str:
    if option in ("id", "en"):
        return option
    env = os.environ.get("KINERJA_LANG")
    if env in ("id", "en"):
        return env
    return settings_lang if settings_lang in ("id", "en") else "id"


def _usage(code: str, lang: str | None, **params: Any) -> NoReturn:
    item = Problem(code, "", params=tuple(params.items()))  # (``path`` is a message value here, not a field path)
    language = _lang(lang)
    click.echo(f"kinerja: {item.code} {item.message(language)}", err=True)
    hint = item.hint(language)
    if hint:
        click.echo(f"    {hint}", err=True)
    sys.exit(2)


def _root(lang: str | None) -> Path:
    root = find_root(Path.cwd())
    if root is None:
        _usage("K801", lang, path=str(Path.cwd()))
    return root


def _guarded(lang: str | None, work: Callable[[], Any]) -> Any:
    """Run ``work``; Git problems become one clear line and exit 2."""
    from git.exc import GitCommandError, GitCommandNotFound

    from .gitio import ReviewError

    try:
        return work()
    except ReviewError as exc:
        _usage(exc.code, lang, **exc.params)
    except GitCommandNotFound:
        _usage("K713", lang, path="git (not installed / tidak terpasang)")
    except GitCommandError as exc:
        detail = (exc.stderr or "").strip().splitlines()
        _usage("K712", lang, ref=detail[-1] if detail else " ".join(map(str, exc.command)))


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


lang_option = click.option("--lang", type=click.Choice(["id", "en"]), default=None, help=LANG_HELP)


def register(main: click.Group) -> None:
    """Add the review step's commands to the ``kinerja`` group."""
    main.add_command(review)
    main.add_command(codeowners)
    main.add_command(verify_approvals)
    main.add_command(show)


@click.command()
@click.option("--base", required=True, help="The branch or commit the change is compared with (e.g. origin/main).")
@click.option("--head", default=None, help="The changed branch or commit. Default: the working tree.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "github"]), default="markdown",
              show_default=True, help="markdown: a pull-request comment; json; github: Actions annotations.")
@click.option("--on", "on", type=DATE, default=None,
              help="The day the change is judged on, for period locks (YYYY-MM-DD). Default: today by the "
                   "clock; never the commits' dates or settings.yaml's today.")
@lang_option
def review(base: str, head: str | None, fmt: str, on: dt.datetime | None, lang: str | None) -> None:
    """Summarise a proposed change: what changed, who must approve, whether it breaks a rule.

    Compares HEAD (or the working tree) with where it branched from BASE, validates the result and reports
    the problems of the changed files and of the files that depend on them. Exit 1 when it breaks a rule.
    """
    from . import engine, render

    root = _root(lang)
    result = _guarded(lang, lambda: engine.run(root, base, head, _day(on)))
    language = _lang(lang, result.province.settings.language)
    click.echo(render.RENDERERS[fmt](result, language), nl=False)
    sys.exit(0 if result.report.ok else 1)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["github", "gitlab"]), default="github", show_default=True,
              help="GitHub or GitLab CODEOWNERS syntax (GitLab gets sections, so that every role must approve).")
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Write into this file (e.g. .github/CODEOWNERS), keeping lines outside the generated block.")
@click.option("--on", "on", type=DATE, default=None, help="Whose office counts (YYYY-MM-DD). Default: settings.today, else today.")
@lang_option
def codeowners(fmt: str, output: str | None, on: dt.datetime | None, lang: str | None) -> None:
    """Generate a CODEOWNERS file from the organisation data, so that the Git host enforces the approvals."""
    from ..load import load_tree
    from . import codeowners as co

    root = _root(lang)
    loaded = load_tree(root)
    language = _lang(lang, loaded.province.settings.language)
    generated = co.generate(loaded.province, fmt, _day(on))
    for item in generated.problems:
        click.echo(f"{item.code} {item.message(language)}", err=True)
    if output is None:
        click.echo(generated.text, nl=False)
        return
    target = Path(output)
    existing = target.read_text(encoding="utf-8") if target.is_file() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(co.merge(existing, generated.text), encoding="utf-8")
    click.echo(f"{target} ({generated.rules} rules)")


@click.command("verify-approvals")
@click.option("--base", required=True, help="Check every change merged after this branch or commit.")
@click.option("--head", default="HEAD", show_default=True, help="The branch or commit to check.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
def verify_approvals(base: str, head: str, fmt: str, lang: str | None) -> None:
    """Check that every merge since BASE carries the approvals its files need.

    Approvals are 'Approved-by: Name <email>' trailers of the merge commits (host-neutral: any Git server).
    Each commit on HEAD's first-parent line is checked against the organisation data before it.
    """
    from . import approvals

    root = _root(lang)
    result = _guarded(lang, lambda: approvals.verify(root, base, head))
    language = _lang(lang, result.language)
    click.echo(approvals.render(result, language, fmt), nl=False)
    sys.exit(0 if result.ok else 1)


@click.group()
def show() -> None:
    """Show a record as Git history recorded it."""


@show.command("contract")
@click.argument("employee")
@click.option("--period", required=True, help="Period id.")
@click.option("--at", "at", type=DATE, default=None, help="The date (YYYY-MM-DD). Default: today.")
@click.option("--rev", default="HEAD", show_default=True, help="The branch whose history counts.")
@click.option("--any-status", is_flag=True, help="The latest version whatever its status (default: the latest approved).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@lang_option
def show_contract(employee: str, period: str, at: dt.datetime | None, rev: str, any_status: bool, fmt: str,
                  lang: str | None) -> None:
    """Print EMPLOYEE's contract (SKP) for a period as it was in force on a date.

    The version in force is the latest approved one merged into REV's first-parent line by the end of
    that day. Exit 1 when there is none.
    """
    from . import history

    root = _root(lang)
    day = _day(at) or dt.date.today()
    version = _guarded(lang, lambda: history.contract_at(root, employee, period, day, rev=rev,
                                                         approved_only=not any_status))
    language = _lang(lang)
    if version is None:
        click.echo(history.not_found(employee, period, day, language), err=True)
        sys.exit(1)
    click.echo(history.render(version, fmt), nl=False)
