import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import schema from './sarif-schema-2.1.0.json' with { type: 'json' };

/*
 * sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 JSON schema, Errata 01: the version OASIS publishes as the
 * standard's (its id is docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
 * It is copied from the OASIS SARIF TC's repository, oasis-tcs/sarif-spec at commit
 * e0583813964ec43cea53b6b531b402866095ed1f, file sarif-2.1/schema/sarif-schema-2.1.0.json, re-indented by
 * prettier and otherwise unchanged. It is JSON Schema draft-04, which ajv 8 reads only through ajv-draft-04.
 */
// strictRequired off: the schema requires properties inside anyOf branches that declare them elsewhere.
const ajv = new Ajv04({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Where `log` breaks the SARIF 2.1.0 schema, one line per error; empty when it is a valid SARIF log. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
