import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { FormEditor } from './FormEditor';
import { FormVersionView } from './FormVersionView';
import '../reports.css';

/** #/report-form/<formId>/<version> shows a version; #/report-form/<formId>/new edits the next one. */
export function FormPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const [formId = '', which = ''] = params;
  const editing = which === 'new';
  const version = Number(which);
  const q = useOpQuery('reports.form', !editing && Number.isInteger(version) && version > 0 ? { formId, version } : { formId });
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  return editing ? <FormEditor key={`${formId}@${q.data.version}`} form={q.data} /> : <FormVersionView form={q.data} />;
}
