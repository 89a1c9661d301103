import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { carry, exchangeKeys, usbStick } from './syncHelpers';
import { dovecotLog, mailServersMissing, startMailServers, type MailServers } from './mailServers';
import { closeWeek, openWeek, outcome, runWeek, type Week } from './weekOfWork';
import type { Office } from './twoOffices';

/**
 * Bundles by e-mail only, against real servers on 127.0.0.1 (Dovecot IMAP, an SMTP server
 * delivering through dovecot-lda): the week ends as when carried by hand; a mail cut in the
 * middle and an IMAP server killed between import and "move to handled" lose nothing and
 * import nothing twice.
 */
const missing = mailServersMissing();
const MAILBOX = { SO: 'so@sldtbxh.langson.test', VANQUAN: 'vanquan@sldtbxh.langson.test', BINHGIA: 'binhgia@sldtbxh.langson.test' } as const;
const PASSWORD = { SO: 'mật-khẩu-sở-1', VANQUAN: 'abcd efgh ijkl mnop', BINHGIA: 'mk-binhgia-3' } as const;

let servers: MailServers;
const weeks: Week[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  if (missing) return;
  servers = await startMailServers(Object.fromEntries(Object.entries(MAILBOX).map(([k, a]) => [a, PASSWORD[k as keyof typeof PASSWORD]])));
});
afterAll(async () => {
  for (const w of weeks) await closeWeek(w);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await servers?.stop();
});

async function pinAll(w: Week): Promise<void> {
  const usb = usbStick('keys');
  dirs.push(usb);
  await exchangeKeys(w.so, w.vq, usb);
  await exchangeKeys(w.so, w.bg, usb);
}

async function setUpMail(o: Office, who: keyof typeof MAILBOX, peers: Record<string, string>, maxPartMb = 10): Promise<void> {
  const local = { host: '127.0.0.1', security: 'none' as const };
  await o.call('sync.transports.saveEmail', {
    address: MAILBOX[who],
    user: MAILBOX[who],
    password: PASSWORD[who],
    smtp: { ...local, port: servers.smtpPort },
    imap: { ...local, port: servers.imapPort },
    peers,
    maxPartMb,
  });
}

async function settle(offices: Office[]): Promise<void> {
  for (let round = 1; round <= 8; round++) {
    let moved = 0;
    for (const o of offices) {
      const r = await o.call('sync.run', {});
      moved += r.built + r.sent + r.imported;
    }
    if (moved === 0) return;
  }
  throw new Error(`mail did not settle in 8 rounds\n${dovecotLog(servers)}`);
}

