import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DIRECTIVE_TYPES, type DirectiveInput } from '../../../electron/contract/tasks';
import { directiveTypeLabel } from '../labels';
import { HintItem } from './HintItem';
import type { MetaKey } from './draft';

interface Props {
  value: DirectiveInput;
  onChange: (next: DirectiveInput) => void;
  undecided: Set<MetaKey>;
  titleError?: string | null;
}

/** The directive's official metadata: type, số/ký hiệu, ngày, bodies, trích yếu, signer, nơi nhận, text. */
export function DirectiveMetaForm({ value, onChange, undecided, titleError }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const set = <K extends keyof DirectiveInput>(k: K, v: DirectiveInput[K]): void => onChange({ ...value, [k]: v });
  const text = (k: 'number' | 'symbol' | 'place' | 'issuingBody' | 'parentBody' | 'signer', label: string, placeholder?: string) => (
    <HintItem label={label} undecided={undecided.has(k)} empty={!value[k]} testId={`meta-${k}`}>
      <Input value={value[k]} onChange={(e) => set(k, e.target.value)} placeholder={placeholder} data-testid={`input-${k}`} />
    </HintItem>
  );
  return (
    <Form layout="vertical" requiredMark={false} component="div">
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <HintItem label={t('meta.type')} undecided={undecided.has('type')} empty={false}>
            <Select
              value={value.type}
              onChange={(v) => set('type', v)}
              options={DIRECTIVE_TYPES.map((d) => ({ value: d, label: directiveTypeLabel(t, d) }))}
              data-testid="input-type"
            />
          </HintItem>
        </Col>
        <Col xs={12} md={5}>
          {text('number', t('meta.number'), t('meta.numberPlaceholder'))}
        </Col>
        <Col xs={12} md={6}>
          {text('symbol', t('meta.symbol'), 'TB-SLĐTBXH')}
        </Col>
        <Col xs={24} md={6}>
          <HintItem label={t('meta.date')} undecided={undecided.has('date')} empty={!value.date} testId="meta-date">
            <DatePicker
              format="DD/MM/YYYY"
              value={value.date ? dayjs(value.date) : null}
              onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : null)}
              placeholder={t('meta.datePlaceholder')}
              style={{ width: '100%' }}
              data-testid="input-date"
            />
          </HintItem>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8} xl={6}>
          {text('place', t('meta.place'), 'Lạng Sơn')}
        </Col>
        <Col xs={24} md={16} xl={8}>
          {text('parentBody', t('meta.parentBody'), 'UBND TỈNH LẠNG SƠN')}
        </Col>
        <Col xs={24} xl={10}>
          {text('issuingBody', t('meta.issuingBody'))}
        </Col>
      </Row>
      <HintItem label={t('meta.title')} undecided={undecided.has('title')} empty={!value.title} error={titleError} testId="meta-title">
        <Input.TextArea value={value.title} onChange={(e) => set('title', e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="input-title" />
      </HintItem>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          {text('signer', t('meta.signer'), 'Nguyễn Mạnh Cường')}
        </Col>
        <Col xs={24} md={14}>
          <HintItem label={t('meta.signerTitle')} undecided={undecided.has('signerTitle')} empty={!value.signerTitle} testId="meta-signerTitle">
            <Input value={value.signerTitle} onChange={(e) => set('signerTitle', e.target.value)} placeholder="TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG" data-testid="input-signerTitle" />
          </HintItem>
        </Col>
      </Row>
      <HintItem
        label={t('meta.recipients')}
        undecided={undecided.has('recipients')}
        empty={value.recipients.length === 0}
        help={t('meta.recipientsHelp')}
        testId="meta-recipients"
      >
        <Input.TextArea
          value={value.recipients.join('\n')}
          onChange={(e) => set('recipients', e.target.value.split('\n'))}
          autoSize={{ minRows: 3, maxRows: 10 }}
          data-testid="input-recipients"
        />
      </HintItem>
      <Form.Item label={t('meta.text')}>
        <Input.TextArea value={value.text} onChange={(e) => set('text', e.target.value)} autoSize={{ minRows: 4, maxRows: 14 }} data-testid="input-text" />
      </Form.Item>
    </Form>
  );
}
