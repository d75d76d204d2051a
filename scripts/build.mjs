// Builds every runnable part with esbuild: one bundler for the CLI, the Electron
// main and preload scripts, browser mode's server, and the renderer (desktop,
// browser mode and SCORM package alike). `node scripts/build.mjs all` or name targets.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => path.join(root, p);

const node = { platform: 'node', target: 'node20', bundle: true, sourcemap: true, logLevel: 'warning', packages: 'external' };

/** Marks the engine's own modules free of side effects, for tree shaking. */
const pureEngine = {
  name: 'pure-engine',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'pure-engine' || !path.resolve(args.resolveDir, args.path).startsWith(r('engine') + path.sep)) return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'pure-engine' });
      return resolved.errors.length ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

/**
 * Keeps only English among zod's message translations. Nothing selects another locale,
 * and the other forty-odd were 250 kB of the CLI bundle that every start had to parse.
 */
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/** Each target: a name and the function that builds it. */
const targets = {
  // The CLI bundles its dependencies too: resolving zod's and yaml's many module files
  // at every start cost more than validating a small pack.
  cli: () => {
    const { packages: _external, ...bundled } = node;
    // yaml's Node build is CommonJS and requires node built-ins; give the bundle a require.
    const banner = { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" };
    return build({ ...bundled, banner, minify: true, plugins: [englishZodOnly], entryPoints: [r('main/cli.ts')], outfile: r('dist/cli.mjs'), format: 'esm' });
  },
  // Electron's main process and preload are CommonJS with everything bundled but electron
  // itself: lowdb is ESM-only, and a sandboxed preload can require nothing but electron.
  main: () => {
    const { packages: _external, ...bundled } = node;
    const electronCjs = { ...bundled, format: 'cjs', external: ['electron'] };
    return Promise.all([
      build({ ...electronCjs, entryPoints: [r('main/main.ts')], outfile: r('dist/main/main.cjs') }),
      build({ ...electronCjs, entryPoints: [r('main/preload.ts')], outfile: r('dist/main/preload.cjs') }),
    ]);
  },
  web: () => build({ ...node, entryPoints: [r('main/web.ts')], outfile: r('dist/web.mjs'), format: 'esm' }),
  // The renderer: ES modules split into chunks, so the player, the progress charts and
  // other heavy views load only when first shown; the entry keeps its plain name so
  // index.html can point at it, chunks carry a hash so caches never serve stale code.
  renderer: async () => {
    await rm(r('dist/renderer'), { recursive: true, force: true });
    const result = await build({
      // boot.ts sends the start-up requests while main.tsx (the workbench) is still loading.
      entryPoints: [r('renderer/boot.ts'), r('renderer/main.tsx')],
      outdir: r('dist/renderer'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome120'],
      jsx: 'automatic',
      minify: true,
      sourcemap: 'linked',
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      assetNames: 'assets/[name]-[hash]',
      define: { 'process.env.NODE_ENV': '"production"' },
      metafile: true,
      logLevel: 'warning',
    });
    // The entry's chunks, and the player's, are preloaded from index.html so they download
    // alongside main.js instead of one after another; the player still runs only when needed.
    const outDir = r('dist/renderer');
    const rel = (file) => './' + path.relative(outDir, path.resolve(root, file)).split(path.sep).join('/');
    const entries = Object.values(result.metafile.outputs).filter((o) => /renderer\/(main\.tsx|boot\.ts)$/.test(o.entryPoint ?? ''));
    const preload = new Set(entries.flatMap((o) => o.imports.filter((i) => i.kind === 'import-statement').map((i) => rel(i.path))));
    for (const [file, o] of Object.entries(result.metafile.outputs)) {
      if (o.entryPoint?.endsWith('renderer/player/index.ts')) {
        preload.add(rel(file));
        for (const i of o.imports) if (i.kind === 'import-statement') preload.add(rel(i.path));
      }
    }
    const html = await readFile(r('renderer/index.html'), 'utf8');
    const links = [...preload].map((href) => `    <link rel="modulepreload" href="${href}" />`).join('\n');
    await writeFile(path.join(outDir, 'index.html'), html.replace('    <!-- modulepreload -->', links));
    await cp(r('renderer/favicon.svg'), r('dist/renderer/favicon.svg'));
  },
  // The player inside an exported SCORM package: one classic script, no chunks and no
  // ES modules, so it runs from whatever folder the LMS unpacks it to and from file://
  // previews; its styles (player.css included) in one stylesheet beside it.
  scorm: async () => {
    const out = r('dist/scorm-runtime');
    await rm(out, { recursive: true, force: true });
    const browser = { bundle: true, platform: 'browser', target: ['chrome109', 'firefox115', 'safari15'], minify: true, legalComments: 'none', logLevel: 'warning' };
    await build({
      ...browser,
      // Engine modules have no top-level effects, so a module reached only through an
      // unused re-export (e.g. progress migration and its schema library) stays out.
      plugins: [pureEngine],
      alias: { entities: r('renderer/scorm/browserEntities.ts') },
      entryPoints: [r('renderer/scorm/main.tsx')],
      outfile: path.join(out, 'scorm.js'),
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    await build({ ...browser, entryPoints: [r('renderer/scorm/scorm.css')], outfile: path.join(out, 'scorm.css') });
  },
};

const wanted = process.argv.slice(2);
const names = wanted.length === 0 || wanted.includes('all') ? Object.keys(targets) : wanted;
for (const name of names) {
  if (!targets[name]) {
    console.error(`build: unknown target "${name}"; known targets: ${Object.keys(targets).join(', ')}`);
    process.exit(2);
  }
}
await mkdir(r('dist'), { recursive: true });
for (const name of names) await targets[name]({ root, r, cp, rm, mkdir });
