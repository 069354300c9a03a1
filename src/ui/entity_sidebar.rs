//! The entity sidebar: people, places and organisations with their counts, searchable;
//! clicking one filters the article list.

use crate::ui::Command;
use crate::ui::bidi_text::{Align, TextLayout, TextStyle};
use crate::ui::i18n::{Language, T, text, weak};
use crate::ui::reader::kind_color;
use egui::{Sense, Ui, vec2};
use khabar_core::extract::entities::Kind;
use khabar_core::query::filters::EntityMatch;
use khabar_core::query::index::{EntityIndex, EntitySummary, SortBy};
use khabar_core::review::curation::Edit;
use khabar_core::text::bidi::Direction;

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
    /// How far finding names has come (0..=1) while it runs.
    pub annotating: Option<f32>,
    /// The load was cancelled before names were found: say so instead of an empty list.
    pub names_cancelled: bool,
    /// The entity chosen to be merged into another.
    pub merge_source: Option<&'a str>,
    /// The entity being renamed and the name typed so far.
    pub renaming: &'a mut Option<(String, String)>,
    /// Number of corrections recorded (for the undo button).
    pub edits: usize,
    pub error: Option<&'a str>,
    pub sort: &'a mut SortBy,
    pub language: Language,
    /// What the lists were last built from, and the lists: rebuilt only when that changes,
    /// not every frame (a corpus can have tens of thousands of names).
    pub cache: &'a mut ListCache,
    /// Identifies the state of `index` and `counts` (library, revision, filtered view).
    pub generation: (u64, u64, u64),
}

/// What the lists were built from: generation, name search, order, selected entities, kinds.
type ListKey = ((u64, u64, u64), String, SortBy, Vec<String>, Vec<Kind>);
/// What the corpus-wide orders were built from: library and revision, name search, order.
type OrderKey = ((u64, u64), String, SortBy);

/// The sidebar's lists (positions in the index, with their count in the filtered list),
/// kept between frames. Two levels, so that a filter toggle does not sort every name of the
/// corpus again: the corpus-wide order of each kind (rebuilt when the index, the name search
/// or the order change) and the lists drawn from it for the filtered view.
#[derive(Debug, Default)]
pub struct ListCache {
    order_key: Option<OrderKey>,
    /// People, places, organisations: positions in the index, in the chosen order.
    order: [Vec<usize>; 3],
    key: Option<ListKey>,
    /// People, places, organisations as shown, with their count in the filtered list.
    lists: [Vec<(usize, Option<u32>)>; 3],
    /// "Appears with": the most frequent co-occurring entities and their counts.
    appears_with: Vec<(usize, u32)>,
}

