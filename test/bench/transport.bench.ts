import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exchangeKeys, usbStick } from '../integration/syncHelpers';
import { openOffice, type Office } from '../integration/twoOffices';
import { mailServersMissing, startMailServers } from '../integration/mailServers';
import type { BenchModule, BenchTable } from './run';

/**
 * Issue 14: time from a saved edit at an office to its import at the Sở, with each side
 * running "send and receive once" right after the other (what the automatic run does when
 * it is woken by the edit and by the arrival): over the local mail servers (Dovecot + SMTP
 * through dovecot-lda on 127.0.0.1) and over a shared folder, median of N edits.
 */
const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function measure(so: Office, vq: Office, n: number): Promise<{ send: number[]; receive: number[]; total: number[] }> {
  const { tasks } = await so.call('directives.loadSample', {});
  const task = tasks.find((t) => t.content.includes('xuất khẩu lao động'));
  if (!task) throw new Error('sample changed');
  await so.call('sync.run', {});
  await vq.call('sync.run', {});
  await so.call('sync.run', {});
  const out = { send: [] as number[], receive: [] as number[], total: [] as number[] };
  for (let i = 1; i <= n; i++) {
    await vq.call('progress.save', { taskId: task.id, status: 'inProgress', percent: i, narrative: `Lần cập nhật số ${i}.` });
    const t0 = performance.now();
    const s = await vq.call('sync.run', {});
    const t1 = performance.now();
    const r = await so.call('sync.run', {});
    const t2 = performance.now();
    if (s.sent < 1 || r.imported < 1) throw new Error(`edit ${i} did not arrive (sent ${s.sent}, imported ${r.imported})`);
    out.send.push(t1 - t0);
    out.receive.push(t2 - t1);
    out.total.push(t2 - t0);
    // Văn Quan takes the acknowledgement, so the next round starts clean.
    await vq.call('sync.run', {});
  }
  return out;
}

export const transportBench: BenchModule = {
  name: 'transport',
  async run({ quick }) {
    const n = quick ? 3 : 9;
    const rows: Array<Array<string | number>> = [];
    const notes: string[] = [];
    const pair = async (label: string) => {
      const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường');
      const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
      const usb = usbStick('bench-keys');
      await exchangeKeys(so, vq, usb);
      rmSync(usb, { recursive: true, force: true });
      return { so, vq, label };
    };
    // Shared folder.
    {
      const { so, vq } = await pair('folder');
      const share = mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-share-'));
      for (const o of [so, vq]) await o.call('sync.transports.saveFolder', { root: share });
      const m = await measure(so, vq, n);
      rows.push(['thư mục dùng chung (ổ cục bộ)', n, median(m.send).toFixed(0), median(m.receive).toFixed(0), median(m.total).toFixed(0)]);
      await so.core.close();
      await vq.core.close();
      rmSync(share, { recursive: true, force: true });
    }
    const missing = mailServersMissing();
    if (missing) notes.push(`E-mail not measured: ${missing}.`);
    else {
      const boxes = { so: 'so@sldtbxh.langson.test', vq: 'vanquan@sldtbxh.langson.test' };
      const servers = await startMailServers({ [boxes.so]: 'mk-so', [boxes.vq]: 'mk-vq' });
      try {
        const { so, vq } = await pair('email');
        const local = { host: '127.0.0.1', security: 'none' as const };
        const cfg = (address: string, password: string, peers: Record<string, string>) => ({
          address,
          user: address,
          password,
          smtp: { ...local, port: servers.smtpPort },
          imap: { ...local, port: servers.imapPort },
          peers,
        });
        await so.call('sync.transports.saveEmail', cfg(boxes.so, 'mk-so', { VANQUAN: boxes.vq }));
        await vq.call('sync.transports.saveEmail', cfg(boxes.vq, 'mk-vq', { SO: boxes.so }));
        const m = await measure(so, vq, n);
        rows.push(['thư điện tử (Dovecot + SMTP, 127.0.0.1)', n, median(m.send).toFixed(0), median(m.receive).toFixed(0), median(m.total).toFixed(0)]);
        await so.core.close();
        await vq.core.close();
      } finally {
        await servers.stop();
      }
    }
    const table: BenchTable = {
      title: 'From a saved edit at an office to its import at the Sở (median, ms)',
      headers: ['transport', 'edits', 'office: build + send', 'Sở: receive + verify + import', 'total'],
      rows,
      notes: ['One progress edit per round; each side runs "send and receive once" (sync.run) right after the other, as the automatic run does when woken.', ...notes],
    };
    return [table];
  },
};
