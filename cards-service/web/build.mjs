// Bundles the web app into the cards-service's static resources (META-INF/resources), which
// Quarkus serves at /. Run by Maven (generate-resources) through `npm run build`.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../target/web/META-INF/resources'));

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
await Promise.all(['index.html', 'style.css'].map((file) => copyFile(join(here, 'src', file), join(out, file))));
console.log(`web app built into ${out}`);
