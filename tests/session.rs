//! The library API a caller other than the CLI uses: a [`Session`] opened
//! on a folder, a [`Request`] for one article, checked against the corpus.

use copydesk::{Request, Session};

#[test]
fn a_partial_request_is_compared_with_the_whole_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = |name: &str, figure: &str| {
        let text = format!(
            "---\ntitle: Tidal power\npublish_date: 2024-03-01\n---\n\nThe median salary of tidal turbine technicians in the US was {figure} in 2023.\n"
        );
        std::fs::write(dir.path().join(name), text).expect("write");
    };
    article("a.md", "$58,000");
    article("b.md", "$71,000");
    std::fs::write(dir.path().join("copydesk.yaml"), "corpus: .\n").expect("write");
    let config = dir.path().join("copydesk.yaml");
    let session = Session::open(Some(&config), None, &[], &[]).expect("session");
    let request = Request {
        paths: vec![dir.path().join("b.md")],
        ..Request::default()
    };
    // The corpus is the config's folder: run from there, as the CLI does.
    std::env::set_current_dir(dir.path()).expect("cd");
    let selection = session.select(&request).expect("selection");
    assert_eq!(selection.paths, [dir.path().join("b.md")]);
    assert_eq!(selection.checked(), Some(1));
    let result = session.run(&selection).expect("run");
    let rules: Vec<&str> = result.diagnostics.iter().map(|d| d.rule.as_ref()).collect();
    assert_eq!(rules, ["claim-value-mismatch"], "{:?}", result.diagnostics);
    assert_eq!(result.files.len(), 2, "both articles read");
}
