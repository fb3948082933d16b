import { resolveRoute, type DirectoryDto, type RouteSuggestion, type RoutableItem, type Sector } from '@okno/shared';
import { createContext, createMemo, createResource, useContext, type Accessor, type ParentProps } from 'solid-js';
import { itemsApi } from '../../api/items.api';

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
}

const DirectoryContext = createContext<Directory>();

const EMPTY: DirectoryDto = { categories: [], territories: [], departments: [], users: [], routingRules: [] };

export function DirectoryProvider(props: ParentProps) {
  const [data] = createResource(() => itemsApi.directory());
  const dir = createMemo(() => (data.state === 'ready' ? data() : EMPTY));
  const categoryById = createMemo(() => new Map(dir().categories.map((c) => [c.id, c])));
  const territoryById = createMemo(() => new Map(dir().territories.map((t) => [t.id, t])));
  const departmentById = createMemo(() => new Map(dir().departments.map((d) => [d.id, d])));

  const directory: Directory = {
    ready: () => data.state === 'ready',
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
  };
  return <DirectoryContext.Provider value={directory}>{props.children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const ctx = useContext(DirectoryContext);
  if (!ctx) throw new Error('useDirectory outside DirectoryProvider');
  return ctx;
}
