import { createRoot } from 'react-dom/client';
import { App } from './App';
import { call } from './api/client';
import { initI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const state = await call('app.state', {});
  await initI18n(state.language);
  root.render(<App initial={state} />);
}

void boot();
