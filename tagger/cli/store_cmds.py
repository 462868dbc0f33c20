"""`tagger tag`, `tagger show` and `tagger list`: the store from the shell, for scripts and fixes.

They go through the same Store calls as the app, so validation, durability, history and
undo are the same; all the changes of one `tagger tag` form one batch (one undo step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from tagger.cli.common import AppContext, echo_json, pass_ctx
from tagger.errors import ValidationError
from tagger.models import STATUSES, Review
from tagger.ui.sanitize import clean, clean_line

if TYPE_CHECKING:
    from tagger.config import Taxonomy

HISTORY_SHOWN = 8


def _split(values: tuple[str, ...]) -> list[str]:
    """Repeated options and comma lists both work: --topic a --topic b, --topic a,b."""
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _tags_text(review: Review | None, taxonomy: Taxonomy) -> str:
    if review is None:
        return ""
    parts = []
    for group, labels in review.tags.items():
        try:
            g = taxonomy.group(group)
            names = [g.title_of(label) for label in labels]
        except ValidationError:  # a group from another taxonomy, e.g. imported
            names = list(labels)
        parts.append(f"{group}: {', '.join(names)}")
    return "; ".join(parts)


def _echo_review(review: Review, taxonomy: Taxonomy) -> None:
    reviewed = f"   accepted {review.reviewed_at}" if review.reviewed_at else ""
    click.echo(f"  {clean_line(review.reviewer)}: {review.status}{reviewed}")
    for g in taxonomy.groups:
        labels = review.labels(g.name)
        shown = ", ".join(g.title_of(label) for label in labels) if labels else "-"
        unsure = "  (unsure)" if g.name in review.unsure else ""
        click.echo(f"    {g.title + ':':<12} {clean_line(shown)}{unsure}")
    for group, labels in review.tags.items():
        if group not in taxonomy.names:
            click.echo(f"    {group + ':':<12} {clean_line(', '.join(labels))}")
    if review.note:
        click.echo(f"    {'Note:':<12} {clean_line(review.note)}")
    click.echo(f"    {'Updated:':<12} {review.updated_at}")


@click.command("tag")
@click.argument("article_id")
@click.option("--topic", multiple=True, metavar="LABEL", help="Topic label(s); repeat or use commas.")
@click.option("--region", multiple=True, metavar="LABEL", help="Region label(s); repeat or use commas.")
@click.option("--sentiment", metavar="LABEL", help="Sentiment label.")
@click.option(
    "--set", "sets", multiple=True, metavar="GROUP=LABELS",
    help="Labels of any taxonomy group, e.g. --set topic=politics,economy; GROUP= clears it.",
)
@click.option("--status", type=click.Choice(STATUSES), help="Set the review status.")
@click.option("--note", metavar="TEXT", help="Set the review note ('' clears it).")
@click.option("--accept", is_flag=True, help="Accept the tags: status tagged, reviewed now.")
@click.option("--reviewer", "reviewer_here", metavar="NAME", help="Tag as this reviewer.")
@click.option("--json", "as_json", is_flag=True, help="Print the resulting review as JSON.")
@pass_ctx
def tag_cmd(
    app: AppContext, article_id, topic, region, sentiment, sets, status, note, accept,
    reviewer_here, as_json,
) -> None:
    """Set an article's tags, status or note from the shell (a unique id prefix will do).

    Values are checked against the taxonomy, saved durably and recorded in the history;
    all the changes of one command are one undo step in the app.
    """
    from tagger.store import new_batch_id

    wanted: dict[str, list[str]] = {}
    if topic:
        wanted["topic"] = _split(topic)
    if region:
        wanted["region"] = _split(region)
    if sentiment is not None:
        wanted["sentiment"] = _split((sentiment,))
    for item in sets:
        group, eq, labels = item.partition("=")
        if not eq or not group.strip():
            raise ValidationError(f"--set takes GROUP=LABELS, not {item!r}.")
        wanted[group.strip()] = _split((labels,))
    if not (wanted or status or note is not None or accept):
        raise click.UsageError("Nothing to change: give --topic, --region, --sentiment, --set, "
                               "--status, --note or --accept.")
    taxonomy = app.settings.taxonomy
    # Check every value before writing anything, so a typo changes nothing.
    checked = {taxonomy.group(g).name: list(taxonomy.validate(g, v)) for g, v in wanted.items()}
    reviewer = reviewer_here.strip() if reviewer_here else app.reviewer
    store = app.open_store()
    aid = store.resolve_id(article_id)
    batch = new_batch_id()
    review = None
    for group, labels in checked.items():
        review = store.set_tags(aid, reviewer, group, labels, batch=batch)
    if note is not None:
        review = store.set_note(aid, reviewer, note, batch=batch)
    if status:
        review = store.set_status(aid, reviewer, status, batch=batch)
    if accept:
        review = store.accept(aid, reviewer, batch=batch)
    assert review is not None
    if as_json:
        echo_json(review.to_dict())
        return
    click.echo(f"{aid}  {clean_line(store.summary(aid).title)}")
    _echo_review(review, taxonomy)


@click.command("show")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Article, reviews and history as JSON.")
@pass_ctx
def show_cmd(app: AppContext, article_id: str, as_json: bool) -> None:
    """Print an article with every reviewer's tags and its recent history."""
    store = app.open_store()
    aid = store.resolve_id(article_id)
    article = store.get_article(aid)
    reviews = store.reviews_for(aid)
    history = store.history(aid)
    if as_json:
        echo_json(
            {
                "article": article.to_dict(),
                "reviews": [r.to_dict() for r in reviews],
                "history": [c.to_dict() for c in history],
            }
        )
        return
    click.echo(clean_line(article.title))
    click.echo("=" * min(len(article.title), 78))
    meta = [("Id", article.id), ("Source", article.source), ("Date", article.date),
            ("Author", article.author), ("URL", article.url), ("From", article.origin),
            ("Imported", article.imported_at)]
    for name, value in meta:
        if value:
            click.echo(f"{name + ':':<10} {clean_line(value)}")
    click.echo("")
    click.echo(clean(article.main_text))
    if article.boilerplate_at is not None:
        hidden = len(article.body) - article.boilerplate_at
        click.echo(f"\n[{hidden} characters of trailing boilerplate not shown]")
    click.echo("\nReviews:" if reviews else "\nReviews: none yet")
    for review in reviews:
        _echo_review(review, app.settings.taxonomy)
    if history:
        click.echo(f"\nHistory: {len(history)} change(s); latest first:")
        for c in reversed(history[-HISTORY_SHOWN:]):
            click.echo(
                f"  {c.at}  {clean_line(c.reviewer)}  {c.action:<6} {c.field}: "
                f"{clean_line(_value(c.old))} -> {clean_line(_value(c.new))}"
            )


