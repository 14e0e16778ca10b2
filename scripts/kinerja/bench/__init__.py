"""The benchmark (not a test): a synthetic province measured against its floors and the alternatives.

``kinerja bench --employees 40000`` generates (or reuses) a province in a work folder made into a Git
repository, then prints, each as the median of ``--runs`` runs: full validate, full score, review of a
one-unit change, the public site build and peak memory; side by side with (a) parsing alone with
PyYAML's C loader, (b) ``check-jsonschema`` with our schemas and (c) a plain ``mkdocs build`` of the
same pages written as static Markdown. Each of our figures is printed as a ratio to its floor and to
the alternative. Speed goals are checked here, never by timed tests.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

REPO = Path(__file__).resolve().parents[3]


@dataclass
class Measure:
    name: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: float = 0.0  # the largest process's peak resident size (ru_maxrss)
    total_mb: float = 0.0  # the peak of the memory of all its processes together (sampled PSS)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        found.append(here)
        try:
            for task in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except OSError:
            pass
    return found


def _pss_mb(pids: list[int]) -> float:
    """The proportional set size of these processes together: memory shared copy-on-write by forked
    processes counts once, split between them."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total / 1024


class _Sampler:
    """The peak of :func:`_pss_mb` over a process tree, sampled every ``every`` seconds in a thread."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        import threading

        self.pid, self.every, self.peak = pid, every, 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self.stop.wait(self.every):
            self.peak = max(self.peak, _pss_mb(_tree(self.pid)))

    def finish(self) -> float:
        self.stop.set()
        self.thread.join()
        return self.peak


def _run(cmd: list[str], cwd: Path,
         env: dict[str, str] | None = None) -> tuple[float, float, float, subprocess.CompletedProcess[str]]:
    """Run a command; return wall seconds, the peak RSS of its largest process in MB, the sampled peak of
    all its processes together in MB, and the result."""
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=out, stderr=err)
        sampler = _Sampler(proc.pid) if os.path.isdir(f"/proc/{proc.pid}") else None
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        total = sampler.finish() if sampler is not None else 0.0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(cmd, proc.returncode, out.read().decode(errors="replace"),
                                             err.read().decode(errors="replace"))
    return elapsed, usage.ru_maxrss / 1024, total, result


def _kinerja(*args: str) -> list[str]:
    return [sys.executable, "-m", "kinerja", *args]


def data_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "contracts").rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


def parse_floor(files: list[Path]) -> float:
    """Read and parse every file with PyYAML's C loader, nothing else (one core)."""
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def prepare(workdir: Path, employees: int, seed: int, echo: Callable[[str], None]) -> Path:
    """Generate the province into ``workdir/province`` (reused when the same size and seed are there)
    and commit it to a Git repository there, with the project's schemas, mkdocs.yml and docs. Another
    province there is replaced whole (:mod:`kinerja.outdir`), and only one the bench made."""
    from ..generate import generate
    from ..outdir import BENCH, replacing

    root = workdir / "province"
    marker = root / ".bench.json"
    wanted = {"employees": employees, "seed": seed}
    if marker.is_file() and json.loads(marker.read_text()) == wanted:
        echo(f"reusing {root}")
        subprocess.run(["git", "config", "gc.auto", "0"], cwd=root, check=True)
        return root
    with replacing(root, BENCH) as staging:
        start = time.perf_counter()
        counts = generate(staging, employees=employees, seed=seed)
        echo(f"generated {sum(counts.values()) if isinstance(counts, dict) else counts} files in {time.perf_counter() - start:.1f} s")
        commit_province(staging)
        (staging / ".bench.json").write_text(json.dumps(wanted))
    return root


