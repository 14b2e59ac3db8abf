import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type VariantColorsResolver } from '@mantine/core';

/**
 * Text on tinted backgrounds (light, subtle and outline variants of alerts, badges and buttons):
 * Mantine's shade 6 reads below 4.5:1 for orange, yellow, teal and friends, and shade 9 a quarter
 * darker still gave a yellow badge only 4.47:1; shade 9 darkened by 40% reads above 6:1.
 */
const readableVariantColors: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle' && input.variant !== 'outline') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  return shades?.[9] ? { ...colors, color: darken(shades[9], 0.4) } : colors;
};

/** Police blue, system fonts (nothing fetched from outside), a clearly visible keyboard focus. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  focusRing: 'auto',
  defaultRadius: 'sm',
  variantColorResolver: readableVariantColors,
});
