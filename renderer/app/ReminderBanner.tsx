import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../electron/contract/inbox';
import { useOpQuery } from '../api/hooks';
import { navigate } from '../ui/router';
import { useSession } from '../ui/session';

/** Asked again every hour: a window left open overnight shows the next morning's reminders. */
const HOURLY = 3_600_000;
/** Lines named in the banner; the rest are counted. */
const NAMED = 3;

const vnToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

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
  if (list.length === 0 || closedOn === vnToday()) return null;
  const returned = list.filter((r) => r.kind === 'returned').length;
  const soon = list.length - returned;
  const open = (r: Reminder): void => {
    if (r.subject === 'task') return navigate('task', r.ref);
    const [formId = '', period = ''] = r.ref.split('/');
    navigate('report', formId, period, session.office.code);
  };
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => setClosedOn(vnToday()), 'aria-label': t('reminders.dismiss') }}
      data-testid="reminder-banner"
      style={{ marginBottom: 16 }}
      title={[returned > 0 ? t('reminders.returned', { count: returned }) : null, soon > 0 ? t('reminders.dueSoon', { count: soon }) : null].filter(Boolean).join(' · ')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {list.slice(0, NAMED).map((r) => (
            <li key={`${r.kind}:${r.ref}`}>
              <strong>{r.kind === 'returned' ? t('inbox.returnedTag') : r.days === 0 ? t('inbox.today') : t('inbox.daysLeft', { count: r.days })}:</strong>{' '}
              <a onClick={() => open(r)} data-testid="reminder-item">
                {r.title}
              </a>
            </li>
          ))}
          {list.length > NAMED && <li>{t('reminders.more', { count: list.length - NAMED })}</li>}
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
