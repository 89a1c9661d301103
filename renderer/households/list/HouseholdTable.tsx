import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HouseholdRow } from '../../../electron/contract/households';
import { formatNumber } from '../../i18n/format';
import { ChangeTag, ClassTag } from '../labels';
import type { PagedRows } from './usePagedRows';
import { HouseholdCode } from './HouseholdCode';

const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 40;
/**
 * Code with the ID number under it, head (with ethnicity and members), commune and village,
 * income, deprivations, what decided the class (Phiếu B scores or income), class with its
 * change under it. Fits 1024-pixel screens without a sideways scroll, so the class is always in view;
 * wider screens give the code room to show whole (a narrow one cuts it in the middle: HouseholdCode).
 */
const GRID = 'minmax(128px, 208px) minmax(110px, 1.4fr) minmax(100px, 1.2fr) 80px 52px 72px minmax(120px, 0.9fr)';

interface Props {
  rows: PagedRows;
  communeName: (code: string) => string;
  onOpen: (row: HouseholdRow) => void;
  /** What an empty list says: a sentence, or a sentence with a way out (another year). */
  emptyText: React.ReactNode;
}

/**
 * The household list as a virtualised grid: only the rows in view (plus a few) are in the DOM,
 * so 50,000 rows scroll like 50. Rows are links for the keyboard too (Tab, Enter).
 */
export function HouseholdTable({ rows, communeName, onOpen, emptyText }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.total, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: HEADER_HEIGHT });
  const header = [t('list.colCodeId'), t('list.colHead'), t('list.colPlace'), t('list.colIncome'), t('list.colDeprived'), t('list.colBasis'), t('list.colClassChange')];
  // "Căn cứ" on screen; the header's title gives "Căn cứ phân loại" in full.
  const titles = header.map((h, i) => (i === 5 ? t('field.reason') : h));
  return (
    <div className="hh-table" role="table" aria-rowcount={rows.total} data-testid="household-table">
      <div ref={parent} className="hh-scroll">
        <div className="hh-row hh-head" role="row" style={{ gridTemplateColumns: GRID }}>
          {header.map((h, i) => (
            <div key={i} role="columnheader" className={i === 3 || i === 4 ? 'num' : undefined} title={titles[i]}>
              {h}
            </div>
          ))}
        </div>
        {rows.total === 0 && !rows.loading ? (
          <Empty description={emptyText} style={{ padding: 32 }} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const r = rows.rowAt(v.index);
              return (
                <div
                  key={v.key}
                  role="row"
                  className="hh-row"
                  style={{ gridTemplateColumns: GRID, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start - HEADER_HEIGHT}px)` }}
                  tabIndex={r ? 0 : -1}
                  data-testid={r ? 'household-row' : undefined}
                  onClick={() => r && onOpen(r)}
                  onKeyDown={(e) => {
                    if (r && e.key === 'Enter') onOpen(r);
                  }}
                >
                  {r ? <Cells row={r} communeName={communeName} /> : <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} />}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

function Cells({ row, communeName }: { row: HouseholdRow; communeName: (code: string) => string }): React.JSX.Element {
  const { t } = useTranslation('households');
  return (
    <>
      <div role="cell" className="mono" title={row.code}>
        <HouseholdCode code={row.code} />
        <div className="sub mono" data-testid="id-cell">
          {row.idNumber}
        </div>
      </div>
      <div role="cell" title={row.headName}>
        <div className="strong">
          {row.headName}
          {row.merit && <StarFilled className="hh-merit" title={t('field.merit')} aria-label={t('field.merit')} />}
        </div>
        <div className="sub">{t('list.headSub', { ethnicity: row.ethnicity, count: row.members })}</div>
      </div>
      <div role="cell" title={`${communeName(row.communeCode)} — ${row.village}`}>
        <div>{communeName(row.communeCode)}</div>
        <div className="sub">{row.village}</div>
      </div>
      <div role="cell" className="num">
        {formatNumber(row.income)}
      </div>
      <div role="cell" className="num" title={row.deprived.map((c) => t(`indicator.${c}`)).join(', ')}>
        {row.deprived.length}
      </div>
      {/* Short in the cell ("Phiếu B" / "Thu nhập"), the full words ("Theo điểm Phiếu B") on hover. */}
      <div role="cell" className={row.classBasis === 'phieuB' ? 'strong' : 'sub'} data-testid="basis-cell" title={t(`basis.${row.classBasis}`)}>
        {t(`list.basisShort.${row.classBasis}`)}
      </div>
      <div role="cell" className="hh-class-cell">
        <ClassTag value={row.class} short />
        <ChangeTag value={row.change} short />
      </div>
    </>
  );
}
