//! Issue 13: the mojibake engine's work grows linearly with a line's length. Long
//! single lines of repeated mojibake used to take time quadratic in their length
//! (40,000 × `Ã©é` took 47 s in a debug build); here four times the input must take
//! well under the sixteen times a quadratic pass would.

use copydesk::mojibake::{analyse, fix};
use std::time::{Duration, Instant};

/// The fastest of three runs of `fix` and `analyse` over `text`.
fn time(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(fix(text));
            std::hint::black_box(analyse(text));
            t.elapsed()
        })
        .min()
        .expect("three runs")
}

#[test]
fn issue_13_long_mojibake_lines_take_linear_time() {
    for unit in ["Ã©é", "«à»–", "Ð ÑƒÑ\u{fffd}"] {
        let small = time(&unit.repeat(1_000));
        let large = time(&unit.repeat(4_000));
        assert!(
            large < small * 10,
            "{unit:?}: 1,000 × took {small:?}, 4,000 × took {large:?}"
        );
    }
}
