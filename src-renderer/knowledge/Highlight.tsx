/** Text with its matched runs in <mark>, from the server's segments (no HTML is ever built from strings). */
import type { Segment } from '../../src-main/core/knowledge/search';

export function Highlight({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
