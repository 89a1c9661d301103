import type { Command } from 'commander';
import type { AppState } from '../../contract/app';
import type { OrgProfile } from '../../domain/org';
import { DEFAULT_PROFILE } from '../../domain/profiles/defaultProfile';
import { call, printResult, withCore } from '../output';

export function registerSetupCommands(program: Command): void {
  program
    .command('init')
    .description('Khởi tạo một thư mục dữ liệu: vai trò, đơn vị, tên cán bộ')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--role <role>', 'so | office')
    .option('--office <code>', 'mã đơn vị (với --role office)')
    .requiredOption('--name <name>', 'tên cán bộ')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; role: string; office?: string; name: string; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const state = await call<AppState>(core, json, 'app.setup', {
          role: o.role,
          officeCode: o.office ?? (o.role === 'so' ? 'SO' : ''),
          officerName: o.name,
        });
        printResult(json, state.session, () =>
          [
            `Đã khởi tạo: ${state.session?.office.name} — ${state.session?.officerName}`,
            ...(state.recoveryCode ? [`Hãy in mã khôi phục ngay (chỉ hiện một lần): so-viec recovery show --data ${o.data}`] : []),
          ].join('\n'),
        );
      });
    });

  program
    .command('offices')
    .description('Danh sách đơn vị trong cây tổ chức')
    .option('--data <dir>', 'thư mục dữ liệu (mặc định: cây tổ chức mặc định)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      const show = (p: OrgProfile): void =>
        printResult(json, p.units, () => p.units.map((u) => `${u.code.padEnd(10)} ${u.name}`).join('\n'));
      if (!o.data) {
        show(DEFAULT_PROFILE);
        return;
      }
      await withCore(o.data, json, async (core) => show(await call<OrgProfile>(core, json, 'app.profile', {})));
    });
}
