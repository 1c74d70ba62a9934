/**
 * j / k (and the arrow keys) move the selection in a list, Enter opens it:
 * the keyboard-first way supervisors work through a queue.
 */
import { useCallback, useState, type KeyboardEvent } from 'react';

export function useListKeys(count: number, open: (index: number) => void) {
  const [selected, setSelected] = useState(0);
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || count === 0) return;
      if (e.key === 'j' || e.key === 'ArrowDown') setSelected((s) => clamp(s + 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setSelected((s) => clamp(s - 1));
      else if (e.key === 'Enter') open(clamp(selected));
      else return;
      e.preventDefault();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [count, open, selected],
  );
  return { selected: clamp(selected), setSelected, onKeyDown };
}
