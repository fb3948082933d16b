import { DirectoryChanged, resolveRoute, type DirectoryDto, type RouteSuggestion, type RoutableItem, type Sector } from '@okno/shared';
import { createContext, createMemo, createResource, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { itemsApi } from '../../api/items.api';
import { useConnection } from '../realtime/connection';

type Category = DirectoryDto['categories'][number];
type Territory = DirectoryDto['territories'][number];
export type Department = DirectoryDto['departments'][number];

export interface Directory {
  ready: Accessor<boolean>;
  categories: Accessor<readonly Category[]>;
  territories: Accessor<readonly Territory[]>;
  users: Accessor<DirectoryDto['users']>;
  departments: Accessor<DirectoryDto['departments']>;
  routingRules: Accessor<DirectoryDto['routingRules']>;
  categoriesOf: (sector: Sector | null) => readonly Category[];
  categoryName: (id: number | null) => string | null;
  territoryName: (id: number | null) => string | null;
  department: (id: number | null) => Department | undefined;
  departmentName: (id: number | null) => string | null;
  /** The body the routing rules suggest for an item (the server uses the same resolver). */
  suggestRoute: (item: RoutableItem) => RouteSuggestion | null;
  /** The last change an administrator made while this page was open (the copy is refetched already). */
  lastChange: Accessor<DirectoryChanged | null>;
}

const DirectoryContext = createContext<Directory>();

const EMPTY: DirectoryDto = { categories: [], territories: [], departments: [], users: [], routingRules: [] };

export function DirectoryProvider(props: ParentProps) {
  const connection = useConnection();
  const [data, { refetch }] = createResource(() => itemsApi.directory());
  // `latest` keeps the previous copy on screen while a refetch is under way.
  const dir = createMemo(() => data.latest ?? EMPTY);
  const [lastChange, setLastChange] = createSignal<DirectoryChanged | null>(null);

  // An administrator's change reaches every open page; a reconnect may have missed one.
  const onChanged = (raw: unknown) => {
    const parsed = DirectoryChanged.safeParse(raw);
    if (!parsed.success) return console.warn('malformed directory:changed', parsed.error);
    setLastChange(parsed.data);
    void refetch();
  };
  connection.socket.on('directory:changed', onChanged);
  let connectedOnce = false;
  const stopConnected = connection.onConnected(() => {
    if (connectedOnce) void refetch();
    connectedOnce = true;
  });
  onCleanup(() => {
    connection.socket.off('directory:changed', onChanged);
    stopConnected();
  });
  const categoryById = createMemo(() => new Map(dir().categories.map((c) => [c.id, c])));
  const territoryById = createMemo(() => new Map(dir().territories.map((t) => [t.id, t])));
  const departmentById = createMemo(() => new Map(dir().departments.map((d) => [d.id, d])));

  const directory: Directory = {
    ready: () => data.latest !== undefined,
    categories: () => dir().categories,
    territories: () => dir().territories,
    users: () => dir().users,
    departments: () => dir().departments,
    routingRules: () => dir().routingRules,
    categoriesOf: (sector) => (sector ? dir().categories.filter((c) => c.sector === sector) : []),
    categoryName: (id) => (id === null ? null : (categoryById().get(id)?.name ?? `#${id}`)),
    territoryName: (id) => {
      if (id === null) return null;
      const t = territoryById().get(id);
      if (!t) return `#${id}`;
      return t.district ? `${t.municipality}, ${t.district}` : t.municipality;
    },
    department: (id) => (id === null ? undefined : departmentById().get(id)),
    departmentName: (id) => (id === null ? null : (departmentById().get(id)?.name ?? `#${id}`)),
    suggestRoute: (item) => resolveRoute(dir().routingRules, dir().departments, item),
    lastChange,
  };
  return <DirectoryContext.Provider value={directory}>{props.children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const ctx = useContext(DirectoryContext);
  if (!ctx) throw new Error('useDirectory outside DirectoryProvider');
  return ctx;
}
