//! User-editable data files: compiled in, overridable at run time.
//!
//! An override is a file of the same name in `$KHABAR_ASSETS_DIR`, or else in the
//! `khabar/assets` folder of the user's configuration directory
//! (`~/.config/khabar/assets` on Linux, `%APPDATA%\khabar\assets` on Windows).

use std::path::PathBuf;

/// Folders searched for overrides, in order.
pub fn override_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = std::env::var_os("KHABAR_ASSETS_DIR") {
        dirs.push(PathBuf::from(dir));
    }
    if let Some(config) = dirs::config_dir() {
        dirs.push(config.join("khabar").join("assets"));
    }
    dirs
}

/// The text of asset `name`: the first readable override, else the compiled-in `default`.
pub fn text(name: &str, default: &'static str) -> std::borrow::Cow<'static, str> {
    override_dirs()
        .into_iter()
        .find_map(|dir| std::fs::read_to_string(dir.join(name)).ok())
        .map(Into::into)
        .unwrap_or(default.into())
}
