// Every operator command in one registry: features register what they offer while mounted (the
// open report's actions, bulk actions on the selection, queues, saved views, app commands), and
// one key dispatcher, the command palette (Ctrl+K) and the shortcut sheet (?) read it. So a
// command has one label and one key everywhere, and nothing needs the mouse.
import { useEffect } from 'react';
import { create } from 'zustand';

// ---------------------------------------------------------------------------------------------
// Types

/** Where a command shows in the palette and the sheet; on a key clash the earlier group wins. */
export const commandGroups = ['bulk', 'report', 'selection', 'navigation', 'view', 'app'] as const;
export type CommandGroup = (typeof commandGroups)[number];

export interface Command {
  /** Stable id, e.g. `report.archive`, `bulk.dispose`, `queue.unverified`. */
  readonly id: string;
  readonly group: CommandGroup;
  /** Already translated (the registering component has `t`). */
  readonly label: string;
  /**
   * Key or key sequence, as shown and matched: `e`, `shift+e`, `ctrl+k`, `g u` (g, then u).
   * Omitted: palette only.
   */
  readonly keys?: string;
  /** Extra words the palette matches (e.g. Indonesian synonyms). */
  readonly keywords?: readonly string[];
  readonly run: () => void;
}

export interface CommandState {
  /** Registration order is kept: the palette lists groups in `commandGroups` order, then this. */
  commands: ReadonlyMap<string, Command>;
  register: (commands: readonly Command[]) => () => void;
}

// ---------------------------------------------------------------------------------------------
// Store

export function initialCommandState(): Pick<CommandState, 'commands'> {
  return { commands: new Map() };
}

export const useCommandStore = create<CommandState>()((set) => ({
  ...initialCommandState(),
  register: (added) => {
    set((state) => {
      const commands = new Map(state.commands);
      for (const command of added) commands.set(command.id, command);
      return { commands };
    });
    return () => {
      set((state) => {
        const commands = new Map(state.commands);
        // Only this registration's objects: a newer registration under the same id stays.
        for (const command of added) {
          if (commands.get(command.id) === command) commands.delete(command.id);
        }
        return { commands };
      });
    };
  },
}));

/**
 * Registers `commands` while the component is mounted. `signature` must change whenever a
 * command's label, keys or availability changes (the array itself is new every render).
 */
export function useCommands(commands: readonly Command[], signature: string): void {
  const register = useCommandStore((s) => s.register);
  useEffect(
    () => register(commands),
    // `signature` stands for `commands`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [register, signature],
  );
}

// ---------------------------------------------------------------------------------------------
// Selectors

/**
 * The commands in precedence order: by group (`commandGroups`), then by registration. The key
 * dispatcher takes the first match, so a bulk action on the selection wins over the open report's.
 */
export function commandsInOrder(commands: ReadonlyMap<string, Command>): Command[] {
  const rank = (c: Command) => commandGroups.indexOf(c.group);
  // Array.prototype.sort is stable: registration order stays within a group.
  return [...commands.values()].sort((a, b) => rank(a) - rank(b));
}
