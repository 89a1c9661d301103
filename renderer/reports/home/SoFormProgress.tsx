import { List, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../electron/contract/reports';
import { useOpQuery } from '../../api/hooks';
import { navigate } from '../../ui/router';
import { showNumber } from '../numbers';

/** One form's reporting rate this year, with how many offices to chase. */
export function SoFormProgress({ form, year }: { form: FormSummary; year: number }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const q = useOpQuery('reports.completeness', { formId: form.formId, year });
  const tot = q.data?.result.totals;
  return (
    <List.Item onClick={() => navigate('reports', 'completeness')} style={{ cursor: 'pointer' }}>
      <span style={{ flex: 1, paddingRight: 12 }}>{form.title}</span>
      {tot && tot.expected === 0 && <Typography.Text type="secondary">{t('home.notDue')}</Typography.Text>}
      {tot && tot.expected > 0 && (
        <>
          <Typography.Text style={{ marginRight: 12 }}>{t('home.received', { received: tot.received, expected: tot.expected })}</Typography.Text>
          <Progress
            percent={tot.completenessPct ?? 0}
            format={(p) => `${showNumber(p ?? 0, 1)}%`}
            size="small"
            style={{ width: 140, margin: '0 12px 0 0' }}
          />
          <Typography.Text type={q.data?.result.chase.length ? 'danger' : 'secondary'}>
            {t('home.toChase', { count: q.data?.result.chase.length ?? 0 })}
          </Typography.Text>
        </>
      )}
    </List.Item>
  );
}
