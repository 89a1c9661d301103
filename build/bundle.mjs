// Bundles the Node side (Electron main, the core host that main forks as a utility process,
// sandboxed preload, web harness, CLI) with esbuild. The sandboxed preload must be a single
// CommonJS file; the others are CommonJS for Electron. `--outdir DIR` builds elsewhere (tests).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const quiet = process.argv.includes('--quiet');
const outAt = process.argv.indexOf('--outdir');
const outdir = outAt >= 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : 'dist/electron';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  logLevel: quiet ? 'error' : 'info',
  outExtension: { '.js': '.cjs' },
  outdir,
};

await build({
  ...common,
  entryPoints: {
    main: 'electron/main.ts',
    // main.ts forks it by this name from its own folder (inside app.asar when packaged).
    coreHost: 'electron/coreHost/main.ts',
    preload: 'electron/preload.ts',
    harness: 'electron/harness/main.ts',
    // The household workbook is parsed in a memory-capped worker thread started from the core
    // (core/files/cappedWorker.ts looks for it beside the bundle that starts it).
    householdsExcelWorker: 'electron/core/households/excel/worker.ts',
  },
});
await build({
  ...common,
  entryPoints: { cli: 'electron/cli/main.ts' },
  banner: { js: '#!/usr/bin/env node' },
});
await chmod(`${outdir}/cli.cjs`, 0o755);
