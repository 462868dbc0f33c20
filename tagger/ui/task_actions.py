"""Long jobs of the app: importing the sample articles on a first run, and exporting a filter.

Both run in thread workers that report progress to a ProgressDialog and hand the result back
to the app on its own thread; neither is exclusive with saves, and neither touches widgets
from the worker thread.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual import work

from tagger import paths
from tagger.errors import TaggerError
from tagger.ui.dialogs.progress import ProgressDialog

if TYPE_CHECKING:
    from tagger.ui.app import TaggerApp
    from tagger.ui.dialogs.export_dialog import ExportChoice

    _Base = TaggerApp
else:
    _Base = object


class TaskActions(_Base):
    """Mixed into TaggerApp."""

    # --- first run ------------------------------------------------------------------------
    def offer_sample_import(self) -> None:
        from tagger.ui.dialogs.confirm import Confirm

        folder = paths.sample_articles_dir()
        if folder is None:
            self.notify("The store is empty. Import articles with `tagger import PATH`.",
                        timeout=8)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                dialog = ProgressDialog(f"Importing {folder}")
                self.push_screen(dialog)
                self._import_samples(folder, dialog)
            else:
                self.notify("Import articles any time with `tagger import PATH`.", timeout=5)

        self.push_screen(
            Confirm(f"The store {self.store.path} has no articles yet.\n\n"
                    f"Import the sample articles from {folder}?",
                    yes="Import", no="Not now"),
            answered,
        )

    @work(thread=True, group="import", exit_on_error=False)
    def _import_samples(self, folder: Any, dialog: ProgressDialog) -> None:
        from tagger.ingest import import_paths

        def progress(done: int, total: int) -> None:
            self.call_from_thread(dialog.advance, done, total)

        try:
            report = import_paths(self.store, [folder], progress=progress,
                                  cancel=lambda: dialog.cancelled)
        except (TaggerError, OSError) as exc:
            self.call_from_thread(self._job_failed, dialog, exc)
            return
        self.call_from_thread(self._imported, dialog, report.summary())

    def _imported(self, dialog: ProgressDialog, summary: str) -> None:
        dialog.dismiss()
        self.model.reload()
        self.apply_filter(self.query_text, name=self.queue_name, quiet=True)
        if self.model.ids and self.current_article_id is None:
            self.set_current(self.model.ids[0], 0)
        listing = self.list_screen
        if listing is not None:
            listing.rows_changed()
        self.notify(summary, title="Sample articles", timeout=5)

    def _job_failed(self, dialog: ProgressDialog, exc: BaseException) -> None:
        dialog.dismiss()
        self.report_error(exc)

    # --- export ---------------------------------------------------------------------------
    def action_export(self) -> None:
        from tagger.exporters import FORMAT_NAMES, get_format
        from tagger.ui.dialogs.export_dialog import ExportDialog

        formats = [(n, get_format(n).suffix, get_format(n).summary) for n in FORMAT_NAMES]
        stem = f"tagger-{self.queue_name or 'export'}-{date.today().isoformat()}"
        stem = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem)

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            dialog = ProgressDialog(f"Exporting to {choice.path}")
            self.push_screen(dialog)
            self._export(choice, self.query_text, dialog)

        self.push_screen(ExportDialog(formats, paths.exports_dir(), stem, self.query_text),
                         chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, choice: ExportChoice, where: str, dialog: ProgressDialog) -> None:
        from tagger.export import ExportOptions, export

        total = len(self.model.ids)
        done = [0]

        def on_article() -> None:
            done[0] += 1
            if done[0] % 50 == 0 or done[0] == total:
                self.call_from_thread(dialog.advance, done[0], total)
            if dialog.cancelled:
                raise TaggerError("The export was stopped; no file was written.",
                                  title="Export stopped")

        try:
            choice.path.parent.mkdir(parents=True, exist_ok=True)
            result = export(self.store, self.taxonomy,
                            ExportOptions(format=choice.format, where=where),
                            choice.path, on_article=on_article)
        except (TaggerError, OSError) as exc:
            self.call_from_thread(self._job_failed, dialog, exc)
            return
        self.call_from_thread(self._exported, dialog, result.count, result.path)

    def _exported(self, dialog: ProgressDialog, count: int, path: Any) -> None:
        dialog.dismiss()
        self.notify(f"Wrote {count} records to {path}", title="Export", timeout=10)
