//! The window: where each panel goes (mirrored for Arabic), and the per-frame order of
//! taking in events, applying commands and refreshing the filtered list.

use super::*;

impl eframe::App for KhabarApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.saved_state());
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_background(ctx);
        self.apply_commands(ctx);
        self.refresh_view();
        self.refresh_hits();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let l = self.language;
        // Arabic mirrors the window: the list on the right, rows from right to left.
        let layout = l.panel_layout();
        let (list_panel, entity_panel) = if l.is_rtl() {
            (
                egui::Panel::right("article_list"),
                egui::Panel::left("entities"),
            )
        } else {
            (
                egui::Panel::left("article_list"),
                egui::Panel::right("entities"),
            )
        };
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.with_layout(layout, |ui| {
                self.top_bar_ui(ui);
                self.corrections_banner_ui(ui);
            });
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.with_layout(layout, |ui| {
                if let Some(command) =
                    status_bar::status_bar_ui(ui, &self.library, self.view.visible.len(), l)
                {
                    self.command(command);
                }
            });
        });
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| self.timeline_ui(ui));
        list_panel
            .resizable(true)
            .default_size(380.0)
            .min_size(220.0)
            .show(ui, |ui| {
                ui.with_layout(layout, |ui| {
                    self.filter_bar_ui(ui);
                    if let Some(command) = article_list::article_list_ui(
                        ui,
                        &self.library,
                        &self.view.visible,
                        self.selected.as_ref(),
                        l,
                    ) {
                        self.command(command);
                    }
                });
            });
        entity_panel
            .resizable(true)
            .default_size(300.0)
            .min_size(200.0)
            .show(ui, |ui| {
                let p = &self.library.progress;
                let annotating = p.annotating.then(|| p.stage_fraction());
                let mut sidebar = entity_sidebar::Sidebar {
                    index: &self.library.index,
                    query: &mut self.entity_query,
                    selected: &self.filters.entities,
                    entity_match: self.filters.entity_match,
                    kinds: &self.filters.kinds,
                    counts: self.view.counts.as_deref(),
                    annotating,
                    names_cancelled: self.library.progress.is_partial(),
                    merge_source: self.merge_source.as_deref(),
                    renaming: &mut self.renaming,
                    edits: self.library.curation.edits.len(),
                    error: self.library.curation_error.as_deref(),
                    sort: &mut self.entity_sort,
                    language: l,
                    cache: &mut self.sidebar_lists,
                    generation: (self.library.id, self.library.revision, self.view.generation),
                };
                let command = ui
                    .with_layout(layout, |ui| {
                        entity_sidebar::entity_sidebar_ui(ui, &mut sidebar)
                    })
                    .inner;
                if let Some(command) = command {
                    self.command(command);
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.with_layout(layout, |ui| self.review_bar_ui(ui));
            let article = self
                .selected
                .as_ref()
                .and_then(|key| self.library.find(key));
            let marks = Marks {
                list: self
                    .selected
                    .as_ref()
                    .and_then(|key| self.library.index_of(key))
                    .map(|i| {
                        self.library
                            .entities_of(i)
                            .iter()
                            .filter(|e| {
                                let kinds = &self.filters.kinds;
                                kinds.is_empty() || kinds.contains(&e.kind)
                            })
                            .flat_map(|e| {
                                e.mentions.iter().map(|r| reader::Mark {
                                    range: r.clone(),
                                    kind: e.kind,
                                    key: e.key.clone(),
                                    name: e.name.clone(),
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                selected: &self.filters.entities,
                dates: self.date_marks(),
                hits: self.hits.1.clone(),
                language: l,
                published: self.publication_line(),
            };
            reader::reader_ui(ui, article, &mut self.reader, &self.library, &marks);
        });
        if let Some(key) = self.reader.clicked_entity.take()
            && !self.filters.entities.contains(&key)
        {
            self.command(Command::ToggleEntity(key));
        }
        if self.show_skipped {
            let mut open = true;
            status_bar::skipped_window_ui(ui.ctx(), &self.library, &mut open, l);
            if !open {
                self.command(Command::ShowSkipped(false));
            }
        }
        if self.show_help {
            let mut open = true;
            crate::ui::help::help_window_ui(ui, &mut open, l);
            if !open {
                self.command(Command::ShowHelp(false));
            }
        }
        self.drop_overlay_ui(ui);
        // Commands from this frame's widgets take effect now, not a frame late.
        let ctx = ui.ctx().clone();
        self.apply_commands(&ctx);
        self.refresh_view();
        self.refresh_hits();
    }
}
