import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView, PreparedEnrolment } from '../../electron/contract/enrolment';
import type { SyncStatus } from '../../electron/contract/sync';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { formatDate } from '../i18n/format';
import { errorText } from '../ui/errorText';
import { foldFilter } from '../ui/filter';
import { saveFile } from '../ui/saveFile';
import { isLowerUnit, lowerUnits, type OrgProfile } from '../../electron/domain/org';
import { AcceptPackage } from './AcceptPackage';
import { readChosen } from './files';

const STATE_COLOR: Record<EnrolmentView['state'], string> = { open: 'processing', used: 'success', expired: 'default', locked: 'error' };

/**
 * "Đăng ký máy tính của đơn vị": at the Sở, prepare a setup package and its mã đăng ký, then
 * open the office's reply; at an office, open a package from the Sở (a new Sở key, a re-install).
 */
export function EnrolCard({ status }: { status: SyncStatus }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  return (
    <Card title={t('enrol.title')} data-testid="enrol-card">
      {status.role === 'so' ? <SoEnrol /> : <AcceptPackage needName={false} />}
    </Card>
  );
}

function SoEnrol(): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const profile = useOpQuery('app.profile', {});
  const list = useOpQuery('sync.enrol.list', {});
  const [office, setOffice] = useState<string | undefined>();
  const [prepared, setPrepared] = useState<PreparedEnrolment | null>(null);
  const reply = useRef<HTMLInputElement>(null);
  const prepare = useOpMutation('sync.enrol.prepare');
  const finish = useOpMutation('sync.enrol.finish');
  const failed = (e: Error): void => void message.error(errorText(t, e));

  const options = useMemo(
    // The PCs that exchange as an office: the lower units and the Sở's own units (as on first run).
    () =>
      profile.data
        ? [...lowerUnits(profile.data), ...profile.data.units.filter((u) => !isLowerUnit(profile.data as OrgProfile, u) && (u.type === 'unit' || u.type === 'school'))].map((u) => ({ value: u.code, label: u.name }))
        : [],
    [profile.data],
  );

  const run = (): void => {
    if (!office) return;
    const make = (): void =>
      prepare.mutate(
        { office },
        {
          onSuccess: (r) => {
            saveFile(r.file);
            setPrepared(r);
            message.success(t('enrol.packageSaved', { file: r.path ?? r.file.fileName }));
          },
          onError: failed,
        },
      );
    // The window never names a path: the package is handed over as a file (a save dialog in the app).
    make();
  };

  const chosen = async (files: FileList | null): Promise<void> => {
    const [file] = await readChosen(files);
    if (reply.current) reply.current.value = '';
    if (file) finish.mutate({ file }, { onSuccess: (r) => void message.success(t('enrol.finished', { office: r.officeName })), onError: failed });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, maxWidth: 900 }}>
        {t('enrol.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          showSearch={{ filterOption: foldFilter }}
          style={{ minWidth: 320 }}
          placeholder={t('enrol.officePlaceholder')}
          options={options}
          value={office}
          onChange={setOffice}
          data-testid="enrol-office"
        />
        <Button type="primary" icon={<FileAddOutlined />} disabled={!office} loading={prepare.isPending} onClick={run} data-testid="enrol-prepare">
          {t('enrol.prepare')}
        </Button>
        <Button icon={<FolderOpenOutlined />} loading={finish.isPending} onClick={() => reply.current?.click()} data-testid="enrol-finish">
          {t('enrol.finish')}
        </Button>
        <input ref={reply} type="file" accept=".soviec-reply" hidden data-testid="enrol-reply-input" onChange={(e) => void chosen(e.target.files)} />
      </Space>
      {prepared && (
        <Alert
          type="warning"
          showIcon
          data-testid="enrol-prepared"
          title={t('enrol.codeTitle', { office: prepared.officeName })}
          description={
            <>
              <div className="sv-enrol-code" data-testid="enrol-code">
                {prepared.code}
              </div>
              <div>{t('enrol.codeHelp', { office: prepared.officeName, date: formatDate(prepared.expiresAt) })}</div>
            </>
          }
        />
      )}
      {(list.data?.length ?? 0) > 0 && (
        <List
          size="small"
          header={<strong>{t('enrol.list')}</strong>}
          dataSource={list.data ?? []}
          data-testid="enrol-list"
          renderItem={(e) => (
            <List.Item>
              <Space wrap>
                <span>{e.officeName}</span>
                <Tag color={STATE_COLOR[e.state]}>{t(`enrol.state.${e.state}`)}</Tag>
                <span className="muted">{t('enrol.expires', { date: formatDate(e.expiresAt) })}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
