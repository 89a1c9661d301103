import { AutoComplete, Checkbox, DatePicker, Form, Input, InputNumber, Select, type FormInstance, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Rule } from 'antd/es/form';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area, CommuneView, PovertyStandard, Sector } from '../../../electron/contract/households';
import { isValidIdNumber, normaliseIdNumber, SECTORS } from '../../../electron/contract/households';
import { mediumScopeOf } from '../../../electron/domain/households/sector';
import { call } from '../../api/client';
import { foldFilter } from '../../ui/filter';
import { IndicatorChecks } from './IndicatorChecks';
import { MoneyInput } from './MoneyInput';
import type { PhieuBValues } from './PhieuBSection';

export interface FormValues {
  code: string;
  headName: string;
  idNumber: string;
  ethnicity: string;
  communeCode?: string;
  village: string;
  area: Area;
  members: number | null;
  incomePerPerson: number | null;
  deprived: string[];
  /** '' = not recorded ("Chưa rõ ngành"). */
  sector: Sector | '';
  /** Ngày nộp giấy đề nghị (asked only for the four sectors of the medium-living list). */
  mediumRequestOn: Dayjs | null;
  merit: boolean;
  notes: string;
  phieuB?: PhieuBValues;
}

const ETHNICITIES = ['Tày', 'Nùng', 'Kinh', 'Dao', 'Mông', 'Sán Chay', 'Hoa', 'Sán Dìu'];

interface Props {
  form: FormInstance<FormValues>;
  year: number;
  exceptId: string | undefined;
  communes: CommuneView[];
  villageHints: string[];
  standard: PovertyStandard;
  firstField: RefObject<InputRef | null>;
  onLastEnter: () => void;
  /** Viewing another office's record (the Sở): no typing hints. */
  readOnly?: boolean;
  /** Phiếu B part B1, shown before the deprivations (B2) as on the paper form. */
  beforeDeprived?: ReactNode;
}

/**
 * The fields in the order of the paper review form, so Tab walks them as the officer reads the
 * paper: mã hộ, chủ hộ, CCCD, dân tộc, xã, thôn, khu vực, nhân khẩu, thu nhập, the 12 indicators,
 * hộ người có công, ghi chú. Each field checks itself as it is typed.
 */
