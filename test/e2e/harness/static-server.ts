import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../../../electron/main/csp';
import { APP_ORIGIN, mimeTypeFor, resolveAppPath } from '../../../electron/main/protocol';

/**
 * Serves the built renderer on loopback the way the app:// protocol does: same path resolution,
 * same CSP and security headers.
 */
export async function serveRenderer(rootDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const file = resolveAppPath(rootDir, `${APP_ORIGIN}${(req.url ?? '/').split('?')[0]}`);
    if (!file) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': mimeTypeFor(file), ...SECURITY_HEADERS }).end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
