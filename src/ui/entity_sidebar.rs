//! The entity sidebar: people, places and organisations with their counts, searchable;
//! clicking one filters the article list.

use crate::core::bidi::Direction;
use crate::core::curation::Edit;
use crate::core::index::{EntityIndex, EntitySummary, SortBy};
use crate::core::lexicon::Kind;
use crate::ui::app::Command;
use crate::ui::bidi_text::{Align, TextLayout, TextStyle};
use crate::ui::library::EntityMatch;
use crate::ui::reader::kind_color;
use egui::{Sense, Ui, vec2};

/// Rows shown per kind before "show all".
const ROWS_PER_KIND: usize = 200;

/// What the sidebar shows and edits.
pub struct Sidebar<'a> {
    pub index: &'a EntityIndex,
    pub query: &'a mut String,
    /// The entities the list is filtered by.
    pub selected: &'a [String],
    pub entity_match: EntityMatch,
    /// Kinds the list and the sidebar are limited to; all when empty.
    pub kinds: &'a [Kind],
    /// Articles of the filtered list mentioning each entity (indexed like `index.entities`);
    /// `None` when nothing is filtered.
    pub counts: Option<&'a [u32]>,
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
                .desired_width(ui.available_width() - 100.0),
        );
        if !s.query.is_empty()
            && ui
                .small_button("×")
                .on_hover_text("Clear the name search")
                .clicked()
        {
            s.query.clear();
        }
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
    ui.horizontal_wrapped(|ui| {
        ui.label("Show");
        for (kind, label) in [
            (Kind::Person, "People"),
            (Kind::Place, "Places"),
            (Kind::Org, "Organisations"),
        ] {
            let on = s.kinds.is_empty() || s.kinds.contains(&kind);
            let toggle = ui
                .selectable_label(on, label)
                .on_hover_text("Only articles that mention this kind of entity");
            if toggle.clicked() {
                command = Some(Command::ToggleKind(kind));
            }
        }
    });
    if s.selected.len() > 1 {
        ui.horizontal(|ui| {
            ui.label("Articles with");
            let mut mode = s.entity_match;
            ui.selectable_value(&mut mode, EntityMatch::All, "all of them")
                .on_hover_text("Articles that mention every selected entity");
            ui.selectable_value(&mut mode, EntityMatch::Any, "any of them")
                .on_hover_text("Articles that mention at least one selected entity");
            if mode != s.entity_match {
                command = Some(Command::SetEntityMatch(mode));
            }
        });
    }
    if !s.selected.is_empty()
        && let Some(counts) = s.counts
        && let Some(c) = appears_with_ui(ui, s.index, s.selected, counts, s.kinds)
    {
        command = Some(c);
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
                if !s.kinds.is_empty() && !s.kinds.contains(&kind) {
                    continue;
                }
                let list = shown_entities(s, kind);
                egui::CollapsingHeader::new(format!("{title} ({})", list.len()))
                    .id_salt(title)
                    .default_open(true)
                    .show(ui, |ui| {
                        for &(entity, shown) in list.iter().take(ROWS_PER_KIND) {
                            let is_selected = s.selected.contains(&entity.key);
                            let row = entity_row_ui(ui, entity, shown, is_selected);
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

/// One entity: colour of its kind, its counts ("shown / all" when the list is filtered)
/// and its name.
fn entity_row_ui(
    ui: &mut Ui,
    entity: &EntitySummary,
    shown: Option<u32>,
    selected: bool,
) -> egui::Response {
    let (name, kind, articles, mentions) = (
        entity.name.as_str(),
        entity.kind,
        entity.articles.len(),
        entity.mentions,
    );
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
        let counts = match shown {
            Some(n) => format!("{n} / {articles}"),
            None => format!("{articles} · {mentions}"),
        };
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
    let hover = match shown {
        Some(n) => {
            format!("{n} of the articles shown; {articles} articles, {mentions} mentions in all")
        }
        None => format!("{articles} articles, {mentions} mentions"),
    };
    let label = format!("{name} ({hover})");
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    response.on_hover_text(hover)
}

/// The entities of a kind to list, with their count in the filtered list: when the list is
/// filtered, those it mentions (and the selected ones), most frequent there first.
fn shown_entities<'i>(s: &Sidebar<'i>, kind: Kind) -> Vec<(&'i EntitySummary, Option<u32>)> {
    let list = s.index.list_sorted(kind, s.query, *s.sort);
    let Some(counts) = s.counts else {
        return list.into_iter().map(|e| (e, None)).collect();
    };
    let count = |e: &EntitySummary| {
        s.index
            .position(&e.key)
            .and_then(|p| counts.get(p).copied())
            .unwrap_or(0)
    };
    let mut shown: Vec<(&EntitySummary, Option<u32>)> = list
        .into_iter()
        .map(|e| (e, Some(count(e))))
        .filter(|(e, n)| *n > Some(0) || s.selected.contains(&e.key))
        .collect();
    if *s.sort == SortBy::Articles {
        // Stable: ties keep the corpus-wide order.
        shown.sort_by_key(|e| std::cmp::Reverse(e.1));
    }
    shown
}

/// Rows of the entities that co-occur most with the selection in the filtered list.
const APPEARS_WITH_ROWS: usize = 8;

/// "Appears with": the entities mentioned most often in the articles of the selection,
/// each a click away from being added to the filter.
fn appears_with_ui(
    ui: &mut Ui,
    index: &EntityIndex,
    selected: &[String],
    counts: &[u32],
    kinds: &[Kind],
) -> Option<Command> {
    let mut ranked: Vec<(usize, u32)> = counts
        .iter()
        .enumerate()
        .filter(|&(p, &n)| {
            let e = &index.entities[p];
            n > 0 && !selected.contains(&e.key) && (kinds.is_empty() || kinds.contains(&e.kind))
        })
        .map(|(p, &n)| (p, n))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut command = None;
    egui::CollapsingHeader::new("Appears with")
        .id_salt("appears_with")
        .default_open(true)
        .show(ui, |ui| {
            if ranked.is_empty() {
                ui.weak("No other entity in these articles.");
            }
            for &(p, n) in ranked.iter().take(APPEARS_WITH_ROWS) {
                let entity = &index.entities[p];
                let row = entity_row_ui(ui, entity, Some(n), false)
                    .on_hover_text("Click to add it to the filter");
                if row.clicked() {
                    command = Some(Command::ToggleEntity(entity.key.clone()));
                }
            }
        });
    command
}
