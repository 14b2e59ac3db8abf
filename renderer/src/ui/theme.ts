import { createTheme } from '@mantine/core';

/** Police blue, system fonts (nothing fetched from outside), a clearly visible keyboard focus. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  focusRing: 'auto',
  defaultRadius: 'sm',
});
