import { Table, Text } from '@mantine/core';
import type { TRiskFactors } from '@aispm/contracts';

const FACTORS: { key: keyof TRiskFactors; label: string; hint: string }[] = [
  { key: 'base', label: 'Base', hint: 'from the check’s severity' },
  { key: 'exposure', label: 'Exposure', hint: 'reachable from the internet or exposing data' },
  { key: 'sensitivity', label: 'Data sensitivity', hint: 'from data-classification tags' },
  { key: 'privilege', label: 'Privilege', hint: 'administrative or wildcard rights' },
  { key: 'criticality', label: 'Business criticality', hint: 'set on the asset, or from its tags' },
  { key: 'activity', label: 'Activity', hint: 'stopped or failed resources count less' },
];

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/**
 * The risk score as the sum it is: base + exposure + sensitivity + privilege + criticality + activity (kept
 * within 1..100), plus the attack-path bonus (kept within 1..100 again).
 */
export function FindingRiskBreakdown({ factors, score }: { factors: TRiskFactors; score: number }) {
  const raw = FACTORS.reduce((sum, f) => sum + factors[f.key], 0);
  const term = (n: number) => (n < 0 ? `− ${Math.abs(n)}` : `+ ${n}`);
  const formula = [
    `${factors.base}`,
    ...FACTORS.slice(1).map((f) => term(factors[f.key])),
    term(factors.attackPathBonus),
  ].join(' ');
  return (
    <>
      <Text size="sm" ff="monospace" mb="sm" aria-label="Risk score formula">
        {formula} = {score}
      </Text>
      <Table aria-label="Risk factors" verticalSpacing={4}>
        <Table.Tbody>
          {FACTORS.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Td>
                <Text size="sm">{f.label}</Text>
                <Text size="xs" c="dimmed">
                  {f.hint}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {f.key === 'base' ? factors.base : signed(factors[f.key])}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Text size="sm">Context score</Text>
              {raw !== factors.contextScore ? (
                <Text size="xs" c="dimmed">
                  {raw} kept within 1–100
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right" fw={600}>
              {factors.contextScore}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>
              <Text size="sm">Attack paths</Text>
              <Text size="xs" c="dimmed">
                {factors.attackPaths === 1
                  ? 'on 1 open attack path'
                  : `on ${factors.attackPaths} open attack paths`}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{signed(factors.attackPathBonus)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>
              <Text size="sm" fw={700}>
                Risk score
              </Text>
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {score}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}
