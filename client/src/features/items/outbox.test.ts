import type { Ack, ErrorBody, MutationResult } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import type { MutationCall } from '../../api/socket';
import { Outbox, type OutboxEntry } from './outbox';
import { makeItem } from './testing';

function entry(mutationId: string, call?: MutationCall, baseVersion = 1): OutboxEntry {
  return {
    mutationId,
    itemId: 1,
    call: call ?? { event: 'item:claim', input: { mutationId, itemId: 1 } },
    baseVersion,
    queuedAt: 0,
  };
}

const accepted = (version = 2): Ack<MutationResult> => ({ ok: true, data: { item: makeItem({ version }), seq: 1 } });
const refused = (code: ErrorBody['code'], message = ''): Ack<MutationResult> => ({ ok: false, error: { code, message } });

/** An outbox whose server answers from a script, one answer per send (an Error = no answer). */
function harness(answers: (Ack<MutationResult> | Error)[], online = { value: true }) {
  const sent: MutationCall[] = [];
  const accepts: string[] = [];
  const refusals: { id: string; error: ErrorBody }[] = [];
  let unauthenticated = 0;
  const outbox = new Outbox({
    send: async (call) => {
      sent.push(structuredClone(call));
      const answer = answers.shift() ?? accepted();
      if (answer instanceof Error) throw answer;
      return answer;
    },
    isOnline: () => online.value,
    onAccepted: (e) => accepts.push(e.mutationId),
    onRefused: (e, error) => refusals.push({ id: e.mutationId, error }),
    onUnauthenticated: () => (unauthenticated += 1),
    onChange: () => undefined,
    sleep: async () => undefined,
  });
  return { outbox, sent, accepts, refusals, online, unauth: () => unauthenticated };
}

describe('Outbox', () => {
  it('keeps mutations made offline and sends each once, in order, when back online', async () => {
    const h = harness([], { value: false });
    h.outbox.enqueue(entry('aaaaaaaa1'));
    h.outbox.enqueue(entry('aaaaaaaa2'));
    await h.outbox.flush();
    expect(h.sent).toHaveLength(0);
    expect(h.outbox.pending).toHaveLength(2);

    h.online.value = true;
    await h.outbox.flush();
    expect(h.sent.map((c) => c.input.mutationId)).toEqual(['aaaaaaaa1', 'aaaaaaaa2']);
    expect(h.accepts).toEqual(['aaaaaaaa1', 'aaaaaaaa2']);
    expect(h.outbox.pending).toHaveLength(0);
  });

  it('retries a timed-out mutation with the same mutationId', async () => {
    const h = harness([new Error('timeout'), new Error('timeout'), accepted()]);
    h.outbox.enqueue(entry('bbbbbbbb1'));
    await h.outbox.flush();
    expect(h.sent.map((c) => c.input.mutationId)).toEqual(['bbbbbbbb1', 'bbbbbbbb1', 'bbbbbbbb1']);
    expect(h.accepts).toEqual(['bbbbbbbb1']);
  });

  it('reports a refusal with the server message and carries on with the next mutation', async () => {
    const h = harness([refused('already_claimed', 'Уже взято в работу: Иванова А.'), accepted()]);
    h.outbox.enqueue(entry('cccccccc1'));
    h.outbox.enqueue(entry('cccccccc2'));
    await h.outbox.flush();
    expect(h.refusals).toEqual([
      { id: 'cccccccc1', error: { code: 'already_claimed', message: 'Уже взято в работу: Иванова А.' } },
    ]);
    expect(h.accepts).toEqual(['cccccccc2']);
  });

  it('sends a rate-limited mutation again instead of dropping it', async () => {
    const h = harness([refused('rate_limited'), accepted()]);
    h.outbox.enqueue(entry('dddddddd1'));
    await h.outbox.flush();
    expect(h.sent).toHaveLength(2);
    expect(h.refusals).toEqual([]);
    expect(h.accepts).toEqual(['dddddddd1']);
  });

  it('stops at the first timeout after the connection dropped and keeps the entry', async () => {
    const online = { value: true };
    const h = harness([], online);
    const outbox = new Outbox({
      send: async () => {
        online.value = false;
        throw new Error('timeout');
      },
      isOnline: () => online.value,
      onAccepted: () => undefined,
      onRefused: () => undefined,
      onUnauthenticated: () => undefined,
      onChange: () => undefined,
      sleep: async () => undefined,
    });
    outbox.enqueue(entry('eeeeeeee1'));
    await outbox.flush();
    expect(outbox.pending.map((e) => e.mutationId)).toEqual(['eeeeeeee1']);
    expect(h.sent).toHaveLength(0);
  });

  it('keeps the entry and signals when the session is gone', async () => {
    const h = harness([refused('unauthenticated')]);
    h.outbox.enqueue(entry('ffffffff1'));
    await h.outbox.flush();
    expect(h.unauth()).toBe(1);
    expect(h.outbox.pending).toHaveLength(1);
    expect(h.refusals).toEqual([]);
  });

  it('rebases a queued mutation over the user’s own accepted change to the same item', async () => {
    const h = harness([accepted(2), accepted(3)], { value: false });
    h.outbox.enqueue(entry('gggggggg1'));
    h.outbox.enqueue(
      entry('gggggggg2', { event: 'item:status', input: { mutationId: 'gggggggg2', itemId: 1, version: 1, status: 'routed' } }),
    );
    h.online.value = true;
    await h.outbox.flush();
    expect(h.sent.map((c) => c.event)).toEqual(['item:claim', 'item:status']);
    expect(h.sent[1]?.input).toMatchObject({ version: 2 });
  });

  it('does not rebase over someone else’s change in between (the conflict stays honest)', async () => {
    const h = harness([accepted(5)], { value: false });
    h.outbox.enqueue(entry('hhhhhhhh1'));
    h.outbox.enqueue(
      entry('hhhhhhhh2', { event: 'item:status', input: { mutationId: 'hhhhhhhh2', itemId: 1, version: 1, status: 'routed' } }),
    );
    h.online.value = true;
    await h.outbox.flush();
    expect(h.sent[1]?.input).toMatchObject({ version: 1 });
  });

  it('sends an entry added while a flush is finishing (no entry waits for the next reconnect)', async () => {
    const h = harness([], { value: false });
    h.outbox.enqueue(entry('iiiiiiii1')); // starts a run that finds the socket offline
    h.online.value = true;
    h.outbox.enqueue(entry('iiiiiiii2')); // lands while that run is still winding down
    await h.outbox.flush();
    expect(h.accepts).toEqual(['iiiiiiii1', 'iiiiiiii2']);
  });
});
