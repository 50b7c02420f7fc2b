import { useId } from 'preact/hooks';

interface StepperProps {
  label: string;
  value: string;
  lessLabel: string;
  moreLabel: string;
  onLess: () => void;
  onMore: () => void;
  atMin: boolean;
  atMax: boolean;
}

/** A labelled −/+ pair with the value between them. At a limit the button stays focusable (aria-disabled) so focus is not lost. */
export function Stepper(p: StepperProps) {
  const id = useId();
  return (
    <div class="stepper" role="group" aria-labelledby={id}>
      <span id={id} class="stepper-label">{p.label}</span>
      <button type="button" aria-label={p.lessLabel} title={p.lessLabel} aria-disabled={p.atMin} onClick={p.onLess}>−</button>
      <output class="stepper-value" aria-live="polite">{p.value}</output>
      <button type="button" aria-label={p.moreLabel} title={p.moreLabel} aria-disabled={p.atMax} onClick={p.onMore}>+</button>
    </div>
  );
}