export function HouseholdFields({ form, year, exceptId, communes, villageHints, standard, firstField, onLastEnter, readOnly = false, beforeDeprived }: Props): React.JSX.Element {
  // The Giấy đề nghị matters only to a household that can be on the medium-living list.
  const listedSector = mediumScopeOf(Form.useWatch('sector', form)) === 'listed';
  const { t } = useTranslation('households');
  const communeCode = Form.useWatch('communeCode', form);
  const commune = communes.find((c) => c.code === communeCode);
  const villages = [...new Set([...(commune?.villages ?? []), ...villageHints])];

  const idRules: Rule[] = [
    { required: true, whitespace: true, message: t('form.idRequired') },
    {
      validator: async (_r, raw: string | undefined) => {
        const id = normaliseIdNumber(raw ?? '');
        if (id === '') return;
        if (!isValidIdNumber(id)) throw new Error(t('form.idInvalid'));
        const check = await call('households.checkId', { idNumber: id, year, ...(exceptId ? { exceptId } : {}) });
        const twin = check.duplicates[0];
        if (twin) throw new Error(t('form.idDuplicate', { code: twin.code, name: twin.headName }));
      },
    },
  ];

  return (
    <>
      <div className="hh-grid hh-grid-id">
        <Form.Item name="code" label={t('field.code')} extra={readOnly ? undefined : t('form.codeHelp')} rules={[{ max: 64 }]}>
          <Input ref={firstField} autoFocus autoComplete="off" data-testid="f-code" />
        </Form.Item>
        <Form.Item name="headName" label={t('field.headName')} rules={[{ required: true, whitespace: true, message: t('form.headRequired') }, { max: 120 }]}>
          <Input autoComplete="off" data-testid="f-head" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('field.idNumber')} rules={idRules} validateDebounce={150} hasFeedback>
          <Input autoComplete="off" inputMode="numeric" maxLength={20} data-testid="f-id" />
        </Form.Item>
      </div>
      <div className="hh-grid hh-grid-4">
        <Form.Item name="ethnicity" label={t('field.ethnicity')} rules={[{ required: true, whitespace: true, message: t('form.ethnicityRequired') }]}>
          <AutoComplete options={ETHNICITIES.map((e) => ({ value: e }))} showSearch={{ filterOption: (input, o) => foldFilter(input, { label: o?.value }) }} data-testid="f-ethnicity" />
        </Form.Item>
        <Form.Item name="communeCode" label={t('field.commune')} rules={[{ required: true, message: t('form.communeRequired') }]}>
          <Select
            showSearch={{ filterOption: foldFilter }}
            options={communes.map((c) => ({ value: c.code, label: c.label }))}
            onChange={(code: string) => {
              const c = communes.find((x) => x.code === code);
              if (c) form.setFieldsValue({ area: c.area, village: '' });
            }}
            data-testid="f-commune"
          />
        </Form.Item>
        <Form.Item name="village" label={t('field.village')} rules={[{ max: 80 }]}>
          <AutoComplete options={villages.map((v) => ({ value: v }))} showSearch={{ filterOption: (input, o) => foldFilter(input, { label: o?.value }) }} data-testid="f-village" />
        </Form.Item>
        <Form.Item name="area" label={t('field.area')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'rural', label: t('area.rural') },
              { value: 'urban', label: t('area.urban') },
            ]}
            data-testid="f-area"
          />
        </Form.Item>
      </div>
      <div className="hh-grid hh-grid-3">
        <Form.Item
          name="members"
          label={t('field.members')}
          rules={[
            { required: true, message: t('form.membersRequired') },
            { type: 'integer', min: 1, max: 99, message: t('form.membersRange') },
          ]}
        >
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="f-members" />
        </Form.Item>
        <Form.Item
          name="incomePerPerson"
          label={t('form.incomeLabel')}
          rules={[
            { required: true, message: t('form.incomeRequired') },
            { type: 'number', min: 0, max: 1_000_000_000, message: t('form.incomeRange') },
          ]}
        >
          <MoneyInput suffix="đ" data-testid="f-income" />
        </Form.Item>
      </div>
      {beforeDeprived}
      <Form.Item name="deprived" label={t('field.deprived')} className="hh-deprived-item">
        <IndicatorChecks standard={standard} />
      </Form.Item>
      <Form.Item name="sector" label={t('field.sector')} extra={readOnly ? undefined : t('form.sectorHint')} style={{ maxWidth: 460 }}>
        <Select
          data-testid="f-sector"
          options={[...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) })), { value: '', label: t('sector.unknown') }]}
        />
      </Form.Item>
      {listedSector && (
        <Form.Item
          name="mediumRequestOn"
          label={t('field.mediumRequest')}
          extra={readOnly ? undefined : t('form.mediumRequestHint')}
          rules={[{ validator: async (_r, v: Dayjs | null) => (v && v.isAfter(dayjs(), 'day') ? Promise.reject(new Error(t('form.mediumRequestFuture'))) : undefined) }]}
          style={{ maxWidth: 460 }}
        >
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} data-testid="f-medium-request" />
        </Form.Item>
      )}
      <div className="hh-grid hh-grid-notes">
        <Form.Item name="merit" valuePropName="checked" label={t('field.merit')}>
          <Checkbox data-testid="f-merit">{t('form.meritYes')}</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label={t('field.notes')} extra={readOnly ? undefined : t('form.enterSaves')} rules={[{ max: 1000 }]}>
          <Input
            autoComplete="off"
            data-testid="f-notes"
            onPressEnter={(e) => {
              e.preventDefault();
              onLastEnter();
            }}
          />
        </Form.Item>
      </div>
    </>
  );
}
