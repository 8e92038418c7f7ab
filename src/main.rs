#[cfg(target_arch = "wasm32")]
fn main() {
    crypto_heist_explorer::ui::start();
}

/// On the host: `oembed <public URL>` prints the oEmbed response of every canonical view as one
/// JSON object keyed by view (scripts/oembed.mjs writes them as files at build time);
/// `static-charts` prints every canonical view's chart option and words, and the formatter
/// samples (scripts/prerender.mjs draws them as static SVG); `details <dir>` writes the
/// incidents' notes and sources, which the app loads after its first chart, as
/// `<dir>/data/details-<hash>.json` and prints that path (scripts/details.mjs).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use crypto_heist_explorer::oembed::responses;
    use crypto_heist_explorer::static_charts::static_charts;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, dir] if command == "details" => {
            use crypto_heist_explorer::data::{DETAILS_FILE, DETAILS_JSON};
            let path = std::path::Path::new(dir).join(DETAILS_FILE);
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, DETAILS_JSON));
            if let Err(error) = written {
                eprintln!("details: cannot write {}: {error}", path.display());
                std::process::exit(1);
            }
            println!("{DETAILS_FILE}");
        }
        [command] if command == "static-charts" => match serde_json::to_string(&static_charts()) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("static-charts: {error}");
                std::process::exit(1);
            }
        },
        [command, base] if command == "oembed" && base.starts_with("http") => {
            let base = if base.ends_with('/') {
                base.clone()
            } else {
                format!("{base}/")
            };
            let all: serde_json::Map<String, serde_json::Value> = responses(&base)
                .into_iter()
                .map(|(v, r)| {
                    (
                        v.slug().to_string(),
                        serde_json::to_value(r).unwrap_or_default(),
                    )
                })
                .collect();
            println!("{}", serde_json::Value::Object(all));
        }
        _ => {
            eprintln!(
                "Crypto Heist Explorer is a web app: run `make serve` to build and serve it.\n\
                 On the host: `crypto-heist-explorer oembed https://your.site/path/` prints the \
                 oEmbed responses for a deployment at that URL; `crypto-heist-explorer \
                 static-charts` prints the charts the build draws as static SVG; \
                 `crypto-heist-explorer details <dir>` writes the notes and sources file."
            );
            std::process::exit(2);
        }
    }
}
