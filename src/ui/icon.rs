//! The window icon: the 256 px rendering of `assets/icons/khabar.svg`, compiled in.

use std::sync::Arc;

/// `assets/icons/256x256/khabar.png` (regenerate with `scripts/render-icons.sh`).
const PNG_256: &[u8] = include_bytes!("../../assets/icons/256x256/khabar.png");

/// The app icon for `ViewportBuilder::with_icon`; the default (egui's) if decoding failed.
pub fn app_icon() -> Arc<egui::IconData> {
    Arc::new(eframe::icon_data::from_png_bytes(PNG_256).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_icon_decodes() {
        let icon = super::app_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