def commit_province(root: Path) -> None:
    """Give a generated province the project's schemas, docs and mkdocs.yml, and commit it to Git."""
    for name in ("schemas", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".gitignore").write_text("site/\ngenerated/\n.bench.json\n.kinerja-output\n")
    env = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    # Packed like a clone, and no automatic `git gc` starting in the background during a measure.
    for cmd in (["git", "init", "-q", "-b", "main"], ["git", "config", "gc.auto", "0"], ["git", "add", "-A"],
                ["git", "commit", "-qm", "province"], ["git", "gc", "-q"]):
        subprocess.run(cmd, cwd=root, check=True, env={**os.environ, **env})


def static_pages(root: Path, out: Path) -> list[Any]:
    """The public site's pages written once as static Markdown (the plain-MkDocs floor) and its nav."""
    from ..publish import generate_site
    from ..score import engine
    from ..validate import load_checked

    loaded = load_checked(root)
    result = generate_site(loaded, engine.score(loaded.province), out, docs_dir=root / "docs", history=False)
    primary = next(iter(result.navigation))
    return result.navigation[primary]


def write_plain(root: Path, plain: Path, echo: Callable[[str], None]) -> Path:
    """The plain-MkDocs floor's project: the public site's pages as static Markdown and a mkdocs.yml
    without the plugin, replacing the previous one whole (:mod:`kinerja.outdir`)."""
    from ..outdir import BENCH, replacing

    with replacing(plain, BENCH) as staging:
        started = time.perf_counter()
        navigation = static_pages(root, staging / "docs")
        echo(f"  (static pages for the floor written in {time.perf_counter() - started:.0f} s)")
        config = {"site_name": "plain", "docs_dir": "docs",
                  "theme": {"name": "material", "language": "id", "font": False},
                  "plugins": ["search"], "nav": navigation,
                  "markdown_extensions": ["tables", "attr_list", "admonition", {"toc": {"permalink": True}}]}
        (staging / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    return plain


def one_unit_change(root: Path) -> tuple[str, str]:
    """Make a branch that changes one target of one SKP; return (base, head) refs."""
    skp = sorted((root / "contracts" / "units").glob("*/*/skp/*.yaml"))[len(list((root / "contracts" / "units").glob("*"))) // 2]
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    subprocess.run(["git", "checkout", "-q", "-B", "bench-change", "main"], cwd=root, check=True, env=env)
    text = skp.read_text(encoding="utf-8")
    skp.write_text(text.replace("text: ", "text: (revisi) ", 1), encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "bench: one-unit change"], cwd=root, check=True, env=env)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True, env=env)
    return "main", "bench-change"


