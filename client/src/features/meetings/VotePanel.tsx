import { type AgendaItemDto, type VoteChoice, type VoteDto } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { useMeetingsText } from './meetings.i18n';

export function OpenVoteForm(props: { item: AgendaItemDto; open: (question: string) => Promise<boolean> }) {
  const m = useMeetingsText();
  const [question, setQuestion] = createSignal<string | null>(null);
  const value = () => question() ?? props.item.title;
  return (
    <div class="mt-form">
      <label>
        {m().question}
        <input data-testid="vote-question" value={value()} onInput={(e) => setQuestion(e.currentTarget.value)} />
      </label>
      <button type="button" class="primary" data-testid="vote-open" onClick={() => void props.open(value().trim()).then((ok) => ok && setQuestion(null))}>
        {m().openVote}
      </button>
    </div>
  );
}

export function VotePanel(props: {
  vote: VoteDto;
  meId: number;
  canVote: boolean;
  isChair: boolean;
  cast: (choice: VoteChoice) => Promise<boolean>;
  close: () => Promise<boolean>;
}) {
  const m = useMeetingsText();
  const [sending, setSending] = createSignal(false);
  const cast = (choice: VoteChoice) => {
    setSending(true);
    void props.cast(choice).finally(() => setSending(false));
  };
  const open = () => props.vote.status === 'open';
  return (
    <div class="mt-vote" data-testid="vote" data-vote-id={props.vote.id} data-status={props.vote.status}>
      <h3>{props.vote.question}</h3>
      <p>
        {m().votesCast}:{' '}
        <strong data-testid="vote-count" data-count={props.vote.castCount}>
          {props.vote.castCount}
        </strong>
      </p>
      <Show when={open() && props.canVote}>
        <div class="mt-vote-buttons">
          <button type="button" class="mt-for" data-testid="vote-for" disabled={sending()} onClick={() => cast('for')}>
            {m().voteFor}
          </button>
          <button type="button" class="mt-against" data-testid="vote-against" disabled={sending()} onClick={() => cast('against')}>
            {m().voteAgainst}
          </button>
          <button type="button" class="mt-abstain" data-testid="vote-abstain" disabled={sending()} onClick={() => cast('abstain')}>
            {m().voteAbstain}
          </button>
        </div>
      </Show>
      <Show when={open() && props.vote.voters.some((p) => p.id === props.meId)}>
        <p class="mt-voted" data-testid="voted">
          {m().voted}
        </p>
      </Show>
      <Show when={open() && props.isChair}>
        <button type="button" data-testid="vote-close" onClick={() => void props.close()}>
          {m().closeVote}
        </button>
      </Show>
      <Show when={props.vote.result}>
        {(r) => (
          <div class="mt-result" data-testid="vote-result" data-outcome={r().tally.outcome}>
            <strong classList={{ adopted: r().tally.outcome === 'adopted' }}>{m().outcome[r().tally.outcome]}</strong>
            <p>
              {m().voteFor}: {r().tally.for} · {m().voteAgainst}: {r().tally.against} · {m().voteAbstain}: {r().tally.abstain} · {m().notVoted}:{' '}
              {r().tally.notVoted}
            </p>
            <Show when={r().ballots}>
              {(ballots) => (
                <ul data-testid="vote-ballots">
                  <For each={ballots()}>
                    {(b) => (
                      <li>
                        {b.voter.name} — {m().choice[b.choice]}
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
