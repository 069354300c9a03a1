//! What the reader shows around the text: date marks and the publication line.

use super::timeline_panel::date_label;
use super::*;

impl KhabarApp {
    /// The dates of the article read, for highlighting.
    pub(super) fn date_marks(&self) -> Vec<DateMark> {
        let Some(dates) = self.selected_dates() else {
            return Vec::new();
        };
        dates
            .mentions
            .iter()
            .map(|m| DateMark {
                range: m.range.clone(),
                label: date_label(m, self.language),
            })
            .collect()
    }

    pub(super) fn selected_dates(&self) -> Option<&khabar_core::extract::dates::ArticleDates> {
        let index = self.library.index_of(self.selected.as_ref()?)?;
        let &(d, a) = self.library.entries.get(index)?;
        self.library.dates_of(d, a)
    }

    /// "Published 2024-06-05", with how it was known; `None` until dates are extracted.
    pub(super) fn publication_line(&self) -> Option<String> {
        let dates = self.selected_dates()?;
        let l = self.language;
        Some(match &dates.published {
            Some(p) if p.inferred => l.f(T::PublishedInferred, &[&p.value]),
            Some(p) => l.f(T::Published, &[&p.value]),
            None => l.t(T::NoPublicationDate).to_owned(),
        })
    }
}
