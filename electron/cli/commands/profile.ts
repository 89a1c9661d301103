import type { Command } from 'commander';
import type { ProfileMigration } from '../../contract/app';
import { call, messageVi, printResult, withCore } from '../output';

/** The move as an officer reads it before and after: own unit, old units kept, refusal. */
function describe(m: ProfileMigration): string {
  if (m.done) return `Thư mục đã dùng cây tổ chức ${m.to.name}: không có gì phải chuyển.`;
  const lines = [
    `${m.applied ? 'Đã chuyển' : 'Sẽ chuyển'} cây tổ chức: ${m.from.name} → ${m.to.name}`,
    `Đơn vị của thư mục: ${m.office.before.name} → ${m.office.after?.name ?? '(không có đơn vị tương ứng)'}`,
    `Dữ liệu giữ nguyên đơn vị đã ghi (đơn vị cũ):`,
    ...(m.units.length === 0 ? ['  (chưa có bản ghi nào)'] : []),
    ...m.units.map((u) => `  ${u.code.padEnd(14)} ${u.name}: ${u.records} bản ghi → ${u.becameUnits.map((b) => b.name + (b.whole === true ? '' : ' (một phần)')).join(', ') || '—'}`),
  ];
  if (m.refusal) lines.push(`Không chuyển được: ${messageVi(m.refusal)}`);
  return lines.join('\n');
}

export function registerProfileCommands(program: Command): void {
  const profile = program.command('profile').description('Cây tổ chức của thư mục dữ liệu');
  profile
    .command('migrate')
    .description('Chuyển thư mục sang cây tổ chức mới theo bảng đối chiếu đơn vị cũ – mới (chạy lại không đổi gì)')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--to <id>', 'cây tổ chức mới, ví dụ lang-son-2025')
    .option('--dry-run', 'chỉ xem trước, không ghi gì')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; to: string; dryRun?: boolean; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const m = await call<ProfileMigration>(core, json, 'app.profile.migrate', { to: o.to, dryRun: Boolean(o.dryRun) });
        printResult(json, m, () => describe(m));
      });
    });
}
