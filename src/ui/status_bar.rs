//! The status bar ("N articles · M skipped") and the skipped-files window.

use crate::ui::Command;
use crate::ui::bidi_text::{TextStyle, bidi_label};
use crate::ui::i18n::{Language, T, text, weak};
use egui::Ui;
use khabar_core::error::SkipReason;
use khabar_core::library::Library;
use khabar_core::text::bidi::Direction;

/// Shows the status bar; clicking the skipped count asks to list the skipped files.
pub fn status_bar_ui(ui: &mut Ui, library: &Library, shown: usize, l: Language) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        if shown == library.article_count() {
            ui.label(text(ui, l.f(T::NArticles, &[&shown])));
        } else {
            let count = l.f(T::ShownOf, &[&shown, &library.article_count()]);
            ui.label(text(ui, count));
        }
        ui.label("·");
        let skipped = l.f(T::NSkipped, &[&library.skipped.len()]);
        if library.skipped.is_empty() {
            ui.label(text(ui, skipped));
        } else if ui
            .link(text(ui, skipped))
            .on_hover_text(text(ui, l.t(T::SkippedHover)))
            .clicked()
        {
            command = Some(Command::ShowSkipped(true));
        }
        let warnings = library.warned;
        if warnings > 0
            && ui
                .link(text(ui, l.f(T::LoadedWithProblems, &[&warnings])))
                .clicked()
        {
            command = Some(Command::ShowSkipped(true));
        }
        let p = &library.progress;
        if let Some(error) = &library.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        } else if p.finished {
            let elapsed = p
                .elapsed
                .map(|e| l.f(T::InSeconds, &[&format!("{:.2}", e.as_secs_f32())]))
                .unwrap_or_default();
            let state = l.t(if p.cancelled {
                T::LoadingCancelled
            } else {
                T::Loaded
            });
            ui.label(weak(ui, format!("· {state}{elapsed}")));
            if p.is_partial() {
                partial_ui(ui, library, l, &mut command);
            }
            if let Some(cache) = &library.cache {
                cache_ui(ui, cache, l);
            }
        } else {
            let state = l.t(if p.annotating {
                T::FindingNames
            } else {
                T::Loading
            });
            ui.label(weak(ui, format!("· {state}")));
        }
        if let Some(sidecar) = &library.sidecar {
            if sidecar.is_overlay() && sidecar.may_write() {
                ui.label(weak(ui, l.t(T::CorrectionsInDataFolder)));
            }
            let unknown = library.curation.unknown_edits();
            if unknown > 0 {
                ui.label(weak(ui, l.f(T::CorrectionsUnknown, &[&unknown])));
            }
        }
    });
    command
}

/// What a cancelled load left out, and a button to load everything.
fn partial_ui(ui: &mut Ui, library: &Library, l: Language, command: &mut Option<Command>) {
    use khabar_core::loader::Stage;
    let p = &library.progress;
    let missing = match p.stage {
        Stage::Listing | Stage::Reading => l.f(T::PartialFiles, &[&p.files_done, &p.total_files]),
        _ => l.t(T::PartialNames).to_owned(),
    };
    let warn = ui.visuals().warn_fg_color;
    ui.label(crate::ui::i18n::styled(
        ui,
        format!("· {missing}"),
        egui::TextStyle::Body,
        Some(warn),
    ));
    if ui.button(text(ui, l.t(T::LoadEverything))).clicked() {
        *command = Some(Command::Open(library.source.clone()));
    }
}

/// How much came from the corpus cache, and any problem with it.
fn cache_ui(ui: &mut Ui, cache: &khabar_core::loader::CacheReport, l: Language) {
    let note = if cache.extraction_reused {
        l.t(T::FromCache).to_owned()
    } else if cache.reused > 0 {
        l.f(T::PartlyFromCache, &[&cache.read, &cache.removed])
    } else {
        String::new()
    };
    if !note.is_empty() {
        ui.label(weak(ui, format!("· {note}")));
    }
    let problem = match (&cache.problem, &cache.write_error) {
        (_, Some(e)) => Some(l.f(T::CacheNotWritten, &[e])),
        (Some(khabar_core::corpus::cache::CacheError::Corrupt(_)), _) => {
            Some(l.t(T::CacheRebuilt).to_owned())
        }
        _ => None,
    };
    if let Some(problem) = problem {
        let warn = ui.visuals().warn_fg_color;
        ui.label(crate::ui::i18n::styled(
            ui,
            format!("· {problem}"),
            egui::TextStyle::Body,
            Some(warn),
        ));
    }
}

