// A compact list to pick from with the keyboard (one tab stop, ↑/↓, Home/End, Enter) or a click:
// the editor's variable and snippet pickers. Clicking does not take focus from the body, so the
// cursor position there is what the pick is inserted at.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface PickerItem {
  readonly id: string;
  readonly label: ReactNode;
  readonly detail?: ReactNode;
  readonly badge?: ReactNode;
}

export function PickerList({
  label,
  items,
  onPick,
  testId,
}: {
  label: string;
  items: readonly PickerItem[];
  onPick: (id: string) => void;
  testId?: string;
}) {
  const baseId = useId();
  const [active, setActive] = useState(0);
  const index = Math.min(active, Math.max(items.length - 1, 0));
  const optionId = (i: number) => `${baseId}-${String(i)}`;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter':
      case ' ': {
        const item = items[index];
        if (item === undefined) return;
        event.preventDefault();
        onPick(item.id);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    setActive(Math.max(next, 0));
    document.getElementById(optionId(Math.max(next, 0)))?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <ul
      className="picker"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={items.length > 0 ? optionId(index) : undefined}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {items.map((item, i) => (
        <li
          key={item.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === index}
          className="picker__option"
          data-pick={item.id}
          onMouseDown={(event) => {
            // Keep the focus (and the cursor) in the body.
            event.preventDefault();
          }}
          onClick={() => {
            setActive(i);
            onPick(item.id);
          }}
        >
          <span className="picker__label">{item.label}</span>
          {item.badge}
          {item.detail !== undefined && <span className="picker__detail">{item.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
