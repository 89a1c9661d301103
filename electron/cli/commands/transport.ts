import type { Command } from 'commander';
import type { RunSummary, TransportStatus, TransportView } from '../../contract/transport';
import { call, CliFailure, printResult, withCore } from '../output';

/**
 * Transports from the command line (issue 14): `transport add folder|email …`,
 * `transport list`, and `sync run` to send and receive once (for a scheduled task on a PC
 * that keeps the app closed). The e-mail password is read from an environment variable,
 * never from the command line (it would stay in the shell history and the process list).
 */
type Json = { json?: boolean };

const STATE_VI: Record<string, string> = { waiting: 'chờ gửi', sent: 'đã gửi', acknowledged: 'đã được xác nhận', failed: 'gửi lỗi' };
const LIGHT_VI: Record<string, string> = { offline: 'mất kết nối', sending: 'đang gửi', upToDate: 'đã cập nhật', attention: 'cần xử lý' };

function listText(ts: TransportView[]): string {
  if (ts.length === 0) return '(chưa cấu hình cách gửi tự động nào)';
  return ts.map((t) => `${t.id}  ${t.type === 'folder' ? 'thư mục dùng chung' : 'thư điện tử'}  ${t.where}${t.enabled ? '' : ' (tắt)'}`).join('\n');
}

function statusText(s: TransportStatus): string {
  const lines = [`Trạng thái: ${LIGHT_VI[s.light] ?? s.light}`];
  for (const e of s.entries.slice(-20)) {
    const err = e.lastError ? ` — lỗi: ${e.lastError.reason}; thử lại lúc ${e.nextTryAt ?? '—'}` : '';
    lines.push(`  gói số ${e.seq} gửi ${e.toName} qua ${e.transport}: ${STATE_VI[e.state] ?? e.state} (${e.attempts} lần gửi)${err}`);
  }
  for (const h of s.held) lines.push(`  chờ người xem: ${h.fileNames.join(' + ')} (${h.reason})`);
  return lines.join('\n');
}

function endpoint(v: string, security: string): { host: string; port: number; security: 'tls' | 'starttls' | 'none' } {
  const m = /^(.+):(\d{1,5})$/.exec(v);
  if (!m) throw new Error(`host:port expected, got ${v}`);
  return { host: m[1] as string, port: Number(m[2]), security: security as 'tls' | 'starttls' | 'none' };
}

export function registerTransportCommands(program: Command): void {
  const transport = program.command('transport').description('Gửi/nhận tự động qua thư mục dùng chung hoặc thư điện tử');
  const add = transport.command('add').description('Thêm cách gửi/nhận tự động');
  add
    .command('folder')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--root <dir>', 'thư mục dùng chung (ổ mạng, thư mục đồng bộ, USB)')
    .option('--poll <seconds>', 'kiểm tra lại mỗi … giây', '30')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; root: string; poll: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const ts = await call<TransportView[]>(core, json, 'sync.transports.saveFolder', { root: o.root, pollSeconds: Number(o.poll) });
        printResult(json, ts, () => listText(ts));
      });
    });
  add
    .command('email')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--address <mail>', 'hộp thư của đơn vị')
    .option('--user <name>', 'tên đăng nhập (mặc định: địa chỉ thư)')
    .option('--password-env <VAR>', 'biến môi trường chứa mật khẩu (hoặc mật khẩu ứng dụng)', 'SOVIEC_MAIL_PASSWORD')
    .requiredOption('--smtp <host:port>', 'máy chủ gửi thư')
    .requiredOption('--imap <host:port>', 'máy chủ nhận thư')
    .option('--security <tls|starttls|none>', 'kết nối bảo mật (none chỉ với máy chủ trên chính máy này)', 'tls')
    .option('--peer <OFFICE=mail...>', 'đơn vị trao đổi và hộp thư của đơn vị đó', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--max-part-mb <mb>', 'dung lượng tối đa một thư', '10')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; address: string; user?: string; passwordEnv: string; smtp: string; imap: string; security: string; peer: string[]; maxPartMb: string } & Json) => {
      const json = Boolean(o.json);
      const password = process.env[o.passwordEnv];
      if (!password) {
        process.stderr.write(`Chưa có mật khẩu: đặt biến môi trường ${o.passwordEnv}.\n`);
        throw new CliFailure(2);
      }
      const peers = Object.fromEntries(o.peer.map((p) => p.split('=', 2) as [string, string]));
      await withCore(o.data, json, async (core) => {
        const ts = await call<TransportView[]>(core, json, 'sync.transports.saveEmail', {
          address: o.address,
          user: o.user ?? o.address,
          password,
          smtp: endpoint(o.smtp, o.security),
          imap: endpoint(o.imap, o.security),
          peers,
          maxPartMb: Number(o.maxPartMb),
        });
        printResult(json, ts, () => listText(ts));
      });
    });
  transport
    .command('list')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const ts = await call<TransportView[]>(core, json, 'sync.transports.list', {});
        const st = await call<TransportStatus>(core, json, 'sync.transports.status', {});
        printResult(json, { transports: ts, status: st }, () => `${listText(ts)}\n${statusText(st)}`);
      });
    });

  program
    .command('sync')
    .description('Gửi/nhận tự động')
    .command('run')
    .description('Gửi và nhận một lần qua mọi cách đã cấu hình')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<RunSummary>(core, json, 'sync.run', {});
        printResult(json, r, () => [`Đã lập ${r.built} gói, gửi ${r.sent}, lỗi ${r.failed}; nhận và nhập ${r.imported}, trùng ${r.duplicates}, chờ người xem ${r.held}.`, statusText(r.status)].join('\n'));
        if (r.status.light === 'attention') throw new CliFailure(3);
      });
    });
}
