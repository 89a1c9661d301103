import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Area, HouseholdClass, HouseholdRecord, PovertyStandard } from '../../../electron/contract/households';
import { classifyHousehold, formatVnd } from '../../../electron/contract/households';
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
}

/** The class the rule gives to what is on the form right now, and why; the same rule as the core. */
export function ClassPreview({ standard, area, income, deprived, deprivedCount, record, previousClass }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  let result: ReturnType<typeof classifyHousehold> | null = null;
  if (standard && area && income !== null && income !== undefined) {
    try {
      result = classifyHousehold({ area, incomePerPerson: income, deprived: deprived ?? [], deprivedCount }, standard);
    } catch {
      result = null;
    }
  }
  const lines = standard && area ? standard.lines[area] : undefined;
  return (
    <Card size="small" title={t('form.liveClass')} className="hh-class-card" data-testid="class-preview">
      {result ? (
        <div aria-live="polite">
          <div className="hh-class-big">
            <ClassTag value={result.class} />
          </div>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="class-reason">
            {reasonText(t, result.reason)}
          </Typography.Paragraph>
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('form.classPending')}</Typography.Paragraph>
      )}
      <Descriptions size="small" column={1}>
        {lines && <Descriptions.Item label={t('form.povertyLine')}>{formatVnd(lines.poverty)}</Descriptions.Item>}
        {lines && <Descriptions.Item label={t('form.mediumLine')}>{formatVnd(lines.medium)}</Descriptions.Item>}
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
