import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, promises as fs, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import { Store } from '../../electron/core/store/store';
import { shardOf, shardRelPath } from '../../electron/core/store/layout';
import { WAL_FILE } from '../../electron/core/store/wal';
import { isSealed } from '../../electron/core/store/sealedFile';
import { AppError } from '../../electron/domain/errors';
import { errorMessage } from '../../electron/domain/translate';
import { householdData, householdId } from '../unit/store/validDocs';
import { folderCipher } from '../integration/folderKey';

/**
 * Issue 10, class 11: personal data at rest. Household records are sealed with the folder's
 * data key (AES-256-GCM) in every file the store writes: shards, the write-ahead log, the
 * journal, backup copies, damaged/ copies, the summary rows. The key is sealed under the
 * passphrase in a key folder outside the data folder; the recovery code opens a copy elsewhere.
 */

const NAME = 'Nguyễn Thị Hoà';
const ID_NUMBER = '001234567890';
const NEEDLES = [NAME, ID_NUMBER, 'Nông Văn Dền'];

/** Forty household codes whose records share shard 0: edits to it go through the log. */
const CODES = (() => {
  const out: string[] = [];
  for (let i = 0; out.length < 40; i++) if (shardOf('household', householdId(`VQ-${i}`)) === 0) out.push(`VQ-${i}`);
  return out;
})();
const X = CODES[0] as string;
const hh = (code: string, name: string, income: number, idNumber = '020180001234') => ({
  id: householdId(code),
  kind: 'household' as const,
  owner: 'VANQUAN',
  data: { ...householdData(name, income, code), idNumber },
});
const all = (income: number) => CODES.map((c, i) => (c === X ? hh(c, NAME, income, ID_NUMBER) : hh(c, i % 2 ? 'Nông Văn Dền' : 'Hoàng Thị Lan', 900_000 + i)));

const tmpDirs: string[] = [];
function tmp(label: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), `soviec-atrest-${label}-`));
  tmpDirs.push(d);
  return d;
}
let savedKeyDir: string | undefined;
beforeEach(() => {
  savedKeyDir = process.env.SOVIEC_KEY_DIR;
  process.env.SOVIEC_KEY_DIR = tmp('keys');
});
afterEach(async () => {
  process.env.SOVIEC_KEY_DIR = savedKeyDir;
  for (const d of tmpDirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Every file under the folder that holds one of the needles in clear (UTF-8, or NFD as macOS would write). */
function plainHits(dir: string): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const n of NEEDLES) {
      if (bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n.normalize('NFD'), 'utf8'))) hits.push(`${path.relative(dir, file)}: ${n}`);
    }
  }
  return hits;
}

async function expectRefused(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  const err = e as AppError;
  expect(err.code).toBe(code);
  // A sentence in both languages that says what to do, not the bare key.
  for (const lang of ['vi', 'en'] as const) expect(errorMessage(err.toValue(), lang)).not.toContain('errors.');
  return err;
}

const shard0 = (dir: string): string => path.join(dir, shardRelPath('household', 0));
/** A household code whose record lands in shard 1. */
const FAR = (() => {
  for (let i = 0; ; i++) if (shardOf('household', householdId(`VQ-F${i}`)) === 1) return `VQ-F${i}`;
})();

