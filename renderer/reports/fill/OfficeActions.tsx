import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportOpen } from '../../../electron/contract/reports';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import type { ReportEditor } from './useReportEditor';

export interface OfficeActionsProps {
  data: ReportOpen;
  editor: ReportEditor;
  editing: boolean;
  onEdit: () => void;
  onSaved: (next: ReportOpen) => void;
}

/** Save draft (Ctrl+S) and "Đánh dấu hoàn thành", which stays off until the report is valid. */
export function OfficeActions({ data, editor, editing, onEdit, onSaved }: OfficeActionsProps): React.JSX.Element | null {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const saving = useOpMutation('reports.save');
  const busy = saving.isPending;
  const wasComplete = data.report?.status === 'complete';

  const save = (complete: boolean): void => {
    const values = Object.fromEntries(Object.entries(editor.values).filter(([, v]) => v !== undefined)) as ReportOpen['values'];
    saving.mutate(
      { formId: data.form.formId, period: data.period, values, complete },
      {
        onSuccess: (next) => {
          onSaved(next);
          void message.success(complete ? t('fill.completed') : t('fill.saved'));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (!editing) return;
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveRef.current(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);

  if (data.locked) return null;
  if (!editing) {
    return (
      <div className="rp-actions">
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-report">
          {t('fill.editAgain')}
        </Button>
        <Typography.Text type="secondary">{t('fill.completeHint')}</Typography.Text>
      </div>
    );
  }
  const draftButton = (
    <Button icon={<SaveOutlined />} loading={busy} onClick={wasComplete ? undefined : () => save(false)} data-testid="save-draft">
      {t('fill.saveDraft')}
    </Button>
  );
  return (
    <div className="rp-actions">
      {wasComplete ? (
        <Popconfirm title={t('fill.backToDraft')} okText={t('fill.saveDraft')} cancelText={t('fill.cancel')} onConfirm={() => save(false)}>
          {draftButton}
        </Popconfirm>
      ) : (
        draftButton
      )}
      <Button
        type="primary"
        icon={<CheckCircleOutlined />}
        loading={busy}
        disabled={!editor.canComplete}
        onClick={() => save(true)}
        data-testid="mark-complete"
      >
        {t('fill.markComplete')}
      </Button>
      <Space size={8} wrap>
        {editor.errorCount > 0 ? (
          <>
            <Typography.Text type="danger" data-testid="error-count">
              {t('fill.errorCount', { count: editor.errorCount })}
            </Typography.Text>
            <Button size="small" onClick={editor.showAll} data-testid="show-errors">
              {t('fill.showErrors')}
            </Button>
          </>
        ) : (
          <Typography.Text type="success">{t('fill.valid')}</Typography.Text>
        )}
        <Typography.Text type="secondary">{t('fill.shortcut')}</Typography.Text>
      </Space>
    </div>
  );
}
