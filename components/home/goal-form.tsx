"use client";

import { useState } from "react";
import styles from "./goal-form.module.css";

export function GoalForm() {
  const [goal, setGoal] = useState("");
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="goal" className={styles.label}>
        Goal
      </label>
      <div className={styles.row}>
        <input
          id="goal"
          name="goal"
          type="text"
          value={goal}
          onChange={(e) => setGoal(e.target.value)}
          placeholder="a gallery of the monuments of Paris at dusk"
          autoComplete="off"
          maxLength={500}
        />
        <button type="submit" className="primary">
          Build gallery
        </button>
      </div>
    </form>
  );
}
