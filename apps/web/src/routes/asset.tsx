import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Code,
  Grid,
  Group,
  List,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  CRITICALITIES,
  ZCriticality,
  ZUpdateAsset,
  type TAsset,
  type TCloudAccount,
  type TCriticality,
  type TFinding,
  type TShadowReason,
} from '@aispm/contracts';
import { useAccounts } from '../api/accounts.hooks';
import { useAsset, useUpdateAsset } from '../api/assets.hooks';
import { useFindings } from '../api/findings.hooks';
import { CopyValue } from '../components/copy-value';
import { PagedTable, type Column } from '../components/data-table';
import { DetailsList } from '../components/details-list';
import { FindingStatusBadge } from '../components/finding-status-badge';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { RelationGraph } from '../components/relation-graph';
import { RiskScore } from '../components/risk-score';
import { SectionCard } from '../components/section-card';
import { SeverityBadge } from '../components/severity-badge';
import { TimeAgo } from '../components/time-ago';
import { topLevelFields, useFieldErrors } from '../lib/field-errors';
import { assetTypeLabel, providerLabel } from '../lib/format';
import { assetPath } from '../lib/paths';
import { useCan } from '../lib/session';

const FINDING_COLUMNS: Column[] = [
  { label: 'Severity', w: 96 },
  { label: 'Check' },
  { label: 'Status' },
  { label: 'Risk', ta: 'right' },
  { label: 'Last seen' },
];

/** One asset: what it is, why it is shadow AI, what it is connected to, its findings and its attributes. */
export default function AssetPage() {
  const { assetId = '' } = useParams();
  const asset = useAsset(assetId, assetId !== '');
  const accounts = useAccounts();

  if (asset.isError) {
    return (
      <>
        <AssetBreadcrumbs name="Asset" />
        <ProblemAlert error={asset.error} onRetry={() => void asset.refetch()} />
      </>
    );
  }
  if (!asset.data) {
    return (
      <Stack>
        <AssetBreadcrumbs name="Asset" />
        <Skeleton height={28} width="40%" />
        <Skeleton height={16} width="60%" />
        <Skeleton height={280} />
      </Stack>
    );
  }
  const a = asset.data;
  const account = accounts.data?.find((x) => x.id === a.accountId);

  return (
    <>
      <AssetBreadcrumbs name={a.name} />
      <PageHeader
        title={a.name}
        description={
          <>
            {assetTypeLabel(a.assetType)} · {providerLabel[a.provider]} · {a.region}
            {account ? ` · ${account.name}` : ''}
          </>
        }
        actions={
          <Group gap="xs">
            {a.shadow ? (
              <Badge color="orange" variant="filled" leftSection={<IconAlertTriangle size={12} />}>
                Shadow AI
              </Badge>
            ) : null}
            {a.deletedAt ? <Badge color="gray">Deleted</Badge> : null}
          </Group>
        }
      />

      <Stack gap="lg">
        {a.shadow ? <ShadowReasons reasons={a.shadow.reasons} /> : null}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <BusinessContext asset={a} />
              <SectionCard title="Details">
                <AssetFacts asset={a} account={account} />
              </SectionCard>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <SectionCard
              title="Findings"
              actions={
                <Anchor component={Link} to={`/findings?assetId=${a.id}&status=all`} size="sm">
                  Open in Findings
                </Anchor>
              }
            >
              <AssetFindings assetId={a.id} />
            </SectionCard>
          </Grid.Col>
        </Grid>

        <SectionCard title="Relations">
          <Relations asset={a} />
        </SectionCard>

        <SectionCard title="Attributes">
          <Text size="xs" c="dimmed" mb="xs">
            As returned by the cloud API on the last scan; fields the cloud did not return are absent.
          </Text>
          <JsonView value={a.attributes} label="attributes" />
        </SectionCard>
      </Stack>
    </>
  );
}

