//! Hover on a figure: how copydesk read the claim (value, hedge, measure,
//! subject, period) and the other claims of the workspace on the same
//! subject, with their files, so a writer can check a figure in place.

use crate::claims::{Claim, Form, Hedge};
use std::fmt::Write as _;
use std::path::Path;

/// How many claims of other articles a hover lists.
const MAX_OTHERS: usize = 12;

/// The claim of `claims` whose figure holds byte `offset`.
pub fn claim_at(claims: &[Claim], offset: usize) -> Option<&Claim> {
    claims
        .iter()
        .find(|c| c.span.start <= offset && offset <= c.span.end)
}

/// Whether two claims are about the same thing: the subject's slots, not
/// how its words were found (from the clause, the sentence or the title).
pub fn same_subject(a: &Claim, b: &Claim) -> bool {
    let (x, y) = (&a.subject, &b.subject);
    x.metric == y.metric
        && x.terms == y.terms
        && x.base == y.base
        && x.geo == y.geo
        && x.aggregate == y.aggregate
        && x.level == y.level
}

/// The hover text (Markdown) for `claim`, read from `text`; `others` are
/// the claims on the same subject elsewhere, with their article's path
/// (shown relative to `root`).
pub fn describe(claim: &Claim, text: &str, others: &[(&Path, &Claim)], root: &Path) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "**copydesk reads `{}` as** {}\n",
        claim.figure(text).trim(),
        claim.describe()
    );
    let high = if claim.high.is_finite() {
        format!("{}", claim.high)
    } else {
        "open".to_string()
    };
    let _ = writeln!(
        out,
        "- value: {} (allowed interval {} to {high}), unit: {}",
        claim.value,
        claim.low,
        format!("{:?}", claim.unit).to_lowercase()
    );
    let hedge = match claim.hedge {
        Hedge::Exact => "none (exact)",
        h => h.label().trim(),
    };
    let _ = writeln!(out, "- hedge: {hedge}, form: {}", form(claim.form));
    let direction = match claim.direction {
        d if d > 0 => ", a rise",
        d if d < 0 => ", a fall",
        _ => "",
    };
    let _ = writeln!(
        out,
        "- statistic: {}{direction}",
        claim.subject.metric.name()
    );
    let _ = writeln!(
        out,
        "- subject (what · of whom · where): {}",
        claim.subject.display_in(claim.quote(text))
    );
    let period = claim.period_text();
    let period = if period.is_empty() {
        "none stated".to_string()
    } else {
        period
    };
    let forecast = if claim.forecast { " (a forecast)" } else { "" };
    let _ = writeln!(out, "- period: {period}{forecast}");
    if others.is_empty() {
        out.push_str("\nNo other article of the workspace states a figure on this subject.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "\n**Elsewhere in the workspace** ({} on this subject):\n",
        others.len()
    );
    for (path, c) in others.iter().take(MAX_OTHERS) {
        let shown = path.strip_prefix(root).unwrap_or(path);
        let link = lsp_types::Url::from_file_path(path)
            .map(|u| u.to_string())
            .unwrap_or_default();
        let _ = writeln!(out, "- {} in [{}]({link})", c.describe(), shown.display());
    }
    if others.len() > MAX_OTHERS {
        let _ = writeln!(out, "- and {} more", others.len() - MAX_OTHERS);
    }
    out
}

fn form(form: Form) -> &'static str {
    match form {
        Form::Point => "one figure",
        Form::Range => "a range",
        Form::Change => "a change from one figure to another",
        Form::Fraction => "a fraction in words",
        Form::Figures => "an order of magnitude",
        Form::Multiplier => "a multiplier",
    }
}