/// Shows the sidebar; clicking a row filters the list, right-clicking it corrects it.
pub fn entity_sidebar_ui(ui: &mut Ui, s: &mut Sidebar<'_>) -> Option<Command> {
    let l = s.language;
    let mut command = None;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(s.query)
                .hint_text(text(ui, l.t(T::SearchNames)))
                .desired_width(ui.available_width() - 100.0),
        );
        if !s.query.is_empty()
            && ui
                .small_button("×")
                .on_hover_text(text(ui, l.t(T::ClearNameSearch)))
                .clicked()
        {
            s.query.clear();
        }
        let undo = ui
            .add_enabled(s.edits > 0, egui::Button::new(text(ui, l.t(T::Undo))))
            .on_hover_text(text(ui, l.t(T::UndoHover)));
        if undo.clicked() {
            command = Some(Command::Undo);
        }
    });
    ui.horizontal(|ui| {
        ui.label(text(ui, l.t(T::SortBy)));
        for (sort, label) in [
            (SortBy::Articles, T::SortArticles),
            (SortBy::Mentions, T::SortMentions),
            (SortBy::Name, T::SortName),
        ] {
            ui.selectable_value(s.sort, sort, text(ui, l.t(label)));
        }
    });
    if let Some(error) = s.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let body_font = egui::TextStyle::Body.resolve(ui.style());
    ui.horizontal_wrapped(|ui| {
        ui.label(text(ui, l.t(T::Show)));
        for (kind, label) in [
            (Kind::Person, T::People),
            (Kind::Place, T::Places),
            (Kind::Org, T::Orgs),
        ] {
            let on = s.kinds.is_empty() || s.kinds.contains(&kind);
            let toggle = ui
                .selectable_label(on, text(ui, l.t(label)))
                .on_hover_text(text(ui, l.t(T::KindHover)));
            if toggle.clicked() {
                command = Some(Command::ToggleKind(kind));
            }
        }
    });
    if s.selected.len() > 1 {
        ui.horizontal(|ui| {
            ui.label(text(ui, l.t(T::ArticlesWith)));
            let mut mode = s.entity_match;
            ui.selectable_value(&mut mode, EntityMatch::All, text(ui, l.t(T::AllOfThem)))
                .on_hover_text(text(ui, l.t(T::AllOfHover)));
            ui.selectable_value(&mut mode, EntityMatch::Any, text(ui, l.t(T::AnyOfThem)))
                .on_hover_text(text(ui, l.t(T::AnyOfHover)));
            if mode != s.entity_match {
                command = Some(Command::SetEntityMatch(mode));
            }
        });
    }
    refresh_lists(s);
    if !s.selected.is_empty()
        && s.counts.is_some()
        && let Some(c) = appears_with_ui(ui, s.index, &s.cache.appears_with, l)
    {
        command = Some(c);
    }
    if let Some(source) = s.merge_source {
        let name = s.index.get(source).map_or(source, |e| e.name.as_str());
        ui.horizontal(|ui| {
            ui.label(text(ui, l.t(T::Merging)));
            let style = TextStyle::new(
                body_font.clone(),
                ui.visuals().strong_text_color(),
                Direction::Rtl,
            );
            crate::ui::bidi_text::bidi_label(ui, name, &style, 1, Sense::hover());
            if ui.button(text(ui, l.t(T::CancelMerge))).clicked() {
                command = Some(Command::MarkForMerge(None));
            }
        });
        ui.label(weak(ui, l.t(T::MergeHelp)));
    }
    if let Some((key, name)) = s.renaming.as_mut() {
        ui.horizontal(|ui| {
            let label = ui.label(text(ui, l.t(T::NewName)));
            let edit = ui
                .add(egui::TextEdit::singleline(name).desired_width(ui.available_width() - 90.0))
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(text(ui, l.t(T::Rename))).clicked() || enter) && !name.trim().is_empty() {
                command = Some(Command::Curate(Edit::Rename {
                    key: key.clone(),
                    name: name.trim().to_owned(),
                }));
            }
            if ui.button(text(ui, l.t(T::Cancel))).clicked() {
                command = Some(Command::StartRename(None));
            }
        });
    }
    if let Some(done) = s.annotating {
        // A bar, not a spinner: on a large folder this stage takes a while.
        ui.add(
            egui::ProgressBar::new(done)
                .text(weak(ui, l.t(T::FindingNames)))
                .desired_width(ui.available_width()),
        );
    }
    if s.names_cancelled {
        ui.label(weak(ui, l.t(T::NamesCancelled)));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (kind, title) in [
                (Kind::Person, T::People),
                (Kind::Place, T::Places),
                (Kind::Org, T::Orgs),
            ] {
                if !s.kinds.is_empty() && !s.kinds.contains(&kind) {
                    continue;
                }
                let list = &s.cache.lists[kind_slot(kind)];
                egui::CollapsingHeader::new(text(ui, format!("{} ({})", l.t(title), list.len())))
                    .id_salt(("kind", kind))
                    .default_open(true)
                    .show(ui, |ui| {
                        // Names found on little evidence are folded away, never dropped:
                        // filters and corrections work on them as on the others.
                        let (certain, uncertain): (Vec<_>, Vec<_>) = list
                            .iter()
                            .partition(|(p, _)| s.index.entities[*p].is_certain());
                        if let Some(c) = rows_ui(ui, s, &certain, l) {
                            command = Some(c);
                        }
                        if !uncertain.is_empty() {
                            let header = l.f(T::Uncertain, &[&uncertain.len()]);
                            let folded = egui::CollapsingHeader::new(text(ui, header))
                                .id_salt(("uncertain", kind))
                                .default_open(false)
                                .show(ui, |ui| rows_ui(ui, s, &uncertain, l));
                            folded
                                .header_response
                                .on_hover_text(text(ui, l.t(T::UncertainHover)));
                            if let Some(Some(c)) = folded.body_returned {
                                command = Some(c);
                            }
                        }
                    });
            }
        });
    command
}

