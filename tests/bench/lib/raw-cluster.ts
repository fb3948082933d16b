import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';

/** The bare protocol: a client asks its node to broadcast a number to everyone. */
export interface RawClientToServer {
  relay: (round: number) => void;
}
export interface RawServerToClient {
  relayed: (round: number) => void;
}
export type RawClient = Socket<RawServerToClient, RawClientToServer>;

export interface RawCluster {
  urls: string[];
  close(): Promise<void>;
}

/**
 * The floor to compare Okno with: bare Socket.IO servers on their own HTTP servers, joined by
 * the same @socket.io/redis-adapter over node-redis (pub + duplicated sub, a unique key prefix).
 * A `relay` received by any node is sent to every client on every node with io.emit.
 */
export async function startRawCluster(redisUrl: string, nodes = 2): Promise<RawCluster> {
  const key = `okno_bench_raw_${randomBytes(6).toString('hex')}`;
  const closers: (() => Promise<unknown>)[] = [];
  const urls: string[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    for (let n = 0; n < nodes; n++) {
      const pub = createClient({ url: redisUrl });
      const sub = pub.duplicate();
      pub.on('error', () => undefined);
      sub.on('error', () => undefined);
      await Promise.all([pub.connect(), sub.connect()]);
      closers.push(() => Promise.allSettled([pub.close(), sub.close()]));
      const http = createServer();
      const io = new Server<RawClientToServer, RawServerToClient>(http, { serveClient: false });
      io.adapter(createAdapter(pub, sub, { key }));
      io.on('connection', (socket) => socket.on('relay', (round) => io.emit('relayed', round)));
      closers.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      urls.push(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    }
    return { urls, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** A websocket-only client of the raw cluster, resolved once connected. */
export function openRawClient(url: string): Promise<RawClient> {
  const socket: RawClient = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}
