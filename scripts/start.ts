// `npm start`: build the app and serve it on 127.0.0.1 (PORT to choose the port).
import { build, serve } from '../tests/support/serve';

const port = Number(process.env.PORT ?? 4173);
build();
const app = await serve(port);
console.log(`\nNightjar (disguised as "Calculator") is at ${app.url}/\nPress Ctrl+C to stop.`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
