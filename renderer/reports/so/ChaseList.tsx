import { Card, Empty, List, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChaseItem, OfficeRef } from '../../../electron/contract/reports';
import { navigate } from '../../ui/router';
import { formatDate } from '../../i18n/format';
import { periodName } from '../labels';

/** "Cần đôn đốc": returned reports waiting on the office, then overdue ones, longest first. */
export function ChaseList({ items, offices, formId }: { items: ChaseItem[]; offices: OfficeRef[]; formId: string }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const name = (code: string): string => offices.find((o) => o.code === code)?.name ?? code;
  return (
    <Card
      size="small"
      title={
        <span>
          <BellOutlined /> {t('matrix.chaseTitle')}
        </span>
      }
      data-testid="chase-list"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matrix.nothingToChase')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              data-testid={`chase-${c.office}-${c.period}`}
              onClick={c.reason === 'returned' ? () => navigate('report', formId, c.period, c.office) : undefined}
              style={{ cursor: c.reason === 'returned' ? 'pointer' : undefined }}
            >
              <Typography.Text strong style={{ minWidth: 220 }}>
                {name(c.office)}
              </Typography.Text>
              <span style={{ minWidth: 160 }}>{periodName(t, c.period)}</span>
              <Tag color={c.reason === 'returned' ? 'red' : 'volcano'}>{t(c.messageKey, c.params)}</Tag>
              <Typography.Text type="secondary">{t('matrix.dueOn', { date: formatDate(c.dueDate) })}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
