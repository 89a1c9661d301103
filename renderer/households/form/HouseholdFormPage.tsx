import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Form, Popconfirm, Space, Spin, Typography, type InputRef } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { mediumScopeOf } from '../../../electron/domain/households/sector';
import type { HouseholdRecord, LoadedTables } from '../../../electron/contract/households';
import { normaliseIdNumber, standardForYear, standardIdForYear } from '../../../electron/contract/households';
import { call } from '../../api/client';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { ClassTag, reasonText } from '../labels';
import { useReviewYear } from '../useReviewYear';
import { ClassPreview } from './ClassPreview';
import { PhieuBSection } from './PhieuBSection';
import { HouseholdFields, type FormValues } from './HouseholdFields';
import '../households.css';

const EMPTY: FormValues = { code: '', headName: '', idNumber: '', ethnicity: '', village: '', area: 'rural', members: null, incomePerPerson: null, deprived: [], sector: '', mediumRequestOn: null, merit: false, notes: '' };

function valuesOf(r: HouseholdRecord): FormValues {
  const { phieuB, sector, mediumRequest, ...h } = r.household;
  return {
    ...h,
    sector: sector ?? '',
    mediumRequestOn: mediumRequest ? dayjs(mediumRequest.receivedOn) : null,
    communeCode: h.communeCode,
    members: h.members,
    incomePerPerson: h.incomePerPerson,
    deprived: [...h.deprived],
    phieuB: phieuB ? { table: phieuB.table, answers: { ...phieuB.answers } } : { table: null, answers: {} },
  };
}

