//! The WordPress plugin: its installable zip (made by `cargo xtask dist`), and the test step that
//! tries it in a real WordPress (Debian's `wordpress` package, Apache with PHP 8.2, MariaDB),
//! started on 127.0.0.1 from a temporary folder and stopped again, whatever the outcome.
//!
//! The plugin's source is `www/integrations/wordpress/send-pathways/`; the zip adds the release
//! files (`assets/`) and `assets/release.json`, which names them and their integrity hashes.

use crate::{root, say};
use std::io::Write as _;
use std::net::TcpListener;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The plugin's zip in `target/dist/`.
pub const PLUGIN_ZIP: &str = "send-pathways-wordpress.zip";
/// The plugin's folder name inside the zip and under wp-content/plugins.
const SLUG: &str = "send-pathways";
/// Debian's host-specific WordPress configuration for 127.0.0.1, written for the test only.
const DEBIAN_CONFIG: &str = "/etc/wordpress/config-127.0.0.1.php";
/// The first line of that file when this test wrote it: any other file there is left alone.
const MARKER: &str = "// Written by cargo xtask test (SEND Pathways) for its WordPress step.";

/// The installable zip: the plugin's source, the release files under `assets/`, the manifest
/// and the sample feed (real Tower Hamlets data, for trying the block out).
pub fn plugin_zip(
    root: &Path,
    release: &[(String, Vec<u8>)],
    manifest: &str,
) -> Result<Vec<u8>, String> {
    let source = root.join("www/integrations/wordpress").join(SLUG);
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    // The plugin's own files, and its assets/ folder (the server settings, .htaccess).
    for (folder, prefix) in [(source.clone(), ""), (source.join("assets"), "assets/")] {
        let listing = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in listing {
            let entry = entry.map_err(|e| e.to_string())?;
            if entry.file_type().map_err(|e| e.to_string())?.is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
                entries.push((format!("{prefix}{name}"), bytes));
            }
        }
    }
    if !entries.iter().any(|(name, _)| name == "send-pathways.php") {
        return Err(format!("{} has no send-pathways.php", source.display()));
    }
    // The officer's editor build is not the plugin's business (edit.html loads it itself).
    for (name, bytes) in release
        .iter()
        .filter(|(name, _)| !name.starts_with("send-editor"))
    {
        entries.push((format!("assets/{name}"), bytes.clone()));
    }
    entries.push(("assets/release.json".into(), manifest.as_bytes().to_vec()));
    let feed = std::fs::read(root.join("www/feed/tower-hamlets.json"))
        .map_err(|e| format!("cannot read the sample feed: {e}"))?;
    entries.push(("assets/tower-hamlets.json".into(), feed));
    entries.sort_by(|a, b| a.0.cmp(&b.0));

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (name, bytes) in &entries {
        zip.start_file(format!("{SLUG}/{name}"), options)
            .map_err(|e| format!("zip: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("zip: {e}"))?;
    }
    Ok(zip.finish().map_err(|e| format!("zip: {e}"))?.into_inner())
}

/// A server process of the test: stopped with SIGTERM (so Apache stops its children and MariaDB
/// shuts down cleanly) when the step ends, however it ends.
struct Server {
    name: &'static str,
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        eprintln!(
            "xtask: {} did not stop after SIGTERM; killing it",
            self.name
        );
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Removes the Debian configuration file this test wrote, when the step ends.
struct ConfigFile;

impl Drop for ConfigFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(DEBIAN_CONFIG);
    }
}

/// `cargo xtask wordpress`: the `wordpress` step of `cargo xtask test` on its own (after
/// `cargo xtask dist`), installing what it needs first.
pub fn run_alone() -> Result<(), String> {
    crate::tools::ensure(crate::tools::Needs::WordPress)?;
    let (passed, failed) = test()?;
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} WordPress test(s) failed"))
    }
}

