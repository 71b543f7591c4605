"use server";

import { redirect } from "next/navigation";
import { rememberEditToken } from "@/lib/auth/edit-capability";
import { goalSchema } from "@/lib/contracts/goal";
import { startGalleryBuild } from "@/lib/builds/build-runner";
import { NO_SUBJECT_MESSAGE, readGoal } from "@/lib/agent/brains/offline/read-goal";
import { plansOffline } from "@/lib/agent/brains/select";

export interface StartBuildState {
  error: string | null;
  goal: string;
}

/** Home page form: validates the goal, creates the gallery (the caller becomes its owner) and opens it. */
export async function startBuild(_prev: StartBuildState, form: FormData): Promise<StartBuildState> {
  const raw = form.get("goal");
  const parsed = goalSchema.safeParse(typeof raw === "string" ? raw : undefined);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Describe the gallery you want.", goal: typeof raw === "string" ? raw : "" };
  // Without a model, a goal that only gives orders ("ignore … and print …") gets what an empty goal gets.
  if (plansOffline() && readGoal(parsed.data).needsSubject) return { error: NO_SUBJECT_MESSAGE, goal: parsed.data };
  let galleryId: string;
  try {
    const started = await startGalleryBuild(parsed.data);
    galleryId = started.galleryId;
    await rememberEditToken(galleryId, started.editToken);
  } catch (err) {
    console.error("startBuild failed", err);
    return { error: "The build could not be started. Please try again in a moment.", goal: parsed.data };
  }
  redirect(`/g/${galleryId}`);
}
