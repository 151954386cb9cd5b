//! A progress indicator on stderr for long runs: it appears only after about
//! a second, only when stderr is a terminal and no CI is detected, and is
//! cleared before the report is written. Pipes, files and CI logs never see
//! it. The engine reports no per-file progress, so this is a spinner with
//! the file count and the elapsed time.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a run goes before the indicator appears.
const DELAY: Duration = Duration::from_millis(1000);

/// A running indicator; [`Progress::finish`] (or drop) clears it.
pub struct Progress {
    done: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// Whether an indicator may be shown at all.
pub fn wanted() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false")
        && std::env::var_os("TERM").is_none_or(|v| v != "dumb")
}

impl Progress {
    /// Start counting; show `message` after [`DELAY`] if the run is not over.
    pub fn start(message: String) -> Progress {
        if !wanted() {
            return Progress {
                done: None,
                thread: None,
            };
        }
        let (tx, rx) = mpsc::channel::<()>();
        let started = std::time::Instant::now();
        let thread = std::thread::spawn(move || {
            if !matches!(rx.recv_timeout(DELAY), Err(RecvTimeoutError::Timeout)) {
                return;
            }
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                .with_elapsed(started.elapsed());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .expect("static progress template is valid"),
            );
            bar.set_message(message);
            bar.enable_steady_tick(Duration::from_millis(100));
            // Wait for the run to end (or the sender to go away).
            let _ = rx.recv();
            bar.finish_and_clear();
        });
        Progress {
            done: Some(tx),
            thread: Some(thread),
        }
    }

    /// Stop and clear the indicator before anything else is written.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(tx) = self.done.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop();
    }
}
