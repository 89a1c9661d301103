import { remindersOf, type Reminder } from '../../domain/inbox/reminders';
import { reminderWhen, REMINDERS_NAMED, remindersHeading, remindersMore } from '../../domain/inbox/reminderText';
import { translator } from '../../domain/translate';
import type { CoreContext } from '../runtime/context';
import { reportFacts, taskFacts } from './facts';

/** Deadlines this close remind (the inbox's "Đến hạn trong 7 ngày"). */
export const REMIND_WITHIN_DAYS = 7;

/**
 * What reminds this PC now (see domain/inbox/reminders.ts). The Sở has no deadlines of its own
 * in the app and nothing is returned to it: its inbox, not a notification, shows what waits.
 * Nothing before first run.
 */
export function currentReminders(ctx: CoreContext): Reminder[] {
  const session = ctx.settings().session;
  if (!session || session.role === 'so') return [];
  return remindersOf(taskFacts(ctx), reportFacts(ctx), REMIND_WITHIN_DAYS);
}

/** The notification's words in the PC's language; null when nothing reminds. */
export function reminderNotice(ctx: CoreContext): { title: string; body: string } | null {
  const list = currentReminders(ctx);
  if (list.length === 0) return null;
  const t = translator(ctx.settings().language);
  const lines = list.slice(0, REMINDERS_NAMED).map((r) => `${reminderWhen(t, r)}: ${clip(r.title)}`);
  const more = remindersMore(t, list);
  if (more) lines.push(more);
  return { title: `${t('common:appName')}: ${remindersHeading(t, list)}`, body: lines.join('\n') };
}

/** Notifications show a few lines: a 600-character task text is cut at a word, with "…". */
function clip(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
