import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const title = '${{ values.name }}';
const page =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>' +
  title +
  '</title></head><body><main><h1>' +
  title +
  '</h1></main></body></html>';

createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'self'",
  });
  res.end(page);
}).listen(port, () => console.log(title + ' listening on ' + port));
