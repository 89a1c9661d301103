import { describe, expect, it } from 'vitest';
import { SIX_MONTH_FORM, YEARLY_FORM } from '../../../electron/domain/reports/defaultForms';
import { assertFormPeriod, periodsToShow, periodsUpTo, titleWithPeriod } from '../../../electron/domain/reports/periodsOfForm';
import { periodLabelVi } from '../../../electron/domain/reports/periods';

describe('kỳ báo cáo của một mẫu', () => {
  it('accepts only the periods the form is used for', () => {
    expect(() => assertFormPeriod(SIX_MONTH_FORM, '2022-H1')).not.toThrow();
    expect(() => assertFormPeriod(SIX_MONTH_FORM, '2022-H2')).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_NOT_OF_FORM' }));
    expect(() => assertFormPeriod(SIX_MONTH_FORM, '2022')).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_NOT_OF_FORM' }));
    expect(() => assertFormPeriod(YEARLY_FORM, '2022')).not.toThrow();
    expect(() => assertFormPeriod(YEARLY_FORM, 'năm 2022')).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
  });

  it("shows this year's periods that have begun, last year's still recently due, and those with a report, newest first", () => {
    expect(periodsToShow(SIX_MONTH_FORM, '2022-03-10')).toEqual(['2022-H1']);
    expect(periodsToShow(YEARLY_FORM, '2022-03-10')).toEqual(['2022', '2021']);
    expect(periodsToShow(YEARLY_FORM, '2022-03-16')).toEqual(['2022']);
    expect(periodsToShow(SIX_MONTH_FORM, '2022-03-10', ['2019-H1', '2022-H1', '2020'])).toEqual(['2022-H1', '2019-H1']);
    expect(periodsToShow(SIX_MONTH_FORM, '2022-03-10', [], 365)).toEqual(['2022-H1', '2021-H1']);
  });

  it('keeps the last periods up to one, in order', () => {
    expect(periodsUpTo(['2021-H1', '2023-H1', '2020-H1', '2021-H1'], '2022-H1', 2)).toEqual(['2021-H1', '2022-H1']);
    expect(periodsUpTo([], '2022', 8)).toEqual(['2022']);
  });

  it('joins a title and a period without saying the period twice', () => {
    expect(titleWithPeriod(SIX_MONTH_FORM.title, periodLabelVi('2022-H1'))).toBe(
      'Báo cáo kết quả công tác lao động, người có công và xã hội 6 tháng đầu năm 2022',
    );
    expect(titleWithPeriod(YEARLY_FORM.title, periodLabelVi('2022'))).toBe('Báo cáo kết quả công tác lao động, người có công và xã hội năm 2022');
    expect(titleWithPeriod('Báo cáo công tác trẻ em', periodLabelVi('2022-Q3'))).toBe('Báo cáo công tác trẻ em quý III/2022');
  });
});
