// A synthetic branching scenario for the Scenario Graph benchmark, importable:
// `synthScenario(nodes)` gives its YAML text. Its shape is a real case study's, scaled:
// the story moves through acts of a few points each, every point offers two or three
// choices into the next acts (some open only under a condition, most moving the 3Cs
// or the scenario's own variable), now and then a choice goes back to try again, and
// the last acts hold endings of each kind. Seeded, so every run draws the same story.

/** The YAML text of a scenario with `nodes` nodes. */
export function synthScenario(nodes, { id = 'synthetic', seed = 11 } = {}) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const width = Math.max(2, Math.round(Math.sqrt(nodes) * 1.1));
  const acts = [];
  for (let n = 0; n < nodes; ) {
    const size = Math.min(nodes - n, acts.length === 0 ? 1 : 1 + Math.floor(random() * width));
    acts.push(Array.from({ length: size }, (_, i) => n + i));
    n += size;
  }
  const endingsFrom = Math.max(1, acts.length - 2);
  const kinds = ['positive', 'mixed', 'negative'];
  const lines = [
    `id: ${id}`,
    `title: A synthetic story of ${nodes} points`,
    'summary: A long branching story for timing the Scenario Graph.',
    'focus: Sam, who cares for her father',
    'variables:',
    '  trust: { label: Trust, initial: 0, min: 0, max: 10 }',
    'start: n0',
    'nodes:',
  ];
  acts.forEach((act, a) => {
    const next = acts[a + 1] ?? [];
    act.forEach((n, i) => {
      lines.push(`  n${n}:`);
      if (a >= endingsFrom && (a === acts.length - 1 || random() < 0.5)) {
        lines.push('    ending:', `      title: Ending ${n}`, `      kind: ${kinds[n % 3]}`, '      features: [listening-and-responding]', '      debrief: What happened to the 3Cs on the way here.');
        return;
      }
      lines.push(`    text: Point ${n} of the story. Sam says what matters to her this week.`, '    choices:');
      const count = 2 + (random() < 0.4 ? 1 : 0);
      for (let c = 0; c < count; c++) {
        // The first choices share out the next act among the points of this one, so every point is reached.
        const share = next.filter((_, j) => j % act.length === i);
        const back = a > 1 && c === count - 1 && random() < 0.08;
        const later = acts[Math.min(acts.length - 1, a + 1 + (random() < 0.25 ? 1 : 0))];
        const target = back ? pick(acts[a - 1]) : c < share.length ? share[c] : pick(later);
        lines.push(`      - id: c${c}`, `        text: ${pick(['Ask what matters to her', 'Offer a leaflet', 'Listen and wait', 'Suggest the community group', 'Check back next week'])}.`, `        to: n${target}`);
        if (c > 0 && random() < 0.3) lines.push(`        when: "${pick(['trust >= 2', 'control > 4 and contact >= 3', 'confidence < 6 or trust > 3'])}"`);
        if (random() < 0.8) lines.push(`        effects: { ${pick(['control', 'contact', 'confidence', 'trust'])}: ${pick([1, 1, 2, -1])} }`);
      }
    });
  });
  return `${lines.join('\n')}\n`;
}
