// jsdom has no TextEncoder, which react-router uses; Node's is the same API. Import this first.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
