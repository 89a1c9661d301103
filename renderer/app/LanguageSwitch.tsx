import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { useAppState } from '../ui/session';
import type { Language } from '../../electron/contract/app';

/** Switches the UI language at once and remembers it in the installation settings. */
export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { setState } = useAppState();
  const { message } = App.useApp();
  const remember = useOpMutation('app.setLanguage');
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language')}
      value={i18n.language as Language}
      options={[
        { label: t('languages.vi'), value: 'vi' },
        { label: t('languages.en'), value: 'en' },
      ]}
      onChange={(language) => {
        void i18n.changeLanguage(language).then(() => remember.mutate({ language }, { onSuccess: setState, onError: (e) => void message.error(errorText(t, e)) }));
      }}
    />
  );
}
