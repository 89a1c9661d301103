import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core';
import type { Input, OpName, Output } from '../../electron/contract';
import { AppError } from '../../electron/domain/errors';
import { codeFromRandom, parseCode } from '../../electron/domain/enrolmentCode';
import { readPackage, sealReply } from '../../electron/core/enrolment/files';
import { deriveEnrolmentKey, sha256Hex } from '../../electron/core/enrolment/seal';
import { openOffice, type Office } from '../integration/twoOffices';
import { exportTo, filesIn, usbStick } from '../integration/syncHelpers';

/**
 * Enrolment by setup package and code (issue 14): the code read by phone authenticates both
 * key cards. Someone who controls the files on their way (the mail, the shared folder, the
 * USB stick) but did not hear the code cannot get a key pinned on either side.
 */
const opened: Office[] = [];
const dirs: string[] = [];
const usb = usbStick('enrol');
afterAll(async () => {
  for (const o of opened) await o.core.close();
  for (const d of [usb, ...dirs]) rmSync(d, { recursive: true, force: true });
});

let clock = Date.parse('2026-03-02T02:00:00Z');
const now = (): number => clock;

/** A PC on its first run: the app is installed, nothing set up yet. */
async function freshPc(label: string): Promise<Office> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `soviec-enrol-${label}-`));
  dirs.push(dataDir);
  const core = await openCore({ dataDir, now });
  const call = async <K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> => {
    const r = await core.dispatch(op, input);
    if (!r.ok) throw AppError.fromValue(r.error);
    return r.value as Output<K>;
  };
  const pc = { core, dataDir, call };
  opened.push(pc);
  return pc;
}

async function setUp(role: 'so' | 'office', code: string, name: string): Promise<Office> {
  const o = await openOffice(role, code, name, { now });
  opened.push(o);
  return o;
}

const otherCode = (): string => codeFromRandom(randomBytes(12));
const peersOf = async (o: Office): Promise<string[]> => (await o.call('sync.status', {})).peers.map((p) => `${p.office}/${p.fingerprint}`);

function rewrite(file: string, change: (outer: { format: string; body: string; mac: string }) => void): string {
  const outer = JSON.parse(readFileSync(file, 'utf8')) as { format: string; body: string; mac: string };
  change(outer);
  const out = path.join(usb, `changed-${randomBytes(3).toString('hex')}.soviec-setup`);
  writeFileSync(out, JSON.stringify(outer));
  return out;
}

describe('the enrolment code', () => {
  it('has at least 80 random bits, reads as four groups of five and forgives O/I/L, case and spaces', () => {
    const code = otherCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    const ok = parseCode(code);
    expect(ok.ok).toBe(true);
    const spoken = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseCode(spoken)).toEqual(ok);
  });

  it('the check character catches any single wrong character and swapped neighbours', () => {
    const raw = codeFromRandom(Buffer.alloc(12, 0x5a)).replace(/-/g, '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < raw.length - 1; i++) {
      for (const c of alphabet) {
        if (c === raw[i]) continue;
        expect(parseCode(raw.slice(0, i) + c + raw.slice(i + 1)).ok).toBe(false);
      }
      const a = alphabet.indexOf(raw[i] as string);
      const b = alphabet.indexOf(raw[i + 1] as string);
      if (a !== b && Math.abs(a - b) !== 16) expect(parseCode(raw.slice(0, i) + raw[i + 1] + raw[i] + raw.slice(i + 2)).ok).toBe(false);
    }
  });
});

