import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../electron/contract/inbox';
import { vnDay } from '../../electron/domain/calendar';
import { reminderWhen, REMINDERS_NAMED, remindersHeading, remindersMore } from '../../electron/domain/inbox/reminderText';
import { useOpQuery } from '../api/hooks';
import { navigate } from '../ui/router';
import { useSession } from '../ui/session';

/** Asked again every hour: a window left open overnight shows the next morning's reminders. */
const HOURLY = 3_600_000;

/**
 * Reminders (issue 13) at the top of every page: work the Sở returned and deadlines within 7
 * days, never done work (the core decides: domain/inbox/reminders.ts). In the desktop app the
 * same list also comes as a notification at start and each morning; in the browser harness this
 * banner is the reminder. Closed, it stays closed for the rest of the day.
 */
export function ReminderBanner(): React.JSX.Element | null {
  const { t } = useTranslation('app');
  const session = useSession();
  const q = useOpQuery('reminders.get', {}, { refetchInterval: HOURLY });
  const [closedOn, setClosedOn] = useState<string | null>(null);
  const list = q.data ?? [];
  if (list.length === 0 || closedOn === vnDay(new Date())) return null;
  const more = remindersMore(t, list);
  const open = (r: Reminder): void => {
    if (r.subject === 'task') return navigate('task', r.ref);
    const [formId = '', period = ''] = r.ref.split('/');
    navigate('report', formId, period, session.office.code);
  };
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => setClosedOn(vnDay(new Date())), 'aria-label': t('reminders.dismiss') }}
      data-testid="reminder-banner"
      style={{ marginBottom: 16 }}
      title={remindersHeading(t, list)}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {list.slice(0, REMINDERS_NAMED).map((r) => (
            <li key={`${r.kind}:${r.ref}`}>
              <strong>{reminderWhen(t, r)}:</strong>{' '}
              <a onClick={() => open(r)} data-testid="reminder-item">
                {r.title}
              </a>
            </li>
          ))}
          {more && <li>{more}</li>}
        </ul>
      }
      action={
        <Button size="small" onClick={() => navigate()} data-testid="reminder-open">
          {t('reminders.open')}
        </Button>
      }
    />
  );
}
