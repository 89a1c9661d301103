import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { LanguageSwitch } from './LanguageSwitch';
import { useAppState } from '../ui/session';
import { foldFilter } from '../ui/filter';
import { formatDate } from '../i18n/format';
import type { Role } from '../../electron/contract/app';
import { isLowerUnit, lowerUnits } from '../../electron/domain/org';
import { applyOrgTerms } from '../../electron/domain/translate';
import { AcceptPackage } from '../sync/AcceptPackage';

interface FirstRunValues {
  profileId: string;
  role: Role;
  officeCode?: string;
  officerName: string;
}

/** First start: which office this PC belongs to, and who uses it. */
export function FirstRun(): React.JSX.Element {
  const { t, i18n } = useTranslation('app');
  const { setState } = useAppState();
  const current = useOpQuery('app.profile', {});
  const profiles = useOpQuery('app.profiles', {});
  const [form] = Form.useForm<FirstRunValues>();
  const role = Form.useWatch('role', form) ?? 'office';
  const profileId = Form.useWatch('profileId', form) ?? current.data?.id;
  const setup = useOpMutation('app.setup');
  // Or: a setup package from the Sở and its mã đăng ký set this PC up and trust both sides.
  const [fromPackage, setFromPackage] = useState(false);
  const [started, setStarted] = useState(false);
  const after = useOpQuery('app.state', {}, { enabled: started, extraKey: ['afterEnrol'] });
  useEffect(() => {
    if (started && after.data?.session) setState(after.data);
  }, [started, after.data, setState]);
  // The chosen profile's own units and words (the folder's profile until another is chosen).
  const profile = profiles.data?.find((p) => p.id === profileId) ?? current.data;
  if (profile) applyOrgTerms(i18n, profile);

  const officeOptions = useMemo(() => {
    if (!profile) return [];
    const units = profile.units;
    return [
      {
        label: t('firstRun.groupDistricts'),
        options: lowerUnits(profile).map((u) => ({ label: u.name, value: u.code })),
      },
      {
        label: t('firstRun.groupUnits'),
        options: units.filter((u) => !isLowerUnit(profile, u) && (u.type === 'unit' || u.type === 'school')).map((u) => ({ label: u.name, value: u.code })),
      },
    ].filter((g) => g.options.length > 0);
  }, [profile, t]);

  const submit = (v: FirstRunValues): void => {
    // The Sở's own code comes from the profile (SO in 2022, SNV from 2025); the core checks it.
    const so = profile?.units.find((u) => u.type === 'department')?.code ?? '';
    setup.mutate(
      { role: v.role, officeCode: v.role === 'so' ? so : (v.officeCode ?? ''), officerName: v.officerName, ...(v.profileId ? { profileId: v.profileId } : {}) },
      { onSuccess: setState },
    );
  };

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
        {fromPackage ? (
          <>
            <AcceptPackage needName onStart={() => setStarted(true)} />
            <Button type="link" onClick={() => setFromPackage(false)} style={{ paddingLeft: 0, marginTop: 8 }}>
              {t('bundles:enrol.accept.firstRunBack')}
            </Button>
          </>
        ) : (
          <>
            <Button type="link" onClick={() => setFromPackage(true)} style={{ paddingLeft: 0, marginBottom: 8 }} data-testid="first-run-package">
              {t('bundles:enrol.accept.firstRunLink')}
            </Button>
            {setup.error && <Alert type="error" showIcon title={errorText(t, setup.error)} style={{ marginBottom: 16 }} />}
            <Form<FirstRunValues> form={form} layout="vertical" initialValues={{ role: 'office' }} onFinish={submit} requiredMark={false}>
              {current.data && (
                <Form.Item name="profileId" label={t('firstRun.profileChoice')} initialValue={current.data.id}>
                  <Radio.Group
                    style={{ width: '100%' }}
                    onChange={() => form.setFieldValue('officeCode', undefined)}
                    data-testid="profile-choice"
                  >
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {(profiles.data ?? [current.data]).map((p) => (
                        <Radio key={p.id} value={p.id} data-testid={`profile-${p.id}`}>
                          <strong>{p.name}</strong>{' '}
                          {p.historical ? (
                            <Tag>{t('firstRun.profileHistorical')}</Tag>
                          ) : (
                            <span className="muted">
                              {t('firstRun.profileCurrent', { date: formatDate(p.effectiveFrom), count: lowerUnits(p).length })}
                            </span>
                          )}
                        </Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
              )}
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
          </>
        )}
      </Card>
    </div>
  );
}
