import type { Command } from 'commander';
import type { AppState } from '../../contract/app';
import type { OrgProfile } from '../../domain/org';
import { FRESH_FOLDER_PROFILE } from '../../domain/profiles/defaultProfile';
import { LANG_SON_2022 } from '../../domain/profiles/builtIn';
import { call, printResult, withCore } from '../output';

export function registerSetupCommands(program: Command): void {
  program
    .command('init')
    .description('Khởi tạo một thư mục dữ liệu: vai trò, đơn vị, tên cán bộ')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--role <role>', 'so | office')
    .option('--office <code>', 'mã đơn vị (với --role office)')
    .requiredOption('--name <name>', 'tên cán bộ')
    .option('--profile <id>', `cây tổ chức (mặc định cho thư mục mới: ${FRESH_FOLDER_PROFILE.id}; ${LANG_SON_2022.id} cho dữ liệu trước 01/7/2025)`)
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; role: string; office?: string; name: string; profile?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        // The Sở's own code comes from the profile (SO in 2022, SNV from 2025).
        const state = await call<AppState>(core, json, 'app.setup', {
          role: o.role,
          ...(o.office ? { officeCode: o.office } : {}),
          officerName: o.name,
          ...(o.profile ? { profileId: o.profile } : {}),
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
    .option('--data <dir>', 'thư mục dữ liệu (không có: cây tổ chức của thư mục mới)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      const show = (p: OrgProfile): void =>
        printResult(json, p.units, () => p.units.map((u) => `${u.code.padEnd(10)} ${u.name}`).join('\n'));
      if (!o.data) {
        show(FRESH_FOLDER_PROFILE);
        return;
      }
      await withCore(o.data, json, async (core) => show(await call<OrgProfile>(core, json, 'app.profile', {})));
    });
}
