import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readNoticeFile } from '../../../electron/core/directives/readNoticeFile';
import { TCVN3_TO_UNICODE } from '../../../electron/domain/legacyCharts';
import { fromTcvn3, fromVni, repairLegacyText } from '../../../electron/domain/legacyText';

/** Unicode to TCVN3 bytes through the chart, read backwards (what an ABC-font editor saves). */
const REVERSE = new Map(Object.entries(TCVN3_TO_UNICODE).map(([b, u]) => [u, Number(b)]));
function toTcvn3(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize('NFC')].map((ch) => REVERSE.get(ch.codePointAt(0) ?? 0) ?? ch.charCodeAt(0)));
}

const SENTENCE = 'Sở Lao động - Thương binh và Xã hội đề nghị Phòng Lao động - Thương binh và Xã hội huyện Văn Quan báo cáo kết quả rà soát hộ nghèo trước ngày 15 tháng 12 năm 2024.';

describe('legacy Vietnamese text (TCVN3 / ABC, .VnTime)', () => {
  it('converts the chart\'s checked pairs', () => {
    expect(fromTcvn3('B¶o Th¾ng')).toBe('Bảo Thắng');
    expect(fromTcvn3('M\u00ad\u00eang Kh\u00ad\u00acng')).toBe('Mường Khương');
  });

  it('reads a .txt saved in TCVN3 (ABC) as Unicode', async () => {
    const bytes = toTcvn3(`UBND TỈNH LẠNG SƠN\n${SENTENCE}`.replace('UBND TỈNH LẠNG SƠN', 'UBND tØnh l¹ng s¬n'));
    const r = await readNoticeFile(bytes, 'cong-van.txt');
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toContain(SENTENCE);
  });

  it('repairs text pulled from a Word file whose font was .VnTime', async () => {
    const legacy = new TextDecoder('windows-1252').decode(toTcvn3(SENTENCE));
    expect(legacy).toContain('Th\u00ad\u00acng binh');
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t xml:space="preserve">${esc(legacy)}</w:t></w:r></w:p></w:body></w:document>`),
    });
    const r = await readNoticeFile(docx, 'ke-hoach.docx');
    expect(r.encoding).toBe('tcvn3');
    expect(r.text).toBe(SENTENCE);
  });

  it('leaves Unicode and Windows-1258 text alone', async () => {
    expect(repairLegacyText(SENTENCE)).toEqual({ text: SENTENCE, encoding: null });
    // "Hòa" in Windows-1258 (o + combining grave) is still read as such.
    expect((await readNoticeFile(Uint8Array.from([0x48, 0x6f, 0xcc, 0x61]), 'b.txt')).text).toBe('Hòa');
    expect((await readNoticeFile(strToU8('Nhiệt độ 25°C, độ ẩm 80%'), 'c.txt')).encoding).toBeUndefined();
  });
});

/**
 * VNI-Windows text as Windows-1252 shows it, spelled by hand from xvnkb's vni.h (a vowel, then
 * one byte for its marks): "Sôû" = S ơ +hook, "ñoäng" = đ o +circumflex+dot n g.
 */
const VNI_SENTENCE = 'UÛy ban nhaân daân tænh Laïng Sôn ñeà nghò caùc huyeän baùo caùo keát quaû tröôùc ngaøy 15 thaùng 12 naêm 2024.';
const UNICODE_SENTENCE = 'Ủy ban nhân dân tỉnh Lạng Sơn đề nghị các huyện báo cáo kết quả trước ngày 15 tháng 12 năm 2024.';
/** Windows-1252 bytes of Latin-1 text are its code points. */
const latin1Bytes = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('legacy Vietnamese text (VNI-Windows, VNI-Times)', () => {
  it('converts real sentences, upper case included', () => {
    expect(fromVni('Sôû Lao ñoäng - Thöông binh vaø Xaõ hoäi')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(fromVni(VNI_SENTENCE)).toBe(UNICODE_SENTENCE);
    expect(fromVni('UÛY BAN NHAÂN DAÂN TÆNH LAÏNG SÔN')).toBe('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
    expect(fromVni('Ñoàng Nai, ngaøy 05 thaùng 3 naêm 2025; hoä ngheøo, hoä caän ngheøo')).toBe('Đồng Nai, ngày 05 tháng 3 năm 2025; hộ nghèo, hộ cận nghèo');
    expect(fromVni('Tröôøng Cao ñaúng ngheà; Trung taâm Dòch vuï vieäc laøm; ngöôøi coù coâng; thuûy lôïi; huyû')).toBe('Trường Cao đẳng nghề; Trung tâm Dịch vụ việc làm; người có công; thủy lợi; huỷ');
  });

  it('reads a .txt saved in VNI as Unicode and says so', async () => {
    const r = await readNoticeFile(latin1Bytes(`SÔÛ LAO ÑOÄNG - THÖÔNG BINH VAØ XAÕ HOÄI\n${VNI_SENTENCE}`), 'cong-van-vni.txt');
    expect(r.encoding).toBe('vni');
    expect(r.text).toBe(`SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n${UNICODE_SENTENCE}`);
  });

  it('tells VNI from TCVN3: each is read through its own chart', () => {
    expect(repairLegacyText(VNI_SENTENCE)).toEqual({ text: UNICODE_SENTENCE, encoding: 'vni' });
    const tcvn3 = new TextDecoder('windows-1252').decode(toTcvn3(SENTENCE));
    expect(repairLegacyText(tcvn3)).toEqual({ text: SENTENCE, encoding: 'tcvn3' });
  });
});
