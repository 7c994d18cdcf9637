import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeJoin } from './safe-join.js';

const root = '/srv/examples';

describe('safeJoin', () => {
  it('resolves plain and percent-encoded names inside the root', () => {
    expect(safeJoin(root, 'dog.jpg')).toBe(join(root, 'dog.jpg'));
    expect(safeJoin(root, 'my%20dog.jpg')).toBe(join(root, 'my dog.jpg'));
    expect(safeJoin(root, 'assets/app.js')).toBe(join(root, 'assets/app.js'));
  });

  it.each([
    '../etc/passwd',
    '..%2fetc%2fpasswd',
    '%2e%2e/secret',
    'a/../../b',
    '..\\win.ini',
    'x%00.png',
    '%E0%A4%A',
    '..',
  ])('refuses %s', (path) => {
    expect(safeJoin(root, path)).toBeUndefined();
  });
});
