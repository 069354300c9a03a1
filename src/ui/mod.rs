//! The egui/eframe application. It reads the core's data and never parses text itself.

pub mod app;
pub mod article_list;
pub mod bidi_text;
pub mod command;
pub mod entity_sidebar;
pub mod fonts;
pub mod help;
pub mod i18n;
pub mod icon;
pub mod layout_report;
pub mod open_folder;
pub mod reader;
pub mod start;
pub mod status_bar;
pub mod timeline_strip;

pub use app::{KhabarApp, Launch};
pub use command::Command;

/// Application id (window class on Linux, persistence folder name).
pub const APP_ID: &str = "khabar";

/// Opens the window (wgpu, else OpenGL). Blocks until it is closed.
pub fn run(launch: Launch) -> Result<(), start::StartError> {
    start::run(launch)
}
