"""The `tagger` command: thin click glue over the library; `tagger` alone opens the app."""

from __future__ import annotations

import click

from tagger import __version__, paths
from tagger.cli.common import AppContext, TaggerGroup, echo_json, pass_ctx


@click.group(cls=TaggerGroup, invoke_without_command=True)
@click.option("--db", metavar="PATH", help="Store folder (default: TAGGER_DB, then the data dir).")
@click.option("--config", metavar="FILE", help="Settings and taxonomy file (default: TAGGER_CONFIG).")
@click.option("--reviewer", metavar="NAME", help="Reviewer name (default: TAGGER_REVIEWER, then login).")
@click.option("--no-color", is_flag=True, help="No colours; highlights use bold, underline and reverse.")
@click.version_option(__version__, prog_name="tagger")
@click.pass_context
def main(ctx: click.Context, db, config, reviewer, no_color) -> None:
    """Review and tag news articles from a terminal.

    Run `tagger` alone (or `tagger review`) to open the review app on the store.
    """
    app_ctx = ctx.ensure_object(AppContext)
    app_ctx.db, app_ctx.config = db, config
    app_ctx.reviewer_option, app_ctx.no_color = reviewer, no_color
    ctx.call_on_close(app_ctx.close)
    if ctx.invoked_subcommand is None:
        review_cmd = main.get_command(ctx, "review")
        ctx.invoke(review_cmd)


@main.command("paths")
@click.option("--json", "as_json", is_flag=True, help="Print the locations as JSON.")
@pass_ctx
def paths_cmd(app: AppContext, as_json: bool) -> None:
    """Print where tagger keeps its config, store, models and exports."""
    found = paths.all_paths(app.config, app.db)
    if as_json:
        echo_json({k: (str(v) if v else None) for k, v in found.items()})
        return
    width = max(len(k) for k in found)
    for name, where in found.items():
        click.echo(f"{name:<{width}}  {where if where else '(not available)'}")


@main.group("config")
def config_group() -> None:
    """Show or start the settings and taxonomy file."""


@config_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable taxonomy and settings.")
@pass_ctx
def config_show(app: AppContext, as_json: bool) -> None:
    """Print the taxonomy (groups, labels, key letters) and settings in force."""
    s = app.settings
    if as_json:
        echo_json(
            {
                "source": str(s.source) if s.source else None,
                "nlp": {"backend": s.nlp_backend},
                "reviewer": app.reviewer,
                "keys": dict(s.keys),
                "taxonomy": s.taxonomy.to_dict(),
            }
        )
        return
    click.echo(f"Config file: {s.source or '(built-in defaults)'}")
    click.echo(f"NLP backend: {s.nlp_backend}")
    click.echo(f"Reviewer:    {app.reviewer}")
    for g in s.taxonomy.groups:
        kind = "several labels" if g.multi else "one label"
        key = f", picker key '{g.picker_key}'" if g.picker_key else ""
        click.echo(f"\n{g.title} [{g.name}] ({kind}{key})")
        for label in g.labels:
            click.echo(f"  {label.key}  {label.name:<20} {label.title}")
    from tagger.ui.keymap import Keymap  # the review app's bindings, checked as the app does

    keymap = Keymap(s.taxonomy, s.keys)
    click.echo("\nReview app keys (remap by id in [keys]):")
    for spec in keymap.specs:
        click.echo(f"  {spec.id:<26} {keymap.display(spec.id):<14} {spec.description}")


@config_group.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@pass_ctx
def config_init(app: AppContext, force: bool) -> None:
    """Write the default settings to the config file, ready to edit."""
    from tagger.config import default_config_text
    from tagger.errors import ConfigError

    target = paths.config_file(app.config)
    if target.exists() and not force:
        raise ConfigError(f"{target} already exists; use --force to overwrite it.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(default_config_text(), "utf-8")
    click.echo(f"Wrote {target}")


def _register() -> None:
    # Each module owns its commands; this keeps `tagger --help` fast and the glue thin.
    from tagger.cli import export_cmds, import_cmd, nlp_cmds, review_cmd, store_cmds

    for module in (import_cmd, store_cmds, nlp_cmds, export_cmds, review_cmd):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
