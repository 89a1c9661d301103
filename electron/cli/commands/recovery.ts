import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { fail, printResult, withCore } from '../output';

/**
 * The recovery code of a data folder (core/atRest): shown once, right after the folder is made
 * (`init`), then never again; and opening a copy of a folder on another PC with it.
 */
export function registerRecoveryCommands(program: Command): void {
  const recovery = program.command('recovery').description('Mã khôi phục của thư mục dữ liệu (dữ liệu hộ gia đình được mã hoá)');
  recovery
    .command('show')
    .description('In mã khôi phục MỘT LẦN, ngay sau khi khởi tạo; sau đó không in lại được')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const code = core.context.recoveryCode.pending();
        if (code === null) fail(json, new AppError('RECOVERY_CODE_SHOWN', 'common:errors.RECOVERY_CODE_SHOWN'));
        // Printed on the terminal counts as shown: it is not shown again.
        await core.context.recoveryCode.confirm();
        printResult(json, { recoveryCode: code }, () =>
          [
            `Mã khôi phục: ${code}`,
            'Hãy in hoặc chép mã này ra giấy và cất nơi an toàn. Mã chỉ hiện một lần;',
            'nó mở được thư mục dữ liệu trên máy khác: so-viec open --data <thư mục> --recovery "<mã>".',
          ].join('\n'),
        );
      });
    });

  program
    .command('open')
    .description('Mở thư mục dữ liệu chép từ máy khác bằng mã khôi phục, rồi khoá lại khoá dữ liệu cho máy này')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--recovery <code>', 'mã khôi phục (8 nhóm 5 ký tự)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; recovery: string; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(
        o.data,
        json,
        async (core) => printResult(json, { opened: core.context.dataDir }, () => `Đã mở ${core.context.dataDir} bằng mã khôi phục; từ nay máy này mở được thư mục bằng mật khẩu của nó.`),
        { recoveryCode: o.recovery },
      );
    });
}
