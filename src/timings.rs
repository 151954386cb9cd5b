//! Wall time of each phase of a run, for performance work: with
//! `COPYDESK_TIMINGS=1` in the environment, every phase prints
//! `copydesk: timing <phase> <seconds>` to stderr when it ends. Off, a phase
//! costs one relaxed load.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("COPYDESK_TIMINGS").is_some_and(|v| v != "0"))
}

/// A running phase; prints its time when [`Phase::end`] is called or it is dropped.
pub struct Phase {
    name: &'static str,
    start: Option<Instant>,
}

/// Starts timing `name`.
pub fn phase(name: &'static str) -> Phase {
    Phase {
        name,
        start: enabled().then(Instant::now),
    }
}

impl Phase {
    /// Ends the phase now.
    pub fn end(self) {}
}

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            eprintln!(
                "copydesk: timing {} {:.3}s",
                self.name,
                start.elapsed().as_secs_f64()
            );
        }
    }
}
