import { describe, expect, it } from 'vitest';
import { gcpDiscoverers } from './index';
import { GCP_READ_PERMISSIONS, gcpReaderCustomRole } from './least-privilege';

describe('GCP least privilege', () => {
  it('lists read-only permissions, sorted and unique', () => {
    expect([...GCP_READ_PERMISSIONS].sort()).toEqual([...GCP_READ_PERMISSIONS]);
    expect(new Set(GCP_READ_PERMISSIONS).size).toBe(GCP_READ_PERMISSIONS.length);
    for (const p of GCP_READ_PERMISSIONS) expect(p).toMatch(/\.(list|getIamPolicy)$/);
  });

  it('covers each Vertex AI collection a discoverer lists', () => {
    for (const d of gcpDiscoverers.filter((x) => x.service.startsWith('vertex.'))) {
      const collection = d.service
        .slice('vertex.'.length)
        .replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      expect(GCP_READ_PERMISSIONS).toContain(`aiplatform.${collection}.list`);
    }
  });

  it('builds a GA custom role with exactly those permissions', () => {
    const role = gcpReaderCustomRole();
    expect(role).toMatchObject({ title: 'AISPM Reader', stage: 'GA' });
    expect(role.description.length).toBeGreaterThan(20);
    expect(role.includedPermissions).toEqual([...GCP_READ_PERMISSIONS]);
  });
});
