import { Alert, Button, Popconfirm, Space, Spin } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import { DirectiveEditor } from './DirectiveEditor';
import { draftFromSaved, emptyDraft } from './draft';

/** #/directive/new or #/directive/<id>/edit: the editor on a new or a stored directive (#/directive/<id> is the read-only view). */
export function DirectiveEditorPage({ id }: { id: string | undefined }): React.JSX.Element {
  const isNew = !id || id === 'new';
  return isNew ? <NewDirective /> : <EditDirective id={id} />;
}

function NewDirective(): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const session = useSession();
  const profile = useOpQuery('app.profile', {});
  if (!profile.data) return <Spin />;
  return (
    <DirectiveEditor
      initial={emptyDraft(profile.data, session.office)}
      title={t('editor.newTitle')}
      onSaved={() => navigate('directives')}
      onCancel={() => navigate('directives')}
    />
  );
}

function EditDirective({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const q = useOpQuery('directives.get', { id });
  const deleting = useOpMutation('directives.delete');
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const remove = (): void => deleting.mutate({ id }, { onSuccess: () => navigate('directives') });
  return (
    <>
      <Space style={{ float: 'right' }}>
        <Popconfirm title={t('editor.deleteConfirm')} okText={t('common:delete')} cancelText={t('common:cancel')} okButtonProps={{ danger: true }} onConfirm={remove}>
          <Button danger icon={<DeleteOutlined />}>
            {t('editor.deleteDirective')}
          </Button>
        </Popconfirm>
      </Space>
      {deleting.error && <Alert type="error" showIcon title={errorText(t, deleting.error)} style={{ marginBottom: 16 }} />}
      <DirectiveEditor
        key={q.data.directive.id}
        initial={draftFromSaved(q.data.directive, q.data.tasks)}
        directiveId={id}
        title={t('editor.editTitle')}
        onSaved={() => navigate('directive', id)}
        onCancel={() => navigate('directive', id)}
      />
    </>
  );
}