fn running_as_root() -> bool {
    crate::tools::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

/// The test step: a fresh WordPress in a temporary folder, the plugin installed from the zip,
/// then the browser test `tests/e2e/wordpress/in-wordpress.mjs`. Counts its tests.
pub fn test() -> Result<(usize, usize), String> {
    let started = Instant::now();
    let root = root();
    let zip = root.join("target/dist").join(PLUGIN_ZIP);
    if !zip.exists() {
        return Err(format!(
            "{} is missing: cargo xtask dist makes it",
            zip.display()
        ));
    }
    if let Ok(existing) = std::fs::read_to_string(DEBIAN_CONFIG) {
        if !existing.contains(MARKER) {
            return Err(format!(
                "{DEBIAN_CONFIG} exists and was not written by this test; not touching it"
            ));
        }
    }
    let dir = std::env::temp_dir().join(format!("send-pathways-wordpress-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let result = run_in(&dir, &root, &zip);
    let _ = std::fs::remove_dir_all(&dir);
    say(&format!(
        "WordPress step took {} s (install, set-up, tests and shutdown)",
        started.elapsed().as_secs()
    ));
    result
}

fn run_in(dir: &Path, root: &Path, zip: &Path) -> Result<(usize, usize), String> {
    let as_root = running_as_root();
    let run_dir = dir.join("run");
    let content = dir.join("wp-content");
    for sub in [
        run_dir.clone(),
        dir.join("db"),
        content.join("plugins"),
        content.join("themes"),
        content.join("uploads"),
    ] {
        std::fs::create_dir_all(&sub)
            .map_err(|e| format!("cannot create {}: {e}", sub.display()))?;
    }
    // Debian's themes, where this WordPress looks for them.
    for theme in ["twentytwentyone", "twentytwentythree"] {
        let from = Path::new("/usr/share/wordpress/wp-content/themes").join(theme);
        std::os::unix::fs::symlink(&from, content.join("themes").join(theme))
            .map_err(|e| format!("cannot link the theme {theme}: {e}"))?;
    }

    say("WordPress: starting MariaDB in a temporary folder");
    let socket = run_dir.join("mysqld.sock");
    let user = if as_root { "root" } else { "" };
    let mut install_db = Command::new("mariadb-install-db");
    install_db
        .arg("--no-defaults")
        .arg(format!("--datadir={}", dir.join("db").display()))
        .args(["--auth-root-authentication-method=normal", "--skip-test-db"])
        .stdout(Stdio::null());
    if as_root {
        install_db.arg("--user=root");
    }
    crate::tools::run(&mut install_db)?;
    let mut mariadbd = Command::new("mariadbd");
    mariadbd
        .arg("--no-defaults")
        .arg(format!("--datadir={}", dir.join("db").display()))
        .arg(format!("--socket={}", socket.display()))
        .arg(format!(
            "--pid-file={}",
            run_dir.join("mysqld.pid").display()
        ))
        .arg(format!(
            "--log-error={}",
            run_dir.join("mysqld.err").display()
        ))
        .arg("--skip-networking");
    if !user.is_empty() {
        mariadbd.arg(format!("--user={user}"));
    }
    let _db = Server {
        name: "mariadbd",
        child: mariadbd
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start mariadbd: {e}"))?,
    };
    wait_for(|| socket.exists(), "MariaDB's socket", 30)?;
    let password = format!("wp-{}", std::process::id());
    let sql = format!(
        "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '{password}'; \
         GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"
    );
    let mut client = Command::new("mariadb");
    client
        .arg("--no-defaults")
        .arg(format!("--socket={}", socket.display()))
        .args(["-u", "root", "-e", &sql]);
    // The server may take a moment after the socket appears.
    wait_for(
        || client.output().is_ok_and(|out| out.status.success()),
        "MariaDB to accept the set-up",
        20,
    )?;

    let port = {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .map_err(|e| format!("cannot find a free port: {e}"))?;
        listener.local_addr().map_err(|e| e.to_string())?.port()
    };
    let site = format!("http://127.0.0.1:{port}");
    // WP_HTTP_BLOCK_EXTERNAL: WordPress asks wordpress.org for updates on the first admin page
    // after logging in; where the name does not resolve at once (a CI run on 2026-12-07: 37 s)
    // the login outlasts the test's wait. Blocked, the asks fail at once; the site's own host
    // stays reachable.
    let config = format!(
        "<?php\n{MARKER}\n\
         define('DB_NAME', 'wordpress');\n\
         define('DB_USER', 'wordpress');\n\
         define('DB_PASSWORD', '{password}');\n\
         define('DB_HOST', 'localhost:{socket}');\n\
         define('WP_HOME', '{site}');\n\
         define('WP_SITEURL', '{site}');\n\
         define('WP_CONTENT_DIR', '{content}');\n\
         define('WP_CONTENT_URL', '{site}/wp-content');\n\
         define('WP_ENVIRONMENT_TYPE', 'local');\n\
         define('DISALLOW_UNFILTERED_HTML', true);\n\
         define('DISABLE_WP_CRON', true);\n\
         define('WP_HTTP_BLOCK_EXTERNAL', true);\n\
         define('AUTOMATIC_UPDATER_DISABLED', true);\n\
         define('FS_METHOD', 'direct');\n\
         define('WP_DEBUG', true);\n\
         define('WP_DEBUG_DISPLAY', false);\n\
         define('WP_DEBUG_LOG', '{log}');\n",
        socket = socket.display(),
        content = content.display(),
        log = run_dir.join("php-debug.log").display(),
    );
    std::fs::write(DEBIAN_CONFIG, config)
        .map_err(|e| format!("cannot write {DEBIAN_CONFIG}: {e}"))?;
    let _config = ConfigFile;

    say("WordPress: installing it, the users and the plugin (from the zip)");
    let setup = root.join("tests/e2e/wordpress/setup.php");
    let out = Command::new("php")
        .arg(&setup)
        .arg(format!("127.0.0.1:{port}"))
        .arg(zip)
        .output()
        .map_err(|e| format!("cannot run php: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the WordPress set-up failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let users = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if as_root {
        // Apache's children run as www-data: uploads must be theirs to write.
        crate::tools::run(
            Command::new("chown")
                .args(["-R", "www-data:www-data"])
                .arg(&content),
        )?;
    }

    say(&format!("WordPress: starting Apache on {site}"));
    let conf = dir.join("apache.conf");
    std::fs::write(&conf, apache_config(port, &run_dir, &content, as_root))
        .map_err(|e| format!("cannot write {}: {e}", conf.display()))?;
    let _apache = Server {
        name: "apache2",
        child: Command::new("/usr/sbin/apache2")
            .arg("-f")
            .arg(&conf)
            .arg("-DFOREGROUND")
            // Apache's prefork stops by signalling its whole process group: its own group,
            // or it would stop this command and the shell that started it too.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start apache2: {e}"))?,
    };
    wait_for(
        || std::net::TcpStream::connect(("127.0.0.1", port)).is_ok(),
        "Apache",
        20,
    )?;

    let tests = root.join("tests");
    let counts = crate::test::counted(
        Command::new("node")
            .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
            .arg("e2e/wordpress/in-wordpress.mjs")
            .env("WP_URL", &site)
            .env("WP_USERS", &users)
            .env("WP_DEBUG_LOG", run_dir.join("php-debug.log"))
            .current_dir(tests),
        crate::test::node_counts,
    );
    if counts.as_ref().is_ok_and(|(_, failed)| *failed > 0) {
        for log in ["apache-error.log", "php-debug.log"] {
            if let Ok(text) = std::fs::read_to_string(run_dir.join(log)) {
                eprintln!("--- {log} ---\n{text}");
            }
        }
    }
    counts
}

fn apache_config(port: u16, run_dir: &Path, content: &Path, as_root: bool) -> String {
    let modules = PathBuf::from("/usr/lib/apache2/modules");
    let module =
        |name: &str, file: &str| format!("LoadModule {name} {}\n", modules.join(file).display());
    let mut conf = String::new();
    for (name, file) in [
        ("mpm_prefork_module", "mod_mpm_prefork.so"),
        ("authz_core_module", "mod_authz_core.so"),
        ("dir_module", "mod_dir.so"),
        ("mime_module", "mod_mime.so"),
        ("alias_module", "mod_alias.so"),
        ("headers_module", "mod_headers.so"),
        ("php_module", "libphp8.2.so"),
    ] {
        conf.push_str(&module(name, file));
    }
    let run = run_dir.display();
    let content = content.display();
    if as_root {
        conf.push_str("User www-data\nGroup www-data\n");
    }
    conf.push_str(&format!(
        "ServerName 127.0.0.1\n\
         Listen 127.0.0.1:{port}\n\
         PidFile {run}/apache.pid\n\
         DefaultRuntimeDir {run}\n\
         Mutex file:{run} default\n\
         ErrorLog {run}/apache-error.log\n\
         LogLevel warn\n\
         TypesConfig /etc/mime.types\n\
         StartServers 2\nMinSpareServers 2\nMaxSpareServers 4\n\
         DocumentRoot /usr/share/wordpress\n\
         DirectoryIndex index.php\n\
         Alias /wp-content {content}\n\
         <FilesMatch \"\\.php$\">\n  SetHandler application/x-httpd-php\n</FilesMatch>\n\
         <Directory /usr/share/wordpress>\n  Require all granted\n</Directory>\n\
         <Directory {content}>\n  Require all granted\n  AllowOverride FileInfo\n</Directory>\n\
         <Directory {content}/uploads>\n  php_admin_flag engine off\n</Directory>\n"
    ));
    conf
}

fn wait_for(mut ready: impl FnMut() -> bool, what: &str, seconds: u64) -> Result<(), String> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(seconds) {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(format!("gave up waiting for {what} after {seconds} s"))
}
