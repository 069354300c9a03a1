//! The entity sidebar: people, places and organisations with their counts, searchable;
//! clicking one filters the article list.

use crate::core::bidi::Direction;
use crate::core::index::EntityIndex;
use crate::core::lexicon::Kind;
use crate::ui::app::Command;
use crate::ui::bidi_text::{Align, TextLayout, TextStyle};
use crate::ui::reader::kind_color;
use egui::{Sense, Ui, vec2};

/// Rows shown per kind before "show all".
const ROWS_PER_KIND: usize = 200;

/// Shows the sidebar. `query` is the search text (kept by the app).
pub fn entity_sidebar_ui(
    ui: &mut Ui,
    index: &EntityIndex,
    query: &mut String,
    selected: Option<&str>,
    annotating: bool,
) -> Option<Command> {
    let mut command = None;
    ui.add_space(4.0);
    ui.add(
        egui::TextEdit::singleline(query)
            .hint_text("Search names…")
            .desired_width(f32::INFINITY),
    );
    if let Some(key) = selected {
        let name = index.get(key).map_or(key, |e| e.name.as_str());
        ui.horizontal(|ui| {
            ui.label("Filter:");
            let style = TextStyle::new(
                egui::TextStyle::Body.resolve(ui.style()),
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
    if annotating {
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
                let list = index.list(kind, query);
                egui::CollapsingHeader::new(format!("{title} ({})", list.len()))
                    .id_salt(title)
                    .default_open(true)
                    .show(ui, |ui| {
                        for entity in list.iter().take(ROWS_PER_KIND) {
                            let is_selected = selected == Some(entity.key.as_str());
                            if entity_row_ui(
                                ui,
                                &entity.name,
                                entity.kind,
                                entity.articles.len(),
                                entity.mentions,
                                is_selected,
                            )
                            .clicked()
                            {
                                command = Some(Command::ToggleEntity(entity.key.clone()));
                            }
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
