//! The top bar (open, export, progress, cancel) and the drop overlay.

use super::*;

impl KhabarApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui.button("Open folder…").clicked() {
                self.command(Command::PickFolder);
            }
            if ui.button("Type a path…").clicked() {
                self.command(Command::ShowPathField(!self.show_path_field));
            }
            if ui.button("Demo corpus").clicked() {
                self.command(Command::Open(CorpusSource::Demo));
            }
            ui.menu_button("Export…", |ui| {
                for format in [Format::Csv, Format::Json, Format::Html] {
                    if ui.button(format.label()).clicked() {
                        self.commands.push(Command::Export(format));
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text("Save the articles shown now (with their review state and notes)");
            ui.checkbox(&mut self.time_rtl, "Time right to left")
                .on_hover_text("Run the timeline from right to left, as Arabic text reads");
            if self.library.is_loading() {
                let p = &self.library.progress;
                let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
                let text = format!(
                    "{} / {} files · {:.1} / {:.1} MB",
                    p.files_done,
                    p.total_files,
                    mib(p.bytes_done),
                    mib(p.total_bytes)
                );
                ui.add(
                    egui::ProgressBar::new(p.fraction())
                        .text(text)
                        .desired_width(320.0),
                );
                if ui.button("Cancel").clicked() {
                    self.command(Command::CancelLoad);
                }
            }
        });
        if self.show_path_field {
            ui.horizontal(|ui| {
                let label = ui.label("Folder path:");
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path_field)
                            .desired_width(480.0)
                            .hint_text("/home/me/articles"),
                    )
                    .labelled_by(label.id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Open").clicked() || enter {
                    match source_for_typed_path(&self.path_field) {
                        Ok(source) => {
                            self.commands.push(Command::Open(source));
                            self.commands.push(Command::ShowPathField(false));
                        }
                        Err(e) => self.message = Some(e),
                    }
                }
            });
        }
        if let Some(message) = &self.message {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
    }

    pub(super) fn drop_overlay_ui(&self, ui: &egui::Ui) {
        let hovering = ui.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let rect = ui.ctx().content_rect();
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop a folder to open it",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}
