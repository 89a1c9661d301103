// Bundles the Node side (Electron main, sandboxed preload, web harness, CLI) with esbuild.
// The sandboxed preload must be a single CommonJS file; the others are CommonJS for Electron.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  logLevel: quiet ? 'error' : 'info',
  outExtension: { '.js': '.cjs' },
  outdir: 'dist/electron',
};

await build({
  ...common,
  entryPoints: {
    main: 'electron/main.ts',
    preload: 'electron/preload.ts',
    harness: 'electron/harness/main.ts',
  },
});
await build({
  ...common,
  entryPoints: { cli: 'electron/cli/main.ts' },
  banner: { js: '#!/usr/bin/env node' },
});
await chmod('dist/electron/cli.cjs', 0o755);
