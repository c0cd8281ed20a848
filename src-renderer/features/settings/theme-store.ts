// The colour theme: light, dark or the system's choice, remembered on this device.
import { create } from 'zustand';
import { localStorageOrNull } from '../../platform/local-storage';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'posko.theme';

function readStoredTheme(): ThemeChoice {
  const stored = localStorageOrNull()?.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The theme actually shown for a choice, given whether the system prefers dark. */
export function effectiveTheme(choice: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

export function applyTheme(choice: ThemeChoice): void {
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset['theme'] = effectiveTheme(choice, prefersDark);
}

interface ThemeState {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

export const initialThemeState = (): Pick<ThemeState, 'theme'> => ({ theme: readStoredTheme() });

export const useThemeStore = create<ThemeState>()((set) => ({
  ...initialThemeState(),
  setTheme(theme) {
    localStorageOrNull()?.setItem(STORAGE_KEY, theme);
    applyTheme(theme);
    set({ theme });
  },
}));
