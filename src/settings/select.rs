//! Rule selection: selectors (ids, names, families, prefixes) resolved against [`RULES`], and the
//! layered select/ignore/severity result the engine consults for each finding.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::Severity;
use crate::rules::RULES;

/// Which rules run and at what severity, resolved from config and CLI.
#[derive(Clone, Debug, Default)]
pub struct RuleSelection {
    /// Enabled rule ids; `None` means every rule.
    enabled: Option<BTreeSet<&'static str>>,
    /// Severity overrides by rule id.
    severity: BTreeMap<&'static str, Severity>,
}

impl RuleSelection {
    /// Whether rule `id` runs.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.enabled.as_ref().is_none_or(|e| e.contains(id))
    }

    /// The configured severity of rule `id`, if overridden.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        self.severity.get(id).copied()
    }

    /// Builds a selection from layers of (select, ignore) lists, later layers overriding earlier
    /// ones: a layer's `select` replaces the set so far, its `ignore` removes from it.
    pub fn from_layers(
        layers: &[(Option<Vec<&'static str>>, Vec<&'static str>)],
        severity: BTreeMap<&'static str, Severity>,
    ) -> RuleSelection {
        let mut enabled: Option<BTreeSet<&'static str>> = None;
        for (select, ignore) in layers {
            if let Some(s) = select {
                enabled = Some(s.iter().copied().collect());
            }
            if !ignore.is_empty() {
                let set =
                    enabled.get_or_insert_with(|| RULES.iter().map(|r| r.meta().id).collect());
                for id in ignore {
                    set.remove(id);
                }
            }
        }
        RuleSelection { enabled, severity }
    }
}

/// Resolves a rule selector: `ALL`, an id (`CURL001`), a name (`unterminated-quote`), a family
/// (`curl`, `CURL`) or an id prefix (`CURL00`). An unknown selector gives a message with the
/// closest known one.
pub fn resolve_selector(selector: &str) -> Result<Vec<&'static str>, String> {
    let s = selector.trim();
    if s.eq_ignore_ascii_case("all") {
        return Ok(RULES.iter().map(|r| r.meta().id).collect());
    }
    if let Some(r) = crate::rules::find(s) {
        return Ok(vec![r.meta().id]);
    }
    let upper = s.to_ascii_uppercase();
    let matched: Vec<&'static str> = RULES
        .iter()
        .map(|r| r.meta())
        .filter(|m| {
            m.family.eq_ignore_ascii_case(s)
                || (upper.starts_with(&m.family.to_ascii_uppercase()) && m.id.starts_with(&upper))
        })
        .map(|m| m.id)
        .collect();
    if !matched.is_empty() {
        return Ok(matched);
    }
    Err(match suggest(s) {
        Some(best) => format!("unknown rule `{s}`; did you mean `{best}`?"),
        None => format!("unknown rule `{s}` (see `locdoc rules`)"),
    })
}

/// The known id, name or family closest to `s`, if reasonably close.
pub fn suggest(s: &str) -> Option<&'static str> {
    let lower = s.to_ascii_lowercase();
    let mut best: Option<(f64, &'static str)> = None;
    for m in RULES.iter().map(|r| r.meta()) {
        for cand in [m.id, m.name, m.family] {
            let score = strsim::jaro_winkler(&lower, &cand.to_ascii_lowercase());
            if score > best.map_or(0.0, |b| b.0) {
                best = Some((score, cand));
            }
        }
    }
    best.filter(|b| b.0 >= 0.8).map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_accept_ids_names_families_and_prefixes() {
        assert_eq!(resolve_selector("CURL001").unwrap(), vec!["CURL001"]);
        assert_eq!(resolve_selector("curl001").unwrap(), vec!["CURL001"]);
        assert_eq!(
            resolve_selector("unterminated-quote").unwrap(),
            vec!["CURL001"]
        );
        let fam = resolve_selector("curl").unwrap();
        assert!(fam.contains(&"CURL001") && fam.contains(&"CURL005"));
        assert_eq!(resolve_selector("CURL").unwrap(), fam);
        assert_eq!(resolve_selector("CURL00").unwrap(), fam);
        assert!(resolve_selector("CU").is_err());
        let e = resolve_selector("CURL01").unwrap_err();
        assert!(e.contains("did you mean"), "{e}");
        assert_eq!(resolve_selector("ALL").unwrap().len(), RULES.len());
    }

    #[test]
    fn later_layers_override_earlier_ones() {
        let sel = RuleSelection::from_layers(
            &[(None, vec!["CURL005"]), (None, vec!["CURL004"])],
            BTreeMap::new(),
        );
        assert!(!sel.is_enabled("CURL005") && !sel.is_enabled("CURL004"));
        assert!(sel.is_enabled("CURL001"));
        let sel = RuleSelection::from_layers(
            &[
                (Some(vec!["CURL001"]), vec![]),
                (Some(vec!["CURL005"]), vec![]),
            ],
            BTreeMap::new(),
        );
        assert!(sel.is_enabled("CURL005") && !sel.is_enabled("CURL001"));
        assert!(RuleSelection::default().is_enabled("ANY"));
    }
}
