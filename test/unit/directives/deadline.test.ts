import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../electron/domain/directives/extract/deadline';

const REF = { referenceDate: '2022-07-22' };

describe('parseDeadline: dated deadlines', () => {
  it.each([
    ['Thời gian 30/7/2022 thực hiện xong.', '2022-07-30', 'Thời gian 30/7/2022 thực hiện xong'],
    ['Thời gian 30/07/2022 thực hiện xong.', '2022-07-30', 'Thời gian 30/07/2022 thực hiện xong'],
    ['hoàn thành chậm nhất ngày 30-7-2022', '2022-07-30', 'chậm nhất ngày 30-7-2022'],
    ['hoàn thành chậm nhất ngày 30.7.2022', '2022-07-30', 'chậm nhất ngày 30.7.2022'],
    ['báo cáo xong ngày 30 tháng 7 năm 2022', '2022-07-30', 'xong ngày 30 tháng 7 năm 2022'],
    ['thời hạn: 05/8/2022', '2022-08-05', 'thời hạn: 05/8/2022'],
    ['hạn chót là ngày 5/8/2022', '2022-08-05', 'hạn chót là ngày 5/8/2022'],
    ['Thời gian thực hiện: từ ngày 01/9/2022 đến ngày 30/11/2022.', '2022-11-30', 'đến ngày 30/11/2022'],
    // "trước ngày X" is strict: due the day before X.
    ['gửi báo cáo về Sở trước ngày 15/8/2022', '2022-08-14', 'trước ngày 15/8/2022'],
    ['hoàn thành trước 31/12/2022', '2022-12-30', 'hoàn thành trước 31/12/2022'],
    ['xong trước ngày 01/3/2024', '2024-02-29', 'xong trước ngày 01/3/2024'],
    ['nộp trước ngày 1 tháng 1 năm 2023', '2022-12-31', 'nộp trước ngày 1 tháng 1 năm 2023'],
    ['hoàn thành trước tháng 9/2022', '2022-08-31', 'hoàn thành trước tháng 9/2022'],
    // Periods: the last day.
    ['Tổ chức khai giảng trong tháng 9/2022.', '2022-09-30', 'trong tháng 9/2022'],
    ['hoàn thành trong tháng 2 năm 2024', '2024-02-29', 'hoàn thành trong tháng 2 năm 2024'],
    ['hoàn thành trong quý III/2022', '2022-09-30', 'hoàn thành trong quý III/2022'],
    ['công nhận danh sách trong quý IV/2022', '2022-12-31', 'trong quý IV/2022'],
    ['trong quý 1 năm 2023', '2023-03-31', 'trong quý 1 năm 2023'],
    ['hoàn thành trong năm 2022', '2022-12-31', 'hoàn thành trong năm 2022'],
    ['đến hết tháng 10/2022', '2022-10-31', 'đến hết tháng 10/2022'],
  ])('%s -> %s', (text, date, quoted) => {
    const r = parseDeadline(text, REF);
    expect(r.deadline).toEqual({ kind: 'date', date, text: quoted });
    expect(r.issues).toEqual([]);
  });
});

describe('parseDeadline: not a deadline', () => {
  it.each([
    ['ongoing: thường xuyên', 'Thường xuyên cập nhật biến động hộ nghèo.', { kind: 'ongoing', text: 'Thường xuyên' }],
    ['ongoing: tiếp tục', 'Tiếp tục thực hiện tốt các chính sách.', { kind: 'ongoing', text: 'Tiếp tục' }],
    ['ongoing: hằng quý', 'Báo cáo kết quả hằng quý về Sở.', { kind: 'ongoing', text: 'hằng quý' }],
    ['ongoing: định kỳ', 'Tổ chức phiên giao dịch định kỳ vào ngày 15 hằng tháng.', { kind: 'ongoing', text: 'định kỳ' }],
    ['a cited document date', 'theo Kế hoạch số 101/KH-UBND ngày 28/4/2022 của UBND tỉnh.', { kind: 'none' }],
    ['a cited law', 'Nghị quyết số 02/2022/NQ-HĐND ngày 25/3/2022 quy định mức hỗ trợ.', { kind: 'none' }],
    ['a year that names a plan', 'Thẩm định kế hoạch năm 2022, hoàn thành kế hoạch năm 2022.', { kind: 'none' }],
    ['a count like 13/14', 'đã thực hiện xong 13/14 hoạt động.', { kind: 'none' }],
    ['no date at all', 'Tăng cường công tác cai nghiện ma túy.', { kind: 'none' }],
    ['the name of the reporting regime', 'Nghiên cứu các quy định về chế độ báo cáo định kỳ của UBND tỉnh.', { kind: 'none' }],
    ['"thời gian thực hiện" as a word', 'nêu rõ thời gian thực hiện, cơ quan chủ trì.', { kind: 'none' }],
  ])('%s', (_name, text, deadline) => {
    expect(parseDeadline(text, REF).deadline).toEqual(deadline);
  });

  it('a dated deadline wins over "tiếp tục"', () => {
    expect(parseDeadline('Tiếp tục rà soát, hoàn thành trong quý III/2022.', REF).deadline).toEqual({
      kind: 'date',
      date: '2022-09-30',
      text: 'hoàn thành trong quý III/2022',
    });
  });
});

