import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Proposal } from './draft';

/** What the reader of a pasted notice could not decide; shown above the editor until saved. */
export function ExtractWarnings({ proposal }: { proposal: Proposal }): React.JSX.Element | null {
  const { t } = useTranslation('tasks');
  const general = proposal.warnings.filter((w) => w.taskIndex === undefined);
  const perTask = proposal.warnings.length - general.length;
  if (proposal.warnings.length === 0) {
    return <Alert type="success" showIcon title={t('paste.noWarnings')} style={{ marginBottom: 16 }} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="extract-warnings"
      style={{ marginBottom: 16 }}
      title={t('paste.warningsTitle', { count: proposal.warnings.length })}
      description={
        <>
          {general.length > 0 && (
            <ul className="sv-warning-list">
              {general.map((w, i) => (
                <li key={i}>{t(w.messageKey, w.params)}</li>
              ))}
            </ul>
          )}
          {perTask > 0 && <div>{t('paste.taskWarnings', { count: perTask })}</div>}
          <div className="muted">{t('paste.nothingSaved')}</div>
        </>
      }
    />
  );
}
