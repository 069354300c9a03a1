//! The top bar (open, export, progress, cancel) and the drop overlay.

use super::*;
use khabar_core::loader::Stage;

impl KhabarApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let l = self.language;
        ui.horizontal(|ui| {
            if ui.button(text(ui, l.t(T::OpenFolder))).clicked() {
                self.command(Command::PickFolder);
            }
            if ui.button(text(ui, l.t(T::TypePath))).clicked() {
                self.command(Command::ShowPathField(!self.show_path_field));
            }
            if ui.button(text(ui, l.t(T::DemoCorpus))).clicked() {
                self.command(Command::Open(CorpusSource::Demo));
            }
            ui.menu_button(text(ui, l.t(T::Export)), |ui| {
                for format in [Format::Csv, Format::Json, Format::Html] {
                    if ui.button(format.label()).clicked() {
                        self.commands.push(Command::Export(format));
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(text(ui, l.t(T::ExportHover)));
            // The view menu stays open while sizes and themes are tried.
            egui::containers::menu::MenuButton::new(text(ui, l.t(T::ViewMenu)))
                .config(
                    egui::containers::menu::MenuConfig::new()
                        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside),
                )
                .ui(ui, |ui| {
                    ui.with_layout(l.panel_layout(), |ui| self.view_menu_ui(ui));
                });
            let help = ui
                .selectable_label(self.show_help, text(ui, l.t(T::HelpButton)))
                .on_hover_text(text(ui, l.t(T::HelpHover)));
            if help.clicked() {
                self.command(Command::ShowHelp(!self.show_help));
            }
            if self.library.is_loading() {
                let p = &self.library.progress;
                let mib = |b: u64| format!("{:.1}", b as f64 / (1024.0 * 1024.0));
                let percent = format!("{:.0}", p.stage_fraction() * 100.0);
                let progress = match p.stage {
                    Stage::Listing => l.f(T::StageListing, &[&p.found]),
                    Stage::Reading | Stage::Done => l.f(
                        T::Progress,
                        &[
                            &p.files_done,
                            &p.total_files,
                            &mib(p.bytes_done),
                            &mib(p.total_bytes),
                        ],
                    ),
                    Stage::Names => l.f(T::StageNames, &[&percent]),
                    Stage::Dates => l.f(T::StageDates, &[&percent]),
                    Stage::Index => l.t(T::StageIndex).to_owned(),
                };
                // Listing and the index cannot say how far they are: the bar moves instead.
                let unknown_length = matches!(p.stage, Stage::Listing | Stage::Index);
                ui.add(
                    egui::ProgressBar::new(p.stage_fraction())
                        .text(text(ui, progress))
                        .animate(unknown_length)
                        .desired_width(320.0),
                );
                if ui.button(text(ui, l.t(T::Cancel))).clicked() {
                    self.command(Command::CancelLoad);
                }
            }
        });
        if self.show_path_field {
            ui.horizontal(|ui| {
                let label = ui.label(text(ui, l.t(T::FolderPath)));
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path_field)
                            .desired_width(480.0)
                            .hint_text("/home/me/articles"),
                    )
                    .labelled_by(label.id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(text(ui, l.t(T::Open))).clicked() || enter {
                    match source_for_typed_path(&self.path_field) {
                        Ok(source) => {
                            self.commands.push(Command::Open(source));
                            self.commands.push(Command::ShowPathField(false));
                        }
                        Err(PathProblem::Empty) => self.message = Some(l.t(T::EmptyPath).into()),
                        Err(PathProblem::NotFound(path)) => {
                            self.message = Some(l.f(T::NoSuchFolder, &[&path]))
                        }
                    }
                }
            });
        }
        if let Some(message) = &self.message {
            let shown = text(ui, message.as_str()).color(ui.visuals().warn_fg_color);
            ui.label(shown);
        }
    }

    /// Language, text size, theme and the direction of time.
    fn view_menu_ui(&mut self, ui: &mut egui::Ui) {
        let l = self.language;
        ui.label(text(ui, l.t(T::LanguageMenu)));
        for language in Language::ALL {
            if ui
                .radio(self.language == language, language.native_name())
                .clicked()
            {
                self.commands.push(Command::SetLanguage(language));
            }
        }
        ui.separator();
        ui.label(text(ui, l.t(T::TextSize)));
        ui.horizontal(|ui| {
            let zoom = ui.ctx().zoom_factor();
            if ui.button(text(ui, l.t(T::Smaller))).clicked() {
                self.commands.push(Command::SetZoom(zoom - ZOOM_STEP));
            }
            ui.label(format!("{:.0}%", zoom * 100.0));
            if ui.button(text(ui, l.t(T::Larger))).clicked() {
                self.commands.push(Command::SetZoom(zoom + ZOOM_STEP));
            }
            if ui.button(text(ui, l.t(T::ResetSize))).clicked() {
                self.commands.push(Command::SetZoom(1.0));
            }
        });
        ui.separator();
        ui.label(text(ui, l.t(T::ThemeMenu)));
        let current = ui.ctx().options(|o| o.theme_preference);
        for (theme, key) in [
            (egui::ThemePreference::System, T::ThemeSystem),
            (egui::ThemePreference::Light, T::ThemeLight),
            (egui::ThemePreference::Dark, T::ThemeDark),
        ] {
            if ui.radio(current == theme, text(ui, l.t(key))).clicked() {
                self.commands.push(Command::SetTheme(theme));
            }
        }
        ui.separator();
        ui.checkbox(&mut self.time_rtl, text(ui, l.t(T::TimeRtl)))
            .on_hover_text(text(ui, l.t(T::TimeRtlHover)));
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
                self.language.t(T::DropHere),
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}
