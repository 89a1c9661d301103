import { z } from 'zod';
import { op } from './define';
import type { TaskItem } from '../domain/inbox/select';
import type { Reminder } from '../domain/inbox/reminders';

/** "Việc cần xử lý": what needs the person at this PC now, on the home page (issue 13). */

export type { TaskItem, Reminder };

export interface ReportItem {
  formId: string;
  formTitle: string;
  period: string;
  office: string;
  officeName: string;
  dueDate: string;
  /** Days late (Sở: received after the deadline) or overdue, or days left; 0 otherwise. */
  days: number;
  late: boolean;
  comment: string | null;
  receivedAt: string | null;
}

export interface SoInbox {
  role: 'so';
  progressToReview: TaskItem[];
  reportsToAccept: ReportItem[];
  conflicts: number;
  gaps: Array<{ office: string; officeName: string; missing: number[] }>;
  silent: Array<{ office: string; officeName: string; lastReceivedOn: string | null; days: number | null }>;
  silentDays: number;
  /** What the last import brought: when, from whom, how many progress records and reports. */
  lastImport: { at: string; offices: string[]; progress: number; reports: number } | null;
}

export interface OfficeInbox {
  role: 'office';
  returnedTasks: TaskItem[];
  returnedReports: ReportItem[];
  dueSoon: TaskItem[];
  reportsDueSoon: ReportItem[];
  overdue: TaskItem[];
  overdueReports: ReportItem[];
  newDirectives: Array<{ id: string; title: string; receivedAt: string }>;
}

export type Inbox = SoInbox | OfficeInbox;

export const inboxOps = {
  'inbox.get': op(z.object({ silentDays: z.number().int().min(1).max(365).default(14), withinDays: z.number().int().min(1).max(60).default(7) }).strict()).returns<Inbox>(),
  /** What reminds now (returned work, deadlines within 7 days): the harness's banner; Electron also notifies. */
  'reminders.get': op(z.object({}).strict()).returns<Reminder[]>(),
};
