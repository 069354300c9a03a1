//! Bundled fonts and text sizes.
//!
//! Vazirmatn is the *primary* font of every family: it covers Arabic, Latin, both digit sets,
//! spaces and punctuation, so a line never splits into runs by font fallback (which would put
//! words out of order; see ARCHITECTURE.md).

use egui::{FontData, FontDefinitions, FontFamily, FontId, TextStyle};
use std::sync::Arc;

pub const REGULAR: &[u8] = include_bytes!("../../fonts/Vazirmatn-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/Vazirmatn-Bold.ttf");

/// The family used for headlines.
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Font definitions with Vazirmatn first and egui's defaults as fallbacks (symbols, emoji).
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("vazirmatn".into(), Arc::new(FontData::from_static(REGULAR)));
    fonts.font_data.insert(
        "vazirmatn-bold".into(),
        Arc::new(FontData::from_static(BOLD)),
    );
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "vazirmatn".into());
    }
    let mut bold = vec!["vazirmatn-bold".to_owned(), "vazirmatn".to_owned()];
    bold.extend(fallbacks);
    fonts.families.insert(bold_family(), bold);
    fonts
}

/// Reading sizes: comfortable for long Arabic text.
pub fn apply_text_styles(style: &mut egui::Style, scale: f32) {
    let size = |s: f32| s * scale;
    style.text_styles = [
        (TextStyle::Heading, FontId::new(size(24.0), bold_family())),
        (TextStyle::Body, FontId::proportional(size(16.0))),
        (TextStyle::Button, FontId::proportional(size(15.0))),
        (TextStyle::Small, FontId::proportional(size(12.5))),
        (TextStyle::Monospace, FontId::monospace(size(14.0))),
    ]
    .into();
}

/// Font of the reader's running text.
pub fn reader_body(scale: f32) -> FontId {
    FontId::proportional(19.0 * scale)
}

/// Font of the reader's headline.
pub fn reader_title(scale: f32) -> FontId {
    FontId::new(28.0 * scale, bold_family())
}

/// Installs fonts and styles on a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
    ctx.all_styles_mut(|style| apply_text_styles(style, 1.0));
}