def _value(value: Any) -> str:
    if value is None or value == []:
        return "-"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return repr(value) if isinstance(value, str) and not value.strip() else str(value)


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array of articles.")
@click.option("--status", type=click.Choice(STATUSES), help="Only articles with this status.")
@click.option("--topic", metavar="LABEL", help="Only articles with this topic.")
@click.option("--region", metavar="LABEL", help="Only articles with this region.")
@click.option("--sentiment", metavar="LABEL", help="Only articles with this sentiment.")
@click.option("--reviewer", "reviewer_here", metavar="NAME",
              help="Only articles NAME reviewed, with NAME's tags.")
@click.option("--untagged", is_flag=True, help="Only articles nobody has tagged yet.")
@click.option("--where", metavar="QUERY", help="A filter in the app's query language.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most N articles.")
@pass_ctx
def list_cmd(
    app: AppContext, as_json, status, topic, region, sentiment, reviewer_here, untagged, where,
    limit,
) -> None:
    """List articles (id, status, date, source, title, tags), in import order.

    Tags and status are the reviewer's own (--reviewer, else the global reviewer), or
    the latest review by anyone when that reviewer has none.
    """
    taxonomy = app.settings.taxonomy
    wanted = {
        g: taxonomy.validate(g, [v])[0]
        for g, v in (("topic", topic), ("region", region), ("sentiment", sentiment)) if v
    }
    store = app.open_store()
    perspective = reviewer_here.strip() if reviewer_here else app.reviewer
    ids = [s.id for s in store.summaries()]
    if untagged:
        ids = store.untagged_ids()
    if where:
        from tagger.query import parse_query
        from tagger.selection import filter_ids

        keep = set(filter_ids(store, parse_query(where, taxonomy), perspective))
        ids = [i for i in ids if i in keep]
    rows = []
    for aid in ids:
        review = store.effective_review(aid, perspective)
        if reviewer_here and (review is None or review.reviewer != perspective):
            continue
        if status and (review.status if review else "untagged") != status:
            continue
        if any(not review or label not in review.labels(g) for g, label in wanted.items()):
            continue
        rows.append((store.summary(aid), review))
        if limit and len(rows) >= limit:
            break
    if as_json:
        echo_json([
            {
                "id": s.id, "title": s.title, "source": s.source, "date": s.date,
                "status": r.status if r else "untagged", "reviewer": r.reviewer if r else None,
                "tags": {g: list(v) for g, v in r.tags.items()} if r else {},
            }
            for s, r in rows
        ])
        return
    for s, r in rows:
        state = r.status if r else "untagged"
        click.echo(
            f"{s.id}  {state:<8}  {s.date[:10]:<10}  {clean_line(s.source)[:16]:<16}  "
            f"{clean_line(s.title)[:60]}  {clean_line(_tags_text(r, taxonomy))}".rstrip()
        )
    if not rows:
        click.echo("No articles match.", err=True)


COMMANDS: list = [tag_cmd, show_cmd, list_cmd]