def run(employees: int, runs: int, workdir: Path, seed: int, check_sample: int, echo: Callable[[str], None]) -> dict[str, Measure]:
    root = prepare(workdir, employees, seed, echo)
    files = data_files(root)
    echo(f"{len(files)} data files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB")
    results: dict[str, Measure] = {}

    def measure(name: str, cmd: list[str], cwd: Path = root, ok: tuple[int, ...] = (0,), times: int = runs) -> None:
        item = results.setdefault(name, Measure(name))
        for _ in range(times):
            seconds, peak, total, proc = _run(cmd, cwd)
            if proc.returncode not in ok:
                item.note = f"exit {proc.returncode}: {(proc.stderr or proc.stdout)[-300:]}"
            item.seconds.append(seconds)
            item.peak_mb = max(item.peak_mb, peak)
            # All processes together hold at least what the largest one held at its peak (a peak shorter
            # than the sampling interval is seen there only).
            item.total_mb = max(item.total_mb, total, peak)
        echo(f"  {name}: {item.median:.2f} s, peak {item.peak_mb:.0f} MB (largest process), "
             f"{item.total_mb:.0f} MB (all processes) {item.note}")

    floor = results.setdefault("parse floor (PyYAML C loader)", Measure("parse floor (PyYAML C loader)"))
    for _ in range(runs):
        floor.seconds.append(parse_floor(files))
    echo(f"  {floor.name}: {floor.median:.2f} s")
    shutil.rmtree(root / ".git" / "kinerja", ignore_errors=True)  # the parse cache
    measure("validate (cold cache)", _kinerja("validate"), times=1)  # the runs after it would be warm
    measure("validate", _kinerja("validate"))
    # `kinerja score` validates first (invalid data gets the report, no scores): validate + score in one run.
    measure("validate + score", _kinerja("score", "--output", str(workdir / "scores")))
    base, head = one_unit_change(root)
    measure("review (one-unit change)", _kinerja("review", "--base", base, "--head", head), ok=(0, 1))
    measure("site build (public)", [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(workdir / "site")])
    # (c) the plain-MkDocs floor: the same generated pages as static Markdown, no plugin.
    plain = write_plain(root, workdir / "plain", echo)
    measure("plain MkDocs floor", [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(workdir / "plain-site")], cwd=plain)
    # (b) check-jsonschema on a sample of each big kind, each scaled to that kind's files.
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name("check-jsonschema"))
    if Path(exe).exists():
        item = results.setdefault("check-jsonschema (extrapolated)", Measure("check-jsonschema (extrapolated)"))
        kinds = {"contract": "/skp/", "realisation": "/realisations/", "assessment": "/assessments/"}
        groups = {kind: [p for p in files if part in p.as_posix()] for kind, part in kinds.items()}
        rest = len(files) - sum(len(g) for g in groups.values())
        per = max(10, check_sample // len(kinds))
        for _ in range(runs):
            total = 0.0
            for kind, group in groups.items():
                sample = group[:: max(1, len(group) // per)][:per]
                if not sample:
                    continue
                seconds, _, _, proc = _run([exe, "--schemafile", str(root / "schemas" / f"{kind}.schema.json"),
                                         *map(str, sample)], root)
                total += seconds / len(sample) * (len(group) + (rest if kind == "contract" else 0))
            item.seconds.append(total)
        item.note = f"about {per} files of each of {', '.join(kinds)}, scaled to {len(files)} files"
    else:
        results["check-jsonschema (extrapolated)"] = Measure(
            "check-jsonschema (extrapolated)", note="not installed: pip install -e '.[test]'")
    return results


def report(results: dict[str, Measure], employees: int) -> str:
    def get(name: str) -> float:
        return results[name].median if name in results else float("nan")

    lines = [f"Kinerja benchmark: {employees} employees; {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}", ""]
    lines.append(f"{'measure':40} {'median s':>10} {'peak MB':>9} {'all MB':>8}  note")
    for item in results.values():
        lines.append(f"{item.name:40} {item.median:10.2f} {item.peak_mb:9.0f} {item.total_mb:8.0f}  {item.note}")
    ours = [(n, m) for n, m in results.items() if not n.startswith(("plain", "check", "parse"))]
    floor = get("parse floor (PyYAML C loader)")
    vs = get("validate + score")
    check = get("check-jsonschema (extrapolated)")
    lines += ["", "ratios (targets in brackets):",
              f"  validate + score / parse floor      = {vs / floor:6.2f}  [≤ 2]",
              f"  validate alone / parse floor        = {get('validate') / floor:6.2f}",
              f"  check-jsonschema / (validate+score) = {check / vs:6.1f}  [≥ 10]",
              f"  check-jsonschema / validate alone   = {check / get('validate'):6.1f}",
              f"  review of a one-unit change         = {get('review (one-unit change)'):6.2f} s [≤ 3 s]",
              f"  site build / plain MkDocs floor     = {get('site build (public)') / get('plain MkDocs floor'):6.2f}  [≤ 1.5]",
              f"  peak memory of our commands         = {max((m.peak_mb for n, m in ours), default=0):6.0f} MB [≤ 2048] "
              "(largest process)",
              f"                                        {max((m.total_mb for n, m in ours), default=0):6.0f} MB [≤ 2048] "
              "(all its processes: PSS, sampled every 0.25 s)",
              "", "peak 'all MB' counts memory shared by forked processes once; 'peak MB' is the largest single "
              "process (ru_maxrss)."]
    return "\n".join(lines) + "\n"
