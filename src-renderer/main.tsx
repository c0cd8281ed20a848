// Renderer entry: applies the remembered language and theme, then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useLocaleStore } from './i18n/i18n';
import { applyTheme, useThemeStore } from './features/settings/theme-store';
import './ui/theme.css';

document.documentElement.lang = useLocaleStore.getState().locale;
applyTheme(useThemeStore.getState().theme);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
