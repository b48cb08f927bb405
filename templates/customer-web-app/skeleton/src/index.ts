// Starts ${{ values.name }} on PORT (8080); order milestones come from ORDER_STATUS_API_URL.
import { createServer } from './app.ts';
import { killSwitchOn } from './http.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
}
const killSwitch = killSwitchOn(process.env);
const orderStatusApiUrl = process.env.ORDER_STATUS_API_URL || undefined;
const server = createServer({
  title: '${{ values.name }}',
  orderStatusApiUrl,
  killSwitch,
});

server.listen(port, () => {
  console.log(
    JSON.stringify({
      msg: '${{ values.name }} listening',
      port,
      orderStatusApiUrl,
      killSwitch,
    }),
  );
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
