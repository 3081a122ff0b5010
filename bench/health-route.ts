// What the Hono app's GET /health answers (server/app.ts), for the bare server to answer alike.
// Its own module: importing the bare server's entry file would start a server.
export const HEALTH_PATH = '/health';
export const HEALTH_BODY = JSON.stringify({ status: 'ok' });
