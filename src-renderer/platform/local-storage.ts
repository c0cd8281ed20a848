// The page's local storage where there is one (not in unit tests running under Node).
export function localStorageOrNull(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}
