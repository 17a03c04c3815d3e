import { Badge, Group, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useMembers } from '../api/members.hooks';
import { DataTable, type Column } from '../components/data-table';
import { PageHeader } from '../components/page-header';
import { TimeAgo } from '../components/time-ago';
import { roleLabel } from '../lib/format';
import { useSession } from '../lib/session';
import { roleColor } from '../theme';

const COLUMNS: Column[] = [{ label: 'Email' }, { label: 'Name' }, { label: 'Role' }, { label: 'Joined' }];

export default function MembersPage() {
  const members = useMembers();
  const me = useSession();

  return (
    <>
      <PageHeader
        title="Members"
        description={`People with access to ${me.organization.name}, and the role that decides what each may do.`}
      />
      <DataTable
        query={members}
        columns={COLUMNS}
        minWidth={640}
        skeletonRows={4}
        highlightOnHover={false}
        empty={{
          icon: <IconUsers />,
          title: 'No members',
          description: 'Nobody belongs to this organization yet.',
        }}
        renderRow={(member) => (
          <Table.Tr key={member.userId}>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {member.email}
                </Text>
                {member.userId === me.user.id ? (
                  <Badge size="xs" color="indigo">
                    You
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>
              {member.name || (
                <Text span size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={roleColor[member.role]}>{roleLabel[member.role]}</Badge>
            </Table.Td>
            <Table.Td>
              <TimeAgo iso={member.joinedAt} size="sm" />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
