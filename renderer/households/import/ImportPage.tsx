import { useState } from 'react';
import { Alert, App, Button, Result, Select, Space, Spin, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../electron/contract/households';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { fileToBase64 } from '../../ui/saveFile';
import { CommunesHint } from '../communes/CommunesHint';
import { savePersonalFile } from '../personalData';
import { useReviewYear, yearOptions } from '../useReviewYear';
import { ImportPreviewView } from './ImportPreviewView';
import '../households.css';

/**
 * #/households-import: choose an .xlsx, see what it holds (columns found, every invalid row and
 * why), then import, or import only the valid rows when the officer chooses so. The core writes
 * all the rows in one go or none.
 */
export function ImportPage(): React.JSX.Element {
  const { t } = useTranslation('households');
  const { modal, message } = App.useApp();
  const meta = useQuery('households.meta', {});
  const [year, setYear] = useReviewYear(meta.data?.defaultYear);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'read' | 'commit' | 'rejected' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const read = async (file: File): Promise<void> => {
    if (!year) return;
    setBusy('read');
    setError(null);
    setPreview(null);
    setResult(null);
    try {
      setPreview(await call('households.import.preview', { base64: await fileToBase64(file), fileName: file.name, year }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  const commit = async (validOnly: boolean): Promise<void> => {
    if (!preview) return;
    setBusy('commit');
    setError(null);
    try {
      setResult(await call('households.import.commit', { token: preview.token, validOnly }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  const downloadRejected = async (): Promise<void> => {
    if (!preview) return;
    setBusy('rejected');
    try {
      if (await savePersonalFile(modal, t, await call('households.import.rejected', { token: preview.token }))) message.success(t('import.rejectedSaved'));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="hh-page">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.title')}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
          {t('form.backToList')}
        </Button>
      </div>
      {meta.data && meta.data.communes.length === 0 && <CommunesHint sampleAvailable={meta.data.sampleAvailable} onDone={() => void meta.reload()} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {result ? (
        <Result
          status="success"
          title={t('import.done', { count: result.imported })}
          subTitle={t('import.doneDetail', { created: result.created, updated: result.updated, rejected: result.rejected })}
          data-testid="import-done"
          extra={
            <Space wrap>
              <Button type="primary" onClick={() => navigate('households')} data-testid="go-list">
                {t('import.toList')}
              </Button>
              {result.rejected > 0 && (
                <Button loading={busy === 'rejected'} onClick={() => void downloadRejected()}>
                  {t('import.downloadRejected')}
                </Button>
              )}
              <Button
                onClick={() => {
                  setPreview(null);
                  setResult(null);
                }}
              >
                {t('import.another')}
              </Button>
            </Space>
          }
        />
      ) : (
        <>
          <Space align="center" style={{ marginBottom: 12 }} wrap>
            <span>{t('field.reviewYear')}</span>
            <Select value={year} onChange={setYear} options={yearOptions(meta.data?.years ?? [], year).map((y) => ({ value: y, label: String(y) }))} style={{ width: 110 }} data-testid="import-year" />
            <span className="muted">{t('import.yearHelp')}</span>
          </Space>
          {!preview && (
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={busy !== null || !year}
              beforeUpload={(file) => {
                void read(file);
                return false;
              }}
              data-testid="import-drop"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
          )}
          {busy === 'read' && <Spin tip={t('import.reading')} style={{ display: 'block', margin: 24 }} />}
          {preview && (
            <ImportPreviewView
              preview={preview}
              busy={busy}
              onImport={(validOnly) => void commit(validOnly)}
              onRejected={() => void downloadRejected()}
              onCancel={() => setPreview(null)}
            />
          )}
        </>
      )}
    </div>
  );
}
