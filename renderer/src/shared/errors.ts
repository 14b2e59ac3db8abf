import { notifications } from '@mantine/notifications';
import i18n, { translateValidation } from '../i18n';
import { ApiCallError } from './api';

/** A plain sentence for the chief, in the current language. */
export function describeError(err: unknown): string {
  if (err instanceof ApiCallError) {
    const { code, message, issues } = err.error;
    if (message === 'BRIDGE_MISSING') return i18n.t('errors.BRIDGE_MISSING');
    if (code === 'VALIDATION' && issues?.[0]) return translateValidation(issues[0].message);
    // Domain errors carry a specific Dutch sentence; the generic code text is the English fallback.
    if (i18n.language === 'nl' || !i18n.exists(`errors.${code}`)) return message;
    return i18n.t(`errors.${code}`);
  }
  return i18n.t('errors.INTERNAL');
}

export function notifyError(err: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message: describeError(err), autoClose: 8000 });
}

export { notifySaved } from './notice';

/** Field errors from a VALIDATION answer, keyed by form path, translated. */
export function fieldErrorsOf(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiCallError) || err.error.code !== 'VALIDATION' || !err.error.issues) return null;
  const out: Record<string, string> = {};
  for (const issue of err.error.issues) out[issue.path] ??= translateValidation(issue.message);
  return out;
}
