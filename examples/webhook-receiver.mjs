// A webhook receiver that checks the ledger's Standard Webhooks signature and processes each event
// once: node examples/webhook-receiver.mjs (WEBHOOK_SECRET=whsec_... PORT=4000).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

if (!process.env.WEBHOOK_SECRET?.startsWith('whsec_')) throw new Error('set WEBHOOK_SECRET to the secret the ledger answered the registration with');
const key = Buffer.from(process.env.WEBHOOK_SECRET.slice('whsec_'.length), 'base64');
const seen = new Set(); // use your database in real life: webhook-id is the event id
createServer((req, res) => {
  const chunks = []; // bytes, joined before decoding: a character may be split between two chunks
  req.on('data', (chunk) => chunks.push(chunk)).on('end', () => {
    const id = req.headers['webhook-id'], ts = req.headers['webhook-timestamp'], body = Buffer.concat(chunks);
    const expected = Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${ts}.`).update(body).digest('base64')}`);
    const valid = String(req.headers['webhook-signature']).split(' ').some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
    if (!valid || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return res.writeHead(401).end();
    if (!seen.has(id)) { seen.add(id); const event = JSON.parse(body.toString('utf8')); console.log(event.position, event.type, event.subject); }
    res.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 4000), '127.0.0.1');
