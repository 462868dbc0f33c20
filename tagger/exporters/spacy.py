"""The spaCy writer: `{"text", "cats"}` JSONL for textcat training, or a DocBin when spaCy exists.

"cats" scores every label of every group ("topic:conflict": 1.0 or 0.0), the form spaCy's
textcat and textcat_multilabel components train on. With --spans each line also carries
"entities" as [start, end, LABEL]. spaCy is not a dependency: the binary `.spacy` DocBin is
written only when it is importable, and the command says so otherwise.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from tagger.exporters import ExportError, ExportSpec, span_triples, write_json_lines


def cats(record: dict[str, Any], spec: ExportSpec) -> dict[str, float]:
    tags = record.get("tags") or {}
    out: dict[str, float] = {}
    for group in spec.taxonomy.groups:
        value = tags.get(group.name)
        chosen = {value} if isinstance(value, str) else set(value or ())
        for label in group.labels:
            out[f"{group.name}:{label.name}"] = 1.0 if label.name in chosen else 0.0
    return out


def spacy_line(record: dict[str, Any], spec: ExportSpec) -> dict[str, Any]:
    line: dict[str, Any] = {"text": record.get("text", ""), "cats": cats(record, spec)}
    if spec.spans:
        line["entities"] = span_triples(record)
    line["meta"] = {"id": record.get("id"), "reviewer": record.get("reviewer")}
    return line


def write_spacy_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    return write_json_lines(records, out, lambda record: spacy_line(record, spec))


def spacy_available() -> bool:
    return importlib.util.find_spec("spacy") is not None


def check_docbin_possible(path: Path) -> None:
    """Raise a clear error when a `.spacy` file is asked for and spaCy is not installed."""
    if not spacy_available():
        raise ExportError(
            f"Writing {path.name} as a spaCy DocBin needs spaCy, which is not installed. "
            f"Install spaCy, or write {path.with_suffix('.jsonl').name} instead: the same "
            "text and cats as JSONL, which spaCy can convert.",
            title="spaCy not installed",
        )


def write_docbin(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    """A `.spacy` DocBin with doc.cats and, with --spans, doc.ents (spaCy must be installed).

    A DocBin is serialised whole, so unlike the other writers this one holds every doc.
    """
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("xx")
    docbin = DocBin(store_user_data=True)
    count = 0
    for record in records:
        line = spacy_line(record, spec)
        doc = nlp.make_doc(line["text"])
        doc.cats = line["cats"]
        if spec.spans:
            found = [
                doc.char_span(s, e, label=lab, alignment_mode="contract")
                for s, e, lab in line.get("entities", ())
            ]
            doc.ents = filter_spans([sp for sp in found if sp is not None])
        docbin.add(doc)
        count += 1
    out.write(docbin.to_bytes())
    return count
