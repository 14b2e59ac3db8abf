import { Alert, Anchor, Badge, Button, Card, Checkbox, Grid, Group, List, NativeSelect, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { startTransition, useEffect, useState } from 'react';

const ROWS = Array.from({ length: 12 }, (_, i) => i);
const noop = () => undefined;

/** The parts the screens are built of, a dozen times over, with nothing to read in them. */
function Parts() {
  return (
    <Stack>
      <Tabs value="a" onChange={noop}>
        <Tabs.List>
          <Tabs.Tab value="a">a</Tabs.Tab>
          <Tabs.Tab value="b">b</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Grid>
        {ROWS.map((i) => (
          <Grid.Col key={i} span={{ base: 12, md: 4 }}>
            <Card withBorder padding="md" component="section">
              <Group justify="space-between" wrap="nowrap">
                <Title order={3} size="h4">
                  t
                </Title>
                <Badge color="blue">b</Badge>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={2}>
                t
              </Text>
              <Anchor href="#/" size="sm">
                a
              </Anchor>
              <Button size="sm" variant="light">
                b
              </Button>
            </Card>
          </Grid.Col>
        ))}
      </Grid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="lg">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>h</Table.Th>
                <Table.Th ta="right">h</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROWS.map((i) => (
                <Table.Tr key={i}>
                  <Table.Td>d</Table.Td>
                  <Table.Td ta="right" className="tc-nowrap">
                    <Button size="compact-sm" variant="subtle">
                      b
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Alert color="orange" title="t">
          <List size="sm">
            <List.Item>i</List.Item>
          </List>
        </Alert>
      </SimpleGrid>
      <Group align="flex-end">
        <Select label="s" data={['1', '2']} value="1" onChange={noop} allowDeselect={false} />
        <NativeSelect label="n" data={['1', '2']} value="1" onChange={noop} />
        <TextInput label="t" value="" onChange={noop} />
        <Checkbox label="c" checked={false} onChange={noop} />
      </Group>
    </Stack>
  );
}

/**
 * Draws the interface's common parts once, out of sight, while the window is idle after it opened,
 * and removes them again. The first use of each part runs its code for the first time (compiled on
 * the spot, nothing yet optimised), which made every screen's first visit half as slow again as
 * its next ones. Says when it is done (`onDone`).
 */
export function WarmUp({ onDone }: { onDone(): void }) {
  const [phase, setPhase] = useState<'wait' | 'draw' | 'done'>('wait');
  useEffect(() => {
    if (phase === 'done') {
      onDone();
      return;
    }
    const idle = window.requestIdleCallback(() => startTransition(() => setPhase(phase === 'wait' ? 'draw' : 'done')), { timeout: 5000 });
    return () => window.cancelIdleCallback(idle);
  }, [phase, onDone]);
  if (phase !== 'draw') return null;
  return (
    <div style={{ display: 'none' }} aria-hidden="true" inert>
      <Parts />
    </div>
  );
}
