//! Shared by the `CURL*` rules that report extraction problems.

use crate::diag::Finding;
use crate::extract::ProblemKind;
use crate::rules::{Context, RuleMeta};

/// Reports every extraction problem of `kind` as a finding of `meta`.
pub fn report_problems(
    ctx: &Context<'_>,
    meta: &'static RuleMeta,
    kind: ProblemKind,
    help: &'static str,
    out: &mut Vec<Finding>,
) {
    for req in ctx.requests {
        for p in req.problems.iter().filter(|p| p.kind == kind) {
            out.push(
                ctx.finding(meta, p.span.clone(), p.message.clone())
                    .with_help(help),
            );
        }
    }
}
