//! One page: the connector template expanded for one connector in one locale.
//!
//! Prose comes from the locale's Fluent messages (never from another locale: a missing message is
//! an error, so no English is left in a translated page); the credential table, the curl request and
//! the response come from the schema. Param descriptions: the source locale uses the catalog's
//! English summaries; a translation uses `param-<connector>-<param>`, else the generic
//! `param-<param>`, else fails.

use fluent_bundle::{FluentArgs, FluentValue};

use super::catalog::{self, Bundle};
use super::request::{self, Endpoint, RequestSpec};
use super::template::{Slot, Slots, Template};
use super::RenderError;
use crate::schema::{AuthSpec, Connector};

/// Everything one page is made from.
pub struct PageInput<'a> {
    /// Locale rendered.
    pub locale: &'a str,
    /// Source locale (`en`).
    pub source_locale: &'a str,
    /// Catalog directory as shown in errors (`locales`).
    pub catalogs: &'a str,
    /// The locale's bundle.
    pub bundle: &'a Bundle<'a>,
    /// The connector.
    pub connector: &'a Connector,
    /// The operation the page calls.
    pub endpoint: &'a Endpoint,
    /// Header values and body labels.
    pub request: &'a RequestSpec,
}

/// Renders the page for `input`.
pub fn render_page(template: &Template, input: &PageInput<'_>) -> Result<String, RenderError> {
    let mut slots = PageSlots { input, auth: None };
    template.expand(&mut slots)
}

/// The `exl-id` every locale of a connector's page shares.
pub fn exl_id(connector: &Connector) -> String {
    request::stable_uuid("exl-id", &connector.id)
}

/// `Client-Id-Secret Based Authentication` → `client-id-secret-based-authentication`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

struct PageSlots<'a, 'b> {
    input: &'b PageInput<'a>,
    auth: Option<usize>,
}

impl PageSlots<'_, '_> {
    fn auth(&self, what: &str) -> Result<&AuthSpec, String> {
        self.auth
            .and_then(|i| self.input.connector.auth.get(i))
            .ok_or_else(|| format!("`{what}` is only available inside `{{{{#each auth}}}}`"))
    }

    fn args(&self) -> FluentArgs<'static> {
        let c = self.input.connector;
        let mut a = FluentArgs::new();
        a.set("connector", c.name.clone());
        a.set("connectorId", c.id.clone());
        a.set("specId", c.connection_spec_id.clone());
        a.set("authCount", FluentValue::from(c.auth.len()));
        if let Some(spec) = self.auth.and_then(|i| c.auth.get(i)) {
            a.set("specName", spec.spec_name.clone());
            a.set("specSlug", slug(&spec.spec_name));
            a.set("paramCount", FluentValue::from(spec.params.len()));
        }
        a
    }

    fn message(&self, id: &str, args: &FluentArgs<'_>) -> Result<String, String> {
        catalog::format(self.input.bundle, id, args).map_err(|e| {
            format!(
                "{e} (locale `{}`, {}/{}/*.ftl)",
                self.input.locale, self.input.catalogs, self.input.locale
            )
        })
    }

    fn param_description(&self, name: &str, summary: &str) -> Result<String, String> {
        let c = self.input.connector;
        if self.input.locale == self.input.source_locale {
            if summary.trim().is_empty() {
                return Err(format!(
                    "parameter `{name}` of `{}` has no summary in the connector catalog",
                    c.id
                ));
            }
            return Ok(summary.trim().to_string());
        }
        let args = self.args();
        for id in [format!("param-{}-{name}", c.id), format!("param-{name}")] {
            if self.input.bundle.has_message(&id) {
                return self.message(&id, &args);
            }
        }
        Err(format!(
            "no `{}` description for parameter `{name}` of `{}`: add `param-{}-{name}` or `param-{name}` to {}/{}/",
            self.input.locale, c.id, c.id, self.input.catalogs, self.input.locale
        ))
    }

    fn credentials_table(&self) -> Result<String, String> {
        let spec = self.auth("table:credentials")?;
        let none = FluentArgs::new();
        let mut s = format!(
            "| {} | {} | {} |\n| --- | --- | --- |\n",
            self.message("table-parameter", &none)?,
            self.message("table-required", &none)?,
            self.message("table-description", &none)?
        );
        for p in &spec.params {
            let mut a = self.args();
            a.set("required", if p.required { "yes" } else { "no" });
            let required = self.message("table-required-value", &a)?;
            let desc = self.param_description(&p.name, &p.summary)?;
            s.push_str(&format!(
                "| `{}` | {} | {} |\n",
                p.name,
                cell(&required),
                cell(&desc)
            ));
        }
        Ok(s.trim_end().to_string())
    }
}

/// Text safe inside a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

impl Slots for PageSlots<'_, '_> {
    fn value(&mut self, slot: &Slot) -> Result<String, String> {
        let c = self.input.connector;
        let name = slot.name.as_str();
        Ok(match name {
            "$connector" => c.name.clone(),
            "$connectorId" => c.id.clone(),
            "$specId" => c.connection_spec_id.clone(),
            "$specVersion" => c
                .connection_spec_version
                .clone()
                .unwrap_or_else(|| "1.0".into()),
            "$exlId" => exl_id(c),
            "$locale" => self.input.locale.to_string(),
            "$authCount" => c.auth.len().to_string(),
            "$specName" => self.auth(name)?.spec_name.clone(),
            "$specSlug" => slug(&self.auth(name)?.spec_name),
            "$paramCount" => self.auth(name)?.params.len().to_string(),
            "table:credentials" => self.credentials_table()?,
            "code:curl" => {
                let spec = self.auth(name)?;
                let curl = request::curl(self.input.endpoint, self.input.request, c, spec)?;
                format!("```shell\n{curl}\n```")
            }
            "code:response" => format!("```json\n{}\n```", request::response(c)),
            "code:api-format" => format!(
                "```http\n{} {}\n```",
                self.input.endpoint.method, self.input.endpoint.path
            ),
            _ if name.starts_with('$') => return Err(format!("unknown data slot `{name}`")),
            _ if name.contains(':') => return Err(format!("unknown generated block `{name}`")),
            id => self.message(id, &self.args())?,
        })
    }

    fn items(&mut self, list: &Slot) -> Result<usize, String> {
        match list.name.as_str() {
            "auth" => Ok(self.input.connector.auth.len()),
            other => Err(format!("unknown list `{other}` (known: auth)")),
        }
    }

    fn enter(&mut self, _list: &str, index: Option<usize>) {
        self.auth = index;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Client-Id-Secret Based Authentication"),
            "client-id-secret-based-authentication"
        );
        assert_eq!(slug("oAuth2RefreshCode"), "oauth2refreshcode");
        assert_eq!(slug("  OAuth2 JWT  "), "oauth2-jwt");
    }
}
