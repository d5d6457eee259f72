import { defineConfig } from 'vite';

/** Storybook's Vite config: nothing beyond what Storybook sets itself (see main.ts). */
export default defineConfig({});
