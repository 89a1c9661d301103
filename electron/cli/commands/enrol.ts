import path from 'node:path';
import type { Command } from 'commander';
import type { AcceptedEnrolment, EnrolmentView, FinishedEnrolment, PreparedEnrolment } from '../../contract/enrolment';
import { call, printResult, withCore } from '../output';

/**
 * Enrolment from the command line (issue 14):
 *   Sở:     enrol prepare --office CODE --out DIR   → setup package + mã đăng ký (read by phone)
 *   office: enrol accept PACKAGE --code … --name …  → this PC set up, the Sở trusted, reply file
 *   Sở:     enrol finish REPLY                      → the office's PC trusted
 * The code is single use and expires, so having it on a command line is acceptable.
 */
type Json = { json?: boolean };
const STATE_VI: Record<EnrolmentView['state'], string> = { open: 'đang chờ', used: 'đã đăng ký', expired: 'hết hạn', locked: 'bị khóa (thử sai nhiều lần)' };
const RESULT_VI: Record<FinishedEnrolment['result'], string> = { pinned: 'đã tin cậy', replaced: 'đã thay khóa cũ', added: 'đã thêm máy', known: 'đã tin cậy từ trước' };

export function registerEnrolCommands(program: Command): void {
  const enrol = program.command('enrol').description('Đăng ký máy tính của đơn vị bằng gói cài đặt và mã đăng ký');
  enrol
    .command('prepare')
    .description('(Sở) Tạo gói cài đặt và mã đăng ký cho một đơn vị')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--office <code>', 'mã đơn vị')
    .option('--out <dir>', 'thư mục lưu gói cài đặt', '.')
    .option('--days <n>', 'số ngày gói còn hiệu lực', '7')
    .option('--add', 'thêm một máy nữa cho đơn vị đã đăng ký (không thay máy cũ)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; office: string; out: string; days: string; add?: boolean } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<PreparedEnrolment>(core, json, 'sync.enrol.prepare', { office: o.office, days: Number(o.days), add: Boolean(o.add), outDir: path.resolve(o.out) });
        printResult(json, { ...r, file: { ...r.file, base64: undefined } }, () =>
          [`Gói cài đặt cho ${r.officeName}: ${r.path ?? r.file.fileName}`, `Mã đăng ký (đọc qua điện thoại, chỉ dùng một lần, hết hạn ${r.expiresAt.slice(0, 10)}):`, `  ${r.code}`].join('\n'),
        );
      });
    });
  enrol
    .command('accept <package>')
    .description('(Đơn vị) Mở gói cài đặt bằng mã đăng ký')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--code <code>', 'mã đăng ký Sở đọc qua điện thoại')
    .option('--name <name>', 'họ tên cán bộ (lần đầu dùng máy)')
    .option('--out <dir>', 'thư mục lưu tệp đăng ký gửi về Sở', '.')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (pkg: string, o: { data: string; code: string; name?: string; out: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<AcceptedEnrolment>(core, json, 'sync.enrol.accept', {
          path: path.resolve(pkg),
          code: o.code,
          ...(o.name ? { officerName: o.name } : {}),
          outDir: path.resolve(o.out),
        });
        printResult(json, { ...r, file: { ...r.file, base64: undefined } }, () =>
          [
            `Đã mở gói cài đặt: máy này là máy tính của ${r.officeName}; đã tin cậy khóa của Sở (${r.soFingerprint}).`,
            `Gửi tệp đăng ký này về Sở: ${r.path ?? r.file.fileName}`,
            ...(r.folderTransport ? [`Đã dùng thư mục dùng chung trong gói để gửi/nhận tự động (${r.folderTransport}).`] : []),
          ].join('\n'),
        );
      });
    });
  enrol
    .command('finish <reply>')
    .description('(Sở) Nhận tệp đăng ký của đơn vị')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (reply: string, o: { data: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<FinishedEnrolment>(core, json, 'sync.enrol.finish', { path: path.resolve(reply) });
        printResult(json, r, () => `Máy tính của ${r.officeName} ${RESULT_VI[r.result]} (${r.fingerprint}).`);
      });
    });
  enrol
    .command('list')
    .description('(Sở) Các gói cài đặt đã tạo')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<EnrolmentView[]>(core, json, 'sync.enrol.list', {});
        printResult(json, r, () => (r.length === 0 ? '(chưa tạo gói cài đặt nào)' : r.map((e) => `${e.office.padEnd(10)} ${STATE_VI[e.state]}  hết hạn ${e.expiresAt.slice(0, 10)}`).join('\n')));
      });
    });
}
