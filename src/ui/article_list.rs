//! The article list: one row per article (headline, date, file), virtualised.

use crate::ui::Command;
use crate::ui::bidi_text::{Align, TextLayout, TextStyle};
use crate::ui::i18n::{Language, T};
use egui::{Sense, Ui, vec2};
use khabar_core::library::{ArticleKey, Library};
use khabar_core::review::curation::ReviewState;
use khabar_core::text::article::Article;
use khabar_core::text::bidi::Direction;
use khabar_core::text::document::Document;

/// Words shown for an article without a headline.
const UNTITLED_PREVIEW_WORDS: usize = 12;

/// The text a list shows for an article: its headline, or the opening of its body.
pub fn display_title(doc: &Document, article: &Article) -> String {
    if let Some(title) = doc.title(article) {
        return title.to_owned();
    }
    let Some(first) = article.body.first() else {
        return doc.file.clone();
    };
    let words: Vec<&str> = doc.slice(first).split_whitespace().collect();
    let mut preview = words[..words.len().min(UNTITLED_PREVIEW_WORDS)].join(" ");
    if words.len() > UNTITLED_PREVIEW_WORDS {
        preview.push_str(" …");
    }
    preview
}

/// Colour of the flag mark of flagged articles.
pub const FLAG_COLOR: egui::Color32 = egui::Color32::from_rgb(236, 128, 32);

/// Shows the list; returns a command when a row is clicked.
pub fn article_list_ui(
    ui: &mut Ui,
    library: &Library,
    visible: &[usize],
    selected: Option<&ArticleKey>,
    l: Language,
) -> Option<Command> {
    let mut command = None;
    let title_font = egui::TextStyle::Body.resolve(ui.style());
    let small_font = egui::TextStyle::Small.resolve(ui.style());
    let title_h = ui.fonts_mut(|f| f.row_height(&title_font));
    let small_h = ui.fonts_mut(|f| f.row_height(&small_font));
    let row_height = title_h + small_h + 10.0;
    let count = visible.len();
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, count, |ui, rows| {
            for index in rows {
                let Some((doc, article)) = library.entry(visible[index]) else {
                    continue;
                };
                let key = ArticleKey {
                    file: doc.file.clone(),
                    part: article.part,
                };
                let is_selected = selected == Some(&key);
                let title = display_title(doc, article);
                let (rect, response) =
                    ui.allocate_exact_size(vec2(ui.available_width(), row_height), Sense::click());
                if ui.is_rect_visible(rect) {
                    let visuals = ui.style().interact_selectable(&response, is_selected);
                    if is_selected || response.hovered() {
                        ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
                    }
                    let inner = rect.shrink2(vec2(8.0, 4.0));
                    let style = TextStyle::new(
                        title_font.clone(),
                        if article.title.is_some() {
                            ui.visuals().strong_text_color()
                        } else {
                            ui.visuals().text_color()
                        },
                        Direction::Rtl,
                    );
                    let layout = TextLayout::new(ui.painter(), &title, 0, &style, inner.width());
                    paint_one_row(ui, &layout, inner.min, &style);
                    let &(d, a) = &library.entries[visible[index]];
                    let date = match library.dates_of(d, a).map(|x| x.published.as_ref()) {
                        Some(Some(p)) if p.inferred => l.f(T::Inferred, &[&p.value]),
                        Some(Some(p)) => p.value.clone(),
                        Some(None) => l.t(T::Undated).to_owned(),
                        // Dates not extracted yet: what the dateline says.
                        None => article
                            .published
                            .as_ref()
                            .map_or(l.t(T::Undated), |p| p.value.as_str())
                            .to_owned(),
                    };
                    let part = if article.part > 1 {
                        l.f(T::Part, &[&article.part])
                    } else {
                        String::new()
                    };
                    let review = library.curation.review(&doc.article_id(article)).state;
                    let state = match review {
                        ReviewState::Unread => "",
                        ReviewState::Read => l.t(T::StateRead),
                        ReviewState::Flagged => l.t(T::StateFlagged),
                    };
                    if review == ReviewState::Flagged {
                        // On the row's outer edge: the right, or the left when mirrored.
                        let x = if l.is_rtl() {
                            rect.left() + 1.0
                        } else {
                            rect.right() - 4.0
                        };
                        let bar = egui::Rect::from_min_size(
                            egui::pos2(x, rect.top() + 3.0),
                            vec2(3.0, rect.height() - 6.0),
                        );
                        ui.painter().rect_filled(bar, 1.0, FLAG_COLOR);
                    }
                    // In Arabic the line reads right to left even when the file name is Latin.
                    let mark = if l.is_rtl() { "\u{200F}" } else { "" };
                    let meta = format!("{mark}{} · {date}{part}{state}", doc.file);
                    // Aligned with the headline above it, whatever the file name's script.
                    let meta_style = TextStyle::new(
                        small_font.clone(),
                        ui.visuals().weak_text_color(),
                        Direction::Ltr,
                    )
                    .align(
                        if layout.direction.is_some_and(Direction::is_rtl) {
                            Align::Right
                        } else {
                            Align::Left
                        },
                    );
                    let meta_layout =
                        TextLayout::new(ui.painter(), &meta, 0, &meta_style, inner.width());
                    paint_one_row(
                        ui,
                        &meta_layout,
                        inner.min + vec2(0.0, title_h + 2.0),
                        &meta_style,
                    );
                }
                let response = response.on_hover_ui(|ui| {
                    let style = TextStyle::new(
                        title_font.clone(),
                        ui.visuals().text_color(),
                        Direction::Rtl,
                    );
                    crate::ui::bidi_text::bidi_label(
                        ui,
                        &title,
                        &style,
                        usize::MAX,
                        Sense::hover(),
                    );
                });
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &title)
                });
                if response.clicked() {
                    command = Some(Command::Select(key));
                }
            }
        });
    command
}

/// Paints the first row of a layout, with an ellipsis at its end side when there is more.
fn paint_one_row(ui: &Ui, layout: &TextLayout, origin: egui::Pos2, style: &TextStyle) {
    layout.paint_rows(ui.painter(), origin, &[], 1);
    if layout.rows.len() > 1 {
        let rtl = layout.direction.is_some_and(Direction::is_rtl);
        let y = origin.y + layout.rows[0].0.end;
        let (pos, anchor) = if rtl {
            (egui::pos2(origin.x, y), egui::Align2::LEFT_BOTTOM)
        } else {
            (
                egui::pos2(origin.x + layout.size.x, y),
                egui::Align2::RIGHT_BOTTOM,
            )
        };
        ui.painter()
            .text(pos, anchor, "…", style.font.clone(), style.color);
    }
}
