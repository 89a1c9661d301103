import path from 'node:path';
import type { Command } from 'commander';
import type { BundleReport, ExportResult, ImportReport, IdentityView, KeyCardView, SyncStatus } from '../../contract/sync';
import type { FileOut } from '../../contract/tasks';
import { inspectBundle } from '../../core/bundles';
import { APP_VERSION } from '../../core/runtime/version';
import { gatherFiles, groupBundles } from '../../core/sync/readFiles';
import { call, CliFailure, fail, messageVi, printResult, withCore } from '../output';

/**
 * Sync by bundle from the command line: identity, key cards, export, inspect (dry run),
 * import, status. Same core and same refusals as the app; exit 2 with the code on refusal.
 */
type Json = { json?: boolean };
const yn = (b: boolean): string => (b ? 'có' : 'chưa');

function reportLine(b: BundleReport): string {
  const head = `[${b.status}] ${b.fileNames.join(' + ')}`;
  if (!b.sender) return `${head}${b.error ? `\n  ${b.error.code}: ${messageVi(b.error)}` : ''}`;
  const t = b.totals;
  const lines = [
    `${head}`,
    `  từ ${b.sender.officeName} (${b.sender.office}, máy ${b.sender.installation}), gói số ${b.seq}, mã nhận dạng ${b.sender.fingerprint}${b.sender.trust === 'firstContact' ? ' — LẦN ĐẦU: đối chiếu mã này qua điện thoại' : ''}`,
    `  mới ${t.new}, cập nhật ${t.updated}, không đổi ${t.unchanged}, cũ hơn ${t.older}, xung đột ${t.conflict}, bị từ chối ${t.refused}`,
    ...b.kinds.map((k) => `    ${k.kind.padEnd(13)} mới ${k.new}, cập nhật ${k.updated}, không đổi ${k.unchanged}, cũ hơn ${k.older}, xung đột ${k.conflict}, từ chối ${k.refused}`),
    ...b.refused.slice(0, 20).map((r) => `    từ chối ${r.kind} ${r.id} (chủ sở hữu ${r.owner}): ${r.reason}`),
    ...b.warnings.map((w) => `  ! ${messageVi({ code: w.code, messageKey: w.messageKey, params: w.params })}`),
  ];
  if (b.error) lines.push(`  ${b.error.code}: ${messageVi(b.error)}`);
  return lines.join('\n');
}

/** Prints the report; fails (exit 2) when any bundle was refused. */
function finishReport(json: boolean, report: ImportReport): void {
  const refused = report.bundles.find((b) => b.status === 'refused');
  if (json) {
    const bundles = report.bundles.map((b) => ({ ...b, error: b.error ? { ...b.error, message: messageVi(b.error) } : null }));
    process.stdout.write(`${JSON.stringify({ ok: !refused, bundles }, null, 2)}\n`);
    if (refused) throw new CliFailure(2);
    return;
  }
  process.stdout.write(`${report.bundles.map(reportLine).join('\n')}\n`);
  if (refused?.error) {
    process.stderr.write(`${refused.error.code}: ${messageVi(refused.error)}\n`);
    throw new CliFailure(2);
  }
}

function identityText(id: IdentityView): string {
  return [`Đơn vị:        ${id.officeName} (${id.office})`, `Máy:           ${id.installation}`, `Mã nhận dạng:  ${id.fingerprint}`, `Khóa bảo vệ bằng: ${id.protector}`].join('\n');
}

