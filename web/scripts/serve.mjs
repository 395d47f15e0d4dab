// npm start's last step: serve web/dist on localhost:8080 (or the next free port).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static_server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const requested = Number(process.env.PORT || 8080);

const { url } = await startStaticServer({ root, port: requested });
console.log(`Lesson site: ${url}`);
console.log('Press Ctrl+C to stop.');
