// jsdom has no fetch Request, which react-router's data router builds for each navigation (its
// loaders read url, method and signal; these pages have none). Enough of one for that. Import first.
class NavigationRequest {
  readonly url: string;
  readonly method: string;
  readonly signal: AbortSignal;
  readonly headers = new Map<string, string>();
  constructor(url: string | URL, init: { method?: string; signal?: AbortSignal } = {}) {
    this.url = String(url);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.signal = init.signal ?? new AbortController().signal;
  }
}

if (typeof globalThis.Request === 'undefined') Object.assign(globalThis, { Request: NavigationRequest });
