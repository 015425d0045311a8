import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { lessonsPlugin } from './src/lessons/vite-plugin.ts';

// base './' so the built site works from any sub-path of any static host (hash routes).
export default defineConfig({
  base: './',
  plugins: [svelte(), lessonsPlugin()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
