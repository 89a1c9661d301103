import { useMemo } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { LanguageSwitch } from './LanguageSwitch';
import { useAppState } from '../ui/session';
import { foldFilter } from '../ui/filter';
import type { Role } from '../../electron/contract/app';

interface FirstRunValues {
  role: Role;
  officeCode?: string;
  officerName: string;
}

/** First start: which office this PC belongs to, and who uses it. */
export function FirstRun(): React.JSX.Element {
  const { t } = useTranslation('app');
  const { setState } = useAppState();
  const profile = useOpQuery('app.profile', {});
  const [form] = Form.useForm<FirstRunValues>();
  const role = Form.useWatch('role', form) ?? 'office';
  const setup = useOpMutation('app.setup');

  const officeOptions = useMemo(() => {
    const units = profile.data?.units ?? [];
    return [
      {
        label: t('firstRun.groupDistricts'),
        options: units.filter((u) => u.type === 'districtOffice').map((u) => ({ label: u.name, value: u.code })),
      },
      {
        label: t('firstRun.groupUnits'),
        options: units.filter((u) => u.type === 'unit' || u.type === 'school').map((u) => ({ label: u.name, value: u.code })),
      },
    ];
  }, [profile.data, t]);

  const submit = (v: FirstRunValues): void =>
    setup.mutate({ role: v.role, officeCode: v.role === 'so' ? 'SO' : (v.officeCode ?? ''), officerName: v.officerName }, { onSuccess: setState });

  return (
    <div className="first-run">
      <div className="first-run-top">
        <LanguageSwitch />
      </div>
      <Card className="first-run-card">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('firstRun.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('firstRun.intro')}</Typography.Paragraph>
        {profile.data && <Typography.Paragraph>{t('firstRun.profile', { name: profile.data.name })}</Typography.Paragraph>}
        {setup.error && <Alert type="error" showIcon title={errorText(t, setup.error)} style={{ marginBottom: 16 }} />}
        <Form<FirstRunValues> form={form} layout="vertical" initialValues={{ role: 'office' }} onFinish={submit} requiredMark={false}>
          <Form.Item name="role" label={t('firstRun.role')}>
            <Radio.Group style={{ width: '100%' }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Radio value="office" data-testid="role-office">
                  <strong>{t('firstRun.roleOffice')}</strong>
                  <div className="muted">{t('firstRun.roleOfficeHelp')}</div>
                </Radio>
                <Radio value="so" data-testid="role-so">
                  <strong>{t('firstRun.roleSo')}</strong>
                  <div className="muted">{t('firstRun.roleSoHelp')}</div>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {role === 'office' && (
            <Form.Item name="officeCode" label={t('firstRun.office')} rules={[{ required: true, message: t('firstRun.officeRequired') }]}>
              <Select
                showSearch={{ filterOption: foldFilter }}
                placeholder={t('firstRun.officePlaceholder')}
                options={officeOptions}
                data-testid="office-select"
              />
            </Form.Item>
          )}
          <Form.Item
            name="officerName"
            label={t('firstRun.officerName')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('firstRun.nameTooShort') }]}
          >
            <Input placeholder={t('firstRun.officerNamePlaceholder')} autoComplete="name" data-testid="officer-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={setup.isPending} block data-testid="start">
            {t('firstRun.start')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
