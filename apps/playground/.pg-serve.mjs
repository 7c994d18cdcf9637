import { startGateway } from '@visiongraph/gateway';
const gw = await startGateway({ port: 4100, host: '127.0.0.1', logLevel: 'warn' });
console.log('ready', gw.url);
