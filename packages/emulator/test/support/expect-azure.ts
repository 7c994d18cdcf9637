// Asserts the shape of an Azure error answer for each envelope.
import { expect } from 'vitest';

export type Envelope = 'v3' | 'flat' | 'gateway';

export interface AzureAnswer {
  status: number;
  body: unknown;
  requestId: string | null;
}

export async function answer(res: Response): Promise<AzureAnswer> {
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    requestId: res.headers.get('apim-request-id'),
  };
}

/** The specific error code of an answer, whatever its envelope. */
export function errorCode(body: unknown, envelope: Envelope): string | undefined {
  const b = body as Record<string, any>;
  if (envelope === 'v3') return b?.error?.innererror?.code;
  if (envelope === 'gateway') return b?.error?.code;
  return b?.code;
}

export function expectAzureError(
  a: AzureAnswer,
  status: number,
  code: string,
  envelope: Envelope,
): void {
  expect({ status: a.status, code: errorCode(a.body, envelope) }).toEqual({ status, code });
  expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
  const b = a.body as Record<string, any>;
  if (envelope === 'v3') {
    expect(Object.keys(b)).toEqual(['error']);
    expect(b.error.code).toBe(status >= 500 ? 'InternalServerError' : 'InvalidRequest');
    expect(typeof b.error.message).toBe('string');
    expect(typeof b.error.innererror.message).toBe('string');
  } else if (envelope === 'gateway') {
    expect(Object.keys(b.error).sort()).toEqual(['code', 'message']);
  } else {
    expect(Object.keys(b).sort()).toEqual(['code', 'message', 'requestId']);
    expect(b.requestId).toBe(a.requestId);
  }
}