/** The Phiếu B to save: none without a table; unanswered questions left out. */
function phieuBOf(v: FormValues['phieuB']): { table: string; answers: Record<string, string> } | undefined {
  if (!v?.table) return undefined;
  const answers = Object.fromEntries(Object.entries(v.answers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return { table: v.table, answers };
}

/** #/household/new and #/household/<id>: keyboard-first entry; Enter in "Ghi chú" saves. */
export function HouseholdFormPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { message } = App.useApp();
  const id = params[0] && params[0] !== 'new' ? params[0] : undefined;
  const meta = useOpQuery('households.meta', {});
  const [listYear] = useReviewYear(meta.data?.defaultYear);
  const [record, setRecord] = useState<HouseholdRecord | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [lastSaved, setLastSaved] = useState<HouseholdRecord | null>(null);
  const saving = useOpMutation('households.save');
  const deleting = useOpMutation('households.delete');
  const failed = saving.error ?? deleting.error;
  const { reset: resetSave } = saving;
  const { reset: resetDelete } = deleting;
  const [form] = Form.useForm<FormValues>();
  const first = useRef<InputRef | null>(null);
  const scoreTables = useOpQuery('households.scoring.tables', {});
  const tables: LoadedTables = useMemo(() => new Map((scoreTables.data ?? []).map((v) => [v.docId, v.table])), [scoreTables.data]);
  const facets = useOpQuery('households.facets', { year: record?.household.reviewYear ?? listYear ?? 2000 });

  useEffect(() => {
    setRecord(null);
    setLastSaved(null);
    resetSave();
    resetDelete();
    if (!id) {
      form.setFieldsValue(EMPTY);
      return;
    }
    call('households.get', { id })
      .then((r) => {
        setRecord(r);
        form.setFieldsValue(valuesOf(r));
      })
      .catch(setLoadError);
  }, [id, form, resetSave, resetDelete]);

  const year = record?.household.reviewYear ?? listYear;
  let standard;
  try {
    // The folder's standards (households.meta): one the Sở sent for the year counts.
    standard = year && meta.data ? standardForYear(year, meta.data.standards) : undefined;
  } catch {
    standard = undefined;
  }
  const area = Form.useWatch('area', form);
  const income = Form.useWatch('incomePerPerson', form);
  const deprived = Form.useWatch('deprived', form);
  const phieuB = Form.useWatch('phieuB', form);
  const communes = meta.data?.communes ?? [];
  const canEdit = meta.data?.role === 'office';
  const countOnly = record?.household.deprivedCount;

  const save = (v: FormValues): void => {
    if (!year || !standard) return;
    resetDelete();
    const idNumber = normaliseIdNumber(v.idNumber);
    const filled = phieuBOf(v.phieuB);
    const household = {
      // Blank: the office's store gives the code (never made from the ID number).
      code: v.code.trim(),
      headName: v.headName,
      idNumber,
      ethnicity: v.ethnicity,
      communeCode: v.communeCode ?? '',
      village: v.village ?? '',
      area: v.area,
      members: v.members ?? 0,
      incomePerPerson: v.incomePerPerson ?? 0,
      deprived: v.deprived ?? [],
      ...(v.sector ? { sector: v.sector } : {}),
      // Kept only while the sector is one of the four: another sector cannot be on that list.
      ...(v.mediumRequestOn && mediumScopeOf(v.sector) === 'listed' ? { mediumRequest: { receivedOn: v.mediumRequestOn.format('YYYY-MM-DD') } } : {}),
      merit: Boolean(v.merit),
      notes: v.notes ?? '',
      reviewYear: year,
      standardId: record?.household.standardId ?? standardIdForYear(year, meta.data?.standards) ?? standard.id,
      ...(filled ? { phieuB: filled } : {}),
      // A count-only figure from an imported list stays until the officer marks as many indicators.
      ...(countOnly !== undefined && (v.deprived ?? []).length < countOnly ? { deprivedCount: countOnly } : {}),
    };
    saving.mutate(
      { ...(record ? { id: record.id } : {}), household },
      {
        onSuccess: (saved) => {
          message.success(t('form.saved', { name: saved.household.headName }));
          setLastSaved(saved);
          if (record) {
            setRecord(saved);
            if (saved.id !== record.id) navigate('household', saved.id);
          } else {
            // Next household: keep where we are (commune, village, area, ethnicity), clear the rest.
            form.setFieldsValue({ ...EMPTY, communeCode: v.communeCode, village: v.village, area: v.area, ethnicity: v.ethnicity, sector: v.sector, phieuB: { table: v.phieuB?.table ?? null, answers: {} } });
            first.current?.focus();
          }
        },
      },
    );
  };

  const remove = (): void => {
    if (!record) return;
    resetSave();
    deleting.mutate(
      { id: record.id },
      {
        onSuccess: () => {
          message.success(t('form.deleted'));
          navigate('households');
        },
      },
    );
  };

  if (loadError) return <Alert type="error" showIcon title={errorText(t, loadError)} />;
  if ((id && !record) || !meta.data) return <Spin />;
  return (
    <div className="hh-page">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {record ? t('form.editTitle', { name: record.household.headName }) : t('form.newTitle', { year })}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('form.backToList')}
          </Button>
          {record && canEdit && (
            <Popconfirm title={t('form.deleteConfirm')} onConfirm={remove} okText={t('form.delete')} cancelText={t('personal.cancel')}>
              <Button danger icon={<DeleteOutlined />}>
                {t('form.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {record && !canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="read-only"
          title={t('form.readOnly', { office: meta.data?.offices.find((o) => o.code === record.owner)?.name ?? record.owner })}
        />
      )}
      {!standard && <Alert type="warning" showIcon title={t('errors.HOUSEHOLD_NO_STANDARD_FOR_YEAR', { year })} style={{ marginBottom: 12 }} />}
      {failed && <Alert type="error" showIcon title={errorText(t, failed)} style={{ marginBottom: 12 }} data-testid="save-error" />}
      {lastSaved && !record && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="last-saved"
          title={
            <span>
              {t('form.lastSaved', { name: lastSaved.household.headName, code: lastSaved.household.code })} <ClassTag value={lastSaved.class} /> {t(`basis.${lastSaved.classBasis}`)}{lastSaved.classBasis === 'income' ? `: ${reasonText(t, lastSaved.reason)}` : ''}
            </span>
          }
        />
      )}
      {standard && (
        <div className="hh-form-layout">
          <Form<FormValues> form={form} initialValues={EMPTY} layout="vertical" onFinish={save} disabled={!canEdit} className="hh-form" data-testid="household-form">
            <HouseholdFields
              form={form}
              year={year as number}
              exceptId={record?.id}
              communes={communes}
              villageHints={(facets.data?.villages ?? []).filter((v) => v.communeCode === form.getFieldValue('communeCode')).map((v) => v.village)}
              standard={standard}
              firstField={first}
              onLastEnter={() => form.submit()}
              readOnly={!canEdit}
              beforeDeprived={<PhieuBSection year={year as number} standard={standard} area={area} deprived={deprived} deprivedCount={countOnly} value={phieuB} readOnly={!canEdit} />}
            />
            {canEdit && (
              <Button type="primary" icon={<SaveOutlined />} loading={saving.isPending} onClick={() => form.submit()} data-testid="save-household">
                {record ? t('form.save') : t('form.saveNext')}
              </Button>
            )}
          </Form>
          <div className="hh-side">
            {countOnly !== undefined && (deprived ?? []).length < countOnly && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="count-only" title={t('form.countOnly', { count: countOnly })} />
            )}
            <ClassPreview
              standard={standard}
              area={area}
              income={income}
              deprived={deprived}
              deprivedCount={countOnly}
              record={record}
              previousClass={record?.previousClass ?? null}
              year={year as number}
              phieuB={phieuBOf(phieuB)}
              tables={tables}
            />
          </div>
        </div>
      )}
    </div>
  );
}
