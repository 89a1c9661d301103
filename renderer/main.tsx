import { createRoot } from 'react-dom/client';
import { App } from './App';
import { call } from './api/client';
import { initI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const state = await call('app.state', {});
  // The profile's words ("Phòng LĐTBXH" or "xã, phường") are in place before the first paint.
  await initI18n(state.language, await call('app.profile', {}));
  root.render(<App initial={state} />);
}

void boot();
