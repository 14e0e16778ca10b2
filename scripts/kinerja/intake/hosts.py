"""Git hosts: the "propose on the Git host" link (Path A) and, optionally, opening a pull request.

Path A needs no server: the form opens the host's new-file page with the path and the content filled
in, and the host's own interface makes the branch and the pull request. The URL templates:

* GitHub: ``{base}/{repo}/new/{branch}?filename={path}&value={content}``
* GitLab: ``{base}/{repo}/-/new/{branch}?file_name={path}&content={content}&commit_message={message}``
* Gitea and Forgejo: ``{base}/{repo}/_new/{branch}/?filename={path}&value={content}``

Placeholders: ``{base}`` (the host's address), ``{repo}`` (owner/name), ``{branch}``, ``{path}`` (the
file's path in the repository), ``{dir}`` and ``{name}`` (its folder and file name), ``{content}`` and
``{message}``; all but ``{base}`` and ``{repo}`` are percent-encoded. A custom template can be given.

The intake service may also open a pull request through the host's API after pushing a branch
(:func:`open_pull_request`); the token is read from an environment variable, never from a file here.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

TEMPLATES = {
    "github": "{base}/{repo}/new/{branch}?filename={path}&value={content}",
    "gitlab": "{base}/{repo}/-/new/{branch}?file_name={path}&content={content}&commit_message={message}",
    "gitea": "{base}/{repo}/_new/{branch}/?filename={path}&value={content}",
    "forgejo": "{base}/{repo}/_new/{branch}/?filename={path}&value={content}",
}
DEFAULT_BASES = {"github": "https://github.com", "gitlab": "https://gitlab.com", "forgejo": "https://codeberg.org"}
LABELS = {"github": "GitHub", "gitlab": "GitLab", "gitea": "Gitea", "forgejo": "Forgejo", "custom": "Git host"}
API_BASES = {"github": "https://api.github.com"}

REPO_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)+")
#: Longest link offered; longer content is offered as a download only (hosts answer 414 beyond ~8 KB).
MAX_URL = 8000


def _enc(value: str) -> str:
    return urllib.parse.quote(value, safe="")


def git_link(host: str | None, repo: str | None, branch: str = "main", base: str | None = None,
             template: str | None = None) -> dict[str, Any] | None:
    """The Path A settings the form needs, or None when no Git host is configured."""
    if not host and not template:
        return None
    host = (host or "custom").lower()
    template = template or TEMPLATES.get(host)
    if template is None:
        raise ValueError(f"unknown git host '{host}' (github, gitlab, gitea, forgejo or a custom template)")
    base = (base or DEFAULT_BASES.get(host) or "").rstrip("/")
    if "{base}" in template and not base.startswith(("https://", "http://")):
        raise ValueError(f"the git host '{host}' needs a base URL such as https://git.example.go.id")
    if "{repo}" in template and not (repo and REPO_RE.fullmatch(repo)):
        raise ValueError("the git repository must be written owner/name")
    return {"host": host, "label": LABELS.get(host, host), "template": template, "base": base,
            "repo": repo or "", "branch": branch, "max_url": MAX_URL}


def new_file_url(link: dict[str, Any], path: str, content: str, message: str) -> str:
    """The new-file URL for ``path`` with ``content`` (the same substitution the browser makes)."""
    folder, _, name = path.rpartition("/")
    values = {"base": link["base"], "repo": link["repo"], "branch": _enc(link["branch"]), "path": _enc(path),
              "dir": _enc(folder), "name": _enc(name), "content": _enc(content), "message": _enc(message)}
    return re.sub(r"\{(base|repo|branch|path|dir|name|content|message)\}", lambda m: values[m.group(1)],
                  link["template"])


# --- pull requests through the host's API -------------------------------------------------------------
@dataclass(frozen=True)
class PullRequestConfig:
    """Where and how the intake service opens pull requests (all optional; skipped when ``host`` is None)."""

    host: str | None = None          # github | gitlab | gitea | forgejo
    repo: str | None = None          # owner/name on the host
    api_url: str | None = None       # e.g. https://git.example.go.id/api/v1 (default per host)
    base_branch: str | None = None   # default: the intake's base branch
    token_env: str = "KINERJA_INTAKE_TOKEN"


class PullRequestError(Exception):
    """Raised by :func:`open_pull_request` when the host refuses or cannot be reached."""


def open_pull_request(config: PullRequestConfig, token: str, branch: str, title: str, body: str,
                      timeout: float = 15.0, opener: Any = None) -> str:
    """Open a pull (merge) request for ``branch``; returns its web URL."""
    host = (config.host or "").lower()
    repo = config.repo or ""
    base = config.base_branch or "main"
    if not REPO_RE.fullmatch(repo):
        raise PullRequestError("repo must be owner/name")
    if host == "github":
        api = (config.api_url or API_BASES["github"]).rstrip("/")
        url = f"{api}/repos/{repo}/pulls"
        payload = {"title": title, "head": branch, "base": base, "body": body}
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"}
        key = "html_url"
    elif host == "gitlab":
        api = (config.api_url or "https://gitlab.com/api/v4").rstrip("/")
        url = f"{api}/projects/{_enc(repo)}/merge_requests"
        payload = {"title": title, "source_branch": branch, "target_branch": base, "description": body}
        headers = {"PRIVATE-TOKEN": token}
        key = "web_url"
    elif host in ("gitea", "forgejo"):
        if not config.api_url:
            raise PullRequestError("api_url is needed for Gitea/Forgejo (e.g. https://git.example.go.id/api/v1)")
        url = f"{config.api_url.rstrip('/')}/repos/{repo}/pulls"
        payload = {"title": title, "head": branch, "base": base, "body": body}
        headers = {"Authorization": f"token {token}"}
        key = "html_url"
    else:
        raise PullRequestError(f"unknown host '{host}'")
    request = urllib.request.Request(url, data=json.dumps(payload).encode("utf-8"), method="POST",
                                     headers=dict(headers, **{"Content-Type": "application/json",
                                                              "User-Agent": "kinerja-intake"}))
    try:
        with (opener or urllib.request.urlopen)(request, timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as exc:
        raise PullRequestError(f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise PullRequestError(str(getattr(exc, "reason", exc))) from exc
    return str(answer.get(key) or answer.get("url") or "")
