/** A 1-based page number from a search param; anything else is page 1. */
export function pageParam(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 1;
}

/** Links for an offset-paged list; `base` may carry a query of its own. */
export function pageLinks(base: string, page: number, pages: number) {
  const at = (p: number) => (p === 1 ? base : `${base}${base.includes("?") ? "&" : "?"}page=${p}`);
  return {
    first: page > 1 ? at(1) : null,
    prev: page > 1 ? at(page - 1) : null,
    next: page < pages ? at(page + 1) : null,
    last: page < pages ? at(pages) : null,
  };
}
