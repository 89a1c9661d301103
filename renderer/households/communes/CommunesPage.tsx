import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CommuneInput, CommuneView } from '../../../electron/contract/households';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { fileToBase64 } from '../../ui/saveFile';
import '../households.css';

interface Values {
  name: string;
  kind: CommuneInput['kind'];
  villages: string[];
}

/** #/communes: the office's communes and villages; add, edit, load the sample or an Excel list. */
export function CommunesPage(): React.JSX.Element {
  const { t } = useTranslation('households');
  const { message } = App.useApp();
  const meta = useQuery('households.meta', {});
  const [editing, setEditing] = useState<CommuneView | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const communes = meta.data?.communes ?? [];

  const run = async (fn: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      message.success(await fn());
      await meta.reload();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const open = (c: CommuneView | 'new'): void => {
    setEditing(c);
    form.setFieldsValue(c === 'new' ? { name: '', kind: 'xa', villages: [] } : { name: c.name, kind: c.kind, villages: c.villages });
  };
  const save = async (v: Values): Promise<void> => {
    const code = editing !== 'new' && editing ? editing.code : undefined;
    await run(async () => {
      const saved = await call('households.communes.save', { commune: { ...(code ? { code } : {}), name: v.name, kind: v.kind, villages: v.villages ?? [] } });
      setEditing(null);
      return t('communes.saved', { name: saved.label });
    });
  };
  const kinds = [
    { value: 'xa', label: t('communes.kind.xa') },
    { value: 'phuong', label: t('communes.kind.phuong') },
    { value: 'thiTran', label: t('communes.kind.thiTran') },
  ];

  return (
    <div className="hh-page">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('communes.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('common:back')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="add-commune">
            {t('communes.add')}
          </Button>
          {meta.data?.sampleAvailable && (
            <Button loading={busy} onClick={() => void run(async () => t('communes.sampleLoaded', { count: (await call('households.communes.importSample', {})).added }))}>
              {t('communes.loadSample')}
            </Button>
          )}
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void run(async () => {
                const r = await call('households.communes.importXlsx', { base64: await fileToBase64(file) });
                return t('communes.imported', { added: r.added, updated: r.updated });
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('communes.importXlsx')}
            </Button>
          </Upload>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('communes.help')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CommuneView>
        rowKey="code"
        dataSource={communes}
        loading={meta.loading}
        pagination={false}
        size="middle"
        columns={[
          { title: t('communes.colName'), key: 'label', render: (_, c) => <strong>{c.label}</strong>, width: 240 },
          { title: t('field.area'), key: 'area', width: 120, render: (_, c) => (c.area === 'urban' ? t('area.urban') : t('area.rural')) },
          {
            title: t('communes.colVillages'),
            key: 'villages',
            render: (_, c) => (c.villages.length ? c.villages.map((v) => <Tag key={v}>{v}</Tag>) : <span className="muted">{t('communes.noVillages')}</span>),
          },
          { title: '', key: 'sample', width: 110, render: (_, c) => (c.sample ? <Tag color="gold">{t('communes.sample')}</Tag> : null) },
          {
            title: '',
            key: 'edit',
            width: 110,
            render: (_, c) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => open(c)}>
                {t('communes.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('communes.add') : t('communes.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('form.save')}
        cancelText={t('personal.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="kind" label={t('communes.colKind')} rules={[{ required: true }]}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="name" label={t('communes.colName')} rules={[{ required: true, whitespace: true, message: t('communes.nameRequired') }]}>
            <Input placeholder={t('communes.namePlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item name="villages" label={t('communes.colVillages')} extra={t('communes.villagesHelp')}>
            <Select mode="tags" tokenSeparators={[',', ';']} open={false} suffixIcon={null} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
