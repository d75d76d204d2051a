// A learner working through a SCO in real Chromium, quickly: the plan is worked out in
// Node from the course (which option is right, which choice leads nearest an ending),
// then one script in the SCO's frame clicks, ticks, types and waits for the player's
// own DOM to answer, the way a learner's clicks would, without a round trip to the
// test per click. Only the player's public markup is used (data-view, data-question-id,
// data-option-id, data-reflection-id, data-node-id, data-choice-id, the Next button).

import type { Frame } from 'playwright-core';
import type { Course } from '../../../engine/course/model';
import { isGraded, triesAllowed } from '../../../engine/progress/attempts';
import { scopeModules, type ScoScope } from '../../../engine/scorm/scope';
import { distances, rightAnswer, wrongAnswer } from '../../lms/playThrough';

/** One place to visit and what to do there. */
export interface PlanStep {
  view: string;
  lesson?: { id: string; questions: { id: string; tries: string[][] }[]; reflections: { id: string; text: string }[] };
  /** Choices best first at each node (nearest an ending). */
  scenario?: { id: string; rank: Record<string, string[]> };
}

/** The steps through a scope's lessons and scenarios; `wrong` questions are answered wrongly on every try. */
export function planFor(course: Course, scope: ScoScope, wrong: (questionId: string) => boolean): PlanStep[] {
  return scopeModules(course, scope).flatMap((m) => [
    ...m.lessons.map(
      (l): PlanStep => ({
        view: `lesson:${l.id}`,
        lesson: {
          id: l.id,
          questions: l.blocks.flatMap((b) =>
            b.kind !== 'quiz'
              ? []
              : b.quiz.questions.map((q) => {
                  const bad = wrong(q.id);
                  const tries = isGraded(b.quiz) ? triesAllowed(b.quiz) : 1;
                  return { id: q.id, tries: bad ? Array.from({ length: tries }, () => wrongAnswer(q)) : [rightAnswer(q)] };
                }),
          ),
          reflections: l.blocks.flatMap((b) => (b.kind === 'reflection' ? [{ id: b.reflection.id, text: `What I will do differently after ${l.title}: ask what matters first.` }] : [])),
        },
      }),
    ),
    ...m.scenarios.map((s): PlanStep => {
      const dist = distances(s);
      const rank = Object.fromEntries(Object.values(s.nodes).map((n) => [n.id, [...n.choices].sort((a, b) => (dist.get(a.to) ?? 99) - (dist.get(b.to) ?? 99)).map((c) => c.id)]));
      return { view: `scenario:${s.id}`, scenario: { id: s.id, rank } };
    }),
  ]);
}

/** Works through `steps` in the SCO's frame. */
export async function drive(frame: Frame, steps: PlanStep[]): Promise<void> {
  await frame.evaluate(async (plan: PlanStep[]) => {
    const until = async <T>(find: () => T | null | undefined | false, what: string): Promise<T> => {
      const end = Date.now() + 8000;
      for (;;) {
        const found = find();
        if (found) return found;
        if (Date.now() > end) throw new Error(`the player never showed ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const $ = <E extends Element>(selector: string, root: ParentNode = document) => root.querySelector<E>(selector);
    const setText = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    for (const step of plan) {
      (await until(() => $<HTMLButtonElement>(`[data-view="${step.view}"]`), step.view)).click();
      if (step.lesson) {
        await until(() => $(`[data-lesson-id="${step.lesson!.id}"]`), `lesson ${step.lesson.id}`);
        for (const q of step.lesson.questions) {
          const form = () => $<HTMLFormElement>(`form[data-question-id="${q.id}"]`)!;
          for (let t = 0; t < q.tries.length; t++) {
            if (t > 0) {
              const again = await until(() => [...form().querySelectorAll('button')].find((b) => b.textContent === 'Try again'), `Try again at ${q.id}`);
              again.click();
              await until(() => $<HTMLButtonElement>('button[type="submit"]', form()), `Check answer at ${q.id}`);
            }
            for (const option of q.tries[t]!) $<HTMLInputElement>(`[data-option-id="${option}"] input`, form())!.click();
            $<HTMLButtonElement>('button[type="submit"]', form())!.click();
            await until(() => $('.hcs-question-result[data-outcome]', form()), `the result at ${q.id}`);
          }
        }
        for (const r of step.lesson.reflections) {
          const section = $(`[data-reflection-id="${r.id}"]`)!;
          const area = $<HTMLTextAreaElement>('textarea', section)!;
          setText.call(area, r.text);
          area.dispatchEvent(new Event('input', { bubbles: true }));
          $<HTMLButtonElement>('.hcs-actions button', section)!.click();
          await until(() => $('[data-state="saved"]', section), `reflection ${r.id} saved`);
        }
        // Next at the lesson's foot reads it to its end, as a learner moving on does.
        $<HTMLButtonElement>('.hcs-sco-pager button:last-child')!.click();
        await until(() => $(`[data-view="${step.view}"] .hcs-sco-nav-state`)?.textContent?.includes('read to the end'), `lesson ${step.lesson.id} read`);
      }
      if (step.scenario) {
        const { id, rank } = step.scenario;
        const story = () => $<HTMLElement>(`[data-scenario-id="${id}"] .hcs-story`);
        await until(story, `scenario ${id}`);
        for (let n = 0; n < 100 && !$('.hcs-ending', story()!); n++) {
          const at = story()!.dataset.nodeId ?? '';
          const open = [...story()!.querySelectorAll<HTMLButtonElement>('.hcs-choice')];
          const best = (rank[at] ?? []).map((c) => open.find((b) => b.dataset.choiceId === c)).find(Boolean);
          if (!best) throw new Error(`no open choice at ${id}:${at}`);
          best.click();
          await until(() => story()!.dataset.nodeId !== at && story(), `the node after ${at}`);
        }
      }
    }
  }, steps);
}
