//! `cargo xtask dist`: the release files a council hosts, with content-hashed names (so they
//! can be cached for ever) and Subresource Integrity hashes for the snippet.
//!
//! Written to `target/dist/` (the repository's top level holds only the design card's entries).
//! The loader refers to the glue, wasm and CSS by name, so those are hashed first and the
//! loader is rewritten to the hashed names, and given their integrity hashes, before it is
//! hashed itself: the snippet's one hash on the loader then covers every file it loads.

use crate::build::{build, VARIANTS};
use crate::{root, say};
use sha2::{Digest, Sha256, Sha384};
use std::fmt::Write;
use std::path::Path;

/// The hash in a release file's name (`send-pathways.1da0662d5f.js`): the site server keeps
/// such names for a year.
pub const HASH_HEX_DIGITS: usize = 10;

/// Builds the loader never loads (the officer's editor, which `edit.html` loads itself): their
/// files are released with hashed names like the rest, but kept out of the loader's integrity
/// list, so the families' loader does not grow with them.
const NOT_LOADED_BY_THE_LOADER: &[&str] = &["send-editor"];

/// The line of the loader that `dist` replaces with the release files' integrity hashes.
const INTEGRITY_PLACEHOLDER: &str = "const INTEGRITY = {};";

pub fn dist() -> Result<(), String> {
    build()?;
    let root = root();
    let built = root.join("www/dist");
    let out = root.join("target/dist");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let read = |name: &str| {
        std::fs::read(built.join(name)).map_err(|e| format!("cannot read www/dist/{name}: {e}"))
    };
    // Each (original name, hashed name), filled in dependency order: the wasm and CSS, then the
    // glue that names its wasm, then the loader that names them all.
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let rewritten = |name: &str, renames: &[(String, String)]| -> Result<String, String> {
        let text = String::from_utf8(read(name)?).map_err(|e| e.to_string())?;
        Ok(renames
            .iter()
            .fold(text, |text, (from, to)| text.replace(from.as_str(), to)))
    };
    // The loader carries the integrity of every glue and wasm it may load, so the snippet's one
    // hash on the loader covers them all.
    let mut integrity_map = String::new();
    for name in VARIANTS
        .iter()
        .map(|(build, ..)| format!("{build}_bg.wasm"))
        .chain(["send-pathways.css".into(), "send-pathways-resize.js".into()])
        .chain(crate::css::PIECES.iter().map(|(name, _)| (*name).into()))
    {
        let bytes = read(&name)?;
        let integrity = sri(&bytes);
        let hashed = add(&mut renames, &mut files, &name, bytes);
        let loaded = !NOT_LOADED_BY_THE_LOADER
            .iter()
            .any(|build| name.starts_with(&format!("{build}_")));
        if name.ends_with(".wasm") && loaded {
            let _ = write!(integrity_map, "\n  '{hashed}': '{integrity}',");
        }
    }
    for (build, ..) in VARIANTS {
        let name = format!("{build}.js");
        let text = rewritten(&name, &renames)?;
        let integrity = sri(text.as_bytes());
        let hashed = add(&mut renames, &mut files, &name, text.into_bytes());
        if !NOT_LOADED_BY_THE_LOADER.contains(build) {
            let _ = write!(integrity_map, "\n  '{hashed}': '{integrity}',");
        }
    }
    // The loader from its source, not www/dist's minified copy: the integrity line below must
    // be found as written, and the filled-in loader is minified after.
    let source = root.join("crates/widgets/assets/send-pathways.js");
    let loader = std::fs::read_to_string(&source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let loader = renames
        .iter()
        .fold(loader, |text, (from, to)| text.replace(from.as_str(), to));
    if !loader.contains(INTEGRITY_PLACEHOLDER) {
        return Err(format!(
            "the loader no longer has `{INTEGRITY_PLACEHOLDER}` for dist to fill in"
        ));
    }
    let loader = loader.replace(
        INTEGRITY_PLACEHOLDER,
        &format!("const INTEGRITY = {{{integrity_map}\n}};"),
    );
    let filled = out.join("send-pathways.filled.js");
    std::fs::write(&filled, &loader).map_err(|e| format!("cannot write {}: {e}", show(&filled)))?;
    crate::build::minify(std::slice::from_ref(&filled))?;
    let loader = std::fs::read_to_string(&filled).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&filled);
    add(
        &mut renames,
        &mut files,
        "send-pathways.js",
        loader.into_bytes(),
    );
    let schema =
        std::fs::read(root.join("www/schema/feed.schema.json")).map_err(|e| e.to_string())?;
    files.push(("feed.schema.json".into(), schema));
    // Iframe mode from the release folder: embed.html (its address is the iframe's, so it keeps
    // its name) with its script and stylesheet hashed and pointed at the hashed loader.
    for (name, bytes) in iframe_page(&root.join("www"), &renames)? {
        if name == "embed.html" {
            files.push((name, bytes));
        } else {
            add(&mut renames, &mut files, &name, bytes);
        }
    }
    let embed_html = files
        .iter()
        .position(|(name, _)| name == "embed.html")
        .ok_or("no embed.html")?;
    let (_, page) = files.remove(embed_html);
    let page = String::from_utf8(page).map_err(|e| e.to_string())?;
    let page = renames
        .iter()
        .filter(|(from, _)| from.starts_with("embed."))
        .fold(page, |page, (from, to)| page.replace(from.as_str(), to));
    files.push(("embed.html".into(), page.into_bytes()));
    for (name, bytes) in &files {
        std::fs::write(out.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    let named = |original: &str| {
        renames
            .iter()
            .find(|(from, _)| from == original)
            .map(|(_, to)| to.clone())
            .unwrap_or_default()
    };
    let integrity = |original: &str| {
        files
            .iter()
            .find(|(name, _)| *name == named(original))
            .map(|(_, bytes)| sri(bytes))
            .unwrap_or_default()
    };
    let snippet = format!(
        r#"<!-- SEND Pathways: put the files of this folder at https://YOUR-SITE/send-pathways/ and
     change BASE below to that address, and FEED to your feed's full address (for example
     https://YOUR-SITE/feed/your-area.json), as the embed-code builder (builder.html) writes
     them. The builder also gives the other options (data-pathway, data-plan, data-lang,
     data-heading-level) and the widget's fallback HTML, which goes inside the div
     (sendfeed render prints it too). -->
<link rel="stylesheet" href="BASE/{css}" integrity="{css_sri}" crossorigin="anonymous">
<script type="module" src="BASE/{loader}" integrity="{loader_sri}" crossorigin="anonymous"></script>
<div data-send-widget="pathway" data-feed="FEED">
  <!-- fallback HTML -->
</div>
"#,
        css = named("send-pathways.css"),
        css_sri = integrity("send-pathways.css"),
        loader = named("send-pathways.js"),
        loader_sri = integrity("send-pathways.js"),
    );
    std::fs::write(out.join("snippet.html"), &snippet).map_err(|e| e.to_string())?;
    say(&format!("Release files in {}:", show(&out)));
    let mut table = String::new();
    for (name, bytes) in &files {
        let _ = writeln!(
            table,
            "  {name:<44} {:>8} bytes  {}",
            bytes.len(),
            sri(bytes)
        );
    }
    print!("{table}");
    say("Snippet with integrity hashes: target/dist/snippet.html");
    // The same files on the demo site, so `serve` sends them as a council's server would
    // (hashed names kept for a year) and the demo can load the release snippet.
    let mirror = built.join("release");
    let _ = std::fs::remove_dir_all(&mirror);
    std::fs::create_dir_all(&mirror)
        .map_err(|e| format!("cannot create {}: {e}", mirror.display()))?;
    for (name, bytes) in &files {
        std::fs::write(mirror.join(name), bytes)
            .map_err(|e| format!("cannot write www/dist/release/{name}: {e}"))?;
    }
    std::fs::write(mirror.join("snippet.html"), &snippet).map_err(|e| e.to_string())?;
    say("The same release files are served by the demo under /dist/release/");
    let release = release_manifest(&renames, &files);
    let plugin = crate::wordpress::plugin_zip(&root, &files, &release)?;
    let zip_path = out.join(crate::wordpress::PLUGIN_ZIP);
    std::fs::write(&zip_path, &plugin)
        .map_err(|e| format!("cannot write {}: {e}", zip_path.display()))?;
    say(&format!(
        "WordPress plugin (install it from Plugins > Add New > Upload): {} ({} bytes)",
        show(&zip_path),
        plugin.len()
    ));
    Ok(())
}

/// `embed.html`, `embed.js` and `embed.css` for the release folder, where every file sits side
/// by side: the page's links and the script's import point at the release names.
fn iframe_page(www: &Path, renames: &[(String, String)]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let read = |name: &str| {
        std::fs::read_to_string(www.join(name)).map_err(|e| format!("cannot read www/{name}: {e}"))
    };
    let named = |original: &str| -> Result<String, String> {
        renames
            .iter()
            .find(|(from, _)| from == original)
            .map(|(_, to)| to.clone())
            .ok_or_else(|| format!("no release name for {original}"))
    };
    let swap = |text: String, from: &str, to: &str, file: &str| -> Result<String, String> {
        if text.contains(from) {
            Ok(text.replace(from, to))
        } else {
            Err(format!(
                "www/{file} no longer has `{from}` for dist to rewrite"
            ))
        }
    };
    let script = swap(
        read("embed.js")?,
        "'./dist/send-pathways.js'",
        &format!("'./{}'", named("send-pathways.js")?),
        "embed.js",
    )?;
    let mut page = swap(
        read("embed.html")?,
        "href=\"dist/send-pathways.css\"",
        &format!("href=\"{}\"", named("send-pathways.css")?),
        "embed.html",
    )?;
    // The demo's sample feed is not in the release: no link to it.
    page = swap(
        page,
        " <a href=\"feed/tower-hamlets.json\" target=\"_top\">Open the information as a file</a>.",
        "",
        "embed.html",
    )?;
    page = swap(
        page,
        "  <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n",
        "",
        "embed.html",
    )?;
    Ok(vec![
        ("embed.html".into(), page.into_bytes()),
        ("embed.js".into(), script.into_bytes()),
        ("embed.css".into(), read("embed.css")?.into_bytes()),
    ])
}

/// The release's files by original name, with their release name and integrity hash, as JSON:
/// the WordPress plugin reads it to name the loader and the renderer.
fn release_manifest(renames: &[(String, String)], files: &[(String, Vec<u8>)]) -> String {
    let mut entries = Vec::new();
    for (from, to) in renames {
        if let Some((_, bytes)) = files.iter().find(|(name, _)| name == to) {
            entries.push(format!(
                "    {}: {{ \"file\": {}, \"integrity\": {} }}",
                serde_json::Value::from(from.as_str()),
                serde_json::Value::from(to.as_str()),
                serde_json::Value::from(sri(bytes))
            ));
        }
    }
    format!(
        "{{\n  \"version\": {},\n  \"files\": {{\n{}\n  }}\n}}\n",
        serde_json::Value::from(env!("CARGO_PKG_VERSION")),
        entries.join(",\n")
    )
}

/// Records a release file under its hashed name; returns that name.
fn add(
    renames: &mut Vec<(String, String)>,
    files: &mut Vec<(String, Vec<u8>)>,
    name: &str,
    bytes: Vec<u8>,
) -> String {
    let hashed = hashed_name(name, &bytes);
    renames.push((name.to_owned(), hashed.clone()));
    files.push((hashed.clone(), bytes));
    hashed
}

/// `send-widgets_bg.wasm` → `send-widgets_bg.1a2b3c4d5e.wasm`, from the content's SHA-256.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let short: String = digest
        .iter()
        .take(HASH_HEX_DIGITS / 2)
        .map(|b| format!("{b:02x}"))
        .collect();
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{short}.{extension}"),
        None => format!("{name}.{short}"),
    }
}

/// A Subresource Integrity value: `sha384-` and the base64 of the SHA-384 digest.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn show(path: &Path) -> String {
    path.strip_prefix(root())
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn integrity_of_a_known_input() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
        assert_eq!(hashed_name("a.js", b"x"), "a.2d711642b7.js");
    }
}
