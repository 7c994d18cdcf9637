// Extracts the first file part of a multipart/form-data body (Azure takes the image from the
// first part; a part with a filename wins over plain fields).

export function firstMultipartFile(body: Buffer, contentType: string): Buffer | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; content: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headerStart = start + delimiter.length;
    if (body.subarray(headerStart, headerStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, headerStart);
    if (next === -1) break;
    const part = body.subarray(headerStart, next);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      // The part ends with the CRLF that precedes the next delimiter.
      const end =
        part.length >= 2 && part.subarray(part.length - 2).toString() === '\r\n'
          ? part.length - 2
          : part.length;
      parts.push({
        headers: part.subarray(0, split).toString('latin1'),
        content: part.subarray(split + 4, end),
      });
    }
    start = next;
  }
  const file = parts.find((p) => /filename=/i.test(p.headers)) ?? parts[0];
  return file?.content;
}
