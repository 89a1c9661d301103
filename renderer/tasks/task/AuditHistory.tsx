import { Card, Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../electron/contract/tasks';
import { useOpQuery } from '../../api/hooks';
import { formatDateTime } from '../../i18n/format';
import { auditActionLabel, auditFieldLabel, auditValue, readableChanges } from './auditText';

/** Who changed what and when, newest first. */
export function AuditHistory({ entries }: { entries: AuditEntry[] }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const profile = useOpQuery('app.profile', {});
  const fields = useOpQuery('fields.list', {});
  const officeName = (code: string): string => profile.data?.units.find((u) => u.code === code)?.shortName ?? code;
  const names = { office: officeName, field: (code: string) => fields.data?.find((f) => f.code === code)?.name ?? code };
  return (
    <Card title={t('audit.title')} data-testid="audit-history">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.none')} />
      ) : (
        <Timeline
          items={entries.map((e) => ({ e, changes: readableChanges(e) })).map(({ e, changes }) => ({
            key: e.id,
            color: e.targetKind === 'review' ? 'green' : e.targetKind === 'progress' ? 'blue' : 'gray',
            content: (
              <div data-testid="audit-entry">
                <div>
                  <strong>{formatDateTime(e.at)}</strong> · {e.by} ({officeName(e.office)}) — {auditActionLabel(t, e)}
                </div>
                {changes.length > 0 && (
                  <ul className="sv-audit-changes">
                    {changes.map((c, i) => (
                      <li key={i}>
                        <span className="muted">{auditFieldLabel(t, c.field)}:</span> {e.action === 'create' ? '' : `${auditValue(t, c.field, c.from, names)} → `}
                        {auditValue(t, c.field, c.to, names)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
