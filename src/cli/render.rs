//! `locdoc render`: regenerate `docs/<locale>/<connector>.md` (or `.html`) from the catalogs,
//! templates and schema; `--check` compares instead of writing (the CI drift check).

use std::path::PathBuf;

use crate::render::{self, drift, Format};

/// Arguments of `render`.
#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// Output directory.
    #[arg(long, default_value = "docs", value_name = "DIR")]
    pub out: PathBuf,
    /// Locale to render (repeatable; default: every locale with a catalog).
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Write nothing; exit 1 listing the files that differ from the render output.
    #[arg(long)]
    pub check: bool,
    /// Directory of the Fluent catalogs (`<locale>/*.ftl`).
    #[arg(long, default_value = "locales", value_name = "DIR")]
    pub catalogs: PathBuf,
    /// Directory of the page templates (`connector.md`, `request.yaml`, `page.html`).
    #[arg(long, default_value = "templates", value_name = "DIR")]
    pub templates: PathBuf,
    /// Schema file, a connector catalog or an OpenAPI document; repeatable. Replacement is per
    /// kind: an OpenAPI file replaces the built-in spec, catalogs replace the built-in catalog.
    #[arg(long = "schema", value_name = "FILE")]
    pub schema: Vec<PathBuf>,
    /// Locale whose pages use the connector catalog's English param summaries.
    #[arg(long, default_value = "en", value_name = "LOCALE")]
    pub source_locale: String,
}

/// Runs `render`: 0 written or up to date, 1 drift found by `--check`, 2 failure.
pub fn run(args: &RenderArgs) -> u8 {
    match run_inner(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            2
        }
    }
}

fn run_inner(args: &RenderArgs) -> Result<u8, String> {
    let settings = crate::engine::Settings {
        schema_paths: args.schema.clone(),
        ..Default::default()
    };
    let schema = crate::engine::load_schema(&settings).map_err(|e| e.to_string())?;
    let mut opts = render::Options {
        out: args.out.clone(),
        locales: args.locales.clone(),
        format: args.format,
        catalogs: args.catalogs.clone(),
        templates: args.templates.clone(),
        source_locale: args.source_locale.clone(),
        ..render::Options::new()
    };
    // An OpenAPI document among --schema files replaces the built-in one.
    for p in &args.schema {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        let is_openapi = crate::schema::yaml::parse(p, &text)
            .map(|v| v.get("openapi").is_some())
            .unwrap_or(false);
        if is_openapi {
            opts.openapi = (p.clone(), text);
        }
    }
    let rendered = render::render(&opts, &schema).map_err(|e| e.to_string())?;
    let plan = drift::plan(&rendered.outputs, &rendered.managed)
        .map_err(|e| format!("cannot compare with {}: {e}", args.out.display()))?;
    let total = rendered.outputs.len();
    if args.check {
        if plan.is_clean() {
            println!("locdoc: {total} rendered files are up to date");
            return Ok(0);
        }
        for line in plan.lines() {
            println!("{line}");
        }
        let n = plan.create.len() + plan.change.len() + plan.stale.len();
        println!(
            "locdoc: {n} files differ from the render output; run `locdoc render` to update them"
        );
        return Ok(1);
    }
    drift::apply(&rendered.outputs, &plan)
        .map_err(|e| format!("cannot write to {}: {e}", args.out.display()))?;
    println!(
        "locdoc: rendered {total} files ({} written, {} removed, {} unchanged)",
        plan.create.len() + plan.change.len(),
        plan.stale.len(),
        plan.unchanged
    );
    Ok(0)
}
