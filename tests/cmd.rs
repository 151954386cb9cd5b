//! CLI cases as data (`tests/cmd/`): each `NAME.md` or `NAME.toml` runs
//! `copydesk` in a copy of `NAME.in/` and compares exit code and output.
//! `TRYCMD=overwrite cargo test --test cmd` rewrites the expected output.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .case("tests/cmd/*.md")
        .case("tests/cmd/*.toml");
}
