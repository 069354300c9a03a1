//! Exporting the filtered set: the save dialog and the write, both off the UI thread.

use super::*;

impl KhabarApp {
    /// Opens a save dialog on its own thread; the chosen path comes back as `ExportTo`.
    pub(super) fn ask_export_path(&self, ctx: &egui::Context, format: Format) {
        let sender = self.export_results.0.clone();
        let ctx = ctx.clone();
        let name = format!(
            "{}.{}",
            sanitize_file_name(&self.library.source.display_name()),
            format.extension()
        );
        let _ = std::thread::Builder::new()
            .name("khabar-save-dialog".into())
            .spawn(move || {
                let chosen = rfd::FileDialog::new()
                    .set_title("Export the articles shown")
                    .set_file_name(name)
                    .add_filter(format.label(), &[format.extension()])
                    .save_file();
                if let Some(path) = chosen {
                    let _ = sender.send(ExportOutcome::Chosen(format, path));
                }
                ctx.request_repaint();
            });
    }

    /// Gathers the articles shown now, then renders and writes them atomically off the UI
    /// thread (gathering copies the extraction results; rendering is the larger part).
    pub(super) fn export_to(&mut self, ctx: &egui::Context, format: Format, path: PathBuf) {
        let visible = self.visible();
        let articles: Vec<ExportArticle> = visible
            .iter()
            .filter_map(|&i| {
                let &(d, a) = self.library.entries.get(i)?;
                let doc = &self.library.documents[d];
                let article = &doc.articles[a];
                let entities = self
                    .library
                    .entities
                    .get(d)
                    .and_then(|e| e.get(a))
                    .map_or(&[][..], |e| e.as_slice());
                let review = self.library.curation.review(&doc.article_id(article));
                Some(ExportArticle {
                    extract: khabar_core::extract::output::article(
                        doc,
                        article,
                        entities,
                        self.library.dates_of(d, a),
                    ),
                    review: review.state,
                    note: review.note,
                })
            })
            .collect();
        let header = ReportHeader {
            corpus: self.library.source.display_name(),
            filters: self.filter_description(visible.len()),
            exported: today_iso(),
        };
        let skipped = self.library.skipped.clone();
        let sender = self.export_results.0.clone();
        let ctx = ctx.clone();
        let count = articles.len();
        let _ = std::thread::Builder::new()
            .name("khabar-export".into())
            .spawn(move || {
                let bytes = render(format, &articles, &skipped, &header);
                let result = write_atomically(&path, &bytes)
                    .map(|()| (path.clone(), count))
                    .map_err(|e| format!("{}: {e}", path.display()));
                let _ = sender.send(ExportOutcome::Written(result));
                ctx.request_repaint();
            });
    }
}

/// What an export's dialog or write thread reports.
#[derive(Debug)]
pub(super) enum ExportOutcome {
    Chosen(Format, PathBuf),
    Written(Result<(PathBuf, usize), String>),
}

/// A file name from a corpus name: no path separators or characters Windows refuses.
pub(super) fn sanitize_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if r#"/\:*?"<>|"#.contains(c) { '_' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        "khabar-export".into()
    } else {
        format!("khabar-{trimmed}")
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub(super) fn today_iso() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i32);
    iso_day(days)
}
