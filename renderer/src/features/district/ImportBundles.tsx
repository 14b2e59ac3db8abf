import { Alert, Button, FileButton, Group, List, Loader, Modal, Paper, Stack, Table, Text, Code } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_EXTENSION, type ImportedBundle, type InspectedBundle } from '@api/district';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';
import { useDistrictStore } from './store';
import { useMonths } from '../../ui/months';

type BundleFile = { name: string; text: string };
interface NewKey {
  fingerprint: string;
  short: string;
  teams: string[];
}

const readFiles = (files: File[]): Promise<BundleFile[]> => Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));

/** Read in several bundles at once: checked first, a new key is trusted once, then stored. */
export function ImportBundles() {
  const { t } = useTranslation();
  const load = useDistrictStore((s) => s.load);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ files: BundleFile[]; keys: NewKey[] } | null>(null);
  const [results, setResults] = useState<ImportedBundle[] | null>(null);
  const [over, setOver] = useState(false);

  const store = async (files: BundleFile[], trust: string[]) => {
    setBusy(true);
    try {
      setResults(await call('district.import', { files, trust }));
      await load(null);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const start = async (chosen: File[]) => {
    if (chosen.length === 0) return;
    setBusy(true);
    setResults(null);
    try {
      const files = await readFiles(chosen);
      const inspected: InspectedBundle[] = await call('district.inspect', { files });
      const keys = new Map<string, NewKey>();
      for (const i of inspected) {
        if (!i.ok || !i.key || i.key.trusted || i.alreadyImported) continue;
        const k = keys.get(i.key.fingerprint) ?? { fingerprint: i.key.fingerprint, short: i.key.short, teams: [] };
        if (!k.teams.includes(i.summary!.team.name)) k.teams.push(i.summary!.team.name);
        keys.set(i.key.fingerprint, k);
      }
      if (keys.size > 0) {
        setPending({ files, keys: [...keys.values()] });
        setBusy(false);
        return;
      }
      await store(files, []);
    } catch (err) {
      notifyError(err);
      setBusy(false);
    }
  };

  /** Without trusting: the files of keys already trusted are still read in; the others are reported. */
  const decline = () => {
    if (!pending) return;
    const { files } = pending;
    setPending(null);
    void store(files, []);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void start([...event.dataTransfer.files]);
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={over ? { outline: '2px dashed var(--mantine-color-blue-6)' } : undefined}
      aria-label={t('district.dropLabel')}
      data-testid="bundle-drop"
    >
      <Group gap="md">
        <FileButton multiple accept={`${BUNDLE_EXTENSION},application/json`} onChange={(files) => void start(files)}>
          {(props) => (
            <Button {...props} loading={busy} data-testid="bundle-import">
              {t('district.importButton')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('district.dropHint')}
        </Text>
        {busy && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('district.checking')}</Text>
          </Group>
        )}
      </Group>

      {results && <ImportResults results={results} />}

      <Modal opened={pending !== null} onClose={decline} title={t('district.trust.title')} size="lg">
        {pending && (
          <Stack>
            <Text size="sm">{t('district.trust.intro')}</Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('district.trust.team')}</Table.Th>
                  <Table.Th>{t('district.trust.fingerprint')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.keys.map((k) => (
                  <Table.Tr key={k.fingerprint}>
                    <Table.Td>{k.teams.join(', ')}</Table.Td>
                    <Table.Td>
                      <Code data-testid="trust-fingerprint" style={{ whiteSpace: 'nowrap', fontSize: 'var(--mantine-font-size-md)' }}>
                        {k.short}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button variant="default" onClick={decline}>
                {t('district.trust.cancel')}
              </Button>
              <Button
                onClick={() => {
                  const { files, keys } = pending;
                  setPending(null);
                  void store(
                    files,
                    keys.map((k) => k.fingerprint),
                  );
                }}
              >
                {t('district.trust.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

function ImportResults({ results }: { results: ImportedBundle[] }) {
  const { t } = useTranslation();
  const { dateLong: formatDateLong } = useMonths();
  const bad = results.some((r) => r.status === 'refused' || r.status === 'untrusted' || r.rewrittenSince);
  return (
    <Alert mt="md" color={bad ? 'orange' : 'green'} title={t('district.result.title')} data-testid="import-results" role="status">
      <List size="sm" spacing={4}>
        {results.map((r, i) => (
          <List.Item key={i}>
            <Text size="sm" fw={r.status === 'imported' ? 600 : 400}>
              {t(`district.result.${r.status}`, { team: r.teamName ?? r.name, name: r.name })}
            </Text>
            {r.message && r.status !== 'already' && <Text size="sm">{r.message}</Text>}
            {r.rewrittenSince && (
              <Text size="sm" c="red.8" fw={600}>
                {t('district.result.rewritten', { team: r.teamName, date: formatDateLong(r.rewrittenSince.slice(0, 10)) })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
