"""``kinerja intake …``: serve the intake service, manage its accounts, the Excel batch path, retries.

Registered by :func:`kinerja.cli._register_steps` through ``register(main)``, like every step.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Any

import click

from ..report import Problem, problem

LANG = click.option("--lang", type=click.Choice(["id", "en"]), default=None,
                    help="Language of messages: id (Bahasa Indonesia) or en. Default: settings.yaml, else id.")


def _lang(option: str | None) -> str:
    from ..cli import resolve_lang

    return resolve_lang(option)


def _print_problems(problems: list[Problem], lang: str, per_code: int | None = None) -> None:
    """Each problem with its place and hint; with ``per_code``, the first few of a code and a count of the rest."""
    from collections import Counter

    words = {"error": "GALAT" if lang != "en" else "ERROR", "warning": "PERINGATAN" if lang != "en" else "WARNING"}
    shown: Counter[str] = Counter()
    for item in problems:
        shown[item.code] += 1
        if per_code is not None and shown[item.code] > per_code:
            continue
        where = f" [{_path(item)}]" if item.path else ""
        click.echo(f"{item.location()}: {words[item.severity]} {item.code}{where} {item.message(lang)}", err=True)
        hint = item.hint(lang)
        if hint:
            click.echo(f"    {'hint' if lang == 'en' else 'saran'}: {hint}", err=True)
    for code, count in shown.items():
        if per_code is not None and count > per_code:
            more = count - per_code
            click.echo(f"… {'and' if lang == 'en' else 'dan'} {more} {'more with code' if lang == 'en' else 'lagi dengan kode'} {code}",
                       err=True)


def _path(item: Problem) -> str:
    from ..report import format_path

    return format_path(item.path)


def _store(repo: str, base: str | None, remote: str | None, push: bool):
    from .gitops import GitError, GitStore

    try:
        return GitStore(Path(repo), base=base, remote=remote, push=push)
    except GitError as exc:
        _print_problems([problem("K822", repo, detail=str(exc))], _lang(None))
        sys.exit(2)


def _run(app: Any, host: str, port: int, log_level: str, shutdown_timeout: int) -> None:
    """Serve until SIGTERM or SIGINT; then stop within about ``shutdown_timeout`` seconds.

    The stop first tells the service (no new branches, pushes deferred), then lets uvicorn finish the
    requests in flight. A submission still running after that (a thread cannot be interrupted) is left
    to the receipt journal: the process exits, and the next start finishes or undoes it.
    """
    import uvicorn

    state = app.state.intake

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            state.stop()
            super().handle_exit(sig, frame)
            # uvicorn re-raises the signal once it has shut down, which would end the process before the
            # check below; this command exits by itself instead (0 when nothing was left unfinished)
            getattr(self, "_captured_signals", []).clear()

    server = Server(uvicorn.Config(app, host=host, port=port, log_level=log_level, proxy_headers=False,
                                   server_header=False, timeout_graceful_shutdown=shutdown_timeout))
    server.run()
    state.stop()
    left = state.wait_idle(1.0)
    if left:
        click.echo(f"kinerja intake: stopped with {left} submission(s) unfinished; the next start finishes "
                   "or undoes them (receipt journal).", err=True)
        sys.stderr.flush()
        os._exit(1)  # worker threads cannot be interrupted; the journal makes this safe
    if not server.started:
        sys.exit(3)  # uvicorn's 'startup failed' (e.g. the port is taken)


def register(main: click.Group) -> None:
    """Add the ``intake`` group to the ``kinerja`` command."""

    @main.group()
    def intake() -> None:
        """Forms intake: the intake service, its accounts, the Excel batch path."""

    @intake.command()
    @click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
                  help="The repository clone the service writes branches into (kept on the base branch).")
    @click.option("--accounts", required=True, type=click.Path(dir_okay=False),
                  help="Accounts file (YAML or .json) made by 'kinerja intake user add'.")
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", default=8100, show_default=True, type=int, help="Port to listen on.")
    @click.option("--remote", default=None, help="Git remote to push new branches to (e.g. origin). Default: no push.")
    @click.option("--push/--no-push", default=True, show_default=True, help="Push new branches to --remote.")
    @click.option("--base", default=None, help="Base branch of new branches. Default: the branch checked out in --repo.")
    @click.option("--public-url", default=None, help="The service's public address behind the proxy (its origin is trusted; https makes cookies Secure).")
    @click.option("--allow-origin", "allow_origins", multiple=True,
                  help="Another origin allowed to submit, e.g. the static site https://kinerja.example.go.id (repeatable; enables CORS).")
    @click.option("--max-body", default=256 * 1024, show_default=True, type=int, help="Largest request body in bytes.")
    @click.option("--rate-limit", default=60, show_default=True, type=int, help="Submissions per officer per --rate-window.")
    @click.option("--rate-window", default=600, show_default=True, type=int, help="Rate-limit window in seconds.")
    @click.option("--login-limit", default=10, show_default=True, type=click.IntRange(min=1),
                  help="Failed sign-ins of one user name per --rate-window before it is locked out.")
    @click.option("--login-address-limit", default=30, show_default=True, type=click.IntRange(min=1),
                  help="Failed sign-ins from one client address per --rate-window before it is locked out.")
    @click.option("--lockout", default=900, show_default=True, type=click.IntRange(min=1),
                  help="Seconds a user name or address stays locked out.")
    @click.option("--trusted-proxy", "trusted_proxies", multiple=True,
                  help="Address or network of a reverse proxy whose X-Forwarded-For is believed, e.g. 127.0.0.1 "
                       "(repeatable or comma-separated). Default: none; the client is the connection's peer.")
    @click.option("--shutdown-timeout", default=5, show_default=True, type=click.IntRange(min=1),
                  help="Seconds a stop (SIGTERM, Ctrl+C) waits for submissions in flight.")
    @click.option("--cookie-samesite", type=click.Choice(["strict", "lax", "none"]), default="strict", show_default=True,
                  help="SameSite of the session cookie ('none' only with HTTPS, for a static site on another site).")
    @click.option("--staff", is_flag=True, help="Show employees' names in the forms (the form data then needs a sign-in).")
    @click.option("--pr-host", type=click.Choice(["github", "gitlab", "gitea", "forgejo"]), default=None,
                  help="Open a pull request for each pushed branch on this host (token from --pr-token-env).")
    @click.option("--pr-repo", default=None, help="owner/name of the repository on the host.")
    @click.option("--pr-api-url", default=None, help="API address, e.g. https://git.example.go.id/api/v1 (Gitea/Forgejo, self-hosted GitLab).")
    @click.option("--pr-token-env", default="KINERJA_INTAKE_TOKEN", show_default=True,
                  help="Environment variable holding the host's API token.")
    @click.option("--log-level", default="info", show_default=True,
                  type=click.Choice(["critical", "error", "warning", "info", "debug"]))
    @LANG
    def serve(repo: str, accounts: str, host: str, port: int, remote: str | None, push: bool, base: str | None,
              public_url: str | None, allow_origins: tuple[str, ...], max_body: int, rate_limit: int, rate_window: int,
              login_limit: int, login_address_limit: int, lockout: int, trusted_proxies: tuple[str, ...],
              shutdown_timeout: int, cookie_samesite: str, staff: bool, pr_host: str | None, pr_repo: str | None,
              pr_api_url: str | None, pr_token_env: str, log_level: str, lang: str | None) -> None:
        """Run the intake service (Path B): forms at /, submissions become branches."""
        from .accounts import AccountsError
        from .gitops import GitError
        from .hosts import PullRequestConfig
        from .limits import parse_proxies
        from .service import IntakeConfig, create_app

        try:
            proxies = parse_proxies(trusted_proxies)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--trusted-proxy") from exc
        config = IntakeConfig(
            repo=Path(repo), accounts=Path(accounts), remote=remote, push=push, base=base, lang=_lang(lang),
            max_body=max_body, rate_limit=rate_limit, rate_window=float(rate_window), login_limit=login_limit,
            login_address_limit=login_address_limit, login_lockout=float(lockout), trusted_proxies=proxies,
            public_url=public_url, allow_origins=allow_origins, cookie_samesite=cookie_samesite, staff=staff,
            pull_requests=PullRequestConfig(pr_host, pr_repo, pr_api_url, None, pr_token_env))
        try:
            app = create_app(config)
        except (GitError, AccountsError) as exc:
            code = "K827" if isinstance(exc, AccountsError) else "K822"
            _print_problems([problem(code, accounts if code == "K827" else repo, name=accounts, detail=str(exc))], config.lang)
            sys.exit(2)
        state = app.state.intake
        if state.store.repo.is_dirty(untracked_files=False):
            click.echo("kinerja intake: peringatan / warning: the working tree has uncommitted changes; "
                       "validation reads the files on disk.", err=True)
        done = state.recovered
        if any(done.values()):
            click.echo(f"kinerja intake: recovered after an interruption: {len(done['receipted'])} receipted, "
                       f"{len(done['dropped'])} unfinished submissions dropped, {len(done['removed'])} temporary "
                       "files removed", err=True)
        click.echo(f"kinerja intake: http://{host}:{port}/  (repo {state.store.path}, base {state.store.base}, "
                   f"remote {remote or '-'}{'' if push and remote else ', no push'})", err=True)
        _run(app, host, port, log_level, shutdown_timeout)

    @intake.group()
    def user() -> None:
        """Officer accounts of the intake service."""

    @user.command("add")
    @click.argument("name")
    @click.option("--unit", "units", multiple=True, required=True, help="Unit id the officer may submit for (repeatable).")
    @click.option("--accounts", required=True, type=click.Path(dir_okay=False), help="Accounts file (created if missing).")
    @click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
    @click.option("--repo", default=None, type=click.Path(file_okay=False, exists=True),
                  help="Check that the units exist in this repository.")
    def user_add(name: str, units: tuple[str, ...], accounts: str, password_stdin: bool, repo: str | None) -> None:
        """Create or update the account NAME (its units and password)."""
        from .accounts import AccountsError, add_user

        if repo is not None:
            from ..load import load_tree

            known = load_tree(Path(repo)).province.units
            unknown = [u for u in units if u not in known]
            if unknown:
                raise click.BadParameter(f"unknown unit(s): {', '.join(unknown)}", param_hint="--unit")
        if password_stdin or not sys.stdin.isatty():
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass("Kata sandi / password: ")
            if getpass.getpass("Ulangi / repeat: ") != password:
                raise click.UsageError("the passwords differ")
        try:
            account = add_user(Path(accounts), name, list(units), password)
        except AccountsError as exc:
            _print_problems([problem("K827", accounts, name=accounts, detail=str(exc))], _lang(None))
            sys.exit(2)
        click.echo(f"{account.user}: {', '.join(account.units)} → {accounts}")

    @user.command("remove")
    @click.argument("name")
    @click.option("--accounts", required=True, type=click.Path(dir_okay=False, exists=True))
    def user_remove(name: str, accounts: str) -> None:
        """Remove the account NAME."""
        from .accounts import remove_user

        if not remove_user(Path(accounts), name):
            raise click.BadParameter(f"no account '{name}'", param_hint="NAME")
        click.echo(f"{name} removed")

    @user.command("list")
    @click.option("--accounts", required=True, type=click.Path(dir_okay=False, exists=True))
    def user_list(accounts: str) -> None:
        """List the accounts and their units (never the secrets)."""
        from .accounts import load

        for account in sorted(load(Path(accounts)).values(), key=lambda a: a.user):
            click.echo(f"{account.user}\t{', '.join(account.units)}\t{account.updated or ''}")

    @intake.command()
    @click.option("--unit", required=True, help="Unit id.")
    @click.option("--period", required=True, help="Period id.")
    @click.option("--out", required=True, type=click.Path(),
                  help="The workbook to write (.xlsx): a new file, or a template written before (replaced); "
                       "anything else is refused.")
    @click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False, exists=True))
    @click.option("--staff", is_flag=True, help="Put employees' names in the sheet titles (never the NIP).")
    @LANG
    def template(unit: str, period: str, out: str, repo: str, staff: bool, lang: str | None) -> None:
        """Write an Excel workbook to fill in: one sheet per employee of UNIT with an SKP in PERIOD."""
        from ..load import find_root, load_tree
        from ..outdir import OutputRefused
        from .batch import BatchError, write_template

        root = find_root(Path(repo))
        if root is None:
            _print_problems([problem("K801", repo, path=repo)], _lang(lang))
            sys.exit(2)
        loaded = load_tree(root)
        language = _lang(lang) if lang else loaded.province.settings.language
        try:
            employees = write_template(loaded, unit, period, Path(out), language, staff)
        except BatchError as exc:
            _print_problems(exc.problems, language)
            sys.exit(1)
        except OutputRefused as exc:
            _print_problems([exc.problem], language)
            sys.exit(2)
        click.echo(f"{out}: {len(employees)} lembar pegawai / employee sheets ({', '.join(employees)})")

    @intake.command("import")
    @click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
    @click.option("--branch", default=None, help="Branch to commit on (new, or an existing one moved forward). "
                                                 "Default: intake-import/<unit>/<period>-<id>.")
    @click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False, exists=True))
    @click.option("--base", default=None, help="Base branch. Default: the branch checked out in --repo.")
    @click.option("--period", default=None, help="Period for CSV rows without a period column.")
    @click.option("--user", "user_name", default="kinerja-import", show_default=True, help="Author name of the commits.")
    @click.option("--remote", default=None, help="Push the branch to this remote afterwards.")
    @click.option("--all", "show_all", is_flag=True, help="Print every problem (default: the first 10 of each code and a count of the rest).")
    @LANG
    def import_(files: tuple[str, ...], branch: str | None, repo: str, base: str | None, period: str | None,
                user_name: str, remote: str | None, show_all: bool, lang: str | None) -> None:
        """Import filled workbooks, CSV, YAML or JSON realisations; commit them on a branch."""
        from .batch import BatchError, import_files
        from .core import Intake

        store = _store(repo, base, remote, remote is not None)
        language = _lang(lang)
        intake_ = Intake(store)
        try:
            result = import_files(intake_, [Path(f) for f in files], branch, user_name, period, language)
        except BatchError as exc:
            _print_problems(exc.problems, language, per_code=None if show_all else 10)
            click.echo(f"{len(exc.problems)} {'problems; nothing was committed' if language == 'en' else 'masalah; tidak ada yang di-commit'}.",
                       err=True)
            sys.exit(1)
        click.echo(f"{'Branch' if language == 'en' else 'Cabang'}: {result.branch}")
        for employee, commit, paths in result.commits:
            click.echo(f"  {commit[:10]}  {employee}: {len(paths)} {'file(s)' if language == 'en' else 'berkas'}")
            for path in paths:
                click.echo(f"      {path}")
        warnings = [p for f in result.files for p in f.report.problems]
        if warnings:
            _print_problems(warnings, language)
        total = sum(len(p) for _, _, p in result.commits)
        click.echo(f"{total} {'file(s) in' if language == 'en' else 'berkas dalam'} {len(result.commits)} commit.")
        if remote:
            reason = store.push(result.branch)
            if reason:
                _print_problems([problem("K820", result.branch, branch=result.branch, remote=remote, reason=reason)], language)
                sys.exit(1)
            click.echo(f"→ {remote}/{result.branch}")

    @intake.command()
    @click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False, exists=True))
    @click.option("--remote", required=True, help="The remote to push pending branches to.")
    @LANG
    def retry(repo: str, remote: str, lang: str | None) -> None:
        """Push the branches the intake service could not push yet."""
        store = _store(repo, None, remote, True)
        language = _lang(lang)
        pending = store.pending()
        if not pending:
            click.echo("Tidak ada yang tertunda. / Nothing pending.")
            return
        pushed, failed = store.retry()
        for branch in pushed:
            click.echo(f"pushed  {branch}")
        if failed:
            _print_problems([problem("K820", b, branch=b, remote=remote, reason=r) for b, r in failed.items()], language)
            sys.exit(1)
