"""The Label Studio writer: a JSON list of tasks, plus the labeling config that matches it.

Each task has the article in "data" (text, id, title, source, date, url and the review's
reviewer, status and note), the review's tags as one "choices" result per group in
"annotations", and, with --spans, the entities and numbers as "labels" results in
"predictions", so Label Studio shows them as pre-annotations to accept or correct.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO
from xml.sax.saxutils import quoteattr

import orjson

from tagger.config import Taxonomy
from tagger.exporters import ExportError, ExportSpec
from tagger.models import ENTITY_LABELS, NUMBER_LABELS

DATA_KEYS = ("id", "title", "source", "date", "url", "reviewer", "status", "note")
SPAN_FROM = "label"  # the <Labels> control's name in the labeling config


def check_names(taxonomy: Taxonomy) -> None:
    """Label Studio controls share one namespace: a group may not be called "text" or "label"."""
    clash = [g.name for g in taxonomy.groups if g.name in ("text", SPAN_FROM)]
    if clash:
        raise ExportError(
            f"A tag group named {clash[0]!r} clashes with Label Studio's control of the same "
            "name in the labeling config; rename the group to export for Label Studio.",
            title="Taxonomy clash",
        )


def _choices(record: dict[str, Any], spec: ExportSpec) -> list[dict[str, Any]]:
    results = []
    tags = record.get("tags") or {}
    for group in spec.taxonomy.groups:
        value = tags.get(group.name)
        chosen = [value] if isinstance(value, str) else list(value or ())
        if chosen:
            results.append(
                {
                    "id": f"{record['id']}-{group.name}",
                    "from_name": group.name,
                    "to_name": "text",
                    "type": "choices",
                    "value": {"choices": chosen},
                }
            )
    return results


def _span_results(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{record['id']}-s{i}",
            "from_name": SPAN_FROM,
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": s["start"],
                "end": s["end"],
                "text": s["text"],
                "labels": [s["label"]],
            },
        }
        for i, s in enumerate(record.get("spans") or ())
    ]


def task(record: dict[str, Any], spec: ExportSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"text": record.get("text", "")}
    data.update((key, record.get(key)) for key in DATA_KEYS)
    out: dict[str, Any] = {"data": data, "annotations": []}
    if record.get("reviewer"):
        out["annotations"].append({"result": _choices(record, spec)})
    if spec.spans:
        out["predictions"] = [{"model_version": "tagger", "result": _span_results(record)}]
    return out


def write_label_studio(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    # One JSON array, written item by item so memory stays flat.
    check_names(spec.taxonomy)
    count = 0
    out.write(b"[")
    for record in records:
        out.write(b"\n" if count == 0 else b",\n")
        out.write(orjson.dumps(task(record, spec)))
        count += 1
    out.write(b"\n]\n" if count else b"]\n")
    return count


def labeling_config(taxonomy: Taxonomy) -> str:
    """The Label Studio labeling config (XML) whose control names match the exported tasks."""
    check_names(taxonomy)
    lines = ["<View>", '  <Header value="$title"/>', f'  <Labels name="{SPAN_FROM}" toName="text">']
    lines += [f"    <Label value={quoteattr(name)}/>" for name in (*ENTITY_LABELS, *NUMBER_LABELS)]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>']
    for group in taxonomy.groups:
        choice = "multiple" if group.multi else "single-radio"
        lines.append(f"  <Header value={quoteattr(group.title)}/>")
        lines.append(
            f'  <Choices name={quoteattr(group.name)} toName="text" choice="{choice}" showInline="true">'
        )
        lines += [
            f"    <Choice value={quoteattr(lb.name)} hint={quoteattr(lb.title)}/>"
            for lb in group.labels
        ]
        lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"
