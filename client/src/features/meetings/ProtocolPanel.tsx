import type { ProtocolDto } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { meetingsApi, type MeetingRestPath } from '../../api/meetings.api';
import { useMe } from '../auth/auth.store';
import { useMeetingsText } from './meetings.i18n';
import { isHeadOrDeputy, isSecretary } from './meetings.roles';

/** The protocol: the secretary edits the draft, the head approves, the secretary signs. */
export function ProtocolPanel(props: {
  meetingId: number;
  protocol: ProtocolDto;
  rest: (path: MeetingRestPath, body?: Record<string, unknown>) => Promise<boolean>;
}) {
  const m = useMeetingsText();
  const me = useMe();
  const [remarks, setRemarks] = createSignal<string | null>(null);
  const [decisions, setDecisions] = createSignal<Record<number, string>>({});
  const p = () => props.protocol;
  const editable = () => p().status === 'draft' && isSecretary(me.roles);
  const save = () =>
    void props
      .rest('protocol/edit', {
        version: p().version,
        ...(remarks() !== null ? { remarks: remarks() } : {}),
        items: Object.entries(decisions()).map(([id, decision]) => ({ agendaItemId: Number(id), decision })),
      })
      .then((ok) => {
        if (ok) {
          setRemarks(null);
          setDecisions({});
        }
      });
  return (
    <section class="mt-box mt-protocol" data-testid="protocol" data-status={p().status}>
      <h2>
        {m().protocol}: <span data-testid="protocol-status">{m().protocolStatus[p().status]}</span>
      </h2>
      <ol>
        <For each={p().content.agenda}>
          {(item) => (
            <li>
              <strong>{item.title}</strong>
              <For each={item.votes}>
                {(v) => (
                  <p>
                    {v.question}: {m().outcome[v.result.tally.outcome]} ({m().voteFor} {v.result.tally.for}, {m().voteAgainst} {v.result.tally.against},{' '}
                    {m().voteAbstain} {v.result.tally.abstain})
                  </p>
                )}
              </For>
              <Show when={editable()} fallback={<Show when={item.decision}>{(d) => <p>{m().decision}: {d()}</p>}</Show>}>
                <label>
                  {m().decision}
                  <textarea
                    data-testid="protocol-decision"
                    rows={2}
                    value={decisions()[item.agendaItemId] ?? item.decision}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setDecisions((d) => ({ ...d, [item.agendaItemId]: v }));
                    }}
                  />
                </label>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={editable()} fallback={<Show when={p().content.remarks}>{(r) => <p>{m().remarks}: {r()}</p>}</Show>}>
        <label>
          {m().remarks}
          <textarea data-testid="protocol-remarks" rows={2} value={remarks() ?? p().content.remarks} onInput={(e) => setRemarks(e.currentTarget.value)} />
        </label>
        <button type="button" data-testid="protocol-save" onClick={save}>
          {m().saveProtocol}
        </button>
      </Show>
      <div class="mt-controls">
        <Show when={p().status === 'draft' && isHeadOrDeputy(me.roles)}>
          <button type="button" data-testid="protocol-approve" onClick={() => void props.rest('protocol/approve', { version: p().version })}>
            {m().approveProtocol}
          </button>
        </Show>
        <Show when={p().status === 'approved' && isSecretary(me.roles)}>
          <button type="button" data-testid="protocol-sign" onClick={() => void props.rest('protocol/sign', { version: p().version })}>
            {m().signProtocol}
          </button>
        </Show>
      </div>
      <Show when={p().hash}>
        {(h) => (
          <p class="mt-hash">
            {m().hash}: <code data-testid="protocol-hash">{h()}</code>{' '}
            <span class="mt-badge" classList={{ ok: p().intact === true, bad: p().intact === false }} data-testid="protocol-intact" data-intact={String(p().intact)}>
              {p().intact ? m().intact : m().broken}
            </span>
          </p>
        )}
      </Show>
      <p class="mt-row">
        <a href={meetingsApi.pdfUrl(props.meetingId)} data-testid="protocol-pdf" download="">
          {m().pdf}
        </a>
        <a href={meetingsApi.docxUrl(props.meetingId)} data-testid="protocol-docx" download="">
          {m().docx}
        </a>
      </p>
    </section>
  );
}
