// Whatever the overlay machine has open, and focus put back where it was on close.

import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { QuickOverlay } from '../features/quickOpen/QuickOverlay';
import { DeleteLearnerDialog } from '../features/learners/DeleteLearnerDialog';
import { LearnerDialog } from '../features/learners/LearnerDialog';
import { PinDialog } from '../features/learners/PinDialog';
import { PromptDialog } from './PromptDialog';
import { useOverlay } from '../WorkbenchContext';

const ExportDialog = lazy(() => import('../features/exporting/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const RecordDialog = lazy(() => import('../features/learningRecord/RecordDialog').then((m) => ({ default: m.RecordDialog })));

/** The open overlay, if any. */
export function Overlays() {
  const state = useOverlay((s) => s.value as string);
  const promptId = useOverlay((s) => s.context.prompt?.id);
  const returnTo = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    if (state !== 'closed') {
      if (!returnTo.current) returnTo.current = document.activeElement as HTMLElement | null;
      return;
    }
    const target = returnTo.current;
    returnTo.current = null;
    if (target && target.isConnected) target.focus();
  }, [state]);

  switch (state) {
    case 'quickInput':
      return <QuickOverlay />;
    case 'learnerPicker':
      return <LearnerDialog />;
    case 'prompt':
      return <PromptDialog key={promptId} />;
    case 'exportDialog':
      return (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      );
    case 'recordDialog':
      return (
        <Suspense fallback={null}>
          <RecordDialog />
        </Suspense>
      );
    case 'pinDialog':
      return <PinDialog />;
    case 'deleteLearner':
      return <DeleteLearnerDialog />;
    default:
      return null;
  }
}