describe('parseDeadline: cannot decide, says so', () => {
  it.each([
    ['31/2 does not exist', 'hoàn thành trước ngày 31/2/2022', 'deadlineInvalidDate'],
    ['30/2 in words', 'chậm nhất ngày 30 tháng 2 năm 2023', 'deadlineInvalidDate'],
    ['month 13', 'trong tháng 13/2022', 'deadlineInvalidDate'],
    ['two different deadlines', 'Báo cáo trước ngày 15/8/2022; tổng kết trong tháng 9/2022.', 'deadlineAmbiguous'],
    ['a date without a deadline word', 'Tổ chức Hội nghị vào ngày 20/8/2022.', 'deadlineUnclear'],
  ])('%s', (_name, text, code) => {
    const r = parseDeadline(text, REF);
    expect(r.deadline).toEqual({ kind: 'none' });
    expect(r.issues.map((i) => i.code)).toContain(code);
  });

  it('lists both candidates of an ambiguous deadline', () => {
    const r = parseDeadline('Báo cáo trước ngày 15/8/2022; tổng kết trong tháng 9/2022.', REF);
    expect(r.issues[0]?.params.candidates).toBe('trước ngày 15/8/2022 | trong tháng 9/2022');
  });

  it('the same day said twice is not ambiguous', () => {
    const r = parseDeadline('chậm nhất ngày 30/9/2022 (hạn chót 30/9/2022)', REF);
    expect(r.deadline).toMatchObject({ kind: 'date', date: '2022-09-30' });
  });

  it('keeps a tentative date but warns', () => {
    const r = parseDeadline('thời gian tổ chức dự kiến ngày 24/9/2022', REF);
    expect(r.deadline).toMatchObject({ kind: 'date', date: '2022-09-24' });
    expect(r.issues.map((i) => i.code)).toEqual(['deadlineTentative']);
  });
});

describe('parseDeadline: dates without a year', () => {
  it('takes the year of the notice and says so', () => {
    const r = parseDeadline('báo cáo trước ngày 15/8', REF);
    expect(r.deadline).toEqual({ kind: 'date', date: '2022-08-14', text: 'trước ngày 15/8' });
    expect(r.issues).toEqual([{ code: 'deadlineYearAssumed', params: { text: 'trước ngày 15/8', year: 2022 } }]);
  });

  it('rolls into next year when the day would fall before the notice', () => {
    const r = parseDeadline('hoàn thành trước ngày 15/01', { referenceDate: '2022-12-20' });
    expect(r.deadline).toMatchObject({ kind: 'date', date: '2023-01-14' });
  });

  it('a month or quarter without a year', () => {
    expect(parseDeadline('trong tháng 9', REF).deadline).toMatchObject({ date: '2022-09-30' });
    expect(parseDeadline('trong quý IV', REF).deadline).toMatchObject({ date: '2022-12-31' });
  });

  it('uses defaultYear when the notice has no date', () => {
    expect(parseDeadline('chậm nhất ngày 30/7', { defaultYear: 2025 }).deadline).toMatchObject({ date: '2025-07-30' });
  });

  it('with no year anywhere it leaves the deadline empty', () => {
    const r = parseDeadline('chậm nhất ngày 30/7');
    expect(r.deadline).toEqual({ kind: 'none' });
    expect(r.issues.map((i) => i.code)).toEqual(['deadlineYearMissing']);
  });
});
