//! User-editable data files: compiled in, overridable at run time.
//!
//! An override is a file of the same name in `$KHABAR_ASSETS_DIR`, or else in the
//! `khabar/assets` folder of the user's configuration directory
//! (`~/.config/khabar/assets` on Linux, `%APPDATA%\khabar\assets` on Windows).

use std::collections::HashMap;
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

/// Lines of `[section]`-structured text, by section (lines outside any section under "").
pub fn sections(source: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::default();
    let mut section = String::new();
    for line in source.lines() {
        let line = line.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_owned();
            continue;
        }
        out.entry(section.clone())
            .or_default()
            .push(line.to_owned());
    }
    out
}
