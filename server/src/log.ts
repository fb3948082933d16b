import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; citizens' texts and names are never logged at info level. */
export function createLogger(level: string, nodeId: string): Logger {
  return pino({ level, base: { node: nodeId }, timestamp: pino.stdTimeFunctions.isoTime });
}
