import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../electron/contract/tasks';
import { CELL_COLORS, CELL_STATES, cellStateLabel } from './cellState';

/** Assignments per office, stacked by position: who is done, who is behind. */
export function OfficeChart({ data }: { data: Dashboard }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const rows = data.byOffice.map((o) => ({ name: o.name, ...o.counts }));
  const height = Math.max(160, rows.length * 30 + 70);
  return (
    <div style={{ width: '100%', height }} data-testid="office-chart">
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Legend itemSorter={null} formatter={(value: string) => <span style={{ color: 'rgba(0,0,0,.78)' }}>{value}</span>} />
          {CELL_STATES.map((s) => (
            <Bar key={s} dataKey={s} name={cellStateLabel(t, s)} stackId="a" fill={CELL_COLORS[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
