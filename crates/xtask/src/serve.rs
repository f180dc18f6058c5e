//! The site server for the demo, the browser tests and the bench: `www/` on 127.0.0.1 only.
//!
//! Built on axum and tower-http's `ServeDir` (GET and HEAD, ranges, no path outside `www/`)
//! with brotli or gzip by `Accept-Encoding`, so what it sends is what a council's server
//! sends, and the headers the docs recommend a council's server to send:
//!
//! - `ETag` (weak, from size and modification time, as nginx and Apache make theirs) and
//!   `304 Not Modified` for a matching `If-None-Match`;
//! - `Cache-Control: public, max-age=31536000, immutable` for content-hashed release files
//!   (their name changes with their content), `no-cache` (keep, but ask again each time) for
//!   everything else, the feed above all: an unchanged feed then costs a 304;
//! - the content types the widgets need (`application/wasm` for streaming compilation) and
//!   `X-Content-Type-Options: nosniff`.
//!
//! A dev tool, not shipped: its dependencies are axum without its defaults, tokio's
//! single-threaded runtime and tower-http's file and compression parts.

use crate::dist::HASH_HEX_DIGITS;
use crate::{root, say};
use axum::extract::{Request, State};
use axum::http::header::{
    HeaderValue, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// A year: the longest `max-age` caches honour, for files whose names carry their hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

pub fn serve(port: u16, announce: bool) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port)"))?;
    if announce {
        say(&format!(
            "Serving www/ — open http://127.0.0.1:{port}/index.html (Ctrl+C to stop)"
        ));
    }
    serve_on(listener)
}

/// Serves until the process ends, on an already bound listener (the tests bind port 0 and
/// read the port).
pub fn serve_on(listener: TcpListener) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot use the listener: {e}"))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| format!("cannot use the listener: {e}"))?;
        axum::serve(listener, site(root().join("www")))
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}

/// The whole site: files from `www`, with the caching headers, compressed when asked.
fn site(www: PathBuf) -> Router {
    let files = ServeDir::new(&www);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(Arc::new(www), headers))
        .layer(CompressionLayer::new())
}

/// Adds the caching and type headers to a file's response, or answers 304 without reading the
/// file when the browser's copy is current.
async fn headers(State(www): State<Arc<PathBuf>>, request: Request, next: Next) -> Response {
    let file = resolve(&www, request.uri().path());
    let tag = file.as_deref().and_then(etag);
    let Some(file) = file else {
        return next.run(request).await;
    };
    let cache = HeaderValue::from_static(cache_control(&file));
    if let Some(tag) = &tag {
        let unchanged = request
            .headers()
            .get(IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|wanted| matches_etag(wanted, tag));
        if unchanged {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            let headers = response.headers_mut();
            headers.insert(CACHE_CONTROL, cache);
            if let Ok(value) = HeaderValue::from_str(tag) {
                headers.insert(ETAG, value);
            }
            return response;
        }
    }
    let mut response = next.run(request).await;
    if response.status().is_success() {
        let headers = response.headers_mut();
        headers.insert(CACHE_CONTROL, cache);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type(&file)));
        headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        if let Some(value) = tag.and_then(|tag| HeaderValue::from_str(&tag).ok()) {
            headers.insert(ETAG, value);
        }
    }
    response
}

/// A weak validator from the file's size and modification time: it changes whenever a build
/// rewrites the file, and costs no read of it. Weak, because the compressed bodies differ
/// byte for byte from the file while meaning the same.
fn etag(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!("W/\"{:x}-{:x}\"", meta.len(), modified.as_nanos()))
}

/// `If-None-Match` compares weakly: a list of tags, or `*`.
fn matches_etag(wanted: &str, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    wanted
        .split(',')
        .any(|w| w.trim() == "*" || opaque(w) == opaque(tag))
}

/// Release files carry a hash of their content in their name (`send-pathways.1da0662d5f.js`,
/// see `dist`): they never change, so they may be kept for a year. Anything else may change
/// under the same name and is checked again each time.
fn cache_control(file: &Path) -> &'static str {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut parts = name.rsplit('.');
    let hashed = parts.next().is_some() // the extension
        && parts.next().is_some_and(|hash| {
            hash.len() == HASH_HEX_DIGITS
                && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
        && parts.next().is_some();
    if hashed {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// Maps a request path to a file under `www`, refusing anything that climbs out of it (ServeDir
/// refuses the same; this decides which file the headers describe).
fn resolve(www: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path)?;
    let mut file = www.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// With the charset for text, which ServeDir's guess leaves out.
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "md" => "text/markdown; charset=utf-8",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_www() {
        let www = root().join("www");
        assert_eq!(resolve(&www, "/../Cargo.toml"), None);
        assert_eq!(resolve(&www, "/%2e%2e/Cargo.toml"), None);
        assert_eq!(
            resolve(&www, "/index.html?x=1"),
            Some(www.join("index.html"))
        );
        assert_eq!(resolve(&www, "/"), Some(www.join("index.html")));
    }

    #[test]
    fn only_hashed_names_are_kept_for_a_year() {
        let cache = |name: &str| cache_control(Path::new(name));
        assert_eq!(cache("dist/send-pathways.1da0662d5f.js"), IMMUTABLE);
        assert_eq!(cache("send-widgets_bg.1ab67598b0.wasm"), IMMUTABLE);
        assert_eq!(cache("feed/tower-hamlets.json"), REVALIDATE);
        assert_eq!(cache("dist/send-pathways.js"), REVALIDATE);
        // Not a hash: wrong length, capitals, or no name before it.
        assert_eq!(cache("report.2024.json"), REVALIDATE);
        assert_eq!(cache("x.1DA0662D5F.js"), REVALIDATE);
        assert_eq!(cache("1da0662d5f.js"), REVALIDATE);
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let tag = "W/\"1f-2a\"";
        assert!(matches_etag("W/\"1f-2a\"", tag));
        assert!(matches_etag("\"1f-2a\"", tag));
        assert!(matches_etag("\"x\", W/\"1f-2a\"", tag));
        assert!(matches_etag("*", tag));
        assert!(!matches_etag("W/\"1f-2b\"", tag));
    }
}
