"""Durable files for the store: an atomic, fsynced TinyDB storage and the inter-process lock.

TinyDB's own JSONStorage rewrites its file in place and can leave it half-written after a
crash; this storage writes a temp file, fsyncs it, renames it over the old one and fsyncs
the folder, so a file is always either the old or the new version. It also re-reads the
file only when its (inode, size, mtime) changed, which is how one process sees another's
writes. The lock is `fcntl.flock` on a `lock` file in the store folder (about 1 µs), held
for every read-modify-write.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from tagger.errors import StoreDamagedError, StoreError, StoreLockedError

__all__ = [
    "DurableJSONStorage",
    "Query",
    "StoreLock",
    "TinyDB",
    "atomic_write",
    "clean_temp_files",
    "ensure_folder",
    "file_signature",
    "fsync_dir",
    "open_tinydb",
    "paused_gc",
    "read_json",
]

TMP_SUFFIX = ".tmp"


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """(inode, size, mtime_ns) of a file, or None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_folder(folder: Path) -> None:
    """Create a sub-folder durably (its entry in the parent is fsynced too)."""
    if not folder.is_dir():
        folder.mkdir()
        fsync_dir(folder.parent)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def atomic_write(
    path: Path, data: bytes | Iterable[bytes], *, previous: Path | None = None
) -> None:
    """Replace `path` with `data` (bytes, or chunks of them written as they come, so a large
    file is never held whole): temp file, fsync, rename, fsync of the folder. With
    `previous`, the old file is renamed there just before the new one takes its place."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            for chunk in [data] if isinstance(data, bytes) else data:
                write_all(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
        if previous is not None and path.exists():
            os.replace(path, previous)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise StoreError(
            f"Could not write {path}: {exc.strerror or exc}. The previous version is intact."
        ) from exc


def damaged(path: Path, problem: str, backup: str) -> StoreDamagedError:
    """The one wording for a damaged file: what, that it was left alone, where to recover."""
    return StoreDamagedError(
        f"{path} is damaged ({problem}). It was not changed, and nothing was written to "
        f"the store. {backup}"
    )


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the cyclic garbage collector out of a pass that builds many long-lived objects.

    Loading 100,000 reviews otherwise triggers full collections over an ever larger heap,
    which cost a third of the open time, measured; nothing built here is cyclic garbage.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_json(path: Path, backup: str = "") -> Any:
    """Parse a JSON file; a file that does not parse raises StoreDamagedError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise damaged(path, f"unreadable: {exc.strerror or exc}", backup) from exc
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise damaged(path, f"not valid JSON: {exc}", backup) from exc


def clean_temp_files(folder: Path) -> list[Path]:
    """Delete `*.tmp` files a crashed writer left; call only while holding the store lock."""
    removed = []
    for tmp in folder.rglob(f"*{TMP_SUFFIX}"):
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


class DurableJSONStorage(Storage):
    """A TinyDB storage that writes atomically with fsync and re-reads only changed files."""

    def __init__(self, path: str | os.PathLike, backup: str = "") -> None:
        super().__init__()
        self.path = Path(path)
        self.backup = backup
        self._data: dict[str, dict[str, Any]] | None = None
        self._sig: tuple[int, int, int] | None = None

    def changed_on_disk(self) -> bool:
        return file_signature(self.path) != self._sig

    def read(self) -> dict[str, dict[str, Any]] | None:
        sig = file_signature(self.path)
        if sig is None:
            self._data, self._sig = None, None
            return None
        if sig != self._sig or self._data is None:
            data = read_json(self.path, self.backup)
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise damaged(self.path, "not a TinyDB document of tables", self.backup)
            self._data, self._sig = data, sig
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            atomic_write(self.path, orjson.dumps(data))
        except BaseException:
            # TinyDB mutated the cached dict before calling write: forget it.
            self._data, self._sig = None, None
            raise
        self._data, self._sig = data, file_signature(self.path)

    def close(self) -> None:
        self._data = None


def open_tinydb(path: Path, backup: str = "") -> TinyDB:
    """A TinyDB on a durable file; call `refresh_tinydb` after another process may have written."""
    return TinyDB(path, storage=DurableJSONStorage, backup=backup)


def refresh_tinydb(db: TinyDB) -> bool:
    """Forget cached ids and query results when the file changed on disk; True if it did."""
    storage: DurableJSONStorage = db.storage  # type: ignore[assignment]
    if not storage.changed_on_disk():
        return False
    storage.read()
    for name in db.tables():
        table = db.table(name)
        # TinyDB caches the next document id and query results (tinydb #276): both go stale.
        table._next_id = None
        table.clear_cache()
    db.clear_cache()
    return True


class StoreLock:
    """An exclusive, re-entrant inter-process lock on `<store>/lock`, with a timeout.

    Uncontended, it is one non-blocking flock. Contended, a helper thread waits in a
    blocking flock, so the kernel hands the lock over as soon as it is released; polling
    instead lets a busy writer re-take it before a polling waiter looks and starve it.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        # Serialises threads of this process; readers that iterate take it too.
        self.thread = threading.RLock()
        self._depth = 0
        self._closed = False
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        self._held: int | None = None  # the descriptor that holds the flock

    def _busy(self, timeout: float) -> StoreLockedError:
        holder = ""
        try:
            text = self.path.read_text("utf-8").strip()
            if text:
                holder = f" (last taken by process {text})"
        except OSError:
            pass
        return StoreLockedError(
            f"The store is in use by another tagger process: {self.path} stayed locked for "
            f"{timeout:g} s{holder}. Wait for that command to finish and try again; "
            "a lock held by a process that has exited is released by the system."
        )

    @contextmanager
    def held(self, timeout: float | None = None) -> Iterator[None]:
        timeout = self.timeout if timeout is None else timeout
        if self._closed:
            raise StoreError("The store is closed.")
        if not self.thread.acquire(timeout=timeout):
            raise self._busy(timeout)
        try:
            if self._depth == 0:
                self._held = self._acquire_file(timeout)
                # Who holds it, for another process's message; advisory, so no fsync.
                os.ftruncate(self._held, 0)
                os.pwrite(self._held, str(os.getpid()).encode(), 0)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release_file()
        finally:
            self.thread.release()

    def _acquire_file(self, timeout: float) -> int:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return self._fd
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        # A separate open file description, so an abandoned wait cannot hold our lock.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        got = threading.Event()
        guard = threading.Lock()
        cancelled = False

        def wait() -> None:
            fcntl.flock(fd, fcntl.LOCK_EX)
            with guard:
                if cancelled:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    os.close(fd)
                else:
                    got.set()

        threading.Thread(target=wait, name="store-lock-wait", daemon=True).start()
        got.wait(timeout)
        with guard:
            if got.is_set():
                return fd
            cancelled = True
        raise self._busy(timeout)

    def _release_file(self) -> None:
        fd, self._held = self._held, None
        if fd is None:
            return
        fcntl.flock(fd, fcntl.LOCK_UN)
        if fd != self._fd:
            os.close(fd)

    def close(self) -> None:
        with self.thread:
            if not self._closed:
                self._closed = True
                os.close(self._fd)
