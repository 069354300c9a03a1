//! Starting the window on any machine: the GPU renderer (wgpu) first, OpenGL (glow) when it
//! cannot start, and a readable message when neither can, instead of a panic.

use super::{APP_ID, KhabarApp, Launch};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Why the window could not be opened: each renderer tried, with what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(.0))]
pub struct StartError(pub Vec<(Renderer, String)>);

fn describe(failures: &[(Renderer, String)]) -> String {
    let tried: Vec<String> = failures
        .iter()
        .map(|(renderer, why)| format!("{}: {why}", renderer.name()))
        .collect();
    format!(
        "Khabar could not open its window. The graphics drivers of this computer did not \
         start ({}). Updating the graphics drivers usually helps; on Linux, installing Mesa \
         (packages mesa-vulkan-drivers and libgl1-mesa-dri) gives a software renderer that \
         always works.",
        tried.join("; ")
    )
}

/// A way of drawing the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// wgpu: Vulkan, Metal, DirectX 12 or OpenGL through wgpu.
    Wgpu,
    /// glow: OpenGL directly, for machines where wgpu finds no adapter.
    Glow,
}

impl Renderer {
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Wgpu => "wgpu",
            Renderer::Glow => "OpenGL",
        }
    }

    fn eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        }
    }
}

/// The renderers to try, in order. `KHABAR_RENDERER=glow` (or `wgpu`) tries only that one,
/// for a machine where the first choice starts but draws badly.
pub fn renderers(forced: Option<&str>) -> Vec<Renderer> {
    match forced.map(|f| f.trim().to_ascii_lowercase()).as_deref() {
        Some("glow" | "opengl" | "gl") => vec![Renderer::Glow],
        Some("wgpu") => vec![Renderer::Wgpu],
        _ => vec![Renderer::Wgpu, Renderer::Glow],
    }
}

/// Opens the window and blocks until it is closed, falling back from one renderer to the
/// next while the window has not started. An error after the app started (it ran, then
/// failed) is returned as is: trying again would show the user a second window.
pub fn run(launch: Launch) -> Result<(), StartError> {
    let forced = std::env::var("KHABAR_RENDERER").ok();
    let mut failures = Vec::new();
    for renderer in renderers(forced.as_deref()) {
        let started = Arc::new(AtomicBool::new(false));
        let result = open(renderer, launch.clone(), started.clone());
        match result {
            Ok(()) => return Ok(()),
            Err(why) => {
                eprintln!(
                    "khabar: the {} renderer did not start: {why}",
                    renderer.name()
                );
                failures.push((renderer, why));
                if started.load(Ordering::SeqCst) {
                    break;
                }
            }
        }
    }
    Err(StartError(failures))
}

/// One attempt; a panic while setting up the renderer is caught and reported like an error.
fn open(renderer: Renderer, launch: Launch, started: Arc<AtomicBool>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Khabar")
            .with_app_id(APP_ID)
            .with_icon(super::icon::app_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        renderer: renderer.eframe(),
        // The event loop is kept for the next attempt (winit cannot create a second one).
        run_and_return: true,
        ..Default::default()
    };
    let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        eframe::run_native(
            APP_ID,
            options,
            Box::new(move |cc| {
                started.store(true, Ordering::SeqCst);
                Ok(Box::new(KhabarApp::new(cc, launch)))
            }),
        )
    }));
    match attempt {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "the renderer stopped unexpectedly".into())),
    }
}

/// Tells the user, in a dialog when the desktop can show one, that the window could not open
/// (a double-clicked app has no terminal to print to).
pub fn report(error: &StartError) {
    eprintln!("khabar: {error}");
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Khabar")
        .set_description(error.to_string())
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wgpu_first_then_opengl_unless_one_is_forced() {
        assert_eq!(renderers(None), [Renderer::Wgpu, Renderer::Glow]);
        assert_eq!(renderers(Some(" GLOW ")), [Renderer::Glow]);
        assert_eq!(renderers(Some("wgpu")), [Renderer::Wgpu]);
        assert_eq!(renderers(Some("metal")), [Renderer::Wgpu, Renderer::Glow]);
    }

    #[test]
    fn the_message_names_each_renderer_and_what_to_do() {
        let error = StartError(vec![
            (Renderer::Wgpu, "no suitable adapter".into()),
            (Renderer::Glow, "GLX not available".into()),
        ]);
        let text = error.to_string();
        assert!(text.contains("wgpu: no suitable adapter; OpenGL: GLX not available"));
        assert!(text.contains("graphics drivers"));
    }
}
