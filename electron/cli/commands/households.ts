import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { HouseholdMeta, ImportPreview, ImportResult, SummaryView } from '../../contract/households';
import { AppError } from '../../domain/errors';
import { formatNumberVi } from '../../domain/numbers';
import { call, CliFailure, fail, messageVi, printResult, withCore } from '../output';
import { translator } from '../../domain/translate';
import { say, sayUnchecked } from '../../domain/i18n/keys';

/**
 * `households import FILE.xlsx --data DIR [--year YYYY] [--valid-only] [--json]`: the same
 * validation as the app; with any invalid row nothing is imported and the exit code is 3,
 * unless --valid-only. `households summary --data DIR [--year YYYY] --json`: the summary table.
 */

/** Exit code when the file has invalid rows and nothing was imported. */
export const EXIT_INVALID_ROWS = 3;

interface ImportOpts {
  data: string;
  year?: string;
  validOnly?: boolean;
  json?: boolean;
}

function yearOf(value: string | undefined, json: boolean, meta: () => Promise<HouseholdMeta>): Promise<number> {
  // The newest year with records (as the option's help says), else the current year.
  if (value === undefined) return meta().then((m) => m.years[0] ?? m.defaultYear);
  const y = Number(value);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) {
    fail(json, new AppError('INVALID_INPUT', 'common:errors.INVALID_INPUT', { field: 'year', operation: 'households' }));
  }
  return Promise.resolve(y);
}

/** "12,35 %" right-aligned, as Vietnamese writes it. */
/** A rate; a dash when the commune totals (its base) were not entered. */
const pct = (n: number | null): string => (n === null ? '—' : `${formatNumberVi(n)} %`).padStart(9);

function problemLines(preview: ImportPreview): string[] {
  return preview.errors.map((e) => {
    const where = e.row > 0 ? `Dòng ${e.row}${e.columnLetter ? `, cột ${e.columnLetter}` : ''}${e.column ? ` (${e.column})` : ''}` : 'Tệp';
    return `  ${where}: ${messageVi({ code: 'IMPORT_ROW', messageKey: e.messageKey, params: e.params })}`;
  });
}

export function registerHouseholdCommands(program: Command): void {
  const households = program.command('households').description('Rà soát hộ nghèo, hộ cận nghèo');

  households
    .command('import')
    .description('Nhập danh sách hộ từ tệp Excel (.xlsx); có dòng lỗi thì không nhập gì, trừ khi dùng --valid-only')
    .argument('<file>', 'tệp .xlsx')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--year <year>', 'năm rà soát (mặc định: năm mới nhất có dữ liệu)')
    .option('--valid-only', 'chỉ nhập các dòng hợp lệ, bỏ qua các dòng lỗi')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, o: ImportOpts) => {
      const json = Boolean(o.json);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.resolve(file));
      } catch {
        process.stderr.write(`Không đọc được tệp ${file}.\n`);
        throw new CliFailure(2);
      }
      await withCore(o.data, json, async (core) => {
        const year = await yearOf(o.year, json, () => call<HouseholdMeta>(core, json, 'households.meta', {}));
        const preview = await call<ImportPreview>(core, json, 'households.import.preview', {
          base64: bytes.toString('base64'),
          fileName: path.basename(file),
          year,
        });
        const invalid = preview.errors.length > 0;
        if (invalid && !o.validOnly) {
          printResult(json, { ok: false, imported: 0, preview }, () =>
            [
              `Tệp có ${preview.counts.invalid} dòng lỗi trên ${preview.counts.rows} dòng; chưa nhập dòng nào.`,
              ...problemLines(preview),
              'Sửa các dòng lỗi rồi nhập lại, hoặc dùng --valid-only để chỉ nhập các dòng hợp lệ.',
            ].join('\n'),
          );
          throw new CliFailure(EXIT_INVALID_ROWS);
        }
        if (preview.counts.valid === 0) {
          printResult(json, { ok: false, imported: 0, preview }, () => ['Không có dòng hợp lệ nào để nhập.', ...problemLines(preview)].join('\n'));
          throw new CliFailure(EXIT_INVALID_ROWS);
        }
        const result = await call<ImportResult>(core, json, 'households.import.commit', { token: preview.token, validOnly: true });
        printResult(json, { ok: true, ...result, year, preview }, () =>
          [
            `Đã nhập ${result.imported} hộ năm ${year} (${result.created} mới, ${result.updated} cập nhật).`,
            ...(invalid ? [`Bỏ qua ${result.rejected} dòng lỗi:`, ...problemLines(preview)] : []),
          ].join('\n'),
        );
      });
    });

  households
    .command('summary')
    .description('Bảng tổng hợp kết quả rà soát theo xã (ở Sở: theo đơn vị cấp dưới)')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--year <year>', 'năm rà soát (mặc định: năm mới nhất có dữ liệu)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; year?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const year = await yearOf(o.year, json, () => call<HouseholdMeta>(core, json, 'households.meta', {}));
        const view = await call<SummaryView>(core, json, 'households.summary', { year });
        printResult(json, view, () => {
          const line = (label: string, r: { total: number; poor: number; poorPct: number | null; nearPoor: number; nearPoorPct: number | null }) =>
            `${label.padEnd(28)} ${String(r.total).padStart(7)} ${String(r.poor).padStart(7)} ${pct(r.poorPct)} ${String(r.nearPoor).padStart(7)} ${pct(r.nearPoorPct)}`;
          const s = view.summary;
          return [
            `Tổng hợp rà soát hộ nghèo, cận nghèo năm ${year} — ${view.issuer.name}`,
            `${'Đơn vị'.padEnd(28)} ${'Tổng hộ'.padStart(7)} ${'Nghèo'.padStart(7)} ${'Tỷ lệ'.padStart(9)} ${'Cận n.'.padStart(7)} ${'Tỷ lệ'.padStart(9)}`,
            ...s.rows.map((r) => line(r.former ? `${r.label} (${say(translator('vi'), 'app:profile.formerUnit')})` : r.label, r)),
            line('Nông thôn', s.rural),
            line('Thành thị', s.urban),
            // The total's words are the folder's profile's ("Toàn huyện" in 2022, "Toàn xã" from 2025).
            line(sayUnchecked(translator('vi'), s.total.labelKey ?? 'households:summary.row.total'), s.total),
          ].join('\n');
        });
      });
    });

  households
    .command('rebuild-summaries')
    .description('Tính lại bảng tổng hợp lưu kèm dữ liệu (từ toàn bộ hồ sơ hộ)')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<{ records: number }>(core, json, 'households.summaries.rebuild', {});
        printResult(json, r, () => `Đã tính lại bảng tổng hợp từ ${r.records} hồ sơ hộ.`);
      });
    });

  households
    .command('communes')
    .description('Danh mục xã/phường/thị trấn của đơn vị; --load-sample nạp danh mục mẫu')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--load-sample', 'nạp danh mục mẫu đi kèm ứng dụng (nếu có cho đơn vị)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; loadSample?: boolean; json?: boolean }) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        if (o.loadSample) await call(core, json, 'households.communes.importSample', {});
        const meta = await call<HouseholdMeta>(core, json, 'households.meta', {});
        printResult(json, meta.communes, () => meta.communes.map((c) => `${c.code.padEnd(16)} ${c.label}`).join('\n'));
      });
    });
}
