import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import 'dayjs/locale/en';
import 'dayjs/locale/nl';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDutchDate } from '@api/budget-parse';
import { formatDate } from '@api/dates';

type BaseProps = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type'>;

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

/**
 * The one date input of the app: typed as dd-mm-jjjj, or picked from a calendar in the app's own
 * language (dayjs nl/en), whatever the operating system's locale is. The browser's native date
 * input is not used: it follows the OS (mm/dd/yyyy on an English Windows). The value is the
 * typed text, as the forms keep amounts and dates; `IsoDateField` below keeps an ISO value.
 */
export function DateField({ value = '', onChange, ...rest }: BaseProps & { value?: string; onChange(text: string): void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const iso = parseDutchDate(value);
  // The calendar button is the popover's target: a text field may not carry aria-expanded.
  const calendar = (
    <Popover opened={open} onChange={setOpen} position="bottom-end" shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('dates.pick')} onClick={() => setOpen((o) => !o)}>
          <CalendarIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          locale={i18n.language === 'en' ? 'en' : 'nl'}
          firstDayOfWeek={1}
          value={iso}
          defaultDate={iso ?? undefined}
          onChange={(picked) => {
            if (!picked) return;
            onChange(formatDate(picked));
            setOpen(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
  return (
    <TextInput
      placeholder={t('dates.placeholder')}
      autoComplete="off"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSectionPointerEvents="all"
      rightSection={calendar}
    />
  );
}

/**
 * DateField for forms that hold an ISO date (`2026-03-05`, or '' for none). Typed text that is not a
 * date is passed on as it is, so saving fails with the form's error, and the field says why.
 */
export function IsoDateField({ value = '', onChange, error, onBlur, ...rest }: BaseProps & { value?: string | null; onChange(iso: string): void }) {
  value ??= '';
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDate(value));
  const [left, setLeft] = useState(false);
  // Set from outside (a preset, a reset): show it; what the chief is typing stays as typed.
  // Adjusted while rendering, as React advises for state that follows a prop.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!(parseDutchDate(text) === value || (value === '' && text.trim() === '') || text === value)) setText(formatDate(value));
  }
  const invalid = text.trim() !== '' && parseDutchDate(text) === null;
  return (
    <DateField
      {...rest}
      value={text}
      error={left && invalid ? t('dates.invalid') : error}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setLeft(true);
        onBlur?.(e);
      }}
      onChange={(next) => {
        setText(next);
        onChange(next.trim() === '' ? '' : (parseDutchDate(next) ?? next));
      }}
    />
  );
}
