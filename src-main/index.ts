// The Electron main process: single instance, app:// protocol, session and window hardening, the
// bridge's handlers and the update service. Policy lives in the modules it wires together.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { registerAppProtocol, registerAppScheme } from './app-protocol';
import { CONFIG_FILE_NAME, configuredServerOrigins, loadConfig } from './config';
import { appHandlers } from './ipc/app';
import { createBridgeEventSender } from './ipc/events';
import { filesHandlers, type FilesDeps } from './ipc/files';
import { letterHandlers } from './ipc/letter';
import { notifyHandlers } from './ipc/notify';
import { registerIpc, type BridgeHandlers } from './ipc/registry';
import { SECRETS_DIR_NAME, secretsHandlers } from './ipc/secrets';
import { createUpdateService, updatesHandlers } from './ipc/updates';
import { createLogger } from './log';
import { applySessionSecurity, applyWindowSecurity, buildContentSecurityPolicy } from './security';
import { createMainWindow } from './window';

const APP_USER_MODEL_ID = 'id.posko.desktop';

const log = createLogger();
let mainWindow: BrowserWindow | null = null;

function showMainWindow(preloadPath: string): void {
  if (mainWindow !== null && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({ preloadPath, log });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function onReady(): Promise<void> {
  const userData = app.getPath('userData');
  const config = await loadConfig({
    filePath: path.join(userData, CONFIG_FILE_NAME),
    env: process.env,
    readFile,
    log,
  });
  const contentSecurityPolicy = buildContentSecurityPolicy(configuredServerOrigins(config));

  registerAppProtocol(protocol, {
    rootDir: path.join(import.meta.dirname, '../renderer'),
    contentSecurityPolicy: () => contentSecurityPolicy,
    log,
  });
  applySessionSecurity(session.defaultSession, { log });

  const sendEvent = createBridgeEventSender({
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    log,
  });
  const updates = createUpdateService({
    updateUrl: config.updateUrl,
    isPackaged: app.isPackaged,
    loadUpdater: () => autoUpdater,
    publish: (status) => {
      sendEvent('updates:status', status);
    },
    log,
  });

  // files:save and letter:savePdf ask and write the same way.
  const saving: FilesDeps = {
    showSaveDialog: (ctx, options) => {
      const parent = BrowserWindow.fromWebContents(ctx.sender);
      return parent === null
        ? dialog.showSaveDialog(options)
        : dialog.showSaveDialog(parent, options);
    },
    writeFile: (filePath, data) => writeFile(filePath, data),
    defaultDirectory: () => app.getPath('downloads'),
    joinPath: (directory, name) => path.join(directory, name),
    log,
  };
  const handlers: BridgeHandlers = {
    ...appHandlers({
      version: app.getVersion(),
      platform: process.platform,
      defaultServerUrl: config.serverUrl,
      canUpdate: () => updates.canUpdate,
    }),
    ...secretsHandlers({
      dir: path.join(userData, SECRETS_DIR_NAME),
      safeStorage,
      platform: process.platform,
      log,
    }),
    ...updatesHandlers(updates),
    ...filesHandlers(saving),
    ...letterHandlers(saving),
    ...notifyHandlers({
      isSupported: () => Notification.isSupported(),
      show: ({ title, body }) => {
        new Notification({ title, body }).show();
      },
    }),
  };
  // Handlers before the window: the page must never find a channel missing.
  registerIpc(ipcMain, handlers, log);
  updates.start();

  const preloadPath = path.join(import.meta.dirname, '../preload/index.js');
  showMainWindow(preloadPath);
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow(preloadPath);
  });
}

function main(): void {
  // Both must happen before 'ready'.
  registerAppScheme(protocol);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every WebContents, not just the main window's, gets the navigation and window.open guards.
  app.on('web-contents-created', (_event, contents) => {
    applyWindowSecurity(contents, { openExternal: (url) => shell.openExternal(url), log });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('Posko could not start', { error });
      app.exit(1);
    });
}

main();
