/** What kind of secret a script held. */
export type SecretKind =
  'private-key' | 'aws-access-key-id' | 'aws-secret-access-key' | 'hf-token' | 'password' | 'generic-secret';

/** Where a secret was found: its kind and 1-based line. The value itself is never kept. */
export interface DetectedSecret {
  kind: SecretKind;
  line: number;
}

export interface RedactedScript {
  /** The script with every secret value replaced by `[redacted:<kind>]`. */
  text: string;
  detected: DetectedSecret[];
}

const mark = (kind: SecretKind) => `[redacted:${kind}]`;

const PRIVATE_KEY = /-----BEGIN ((?:[A-Z]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;

/**
 * Per-line rules, most specific first. `value` is the capture group holding the secret; the text around it
 * (the variable name, quotes) is kept so the script still reads.
 */
const LINE_RULES: readonly { kind: SecretKind; pattern: RegExp; value: number }[] = [
  { kind: 'aws-access-key-id', pattern: /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g, value: 1 },
  {
    kind: 'aws-secret-access-key',
    pattern: /(\b\w*secret_?access_?key\w*["']?\s*[=:]\s*["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    value: 2,
  },
  { kind: 'hf-token', pattern: /\b(hf_[A-Za-z0-9]{30,})\b/g, value: 1 },
  // user:password@host in a URL (pip index, database, git remote).
  { kind: 'password', pattern: /(:\/\/[^\s/:@]+:)([^\s@/]+)(@)/g, value: 2 },
  {
    kind: 'password',
    pattern: /(\b\w*(?:password|passwd|pwd)\w*["']?\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\s'"]+)/gi,
    value: 2,
  },
  {
    kind: 'generic-secret',
    pattern:
      /(\b\w*(?:secret|token|api_?key|apikey|access_?key|auth|credential)\w*["']?\s*[=:]\s*["']?)([A-Za-z0-9/+_\-.=]{16,})/gi,
    value: 2,
  },
];

/**
 * Finds secrets in a shell script (a notebook lifecycle hook) and replaces their values: AWS access key ids
 * and secret keys, Hugging Face tokens, passwords (assigned, or in URLs), private keys, and high-entropy
 * values assigned to secret-sounding names. A value that is a variable reference (`$TOKEN`) is not a secret.
 */
export function redactScriptSecrets(script: string): RedactedScript {
  const detected: DetectedSecret[] = [];
  const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

  // Private keys span lines: replace each block by a single line so later line numbers stay true.
  let text = script.replace(PRIVATE_KEY, (block: string, _type: string, offset: number) => {
    detected.push({ kind: 'private-key', line: lineAt(script, offset) });
    return mark('private-key') + '\n'.repeat(block.split('\n').length - 1);
  });

  text = text
    .split('\n')
    .map((line, i) => {
      let out = line;
      for (const rule of LINE_RULES) {
        out = out.replace(rule.pattern, (...m: unknown[]) => {
          const groups = m.slice(1, -2) as (string | undefined)[];
          const value = groups[rule.value - 1] ?? '';
          if (!isSecretValue(rule.kind, value)) return m[0] as string;
          detected.push({ kind: rule.kind, line: i + 1 });
          return groups
            .map((g, k) => (k === rule.value - 1 ? redactValue(g ?? '', rule.kind) : (g ?? '')))
            .join('');
        });
      }
      return out;
    })
    .join('\n');

  detected.sort((a, b) => a.line - b.line);
  return { text, detected };
}

/** Keeps the quotes around a quoted value. */
function redactValue(value: string, kind: SecretKind): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    return `${quote}${mark(kind)}${quote}`;
  }
  return mark(kind);
}

function isSecretValue(kind: SecretKind, raw: string): boolean {
  const value = raw.replace(/^["']|["']$/g, '');
  if (value === '' || value.startsWith('[redacted:')) return false;
  // A reference to a variable or a command substitution holds no secret itself.
  if (/^\$|^`/.test(value) || value.includes('${')) return false;
  if (kind === 'generic-secret') return shannonEntropy(value) >= 3.5;
  return true;
}

/** Bits per character: random tokens score well above words and paths. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
