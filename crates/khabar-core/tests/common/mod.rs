//! Helpers shared by the core's tests (and, through `#[path]`, by the window tests).

#![allow(dead_code)] // each test file uses a part of these

/// Runs `work` on its own thread and gives its result, or fails the test if it takes more
/// than a minute: a walk or a read that never ends (a pipe, `/dev/zero`) must fail the test,
/// not hang it. A hang guard, not a timing.
pub fn within_a_minute<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(work());
    });
    receive
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("still running after a minute: something waits for ever")
}