describe('enrolment with a setup package and a code', () => {
  it('pins both sides in one step each, and the first bundle then imports by itself', async () => {
    const so = await setUp('so', 'SO', 'Nguyễn Mạnh Cường');
    const prepared = await so.call('sync.enrol.prepare', { office: 'VANQUAN', outDir: usb });
    expect(prepared.path).toBeTruthy();
    const vq = await freshPc('vq');
    const preview = await vq.call('sync.enrol.inspect', { path: prepared.path as string });
    expect(preview).toMatchObject({ office: 'VANQUAN', triesLeft: 5 });
    // The code as a person types it after hearing it: lower case, spaces.
    const typed = prepared.code.toLowerCase().replace(/-/g, ' ');
    const accepted = await vq.call('sync.enrol.accept', { path: prepared.path as string, code: typed, officerName: 'Hoàng Thị Lan', outDir: usb });
    expect(accepted.office).toBe('VANQUAN');
    expect(vq.core.context.session()).toMatchObject({ role: 'office', officerName: 'Hoàng Thị Lan' });
    expect(vq.core.context.session().office.code).toBe('VANQUAN');
    const soFp = (await so.call('sync.identity', {})).fingerprint;
    expect(accepted.soFingerprint).toBe(soFp);
    expect((await vq.call('sync.status', {})).peers.map((p) => [p.office, p.fingerprint, p.confirmedByPhone])).toEqual([['SO', soFp, true]]);

    const finished = await so.call('sync.enrol.finish', { path: accepted.path as string });
    const vqFp = (await vq.call('sync.identity', {})).fingerprint;
    expect(finished).toMatchObject({ office: 'VANQUAN', fingerprint: vqFp, result: 'pinned' });
    expect(await peersOf(so)).toEqual([`VANQUAN/${vqFp}`]);
    expect((await so.call('sync.enrol.list', {}))[0]?.state).toBe('used');

    // No fingerprint was read aloud, and no first-contact confirmation is needed any more.
    const { dir } = await exportTo(so, 'VANQUAN', usb);
    const report = await vq.call('sync.import', { paths: filesIn(dir) });
    expect(report.bundles.map((b) => b.status)).toEqual(['applied']);
  });

  it('a code works once: the same reply again, or another PC with the same package and code, is refused', async () => {
    const so = opened.find((o) => o.core.context.settings().session?.role === 'so') as Office;
    const prepared = await so.call('sync.enrol.prepare', { office: 'TRANGDINH', outDir: usb });
    const td = await freshPc('td');
    const first = await td.call('sync.enrol.accept', { path: prepared.path as string, code: prepared.code, officerName: 'Lý Văn Sáng', outDir: mkdtempSync(path.join(usb, 'td-')) });
    await so.call('sync.enrol.finish', { path: first.path as string });
    await expect(so.call('sync.enrol.finish', { path: first.path as string })).rejects.toMatchObject({ code: 'ENROL_USED' });
    // Someone who got hold of the package and the code afterwards.
    const intruder = await freshPc('intruder');
    const second = await intruder.call('sync.enrol.accept', { path: prepared.path as string, code: prepared.code, officerName: 'Người Lạ', outDir: mkdtempSync(path.join(usb, 'x-')) });
    await expect(so.call('sync.enrol.finish', { path: second.path as string })).rejects.toMatchObject({ code: 'ENROL_USED' });
    const tdFp = (await td.call('sync.identity', {})).fingerprint;
    expect((await peersOf(so)).filter((p) => p.startsWith('TRANGDINH/'))).toEqual([`TRANGDINH/${tdFp}`]);
  });
});

