import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, SECURITY_HEADERS } from './scripts/csp';
import { loadPartnerProfile } from './scripts/partner';
import { endpointOrigin } from './src/core/sync/partner-config';

// The partner organisation's profile is baked in at build time: NIGHTJAR_PARTNER names a
// JSON file {name, endpoint, boxPublicKey, signPublicKey}, else partner.json at the repo
// root is used if present. A profile that does not validate stops the build. With none,
// the app builds and works, sends nothing, and may talk to its own origin only.
const partner = loadPartnerProfile();
const partnerOrigin = partner ? endpointOrigin(partner) : undefined;

export default defineConfig({
  plugins: [
    preact(),
    {
      name: 'nightjar-csp',
      transformIndexHtml(html) {
        return html.replace('%CSP%', contentSecurityPolicy(partnerOrigin));
      },
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        // Everything the app needs offline: HTML, JS/CSS chunks (locales are JSON imported
        // as chunks), the wasm Argon2id lives inside its JS chunk, icons.
        globPatterns: ['**/*.{html,js,css,svg,png,ico,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest: {
        // The installed identity is the disguise, never Nightjar.
        id: '/',
        name: 'Calculator',
        short_name: 'Calculator',
        description: 'Calculator',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#202124',
        theme_color: '#202124',
        icons: [
          { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'maskable-icon-512x512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
  define: {
    // Read by src/core/sync/partner-config.ts in the page and the service worker.
    __NIGHTJAR_PARTNER__: JSON.stringify(partner),
  },
  build: {
    target: 'es2022',
    // The polyfill would be an inline script; our CSP has none.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  preview: {
    host: '127.0.0.1',
    headers: SECURITY_HEADERS(partnerOrigin),
  },
  server: {
    host: '127.0.0.1',
    headers: SECURITY_HEADERS(partnerOrigin),
  },
});
