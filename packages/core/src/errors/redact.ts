/** Replaces every occurrence of the secret in `text`; a server echoing the key must not leak it. */
export function redact(text: string, secret: string): string {
  return secret.length > 0 && text.includes(secret) ? text.split(secret).join('[redacted]') : text;
}
