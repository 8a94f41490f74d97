import { serveDerivations } from './derivation-protocol';

// The worker's global scope is its endpoint (typed with the page's DOM lib, which has the same two methods).
serveDerivations(self);
