"use server";

import { redirect } from "next/navigation";
import { rememberEditToken } from "@/lib/auth/edit-capability";
import { beginGallery } from "@/lib/builds/gallery-edits";
import { UserError } from "@/lib/errors/user-facing";

export interface StartBuildState {
  error: string | null;
  goal: string;
}

/** Home page form: validates the goal, creates the gallery (the caller becomes its owner) and opens it. */
export async function startBuild(_prev: StartBuildState, form: FormData): Promise<StartBuildState> {
  const raw = form.get("goal");
  const goal = typeof raw === "string" ? raw : "";
  let galleryId: string;
  try {
    const started = await beginGallery(raw);
    galleryId = started.galleryId;
    await rememberEditToken(galleryId, started.editToken);
  } catch (err) {
    if (err instanceof UserError) return { error: err.message, goal };
    console.error("startBuild failed", err);
    return { error: "The build could not be started. Please try again in a moment.", goal };
  }
  redirect(`/g/${galleryId}`);
}
