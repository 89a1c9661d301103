import type { TFunction } from 'i18next';
import { say } from '../i18n/keys';
import type { Reminder } from './reminders';

/**
 * The words of the reminders, the same in the desktop notification (core/inbox/reminders.ts)
 * and in the browser's banner (renderer/app/ReminderBanner.tsx).
 */

/** Lines named in a notification or the banner; the rest are counted ("và 4 việc khác"). */
export const REMINDERS_NAMED = 3;

/** "2 việc bị trả lại · 3 việc sắp đến hạn". */
export function remindersHeading(t: TFunction, list: readonly Reminder[]): string {
  const returned = list.filter((r) => r.kind === 'returned').length;
  const soon = list.length - returned;
  return [returned > 0 ? say(t, 'app:reminders.returned', { count: returned }) : null, soon > 0 ? say(t, 'app:reminders.dueSoon', { count: soon }) : null]
    .filter(Boolean)
    .join(' · ');
}

/** What stands before a reminder's title: returned, today, or the days left. */
export function reminderWhen(t: TFunction, r: Reminder): string {
  if (r.kind === 'returned') return say(t, 'app:inbox.returnedTag');
  return r.days === 0 ? say(t, 'app:inbox.today') : say(t, 'app:inbox.daysLeft', { count: r.days });
}

/** "và 4 việc khác" under the named lines; null when every line is named. */
export function remindersMore(t: TFunction, list: readonly Reminder[]): string | null {
  return list.length > REMINDERS_NAMED ? say(t, 'app:reminders.more', { count: list.length - REMINDERS_NAMED }) : null;
}
