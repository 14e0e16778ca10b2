"""The one reader of data files: regular files only, never more bytes than the size limit.

Every byte the tool reads from ``contracts/`` comes through :func:`read_regular` (the loader, the
locating pass of the validator, the working-tree reads of ``kinerja review``). A data file is untrusted:
it may be committed as a symbolic link (to ``/etc/passwd``, to ``/dev/zero``, to a file of another
repository), it may be a FIFO that would block a reader for ever, a device or a socket. So:

* the file is opened with ``O_NOFOLLOW`` (a symbolic link is refused, never followed) and ``O_NONBLOCK``
  (opening a FIFO does not wait for a writer), and ``fstat`` of the open file must say "regular file";
* no folder on the way from the data root to the file may be a symbolic link (checked once per folder);
* at most ``limit + 1`` bytes are read, whatever the file claims to be, so a file that grows while it is
  read, or a device that never ends, cannot make the read unbounded.

Refusals are raised as :class:`NotRegular` and :class:`TooLarge`; the caller turns them into located
problems that name the file, never what a link points to.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
_LINK_ERRORS = {errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP), getattr(errno, "EFTYPE", errno.ELOOP)}
_CHUNK = 1 << 20

#: The largest size limit a settings file may set (``max_file_bytes``; the schema says the same): 100 MiB.
MAX_LIMIT = 100 * 1024 * 1024


class NotRegular(Exception):
    """Raised by :func:`read_regular` for anything but a regular file; ``what`` names its kind."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class TooLarge(Exception):
    """Raised by :func:`read_regular` for a file over the size limit; ``size`` is at least ``limit + 1``."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def kind_of(mode: int) -> str:
    """What a file of ``mode`` is, in the words of the error catalogue's ``what`` parameter."""
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "regular" if stat.S_ISREG(mode) else "special"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`NotRegular` (a symbolic link, FIFO, device, socket or folder), :class:`TooLarge`, or
    :class:`OSError` (missing, no permission). Never blocks on a FIFO and never follows a link.
    """
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno in _LINK_ERRORS:
            raise NotRegular("symlink") from None
        if exc.errno == errno.ENXIO:  # a socket (or a FIFO's other end on some systems): nothing to read
            raise NotRegular(_lstat_kind(path, "socket")) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(kind_of(info.st_mode))
        if info.st_size > limit:  # refused before a byte is read
            raise TooLarge(info.st_size)
        return _read_at_most(fd, limit, info.st_size)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int, expected: int) -> bytes:
    """Read to the end, or one byte past ``limit`` (then :class:`TooLarge`). A file that is the size it
    said takes two calls: its bytes, then the end."""
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(limit + 1 - total, max(expected + 1 - total, _CHUNK)))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    if total > limit:
        raise TooLarge(total)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _lstat_kind(path: Path | str, default: str) -> str:
    try:
        return kind_of(os.lstat(path).st_mode)
    except OSError:
        return default


class FolderCheck:
    """Remembers which folders under a data root were seen to be real folders (not symbolic links), so
    checking every file's folders costs one ``lstat`` per folder, not per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.good: set[str] = {""}

    def link_on_the_way(self, file: str) -> str | None:
        """The first folder of ``file`` (relative, POSIX) that is a symbolic link or not a folder, or None."""
        parts = file.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder in self.good:
                continue
            try:
                mode = os.lstat(self.root / folder).st_mode
            except OSError:
                return None  # missing: the open reports it
            if not stat.S_ISDIR(mode):
                return folder
            self.good.add(folder)
        return None


def read_within(path: Path, roots: tuple[Path, ...], limit: int) -> bytes:
    """The bytes of ``path`` when it is, or links to, a regular file inside one of ``roots``.

    For files that may legitimately be links (a README linked into ``docs/``): the link is followed
    only when its final target lies inside a root (resolved, so ``..`` and chains of links count);
    a link that leaves them raises :class:`NotRegular` ``"outside"``, a loop ``"symlink"``. The target
    itself is read by :func:`read_regular` (regular files only, at most ``limit`` bytes)."""
    try:
        target = Path(path).resolve(strict=True)
    except (RuntimeError, OSError) as exc:  # a loop of links (RuntimeError before Python 3.13)
        if isinstance(exc, OSError) and exc.errno not in _LINK_ERRORS:
            raise
        raise NotRegular("symlink") from None
    if not any(target == root or root in target.parents for root in (r.resolve() for r in roots)):
        raise NotRegular("outside")
    return read_regular(target, limit)
