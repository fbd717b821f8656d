"use client";
// The frame of every founder's write on the Uptime page: the button that sends it (saying so while
// it is pending) and what became of it; as a form, with its title and fields around them.
import type { FormEvent, ReactNode } from "react";
import type { FounderWrite } from "./use-founder-write";
import { WriteFeedback } from "./write-feedback";

export type WriteActionsProps = {
  write: FounderWrite;
  /** The button's words, idle and while the write is pending. */
  label: string;
  pendingLabel: string;
  /** Without it the button submits its form. */
  onClick?: () => void;
  disabled?: boolean;
  small?: boolean;
  ghost?: boolean;
};

export function WriteActions({
  write,
  label,
  pendingLabel,
  onClick,
  disabled = false,
  small = false,
  ghost = false,
}: WriteActionsProps) {
  const className = `button${small ? " button--small" : ""}${ghost ? " button--ghost" : ""}`;
  return (
    <div className="control-form__actions">
      <button
        type={onClick ? "button" : "submit"}
        className={className}
        onClick={onClick}
        disabled={write.pending || disabled}
      >
        {write.pending ? pendingLabel : label}
      </button>
      <WriteFeedback error={write.error} success={write.success} />
    </div>
  );
}

export type FounderFormProps = Omit<WriteActionsProps, "onClick" | "ghost"> & {
  /** The form's accessible name, and its heading unless `inline`. */
  name: string;
  inline?: boolean;
  testId?: string;
  onSubmit: () => void;
  children: ReactNode;
};

export function FounderForm({
  name,
  inline = false,
  testId,
  onSubmit,
  children,
  ...actions
}: FounderFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form
      className={inline ? "control-form control-form--inline" : "control-form"}
      onSubmit={submit}
      aria-label={name}
      data-testid={testId}
    >
      {inline ? null : <h3 className="control-form__title">{name}</h3>}
      {children}
      <WriteActions {...actions} />
    </form>
  );
}