describe('an attacker who controls the files but did not hear the code', () => {
  it('a package changed on the way (the Sở key card swapped, the office renamed) does not open with the real code', async () => {
    const so = await setUp('so', 'SO', 'Nguyễn Mạnh Cường');
    const fake = await setUp('so', 'SO', 'Kẻ Giả Mạo');
    const fakeCard = readFileSync((await fake.call('sync.keyCard.export', { outDir: mkdtempSync(path.join(usb, 'fake-')) })).path as string, 'utf8');
    const prepared = await so.call('sync.enrol.prepare', { office: 'VANQUAN', outDir: mkdtempSync(path.join(usb, 'p-')) });
    const swapped = rewrite(prepared.path as string, (o) => {
      const body = JSON.parse(o.body) as Record<string, unknown>;
      o.body = JSON.stringify({ ...body, soCard: fakeCard });
    });
    const renamed = rewrite(prepared.path as string, (o) => {
      o.body = o.body.replace('"officeName":"', '"officeName":"Phòng giả ');
    });
    const vq = await freshPc('vq-tamper');
    for (const file of [swapped, renamed]) {
      await expect(vq.call('sync.enrol.accept', { path: file, code: prepared.code, officerName: 'Hoàng Thị Lan' })).rejects.toMatchObject({ code: 'ENROL_CODE_WRONG' });
    }
    // Nothing was set up or trusted.
    expect(vq.core.context.settings().session).toBeNull();
    expect((await vq.core.service['sync.enrol.inspect']({ path: prepared.path as string })).triesLeft).toBe(3);
  });

  it('a whole package forged with the attacker’s own code does not open with the code the Sở read', async () => {
    const fake = opened.find((o) => o.core.context.session().officerName === 'Kẻ Giả Mạo') as Office;
    const forged = await fake.call('sync.enrol.prepare', { office: 'VANQUAN', outDir: mkdtempSync(path.join(usb, 'forged-')) });
    const vq = await freshPc('vq-forged');
    await expect(vq.call('sync.enrol.accept', { path: forged.path as string, code: otherCode(), officerName: 'Hoàng Thị Lan' })).rejects.toMatchObject({ code: 'ENROL_CODE_WRONG' });
    expect(vq.core.context.settings().session).toBeNull();
  });

  it('wrong codes are bounded at the office: a typo does not count, five wrong codes lock the package', async () => {
    const so = opened.find((o) => o.core.context.settings().session?.officerName === 'Nguyễn Mạnh Cường') as Office;
    const prepared = await so.call('sync.enrol.prepare', { office: 'BINHGIA', outDir: mkdtempSync(path.join(usb, 'bg-')) });
    const bg = await freshPc('bg');
    const p = prepared.path as string;
    const typo = prepared.code.slice(0, -1) + (prepared.code.endsWith('0') ? '1' : '0');
    await expect(bg.call('sync.enrol.accept', { path: p, code: typo, officerName: 'Vi Thị Hoa' })).rejects.toMatchObject({ code: 'ENROL_CODE_TYPO' });
    expect((await bg.call('sync.enrol.inspect', { path: p })).triesLeft).toBe(5);
    for (let i = 4; i >= 1; i--) {
      await expect(bg.call('sync.enrol.accept', { path: p, code: otherCode(), officerName: 'Vi Thị Hoa' })).rejects.toMatchObject({ code: 'ENROL_CODE_WRONG', params: { left: i } });
    }
    await expect(bg.call('sync.enrol.accept', { path: p, code: otherCode(), officerName: 'Vi Thị Hoa' })).rejects.toMatchObject({ code: 'ENROL_LOCKED' });
    // Even the right code no longer opens it: the Sở makes a new package.
    await expect(bg.call('sync.enrol.accept', { path: p, code: prepared.code, officerName: 'Vi Thị Hoa' })).rejects.toMatchObject({ code: 'ENROL_LOCKED' });
    expect(bg.core.context.settings().session).toBeNull();
  });

  it('a forged or swapped reply gets no PC pinned at the Sở, and five of them lock the enrolment', async () => {
    const so = opened.find((o) => o.core.context.settings().session?.officerName === 'Nguyễn Mạnh Cường') as Office;
    const prepared = await so.call('sync.enrol.prepare', { office: 'LOCBINH', outDir: mkdtempSync(path.join(usb, 'lb-')) });
    const lb = await freshPc('lb');
    const genuine = await lb.call('sync.enrol.accept', { path: prepared.path as string, code: prepared.code, officerName: 'Nông Văn Tuấn', outDir: mkdtempSync(path.join(usb, 'lb-r-')) });
    // The attacker's own PC, set up as that office, and its key card.
    const attacker = await setUp('office', 'LOCBINH', 'Kẻ Giả Mạo');
    const attackerCard = readFileSync((await attacker.call('sync.keyCard.export', { outDir: mkdtempSync(path.join(usb, 'ak-')) })).path as string, 'utf8');
    // 1. The genuine reply with its key card swapped for the attacker's.
    const reply = JSON.parse(readFileSync(genuine.path as string, 'utf8')) as { card: string };
    const swapped = path.join(usb, 'swapped.soviec-reply');
    writeFileSync(swapped, JSON.stringify({ ...reply, card: attackerCard }));
    await expect(so.call('sync.enrol.finish', { path: swapped })).rejects.toMatchObject({ code: 'ENROL_REPLY_INVALID', params: { left: 4 } });
    // 2. Replies sealed with guessed codes (the attacker saw the package, so knows its id and hash).
    const pkg = readPackage(readFileSync(prepared.path as string));
    for (let i = 3; i >= 0; i--) {
      const guess = parseCode(otherCode());
      if (!guess.ok) throw new Error('code');
      const forged = path.join(usb, `forged-${i}.soviec-reply`);
      writeFileSync(forged, sealReply(pkg.enrolmentId, sha256Hex(pkg.body), attackerCard, await deriveEnrolmentKey(guess.code, pkg.enrolmentId)));
      await expect(so.call('sync.enrol.finish', { path: forged })).rejects.toMatchObject({ code: i > 0 ? 'ENROL_REPLY_INVALID' : 'ENROL_LOCKED' });
    }
    // Locked: not even the genuine reply goes through now (the office gets a new package).
    await expect(so.call('sync.enrol.finish', { path: genuine.path as string })).rejects.toMatchObject({ code: 'ENROL_LOCKED' });
    expect((await peersOf(so)).filter((p) => p.startsWith('LOCBINH/'))).toEqual([]);
    expect((await so.call('sync.enrol.list', {})).find((e) => e.office === 'LOCBINH')?.state).toBe('locked');
  });

  it('an expired package opens on neither side; a package for another office is refused', async () => {
    const so = opened.find((o) => o.core.context.settings().session?.officerName === 'Nguyễn Mạnh Cường') as Office;
    const prepared = await so.call('sync.enrol.prepare', { office: 'CAOLOC', days: 2, outDir: mkdtempSync(path.join(usb, 'cl-')) });
    const cl = await freshPc('cl');
    const reply = await cl.call('sync.enrol.accept', { path: prepared.path as string, code: prepared.code, officerName: 'Hoàng Văn Bình', outDir: mkdtempSync(path.join(usb, 'cl-r-')) });
    const late = await freshPc('cl-late');
    const other = await setUp('office', 'VANLANG', 'Lương Thị Mai');
    await expect(other.call('sync.enrol.accept', { path: prepared.path as string, code: prepared.code })).rejects.toMatchObject({ code: 'ENROL_WRONG_OFFICE' });
    expect(await peersOf(other)).toEqual([]);
    clock += 3 * 86_400_000;
    try {
      await expect(late.call('sync.enrol.accept', { path: prepared.path as string, code: prepared.code, officerName: 'Hoàng Văn Bình' })).rejects.toMatchObject({ code: 'ENROL_EXPIRED' });
      await expect(so.call('sync.enrol.finish', { path: reply.path as string })).rejects.toMatchObject({ code: 'ENROL_EXPIRED' });
      expect((await peersOf(so)).filter((p) => p.startsWith('CAOLOC/'))).toEqual([]);
    } finally {
      clock -= 3 * 86_400_000;
    }
  });

  it('only the Sở prepares packages and accepts replies', async () => {
    const vl = opened.find((o) => o.core.context.settings().session?.officeCode === 'VANLANG') as Office;
    await expect(vl.call('sync.enrol.prepare', { office: 'VANQUAN' })).rejects.toMatchObject({ code: 'ENROL_NOT_SO' });
  });
});
