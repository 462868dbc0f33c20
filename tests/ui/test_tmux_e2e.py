"""The real `tagger` in a real terminal (tmux): first-run import, tagging keys, quit, resume.

Keys go in with `tmux send-keys`, the screen comes back with `capture-pane -p`, and the
outcome is read from the store with `tagger show --json` afterwards, so this checks the
installed command, the terminal handling and the durable store together. Skipped when tmux
is not installed.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

TMUX = shutil.which("tmux")
TAGGER = Path(sys.executable).parent / "tagger"
REVIEWER = "e2e"


class Terminal:
    """One tmux server (private socket) running one command in an 80x24 window."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"tagger-e2e-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"env {exports} {shlex.join(command)}"
        self.tmux("new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", line)

    def tmux(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=20)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e").stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "e2e", key)
            # A terminal cannot tell Escape from the start of an escape sequence, so an
            # Escape followed at once by a letter reads as alt+letter; pause like a person.
            time.sleep(0.6 if key == "Escape" else 0.15)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", "e2e").returncode == 0

    def wait_exit(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not self.alive(), f"tagger did not quit; the screen was:\n{self.screen()}"

    def close(self) -> None:
        self.tmux("kill-server")


def tagger_json(db: Path, *args: str) -> object:
    out = subprocess.run([str(TAGGER), "--db", str(db), *args, "--json"], capture_output=True,
                         text=True, timeout=60, check=True)
    return json.loads(out.stdout)


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    keep = ("TAGGER_DATA_DIR", "XDG_CONFIG_HOME", "PATH", "HOME", "LANG", "LC_ALL")
    out = {k: os.environ[k] for k in keep if k in os.environ}
    out.update(TERM="xterm-256color", NO_COLOR="1", TEXTUAL_ANIMATIONS="none",
               TAGGER_REVIEWER=REVIEWER, LANG=os.environ.get("LANG", "C.UTF-8"))
    return out


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
@pytest.mark.skipif(not TAGGER.exists(), reason="the tagger command is not installed")
def test_first_run_tag_quit_and_resume_in_a_real_terminal(tmp_path, env):
    db = tmp_path / "store"
    term = Terminal([str(TAGGER), "--db", str(db)], env)
    try:
        term.wait_for("Import the sample articles")
        term.keys("y")
        screen = term.wait_for("· untagged", timeout=60)
        assert "0 / 0 reviewed" not in screen
        first = tagger_json(db, "list")[0]
        second = tagger_json(db, "list")[1]
        # Sentiment picker, then "n" chooses negative and closes it.
        term.keys("e")
        term.wait_for("Sentiment — choose one")
        term.keys("n")
        # Topic picker (multi-choice): toggle conflict, close with escape.
        term.keys("t")
        term.wait_for("Topic — choose several")
        term.keys("c", "Escape")
        term.wait_for("1 / ")  # the tag made it "tagged", which counts as reviewed
        # Open the reading view on the second article after accepting the first.
        term.keys("a", "Enter")
        term.wait_for(second["title"][:30])
        term.keys("q")
        term.wait_exit()
    finally:
        term.close()

    shown = tagger_json(db, "show", first["id"])
    mine = [r for r in shown["reviews"] if r["reviewer"] == REVIEWER]
    assert len(mine) == 1
    assert mine[0]["tags"]["sentiment"] == ["negative"]
    assert mine[0]["tags"]["topic"] == ["conflict"]
    assert mine[0]["status"] == "tagged" and mine[0]["reviewed_at"]

    # Reopen: the session resumes in the reading view on the second article.
    term = Terminal([str(TAGGER), "--db", str(db), "review"], env)
    try:
        term.wait_for(second["title"][:30])
        term.keys("Escape")
        screen = term.wait_for("1 / ")
        assert "✓ tagged" in screen
        term.keys("q")
        term.wait_exit()
    finally:
        term.close()
