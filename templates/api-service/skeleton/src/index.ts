// Starts ${{ values.name }} on PORT (8080).
import { createServer } from './app.ts';
import { killSwitchOn } from './http.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
}
const killSwitch = killSwitchOn(process.env);
const server = createServer({ killSwitch });

server.listen(port, () => {
  console.log(
    JSON.stringify({ msg: '${{ values.name }} listening', port, killSwitch }),
  );
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
