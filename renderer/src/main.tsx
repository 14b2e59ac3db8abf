import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './ui/global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import * as catalog from './app/catalog';
import { initI18n, storedLanguage } from './i18n';
import { theme } from './ui/theme';

initI18n(catalog);
document.documentElement.lang = storedLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/*
        Two at most, in the navigation's empty lower part (global.css): a confirmation never lies
        over the year selector, a row's actions or the form being filled in.
      */}
      <Notifications position="bottom-left" limit={2} autoClose={4000} containerWidth={214} />
      <App />
    </MantineProvider>
  </StrictMode>,
);
