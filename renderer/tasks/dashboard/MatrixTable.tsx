import { Space, Table, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, ExclamationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Assignment, Dashboard, TaskRow } from '../../../electron/contract/tasks';
import { navigate } from '../../ui/router';
import { countdownText, deadlineLabel, directiveRef, reviewLabel, statusLabel } from '../labels';
import { CELL_COLORS, CELL_STATES, cellState, cellStateLabel } from './cellState';

function Cell({ a, taskId }: { a: Assignment; taskId: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const s = cellState(a);
  const icon =
    s === 'doneOnTime' || s === 'doneLate' ? <CheckOutlined /> : s === 'overdue' ? <ExclamationOutlined /> : s === 'cannotDo' ? <CloseOutlined /> : s === 'inProgress' ? `${a.percent ?? ''}` : '';
  const tip = [a.officeName, statusLabel(t, a.status), countdownText(t, a.due), a.review ? reviewLabel(t, a.review) : ''].filter(Boolean).join(' · ');
  return (
    <Tooltip title={tip}>
      <button
        type="button"
        className={`sv-cell${a.review === 'returned' ? ' sv-cell-returned' : ''}`}
        style={{ background: CELL_COLORS[s] }}
        onClick={() => navigate('task', taskId)}
        aria-label={tip}
        data-testid="matrix-cell"
        data-state={s}
      >
        {icon}
      </button>
    </Tooltip>
  );
}

/** Tasks × offices: one coloured cell per assignment; click to open the task. */
export function MatrixTable({ data, showDirective }: { data: Dashboard; showDirective: boolean }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  return (
    <>
      <Table<TaskRow>
        size="small"
        bordered
        rowKey={(r) => r.task.id}
        dataSource={data.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        className="sv-matrix"
        data-testid="matrix"
        columns={[
          {
            title: t('matrix.task'),
            key: 'task',
            fixed: 'left',
            width: 360,
            render: (_, r, i) => (
              <div className="sv-matrix-task">
                <a href={`#/task/${encodeURIComponent(r.task.id)}`} className="sv-clamp3" title={r.task.content}>
                  {i + 1}. {r.task.content}
                </a>
                <div className="muted">
                  {[r.fieldName, deadlineLabel(t, r.task.deadline), showDirective ? directiveRef(t, r.directive) : ''].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          },
          ...data.offices.map((o) => ({
            title: (
              <Tooltip title={o.name}>
                <span className="sv-vertical">{o.name}</span>
              </Tooltip>
            ),
            key: o.code,
            width: 44,
            align: 'center' as const,
            render: (_: unknown, r: TaskRow) => {
              const a = r.assignments.find((x) => x.office === o.code);
              return a ? <Cell a={a} taskId={r.task.id} /> : null;
            },
          })),
        ]}
      />
      <Space wrap size={[16, 4]} style={{ marginTop: 8 }} className="sv-legend">
        {CELL_STATES.map((s) => (
          <Typography.Text key={s}>
            <span className="sv-swatch" style={{ background: CELL_COLORS[s] }} /> {cellStateLabel(t, s)}
          </Typography.Text>
        ))}
      </Space>
    </>
  );
}
