import { defineCheck, type CheckResult } from '../../check';
import { CMEK_CONTROLS } from './cmek.util';
import { asRecords, at, isNonEmptyString, requireFields } from './gcp-fields.util';

type DiskVerdict = 'cmek' | 'google' | 'unknown';

/**
 * A disk's encryption as the body states it. The Notebooks v2 proto marks diskEncryption and kmsKey input-only,
 * yet the API echoes them (Terraform reads them back); a disk that states neither is not decided here.
 */
function diskEncryption(disk: Record<string, unknown>): DiskVerdict {
  if (disk.diskEncryption === 'CMEK' || isNonEmptyString(disk.kmsKey)) return 'cmek';
  if (disk.diskEncryption === 'GMEK') return 'google';
  return 'unknown';
}

export const workbenchInstanceNoCmek = defineCheck({
  id: 'gcp.vertex.workbench.no_cmek',
  title: 'Vertex AI Workbench instance disks are not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'With Google-managed encryption (GMEK) the boot and data disks, which hold the notebooks, downloaded ' +
    'datasets, checkpoints and any credentials users saved, are encrypted with a key you cannot restrict, audit ' +
    'in Cloud KMS or revoke: disabling the key is no way to cut off the data of a compromised or retired instance.',
  reads: [
    'projects.locations.instances.gceSetup.bootDisk.diskEncryption',
    'projects.locations.instances.gceSetup.bootDisk.kmsKey',
    'projects.locations.instances.gceSetup.dataDisks[].diskEncryption',
    'projects.locations.instances.gceSetup.dataDisks[].kmsKey',
  ],
  remediation: {
    console:
      'Disk encryption is chosen at creation. Grant the Notebooks and Compute Engine service agents ' +
      "roles/cloudkms.cryptoKeyEncrypterDecrypter on a key in the instance's region, create a replacement " +
      'instance with "Customer-managed encryption key (CMEK)" under Disks, move the work over, delete this one.',
    cli:
      'gcloud workbench instances create <name> --location=<zone> --boot-disk-encryption=CMEK ' +
      '--boot-disk-kms-key=<key> --data-disk-encryption=CMEK --data-disk-kms-key=<key>',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n    boot_disk {\n' +
      '      disk_encryption = "CMEK"\n      kms_key         = google_kms_crypto_key.notebooks.id\n    }\n' +
      '    data_disks {\n      disk_encryption = "CMEK"\n      kms_key         = google_kms_crypto_key.notebooks.id\n' +
      '    }\n  }\n}',
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset): CheckResult {
    const unknown = requireFields(asset, 'gceSetup.bootDisk');
    if (unknown) return unknown;
    const disks = [
      {
        path: 'gceSetup.bootDisk',
        disk: at(asset.attributes, 'gceSetup.bootDisk') as Record<string, unknown>,
      },
      ...asRecords(at(asset.attributes, 'gceSetup.dataDisks')).map((disk, i) => ({
        path: `gceSetup.dataDisks[${i}]`,
        disk,
      })),
    ].map((d) => ({ ...d, verdict: diskEncryption(d.disk) }));
    const evidence = Object.fromEntries(
      disks.map((d) => [
        d.path,
        { diskEncryption: d.disk.diskEncryption ?? null, kmsKey: d.disk.kmsKey ?? null },
      ]),
    );
    if (disks.some((d) => d.verdict === 'google')) return { status: 'fail', evidence };
    const undecided = disks.filter((d) => d.verdict === 'unknown').map((d) => `${d.path}.diskEncryption`);
    if (undecided.length > 0) return { status: 'unknown', missing: undecided };
    return { status: 'pass', evidence };
  },
});
