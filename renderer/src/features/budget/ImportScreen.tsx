import { Alert, Button, Checkbox, Group, List, Paper, Select, SimpleGrid, Stack, Table, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMATS } from '@api/budget-parse';
import { PAYMENT_METHODS, type Encoding, type ImportMapping, type ImportPreview } from '@api/budget';
import { ApiCallError, call } from '../../shared/api';
import { describeError, notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';
import { fileToBase64 } from './forms';
import { useFundsStore } from './store';

/** Loaded lazily. Choose a CSV, check the column mapping and the preview, then import in one go. */
export default function ImportScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const write = useFundsStore((s) => s.write);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [encoding, setEncoding] = useState<string>('auto');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [paymentMethod, setPaymentMethod] = useState<string>('debitcard');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const load = async (f: { name: string; base64: string }, m: ImportMapping | null, enc: string) => {
    setBusy(true);
    try {
      const p = await call('budget.import.preview', {
        teamId,
        fileName: f.name,
        contentBase64: f.base64,
        ...(enc !== 'auto' ? { encoding: enc as Encoding } : {}),
        ...(m ? { mapping: m } : {}),
      });
      setPreview(p);
      setMapping(p.mapping);
      setErrors(p.errors.map((e) => e.message));
      setSkip(new Set(p.rows.filter((r) => r.duplicateOfExpenseId !== null || r.duplicateInFile).map((r) => r.row)));
    } catch (err) {
      setPreview(null);
      setErrors([describeError(err)]);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    if (!picked) return;
    const f = { name: picked.name, base64: await fileToBase64(picked) };
    setFile(f);
    await load(f, null, encoding);
  };

  const commit = async () => {
    if (!file || !mapping || !preview) return;
    setBusy(true);
    try {
      const r = await write('budget.import.commit', {
        teamId,
        fileName: file.name,
        contentBase64: file.base64,
        ...(preview.encoding ? { encoding: preview.encoding } : {}),
        mapping,
        paymentMethod: paymentMethod as (typeof PAYMENT_METHODS)[number],
        skipRows: [...skip],
      });
      notifySaved(t('budget.import.done', { count: r.imported }));
      setFile(null);
      setPreview(null);
      setErrors([]);
    } catch (err) {
      if (err instanceof ApiCallError && err.error.issues?.length) setErrors(err.error.issues.map((i) => i.message));
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const columns = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: `${i + 1}. ${h || '—'}` }));
  const col = (key: keyof ImportMapping, label: string, optional = false) =>
    mapping && (
      <Select
        label={label}
        data={columns}
        clearable={optional}
        value={mapping[key] === null ? null : String(mapping[key])}
        onChange={(v) => setMapping({ ...mapping, [key]: v === null ? null : Number(v) })}
      />
    );
  const importable = preview?.rows.filter((r) => r.direction === 'af' && !skip.has(r.row)).length ?? 0;

  return (
    <Stack gap="md">
      <Text>{t('budget.import.intro')}</Text>
      <Paper withBorder p="lg">
        <Group align="flex-end">
          <div>
            <label htmlFor="import-file" style={{ display: 'block', fontSize: 14, fontWeight: 500, marginBottom: 4 }}>
              {t('budget.import.file')}
            </label>
            <input id="import-file" type="file" accept=".csv,.txt,text/csv" onChange={(e) => void choose(e.currentTarget)} />
          </div>
          <Select
            label={t('budget.import.encoding')}
            allowDeselect={false}
            value={encoding}
            onChange={(v) => {
              setEncoding(v ?? 'auto');
              if (file) void load(file, mapping, v ?? 'auto');
            }}
            data={[
              { value: 'auto', label: t('budget.import.encodingAuto') },
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'windows-1252', label: 'Windows-1252' },
            ]}
            w={180}
          />
        </Group>
      </Paper>

      {errors.length > 0 && (
        <Alert color="red" role="alert" title={t('budget.import.errors')} data-testid="import-errors">
          <List size="sm">
            {errors.slice(0, 20).map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {preview && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="xs">
            {t('budget.import.columns')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" data-testid="mapping-source">
            {t(`budget.import.mappingSource.${preview.mappingSource}`)} · {preview.encoding} · “{preview.delimiter}”
          </Text>
          {mapping ? (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {col('dateColumn', t('budget.import.dateColumn'))}
                <Select label={t('budget.import.dateFormat')} allowDeselect={false} data={[...DATE_FORMATS]} value={mapping.dateFormat} onChange={(v) => v && setMapping({ ...mapping, dateFormat: v })} />
                {col('amountColumn', t('budget.import.amountColumn'))}
                <Select
                  label={t('budget.import.signMode')}
                  allowDeselect={false}
                  value={mapping.signMode}
                  onChange={(v) => v && setMapping({ ...mapping, signMode: v })}
                  data={[
                    { value: 'teken', label: t('budget.import.signTeken') },
                    { value: 'kolom', label: t('budget.import.signKolom') },
                  ]}
                />
                {mapping.signMode === 'kolom' && col('directionColumn', t('budget.import.directionColumn'))}
                {mapping.signMode === 'kolom' && <TagsInput label={t('budget.import.debitValues')} value={mapping.debitValues} onChange={(v) => setMapping({ ...mapping, debitValues: v })} />}
                {col('payeeColumn', t('budget.import.payeeColumn'))}
                {col('descriptionColumn', t('budget.import.descriptionColumn'), true)}
              </SimpleGrid>
              <Group>
                <Button variant="light" onClick={() => file && void load(file, mapping, encoding)} loading={busy}>
                  {t('budget.import.refresh')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Button
              variant="light"
              onClick={() =>
                setMapping({ dateColumn: 0, dateFormat: 'dd-mm-jjjj', amountColumn: Math.min(1, columns.length - 1), signMode: 'teken', directionColumn: null, debitValues: ['Af', 'D'], payeeColumn: Math.min(2, columns.length - 1), descriptionColumn: null })
              }
            >
              {t('budget.import.columns')}
            </Button>
          )}
        </Paper>
      )}

      {preview && preview.rows.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            {t('budget.import.preview')}
          </Title>
          <Table data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.import.include')}</Table.Th>
                <Table.Th>{t('budget.import.row')}</Table.Th>
                <Table.Th>{t('budget.fields.date')}</Table.Th>
                <Table.Th ta="right">{t('budget.fields.amount')}</Table.Th>
                <Table.Th>{t('budget.fields.payee')}</Table.Th>
                <Table.Th>{t('budget.fields.description')}</Table.Th>
                <Table.Th>{t('budget.import.direction')}</Table.Th>
                <Table.Th>{t('budget.import.duplicate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>
                    {r.direction === 'af' && (
                      <Checkbox
                        aria-label={`${t('budget.import.include')} ${t('budget.import.row')} ${r.row}`}
                        checked={!skip.has(r.row)}
                        onChange={(e) => {
                          const next = new Set(skip);
                          if (e.currentTarget.checked) next.delete(r.row);
                          else next.add(r.row);
                          setSkip(next);
                        }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(r.amountCents)}</Table.Td>
                  <Table.Td>{r.payee}</Table.Td>
                  <Table.Td>{r.description}</Table.Td>
                  <Table.Td>{r.direction === 'af' ? t('budget.import.af') : t('budget.import.bij')}</Table.Td>
                  <Table.Td>
                    {r.duplicateOfExpenseId !== null
                      ? t('budget.import.duplicateOf', { id: r.duplicateOfExpenseId })
                      : r.duplicateInFile
                        ? t('budget.import.duplicateInFile')
                        : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="md" justify="flex-end" align="flex-end">
            <Select
              label={t('budget.import.paymentMethod')}
              allowDeselect={false}
              value={paymentMethod}
              onChange={(v) => setPaymentMethod(v ?? 'debitcard')}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`budget.methods.${m}`) }))}
              w={220}
            />
            <Button onClick={() => void commit()} loading={busy} disabled={importable === 0 || (preview.errors.length > 0)}>
              {t('budget.import.commit', { count: importable })}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
