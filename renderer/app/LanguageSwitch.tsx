import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAppState } from '../ui/session';
import type { Language } from '../../electron/contract/app';

/** Switches the UI language at once and remembers it in the installation settings. */
export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { setState } = useAppState();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language')}
      value={i18n.language as Language}
      options={[
        { label: t('languages.vi'), value: 'vi' },
        { label: t('languages.en'), value: 'en' },
      ]}
      onChange={async (language) => {
        await i18n.changeLanguage(language);
        setState(await call('app.setLanguage', { language }));
      }}
    />
  );
}
