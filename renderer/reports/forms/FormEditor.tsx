import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueRule, Indicator, ReportForm, Section } from '../../../electron/contract/reports';
import type { Cutoff } from '../../../electron/domain/reports/window';
import { formIndicators } from '../../../electron/contract/reports';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { CutoffEditor } from './CutoffEditor';
import { DueRuleEditor } from './DueRuleEditor';
import { IndicatorEditorRow } from './IndicatorEditorRow';
import { newIndicator, suggestIndicatorId } from './draft';

interface EditorValues {
  title: string;
  dueRule: DueRule;
  /** null: the calendar period (the core then drops the form's cut-off). */
  cutoff: Cutoff | null;
  sections: Section[];
}

/**
 * A new version of a form: labels, units of new indicators, required-ness, bounds, new
 * indicators in a section, the due rule, the cut-off day. The core checks the result (versions.newVersion) and
 * refuses changes that would stop reports on earlier versions from adding up.
 */
export function FormEditor({ form }: { form: ReportForm }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const [editor] = Form.useForm<EditorValues>();
  const initialValues = useMemo<EditorValues>(() => ({ title: form.title, dueRule: form.dueRule, cutoff: form.cutoff ?? null, sections: structuredClone(form.sections) }), [form]);
  // Sections have no Form.Item of their own (rows edit them); `preserve` watches the store value anyway.
  const sections: Section[] = Form.useWatch('sections', { form: editor, preserve: true }) ?? initialValues.sections;
  // Every value in the store, also the sections that no Form.Item registers.
  const values = (): EditorValues => editor.getFieldsValue(true);
  const setSections = (next: (all: Section[]) => Section[]): void => editor.setFieldValue('sections', next(values().sections));
  const saving = useOpMutation('reports.saveVersion');
  const existing = new Set(formIndicators(form).map((i) => i.id));
  // Ids of new indicators follow their label until the officer types an id of their own.
  const [typedIds, setTypedIds] = useState<Set<string>>(new Set());
  const edit = (si: number, ii: number, before: Indicator, next: Indicator, field?: 'id'): void => {
    if (field === 'id') setTypedIds((s) => new Set(s).add(next.id));
    else if (!existing.has(before.id) && !typedIds.has(before.id) && next.label !== before.label) {
      const section = sections[si];
      const taken = new Set(sections.flatMap((x) => x.indicators.map((i) => i.id)).filter((id) => id !== before.id));
      if (section) next = { ...next, id: suggestIndicatorId(section, next.label, taken) };
    }
    setIndicator(si, ii, next);
  };

  const setIndicator = (si: number, ii: number, next: Indicator | null): void =>
    setSections((all) =>
      all.map((s, i) =>
        i !== si ? s : { ...s, indicators: next ? s.indicators.map((x, j) => (j === ii ? next : x)) : s.indicators.filter((_, j) => j !== ii) },
      ),
    );
  const add = (si: number): void =>
    setSections((all) =>
      all.map((s, i) => {
        if (i !== si) return s;
        const taken = new Set(all.flatMap((x) => x.indicators.map((ind) => ind.id)));
        const label = t('editor.newLabel');
        return { ...s, indicators: [...s.indicators, newIndicator(suggestIndicatorId(s, label, taken), label, 'integer', '')] };
      }),
    );

  const save = (): void =>
    saving.mutate(
      { formId: form.formId, basedOn: form.version, changes: values() },
      {
        onSuccess: (next) => {
          void message.success(t('editor.saved', { version: next.version }));
          navigate('report-form', form.formId, String(next.version));
        },
      },
    );

  return (
    <div data-testid="form-editor">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('editor.title', { version: form.version + 1 })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('editor.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={editor} initialValues={initialValues} layout="vertical" requiredMark={false} component="div">
          <Form.Item name="title" label={<Typography.Text strong>{t('editor.formTitle')}</Typography.Text>}>
            <Input />
          </Form.Item>
          <Form.Item name="dueRule" label={<Typography.Text strong>{t('forms.dueRule')}</Typography.Text>}>
            <DueRuleEditor />
          </Form.Item>
          <Form.Item name="cutoff" label={<Typography.Text strong>{t('editor.cutoff')}</Typography.Text>} style={{ marginBottom: 0 }}>
            <CutoffEditor periodType={form.periodType} />
          </Form.Item>
        </Form>
      </Card>
      {sections.map((s, si) => (
        <Card key={s.id} size="small" title={s.title} style={{ marginBottom: 16 }}>
          {s.indicators.map((ind, ii) => (
            <IndicatorEditorRow
              key={`${si}-${ii}`}
              indicator={ind}
              isNew={!existing.has(ind.id)}
              onChange={(next, field) => edit(si, ii, ind, next, field)}
              onRemove={existing.has(ind.id) ? undefined : () => setIndicator(si, ii, null)}
            />
          ))}
          <Button icon={<PlusOutlined />} type="dashed" onClick={() => add(si)} style={{ marginTop: 8 }} data-testid={`add-indicator-${s.id}`}>
            {t('editor.addIndicator')}
          </Button>
        </Card>
      ))}
      {saving.error && <Alert type="error" showIcon title={errorText(t, saving.error)} style={{ marginBottom: 12 }} data-testid="editor-error" />}
      <div className="rp-actions">
        <Button type="primary" icon={<SaveOutlined />} loading={saving.isPending} onClick={save} data-testid="save-version">
          {t('editor.save', { version: form.version + 1 })}
        </Button>
        <Button onClick={() => navigate('report-form', form.formId, String(form.version))}>{t('fill.cancel')}</Button>
      </div>
    </div>
  );
}
