import '@mantine/core/styles.css';
import './app.css';
import { Alert, type CSSVariablesResolver, createTheme, MantineProvider, Table } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { ApiError } from './lib/api.ts';
import { AuthProvider } from './lib/auth.tsx';

const fontFamily = '"BIZ UDPGothic", "Noto Sans JP", "IPAexGothic", sans-serif';
const theme = createTheme({
  fontFamily,
  headings: { fontFamily },
  primaryColor: 'blue',
  primaryShade: 8,
  focusRing: 'always',
  components: {
    // alert titles in dark text: the light tints are too pale for coloured text (WCAG AA)
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-black)' } } }),
    Table: Table.extend({ defaultProps: { stripedColor: 'gray.0', highlightOnHoverColor: 'blue.0' } }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // never retry an auth or permission error; resident data stays in memory only
      retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Secondary and error text dark enough for WCAG AA contrast.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AuthProvider>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
