//! The entity sidebar: people, places and organisations with their counts, searchable;
//! clicking one filters the article list.

use crate::core::bidi::Direction;
use crate::core::curation::Edit;
use crate::core::index::{EntityIndex, EntitySummary, SortBy};
use crate::core::lexicon::Kind;
use crate::ui::app::Command;
use crate::ui::bidi_text::{Align, TextLayout, TextStyle};
use crate::ui::reader::kind_color;
use egui::{Sense, Ui, vec2};

/// Rows shown per kind before "show all".
const ROWS_PER_KIND: usize = 200;

/// What the sidebar shows and edits.
pub struct Sidebar<'a> {
    pub index: &'a EntityIndex,
    pub query: &'a mut String,
    /// The entity the list is filtered by.
    pub selected: Option<&'a str>,
    pub annotating: bool,
    /// The entity chosen to be merged into another.
    pub merge_source: Option<&'a str>,
    /// The entity being renamed and the name typed so far.
    pub renaming: &'a mut Option<(String, String)>,
    /// Number of corrections recorded (for the undo button).
    pub edits: usize,
    pub error: Option<&'a str>,
    pub sort: &'a mut SortBy,
}

/// Shows the sidebar; clicking a row filters the list, right-clicking it corrects it.
pub fn entity_sidebar_ui(ui: &mut Ui, s: &mut Sidebar<'_>) -> Option<Command> {
    let mut command = None;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(s.query)
                .hint_text("Search names…")
                .desired_width(ui.available_width() - 70.0),
        );
        let undo = ui
            .add_enabled(s.edits > 0, egui::Button::new("Undo"))
            .on_hover_text("Take back the last correction (Ctrl+Z)");
        if undo.clicked() {
            command = Some(Command::Undo);
        }
    });
    ui.horizontal(|ui| {
        ui.label("Sort by");
        for (sort, label) in [
            (SortBy::Articles, "articles"),
            (SortBy::Mentions, "mentions"),
            (SortBy::Name, "name"),
        ] {
            ui.selectable_value(s.sort, sort, label);
        }
    });
    if let Some(error) = s.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let body_font = egui::TextStyle::Body.resolve(ui.style());
    if let Some(key) = s.selected {
        let name = s.index.get(key).map_or(key, |e| e.name.as_str());
        ui.horizontal(|ui| {
            ui.label("Filter:");
            let style = TextStyle::new(
                body_font.clone(),
                ui.visuals().strong_text_color(),
                Direction::Rtl,
            );
            crate::ui::bidi_text::bidi_label(ui, name, &style, 1, Sense::hover());
            if ui
                .button("× Clear")
                .on_hover_text("Show all articles")
                .clicked()
            {
                command = Some(Command::ToggleEntity(key.to_owned()));
            }
        });
    }
    if let Some(source) = s.merge_source {
        let name = s.index.get(source).map_or(source, |e| e.name.as_str());
        ui.horizontal(|ui| {
            ui.label("Merging:");
            let style = TextStyle::new(
                body_font.clone(),
                ui.visuals().strong_text_color(),
                Direction::Rtl,
            );
            crate::ui::bidi_text::bidi_label(ui, name, &style, 1, Sense::hover());
            if ui.button("Cancel merge").clicked() {
                command = Some(Command::MarkForMerge(None));
            }
        });
        ui.weak("Right-click the entity to merge it into.");
    }
    if let Some((key, name)) = s.renaming.as_mut() {
        ui.horizontal(|ui| {
            let label = ui.label("New name:");
            let edit = ui
                .add(egui::TextEdit::singleline(name).desired_width(ui.available_width() - 90.0))
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Rename").clicked() || enter) && !name.trim().is_empty() {
                command = Some(Command::Curate(Edit::Rename {
                    key: key.clone(),
                    name: name.trim().to_owned(),
                }));
            }
            if ui.button("Cancel").clicked() {
                command = Some(Command::StartRename(None));
            }
        });
    }
    if s.annotating {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("Finding names…");
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (kind, title) in [
                (Kind::Person, "People"),
                (Kind::Place, "Places"),
                (Kind::Org, "Organisations"),
            ] {
                let list = s.index.list_sorted(kind, s.query, *s.sort);
                egui::CollapsingHeader::new(format!("{title} ({})", list.len()))
                    .id_salt(title)
                    .default_open(true)
                    .show(ui, |ui| {
                        for entity in list.iter().take(ROWS_PER_KIND) {
                            let is_selected = s.selected == Some(entity.key.as_str());
                            let row = entity_row_ui(
                                ui,
                                &entity.name,
                                entity.kind,
                                entity.articles.len(),
                                entity.mentions,
                                is_selected,
                            );
                            if row.clicked() {
                                command = Some(Command::ToggleEntity(entity.key.clone()));
                            }
                            row.context_menu(|ui| {
                                if let Some(c) = correction_menu_ui(ui, entity, s.merge_source) {
                                    command = Some(c);
                                    ui.close();
                                }
                            });
                        }
                        if list.len() > ROWS_PER_KIND {
                            ui.weak(format!(
                                "… {} more: search to find them",
                                list.len() - ROWS_PER_KIND
                            ));
                        }
                    });
            }
        });
    command
}

