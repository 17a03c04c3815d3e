import { describe, expect, it } from 'vitest';
import { parseCustomFramework, validateCustomFramework } from './custom-framework';

const knownCheckIds = new Set(['aws.sagemaker.notebook.no_cmk', 'aws.bedrock.agent.no_guardrail']);
const options = { knownCheckIds };

const GOOD_YAML = `# Our AI policy, version 1.10
key: acme-ai-policy
name: ACME AI security policy
version: 1.10
controls:
  - id: AI-1
    title: Encrypt notebooks with our keys
    description: Every notebook volume uses a customer-managed key.
    checks:
      - checkId: aws.sagemaker.notebook.no_cmk
        relationship: equivalent-to
  - id: AI-2
    title: Guard every agent
    checks:
      - { checkId: aws.bedrock.agent.no_guardrail, relationship: subset-of }
  - id: AI-3
    title: Review vendors yearly
    checks: []
`;

describe('custom framework files', () => {
  it('reads YAML, keeping every scalar the string it was written as', () => {
    const result = parseCustomFramework(GOOD_YAML, 'yaml', options);
    expect(result).toEqual({
      ok: true,
      framework: {
        key: 'acme-ai-policy',
        name: 'ACME AI security policy',
        version: '1.10',
        controls: [
          {
            id: 'AI-1',
            title: 'Encrypt notebooks with our keys',
            description: 'Every notebook volume uses a customer-managed key.',
            checks: [{ checkId: 'aws.sagemaker.notebook.no_cmk', relationship: 'equivalent-to' }],
          },
          {
            id: 'AI-2',
            title: 'Guard every agent',
            checks: [{ checkId: 'aws.bedrock.agent.no_guardrail', relationship: 'subset-of' }],
          },
          { id: 'AI-3', title: 'Review vendors yearly', checks: [] },
        ],
      },
    });
  });

  it('reads the same framework as JSON', () => {
    const yaml = parseCustomFramework(GOOD_YAML, 'yaml', options);
    if (!yaml.ok) throw new Error('expected the YAML to parse');
    expect(parseCustomFramework(JSON.stringify(yaml.framework), 'json', options)).toEqual(yaml);
  });

  it('names the line and column of a YAML syntax error', () => {
    const unclosed = 'key: acme\nname: ACME\ncontrols:\n  - id: A\n    title: [unclosed\n';
    expect(parseCustomFramework(unclosed, 'yaml', options)).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message:
            'YAML syntax error at line 6, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ],
    });
    const duplicateKey = 'key: acme\nkey: other\n';
    expect(parseCustomFramework(duplicateKey, 'yaml', options)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'YAML syntax error at line 2, column 1: Map keys must be unique' }],
    });
  });

  it('names the line and column of a JSON syntax error, and keeps JSON numbers typed', () => {
    const result = parseCustomFramework('{\n  "key": "acme",\n  "name": }', 'json', options);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^JSON syntax error at line 3, column 11: /),
    ]);
    const typed = parseCustomFramework(
      '{"key": "acme", "name": "A", "version": 1, "controls": [{"id": "A", "title": "t", "checks": []}]}',
      'json',
      options,
    );
    expect(typed).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'Invalid input: expected string, received number' }],
    });
  });

  it('lists every problem with its path: unknown checks, duplicate ids, bad relationships, missing fields', () => {
    const result = validateCustomFramework(
      {
        key: 'acme',
        name: 'ACME',
        version: '1',
        controls: [
          {
            id: 'A',
            title: 'One',
            checks: [{ checkId: 'aws.sagemaker.notebook.no_cmk', relationship: 'subset-of' }],
          },
          { id: 'B', title: 'Two', checks: [] },
          { id: 'A', title: 'Three', checks: [] },
          {
            id: 'C',
            title: 'Four',
            checks: [
              { checkId: 'aws.x', relationship: 'subset-of' },
              { checkId: 'aws.sagemaker.notebook.no_cmk', relationship: 'subset-of' },
              { checkId: 'aws.sagemaker.notebook.no_cmk', relationship: 'intersects-with' },
            ],
          },
        ],
      },
      options,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'controls[2].id', message: 'duplicate control id "A" (first at controls[0])' },
        { path: 'controls[3].checks[0].checkId', message: 'unknown check "aws.x"' },
        {
          path: 'controls[3].checks[2].checkId',
          message: 'check "aws.sagemaker.notebook.no_cmk" is mapped to this control twice',
        },
      ],
    });

    const shape = validateCustomFramework(
      {
        key: 'Not A Slug',
        name: 'ACME',
        controls: [{ id: 'A', title: 'One', checks: [{ checkId: 'aws.x', relationship: 'related-to' }] }],
        extra: true,
      },
      options,
    );
    expect(shape.ok ? [] : shape.errors.map((e) => e.path)).toEqual([
      'key',
      'version',
      'controls[0].checks[0].relationship',
      '',
      // Listed with the shape's problems, not after they are fixed.
      'controls[0].checks[0].checkId',
    ]);
  });

  it('never takes a built-in framework key', () => {
    const result = validateCustomFramework(
      { key: 'owasp-llm', name: 'Mine', version: '1', controls: [{ id: 'A', title: 'One', checks: [] }] },
      options,
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'key', message: '"owasp-llm" is a built-in framework; choose another key' }],
    });
  });

  it('refuses files over 1 MB and more than 2,000 controls', () => {
    const big = `key: acme\nname: ACME\nversion: "1"\ndescription: ${'x'.repeat(1_100_000)}\n`;
    expect(parseCustomFramework(big, 'yaml', options)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'the file is larger than 1 MB' }],
    });
    const many = Array.from({ length: 2001 }, (_, i) => ({ id: `C${i}`, title: 't', checks: [] }));
    const result = validateCustomFramework({ key: 'acme', name: 'A', version: '1', controls: many }, options);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['controls']);
  });

  it('lists at most 100 problems and says how many more there are', () => {
    const controls = Array.from({ length: 150 }, (_, i) => ({
      id: `C${i}`,
      title: 't',
      checks: [{ checkId: `aws.unknown_${i}`, relationship: 'subset-of' }],
    }));
    const result = validateCustomFramework({ key: 'acme', name: 'A', version: '1', controls }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(101);
    expect(result.errors.at(-1)).toEqual({ path: '', message: 'and 50 more problems' });
  });
});
