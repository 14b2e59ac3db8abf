import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DistrictOverview } from '@api/district';

/** The eight opgaven across the teams: per cell the latest check-in's status and progress, or — when not chosen. */
export function OpgavenMatrix({ overview }: { overview: DistrictOverview }) {
  const { t, i18n } = useTranslation();
  const title = (o: { titleNl: string; titleEn: string }) => (i18n.language === 'en' ? o.titleEn : o.titleNl);
  return (
    <ScrollArea type="auto">
      <Table withColumnBorders miw={1100} data-testid="opgaven-matrix" fz="xs" aria-label={t('district.matrix.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('district.table.team')}</Table.Th>
            {overview.opgaven.map((o) => (
              <Table.Th key={o.id} title={title(o)}>
                {o.id}. {title(o)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.rows.map((r) => (
            <Table.Tr key={r.teamKey}>
              <Table.Th scope="row" miw={200}>
                {r.summary.team.name}
              </Table.Th>
              {overview.opgaven.map((o) => {
                const chosen = r.summary.opgaven.filter((c) => c.opgaveId === o.id);
                const latest = chosen.find((c) => c.status) ?? chosen[0];
                return (
                  <Table.Td key={o.id} data-opgave={o.id} data-chosen={chosen.length > 0 ? 'yes' : 'no'}>
                    {!latest ? (
                      <Text size="xs" c="dimmed" aria-label={t('district.matrix.notChosen')}>
                        {t('district.matrix.notChosen')}
                      </Text>
                    ) : latest.status ? (
                      <Text size="xs">
                        {t(`district.status.${latest.status}`)}
                        {latest.progress !== null ? ` · ${latest.progress}%` : ''}
                      </Text>
                    ) : (
                      <Text size="xs">{t('district.matrix.chosenNoCheckin')}</Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('district.matrix.teams')}</Table.Th>
            {overview.opgaven.map((o) => (
              <Table.Th key={o.id}>{overview.sums.chosen[o.id] ?? 0}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
