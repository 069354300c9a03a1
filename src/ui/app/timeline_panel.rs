//! The timeline strip panel: the strip's input from the library, and its events.

use super::*;

impl KhabarApp {
    /// Opens the article of a timeline mark with the sentence of its date highlighted.
    pub(super) fn open_date(&mut self, article: u32, mention: u32) {
        let mark = Mark {
            lane: Lane::Mentioned,
            start: 0,
            end: 0,
            article,
            mention,
        };
        let Some((doc, art, found)) = self.library.mark_mention(&mark) else {
            return;
        };
        let range = match found {
            Some(m) => Some(m.range.clone()),
            None => {
                let (d, a) = self.library.timeline_articles[article as usize];
                self.library
                    .dates_of(d, a)
                    .and_then(|x| x.published.as_ref())
                    .map(|p| p.range.clone())
            }
        };
        let key = ArticleKey {
            file: doc.file.clone(),
            part: art.part,
        };
        let reader = match range {
            Some(r) => ReaderState::focused_on(doc.sentence_around(&r)),
            None => ReaderState::default(),
        };
        self.select(key, Some(reader));
    }

    pub(super) fn timeline_ui(&mut self, ui: &mut egui::Ui) {
        if self.library.progress.is_partial() {
            // An empty strip would look like a corpus without dates.
            let l = self.language;
            ui.with_layout(l.panel_layout(), |ui| {
                ui.label(crate::ui::i18n::weak(ui, l.t(T::DatesCancelled)));
            });
        }
        let library = &self.library;
        let describe = |mark: &Mark| -> (String, String) {
            let Some((doc, article, mention)) = library.mark_mention(mark) else {
                return (String::new(), String::new());
            };
            let title = doc.title(article).unwrap_or(&doc.file).to_owned();
            let sentence = match mention {
                Some(m) if mark.mention != Mark::PUBLICATION => {
                    doc.slice(&doc.sentence_around(&m.range)).to_owned()
                }
                _ => publication_text(library, mark, self.language),
            };
            (title, sentence)
        };
        let input = StripInput {
            timeline: &library.timeline,
            brush: self.filters.dates,
            brush_lane: self.brush_lane,
            focus: self.view.focus.as_ref(),
            describe: &describe,
            rtl: self.time_rtl,
            labels: &self.strip_labels,
        };
        let events = timeline_strip_ui(ui, &mut self.timeline_view, &input);
        for event in events {
            self.commands.push(match event {
                StripEvent::Brushed(brush) => Command::SetBrush(brush),
                StripEvent::OpenMark { article, mention } => Command::OpenDate { article, mention },
                StripEvent::ShowUndated => Command::ShowUndated(!self.filters.undated),
                StripEvent::SetBrushLane(lane) => Command::SetBrushLane(lane),
            });
        }
    }
}

/// Hover text of a date: its value, range end, Hijri form and how it was resolved.
pub(super) fn date_label(m: &khabar_core::extract::dates::DateMention, l: Language) -> String {
    let mut label = match &m.until {
        Some(until) => format!("{} → {}", m.value, until),
        None => m.value.clone(),
    };
    if let Some(hijri) = &m.hijri {
        label.push_str(&l.f(T::HijriAh, &[hijri]));
    }
    if m.relative {
        label.push_str(l.t(T::FromPublication));
    }
    label
}

pub(super) fn publication_text(library: &Library, mark: &Mark, l: Language) -> String {
    let Some(&(d, a)) = library.timeline_articles.get(mark.article as usize) else {
        return String::new();
    };
    match library.dates_of(d, a).and_then(|x| x.published.as_ref()) {
        Some(p) if p.inferred => l.f(T::PublishedInferredShort, &[&p.value]),
        Some(p) => l.f(T::Published, &[&p.value]),
        None => String::new(),
    }
}

/// The strip's words in a language.
pub(super) fn strip_labels(l: Language) -> StripLabels {
    StripLabels {
        title: l.t(T::StripTitle).into(),
        filter_by: l.t(T::StripFilterBy).into(),
        publication: l.t(T::StripPublication).into(),
        mentioned: l.t(T::StripMentioned).into(),
        fit_all: l.t(T::StripFitAll).into(),
        clear_range: l.t(T::StripClearRange).into(),
        undated: l.t(T::StripUndated).into(),
        publication_lane: l.t(T::StripPublicationLane).into(),
        mentioned_lane: l.t(T::StripMentionedLane).into(),
        axis: l.t(T::StripAxis).into(),
        zoom_in: l.t(T::StripZoomIn).into(),
        outside_filter: l.t(T::StripOutsideFilter).into(),
        months: l.months(),
    }
}
