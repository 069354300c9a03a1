//! The message about the corrections file when it cannot be used as usual: damaged (with the
//! reviewer's choice), written by a newer Khabar, or nowhere to save. It stays until the
//! situation changes: a reviewer must not miss that their work is not being saved.

use super::*;
use khabar_core::review::sidecar::SidecarState;

impl KhabarApp {
    /// Shows the banner when there is something to say; nothing otherwise.
    pub(super) fn corrections_banner_ui(&mut self, ui: &mut egui::Ui) {
        let Some(sidecar) = &self.library.sidecar else {
            return;
        };
        let l = self.language;
        // Paths and error texts are left-to-right runs inside a sentence that may be Arabic:
        // isolate them (FSI … PDI) so their slashes and dots stay where they are.
        let isolate = |s: &str| format!("\u{2068}{s}\u{2069}");
        let path = |p: &std::path::Path| isolate(&p.display().to_string());
        let (message, choices) = match &sidecar.state {
            SidecarState::Writable => return,
            SidecarState::Damaged {
                file,
                problem,
                backup,
                kept: false,
            } => {
                let copy = match backup {
                    Ok(copy) => l.f(T::CorrectionsCopy, &[&path(copy)]),
                    Err(e) => l.f(T::CorrectionsNoCopy, &[&isolate(e)]),
                };
                let message = l.f(
                    T::CorrectionsDamaged,
                    &[&path(file), &isolate(problem), &copy],
                );
                (message, (true, true))
            }
            SidecarState::Damaged {
                file, kept: true, ..
            } => (l.f(T::CorrectionsKept, &[&path(file)]), (false, true)),
            SidecarState::Newer { file, version } => (
                l.f(T::CorrectionsNewer, &[&path(file), version]),
                (false, false),
            ),
            SidecarState::Unwritable { problem } => (
                l.f(T::CorrectionsUnwritable, &[&isolate(problem)]),
                (false, false),
            ),
        };
        let warn = ui.visuals().warn_fg_color;
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, warn))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                // A paragraph laid out by our bidi layer and wrapped (one egui label would be
                // a single clipped line, in the wrong order in Arabic).
                let style = crate::ui::bidi_text::TextStyle::new(
                    egui::TextStyle::Body.resolve(ui.style()),
                    warn,
                    l.direction(),
                );
                crate::ui::bidi_text::bidi_label(
                    ui,
                    &message,
                    &style,
                    usize::MAX,
                    egui::Sense::hover(),
                );
                ui.horizontal(|ui| {
                    let (keep, fresh) = choices;
                    if keep
                        && ui
                            .button(text(ui, l.t(T::CorrectionsKeepReadOnly)))
                            .clicked()
                    {
                        self.command(Command::KeepCorrectionsReadOnly);
                    }
                    if fresh && ui.button(text(ui, l.t(T::CorrectionsStartFresh))).clicked() {
                        self.command(Command::StartFreshCorrections);
                    }
                });
            });
    }
}