function statusText(s: SyncStatus): string {
  const lines = [identityText(s.identity), '', 'Đơn vị đã kết nối:'];
  if (s.peers.length === 0) lines.push('  (chưa có — trao đổi tệp khóa trước: keys export / keys import)');
  for (const p of s.peers) {
    lines.push(
      `  ${p.officeName} (${p.office}, máy ${p.installation})${p.ownOffice ? ' [máy khác của đơn vị]' : ''}`,
      `    mã nhận dạng ${p.fingerprint}, đã xác nhận qua điện thoại: ${yn(p.confirmedByPhone)}`,
      `    gửi gần nhất: ${p.lastSent ? `gói số ${p.lastSent.seq} lúc ${p.lastSent.at}` : '—'}; đã xác nhận nhận: ${p.lastAcknowledged ? `gói số ${p.lastAcknowledged.seq}` : '—'}; nhận gần nhất: ${p.lastReceived ? `gói số ${p.lastReceived.seq}` : '—'}`,
      `    chờ gửi: ${p.waiting} bản ghi${p.gaps.length ? `; thiếu gói số ${p.gaps.join(', ')} (gói sau đã bù)` : ''}`,
    );
  }
  for (const k of s.pending) lines.push(`  ! Khóa mới chờ đăng ký lại: ${k.officeName} (${k.office}, máy ${k.installation}) ${k.fingerprint}`);
  if (s.openConflicts > 0) lines.push(`  ! ${s.openConflicts} xung đột cần xem trong ứng dụng (Gửi/nhận dữ liệu)`);
  return lines.join('\n');
}

