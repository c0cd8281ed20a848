// Build-time constants injected by electron.vite.config.ts.
declare const __POSKO_VERSION__: string;