describe.skipIf(missing !== null)(`e-mail transport against Dovecot and SMTP on 127.0.0.1${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let byHand: unknown;
  it('a week carried by hand (reference)', async () => {
    const w = await openWeek();
    weeks.push(w);
    await pinAll(w);
    await runWeek(w, async () => {
      await carry(w.so, w.vq);
      await carry(w.so, w.bg);
      await carry(w.vq, w.so);
      await carry(w.bg, w.so);
    });
    byHand = await outcome(w);
  });

  let w: Week;
  it('the same week by e-mail only (Văn Quan bundles split into parts of a few KB), imported automatically, ends the same', async () => {
    w = await openWeek();
    weeks.push(w);
    await pinAll(w);
    await setUpMail(w.so, 'SO', { VANQUAN: MAILBOX.VANQUAN, BINHGIA: MAILBOX.BINHGIA });
    await setUpMail(w.vq, 'VANQUAN', { SO: MAILBOX.SO }, 0.02);
    await setUpMail(w.bg, 'BINHGIA', { SO: MAILBOX.SO });
    const list = await w.vq.call('sync.transports.list', {});
    expect(list[0]?.email).toMatchObject({ address: MAILBOX.VANQUAN, hasPassword: true });
    expect(JSON.stringify(list)).not.toContain(PASSWORD.VANQUAN);
    expect(JSON.stringify(w.vq.core.context.store.list('transport'))).not.toContain(PASSWORD.VANQUAN);
    await runWeek(w, () => settle([w.so, w.vq, w.bg]));
    expect(await outcome(w)).toEqual(byHand);
    // Văn Quan's larger bundles (the communes) went as several mails, one part each.
    const bundlesToSo = (await w.vq.call('sync.transports.status', {})).entries.length + (await w.bg.call('sync.transports.status', {})).entries.length;
    expect(servers.delivered.get(MAILBOX.SO) ?? 0).toBeGreaterThan(bundlesToSo);
    expect((await w.vq.call('sync.transports.status', {})).light).toBe('upToDate');
    // ~1 s per mail through SMTP + dovecot-lda here; the whole suite loads the machine.
  }, 300_000);

  it('the SMTP connection drops in the middle of a mail: failed with a reason, sent again later, imported once', async () => {
    const task = (await w.vq.call('tasks.list', {}))[0];
    await w.vq.call('progress.save', { taskId: task?.task.id ?? '', status: 'inProgress', percent: 55, narrative: 'Đường truyền chập chờn.' });
    servers.cutSmtp(1);
    const r = await w.vq.call('sync.run', {});
    expect(r).toMatchObject({ built: 1, sent: 0, failed: 1 });
    const st = await w.vq.call('sync.transports.status', {});
    expect(st.light).toBe('offline');
    expect(st.entries.at(-1)).toMatchObject({ state: 'failed', attempts: 1 });
    w.clock.tick(1 / 60);
    expect(await w.vq.call('sync.run', {})).toMatchObject({ sent: 1 });
    const before = w.so.core.context.store.count('progress');
    const so = await w.so.call('sync.run', {});
    expect(so.imported).toBe(1);
    expect(so.reports.filter((b) => b.status === 'applied')).toHaveLength(1);
    expect((await w.so.call('sync.run', {})).imported).toBe(0);
    // The progress record is updated, not added twice.
    expect(w.so.core.context.store.count('progress')).toBe(before);
    const rows = await w.so.call('tasks.get', { id: task?.task.id ?? '' });
    expect(rows.row.assignments.find((a) => a.office === 'VANQUAN')?.percent).toBe(55);
  });

  it('the IMAP server is killed after the import and before the mail is moved: the next run sees a duplicate and moves it', async () => {
    const task = (await w.vq.call('tasks.list', {}))[0];
    await w.vq.call('progress.save', { taskId: task?.task.id ?? '', status: 'inProgress', percent: 65, narrative: 'Máy chủ thư khởi động lại.' });
    expect(await w.vq.call('sync.run', {})).toMatchObject({ sent: 1 });
    const r = await w.so.core.transports.run((t) => ({
      ...t,
      reaches: (o) => t.reaches(o),
      send: (o) => t.send(o),
      receive: () => t.receive(),
      close: () => t.close(),
      handled: async (key) => {
        await servers.killImap();
        return t.handled(key);
      },
    }));
    expect(r.imported).toBe(1);
    expect((await w.so.call('sync.transports.status', {})).light).toBe('offline');
    // While it is down: nothing comes, nothing breaks.
    expect(await w.so.call('sync.run', {})).toMatchObject({ imported: 0, duplicates: 0 });
    await servers.startImap();
    const again = await w.so.call('sync.run', {});
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    expect(again.reports[0]?.error?.code).toBe('ALREADY_IMPORTED');
    expect(await w.so.call('sync.run', {})).toMatchObject({ imported: 0, duplicates: 0 });
    const rows = await w.so.call('tasks.get', { id: task?.task.id ?? '' });
    expect(rows.row.assignments.find((a) => a.office === 'VANQUAN')?.percent).toBe(65);
  });

  it('TLS is required towards any server that is not this machine', async () => {
    await expect(
      w.bg.call('sync.transports.saveEmail', {
        address: MAILBOX.BINHGIA,
        user: MAILBOX.BINHGIA,
        password: 'x',
        smtp: { host: 'mail.langson.gov.vn', port: 25, security: 'none' },
        imap: { host: 'mail.langson.gov.vn', port: 993, security: 'tls' },
        peers: { SO: MAILBOX.SO },
      }),
    ).rejects.toMatchObject({ code: 'TLS_REQUIRED' });
  });
});
