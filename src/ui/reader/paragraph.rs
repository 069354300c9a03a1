//! One paragraph of the article: laid out with bidi, highlighted, selectable, and cut into
//! pieces that are drawn only when on screen.

use super::*;

/// One paragraph: laid out, painted with the selection, clickable and draggable.
pub(super) fn paragraph_ui(
    ui: &mut Ui,
    doc: &Document,
    range: Range<usize>,
    style: &TextStyle,
    state: &mut ReaderState,
    marks: &Marks<'_>,
) {
    let text = &doc.text[range.clone()];
    let width = ui.available_width();
    if state.heights_width != width {
        state.heights.clear();
        state.heights_width = width;
    }
    let key = (range.start, range.end);
    let focus_here = state.scroll_to_focus
        && state
            .focus
            .as_ref()
            .is_some_and(|f| f.start < range.end && range.start < f.end);
    // Off screen, a piece only takes its place (its height as last laid out, or as estimated):
    // the cost of a frame is that of what is visible, whatever the length of the article.
    let top = ui.cursor().min.y;
    let clip = ui.clip_rect();
    let height = state
        .heights
        .get(&key)
        .copied()
        .unwrap_or_else(|| estimated_height(ui, text, style, width));
    if !focus_here && (top > clip.max.y || top + height < clip.min.y) {
        let (_, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
        state.laid_out.skipped += 1;
        return;
    }
    let layout = TextLayout::new(ui.painter(), text, range.start, style, width);
    state.heights.insert(key, layout.size.y);
    state.laid_out.pieces += 1;
    state.laid_out.rows += layout.rows.len();
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, layout.size.y), Sense::click_and_drag());
    let local = |p: egui::Pos2| (p - rect.min).to_pos2();
    if response.is_pointer_button_down_on()
        && !state.dragging
        && let Some(pos) = ui.input(|i| i.pointer.press_origin())
    {
        let offset = layout.offset_at(text, local(pos));
        state.selection = Some((offset, offset));
        state.dragging = true;
    }
    if state.dragging {
        let (down, pos) = ui.input(|i| (i.pointer.primary_down(), i.pointer.interact_pos()));
        if let Some(pos) = pos
            && rect.y_range().contains(pos.y)
            && let Some((anchor, _)) = state.selection
        {
            state.selection = Some((anchor, layout.offset_at(text, local(pos))));
        }
        if !down {
            state.dragging = false;
        }
    }
    let mark_at = |pos: egui::Pos2| {
        let offset = layout.offset_at(text, local(pos));
        marks
            .list
            .iter()
            .find(|m| m.range.start <= offset && offset < m.range.end)
    };
    let date_at = |pos: egui::Pos2| {
        let offset = layout.offset_at(text, local(pos));
        marks
            .dates
            .iter()
            .find(|m| m.range.start <= offset && offset < m.range.end)
    };
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        state.last_click = Some(layout.offset_at(text, local(pos)));
        state.selection = None;
        if let Some(mark) = mark_at(pos) {
            state.clicked_entity = Some(mark.key.clone());
        }
    }
    let hovered = response.hover_pos().and_then(|pos| {
        mark_at(pos)
            .map(|mark| format!("{} · {}", mark.name, kind_label(mark.kind, marks.language)))
            .or_else(|| date_at(pos).map(|d| d.label.clone()))
    });
    if let Some(label) = hovered {
        response.clone().on_hover_ui_at_pointer(|ui| {
            let style = TextStyle::new(
                egui::TextStyle::Body.resolve(ui.style()),
                ui.visuals().text_color(),
                Direction::Rtl,
            );
            bidi_label(ui, &label, &style, 3, Sense::hover());
        });
    }
    if state.scroll_to_focus
        && state
            .focus
            .as_ref()
            .is_some_and(|f| f.start < range.end && range.start < f.end)
    {
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
        state.scroll_to_focus = false;
    }
    if ui.is_rect_visible(rect) {
        let selection_color = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        let mut highlights: Vec<(Range<usize>, Color32)> = marks
            .list
            .iter()
            .filter(|m| m.range.start < range.end && range.start < m.range.end)
            .map(|m| {
                (
                    m.range.clone(),
                    kind_color(
                        m.kind,
                        marks.selected.contains(&m.key),
                        ui.visuals().dark_mode,
                    ),
                )
            })
            .collect();
        let date_color = date_color(ui.visuals().dark_mode);
        highlights.extend(
            marks
                .dates
                .iter()
                .filter(|m| m.range.start < range.end && range.start < m.range.end)
                .map(|m| (m.range.clone(), date_color)),
        );
        highlights.extend(
            marks
                .hits
                .iter()
                .filter(|h| h.start < range.end && range.start < h.end)
                .map(|h| (h.clone(), hit_color(ui.visuals().dark_mode))),
        );
        if let Some(focus) = &state.focus
            && focus.start < range.end
            && range.start < focus.end
        {
            highlights.insert(0, (focus.clone(), focus_color(ui.visuals().dark_mode)));
        }
        highlights.extend(state.selected_range().map(|r| (r, selection_color)));
        layout.paint(ui.painter(), rect.min, &highlights);
    }
    response.context_menu(|ui| {
        if let Some(selected) = state.selected_range()
            && ui
                .button(i18n_text(ui, marks.language.t(T::CopySelection)))
                .clicked()
        {
            ui.ctx().copy_text(doc.text[selected].to_owned());
            ui.close();
        }
        if ui
            .button(i18n_text(ui, marks.language.t(T::CopyParagraph)))
            .clicked()
        {
            ui.ctx().copy_text(text.to_owned());
            ui.close();
        }
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}

/// The height of `text` laid out at `width`, guessed from its length (about half an em per
/// character), for a piece not laid out yet.
fn estimated_height(ui: &Ui, text: &str, style: &TextStyle, width: f32) -> f32 {
    let row = ui.painter().fonts_mut(|f| f.row_height(&style.font)) + style.line_gap;
    // Arabic takes two bytes a character, Latin one: count characters only for short texts.
    let chars = if text.len() < 4096 {
        text.chars().count()
    } else {
        text.len() / 2
    };
    let per_row = (width / (style.font.size * 0.5)).max(1.0);
    (chars as f32 / per_row).ceil().max(1.0) * row
}
