import { useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AcceptedEnrolment, PackagePreview } from '../../electron/contract/enrolment';
import type { FileIn } from '../../electron/contract/sync';
import { useOpMutation } from '../api/hooks';
import { formatDate } from '../i18n/format';
import { errorText } from '../ui/errorText';
import { saveFile } from '../ui/saveFile';
import { readChosen } from './files';

/**
 * The office's side of enrolment: choose the setup package, type the mã đăng ký (and, on first
 * run, the officer's name), then save the reply for the Sở. Used on first run and on the sync page.
 */
export function AcceptPackage({ needName, onStart }: { needName: boolean; onStart?: () => void }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [pkg, setPkg] = useState<{ file: FileIn; preview: PackagePreview } | null>(null);
  const [done, setDone] = useState<AcceptedEnrolment | null>(null);
  // The first-run screen has no session yet: nothing may refresh views that need one.
  const inspect = useOpMutation('sync.enrol.inspect', { invalidates: 'none' });
  const accept = useOpMutation('sync.enrol.accept', needName ? { invalidates: 'none' } : {});

  const chosen = async (files: FileList | null): Promise<void> => {
    const [file] = await readChosen(files);
    if (input.current) input.current.value = '';
    if (!file) return;
    accept.reset();
    inspect.mutate({ file }, { onSuccess: (preview) => setPkg({ file, preview }), onError: (e) => void message.error(errorText(t, e)) });
  };

  const submit = (v: { code: string; officerName?: string }): void => {
    if (!pkg) return;
    accept.mutate({ file: pkg.file, code: v.code, ...(needName && v.officerName ? { officerName: v.officerName } : {}) }, {
      onSuccess: setDone,
      // A wrong code lowers the tries left: read the package again to show it.
      onError: () => inspect.mutate({ file: pkg.file }, { onSuccess: (preview) => setPkg({ file: pkg.file, preview }) }),
    });
  };

  if (done) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="enrol-accepted">
        <Alert type="success" showIcon title={t('enrol.accept.done', { office: done.officeName })} description={done.folderTransport ? t('enrol.accept.folderUsed') : undefined} />
        <Typography.Paragraph>{t('enrol.accept.sendReply')}</Typography.Paragraph>
        <Space wrap>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            data-testid="enrol-save-reply"
            onClick={() => {
              saveFile(done.file);
              message.success(t('enrol.accept.replySaved', { file: done.file.fileName }));
            }}
          >
            {t('enrol.accept.saveReply')}
          </Button>
          {onStart && (
            <Button onClick={onStart} data-testid="enrol-start">
              {t('enrol.accept.start')}
            </Button>
          )}
        </Space>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('enrol.accept.intro')}
      </Typography.Paragraph>
      <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()} loading={inspect.isPending} data-testid="enrol-choose-package">
        {t('enrol.accept.choose')}
      </Button>
      <input ref={input} type="file" accept=".soviec-setup" hidden data-testid="enrol-package-input" onChange={(e) => void chosen(e.target.files)} />
      {pkg && (
        <>
          <Alert
            type="info"
            showIcon
            data-testid="enrol-preview"
            title={t('enrol.accept.preview', { office: pkg.preview.officeName, so: pkg.preview.soName, date: formatDate(pkg.preview.expiresAt) })}
          />
          {accept.error && <Alert type="error" showIcon title={errorText(t, accept.error)} data-testid="enrol-error" />}
          <Form<{ code: string; officerName?: string }> layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="code" label={t('enrol.accept.code')} extra={t('enrol.accept.triesLeft', { count: pkg.preview.triesLeft })} rules={[{ required: true, whitespace: true }]}>
              <Input placeholder={t('enrol.accept.codePlaceholder')} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 18 }} data-testid="enrol-code-input" />
            </Form.Item>
            {needName && (
              <Form.Item name="officerName" label={t('app:firstRun.officerName')} rules={[{ required: true, whitespace: true, min: 2, message: t('app:firstRun.nameTooShort') }]}>
                <Input autoComplete="name" data-testid="enrol-officer-name" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={accept.isPending} data-testid="enrol-accept">
              {t('enrol.accept.submit')}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}
