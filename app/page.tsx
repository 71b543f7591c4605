import styles from "./page.module.css";
import { GoalForm } from "@/components/home/goal-form";
import { HallPreview } from "@/components/home/hall-preview";

export default function HomePage() {
  return (
    <main className={styles.main}>
      <section className={styles.hero}>
        <h1 className={styles.title}>Vernissage</h1>
        <p className={styles.lede}>
          Describe a gallery. An agent plans the exhibits, draws each one with a text-to-image Space, turns every
          drawing into a 3D model with an image-to-3D Space, and hangs them in a hall you can walk through and share.
        </p>
        <GoalForm />
      </section>
      <section className={styles.stage} aria-label="Gallery preview">
        <HallPreview />
      </section>
    </main>
  );
}
