/**
 * The page served at `/` when the playground has not been built yet, or is not installed
 * (`playgroundDir` undefined: a production install of the gateway alone).
 */
export function playgroundMissingPage(playgroundDir: string | undefined): string {
  const where = playgroundDir
    ? `The gateway looked for it in\n<code>${escapeHtml(playgroundDir)}</code>`
    : 'The <code>@visiongraph/playground</code> package is not installed beside the gateway';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>visiongraph gateway</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code,pre{background:#f3f3f3;padding:.1rem .3rem}</style>
</head>
<body>
<h1>visiongraph gateway</h1>
<p>The gateway is running, but the playground has not been built, so there is nothing to show here yet.</p>
<p>Build it, then reload this page:</p>
<pre>pnpm --filter @visiongraph/playground build</pre>
<p>(<code>pnpm start</code> from the repository root builds it for you.) ${where}; set <code>GATEWAY_PLAYGROUND_DIR</code> to serve another directory.</p>
<p>Meanwhile: <a href="/graphql">GraphiQL</a> &middot; <a href="/examples">example images</a> &middot;
<a href="/healthz">/healthz</a> &middot; <a href="/readyz">/readyz</a></p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
