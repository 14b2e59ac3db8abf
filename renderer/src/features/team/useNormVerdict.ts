import { useTranslation } from 'react-i18next';
import type { WijkagentNorm } from '@api/team';

/** The wijkagent norm in words: short, surplus or meets it (a signal, not a hard rule). */
export function useNormVerdict() {
  const { t } = useTranslation();
  return (norm: WijkagentNorm) =>
    norm.status === 'short'
      ? t('team.norm.short', { count: -norm.difference })
      : norm.difference > 0
        ? t('team.norm.surplus', { count: norm.difference })
        : t('team.norm.ok');
}
