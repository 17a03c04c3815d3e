// Framework catalogs as data. Each JSON file keeps its own `source` and `license` fields: that attribution
// must travel with the data (see catalogs/README.md). ISO/IEC 42001: ids and short titles only.
import owasp from './catalogs/owasp_llm_top10_2025.json' with { type: 'json' };
import atlas from './catalogs/mitre_atlas.json' with { type: 'json' };
import rmf from './catalogs/nist_ai_rmf_1.0.json' with { type: 'json' };
import genai from './catalogs/nist_ai_600_1.json' with { type: 'json' };
import iso from './catalogs/iso_iec_42001_2023_annex_a.json' with { type: 'json' };
import euAiAct from './catalogs/eu_ai_act_2024_1689.json' with { type: 'json' };

export interface Control {
  /** Version-pinned reference used by check mappings, e.g. `owasp-llm@2025:LLM03`. */
  ref: string;
  framework: string;
  id: string;
  title: string;
}

export interface Framework {
  key: string;
  version: string;
  name: string;
  /** Where the catalog was compiled from; shown with the licence wherever the data is used. */
  source: string;
  license: string;
  controls: Control[];
}

function framework(
  key: string,
  version: string,
  name: string,
  source: string,
  license: string,
  items: { id: string; title: string }[],
): Framework {
  return {
    key,
    version,
    name,
    source,
    license,
    controls: items.map((i) => ({
      ref: `${key}@${version}:${i.id}`,
      framework: key,
      id: i.id,
      title: i.title,
    })),
  };
}

export const frameworks: readonly Framework[] = [
  // OWASP ids are "LLM01:2025"; the version already sits in the reference, so the id is "LLM01".
  framework(
    'owasp-llm',
    '2025',
    owasp.framework,
    `${owasp.source.site} (${owasp.source.repo})`,
    owasp.license,
    owasp.items.map((i) => ({ id: i.id.replace(/:2025$/, ''), title: i.title })),
  ),
  framework('mitre-atlas', atlas.data_version, atlas.framework, atlas.source.repo, atlas.license, [
    ...atlas.tactics.map((t) => ({ id: t.id, title: t.name })),
    ...atlas.techniques.map((t) => ({ id: t.id, title: t.name })),
    ...atlas.mitigations.map((m) => ({ id: m.id, title: m.name })),
  ]),
  framework(
    'nist-ai-rmf',
    '1.0',
    rmf.framework,
    rmf.source.authoritative,
    rmf.license,
    rmf.subcategories.map((s) => ({ id: s.id, title: s.short_title })),
  ),
  framework(
    'nist-ai-600-1',
    '2024',
    genai.framework,
    genai.source.authoritative,
    genai.license,
    genai.risks.map((r) => ({ id: r.id, title: r.title })),
  ),
  framework('iso-42001', '2023', iso.framework, iso.source.authoritative, iso.license, iso.controls),
  framework('eu-ai-act', '2024', euAiAct.framework, euAiAct.source.authoritative, euAiAct.license, [
    ...euAiAct.articles.map((a) => ({ id: a.id, title: a.title })),
  ]),
];

const byRef = new Map(frameworks.flatMap((f) => f.controls.map((c) => [c.ref, c] as const)));

/** The built-in framework with this key (`owasp-llm`, `mitre-atlas`, ...), or undefined. */
export function findFramework(key: string): Framework | undefined {
  return frameworks.find((f) => f.key === key);
}

/** The control a reference names, or undefined when no catalog has it (a mapping error). */
export function findControl(ref: string): Control | undefined {
  return byRef.get(ref);
}
