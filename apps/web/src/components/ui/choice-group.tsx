'use client';

import * as RadioGroup from '@radix-ui/react-radio-group';
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** the language of the label when it differs from the page's (简体中文 on an English page) */
  lang?: string;
}

/**
 * One choice out of a few, shown side by side (a segmented control): a Radix radio group,
 * so arrow keys move between choices and screen readers announce "Theme, radio group".
 */
export function ChoiceGroup<T extends string>({
  label,
  value,
  choices,
  onChange,
  disabled,
}: {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="choice-field">
      <span id={`${id}-label`} className="choice-label">
        {label}
      </span>
      <RadioGroup.Root
        className="choice-group"
        aria-labelledby={`${id}-label`}
        value={value}
        disabled={disabled}
        orientation="horizontal"
        onValueChange={(next) => {
          const choice = choices.find((candidate) => candidate.value === next);
          if (choice) onChange(choice.value);
        }}
      >
        {choices.map((choice) => (
          <RadioGroup.Item
            key={choice.value}
            value={choice.value}
            className="choice"
            lang={choice.lang}
          >
            {choice.label}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
    </div>
  );
}
