import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { LOCK_FILE } from '../../electron/core/store/folderLock';
import type { Result } from '../../electron/domain/errors';

/**
 * Issue 10, class 10: a data folder on a write-protected medium opens read-only. Detected for
 * real: the folder is bind-mounted read-only (the kernel answers EROFS, as a locked SD card or a
 * read-only share does); no environment switch. Tests run as root, which chmod does not stop,
 * so the no-permission path (EACCES) is not exercised here; it takes the same branch.
 */

let root: string;
let source: string;
let mounted: string;
let canMount = false;

function tryMountReadOnly(from: string, to: string): boolean {
  try {
    execFileSync('mount', ['--bind', from, to], { stdio: 'ignore' });
  } catch {
    return false;
  }
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', to], { stdio: 'ignore' });
    return true;
  } catch {
    execFileSync('umount', [to], { stdio: 'ignore' });
    return false;
  }
}

async function must(core: Core, name: string, input: unknown): Promise<unknown> {
  const r = await core.windowDispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'soviec-readonly-'));
  source = path.join(root, 'thẻ-nhớ');
  mounted = path.join(root, 'thẻ-nhớ-khoá-ghi');
  mkdirSync(mounted);
  const core = await openCore({ dataDir: source });
  await must(core, 'app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
  await must(core, 'households.communes.importSample', {});
  await must(core, 'sync.identity', {});
  await core.close();
  canMount = tryMountReadOnly(source, mounted);
});
afterAll(() => {
  if (canMount) execFileSync('umount', [mounted]);
  rmSync(root, { recursive: true, force: true });
});

describe('a data folder on a read-only medium', () => {
  it('opens read-only: browse and export work, every write is refused with READ_ONLY, no lock taken', async (ctx) => {
    if (!canMount) ctx.skip(); // no mount permission in this sandbox
    const before = readdirSync(mounted).sort();
    const core = await openCore({ dataDir: mounted });
    try {
      const state = (await must(core, 'app.state', {})) as { readOnly: boolean; session: { officerName: string } | null };
      expect(state.readOnly).toBe(true);
      expect(state.session?.officerName).toBe('Hoàng Thị Lan');
      expect(existsSync(path.join(mounted, LOCK_FILE))).toBe(false);

      const meta = (await must(core, 'households.meta', {})) as { communes: Array<{ name: string }> };
      expect(meta.communes.length).toBeGreaterThan(0);
      const exported = (await must(core, 'exports.officeTasksXlsx', {})) as { fileName: string; base64: string };
      expect(exported.base64.length).toBeGreaterThan(100);

      // Screens a person opens to browse answer as usual (none of them writes on the way).
      for (const [name, input] of [
        ['tasks.list', {}],
        ['dashboard.get', {}],
        ['inbox.get', {}],
        ['reports.due', {}],
        ['households.summary', { year: 2026 }],
        ['households.list', { year: 2026 }],
        ['sync.status', {}],
      ] as const) {
        const r = await core.windowDispatch(name, input);
        expect(r.ok, `${name} ${JSON.stringify(r).slice(0, 300)}`).toBe(true);
      }
      const writes: Array<[string, unknown]> = [
        ['households.communes.save', { commune: { name: 'Xã Tràng Các', kind: 'xa', villages: ['Thôn Nà Pàn'] } }],
        ['app.setLanguage', { language: 'en' }],
        ['directives.loadSample', {}],
      ];
      for (const [name, input] of writes) {
        const r: Result<unknown> = await core.windowDispatch(name, input);
        expect(r, `${name} ${JSON.stringify(r)}`).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      }
      expect(readdirSync(mounted).sort()).toEqual(before);
    } finally {
      await core.close();
    }
  });

  it('a writable folder still takes the lock and is not read-only', async () => {
    const core = await openCore({ dataDir: source });
    try {
      expect(existsSync(path.join(source, LOCK_FILE))).toBe(true);
      expect(((await must(core, 'app.state', {})) as { readOnly: boolean }).readOnly).toBe(false);
    } finally {
      await core.close();
    }
  });
});
