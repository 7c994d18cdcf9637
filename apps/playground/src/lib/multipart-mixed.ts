// A small reader for `multipart/mixed` responses (how graphql-yoga streams @defer results):
// yields each part's JSON body as soon as the delimiter after it has arrived, without waiting
// for the whole response.

/** The boundary from a `multipart/mixed; boundary="-"` content type, or undefined. */
export function multipartBoundary(contentType: string | null): string | undefined {
  if (!contentType || !/^multipart\/mixed\b/i.test(contentType)) return undefined;
  const match = /boundary="?([^";]+)"?/i.exec(contentType);
  return match?.[1] ?? '-';
}

/** Parses the JSON body of every part in `body`, in arrival order. */
export async function* readMultipartMixed(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): AsyncGenerator<unknown> {
  const delimiter = `\r\n--${boundary}`;
  const decoder = new TextDecoder();
  const reader = body.getReader();
  // A leading CRLF lets the first delimiter match whether or not the server sent a preamble.
  let buffer = '\r\n';
  let inPreamble = true;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (let at = buffer.indexOf(delimiter); at >= 0; at = buffer.indexOf(delimiter)) {
        const part = buffer.slice(0, at);
        buffer = buffer.slice(at + delimiter.length);
        if (!inPreamble) {
          const json = partBody(part);
          if (json) yield JSON.parse(json);
        }
        inPreamble = false;
        if (buffer.startsWith('--')) return; // close delimiter: the response is complete
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

// A part is "CRLF headers CRLF CRLF body"; headers may be absent.
function partBody(part: string): string {
  const headerEnd = part.indexOf('\r\n\r\n');
  const body = headerEnd >= 0 ? part.slice(headerEnd + 4) : part;
  return body.trim();
}
