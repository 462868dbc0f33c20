"""`tagger review` (and `tagger` alone): open the review app on the store."""

from __future__ import annotations

import click

from tagger.cli.common import AppContext, pass_ctx


@click.command("review")
@click.option("--no-resume", is_flag=True, help="Start at the first article instead of where you left off.")
@pass_ctx
def review(app: AppContext, no_resume: bool) -> None:
    """Open the review app: list, read and tag articles with the keyboard.

    On a first run with an empty store it offers to import the sample articles. Keys are
    listed with `?` in the app; remap them in the [keys] table of the config file.
    For slow links, TEXTUAL_ANIMATIONS=none and --no-color (or NO_COLOR=1) help.
    """
    from tagger.ui.app import create_app

    settings = app.settings
    reviewer = app.reviewer
    # The keymap is checked when the app is built, before the store is locked or the
    # screen taken over, so a bad [keys] table is a plain error message.
    from tagger.ui.keymap import Keymap

    Keymap(settings.taxonomy, settings.keys)
    store = app.open_store()
    tui = create_app(store, settings, reviewer, no_color=app.no_color, resume=not no_resume)
    tui.run()


COMMANDS = [review]
