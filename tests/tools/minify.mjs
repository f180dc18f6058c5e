// Minifies the files families download, in place: `node tools/minify.mjs FILE...`.
// JavaScript (the loader, the resizer, wasm-bindgen's glue) with terser, as ES modules, names
// mangled but every string kept as written (cargo xtask dist rewrites file names inside them);
// CSS with lightningcss, with no browser targets, so nothing is rewritten for older browsers
// and no rule changes meaning. Called by `cargo xtask build` on www/dist and by `cargo xtask
// dist` on the loader it fills in; comments that say why stay in crates/widgets/assets/.
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';
import { transform } from 'lightningcss';

for (const file of process.argv.slice(2)) {
  const text = await readFile(file, 'utf8');
  let out;
  if (file.endsWith('.js')) {
    const result = await minify(text, {
      module: true,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    out = result.code;
  } else if (file.endsWith('.css')) {
    out = transform({ filename: file, code: Buffer.from(text), minify: true }).code.toString();
  } else {
    throw new Error(`${file}: neither .js nor .css`);
  }
  await writeFile(file, out);
  console.log(`minified ${file}: ${Buffer.byteLength(text)} → ${Buffer.byteLength(out)} bytes`);
}
