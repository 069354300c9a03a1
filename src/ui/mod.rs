//! The egui/eframe application. It reads the core's data and never parses text itself.

pub mod app;
pub mod article_list;
pub mod bidi_text;
pub mod entity_sidebar;
pub mod fonts;
pub mod i18n;
pub mod icon;
pub mod layout_report;
pub mod library;
pub mod open_folder;
pub mod reader;
pub mod status_bar;
pub mod timeline_strip;

pub use app::{KhabarApp, Launch};

/// Application id (window class on Linux, persistence folder name).
pub const APP_ID: &str = "khabar";

/// Opens the window. Blocks until it is closed.
pub fn run(launch: Launch) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Khabar")
            .with_app_id(APP_ID)
            .with_icon(icon::app_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(KhabarApp::new(cc, launch)))),
    )
}
