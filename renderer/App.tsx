import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, App as AntApp, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../electron/contract/app';
import { createQueryClient } from './api/hooks';
import { ProfileTerms } from './app/ProfileTerms';
import { AppContext } from './ui/session';
import { FirstRun } from './app/FirstRun';
import { Shell } from './app/Shell';
import { RecoveryCodeStep } from './app/RecoveryCodeStep';

export function App({ initial }: { initial: AppState }): React.JSX.Element {
  const [state, setState] = useState(initial);
  // One cache for the window's lifetime; created once so a re-render keeps every cached read.
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  useEffect(() => {
    dayjs.locale(lang);
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={lang === 'en' ? enUS : viVN}
        theme={{ token: { colorPrimary: '#1f4e8c', borderRadius: 6, fontFamily: "'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif" } }}
      >
        <AntApp>
          <AppContext.Provider value={{ state, setState }}>
            <ProfileTerms>
              {/* First run ends with the recovery code, shown once (core/atRest). */}
              {!state.session ? <FirstRun /> : state.recoveryCode ? <RecoveryCodeStep code={state.recoveryCode} /> : <Shell />}
            </ProfileTerms>
          </AppContext.Provider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

export function Loading(): React.JSX.Element {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}
