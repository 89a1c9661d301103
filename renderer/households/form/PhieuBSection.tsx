import { Alert, Button, Form, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Area, PovertyStandard, ScoreTableView } from '../../../electron/contract/households';
import { scorePhieuB, tablesForYear } from '../../../electron/contract/households';
import { useOpQuery } from '../../api/hooks';
import { formatNumber } from '../../i18n/format';
import { navigate } from '../../ui/router';
import { ClassTag } from '../labels';

export interface PhieuBValues {
  table?: string | null;
  answers?: Record<string, string | undefined>;
}

interface Props {
  year: number;
  standard: PovertyStandard;
  area: Area | undefined;
  deprived: string[] | undefined;
  deprivedCount?: number | undefined;
  value: PhieuBValues | undefined;
  readOnly: boolean;
}

/**
 * Phiếu B, part B1, in the order of the score table (which follows the paper questionnaire):
 * one choice per question, then the live B1 and B2 scores and the class they give by the
 * standard's rule. B2 is the deprivation checklist just below. Without a loaded official table
 * the section says so plainly; a test table is labelled on every score.
 */
export function PhieuBSection({ year, standard, area, deprived, deprivedCount, value, readOnly }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  const all = useOpQuery('households.scoring.tables', {});
  const views = (all.data ?? []).filter((v) => tablesForYear([v.table], year, standard.id).length > 0);
  const chosen: ScoreTableView | undefined = views.find((v) => v.docId === value?.table) ?? (all.data ?? []).find((v) => v.docId === value?.table);
  const official = views.some((v) => !v.table.testOnly);

  let score: ReturnType<typeof scorePhieuB> | undefined;
  if (chosen && area) {
    const answers = Object.fromEntries(Object.entries(value?.answers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    try {
      score = scorePhieuB({ area, answers, deprived: deprived ?? [], deprivedCount }, chosen.table, standard);
    } catch {
      score = undefined;
    }
  }

  return (
    <div className="hh-phieu-b" data-testid="phieu-b">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('scoring.formTitle')}
      </Typography.Title>
      {all.data && !official && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="phieu-b-no-table"
          title={t('scoring.noOfficial')}
          action={
            readOnly ? undefined : (
              <Button size="small" onClick={() => navigate('score-tables')}>
                {t('scoring.openTables')}
              </Button>
            )
          }
        />
      )}
      {views.length > 0 && (
        <Form.Item name={['phieuB', 'table']} label={t('scoring.table')}>
          <Select
            allowClear
            placeholder={t('scoring.noPhieuB')}
            data-testid="phieu-b-table"
            options={views.map((v) => ({ value: v.docId, label: `${v.table.title}${v.table.testOnly ? ` — ${t('scoring.testOnly')}` : ''}` }))}
          />
        </Form.Item>
      )}
      {chosen &&
        chosen.table.questions.map((q) => (
          <Form.Item key={q.code} name={['phieuB', 'answers', q.code]} label={`${q.code}. ${q.text}`}>
            <Select
              allowClear
              data-testid={`b1-${q.code}`}
              options={q.answers.map((a) => ({ value: a.code, label: area ? `${a.text} (${formatNumber(a.score[area])} ${t('scoring.pointsShort')})` : a.text }))}
            />
          </Form.Item>
        ))}
      {chosen && score && (
        <div className="hh-phieu-b-score" aria-live="polite" data-testid="phieu-b-score">
          <span>
            B1: <strong data-testid="b1-score">{formatNumber(score.b1)}</strong> ({t('scoring.threshold', { score: formatNumber(score.threshold) })})
          </span>
          <span>
            B2: <strong data-testid="b2-score">{formatNumber(score.b2)}</strong> ({t('scoring.deprivations', { count: score.deprivations })})
          </span>
          <span data-testid="phieu-b-class">
            {score.class ? <ClassTag value={score.class} /> : t('scoring.unanswered', { count: score.unanswered.length })}
            {chosen.table.testOnly && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('scoring.testOnly')}
              </Tag>
            )}
          </span>
        </div>
      )}
    </div>
  );
}
