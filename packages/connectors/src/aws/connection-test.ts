import { ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import { ConnectorError, type AwsTarget } from '../types';
import { toConnectorError } from './aws-error.mapper';
import { sageMakerClientFor } from './clients';

export type ConnectionTestResult = { ok: true } | { ok: false; code: string; message: string };

/** Long enough for the SDK's retries against a slow endpoint, short enough for a form submit. */
const TIMEOUT_MS = 20_000;

/**
 * Proves the credentials work by making the cheapest call a scan needs (ListNotebookInstances, one item) in
 * the target's region. On failure the message says what is missing: a permission, a recognised key, or a
 * reachable endpoint.
 */
export async function testAwsConnection(target: AwsTarget): Promise<ConnectionTestResult> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    await sageMakerClientFor(target).send(new ListNotebookInstancesCommand({ MaxResults: 1 }), {
      abortSignal: signal,
    });
    return { ok: true };
  } catch (err) {
    const error = signal.aborted
      ? new ConnectorError({
          code: 'Unavailable',
          service: 'sagemaker.notebooks',
          operation: 'ListNotebookInstances',
          message: `${target.endpoint ?? 'AWS'} did not answer ListNotebookInstances in ${target.region} within ${TIMEOUT_MS / 1000} s`,
          cause: err,
        })
      : toConnectorError(err, {
          service: 'sagemaker.notebooks',
          iamPrefix: 'sagemaker',
          operation: 'ListNotebookInstances',
          target,
        });
    return { ok: false, code: error.code, message: error.message };
  }
}