function AssetBreadcrumbs({ name }: { name: string }) {
  return (
    <Breadcrumbs mb="xs" aria-label="Breadcrumb">
      <Anchor component={Link} to="/inventory" size="sm">
        Inventory
      </Anchor>
      <Text size="sm" c="dimmed">
        {name}
      </Text>
    </Breadcrumbs>
  );
}

function AssetFacts({ asset, account }: { asset: TAsset; account: TCloudAccount | undefined }) {
  const tags = Object.entries(asset.tags);
  return (
    <Stack gap="md">
      <DetailsList
        items={[
          { label: 'Native id', value: <CopyValue value={asset.nativeId} label="native id" /> },
          {
            label: 'Asset type',
            value: (
              <Text size="sm" ff="monospace">
                {asset.assetType}
              </Text>
            ),
          },
          {
            label: 'Account',
            value: account ? `${account.name} (${account.scopeIds.join(', ')})` : asset.accountId,
          },
          { label: 'Region', value: asset.region },
          { label: 'First seen', value: <TimeAgo iso={asset.firstSeen} size="sm" /> },
          { label: 'Last seen', value: <TimeAgo iso={asset.lastSeen} size="sm" /> },
          ...(asset.deletedAt
            ? [{ label: 'Deleted', value: <TimeAgo iso={asset.deletedAt} size="sm" /> }]
            : []),
          {
            label: 'Open findings',
            value:
              asset.openFindings > 0 ? (
                <Badge color="red" variant="light">
                  {asset.openFindings}
                </Badge>
              ) : (
                'None'
              ),
          },
        ]}
      />
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Tags
        </Text>
        {tags.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tags.
          </Text>
        ) : (
          <Group gap={6}>
            {tags.map(([key, value]) => (
              <Badge key={key} color="gray" variant="outline" style={{ textTransform: 'none' }}>
                {key}: {value}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Stack>
  );
}

const CRITICALITY_LABEL: Record<TCriticality, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
const CRITICALITY_COLOR: Record<TCriticality, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};
/** The Select's value for "no criticality set". */
const UNSET = 'unset';

/** Criticality and owner, which people set (discovery never does); an edit form for those allowed to. */
function BusinessContext({ asset }: { asset: TAsset }) {
  const canEdit = useCan('accounts:write');
  const [editing, setEditing] = useState(false);
  return (
    <SectionCard
      title="Business context"
      actions={
        canEdit && !editing ? (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
        ) : null
      }
    >
      {editing ? (
        <BusinessContextForm asset={asset} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap="sm">
          <DetailsList
            items={[
              {
                label: 'Criticality',
                value: asset.criticality ? (
                  <Badge color={CRITICALITY_COLOR[asset.criticality]} variant="light">
                    {CRITICALITY_LABEL[asset.criticality]}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not set
                  </Text>
                ),
              },
              {
                label: 'Owner',
                value: asset.owner ?? (
                  <Text size="sm" c="dimmed">
                    Not set
                  </Text>
                ),
              },
              { label: 'Risk score', value: <RiskScoreText score={asset.riskScore} /> },
            ]}
          />
          <Text size="xs" c="dimmed">
            Criticality weighs on the risk score of this asset’s findings; a change counts from the next scan
            of its account.
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}

function RiskScoreText({ score }: { score: number }) {
  return score > 0 ? (
    <Text size="sm" fw={600}>
      {score}/100{' '}
      <Text span size="xs" c="dimmed" fw={400}>
        highest of its open findings
      </Text>
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      No open finding
    </Text>
  );
}

type ContextField = 'criticality' | 'owner';
const contextFieldOf = topLevelFields<ContextField>(['criticality', 'owner']);

function BusinessContextForm({ asset, onDone }: { asset: TAsset; onDone: () => void }) {
  const update = useUpdateAsset(asset.id);
  const [criticality, setCriticality] = useState<string | null>(asset.criticality ?? UNSET);
  const [owner, setOwner] = useState(asset.owner ?? '');
  const fields = useFieldErrors(contextFieldOf);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      criticality: ZCriticality.nullable()
        .catch(null)
        .parse(criticality === UNSET ? null : criticality),
      owner: owner.trim() === '' ? null : owner.trim(),
    };
    if (!fields.check(ZUpdateAsset.safeParse(body))) return;
    update.mutate(body, { onSuccess: onDone, onError: fields.showProblem });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Business context">
      <Stack gap="md">
        <Select
          label="Criticality"
          description="How much the business depends on this asset"
          data={[
            { value: UNSET, label: 'Not set' },
            ...CRITICALITIES.map((c) => ({ value: c, label: CRITICALITY_LABEL[c] })),
          ]}
          {...fields.value('criticality', criticality, setCriticality)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Owner"
          description="An email address or a team name; leave empty for none"
          placeholder="ml-platform or name@example.com"
          {...fields.text('owner', owner, setOwner)}
          maxLength={200}
        />
        {update.isError ? <ProblemAlert error={update.error} shownElsewhere={fields.shownElsewhere} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShadowReasons({ reasons }: { reasons: TShadowReason[] }) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle />}
      title="Shadow AI: this asset is not in the register of sanctioned AI"
    >
      <List size="sm" spacing={6}>
        {reasons.map((r) => (
          <List.Item key={`${r.code}-${r.evidence.path ?? ''}-${r.evidence.value ?? ''}`}>
            <Text size="sm" fw={600}>
              {r.title}
            </Text>
            <Text size="xs" c="dimmed">
              {r.evidence.path ? (
                <>
                  <Code>{r.evidence.path}</Code>
                  {r.evidence.value !== undefined ? <> = {r.evidence.value}</> : null}
                </>
              ) : null}
              {r.evidence.missing ? (
                <>
                  {r.evidence.path ? ' · ' : ''}sanction it with a {r.evidence.missing.kind} entry{' '}
                  <Code>{r.evidence.missing.value}</Code>
                </>
              ) : null}
              {r.evidence.registered && r.evidence.registered.length > 0
                ? ` · registered: ${r.evidence.registered.join(', ')}`
                : null}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Relations({ asset }: { asset: TAsset }) {
  const relations = asset.relations ?? [];
  if (relations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No relations to other inventoried assets.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <RelationGraph asset={asset} relations={relations} hrefOf={assetPath} />
      <Table verticalSpacing={4} fz="sm" aria-label="Related assets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Relation</Table.Th>
            <Table.Th>Asset</Table.Th>
            <Table.Th>Type</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {relations.map((r) => (
            <Table.Tr key={`${r.direction}-${r.kind}-${r.asset.id}`}>
              <Table.Td>
                <Badge
                  variant="light"
                  color={r.direction === 'out' ? 'indigo' : 'gray'}
                  style={{ textTransform: 'none' }}
                >
                  {r.direction === 'out' ? `${r.kind} →` : `← ${r.kind}`}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={assetPath(r.asset.id)} size="sm">
                  {r.asset.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {assetTypeLabel(r.asset.assetType)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function AssetFindings({ assetId }: { assetId: string }) {
  // Every status: a resolved or suppressed finding is part of the asset's history.
  const findings = useFindings({ status: [], severity: [], checkId: [], assetId });
  return (
    <PagedTable
      query={findings}
      columns={FINDING_COLUMNS}
      minWidth={640}
      noun={{ one: 'finding', other: 'findings' }}
      skeletonRows={3}
      empty={{
        icon: <IconShieldCheck />,
        title: 'No findings',
        description: 'Every check that applies to this asset passed on the last scan.',
      }}
      renderRow={(f: TFinding) => (
        <Table.Tr key={f.id}>
          <Table.Td>
            <SeverityBadge severity={f.severity} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{f.title}</Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {f.checkId}
            </Text>
          </Table.Td>
          <Table.Td>
            <FindingStatusBadge status={f.status} />
          </Table.Td>
          <Table.Td ta="right">
            <RiskScore score={f.riskScore} />
          </Table.Td>
          <Table.Td>
            <TimeAgo iso={f.lastSeen} size="sm" />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
