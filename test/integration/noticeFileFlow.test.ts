import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOffice, type Office } from './twoOffices';

/**
 * "Mở tệp văn bản" through the contract: the file travels as bytes (never a path), is read,
 * extracted and, once reviewed, saved with the lead and the partners kept apart.
 */
const FILES = path.resolve(process.cwd(), 'test/fixtures/notices/files');
const upload = (name: string) => ({ file: { name, base64: readFileSync(path.join(FILES, name)).toString('base64') } });
const opened: Office[] = [];
afterAll(async () => {
  for (const o of opened) await o.core.close();
});

describe('opening a notice file in the Sở', () => {
  it('reads the Word plan, keeps lead and partners apart, saves them', async () => {
    const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường');
    opened.push(so);
    const r = await so.call('directives.extractFile', upload('ke-hoach-bang-nhiem-vu.docx'));
    expect(r.source).toEqual({ name: 'ke-hoach-bang-nhiem-vu.docx', format: 'docx', pages: null });
    expect(r.proposal.directive).toMatchObject({ number: '245', symbol: 'KH-SLĐTBXH', date: '2025-03-10', issuerUnit: 'SO' });
    const [launch, visits, report] = r.draft.tasks;
    expect(launch).toMatchObject({ assignees: ['SO-BTXH'], partners: ['SO-VP'], deadline: { kind: 'date', date: '2025-05-30', text: 'trước ngày 31/5/2025' } });
    expect(r.proposal.tasks[0]?.beforeDay).toBe('2025-05-31');
    expect(visits?.assignees).toHaveLength(11);
    expect(visits?.partners).toEqual(['SO-BTXH']);
    expect(report?.partners).toEqual([]);

    const saved = await so.call('directives.save', { directive: r.draft.directive, tasks: r.draft.tasks });
    const back = await so.call('directives.get', { id: saved.directive.id });
    expect(back.tasks.map((t) => t.partners ?? [])).toEqual([['SO-VP'], ['SO-BTXH'], []]);
    expect(back.directive.text).toContain('Thăm, tặng quà trẻ em có hoàn cảnh đặc biệt khó khăn | Phòng LĐTBXH các huyện, thành phố');
  });

  it('reads the text PDF and refuses the scanned one with SCANNED_PDF', async () => {
    const so = opened[0] as Office;
    const pdf = await so.call('directives.extractFile', upload('cong-van-lop-chu.pdf'));
    expect(pdf.source).toMatchObject({ format: 'pdf', pages: 1 });
    expect(pdf.proposal.directive).toMatchObject({ number: '312', date: '2025-10-14', place: 'Lạng Sơn', issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn' });
    expect(pdf.draft.tasks.map((t) => t.assignees)).toEqual([['CAOLOC'], ['CAOLOC']]);
    await expect(so.call('directives.extractFile', upload('cong-van-ban-quet.pdf'))).rejects.toMatchObject({ code: 'SCANNED_PDF' });
    // No path can be given instead of the bytes.
    await expect(so.call('directives.extractFile', { file: { name: 'x.pdf', path: '/etc/passwd' } } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
