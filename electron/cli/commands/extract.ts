import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { extractNotice } from '../../domain/directives/extract';
import { FRESH_FOLDER_PROFILE } from '../../domain/profiles/defaultProfile';
import { loadProfile } from '../../core/runtime/profile';
import { folderIsSetUp } from '../../core/runtime/settings';
import { readNoticeFile } from '../../core/directives/readNoticeFile';
import { AppError } from '../../domain/errors';
import { fail, messageVi, printResult } from '../output';

/** `extract FILE.docx|pdf|txt [--json] [--data DIR]`: the proposal a notice file gives, nothing saved. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Đọc một thông báo/kế hoạch và đề xuất văn bản, lĩnh vực, nhiệm vụ, thời hạn, đơn vị thực hiện (không lưu gì)')
    .argument('<file>', 'tệp văn bản: Word (.docx), PDF có lớp chữ, hoặc .txt (UTF-8/UTF-16/Windows-1258)')
    .option('--data <dir>', 'dùng cây tổ chức của thư mục dữ liệu này')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, o: { data?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        fail(json, new AppError('FILE_UNREADABLE', 'common:errors.FILE_UNREADABLE', { file }));
      }
      let text: string;
      try {
        text = (await readNoticeFile(bytes, path.basename(file))).text;
      } catch (e) {
        fail(json, e);
      }
      const profile = o.data ? await loadProfile(o.data, folderIsSetUp(o.data)) : FRESH_FOLDER_PROFILE;
      const p = extractNotice(text, profile);
      const out = {
        directive: p.directive,
        tasks: p.tasks.map((t) => ({
          field: t.field,
          assignees: t.assignees,
          deadline: t.deadline.kind === 'date' ? t.deadline.date : t.deadline.kind === 'none' ? null : t.deadline.kind === 'recurring' ? t.deadline : 'ongoing',
          lead: t.lead,
          requiredContents: t.requiredContents,
          text: t.content,
        })),
        warnings: p.warnings.map((w) => ({ ...w, message: messageVi({ code: w.code, messageKey: w.messageKey, params: w.params }) })),
      };
      printResult(json, out, () =>
        [
          `Văn bản: ${p.directive.type ?? '?'} số ${p.directive.number ?? '(trống)'}/${p.directive.symbol ?? '?'} ngày ${p.directive.date ?? '?'}`,
          `Trích yếu: ${p.directive.title ?? '(chưa xác định)'}`,
          `Người ký: ${p.directive.signerTitle ?? ''} ${p.directive.signer ?? ''}`.trim(),
          '',
          ...out.tasks.map((t, i) => `${i + 1}. [${t.field ?? '?'}] hạn ${t.deadline ?? 'không'} — ${t.assignees.join(', ') || '(chưa rõ đơn vị)'}\n   ${t.text}`),
          '',
          ...out.warnings.map((w) => `! ${w.message}`),
        ].join('\n'),
      );
    });
}
