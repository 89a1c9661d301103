import { useState } from 'react';
import { Alert, App, Button, Result, Select, Space, Spin, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../electron/contract/households';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { fileToBase64, saveFile } from '../../ui/saveFile';
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
  const meta = useOpQuery('households.meta', {});
  const [year, setYear] = useReviewYear(meta.data?.defaultYear);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const reading = useOpMutation('households.import.preview');
  const committing = useOpMutation('households.import.commit');
  const rejecting = useOpMutation('households.import.rejected');
  const template = useOpMutation('households.template');
  // The file is read to base64 before the preview op starts; that step counts as reading too.
  const [encoding, setEncoding] = useState(false);
  const busy = encoding || reading.isPending ? 'read' : committing.isPending ? 'commit' : rejecting.isPending ? 'rejected' : null;
  const failed = reading.error ?? committing.error ?? rejecting.error;

  const read = (file: File): void => {
    if (!year) return;
    [reading, committing, rejecting].forEach((m) => m.reset());
    setPreview(null);
    setResult(null);
    setEncoding(true);
    void fileToBase64(file)
      .then((base64) => reading.mutateAsync({ base64, fileName: file.name, year }))
      .then(setPreview, () => undefined) // the failure is on `reading.error`
      .finally(() => setEncoding(false));
  };
  const commit = (validOnly: boolean): void => {
    if (!preview) return;
    reading.reset();
    rejecting.reset();
    committing.mutate({ token: preview.token, validOnly }, { onSuccess: setResult });
  };
  const downloadRejected = (): void => {
    if (!preview) return;
    rejecting.mutate(
      { token: preview.token },
      {
        onSuccess: async (file) => {
          if (await savePersonalFile(modal, t, file)) message.success(t('import.rejectedSaved'));
        },
      },
    );
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
      {meta.data && meta.data.communes.length === 0 && <CommunesHint sampleAvailable={meta.data.sampleAvailable} />}
      {failed && <Alert type="error" showIcon title={errorText(t, failed)} style={{ marginBottom: 12 }} data-testid="import-error" />}
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
                <Button loading={busy === 'rejected'} onClick={downloadRejected}>
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
            <Select value={year} onChange={setYear} options={yearOptions(meta.data?.years ?? [], year).map((y) => ({ value: y, label: String(y) }))} style={{ width: 110 }} virtual={false} data-testid="import-year" />
            <span className="muted">{t('import.yearHelp')}</span>
            <Button
              icon={<DownloadOutlined />}
              disabled={!year}
              loading={template.isPending}
              onClick={() => year && template.mutate({ year }, { onSuccess: saveFile, onError: (e) => void message.error(errorText(t, e)) })}
              data-testid="household-template"
            >
              {t('import.template')}
            </Button>
          </Space>
          {!preview && (
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={busy !== null || !year}
              beforeUpload={(file) => {
                read(file);
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
              onImport={commit}
              onRejected={() => void downloadRejected()}
              onCancel={() => setPreview(null)}
            />
          )}
        </>
      )}
    </div>
  );
}
