// Preloaded (`node --import`) into every gateway the abuse suite starts. Tests may only use
// loopback, yet the attacks name private, link-local and cloud-metadata addresses, and DNS
// names. So this module stands in for the network outside the machine:
// - a connection to any address that is not this machine is refused here (ENETUNREACH) and
//   reported on stderr as `VG-SANDBOX egress <address>:<port>`, so a test can tell "refused by
//   the gateway's own policy" (no egress line) from "the gateway tried" (egress line);
// - DNS answers from a small table and never asks a real resolver: `public.vg.test` is a public
//   address (93.184.216.34) whose connections land on this machine, `rebind.vg.test` points at
//   127.0.0.1, the metadata names at 169.254.169.254; anything else does not resolve.
// It changes nothing for loopback connections, so the gateway under test runs unchanged; it
// also reports unhandled rejections (see the end of the file).
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

export const SIMULATED_PUBLIC_ADDRESS = '93.184.216.34';

const TABLE = {
  'public.vg.test': [{ address: SIMULATED_PUBLIC_ADDRESS, family: 4 }],
  'rebind.vg.test': [{ address: '127.0.0.1', family: 4 }],
  'metadata.google.internal': [{ address: '169.254.169.254', family: 4 }],
  'metadata.azure.internal': [{ address: '169.254.169.254', family: 4 }],
  'instance-data.ec2.internal': [{ address: '169.254.169.254', family: 4 }],
  localhost: [
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ],
};

function isThisMachine(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const v4 = mapped ?? (net.isIPv4(address) ? address : undefined);
  if (v4) return v4.startsWith('127.') || v4 === '0.0.0.0';
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/i.exec(address)?.[1];
  if (hexMapped) return parseInt(hexMapped, 16) >> 8 === 127;
  return address === '::1' || address === '::';
}

function answer(hostname) {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (net.isIP(name)) return [{ address: name, family: net.isIP(name) }];
  return TABLE[name];
}

function fakeLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'object' && options !== null ? options : {};
  const family = typeof options === 'number' ? options : (opts.family ?? 0);
  const found = (answer(hostname) ?? []).filter((a) => !family || a.family === family);
  process.nextTick(() => {
    if (found.length === 0) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        hostname,
      });
      return cb(error, opts.all ? [] : '', 0);
    }
    if (opts.all) return cb(null, found);
    return cb(null, found[0].address, found[0].family);
  });
}

dns.lookup = fakeLookup;
dns.promises.lookup = (hostname, options) =>
  new Promise((resolve, reject) => {
    fakeLookup(hostname, options ?? {}, (error, address, family) => {
      if (error) reject(error);
      else resolve(Array.isArray(address) ? address : { address, family });
    });
  });
syncBuiltinESMExports();

function refuse(address, port) {
  process.stderr.write(`VG-SANDBOX egress ${address}:${port}\n`);
  return Object.assign(new Error(`connect ENETUNREACH ${address}:${port}`), {
    code: 'ENETUNREACH',
    address,
    port,
  });
}

/** Where a connection to `address` lands: loopback stays, the simulated public host comes home. */
function route(address) {
  if (address === SIMULATED_PUBLIC_ADDRESS) return '127.0.0.1';
  return isThisMachine(address) ? address : undefined;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function sandboxedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  // http's agent passes `path: null`; a string path is a Unix socket, which stays local.
  if (first && typeof first === 'object' && typeof first.path !== 'string') {
    const host = first.host ?? 'localhost';
    const port = first.port;
    if (net.isIP(host)) {
      const to = route(host);
      if (to === undefined) {
        const error = refuse(host, port);
        process.nextTick(() => this.destroy(error));
        return this;
      }
      first.host = to;
    } else {
      const inner = first.lookup ?? dns.lookup;
      first.lookup = (hostname, options, callback) =>
        inner(hostname, options, (error, address, family) => {
          if (error) return callback(error, address, family);
          const list = Array.isArray(address) ? address : [{ address, family }];
          const routed = [];
          for (const entry of list) {
            const to = route(entry.address);
            if (to === undefined) return callback(refuse(entry.address, port), '', 0);
            routed.push({ address: to, family: net.isIP(to) });
          }
          if (Array.isArray(address)) return callback(null, routed);
          return callback(null, routed[0].address, routed[0].family);
        });
    }
  }
  return connect.apply(this, args);
};

// Counted instead of fatal, so one stray rejection is reported in the table and the rest of the
// suite still runs against the same process. Reported on stderr.
process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  process.stderr.write(`VG-SANDBOX unhandled-rejection ${text.replace(/\s+/g, ' ')}\n`);
});