/// The corrections offered for one entity.
fn correction_menu_ui(
    ui: &mut Ui,
    entity: &EntitySummary,
    merge_source: Option<&str>,
) -> Option<Command> {
    let key = entity.key.clone();
    if let Some(source) = merge_source.filter(|s| *s != key)
        && ui.button("Merge the marked entity into this one").clicked()
    {
        return Some(Command::Curate(Edit::Merge {
            from: source.to_owned(),
            into: key,
        }));
    }
    if ui.button("Rename…").clicked() {
        return Some(Command::StartRename(Some(key)));
    }
    if ui.button("Mark for merging…").clicked() {
        return Some(Command::MarkForMerge(Some(key)));
    }
    let mut chosen = None;
    ui.menu_button("Change kind", |ui| {
        for (kind, label) in [
            (Kind::Person, "Person"),
            (Kind::Place, "Place"),
            (Kind::Org, "Organisation"),
        ] {
            if kind != entity.kind && ui.button(label).clicked() {
                chosen = Some(Command::Curate(Edit::ChangeKind {
                    key: key.clone(),
                    kind,
                }));
            }
        }
    });
    if chosen.is_some() {
        return chosen;
    }
    if entity.forms.len() > 1 {
        ui.menu_button("Split a spelling off", |ui| {
            let style = TextStyle::new(
                egui::TextStyle::Button.resolve(ui.style()),
                ui.visuals().text_color(),
                Direction::Rtl,
            );
            for form in &entity.forms {
                if crate::ui::bidi_text::bidi_label(ui, form, &style, 1, Sense::click()).clicked() {
                    chosen = Some(Command::Curate(Edit::SplitAlias {
                        key: key.clone(),
                        alias: form.clone(),
                    }));
                }
            }
        });
        if chosen.is_some() {
            return chosen;
        }
    }
    if ui.button("Hide (not an entity)").clicked() {
        return Some(Command::Curate(Edit::Hide { key }));
    }
    None
}

fn entity_row_ui(
    ui: &mut Ui,
    name: &str,
    kind: Kind,
    articles: usize,
    mentions: usize,
    selected: bool,
) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let height = ui.fonts_mut(|f| f.row_height(&font)) + 6.0;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
        }
        let swatch =
            egui::Rect::from_min_size(rect.left_center() - vec2(-4.0, 5.0), vec2(10.0, 10.0));
        ui.painter()
            .rect_filled(swatch, 2.0, kind_color(kind, true, ui.visuals().dark_mode));
        let counts = format!("{articles} · {mentions}");
        let counts_galley =
            ui.painter()
                .layout_no_wrap(counts, small, ui.visuals().weak_text_color());
        let counts_width = counts_galley.size().x;
        ui.painter().galley(
            rect.left_center() + vec2(20.0, -counts_galley.size().y / 2.0),
            counts_galley,
            ui.visuals().weak_text_color(),
        );
        let name_rect = egui::Rect::from_min_max(
            rect.min + vec2(28.0 + counts_width, 3.0),
            rect.max - vec2(6.0, 0.0),
        );
        let style =
            TextStyle::new(font, ui.visuals().text_color(), Direction::Rtl).align(Align::Right);
        let layout = TextLayout::new(ui.painter(), name, 0, &style, name_rect.width());
        layout.paint_rows(
            &ui.painter().with_clip_rect(name_rect),
            name_rect.min,
            &[],
            1,
        );
    }
    let label = format!("{name} ({articles} articles, {mentions} mentions)");
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    response.on_hover_text(format!("{articles} articles, {mentions} mentions"))
}
