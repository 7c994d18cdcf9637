/** One part of a multipart/mixed (@defer) response, with when it finished arriving. */
export interface ReceivedPart {
  body: Record<string, any>;
  /** ms since the request was sent. */
  at: number;
}

/**
 * Reads a multipart/mixed GraphQL response as it streams, so tests can check both the order of
 * the parts and that the first one arrived before the last.
 */
export async function readMultipart(
  response: Response,
  startedAt: number,
): Promise<ReceivedPart[]> {
  const type = response.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!type.startsWith('multipart/mixed') || !boundary || !response.body) {
    throw new Error(`Expected a multipart/mixed response, got ${type} (HTTP ${response.status})`);
  }
  const delimiter = `\r\n--${boundary}`;
  const parts: ReceivedPart[] = [];
  const decoder = new TextDecoder();
  // Prefixing CRLF lets the first delimiter match like the others.
  let buffer = '\r\n';
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    // A part is complete once the delimiter after it has arrived.
    while ((end = buffer.indexOf(delimiter, delimiter.length)) !== -1) {
      const part = buffer.slice(0, end);
      buffer = buffer.slice(end);
      const json = parseBody(part.slice(part.indexOf(delimiter) + delimiter.length));
      if (json) parts.push({ body: json, at: performance.now() - startedAt });
    }
  }
  return parts;
}

function parseBody(part: string): Record<string, any> | undefined {
  const split = part.indexOf('\r\n\r\n');
  if (split === -1) return undefined;
  const text = part.slice(split + 4).trim();
  return text ? (JSON.parse(text) as Record<string, any>) : undefined;
}
