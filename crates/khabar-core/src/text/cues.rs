//! The segmentation cue phrases of `assets/segmentation.txt`, folded for matching.

use crate::text::normalize::fold;

/// Cue phrases by role. See `assets/segmentation.txt` for what each role means.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub end: Vec<String>,
    pub read_also: Vec<String>,
    pub chrome_prefix: Vec<String>,
    pub chrome_whole: Vec<String>,
    pub chrome_contains: Vec<String>,
    pub editor: Vec<String>,
    pub date_label: Vec<String>,
}

/// The cue file compiled into the binary.
pub const DEFAULT_CUES: &str = include_str!("../../../../assets/segmentation.txt");

impl Cues {
    /// Parses the cue file format: `[section]` headers, one phrase per line, `#` comments.
    /// Unknown sections are ignored so that newer files work with older builds.
    pub fn parse(source: &str) -> Cues {
        let sections = crate::assets::sections(source);
        let folded = |name: &str| -> Vec<String> {
            sections
                .get(name)
                .into_iter()
                .flatten()
                .map(|line| fold(line.trim()))
                .filter(|phrase| !phrase.is_empty())
                .collect()
        };
        Cues {
            end: folded("end"),
            read_also: folded("read-also"),
            chrome_prefix: folded("chrome-prefix"),
            chrome_whole: folded("chrome-whole"),
            chrome_contains: folded("chrome-contains"),
            editor: folded("editor"),
            date_label: folded("date-label"),
        }
    }

    /// The cues compiled into the binary, or the user's copy from the assets override folder.
    pub fn load() -> Cues {
        Cues::parse(&crate::assets::text("segmentation.txt", DEFAULT_CUES))
    }
}

/// True if folded `line` starts with folded `cue` at a word boundary.
pub fn starts_with_cue(line: &str, cue: &str) -> bool {
    line.strip_prefix(cue).is_some_and(|rest| {
        cue.ends_with(|c: char| !c.is_alphanumeric())
            || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_and_folds() {
        let cues = Cues::parse("# c\n[end]\nكلمات دلالية\n[chrome-whole]\nإعلان\n[unknown]\nx\n");
        assert_eq!(cues.end, vec![fold("كلمات دلالية")]);
        assert_eq!(cues.chrome_whole, vec!["اعلان".to_owned()]);
    }

    #[test]
    fn default_file_has_every_section() {
        let cues = Cues::parse(DEFAULT_CUES);
        for list in [
            &cues.end,
            &cues.read_also,
            &cues.chrome_prefix,
            &cues.chrome_whole,
            &cues.chrome_contains,
            &cues.editor,
            &cues.date_label,
        ] {
            assert!(!list.is_empty());
        }
    }

    #[test]
    fn word_boundary() {
        assert!(starts_with_cue("اشترك الان", "اشترك"));
        assert!(!starts_with_cue("اشتركت القوات", "اشترك"));
        assert!(starts_with_cue("المصدر: وكالات", "المصدر:"));
    }
}
