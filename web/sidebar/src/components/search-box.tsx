import { useState } from 'preact/hooks';
import { ErrorState, Loading } from './states.tsx';

export type SearchState<T> = { state: 'idle' } | { state: 'loading'; q: string } | { state: 'done'; q: string; results: T[] } | { state: 'error'; q: string; error: unknown };

/**
 * A search whose answers arrive out of order: only the answer to the latest query is kept.
 * `find` turns a query into results (the knowledge search, or its products only).
 */
export function useSearch<T>(find: (q: string) => Promise<T[]>): { search: SearchState<T>; run: (q: string) => Promise<void> } {
  const [search, setSearch] = useState<SearchState<T>>({ state: 'idle' });
  const run = async (q: string): Promise<void> => {
    if (!q) return;
    setSearch({ state: 'loading', q });
    try {
      const results = await find(q);
      setSearch((s) => (s.state === 'loading' && s.q === q ? { state: 'done', q, results } : s));
    } catch (error) {
      setSearch((s) => (s.state === 'loading' && s.q === q ? { state: 'error', q, error } : s));
    }
  };
  return { search, run };
}

/** The search form with its loading and error lines; what to show for results is the caller's. */
export function SearchBox<T>({ search, run, placeholder, label }: { search: SearchState<T>; run: (q: string) => Promise<void>; placeholder: string; label: string }) {
  const [query, setQuery] = useState('');
  return (
    <>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run(query.trim());
        }}
      >
        <input
          type="search"
          value={query}
          placeholder={placeholder}
          aria-label={label}
          enterKeyHint="search"
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn-secondary" disabled={query.trim() === '' || search.state === 'loading'}>
          搜索
        </button>
      </form>
      {search.state === 'loading' && <Loading label="正在搜索…" />}
      {search.state === 'error' && <ErrorState error={search.error} onRetry={() => void run(search.q)} />}
    </>
  );
}
