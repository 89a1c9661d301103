import { useState } from 'react';
import { YearSelect } from '../YearSelect';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CommuneInput, CommuneView } from '../../../electron/contract/households';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { formatNumber } from '../../i18n/format';
import { navigate } from '../../ui/router';
import { fileToBase64 } from '../../ui/saveFile';
import { useReviewYear } from '../useReviewYear';
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
  const meta = useOpQuery('households.meta', {});
  const [editing, setEditing] = useState<CommuneView | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const saving = useOpMutation('households.communes.save');
  const sample = useOpMutation('households.communes.importSample');
  const importing = useOpMutation('households.communes.importXlsx');
  const totals = useOpMutation('households.communes.setTotals');
  const [year, setYear] = useReviewYear(meta.data?.defaultYear);
  const writes = [saving, sample, importing, totals];
  const busy = writes.some((m) => m.isPending);
  // One error line for the page: starting any write clears the others' old failure.
  const failed = writes.find((m) => m.error)?.error;
  const clearErrors = (): void => writes.forEach((m) => m.reset());
  const communes = meta.data?.communes ?? [];

  const open = (c: CommuneView | 'new'): void => {
    setEditing(c);
    form.setFieldsValue(c === 'new' ? { name: '', kind: 'xa', villages: [] } : { name: c.name, kind: c.kind, villages: c.villages });
  };
  const save = (v: Values): void => {
    const code = editing !== 'new' && editing ? editing.code : undefined;
    clearErrors();
    saving.mutate(
      { commune: { ...(code ? { code } : {}), name: v.name, kind: v.kind, villages: v.villages ?? [] } },
      {
        onSuccess: (saved) => {
          setEditing(null);
          message.success(t('communes.saved', { name: saved.label }));
        },
      },
    );
  };
  const loadSample = (): void => {
    clearErrors();
    sample.mutate({}, { onSuccess: (r) => void message.success(t('communes.sampleLoaded', { count: r.added })) });
  };
  const importXlsx = (file: File): void => {
    clearErrors();
    void fileToBase64(file)
      .then((base64) => importing.mutateAsync({ base64 }))
      .then(
        (r) => void message.success(t('communes.imported', { added: r.added, updated: r.updated })),
        () => undefined, // the failure is on `importing.error`, shown with the others
      );
  };
  /** Saves one commune's total households for the year when the box loses focus (blank clears it). */
  const saveTotal = (c: CommuneView, households: number | null): void => {
    if (year === undefined || (c.totalHouseholds[String(year)] ?? null) === households) return;
    clearErrors();
    totals.mutate({ year, totals: [{ code: c.code, households }] });
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
          <YearSelect year={year} years={meta.data?.years ?? []} onChange={setYear} testId="communes-year" />
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('common:back')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="add-commune">
            {t('communes.add')}
          </Button>
          {meta.data?.sampleAvailable && (
            <Button loading={busy} onClick={loadSample}>
              {t('communes.loadSample')}
            </Button>
          )}
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              importXlsx(file);
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
      <Typography.Paragraph type="secondary">{t('communes.totalHelp')}</Typography.Paragraph>
      {failed && <Alert type="error" showIcon title={errorText(t, failed)} style={{ marginBottom: 12 }} />}
      <Table<CommuneView>
        rowKey="code"
        dataSource={communes}
        loading={meta.isFetching}
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
          {
            title: t('communes.colTotal', { year }),
            key: 'total',
            width: 170,
            render: (_, c) => (
              <InputNumber<number>
                key={`${c.code}-${year}-${c.totalHouseholds[String(year)] ?? ''}`}
                defaultValue={c.totalHouseholds[String(year)]}
                min={0}
                max={10_000_000}
                precision={0}
                controls={false}
                formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : formatNumber(Number(v)))}
                parser={(text) => Number((text ?? '').replace(/[^\d]/g, ''))}
                onBlur={(e) => {
                  const digits = e.target.value.replace(/[^\d]/g, '');
                  saveTotal(c, digits === '' ? null : Number(digits));
                }}
                aria-label={t('communes.colTotal', { year }) + ' — ' + c.label}
                data-testid={`commune-total-${c.code}`}
                style={{ width: 140 }}
              />
            ),
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
        <Form form={form} layout="vertical" onFinish={save}>
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
