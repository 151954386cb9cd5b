//! Times loading a claims cache (the one a full run with `--cache-dir DIR`
//! and no `lexicon:` config leaves), five times over:
//! `cargo run --release --example cache_load -- DIR`. The first load pays
//! for fresh memory; the later ones show the decoding alone.
fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let key: u64 = copydesk::cache::key(None);
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let c = copydesk::cache::ClaimsCache::load(std::path::Path::new(&dir), key);
        println!("{} entries in {:.3} s", c.len(), t.elapsed().as_secs_f64());
    }
}
