import type { Plugin } from 'vite';

/**
 * `npm run web` only: the dev server serves scripts from its own origin and talks to the page
 * over a websocket (hot reload), both of which the built page's policy forbids. The built
 * dist/index.html keeps the strict policy (no 'self', connect-src 'none'); this loosens it for
 * the dev server's own origin alone.
 */
export function devContentSecurityPolicy(): Plugin {
  return {
    name: 'jianshen:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
        (_, start, policy: string) => {
          const loosened = policy
            .replace("script-src 'unsafe-inline' blob:", "script-src 'self' 'unsafe-inline' blob:")
            .replace('worker-src blob:', "worker-src 'self' blob:")
            .replace("connect-src 'none'", "connect-src 'self' ws: wss:");
          return `${start}${loosened}"`;
        },
      );
    },
  };
}