/// The list of skipped files with their reasons, and files loaded with decoding problems.
pub fn skipped_window_ui(ctx: &egui::Context, library: &Library, open: &mut bool, l: Language) {
    egui::Window::new(l.t(T::SkippedFiles))
        .open(open)
        .default_width(680.0)
        .resizable(true)
        .show(ctx, |ui| {
            ui.label(text(ui, l.f(T::NotLoaded, &[&library.skipped.len()])));
            egui::ScrollArea::vertical()
                .max_height(280.0)
                .show(ui, |ui| {
                    egui::Grid::new("skipped")
                        .striped(true)
                        .num_columns(2)
                        .show(ui, |ui| {
                            for skipped in &library.skipped {
                                file_label(ui, &skipped.file);
                                ui.label(text(ui, skip_reason(&skipped.reason, l)));
                                ui.end_row();
                            }
                            for doc in library.documents.iter().filter(|d| d.warning.is_some()) {
                                file_label(ui, &doc.file);
                                ui.label(text(
                                    ui,
                                    l.f(
                                        T::LoadedBut,
                                        &[&doc.warning.as_deref().unwrap_or_default()],
                                    ),
                                ));
                                ui.end_row();
                            }
                        });
                });
        });
}

/// File names can be Arabic: draw them with the bidi layer.
fn file_label(ui: &mut Ui, file: &str) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let style = TextStyle::new(font, ui.visuals().text_color(), Direction::Ltr);
    bidi_label(ui, file, &style, 1, egui::Sense::hover());
}

/// Why a file was skipped, in the interface language (details such as the system's error
/// message stay as given).
pub fn skip_reason(reason: &SkipReason, l: Language) -> String {
    match reason {
        SkipReason::Empty => l.t(T::SkipEmpty).into(),
        SkipReason::Binary(why) => l.f(T::SkipBinary, &[why]),
        SkipReason::Undecodable(why) => l.f(T::SkipUndecodable, &[why]),
        SkipReason::Unreadable(why) => l.f(T::SkipUnreadable, &[why]),
        SkipReason::DanglingLink => l.t(T::SkipDangling).into(),
        SkipReason::SymlinkLoop(to) => l.f(T::SkipLoop, &[to]),
        SkipReason::TooLarge {
            size_mib,
            limit_mib,
        } => l.f(T::SkipTooLarge, &[size_mib, limit_mib]),
        SkipReason::NotText(ext) => l.f(T::SkipNotText, &[ext]),
        SkipReason::LinkOutside(to) => l.f(T::SkipLinkOutside, &[to]),
        SkipReason::AlreadyListed(first) => l.f(T::SkipAlreadyListed, &[first]),
        SkipReason::NotRegular(kind) => l.f(T::SkipNotRegular, &[kind]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_reasons_read_the_same_as_the_core_in_english_and_are_translated() {
        let reasons = [
            SkipReason::Empty,
            SkipReason::Binary("NUL bytes".into()),
            SkipReason::Undecodable("x".into()),
            SkipReason::Unreadable("denied".into()),
            SkipReason::DanglingLink,
            SkipReason::SymlinkLoop("/a".into()),
            SkipReason::TooLarge {
                size_mib: 900,
                limit_mib: 512,
            },
            SkipReason::NotText("pdf".into()),
        ];
        for reason in reasons {
            assert_eq!(skip_reason(&reason, Language::English), reason.to_string());
            assert!(crate::ui::i18n::has_rtl(&skip_reason(
                &reason,
                Language::Arabic
            )));
        }
    }
}
