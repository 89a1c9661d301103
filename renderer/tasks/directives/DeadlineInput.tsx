import { DatePicker, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../electron/contract/tasks';
import { deadlineLabel } from '../labels';

/** Deadline: a date, "thường xuyên" (ongoing), a recurrence read from the notice, or none; keeps the notice's own words. */
export function DeadlineInput({ value, onChange, openOn = null }: { value: Deadline; onChange: (d: Deadline) => void; openOn?: string | null }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const words = value.kind !== 'none' ? value.text : undefined;
  const setKind = (kind: Deadline['kind']): void => {
    if (kind === 'date') onChange({ kind: 'date', date: value.kind === 'date' ? value.date : '', ...(words ? { text: words } : {}) });
    else if (kind === 'ongoing') onChange({ kind: 'ongoing', ...(words ? { text: words } : {}) });
    else if (kind === 'recurring') return; // offered only when the notice set one: kept as read
    else onChange({ kind: 'none' });
  };
  return (
    <div>
      <Space wrap>
        <Radio.Group value={value.kind} onChange={(e) => setKind(e.target.value as Deadline['kind'])} data-testid="task-deadline-kind">
          <Radio value="date">{t('deadline.date')}</Radio>
          <Radio value="ongoing">{t('deadline.ongoing')}</Radio>
          <Radio value="none">{t('deadline.none')}</Radio>
          {value.kind === 'recurring' && <Radio value="recurring">{deadlineLabel(t, value)}</Radio>}
        </Radio.Group>
        {value.kind === 'date' && (
          <DatePicker
            format="DD/MM/YYYY"
            value={value.date ? dayjs(value.date) : null}
            // Empty, it opens on the directive's month, not today's: deadlines of a 2022 notice are in 2022.
            {...(openOn ? { defaultPickerValue: dayjs(openOn) } : {})}
            onChange={(d) => onChange({ kind: 'date', date: d ? d.format('YYYY-MM-DD') : '', ...(words ? { text: words } : {}) })}
            status={value.date ? undefined : 'error'}
            placeholder={t('deadline.pickDate')}
            data-testid="task-deadline-date"
          />
        )}
      </Space>
      {words && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
          {t('deadline.words', { text: words })}
        </Typography.Text>
      )}
    </div>
  );
}
