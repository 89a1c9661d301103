import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Area, HouseholdClass, HouseholdRecord, LoadedTables, PovertyStandard, RecordClass } from '../../../electron/contract/households';
import { classifyWithBasis, decidingTable } from '../../../electron/contract/households';
import { formatMoney } from '../../i18n/format';
import { ChangeTag, ClassTag, changeText, classLabel, reasonText } from '../labels';

interface Props {
  standard: PovertyStandard | undefined;
  area: Area | undefined;
  income: number | null | undefined;
  deprived: string[] | undefined;
  /** Count-only deprivations of an imported record (no per-indicator marks). */
  deprivedCount?: number | undefined;
  record: HouseholdRecord | null;
  previousClass: HouseholdClass | null;
  year: number;
  /** The Phiếu B on the form (table document id and answers), if one is being filled. */
  phieuB: { table: string; answers: Record<string, string> } | undefined;
  /** Score tables loaded here: an official one named by the Phiếu B decides the class. */
  tables: LoadedTables;
}

/**
 * The class the rule gives to what is on the form right now, what decided it ("Theo điểm
 * Phiếu B" / "Theo thu nhập") and why; the same rule as the core (classOf.ts classifyWithBasis).
 */
export function ClassPreview({ standard, area, income, deprived, deprivedCount, record, previousClass, year, phieuB, tables }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  let result: RecordClass | null = null;
  if (standard && area && income !== null && income !== undefined) {
    try {
      const input = { area, incomePerPerson: income, deprived: deprived ?? [], deprivedCount, standardId: standard.id, reviewYear: year, phieuB };
      result = classifyWithBasis(input, tables, [standard]);
    } catch {
      result = null;
    }
  }
  // An official table chosen but questions left: income decides until every one is answered.
  const incomplete = result?.basis === 'income' && phieuB !== undefined && decidingTable({ reviewYear: year, standardId: standard?.id, phieuB }, tables) !== undefined;
  const lines = standard && area ? standard.lines[area] : undefined;
  return (
    <Card size="small" title={t('form.liveClass')} className="hh-class-card" data-testid="class-preview">
      {result ? (
        <div aria-live="polite">
          <div className="hh-class-big">
            <ClassTag value={result.class} />
          </div>
          <Typography.Paragraph strong style={{ marginBottom: 4 }} data-testid="class-basis">
            {t(`basis.${result.basis}`)}
          </Typography.Paragraph>
          {result.basis === 'phieuB' && result.phieuB && (
            <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="class-reason-phieu-b">
              {t('reason.phieuB', { b1: result.phieuB.b1, threshold: result.phieuB.threshold, b2: result.phieuB.b2, deprivations: result.phieuB.deprivations })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type={result.basis === 'phieuB' ? 'secondary' : undefined} style={{ marginBottom: 8 }} data-testid="class-reason">
            {result.basis === 'phieuB' ? `${t('basis.income')}: ${classLabel(t, result.income.class)} — ` : ''}
            {reasonText(t, result.income.reason)}
          </Typography.Paragraph>
          {incomplete && (
            <Typography.Paragraph type="warning" style={{ marginBottom: 8 }} data-testid="class-basis-incomplete">
              {t('basis.phieuBIncomplete')}
            </Typography.Paragraph>
          )}
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('form.classPending')}</Typography.Paragraph>
      )}
      <Descriptions size="small" column={1}>
        {lines && <Descriptions.Item label={t('form.povertyLine')}>{formatMoney(lines.poverty)}</Descriptions.Item>}
        {lines && <Descriptions.Item label={t('form.mediumLine')}>{formatMoney(lines.medium)}</Descriptions.Item>}
        <Descriptions.Item label={t('form.deprivedCount')}>{Math.max((deprived ?? []).length, deprivedCount ?? 0)}</Descriptions.Item>
        {previousClass && <Descriptions.Item label={t('form.previousYear')}>{classLabel(t, previousClass)}</Descriptions.Item>}
        {record && (
          <Descriptions.Item label={t('form.change')}>
            {changeText(t, record.change) ? <ChangeTag value={record.change} /> : t('change.poor.unchanged')}
          </Descriptions.Item>
        )}
        {standard && <Descriptions.Item label={t('form.standard')}>{standard.title}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
