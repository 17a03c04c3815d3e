import { describe, expect, it } from 'vitest';
import { findFramework } from './catalogs';
import { builtInMappings, mappingProblems, type MappedCheck } from './mappings';

const complete: MappedCheck = {
  id: 'aws.sagemaker.notebook.no_cmk',
  controls: [
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
};

describe('check-to-control mappings', () => {
  it('finds nothing wrong with a check mapped to every built-in framework', () => {
    expect(mappingProblems([complete])).toEqual([]);
  });

  it('names unknown references, duplicates and each framework a check does not reach', () => {
    const partial: MappedCheck = {
      id: 'aws.x.y',
      controls: [
        { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
        { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
        { ref: 'mitre-atlas@5.6.0:AML.M9999', relationship: 'intersects-with' },
      ],
    };
    expect(mappingProblems([partial])).toEqual([
      'aws.x.y: mitre-atlas@5.6.0:AML.M9999 is in no catalog',
      'aws.x.y: owasp-llm@2025:LLM02 is mapped twice',
      'aws.x.y: no control of MITRE ATLAS',
      'aws.x.y: no control of NIST AI RMF 1.0',
      'aws.x.y: no control of NIST AI 600-1 - AI RMF Generative AI Profile (July 2024)',
      'aws.x.y: no control of ISO/IEC 42001:2023 Annex A (normative) - Reference control objectives and controls',
      'aws.x.y: no control of EU Artificial Intelligence Act - Regulation (EU) 2024/1689',
    ]);
  });

  it("reads one framework's mappings from the checks, by control id", () => {
    expect(builtInMappings(findFramework('nist-ai-rmf')!, [complete])).toEqual([
      { controlId: 'MEASURE 2.7', checkId: 'aws.sagemaker.notebook.no_cmk', relationship: 'subset-of' },
    ]);
  });
});
