import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** An ARM listing page exactly as the server sent it. */
export interface RawListPage {
  value: Record<string, unknown>[];
  nextLink?: string | null;
}

interface Capture {
  pages: RawListPage[];
}

const current = new AsyncLocalStorage<Capture>();

/**
 * Keeps the JSON of successful listing responses for the call running inside `captureRawPages`. The SDK models
 * fill in defaults the server never sent (`hbiWorkspace: false`, ...) and drop unknown fields, so security
 * attributes are read from these bodies instead. Calls outside a capture are left alone.
 */
export const rawCapturePolicy: PipelinePolicy = {
  name: 'aispmRawListingCapture',
  async sendRequest(request, next) {
    const response = await next(request);
    const capture = current.getStore();
    if (capture && response.status === 200 && response.bodyAsText) {
      const parsed: unknown = JSON.parse(response.bodyAsText);
      if (isListPage(parsed)) capture.pages.push(parsed);
    }
    return response;
  },
};

/** Runs one SDK page call and returns the listing page it received, as sent. */
export async function captureRawPage(call: () => Promise<unknown>): Promise<RawListPage> {
  const capture: Capture = { pages: [] };
  await current.run(capture, call);
  const page = capture.pages.at(-1);
  if (!page) throw new Error('the listing answered without a JSON page ({value: [...]})');
  return page;
}

function isListPage(body: unknown): body is RawListPage {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { value?: unknown }).value) &&
    (body as { value: unknown[] }).value.every(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    )
  );
}