/// Rows of entities (positions in the index with their count in the filtered list), the
/// first [`ROWS_PER_KIND`] of them: clicking one filters the list, right-clicking corrects it.
fn rows_ui(
    ui: &mut Ui,
    s: &Sidebar<'_>,
    rows: &[&(usize, Option<u32>)],
    l: Language,
) -> Option<Command> {
    let mut command = None;
    for &&(p, shown) in rows.iter().take(ROWS_PER_KIND) {
        let entity = &s.index.entities[p];
        let is_selected = s.selected.contains(&entity.key);
        let row = entity_row_ui(ui, entity, shown, is_selected, l);
        if row.clicked() {
            command = Some(Command::ToggleEntity(entity.key.clone()));
        }
        row.context_menu(|ui| {
            if let Some(c) = correction_menu_ui(ui, entity, s.merge_source, l) {
                command = Some(c);
                ui.close();
            }
        });
    }
    if rows.len() > ROWS_PER_KIND {
        let more = l.f(T::MoreRows, &[&(rows.len() - ROWS_PER_KIND)]);
        ui.label(weak(ui, more));
    }
    command
}

/// The corrections offered for one entity.
fn correction_menu_ui(
    ui: &mut Ui,
    entity: &EntitySummary,
    merge_source: Option<&str>,
    l: Language,
) -> Option<Command> {
    let key = entity.key.clone();
    if let Some(source) = merge_source.filter(|s| *s != key)
        && ui.button(text(ui, l.t(T::MergeInto))).clicked()
    {
        return Some(Command::Curate(Edit::Merge {
            from: source.to_owned(),
            into: key,
        }));
    }
    if ui.button(text(ui, l.t(T::RenameMenu))).clicked() {
        return Some(Command::StartRename(Some(key)));
    }
    if ui.button(text(ui, l.t(T::MarkForMerging))).clicked() {
        return Some(Command::MarkForMerge(Some(key)));
    }
    let mut chosen = None;
    ui.menu_button(text(ui, l.t(T::ChangeKind)), |ui| {
        for (kind, label) in [
            (Kind::Person, T::Person),
            (Kind::Place, T::Place),
            (Kind::Org, T::Org),
        ] {
            if kind != entity.kind && ui.button(text(ui, l.t(label))).clicked() {
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
        ui.menu_button(text(ui, l.t(T::SplitSpelling)), |ui| {
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
    if ui.button(text(ui, l.t(T::HideEntity))).clicked() {
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
    l: Language,
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
        // Mirrored in Arabic: the kind's colour and the name at the right, counts at the left.
        let rtl = l.is_rtl();
        let swatch_x = if rtl {
            rect.right() - 14.0
        } else {
            rect.left() + 4.0
        };
        let swatch = egui::Rect::from_min_size(
            egui::pos2(swatch_x, rect.center().y - 5.0),
            vec2(10.0, 10.0),
        );
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
        let counts_x = if rtl { 6.0 } else { 20.0 };
        ui.painter().galley(
            rect.left_center() + vec2(counts_x, -counts_galley.size().y / 2.0),
            counts_galley,
            ui.visuals().weak_text_color(),
        );
        let name_rect = if rtl {
            egui::Rect::from_min_max(
                rect.min + vec2(14.0 + counts_width, 3.0),
                rect.max - vec2(20.0, 0.0),
            )
        } else {
            egui::Rect::from_min_max(
                rect.min + vec2(28.0 + counts_width, 3.0),
                rect.max - vec2(6.0, 0.0),
            )
        };
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
        Some(n) => l.f(T::RowShownCounts, &[&n, &articles, &mentions]),
        None => l.f(T::RowCounts, &[&articles, &mentions]),
    };
    let label = format!("{name} ({hover})");
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    let hover = text(ui, hover);
    response.on_hover_text(hover)
}

fn kind_slot(kind: Kind) -> usize {
    match kind {
        Kind::Person => 0,
        Kind::Place => 1,
        Kind::Org => 2,
    }
}

/// Rebuilds the lists when the index, the filtered list, the name search, the order, the
/// selection or the kinds changed; the corpus-wide orders only when the index, the name
/// search or the order did.
fn refresh_lists(s: &mut Sidebar<'_>) {
    let (library, revision, _) = s.generation;
    let order_key = ((library, revision), s.query.clone(), *s.sort);
    if s.cache.order_key.as_ref() != Some(&order_key) {
        for kind in [Kind::Person, Kind::Place, Kind::Org] {
            s.cache.order[kind_slot(kind)] = s.index.sorted_positions(kind, s.query, *s.sort);
        }
        s.cache.order_key = Some(order_key);
        s.cache.key = None;
    }
    let key = (
        s.generation,
        s.query.clone(),
        *s.sort,
        s.selected.to_vec(),
        s.kinds.to_vec(),
    );
    if s.cache.key.as_ref() == Some(&key) {
        return;
    }
    let selected: Vec<usize> = s
        .selected
        .iter()
        .filter_map(|k| s.index.position(k))
        .collect();
    for kind in [Kind::Person, Kind::Place, Kind::Org] {
        let slot = kind_slot(kind);
        s.cache.lists[slot] = shown_entities(&s.cache.order[slot], s.counts, &selected, *s.sort);
    }
    s.cache.appears_with = match s.counts {
        Some(counts) if !selected.is_empty() => appears_with(s.index, &selected, counts, s.kinds),
        _ => Vec::new(),
    };
    s.cache.key = Some(key);
}

/// The entities to list, from the corpus-wide `order`, with their count in the filtered
/// list: when the list is filtered, those it mentions (and the selected ones), most frequent
/// there first when ordered by articles.
fn shown_entities(
    order: &[usize],
    counts: Option<&[u32]>,
    selected: &[usize],
    sort: SortBy,
) -> Vec<(usize, Option<u32>)> {
    let Some(counts) = counts else {
        return order.iter().map(|&p| (p, None)).collect();
    };
    let mut shown: Vec<(usize, Option<u32>)> = order
        .iter()
        .map(|&p| (p, counts.get(p).copied().unwrap_or(0)))
        .filter(|&(p, n)| n > 0 || selected.contains(&p))
        .map(|(p, n)| (p, Some(n)))
        .collect();
    if sort == SortBy::Articles {
        // Stable: ties keep the corpus-wide order.
        shown.sort_by_key(|e| std::cmp::Reverse(e.1));
    }
    shown
}

/// Rows of the entities that co-occur most with the selection in the filtered list.
const APPEARS_WITH_ROWS: usize = 8;

/// The entities mentioned most often in the filtered articles, besides the selection (and
/// of the kinds shown): the top [`APPEARS_WITH_ROWS`], most frequent first.
fn appears_with(
    index: &EntityIndex,
    selected: &[usize],
    counts: &[u32],
    kinds: &[Kind],
) -> Vec<(usize, u32)> {
    let mut ranked: Vec<(usize, u32)> = counts
        .iter()
        .enumerate()
        .filter(|&(p, &n)| {
            n > 0
                && !selected.contains(&p)
                && (kinds.is_empty() || kinds.contains(&index.entities[p].kind))
        })
        .map(|(p, &n)| (p, n))
        .collect();
    let order = |a: &(usize, u32), b: &(usize, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if ranked.len() > APPEARS_WITH_ROWS {
        ranked.select_nth_unstable_by(APPEARS_WITH_ROWS, order);
        ranked.truncate(APPEARS_WITH_ROWS);
    }
    ranked.sort_by(order);
    ranked
}

/// "Appears with": the entities mentioned most often in the articles of the selection,
/// each a click away from being added to the filter.
fn appears_with_ui(
    ui: &mut Ui,
    index: &EntityIndex,
    ranked: &[(usize, u32)],
    l: Language,
) -> Option<Command> {
    let mut command = None;
    egui::CollapsingHeader::new(text(ui, l.t(T::AppearsWith)))
        .id_salt("appears_with")
        .default_open(true)
        .show(ui, |ui| {
            if ranked.is_empty() {
                ui.label(weak(ui, l.t(T::NoOtherEntity)));
            }
            for &(p, n) in ranked {
                let entity = &index.entities[p];
                let row = entity_row_ui(ui, entity, Some(n), false, l)
                    .on_hover_text(text(ui, l.t(T::ClickToAdd)));
                if row.clicked() {
                    command = Some(Command::ToggleEntity(entity.key.clone()));
                }
            }
        });
    command
}
