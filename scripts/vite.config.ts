// The command-line scripts need no SvelteKit plugin: plain TypeScript through Vite.
import { defineConfig } from 'vite';
export default defineConfig({});
