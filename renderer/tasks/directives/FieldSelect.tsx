import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../electron/contract/tasks';
import { fold } from '../../../electron/domain/text';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { foldFilter } from '../../ui/filter';

interface Props {
  value: string | null;
  onChange: (code: string | null) => void;
  fields: FieldDef[];
  onFieldsChange: (fields: FieldDef[]) => void;
  warn?: boolean;
}

/** Lĩnh vực of a task, from the list the Sở can extend ("Thêm lĩnh vực"). */
export function FieldSelect({ value, onChange, fields, onFieldsChange, warn }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const name = Form.useWatch('name', form) ?? '';
  const creating = useOpMutation('fields.add');

  const add = (): void =>
    creating.mutate(
      { name },
      {
        onSuccess: (next) => {
          onFieldsChange(next);
          const created = next.find((f) => fold(f.name) === fold(name));
          if (created) onChange(created.code);
          setAdding(false);
          form.resetFields();
        },
      },
    );

  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          value={value ?? undefined}
          onChange={(v) => onChange(v ?? null)}
          allowClear
          status={warn ? 'warning' : undefined}
          placeholder={t('editor.fieldPlaceholder')}
          showSearch={{ filterOption: foldFilter }}
          options={fields.map((f) => ({ value: f.code, label: f.name }))}
          // Takes what the "+" button leaves; a width of 100% pushed the button over the next column.
          style={{ flex: 1, minWidth: 0 }}
          data-testid="task-field"
        />
        <Tooltip title={t('editor.addField')}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} aria-label={t('editor.addField')} />
        </Tooltip>
      </Space.Compact>
      {/* The form outlives the modal's content (destroyed when hidden), so a cancelled name is still there next time. */}
      <Form form={form} component={false}>
        <Modal
          open={adding}
          title={t('editor.addField')}
          okText={t('editor.addFieldOk')}
          cancelText={t('common:cancel')}
          onOk={add}
          okButtonProps={{ disabled: name.trim().length < 2, loading: creating.isPending }}
          onCancel={() => setAdding(false)}
          destroyOnHidden
        >
          {creating.error && <Alert type="error" showIcon title={errorText(t, creating.error)} style={{ marginBottom: 12 }} />}
          <Form.Item name="name" noStyle>
            <Input placeholder={t('editor.addFieldPlaceholder')} onPressEnter={add} autoFocus />
          </Form.Item>
        </Modal>
      </Form>
    </>
  );
}
