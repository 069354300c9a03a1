//! The help window ("? Help", F1): what each part of the window does, in the interface
//! language, for users who never read a manual.

use crate::ui::bidi_text::{TextStyle, bidi_label};
use crate::ui::i18n::{Language, T};
use egui::{Sense, Ui};

/// The sections, in the order a new user meets them: title and text.
pub const SECTIONS: [(T, T); 8] = [
    (T::HelpOpenTitle, T::HelpOpen),
    (T::HelpReadTitle, T::HelpRead),
    (T::HelpFiltersTitle, T::HelpFilters),
    (T::HelpSearchTitle, T::HelpSearch),
    (T::HelpTimelineTitle, T::HelpTimeline),
    (T::HelpCorrectTitle, T::HelpCorrect),
    (T::HelpReviewTitle, T::HelpReview),
    (T::HelpKeysTitle, T::HelpKeys),
];

/// Shows the help window while `open`; its close button clears `open`.
pub fn help_window_ui(ui: &Ui, open: &mut bool, l: Language) {
    let title = crate::ui::i18n::text(ui, l.t(T::HelpTitle));
    egui::Window::new(title)
        .id(egui::Id::unique("khabar_help_window"))
        .open(open)
        .default_width(560.0)
        .default_height(520.0)
        .resizable(true)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.with_layout(l.panel_layout(), |ui| sections_ui(ui, l));
                });
        });
}

fn sections_ui(ui: &mut Ui, l: Language) {
    let heading = TextStyle::new(
        egui::TextStyle::Heading.resolve(ui.style()),
        ui.visuals().strong_text_color(),
        l.direction(),
    );
    let body = TextStyle::new(
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
        l.direction(),
    )
    .line_gap(3.0);
    for (title, text) in SECTIONS {
        ui.add_space(6.0);
        bidi_label(ui, l.t(title), &heading, 1, Sense::hover());
        ui.add_space(2.0);
        bidi_label(ui, l.t(text), &body, usize::MAX, Sense::hover());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_written_in_both_languages() {
        for (title, text) in SECTIONS {
            for key in [title, text] {
                assert!(!key.english().is_empty(), "{key:?}");
                assert!(
                    crate::ui::i18n::has_rtl(key.arabic()),
                    "{key:?} has no Arabic"
                );
            }
        }
    }
}
