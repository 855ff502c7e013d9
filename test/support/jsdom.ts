import { TextDecoder as NodeTextDecoder } from 'node:util';

// Fluent UI measures elements with ResizeObserver, which jsdom does not have.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// Reading a picked case file decodes its bytes as the browser does; jsdom leaves Node's decoder out.
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