describe('personal data encrypted at rest (issue 10, class 11)', () => {
  it('no name or ID number in clear anywhere in the folder after edits, backup, crash recovery and a damaged-shard restore', async () => {
    const dir = tmp('data');
    let core: Core = await openCore({ dataDir: dir, snapshotIntervalMs: 1e12 });
    const store = core.context.store;
    await store.write(all(1_000_000));
    await store.write([hh(X, NAME, 1_250_000, ID_NUMBER)]); // an edit to a large shard: the log
    expect(statSync(path.join(dir, 'db', WAL_FILE)).size).toBeGreaterThan(0);
    expect(plainHits(dir)).toEqual([]);
    await store.snapshotNow();
    // A write over several shards goes through the journal.
    const other = CODES.length + 1;
    await store.write([hh(X, NAME, 1_300_000, ID_NUMBER), hh(`VQ-${other * 7919}`, 'Nông Văn Dền', 700_000)]);
    await core.close();
    expect(plainHits(dir)).toEqual([]);

    // A crash: a store left open with an edit in the log, the folder opened again.
    const cipher = await folderCipher(dir);
    const crashed = await Store.open({ dataDir: dir, node: 'crash001', cipher, snapshotIntervalMs: 1e12 });
    await crashed.write([hh(X, NAME, 1_400_000, ID_NUMBER)]);
    const replayed = await Store.open({ dataDir: dir, node: 'crash001', cipher, snapshotIntervalMs: 1e12 });
    expect(replayed.getAs('household', householdId(X))?.data.incomePerPerson).toBe(1_400_000);
    await replayed.close();
    expect(plainHits(dir)).toEqual([]);

    // One bit of the sealed shard flipped: found, moved to damaged/, restored from the backup.
    const bytes = readFileSync(shard0(dir));
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = (bytes[mid] as number) ^ 0x10;
    writeFileSync(shard0(dir), bytes);
    core = await openCore({ dataDir: dir, snapshotIntervalMs: 1e12 });
    await core.context.store.ready();
    const notice = core.context.store.recoveries.find((r) => r.file === shardRelPath('household', 0));
    expect(notice?.restoredFrom).not.toBeNull();
    // The notice still names the household whose bytes were hit (the damaged copy is read
    // without authentication only to name them): the backup holds the same version.
    expect(notice?.records.map((r) => [r.outcome, r.label])).toEqual([['repaired', expect.stringMatching(/^(Nông Văn Dền|Hoàng Thị Lan|Nguyễn Thị Hoà)$/)]]);
    expect(core.context.store.getAs('household', householdId(X))?.data.incomePerPerson).toBe(1_400_000);
    await core.close();
    expect(readdirSync(path.join(dir, 'damaged')).length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'backups')).length).toBeGreaterThan(0);
    expect(plainHits(dir)).toEqual([]);
    // Every store file, backup and damaged copy is sealed.
    const storeFiles = filesUnder(dir).filter((f) => /[\\/]db[\\/]/.test(f) && statSync(f).size > 0);
    expect(storeFiles.length).toBeGreaterThan(10);
    expect(storeFiles.filter((f) => !isSealed(readFileSync(f))).map((f) => path.relative(dir, f))).toEqual([]);
  });

  it('a wrong or missing passphrase is refused with a sentence; the key file is outside the data folder', async () => {
    const dir = tmp('data');
    const core = await openCore({ dataDir: dir });
    await core.context.store.write([hh(X, NAME, 1_000_000, ID_NUMBER)]);
    await core.close();
    expect(readdirSync(process.env.SOVIEC_KEY_DIR as string).some((f) => f.endsWith('.datakey.json'))).toBe(true);
    expect(filesUnder(dir).some((f) => f.endsWith('.datakey.json') || f.endsWith('passphrase.json'))).toBe(false);
    await expectRefused(openCore({ dataDir: dir, passphrase: 'mật khẩu sai' }), 'DATA_KEY_WRONG');
    const saved = process.env.SOVIEC_PASSPHRASE;
    delete process.env.SOVIEC_PASSPHRASE;
    try {
      await expectRefused(openCore({ dataDir: dir }), 'DATA_KEY_MISSING');
    } finally {
      process.env.SOVIEC_PASSPHRASE = saved;
    }
    // The right one still opens it: nothing was changed by the refusals.
    const again = await openCore({ dataDir: dir });
    expect(again.context.store.getAs('household', householdId(X))?.data.headName).toBe(NAME);
    await again.close();
    // The wrapped key is backed up with the state files: a damaged one is put back, not replaced.
    writeFileSync(path.join(dir, 'keys', 'datakey.json'), '{"format":1,"keyId":');
    const restored = await openCore({ dataDir: dir });
    expect(restored.context.store.getAs('household', householdId(X))?.data.idNumber).toBe(ID_NUMBER);
    await restored.close();
    // Gone while sealed files exist: refused, never a new key that would orphan the data.
    await fs.rm(path.join(dir, 'keys', 'datakey.json'));
    await expectRefused(openCore({ dataDir: dir }), 'DATA_KEY_MISSING');
  });

  it('a shard swapped for another sealed shard does not open (its place is bound in) and is restored', async () => {
    const dir = tmp('data');
    const core = await openCore({ dataDir: dir, snapshotIntervalMs: 1e12 });
    const far = FAR;
    await core.context.store.write([hh(X, NAME, 1_000_000, ID_NUMBER)]);
    await core.context.store.write([hh(far, 'Nông Văn Dền', 800_000)]);
    await core.context.store.snapshotNow();
    await core.close();
    // An attacker with write access puts shard 0 (with X) where shard 1 belongs.
    writeFileSync(path.join(dir, shardRelPath('household', 1)), readFileSync(shard0(dir)));
    const reopened = await openCore({ dataDir: dir });
    await reopened.context.store.ready();
    const notice = reopened.context.store.recoveries.find((r) => r.file === shardRelPath('household', 1));
    expect(notice?.reason).toMatch(/does not decrypt/);
    expect(notice?.restoredFrom).not.toBeNull();
    expect(reopened.context.store.getAs('household', householdId(far))?.data.headName).toBe('Nông Văn Dền');
    expect(reopened.context.store.getAs('household', householdId(X))?.data.headName).toBe(NAME);
    await reopened.close();
  });

  it('a bit flip in the ciphertext is detected and the shard restored from the backup', async () => {
    const dir = tmp('data');
    const core = await openCore({ dataDir: dir, snapshotIntervalMs: 1e12 });
    await core.context.store.write([hh(X, NAME, 1_000_000, ID_NUMBER)]);
    await core.context.store.snapshotNow();
    await core.close();
    const bytes = readFileSync(shard0(dir));
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] as number) ^ 0x01;
    writeFileSync(shard0(dir), bytes);
    const reopened = await openCore({ dataDir: dir });
    await reopened.context.store.ready();
    const notice = reopened.context.store.recoveries[0];
    expect(notice?.file).toBe(shardRelPath('household', 0));
    expect(notice?.restoredFrom).not.toBeNull();
    expect(notice?.records).toEqual([]); // the backup holds the same version: nothing lost
    expect(reopened.context.store.getAs('household', householdId(X))?.data).toMatchObject({ headName: NAME, idNumber: ID_NUMBER, incomePerPerson: 1_000_000 });
    await reopened.close();
  });

  it('the recovery code (shown once) opens a copy of the folder on a PC with another key folder', async () => {
    const dir = tmp('data');
    const core = await openCore({ dataDir: dir });
    const code = core.context.recoveryCode.pending();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    const first = await core.dispatch('app.state', {});
    expect(first.ok && first.value).toMatchObject({ recoveryCode: code });
    const confirmed = await core.dispatch('app.confirmRecoveryCode', { confirmed: true });
    expect(confirmed.ok && confirmed.value).toMatchObject({ recoveryCode: null });
    await core.context.store.write([hh(X, NAME, 1_000_000, ID_NUMBER)]);
    await core.close();
    // Shown once: not again at the next open.
    const reopened = await openCore({ dataDir: dir });
    expect(reopened.context.recoveryCode.pending()).toBeNull();
    await reopened.close();

    // The folder copied to another PC (another key folder, another passphrase).
    const copy = tmp('copy');
    cpSync(dir, copy, { recursive: true });
    process.env.SOVIEC_KEY_DIR = tmp('keys2');
    await expectRefused(openCore({ dataDir: copy, passphrase: 'máy thứ hai' }), 'DATA_KEY_MISSING');
    const wrong = (code as string).replace(/^./, (c) => (c === '7' ? '8' : '7'));
    await expectRefused(openCore({ dataDir: copy, passphrase: 'máy thứ hai', recoveryCode: wrong }), 'DATA_KEY_WRONG');
    const opened = await openCore({ dataDir: copy, passphrase: 'máy thứ hai', recoveryCode: (code as string).toLowerCase().replace(/-/g, ' ') });
    expect(opened.context.store.getAs('household', householdId(X))?.data.idNumber).toBe(ID_NUMBER);
    await opened.close();
    // Re-sealed for this PC: its own passphrase opens it from now on.
    const later = await openCore({ dataDir: copy, passphrase: 'máy thứ hai' });
    expect(later.context.store.getAs('household', householdId(X))?.data.headName).toBe(NAME);
    await later.close();
  });

  it('a folder written before encryption is sealed at its first open: live files, old backups and damaged copies', async () => {
    const dir = tmp('data');
    // A folder of the previous version: plain shards, plain backups, a plain damaged copy.
    const core0 = await openCore({ dataDir: dir });
    await core0.close(); // settings.json of an installation (the key is made now; data is written plain below)
    await fs.rm(path.join(dir, 'keys', 'datakey.json'));
    await fs.rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const old = await Store.open({ dataDir: dir, node: 'old00001', snapshotIntervalMs: 1e12 });
    await old.write(all(1_000_000));
    await old.write([hh(FAR, 'Nông Văn Dền', 800_000)]); // unchanged later: shared by both snapshots
    await old.snapshotNow();
    await old.write([hh(X, NAME, 1_100_000, ID_NUMBER)]);
    await old.snapshotNow();
    await old.close();
    // A damaged shard restored by the old version leaves its plain copy in damaged/.
    const plain = readFileSync(shard0(dir), 'utf8');
    writeFileSync(shard0(dir), plain.replace('"incomePerPerson":1100000', '"incomePerPerson":1100001'));
    const old2 = await Store.open({ dataDir: dir, node: 'old00001', snapshotIntervalMs: 1e12 });
    await old2.ready();
    await old2.close();
    expect(plainHits(dir).length).toBeGreaterThan(3);
    // Pairs of snapshot copies that are one file (hard links between snapshots).
    const shared = (): string[] => {
      const byIno = new Map<number, string[]>();
      for (const f of filesUnder(path.join(dir, 'backups'))) byIno.set(statSync(f).ino, [...(byIno.get(statSync(f).ino) ?? []), path.relative(dir, f)]);
      return [...byIno.values()].filter((g) => g.length > 1).map((g) => g.sort().join(' = '));
    };
    const sharedBefore = shared().filter((g) => g.includes(`${path.sep}db${path.sep}`));
    expect(sharedBefore.length).toBeGreaterThan(0);

    const core = await openCore({ dataDir: dir, snapshotIntervalMs: 1e12 });
    expect(core.context.store.getAs('household', householdId(X))?.data).toMatchObject({ headName: NAME, incomePerPerson: 1_100_000 });
    await core.close();
    expect(plainHits(dir)).toEqual([]);
    // Old backups were re-written sealed, not dropped; copies shared between snapshots stay shared.
    const sharedAfter = shared();
    for (const g of sharedBefore) expect(sharedAfter.some((h) => h.includes(g))).toBe(true);
    expect(existsSync(path.join(dir, 'damaged'))).toBe(true);
    // The migrated backups still restore: damage the live shard again.
    writeFileSync(shard0(dir), Buffer.from('not a shard'));
    const after = await openCore({ dataDir: dir });
    await after.context.store.ready();
    expect(after.context.store.recoveries[0]?.restoredFrom).not.toBeNull();
    expect(after.context.store.getAs('household', householdId(X))?.data.headName).toBe(NAME);
    await after.close();
    // Once migrated, a plain file put where a sealed one belongs is not taken as data.
    writeFileSync(shard0(dir), plain);
    const planted = await openCore({ dataDir: dir });
    await planted.context.store.ready();
    expect(planted.context.store.recoveries[0]?.reason).toMatch(/does not decrypt/);
    await planted.close();
    expect(plainHits(dir)).toEqual([]);
  });
});
