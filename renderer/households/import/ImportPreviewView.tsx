import { Alert, Button, Card, Collapse, Popconfirm, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportProblem } from '../../../electron/contract/households';
import { HOUSEHOLD_CLASSES } from '../../../electron/contract/households';
import { formatNumber } from '../../i18n/format';
import { classLabel } from '../labels';

interface Props {
  preview: ImportPreview;
  busy: string | null;
  onImport: (validOnly: boolean) => void;
  onRejected: () => void;
  onCancel: () => void;
}

/** What the file holds, every invalid row with its row, column and problem, and the choices. */
export function ImportPreviewView({ preview, busy, onImport, onRejected, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  const c = preview.counts;
  const hasErrors = preview.errors.length > 0;
  return (
    <div data-testid="import-preview">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size={32} wrap>
          <Statistic title={t('import.fileRows')} value={c.rows} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={t('import.validRows')} value={c.valid} styles={{ content: { color: '#237804' } }} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={t('import.invalidRows')} value={c.invalid} styles={{ content: { color: c.invalid ? '#b3261e' : undefined } }} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={t('import.newRows')} value={c.created} formatter={(v) => formatNumber(Number(v))} />
          <Statistic title={t('import.updatedRows')} value={c.updated} formatter={(v) => formatNumber(Number(v))} />
        </Space>
        <div className="muted" style={{ marginTop: 8 }}>
          {t('import.sheetInfo', { file: preview.fileName, sheet: preview.sheetName, row: preview.headerRow, year: preview.year })}
          {c.skipped > 0 && ` ${t('import.skipped', { count: c.skipped })}`}
        </div>
        {c.valid > 0 && (
          <Space wrap size={[6, 6]} style={{ marginTop: 8 }}>
            {HOUSEHOLD_CLASSES.map((k) => (
              <Tag key={k}>
                {classLabel(t, k)}: {formatNumber(preview.byClass[k])}
              </Tag>
            ))}
          </Space>
        )}
      </Card>

      {hasErrors ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('import.hasErrors', { count: c.invalid })} description={t('import.hasErrorsHelp')} data-testid="import-has-errors" />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('import.allValid', { count: c.valid })} />
      )}
      {preview.noCommunes && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('import.noCommunes')} />}
      {preview.countOnly > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="import-count-only" title={t('import.countOnly', { count: preview.countOnly })} description={t('import.countOnlyHelp')} />
      )}

      <Space wrap style={{ marginBottom: 16 }}>
        {!hasErrors && (
          <Button type="primary" icon={<CheckOutlined />} loading={busy === 'commit'} onClick={() => onImport(false)} disabled={c.valid === 0} data-testid="import-all">
            {t('import.importAll', { count: c.valid })}
          </Button>
        )}
        {hasErrors && c.valid > 0 && (
          <Popconfirm
            title={t('import.validOnlyConfirm', { valid: c.valid, invalid: c.invalid })}
            okText={t('import.validOnly')}
            cancelText={t('personal.cancel')}
            onConfirm={() => onImport(true)}
            okButtonProps={{ 'data-testid': 'confirm-valid-only' } as Record<string, string>}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={busy === 'commit'} data-testid="import-valid-only">
              {t('import.validOnlyButton', { count: c.valid })}
            </Button>
          </Popconfirm>
        )}
        {hasErrors && (
          <Button icon={<DownloadOutlined />} loading={busy === 'rejected'} onClick={onRejected} data-testid="download-rejected">
            {t('import.downloadRejected')}
          </Button>
        )}
        <Button icon={<FileExcelOutlined />} onClick={onCancel}>
          {t('import.chooseOther')}
        </Button>
      </Space>

      {hasErrors && (
        <Table<ImportProblem & { key: number }>
          size="small"
          data-testid="import-errors"
          title={() => <strong>{t('import.errorsTitle', { count: preview.errors.length })}</strong>}
          dataSource={preview.errors.map((e, key) => ({ ...e, key }))}
          pagination={preview.errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            { title: t('import.colRow'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : '—') },
            {
              title: t('import.colColumn'),
              key: 'col',
              width: 260,
              render: (_, e) => (
                <span>
                  {e.columnLetter && <Tag>{e.columnLetter}</Tag>}
                  {e.column}
                </span>
              ),
            },
            { title: t('import.colProblem'), key: 'p', render: (_, e) => t(e.messageKey, e.params) },
          ]}
        />
      )}

      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'cols',
            label: t('import.columnsFound', { count: preview.columns.length }),
            children: (
              <div>
                <Space wrap size={[6, 6]}>
                  {preview.columns.map((col) => (
                    <Tag key={col.letter} color="blue">
                      {col.letter}: {col.header} → {col.label}
                    </Tag>
                  ))}
                </Space>
                {preview.unmapped.length > 0 && (
                  <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                    {t('import.unmapped')}{' '}
                    {preview.unmapped.map((u) => (
                      <Tag key={u.letter}>
                        {u.letter}: {u.header} ({u.reason === 'duplicate' ? t('unmapped.duplicate') : t('unmapped.unknown')})
                      </Tag>
                    ))}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
