import type { ControlMapping } from '../../check';

/** What every customer-managed-key check maps to: encryption, and control over data at rest. */
export const CMEK_CONTROLS: readonly ControlMapping[] = [
  { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
  { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
];

/** Console steps for a Vertex AI resource whose key is fixed at creation: recreate it with one. */
export function recreateWithKeyConsole(steps: string): string {
  return (
    'The key is set at creation. Grant the Vertex AI service agent roles/cloudkms.cryptoKeyEncrypterDecrypter ' +
    `on a key in the resource's region, then ${steps}`
  );
}

/** Terraform for a Vertex AI resource type that takes `encryption_spec`. */
export function encryptionSpecTerraform(resourceType: string): string {
  return (
    `resource "${resourceType}" "this" {\n  encryption_spec {\n` +
    '    kms_key_name = google_kms_crypto_key.vertex.id\n  }\n}'
  );
}

/**
 * Terraform for a resource that code submits (models, jobs): Terraform cannot set its key, only grant the key to
 * the service agent that encrypts with it.
 */
export function keyGrantTerraform(submittedBy: string): string {
  return (
    `# ${submittedBy}: set encryption_spec.kms_key_name in the request. Terraform grants the key:\n` +
    'resource "google_kms_crypto_key_iam_member" "vertex" {\n' +
    '  crypto_key_id = google_kms_crypto_key.vertex.id\n' +
    '  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"\n' +
    '  member        = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-aiplatform.iam.gserviceaccount.com"\n' +
    '}'
  );
}
