import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateHouseholds, sampleBadCells, sampleCommunes, writeHouseholdWorkbook } from '../../electron/core/households';

/** The CLI prints sentences, never a raw "namespace:key" or a ⟦missing⟧ mark, whatever fails. */
const cli = path.resolve('dist/electron/cli.cjs');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const RAW_KEY = /\b(?:app|bundles|common|directives|households|reports|tasks):[A-Za-z]+\.[\w.]+/;
const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-cli-msg-'));
const data = path.join(dir, 'data');

function expectSentences(out: { stdout: string; stderr: string }): void {
  const text = out.stdout + out.stderr;
  expect(text).not.toMatch(RAW_KEY);
  expect(text).not.toContain('⟦');
}

beforeAll(() => {
  execFileSync(process.execPath, ['build/bundle.mjs', '--quiet']);
  expect(run(['init', '--profile', 'lang-son-2022', '--data', data, '--role', 'office', '--office', 'VANQUAN', '--name', 'Hoàng Thị Lan']).status).toBe(0);
  expect(run(['households', 'communes', '--data', data, '--load-sample']).status).toBe(0);
}, 120_000);

describe('CLI messages', () => {
  it('a workbook with bad rows: every row problem is a Vietnamese sentence, in text and JSON', async () => {
    const communes = sampleCommunes('VANQUAN');
    const households = generateHouseholds({ seed: 11, count: 30, communes, reviewYear: 2022 });
    const wb = await writeHouseholdWorkbook(households, { communes, overrides: sampleBadCells(30, 4, 5) });
    const file = path.join(dir, 'ho-ngheo-loi.xlsx');
    writeFileSync(file, wb.buffer);

    const text = run(['households', 'import', file, '--data', data, '--year', '2022']);
    expect(text.status).toBe(3);
    expect(text.stdout).toContain('chưa nhập dòng nào');
    expect(text.stdout).toMatch(/Dòng \d+, cột [A-Z]+ \(.+\): \S/);
    expectSentences(text);

    const json = run(['households', 'import', file, '--data', data, '--year', '2022', '--json']);
    expect(json.status).toBe(3);
    expect((JSON.parse(json.stdout) as { preview: { errors: unknown[] } }).preview.errors.length).toBe(4);

    const notXlsx = path.join(dir, 'khong-phai.xlsx');
    writeFileSync(notXlsx, 'đây không phải tệp Excel');
    const refused = run(['households', 'import', notXlsx, '--data', data, '--year', '2022']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^[A-Z_]+: \S/);
    expectSentences(refused);
  }, 120_000);

  it('a bad bundle: the refusal is a sentence with its code, in text and JSON', () => {
    const damaged = path.join(dir, 'soviec_SO_to_VANQUAN_2026-01-05_seq0001.soviec');
    writeFileSync(damaged, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    const text = run(['import', damaged, '--data', data]);
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/^(NOT_A_BUNDLE|INCOMPLETE|DAMAGED): \S/m);
    expectSentences(text);

    const json = run(['import', damaged, '--data', data, '--json']);
    const parsed = JSON.parse(json.stdout) as { bundles: Array<{ error: { message: string } }> };
    // JSON keeps the messageKey for machines; the message beside it is the sentence.
    const message = parsed.bundles[0]?.error.message ?? '';
    expect(message.length).toBeGreaterThan(10);
    expectSentences({ stdout: message, stderr: json.stderr });
  });

  it('an invalid option value is a sentence too', () => {
    const bad = run(['households', 'summary', '--data', data, '--year', '1890']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^INVALID_INPUT: \S/);
    expectSentences(bad);
  });
});
