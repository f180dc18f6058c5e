//! Short names for the wasm's imports from its own glue.
//!
//! wasm-bindgen names each function the wasm imports from its glue after what it wraps plus a
//! 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), and writes every name twice: in the
//! wasm's import section and as a key of the glue's imports object. About a hundred such names
//! in each family build, and the hashes do not compress: measured on send-tracker at 9f812dc,
//! brotli 11, the wasm 118,106 → 116,653 B and the minified glue 4,240 → 3,105 B (−2.6 kB a
//! page) once they are `a`, `b`, … `ba`. The names mean nothing at run time: the browser only
//! matches the import's name with the object's key. So after wasm-bindgen the build renames
//! both sides alike; any name it cannot find exactly once in the glue stops the build rather
//! than ship a wasm the glue cannot instantiate.
//!
//! The wasm is read and written with `wasmparser` and `wasm-encoder`'s `Reencode` (the crates
//! wasm-bindgen itself is built on), which re-encodes the module as it is, changing only the
//! names; wasm-opt runs after this.

use std::collections::HashMap;
use wasm_encoder::reencode::{Error, Reencode};

/// The module name wasm-bindgen gives the glue's imports object (`"./NAME_bg.js"`).
fn glue_module(name: &str) -> String {
    format!("./{name}_bg.js")
}

/// Whether `field` is one of wasm-bindgen's hashed import names: anything ending in `_` and
/// 16 lowercase hex digits. Unhashed ones (`__wbindgen_init_externref_table`) keep their names.
fn hashed(field: &str) -> bool {
    let Some((_, hash)) = field.rsplit_once('_') else {
        return false;
    };
    hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The `n`th short name: `a` … `z`, `A` … `Z`, `ba`, `bb`, …; plain identifiers, so they can be
/// unquoted keys, and none can be one of wasm-bindgen's own (`__wbindgen_…`) names.
fn short(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

struct Renamer {
    module: String,
    names: HashMap<String, String>,
    order: Vec<(String, String)>,
}

impl Renamer {
    fn rename(&mut self, module: &str, field: &str) -> String {
        if module != self.module || !hashed(field) {
            return field.to_owned();
        }
        if let Some(name) = self.names.get(field) {
            return name.clone();
        }
        let name = short(self.names.len());
        self.names.insert(field.to_owned(), name.clone());
        self.order.push((field.to_owned(), name.clone()));
        name
    }
}

impl Reencode for Renamer {
    type Error = String;

    fn parse_imports(
        &mut self,
        section: &mut wasm_encoder::ImportSection,
        imports: wasmparser::Imports<'_>,
    ) -> Result<(), Error<Self::Error>> {
        match imports {
            wasmparser::Imports::Single(_, import) => {
                let name = self.rename(import.module, import.name);
                let ty = self.entity_type(import.ty)?;
                section.import(import.module, &name, ty);
                Ok(())
            }
            // The compact import encodings (a newer proposal) wasm-bindgen does not write.
            other => wasm_encoder::reencode::utils::parse_imports(self, section, other),
        }
    }
}

/// Renames the hashed imports of `wasm` (wasm-bindgen's output for the build `name`) and the
/// same keys in its glue `js`; returns the new wasm and glue, and how many names changed.
pub fn shorten(name: &str, wasm: &[u8], js: &str) -> Result<(Vec<u8>, String, usize), String> {
    let mut renamer = Renamer {
        module: glue_module(name),
        names: HashMap::new(),
        order: Vec::new(),
    };
    let mut module = wasm_encoder::Module::new();
    renamer
        .parse_core_module(&mut module, wasmparser::Parser::new(0), wasm)
        .map_err(|e| {
            format!("{name}_bg.wasm: cannot re-encode it to shorten its import names: {e:?}")
        })?;
    let mut glue = js.to_owned();
    for (old, new) in &renamer.order {
        let key = format!("{old}:");
        match glue.matches(&key).count() {
            1 => glue = glue.replacen(&key, &format!("{new}:"), 1),
            n => {
                return Err(format!(
                    "{name}.js: the import {old} is a key {n} times in the glue, not once; \
                     a new wasm-bindgen may write its glue differently (crates/xtask/src/imports.rs)"
                ))
            }
        }
        if glue.contains(old.as_str()) {
            return Err(format!(
                "{name}.js: the import {old} is still named after renaming its key \
                 (crates/xtask/src/imports.rs)"
            ));
        }
    }
    Ok((module.finish(), glue, renamer.order.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short).collect();
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "ba");
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
    }

    #[test]
    fn only_hashed_names_count() {
        assert!(hashed("__wbg_setAttribute_f75317b2b5cabfb4"));
        assert!(!hashed("__wbindgen_init_externref_table"));
        assert!(!hashed("__wbindgen_generic_0000000000000001x"));
        assert!(!hashed("__wbg_x_F75317B2B5CABFB4"));
    }

    /// A made-up module importing two hashed names and one plain one from the glue, and one
    /// hashed-looking name from elsewhere: only the glue's hashed names change, in both files.
    #[test]
    fn renames_the_import_section_and_the_glue_alike() {
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        let mut imports = wasm_encoder::ImportSection::new();
        let func = wasm_encoder::EntityType::Function(0);
        imports.import("./w_bg.js", "__wbg_push_c9f4893fc209f768", func);
        imports.import("./w_bg.js", "__wbg_call_a410eb4b59ed5965", func);
        imports.import("./w_bg.js", "__wbindgen_init_externref_table", func);
        imports.import("env", "other_c9f4893fc209f768", func);
        let mut module = wasm_encoder::Module::new();
        module.section(&types).section(&imports);
        let wasm = module.finish();
        let js = "const import0 = { __wbg_push_c9f4893fc209f768: function(a) {}, \
                  __wbg_call_a410eb4b59ed5965: function() {}, \
                  __wbindgen_init_externref_table: function() {} };";
        let (out, glue, renamed) = shorten("w", &wasm, js).unwrap();
        assert_eq!(renamed, 2);
        assert_eq!(
            glue,
            "const import0 = { a: function(a) {}, b: function() {}, \
             __wbindgen_init_externref_table: function() {} };"
        );
        let mut names = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(&out) {
            if let wasmparser::Payload::ImportSection(section) = payload.unwrap() {
                for import in section.into_imports() {
                    let import = import.unwrap();
                    names.push(format!("{} {}", import.module, import.name));
                }
            }
        }
        assert_eq!(
            names,
            [
                "./w_bg.js a",
                "./w_bg.js b",
                "./w_bg.js __wbindgen_init_externref_table",
                "env other_c9f4893fc209f768"
            ]
        );
    }

    #[test]
    fn a_glue_without_the_key_stops_the_build() {
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        let mut imports = wasm_encoder::ImportSection::new();
        imports.import(
            "./w_bg.js",
            "__wbg_push_c9f4893fc209f768",
            wasm_encoder::EntityType::Function(0),
        );
        let mut module = wasm_encoder::Module::new();
        module.section(&types).section(&imports);
        let error = shorten("w", &module.finish(), "const import0 = {};").unwrap_err();
        assert!(error.contains("0 times"), "{error}");
    }
}
