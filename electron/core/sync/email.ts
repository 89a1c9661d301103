import type { EmailDraft } from '../../contract/sync';
import { vnDay } from '../../domain/calendar';

/**
 * "Gửi qua email": a subject and body in Vietnamese naming sender, recipient, bundle number
 * and date. mailto: cannot attach files, so the app also opens the folder with the files
 * for the officer to attach; the body tells the recipient how to import them.
 */
export interface EmailBundle {
  toName: string;
  seq: number;
  total: number;
  fileNames: string[];
}

export function ddmmyyyy(d: Date): string {
  const [y, m, day] = vnDay(d).split('-');
  return `${day}/${m}/${y}`;
}

export function emailDraft(senderName: string, bundles: readonly EmailBundle[], now: Date): Omit<EmailDraft, 'opened'> {
  const date = ddmmyyyy(now);
  const one = bundles.length === 1 ? bundles[0] : undefined;
  const subject = one
    ? `Sổ Việc: gói dữ liệu số ${one.seq} từ ${senderName} gửi ${one.toName} (${date})`
    : `Sổ Việc: ${bundles.length} gói dữ liệu từ ${senderName} (${date})`;
  const lines: string[] = [];
  lines.push(one ? `Kính gửi: ${one.toName},` : 'Kính gửi: các đơn vị nhận,', '');
  for (const b of bundles) {
    lines.push(`${senderName} gửi ${b.toName} gói dữ liệu Sổ Việc số ${b.seq}, lập ngày ${date}, gồm ${b.total} bản ghi.`);
    lines.push(`Tệp đính kèm (${b.fileNames.length} tệp):`);
    for (const f of b.fileNames) lines.push(`  - ${f}`);
    lines.push('');
  }
  lines.push('Gói đã được ký số và mã hóa: chỉ Sổ Việc của đơn vị nhận mở được.');
  lines.push('Cách nhập: mở Sổ Việc, chọn "Gửi/nhận dữ liệu", phần "Nhận dữ liệu", chọn tất cả các tệp trên rồi bấm "Nhập dữ liệu".');
  lines.push('Nếu gói được chia nhiều phần (.part01of03…), cần chọn đủ các phần.');
  lines.push('', 'Trân trọng.');
  const body = lines.join('\n');
  const mailto = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
  return { subject, body, mailto };
}
