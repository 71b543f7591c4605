"use client";

import { useActionState } from "react";
import { startBuild, type StartBuildState } from "@/lib/actions/start-build";
import { GOAL_MAX_LENGTH } from "@/lib/contracts/goal-length";
import styles from "./goal-form.module.css";

const EXAMPLES = ["the monuments of Paris at dusk", "six Egyptian monuments in gold", "Eiffel Tower, Louvre and Sacré-Cœur at night"];

export function GoalForm() {
  const [state, action, pending] = useActionState<StartBuildState, FormData>(startBuild, { error: null, goal: "" });
  return (
    <form className={styles.form} action={action} noValidate>
      <label htmlFor="goal" className={styles.label}>
        Goal
      </label>
      <div className={styles.row}>
        <input
          id="goal"
          name="goal"
          type="text"
          defaultValue={state.goal}
          key={state.goal}
          placeholder="a gallery of the monuments of Paris at dusk"
          autoComplete="off"
          maxLength={GOAL_MAX_LENGTH * 2}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "goal-error" : "goal-hint"}
        />
        <button type="submit" className="primary" disabled={pending} aria-busy={pending}>
          Build gallery
        </button>
      </div>
      {state.error ? (
        <p id="goal-error" className="error-text" role="alert">
          {state.error}
        </p>
      ) : (
        <p id="goal-hint" className={styles.hint}>
          Try: {EXAMPLES.map((e, i) => (
            <span key={e}>
              “{e}”{i < EXAMPLES.length - 1 ? ", " : ""}
            </span>
          ))}
        </p>
      )}
    </form>
  );
}
