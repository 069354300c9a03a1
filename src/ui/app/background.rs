//! What arrives between frames: the load job's progress, changes of the open folder (and
//! their reload), the folder and save dialogs, sidecar saves, reading keys and dropped files.

use super::*;

impl KhabarApp {
    /// Starts watching the open folder, once it has loaded.
    fn watch(&mut self, ctx: &egui::Context) {
        let CorpusSource::Folder(folder) = &self.library.source else {
            return;
        };
        if self.watcher.is_none() && self.library.error.is_none() {
            let ctx = ctx.clone();
            // Without a watcher (e.g. no inotify left) the corpus simply does not refresh.
            self.watcher = khabar_core::corpus::watcher::FolderWatcher::new(folder, move || {
                ctx.request_repaint()
            })
            .ok();
        }
    }

    /// Reloads the folder a moment after it changed, beside the library shown, and swaps
    /// the new library in when it is complete, keeping the filters and the article read.
    fn poll_refresh(&mut self, ctx: &egui::Context) {
        let now = std::time::Instant::now();
        if self.watcher.as_ref().is_some_and(|w| w.changed()) {
            self.refresh_due = Some(now + REFRESH_DELAY);
            ctx.request_repaint_after(REFRESH_DELAY);
        }
        let due = self.refresh_due.is_some_and(|t| t <= now);
        if due && self.job.is_none() && self.refresh.is_none() {
            self.refresh_due = None;
            let source = self.library.source.clone();
            let wake = ctx.clone();
            let job = LoadJob::spawn_with(
                source.clone(),
                self.segmenter.clone(),
                self.lexicon.clone(),
                self.places(),
                move || wake.request_repaint(),
            );
            self.refresh = Some((job, Library::new(source)));
        } else if self.refresh_due.is_some() {
            ctx.request_repaint_after(REFRESH_DELAY);
        }
        let finished = match &mut self.refresh {
            Some((job, library)) => {
                library.apply(job.drain());
                library.progress.finished
            }
            None => false,
        };
        if finished && let Some((_, library)) = self.refresh.take() {
            if library.error.is_some() {
                return;
            }
            let view = self.saved_state();
            let old = std::mem::replace(&mut self.library, library);
            // The corrections in memory are the newest (a save may still be on its way) and
            // the reviewer's choice about a damaged file stands: keep both across the reload.
            if let Some(sidecar) = old.sidecar {
                self.library.sidecar = Some(sidecar);
                if self.library.curation != old.curation {
                    self.library.curation = old.curation;
                    self.library.apply_curation();
                }
            }
            self.search_cache = None;
            self.pending_restore = Some(view);
            self.apply_restore();
        }
    }

    /// Takes in what arrived since the last frame, and the keys of this one.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.job {
            let events = job.drain();
            if !events.is_empty() {
                self.library.apply(events);
            }
            if self.library.progress.finished {
                self.job = None;
                self.watch(ctx);
            }
        }
        self.poll_refresh(ctx);
        if self.selected.is_none() && !self.library.entries.is_empty() {
            self.selected = self.library.key_of(0);
        }
        if let Some(outcome) = self.picker.as_ref().and_then(FolderPicker::poll) {
            self.picker = None;
            match outcome {
                PickerOutcome::Chosen(path) => self
                    .commands
                    .push(Command::Open(CorpusSource::Folder(path))),
                PickerOutcome::Cancelled => {}
                PickerOutcome::Unavailable => {
                    self.show_path_field = true;
                    self.message = Some(self.language.t(T::NoDialog).into());
                }
            }
        }
        for outcome in self.export_results.1.try_iter().collect::<Vec<_>>() {
            match outcome {
                ExportOutcome::Chosen(format, path) => {
                    self.commands.push(Command::ExportTo(format, path))
                }
                ExportOutcome::Written(Ok((path, count))) => {
                    self.message = Some(self.language.f(T::Exported, &[&count, &path.display()]))
                }
                ExportOutcome::Written(Err(e)) => {
                    self.message = Some(self.language.f(T::ExportFailed, &[&e]))
                }
            }
        }
        for result in self.saver.results() {
            self.library.curation_error = result
                .err()
                .map(|e| self.language.f(T::CorrectionsNotSaved, &[&e]));
        }
        // Reading keys, unless the keyboard is in a text field (Esc always clears).
        let typing = ctx.egui_wants_keyboard_input();
        let key = |k: egui::Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k));
        if !typing {
            if key(egui::Key::J) {
                self.commands.push(Command::Step(1));
            }
            if key(egui::Key::K) {
                self.commands.push(Command::Step(-1));
            }
            if key(egui::Key::F) {
                self.commands.push(Command::ToggleFlag);
            }
            if key(egui::Key::Slash) {
                self.commands.push(Command::FocusSearch);
            }
            if key(egui::Key::N) {
                self.commands.push(Command::Hit(1));
            }
        }
        if key(egui::Key::F1) {
            self.commands.push(Command::ShowHelp(!self.show_help));
        }
        if key(egui::Key::Escape) {
            ctx.memory_mut(|m| m.stop_text_input());
            self.commands.push(Command::ClearFilters);
        }
        self.apply_restore();
        self.refresh_search();
        self.mark_read();
        // Ctrl+Z in a text field undoes typing; elsewhere it undoes a correction.
        let undo = !ctx.egui_wants_keyboard_input()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z));
        if undo {
            self.commands.push(Command::Undo);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(source) = source_for_drop(dropped) {
            self.commands.push(Command::Open(source));
        }
        if let Some((zoom, theme)) = self.restore_look.take() {
            if let Some(zoom) = zoom {
                ctx.set_zoom_factor(zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end()));
            }
            if let Some(theme) = theme {
                ctx.set_theme(theme);
            }
        }
        // Size and theme can also change through egui's own keys (Ctrl +/−): keep what is shown.
        self.zoom = ctx.zoom_factor();
        self.theme = ctx.options(|o| o.theme_preference);
        let title = format!("{} — Khabar", self.library.source.display_name());
        // (The window title stays in Latin letters: title bars have no bidi either.)
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}
