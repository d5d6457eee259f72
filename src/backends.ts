/** The backend layer alone, without any element: `passkey-elements/backends`. */
export * from './backends/index.js';