export function registerSyncCommands(program: Command): void {
  program
    .command('identity')
    .description('Mã nhận dạng (khóa) của máy này, để đọc đối chiếu qua điện thoại')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const id = await call<IdentityView>(core, json, 'sync.identity', {});
        printResult(json, id, () => identityText(id));
      });
    });

  program
    .command('export')
    .description('Xuất gói dữ liệu cho một đơn vị (hoặc ALL: Sở gửi mọi đơn vị)')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--to <code>', 'mã đơn vị nhận (SO, VANQUAN, ... hoặc ALL)')
    .requiredOption('--out <dir>', 'thư mục ghi tệp (USB)')
    .option('--max-part-mb <n>', 'chia thành các phần không quá N MB', '10')
    .option('--installation <id>', 'máy nhận, khi đơn vị có nhiều máy')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; to: string; out: string; maxPartMb: string; installation?: string } & Json) => {
      const json = Boolean(o.json);
      const maxPartMb = Number(o.maxPartMb);
      await withCore(o.data, json, async (core) => {
        const r = await call<ExportResult>(core, json, 'sync.export', {
          to: o.to.toUpperCase() === 'ALL' ? 'ALL' : o.to,
          outDir: path.resolve(o.out),
          maxPartMb,
          ...(o.installation ? { installation: o.installation } : {}),
        });
        printResult(json, r, () =>
          [
            ...r.bundles.map((b) => `Gói số ${b.seq} cho ${b.toName}: ${b.total} bản ghi, ${b.attachments.count} tệp đính kèm${b.personalData ? ' (có dữ liệu cá nhân, đã mã hóa)' : ''}\n${b.paths.map((p) => `  ${p}`).join('\n')}`),
            ...r.skipped.map((s) => `Bỏ qua ${s.officeName}: ${s.error.code}: ${messageVi(s.error)}`),
          ].join('\n'),
        );
      });
    });

  program
    .command('inspect')
    .description('Xem trước gói (chạy thử, không ghi gì); có --data thì đối chiếu với dữ liệu')
    .argument('<files...>', 'tệp .soviec (và các phần .partNNofMM)')
    .option('--data <dir>', 'thư mục dữ liệu (để chạy thử nhập)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (files: string[], o: { data?: string } & Json) => {
      const json = Boolean(o.json);
      const paths = files.map((f) => path.resolve(f));
      if (o.data) {
        await withCore(o.data, json, async (core) => finishReport(json, await call<ImportReport>(core, json, 'sync.inspect', { paths })));
        return;
      }
      try {
        const { files: read, unreadable } = await gatherFiles({ paths });
        const out = [...groupBundles(read), ...unreadable].map((c) => {
          if (c.error || !c.bytes) throw c.error;
          const m = inspectBundle(c.bytes, APP_VERSION).manifest;
          return { fileNames: c.fileNames, manifest: m };
        });
        printResult(json, out, () =>
          out
            .map(({ fileNames, manifest: m }) =>
              [
                fileNames.join(' + '),
                `  từ ${m.sender.office} (máy ${m.sender.installation}) gửi ${m.recipient}, gói số ${m.seq}, lập ${m.createdAt}`,
                `  mã nhận dạng người gửi: ${m.sender.keyFingerprint} (chữ ký khớp khóa ghi trong tệp; khóa có đúng của người gửi hay không được kiểm khi nhập)`,
                `  ${Object.entries(m.counts).map(([k, n]) => `${k}: ${n}`).join(', ') || 'không có bản ghi'}; tệp đính kèm: ${m.attachments.count}`,
              ].join('\n'),
            )
            .join('\n'),
        );
      } catch (e) {
        fail(json, e);
      }
    });

  program
    .command('import')
    .description('Nhập gói dữ liệu: kiểm tra toàn bộ trước, rồi ghi tất cả hoặc không ghi gì')
    .argument('<files...>', 'tệp .soviec (và các phần .partNNofMM)')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--trust-new-sender', 'chấp nhận khóa của người gửi lần đầu (sau khi đã đối chiếu mã qua điện thoại)')
    .option('--fingerprint <digits>', 'mã nhận dạng đã đối chiếu (với --trust-new-sender)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (files: string[], o: { data: string; trustNewSender?: boolean; fingerprint?: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const report = await call<ImportReport>(core, json, 'sync.import', {
          paths: files.map((f) => path.resolve(f)),
          allowFirstContact: Boolean(o.trustNewSender),
          ...(o.fingerprint ? { expectFingerprint: o.fingerprint } : {}),
        });
        finishReport(json, report);
      });
    });

  program
    .command('status')
    .description('Tình trạng gửi/nhận với từng đơn vị')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const s = await call<SyncStatus>(core, json, 'sync.status', {});
        printResult(json, s, () => statusText(s));
      });
    });

  const keys = program.command('keys').description('Tệp khóa (.soviec-key): trao đổi khóa trước khi gửi dữ liệu');
  keys
    .command('export')
    .description('Ghi tệp khóa của máy này')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .requiredOption('--out <dir>', 'thư mục ghi tệp')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (o: { data: string; out: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const r = await call<{ file: FileOut; path: string | null }>(core, json, 'sync.keyCard.export', { outDir: path.resolve(o.out) });
        const id = await call<IdentityView>(core, json, 'sync.identity', {});
        printResult(json, { path: r.path, fingerprint: id.fingerprint }, () => `${r.path ?? ''}\nMã nhận dạng: ${id.fingerprint}`);
      });
    });
  keys
    .command('import')
    .description('Nhập tệp khóa của đơn vị khác (đối chiếu mã nhận dạng qua điện thoại)')
    .argument('<file>', 'tệp .soviec-key')
    .requiredOption('--data <dir>', 'thư mục dữ liệu')
    .option('--confirmed', 'đã đọc đối chiếu mã nhận dạng qua điện thoại')
    .option('--reenrol <mode>', 'khi đơn vị đã có khóa khác: replace (thay khóa cũ) | add (thêm máy của đơn vị)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, o: { data: string; confirmed?: boolean; reenrol?: string } & Json) => {
      const json = Boolean(o.json);
      await withCore(o.data, json, async (core) => {
        const p = path.resolve(file);
        const card = await call<KeyCardView>(core, json, 'sync.keyCard.inspect', { path: p });
        const r = await call<{ state: string }>(core, json, 'sync.keyCard.import', {
          path: p,
          expectFingerprint: card.fingerprint,
          confirmedByPhone: Boolean(o.confirmed),
          ...(o.reenrol ? { reenrol: o.reenrol } : {}),
        });
        printResult(json, { ...card, result: r.state }, () => `${card.officeName} (${card.office}, máy ${card.installation}): ${r.state}\nMã nhận dạng: ${card.fingerprint}${o.confirmed ? '' : '\nHãy gọi điện đối chiếu mã này, rồi đánh dấu "đã xác nhận qua điện thoại" (chạy lại với --confirmed).'}`);
      });
    });
}
