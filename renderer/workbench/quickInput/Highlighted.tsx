// A label with the characters a fuzzy match found shown in bold.

/** Renders text with the given positions emphasised. */
export function Highlighted({ text, positions }: { text: string; positions: readonly number[] }) {
  if (positions.length === 0) return <>{text}</>;
  const marked = new Set(positions);
  const parts: { text: string; mark: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = marked.has(i);
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text[i];
    else parts.push({ text: text[i]!, mark });
  }
  return <>{parts.map((p, i) => (p.mark ? <b key={i}>{p.text}</b> : <span key={i}>{p.text}</span>))}</>;
}
