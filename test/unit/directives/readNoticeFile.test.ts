import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readNoticeFile } from '../../../electron/core/directives/readNoticeFile';
import { extractNotice } from '../../../electron/domain/directives/extract';
import { P } from './helpers';

/** A minimal .docx: WordprocessingML paragraphs and one table (synthetic, made for this test). */
function docx(body: string): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}</w:body></w:document>`),
  });
}
const p = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const row = (cells: string[]): string => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;

/** A PDF with a text layer in Helvetica (ASCII only: a Type1 font carries no Vietnamese). */
function pdf(pages: Array<Array<[number, number, string]>>, withImageOnly = false): Uint8Array {
  const objs: string[] = [];
  const kids: number[] = [];
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let n = 4;
  for (const items of pages) {
    const stream = withImageOnly
      ? 'q 100 0 0 100 50 600 cm 0.5 g 0 0 1 1 re f Q'
      : items.map(([x, y, s]) => `BT /F1 11 Tf ${x} ${y} Td (${s}) Tj ET`).join('\n');
    objs[n] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objs[n + 1] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n} 0 R >>`;
    kids.push(n + 1);
    n += 2;
  }
  objs[2] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objs.length; i++) {
    offsets[i] = body.length;
    body += `${i} 0 obj\n${objs[i] ?? 'null'}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objs.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objs.length; i++) body += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(body);
}

describe('opening a notice file', () => {
  it('reads a .docx with numbered items and a task table as pipe-separated rows', async () => {
    const bytes = docx(
      [
        p('UBND TỈNH LẠNG SƠN'),
        p('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'),
        p('Số: 15/KH-SLĐTBXH'),
        p('Lạng Sơn, ngày 02 tháng 3 năm 2024'),
        p('KẾ HOẠCH'),
        p('Rà soát hộ nghèo năm 2024'),
        `<w:tbl>${row(['Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'])}${row(['Tổng hợp kết quả rà soát', 'Phòng Bảo trợ xã hội', 'Phòng LĐTBXH các huyện', 'trước ngày 15/12/2024'])}</w:tbl>`,
      ].join(''),
    );
    const r = await readNoticeFile(bytes, 'ke-hoach.docx');
    expect(r.format).toBe('docx');
    expect(r.text).toContain('Tổng hợp kết quả rà soát | Phòng Bảo trợ xã hội | Phòng LĐTBXH các huyện | trước ngày 15/12/2024');
    const proposal = extractNotice(r.text, P);
    expect(proposal.directive.number).toBe('15');
    expect(proposal.directive.date).toBe('2024-03-02');
  });

  it('reads a PDF text layer and keeps the two header columns apart', async () => {
    const r = await readNoticeFile(pdf([[[60, 800, 'UBND TINH LANG SON'], [330, 800, 'CONG HOA XA HOI CHU NGHIA VIET NAM'], [60, 760, 'Giao Phong Bao tro xa hoi bao cao truoc ngay 15/12/2024.']]]), 'a.pdf');
    expect(r.format).toBe('pdf');
    expect(r.text.split('\n')[0]).toBe('UBND TINH LANG SON\tCONG HOA XA HOI CHU NGHIA VIET NAM');
  });

  it('says clearly that a scanned PDF has no text', async () => {
    await expect(readNoticeFile(pdf([[]], true), 'scan.pdf')).rejects.toMatchObject({ code: 'SCANNED_PDF' });
  });

  it('reads a 200-page PDF without trouble', async () => {
    const pages = Array.from({ length: 200 }, (_, i) => [[60, 800, `Trang ${i + 1}: Giao Phong Bao tro xa hoi thuc hien.`] as [number, number, string]]);
    const r = await readNoticeFile(pdf(pages), 'long.pdf');
    expect(r.pages).toBe(200);
    expect(r.text).toContain('Trang 200');
  }, 30_000);

  it('refuses a truncated docx, a zip bomb and a binary with a .txt name', async () => {
    const good = docx(p('Kế hoạch'));
    await expect(readNoticeFile(good.subarray(0, 60), 'cut.docx')).rejects.toMatchObject({ code: 'NOTICE_FILE_DAMAGED' });
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(48 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(readNoticeFile(bomb, 'bomb.docx')).rejects.toMatchObject({ code: 'NOTICE_FILE_TOO_LARGE' });
    await expect(readNoticeFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), 'anh.txt')).rejects.toMatchObject({ code: 'NOTICE_FILE_UNSUPPORTED' });
    await expect(readNoticeFile(new Uint8Array(21 * 1024 * 1024), 'big.txt')).rejects.toMatchObject({ code: 'NOTICE_FILE_TOO_LARGE' });
  });

  it('decodes UTF-16 and Windows-1258 text to NFC Unicode', async () => {
    const text = 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect((await readNoticeFile(le, 'a.txt')).text).toBe(text);
    // "Hòa" in Windows-1258: H, o + combining grave (0xCC), a.
    expect((await readNoticeFile(Uint8Array.from([0x48, 0x6f, 0xcc, 0x61]), 'b.txt')).text).toBe('Hòa');
  });
});

describe('the matrix pdf.js needs where Node has none', () => {
  it('multiplies and inverts an affine matrix as the DOM does', async () => {
    const { AffineMatrix } = await import('../../../electron/core/directives/domMatrix');
    const m = new AffineMatrix([2, 0, 0, 3, 10, 20]);
    const p = m.multiply(m.inverse());
    expect([p.a, p.b, p.c, p.d, p.e, p.f].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(new AffineMatrix().translate(5, 7).scale(2)).toMatchObject({ a: 2, d: 2, e: 5, f: 7 });
  });
});
