import { useState } from 'react';
import { Alert, App, Button, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../electron/contract';
import type { OrgUnit } from '../../electron/domain/org';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { fileToBase64, saveFile } from '../ui/saveFile';
import { UnitListPreview } from './UnitListPreview';

type Check = Output<'app.units.import'>;

/**
 * #/units (the Sở): the units of the profile, where each comes from (a cited source, or the
 * Sở's own list), and the import of that list: template, upload (bytes, never a path), a
 * preview of what would change and what is refused, then apply. Applied units are orgUnit
 * documents: every office gets them in its next bundle.
 */
export function UnitsPage(): React.JSX.Element {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const profile = useOpQuery('app.profile', {});
  const template = useOpMutation('app.units.template');
  const previewing = useOpMutation('app.units.import');
  const applying = useOpMutation('app.units.import');
  const [file, setFile] = useState<{ base64: string; name: string } | null>(null);
  const [preview, setPreview] = useState<Check | null>(null);
  const [encoding, setEncoding] = useState(false);
  const failed = previewing.error ?? applying.error ?? profile.error;

  const read = (f: File): void => {
    previewing.reset();
    applying.reset();
    setPreview(null);
    setEncoding(true);
    void fileToBase64(f)
      .then(async (base64) => {
        setFile({ base64, name: f.name });
        setPreview(await previewing.mutateAsync({ base64, dryRun: true }));
      })
      .catch(() => undefined) // the failure is on `previewing.error`
      .finally(() => setEncoding(false));
  };
  const apply = (): void => {
    if (!file || !preview) return;
    applying.mutate(
      { base64: file.base64, dryRun: false, acceptedOnly: preview.problems.length > 0 },
      {
        onSuccess: (done) => {
          message.success(t('units.page.applied', { added: done.added.length, renamed: done.renamed.length }));
          setPreview(null);
          setFile(null);
        },
      },
    );
  };

  const p = profile.data;
  const upper = new Set(p?.levels.upper ?? []);
  const lower = new Set(p?.levels.lower ?? []);
  // The list adds communes reporting to the Sở: only a tree with no district level between takes one.
  const listable = lower.has('commune');
  const level = (u: OrgUnit): string => (upper.has(u.type) ? t('units.page.upper') : lower.has(u.type) ? t('units.page.lower') : '');
  return (
    <div data-testid="units-page">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('units.page.title')}
        </Typography.Title>
      </div>
      {p && (
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          {t('units.page.intro', { profile: p.name })}
        </Typography.Paragraph>
      )}
      {failed && <Alert type="error" showIcon title={errorText(t, failed)} style={{ marginBottom: 12 }} data-testid="units-error" />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={template.isPending}
          onClick={() => template.mutate({}, { onSuccess: saveFile, onError: (e) => void message.error(errorText(t, e)) })}
          data-testid="units-template"
        >
          {t('units.page.template')}
        </Button>
      </Space>
      {p && !listable && <Alert type="info" showIcon title={t('units.page.notForProfile')} style={{ marginBottom: 16 }} data-testid="units-not-for-profile" />}
      {listable && !preview && (
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={encoding || previewing.isPending}
          beforeUpload={(f) => {
            read(f);
            return false;
          }}
          data-testid="units-drop"
          style={{ marginBottom: 16 }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('units.page.import')}</p>
          <p className="ant-upload-hint">{t('units.page.dropHint')}</p>
        </Upload.Dragger>
      )}
      {(encoding || previewing.isPending) && <Spin tip={t('units.page.reading')} style={{ display: 'block', margin: 24 }} />}
      {preview && (
        <UnitListPreview
          check={preview}
          applying={applying.isPending}
          onApply={apply}
          onCancel={() => {
            setPreview(null);
            setFile(null);
          }}
        />
      )}
      {!p ? (
        <Spin />
      ) : (
        <Table<OrgUnit>
          size="small"
          rowKey="code"
          dataSource={p.units}
          pagination={{ pageSize: 100, hideOnSinglePage: true }}
          data-testid="units-table"
          columns={[
            // The name gets its own width (the longest, "Phường Lương Văn Tri", on one line at 1024 px);
            // the muted sources column takes what is left and may wrap.
            { title: t('units.page.code'), dataIndex: 'code', width: 175 },
            { title: t('units.page.level'), key: 'level', width: 105, render: (_, u) => level(u) },
            { title: t('units.page.name'), dataIndex: 'shortName', width: 180 },
            { title: t('units.page.officialCode'), dataIndex: 'officialCode', width: 90 },
            {
              title: t('units.page.source'),
              key: 'source',
              render: (_, u) =>
                u.citations.includes('unit-list') ? <Tag color="gold">{t('units.page.imported')}</Tag> : <span className="muted">{t('units.page.cited', { sources: u.citations.join(', ') })}</span>,
            },
          ]}
        />
      )}
    </div>
  );
}
