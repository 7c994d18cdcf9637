import { describe, expect, it } from 'vitest';
import { isLoopbackName, namesThisServer } from './same-server.js';

const names = (url: string, request: string) => namesThisServer(new URL(url), new URL(request));

describe('namesThisServer', () => {
  it('is the Host the request came to, exactly, whatever the scheme (TLS may end in front)', () => {
    expect(names('http://gw.example:4000/examples/a.jpg', 'http://gw.example:4000/graphql')).toBe(
      true,
    );
    expect(names('https://gw.example/examples/a.jpg', 'http://gw.example/graphql')).toBe(true);
    expect(names('http://GW.example:4000/x', 'http://gw.example:4000/graphql')).toBe(true);
    expect(names('http://gw.example:4001/x', 'http://gw.example:4000/graphql')).toBe(false);
    expect(names('http://other.example:4000/x', 'http://gw.example:4000/graphql')).toBe(false);
  });

  it('takes any loopback name for another when the request came to a loopback name, same port', () => {
    const request = 'http://127.0.0.1:4000/graphql';
    for (const host of ['localhost:4000', '[::1]:4000', '127.0.0.1:4000', '127.1.2.3:4000'])
      expect(names(`http://${host}/examples/a.jpg`, request)).toBe(true);
    expect(names('http://127.0.0.1:4000/x', 'http://localhost:4000/graphql')).toBe(true);
    expect(names('http://localhost:4000/x', 'http://[::1]:4000/graphql')).toBe(true);
    // Other spellings of 127.0.0.1 are parsed into it.
    expect(names('http://2130706433:4000/x', 'http://localhost:4000/graphql')).toBe(true);
    expect(names('http://0x7f.1:4000/x', 'http://localhost:4000/graphql')).toBe(true);
  });

  it('compares ports with the defaults filled in', () => {
    expect(names('http://localhost/x', 'http://127.0.0.1:80/graphql')).toBe(true);
    expect(names('http://localhost:80/x', 'http://127.0.0.1/graphql')).toBe(true);
    expect(names('https://localhost:80/x', 'http://127.0.0.1/graphql')).toBe(true);
    expect(names('https://localhost/x', 'http://127.0.0.1/graphql')).toBe(false); // 443, not 80
    expect(names('http://localhost:4001/x', 'http://127.0.0.1:4000/graphql')).toBe(false);
    expect(names('http://localhost/x', 'http://127.0.0.1:4000/graphql')).toBe(false);
  });

  it('gives a request to any other Host nothing from the loopback names', () => {
    expect(names('http://localhost:4000/x', 'http://gw.example:4000/graphql')).toBe(false);
    expect(names('http://127.0.0.1:4000/x', 'http://10.0.0.5:4000/graphql')).toBe(false);
    expect(names('http://localhost:4000/x', 'http://[::2]:4000/graphql')).toBe(false);
    // Nor does a loopback request make a non-loopback URL its own.
    expect(names('http://gw.example:4000/x', 'http://127.0.0.1:4000/graphql')).toBe(false);
    expect(names('http://localhost.evil.example:4000/x', 'http://127.0.0.1:4000/graphql')).toBe(
      false,
    );
  });

  it('names this server only with http and https', () => {
    expect(names('ftp://127.0.0.1:4000/x', 'http://127.0.0.1:4000/graphql')).toBe(false);
    expect(names('file:///examples/a.jpg', 'http://127.0.0.1:4000/graphql')).toBe(false);
  });
});

describe('isLoopbackName', () => {
  it('is localhost, [::1] and 127.0.0.0/8 only', () => {
    for (const name of ['localhost', '[::1]', '127.0.0.1', '127.255.0.9'])
      expect(isLoopbackName(name)).toBe(true);
    for (const name of ['localhost.example', '128.0.0.1', '[::2]', '0.0.0.0', '1127.0.0.1', ''])
      expect(isLoopbackName(name)).toBe(false);
  });
});
