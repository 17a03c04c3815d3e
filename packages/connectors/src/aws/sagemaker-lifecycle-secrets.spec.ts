import { describe, expect, it } from 'vitest';
import { redactScriptSecrets, shannonEntropy } from './sagemaker-lifecycle-secrets';

// Built at run time so no secret-shaped literal sits in the repository.
const keyId = 'AKIA' + 'Q7XZ3MBW5ND2KT6P';
const secretKey = 'wJalr' + 'XUtnFEMI/K7MDENG/bPxRfiCYzQ9s8d7A+1';
const hfToken = 'hf_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z';

describe('redactScriptSecrets', () => {
  it('replaces AWS keys, Hugging Face tokens and passwords, and says where they were', () => {
    const script = [
      '#!/bin/bash',
      'cat > ~/.aws/credentials <<CREDS',
      '[default]',
      `aws_access_key_id = ${keyId}`,
      `aws_secret_access_key = ${secretKey}`,
      'CREDS',
      `echo 'export HF_TOKEN=${hfToken}' >> ~/.bashrc`,
      `echo 'export WAREHOUSE_DB_PASSWORD="s3cr3t-Passw0rd"' >> ~/.bashrc`,
    ].join('\n');
    const { text, detected } = redactScriptSecrets(script);
    for (const secret of [keyId, secretKey, hfToken, 's3cr3t-Passw0rd']) expect(text).not.toContain(secret);
    expect(text).toContain('aws_access_key_id = [redacted:aws-access-key-id]');
    expect(text).toContain('aws_secret_access_key = [redacted:aws-secret-access-key]');
    expect(text).toContain('export HF_TOKEN=[redacted:hf-token]');
    expect(text).toContain('WAREHOUSE_DB_PASSWORD="[redacted:password]"');
    expect(detected).toEqual([
      { kind: 'aws-access-key-id', line: 4 },
      { kind: 'aws-secret-access-key', line: 5 },
      { kind: 'hf-token', line: 7 },
      { kind: 'password', line: 8 },
    ]);
    expect(text.split('\n')).toHaveLength(8);
  });

  it('replaces a private key block and keeps the line numbers after it', () => {
    const script = [
      'cat > ~/.ssh/id_rsa <<EOF',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAq1w2e3r4t5y6u7i8o9p0',
      'Zx9c8v7b6n5m4l3k2j1h0g',
      '-----END RSA PRIVATE KEY-----',
      'EOF',
      'password=hunter2hunter2',
    ].join('\n');
    const { text, detected } = redactScriptSecrets(script);
    expect(text).not.toContain('MIIEow');
    expect(text).toContain('[redacted:private-key]');
    expect(detected).toEqual([
      { kind: 'private-key', line: 2 },
      { kind: 'password', line: 7 },
    ]);
    expect(text.split('\n')[6]).toBe('password=[redacted:password]');
  });

  it('replaces credentials in URLs and high-entropy values of secret-sounding names', () => {
    const token = 'ghp' + '_x8Kq2Lm9Np4Rs7Tv1Wy3Za6Bc5De0Fg';
    const { text, detected } = redactScriptSecrets(
      `pip config set global.index-url https://ml:Zq8Pw3Lx@pypi.internal.example.com/simple\nGITHUB_TOKEN=${token}`,
    );
    expect(text).toBe(
      'pip config set global.index-url https://ml:[redacted:password]@pypi.internal.example.com/simple\nGITHUB_TOKEN=[redacted:generic-secret]',
    );
    expect(detected.map((d) => d.kind)).toEqual(['password', 'generic-secret']);
  });

  it('leaves clean scripts, variable references and low-entropy values alone', () => {
    const script = [
      '#!/bin/bash',
      'IDLE_TIME=3600',
      'export HF_TOKEN=$(aws secretsmanager get-secret-value --secret-id hf --query SecretString --output text)',
      'DB_PASSWORD="${DB_PASSWORD}"',
      'AUTH_MODE=aaaaaaaaaaaaaaaaaaaa',
      'mount -t nfs4 fs-0123.efs.us-east-1.amazonaws.com:/ /home/ec2-user/SageMaker/efs',
    ].join('\n');
    expect(redactScriptSecrets(script)).toEqual({ text: script, detected: [] });
  });

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
