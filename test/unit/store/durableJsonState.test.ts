import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { durableJsonState, readJsonOrSetAside } from '../../../electron/core/store/durableJsonState';

/** The one helper behind the trust file, the outbox and the enrolments. */

const Schema = z.object({ format: z.literal(1), offices: z.array(z.string()) });
type State = z.infer<typeof Schema>;
const empty = (): State => ({ format: 1, offices: [] });
const dirs: string[] = [];
const tempFile = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'soviec-state-'));
  dirs.push(d);
  return path.join(d, 'sync', 'state.json');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('durableJsonState', () => {
  it('runs concurrent updates one after another: no office is lost', async () => {
    const file = tempFile();
    const s = durableJsonState(file, { load: () => readJsonOrSetAside(file, Schema, empty) });
    const names = ['Văn Quan', 'Bình Gia', 'Tràng Định', 'Cao Lộc', 'Lộc Bình'];
    await Promise.all(names.map((n) => s.update((st) => void st.offices.push(n))));
    expect((await s.read()).offices.sort()).toEqual([...names].sort());
    // Saved durably: a fresh reader sees the same.
    expect(Schema.parse(JSON.parse(readFileSync(file, 'utf8'))).offices).toHaveLength(5);
  });

  it('a change that throws leaves the saved state as it was', async () => {
    const file = tempFile();
    const s = durableJsonState(file, { load: () => readJsonOrSetAside(file, Schema, empty) });
    await s.update((st) => void st.offices.push('Văn Quan'));
    await expect(
      s.update((st) => {
        st.offices.push('Bình Gia');
        throw new Error('bad day');
      }),
    ).rejects.toThrow('bad day');
    expect((await s.read()).offices).toEqual(['Văn Quan']);
  });

  it('trims the copy before saving when asked', async () => {
    const file = tempFile();
    const s = durableJsonState(file, { load: async () => empty(), beforeSave: (st) => void (st.offices = st.offices.slice(-2)) });
    for (const n of ['A', 'B', 'C']) await s.update((st) => void st.offices.push(n));
    expect((await s.read()).offices).toEqual(['B', 'C']);
  });
});

describe('readJsonOrSetAside', () => {
  it('starts empty when the file is missing, and sets a damaged file aside', async () => {
    const file = tempFile();
    expect(await readJsonOrSetAside(file, Schema, empty)).toEqual(empty());
    const s = durableJsonState(file, { load: () => readJsonOrSetAside(file, Schema, empty) });
    await s.update((st) => void st.offices.push('Văn Quan'));
    writeFileSync(file, '{"format": 1, "offices": [');
    expect(await readJsonOrSetAside(file, Schema, empty)).toEqual(empty());
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(path.dirname(file)).some((f) => f.startsWith('state.json.damaged-'))).toBe(true);
  });
});
