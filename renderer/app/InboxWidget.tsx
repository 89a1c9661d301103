import { Badge, Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inbox, ReportItem, TaskItem } from '../../electron/contract/inbox';
import { useOpQuery } from '../api/hooks';
import { formatDate } from '../i18n/format';
import { navigate } from '../ui/router';

/**
 * "Việc cần xử lý": what needs this person now, each line one click from where it is handled.
 * It is a read of the sync family, so every import, review or save refreshes it.
 */
export function InboxWidget(): React.JSX.Element {
  const { t } = useTranslation('app');
  const q = useOpQuery('inbox.get', {});
  const inbox = q.data;
  const groups = inbox ? groupsOf(inbox, t) : [];
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <Card
      title={
        <span>
          {t('inbox.title')} <Badge count={total} showZero color={total > 0 ? '#cf1322' : '#8c8c8c'} data-testid="inbox-count" />
        </span>
      }
      loading={q.isPending}
      data-testid="inbox"
    >
      {inbox?.role === 'so' && inbox.lastImport && (
        <Typography.Paragraph type="secondary" data-testid="inbox-last-import">
          {t('inbox.lastImport', {
            date: formatDate(inbox.lastImport.at.slice(0, 10)),
            offices: inbox.lastImport.offices.join(', '),
            progress: inbox.lastImport.progress,
            reports: inbox.lastImport.reports,
          })}
        </Typography.Paragraph>
      )}
      {total === 0 ? (
        <Empty description={t('inbox.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <List
              key={g.id}
              size="small"
              header={<strong>{g.title}</strong>}
              dataSource={g.items}
              data-testid={`inbox-${g.id}`}
              renderItem={(it) => (
                <List.Item onClick={it.go} style={{ cursor: 'pointer' }} data-testid={`inbox-item-${g.id}`}>
                  <div>
                    <a>{it.title}</a>
                    {it.tag && (
                      <Tag color={it.tagColor ?? 'default'} style={{ marginLeft: 8 }}>
                        {it.tag}
                      </Tag>
                    )}
                    {it.detail && <div className="muted">{it.detail}</div>}
                  </div>
                </List.Item>
              )}
            />
          ))
      )}
    </Card>
  );
}

interface Line {
  title: string;
  detail?: string;
  tag?: string;
  tagColor?: string;
  go: () => void;
}

type T = (key: string, params?: Record<string, unknown>) => string;

function taskLine(i: TaskItem, detail?: string, tag?: string, tagColor?: string): Line {
  return { title: i.content, detail: detail ?? i.directiveTitle, ...(tag ? { tag } : {}), ...(tagColor ? { tagColor } : {}), go: () => navigate('task', i.taskId) };
}

function reportLine(r: ReportItem, t: T, extra?: string, tag?: string, tagColor?: string): Line {
  return {
    title: `${r.formTitle} (${r.period})`,
    detail: [r.officeName, t('inbox.due', { date: formatDate(r.dueDate) }), extra].filter(Boolean).join(' · '),
    ...(tag ? { tag } : {}),
    ...(tagColor ? { tagColor } : {}),
    go: () => navigate('report', r.formId, r.period, r.office),
  };
}

function groupsOf(inbox: Inbox, t: T): Array<{ id: string; title: string; items: Line[] }> {
  if (inbox.role === 'so') {
    return [
      { id: 'review', title: t('inbox.progressToReview'), items: inbox.progressToReview.map((i) => taskLine(i, `${i.officeName} · ${i.directiveTitle}`)) },
      {
        id: 'accept',
        title: t('inbox.reportsToAccept'),
        items: inbox.reportsToAccept.map((r) =>
          reportLine(
            r,
            t,
            r.receivedAt ? t('inbox.received', { date: formatDate(r.receivedAt.slice(0, 10)) }) : undefined,
            r.late ? t('inbox.receivedLate', { count: r.days }) : undefined,
            'orange',
          ),
        ),
      },
      { id: 'conflicts', title: t('inbox.conflicts'), items: inbox.conflicts > 0 ? [{ title: t('inbox.conflictCount', { count: inbox.conflicts }), go: () => navigate('sync') }] : [] },
      { id: 'gaps', title: t('inbox.gaps'), items: inbox.gaps.map((g) => ({ title: g.officeName, detail: t('inbox.missing', { list: g.missing.join(', ') }), go: () => navigate('sync') })) },
      {
        id: 'silent',
        title: t('inbox.silent', { count: inbox.silentDays }),
        items: inbox.silent.map((s) => ({
          title: s.officeName,
          detail: s.lastReceivedOn ? t('inbox.lastHeard', { date: formatDate(s.lastReceivedOn), count: s.days ?? 0 }) : t('inbox.neverHeard'),
          go: () => navigate('sync'),
        })),
      },
    ];
  }
  return [
    {
      id: 'returned',
      title: t('inbox.returned'),
      items: [
        ...inbox.returnedTasks.map((i) => taskLine(i, i.comment ? t('inbox.comment', { text: i.comment }) : i.directiveTitle, t('inbox.returnedTag'), 'red')),
        ...inbox.returnedReports.map((r) => reportLine(r, t, r.comment ? t('inbox.comment', { text: r.comment }) : undefined, t('inbox.returnedTag'), 'red')),
      ],
    },
    {
      id: 'overdue',
      title: t('inbox.overdue'),
      items: [
        ...inbox.overdue.map((i) => taskLine(i, undefined, t('inbox.overdueTag', { count: i.days }), 'red')),
        ...inbox.overdueReports.map((r) => reportLine(r, t, undefined, t('inbox.overdueTag', { count: r.days }), 'red')),
      ],
    },
    {
      id: 'soon',
      title: t('inbox.dueSoon'),
      items: [
        ...inbox.dueSoon.map((i) => taskLine(i, undefined, i.days === 0 ? t('inbox.today') : t('inbox.daysLeft', { count: i.days }), 'gold')),
        ...inbox.reportsDueSoon.map((r) => reportLine(r, t, undefined, r.days === 0 ? t('inbox.today') : t('inbox.daysLeft', { count: r.days }), 'gold')),
      ],
    },
    { id: 'new', title: t('inbox.newDirectives'), items: inbox.newDirectives.map((d) => ({ title: d.title, go: () => navigate('directive', d.id) })) },
  ];
}
