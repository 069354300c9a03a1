//! The strip's controls row (title, "filter by" lane toggle, fit, clear, undated) and the
//! hover tooltip of the marks under the pointer.

use super::*;

/// The row of controls: title, "filter by" toggle, Fit all, Clear range, Undated.
pub(super) fn controls_ui(
    ui: &mut Ui,
    view: &mut TimelineView,
    input: &StripInput,
    width: f32,
    events: &mut Vec<StripEvent>,
) {
    let labels = input.labels;
    let layout = if input.rtl {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.allocate_ui_with_layout(vec2(width, CONTROLS_HEIGHT), layout, |ui| {
        ui.strong(&labels.title);
        ui.separator();
        ui.weak(&labels.filter_by);
        for (lane, name) in [
            (BrushLane::Published, &labels.publication),
            (BrushLane::Mentioned, &labels.mentioned),
        ] {
            if ui
                .selectable_label(input.brush_lane == lane, name.as_str())
                .clicked()
                && input.brush_lane != lane
            {
                events.push(StripEvent::SetBrushLane(lane));
                if let Some(brush) = input.brush {
                    events.push(StripEvent::Brushed(Some(Brush { lane, ..brush })));
                }
            }
        }
        ui.separator();
        if ui.button(labels.fit_all.as_str()).clicked() {
            view.fit(input.timeline);
        }
        if input.brush.is_some() && ui.button(labels.clear_range.as_str()).clicked() {
            events.push(StripEvent::Brushed(None));
        }
        let undated = input.timeline.undated();
        let text = match input.focus {
            // How many of the undated articles the filters keep, of all of them.
            Some(focus) => format!("{}: {} / {undated}", labels.undated, focus.undated()),
            None => format!("{}: {undated}", labels.undated),
        };
        if ui
            .add_enabled(undated > 0, egui::Button::new(text))
            .clicked()
        {
            events.push(StripEvent::ShowUndated);
        }
    });
}

/// The tooltip: the day under the pointer, then up to five entries (headline, sentence).
pub(super) fn hover_ui(ui: &mut Ui, input: &StripInput, day: i32, hits: Option<&Hits>) {
    ui.label(iso_day(day));
    let Some(hits) = hits else {
        ui.weak(&input.labels.zoom_in);
        return;
    };
    if hits.outside_focus {
        // Opening one of these shows an article the list does not.
        ui.weak(&input.labels.outside_filter);
    }
    let hits = &hits.marks;
    let style = TextStyle::new(
        FontId::proportional(14.0),
        ui.visuals().text_color(),
        Direction::Rtl,
    );
    let title_style = TextStyle::new(
        FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
        Direction::Rtl,
    );
    for (n, mark) in hits.iter().take(TOOLTIP_ENTRIES).enumerate() {
        if n > 0 {
            ui.separator();
        }
        let (title, sentence) = (input.describe)(mark);
        // The headline on one row, the sentence under it: one mixed line would interleave
        // the two under the bidi algorithm.
        bidi_label(ui, &title, &title_style, 1, Sense::hover());
        if !sentence.is_empty() {
            bidi_label(ui, &sentence, &style, 3, Sense::hover());
        }
    }
    if hits.len() > TOOLTIP_ENTRIES {
        ui.weak(format!("+{}", hits.len() - TOOLTIP_ENTRIES));
    }
}
