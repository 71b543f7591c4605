"use client";
// The walkable 3D gallery. Client-only: load it with next/dynamic({ ssr: false }).
// The page owns the state (selection, mode, placements); the scene shows it and reports what the visitor does.
import { Canvas, type RootState } from "@react-three/fiber";
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as THREE from "three";
import { pilasters } from "@/lib/layout/architecture";
import { hallWalls, plinthColliders } from "@/lib/layout/collision";
import { arrangeGallery, entrancePose, EYE_HEIGHT, type ArrangedExhibit, type Hall as HallShape } from "@/lib/layout/layout";
import { dwellFor, TOUR_FOV, viewpointFor, type Pose, type TourStop } from "@/lib/layout/tour";
import type { GalleryView, Placement } from "@/lib/contracts/gallery-view";
import { Exhibit } from "./exhibit";
import { GalleryEnvironment } from "./gallery-environment";
import { Hall } from "./hall";
import { plaqueContent } from "./plaque-text";
import { adaptToRenderer, usePrefersReducedMotion } from "./render-quality";
import { InspectControls } from "./inspect-controls";
import { useSilenceHandledModelErrors } from "./model-error-boundary";
import { MoveGizmo } from "./move-gizmo";
import { SceneHud, type SceneMode } from "./scene-hud";
import { SceneProbe } from "./scene-probe";
import { SparkLayer } from "./splats/splat-exhibit";
import { Joystick, useTouchLook, useTouchScreen } from "./touch-controls";
import { TourBar } from "./tour-bar";
import { TourControls, type TourHandle, type TourView } from "./tour-controls";
import { WalkControls } from "./walk-controls";
import { createWalkerInput } from "./walker-input";

export interface GallerySceneProps {
  gallery: GalleryView;
  selectedId: string | null;
  onSelect(id: string | null): void;
  mode: SceneMode;
  onModeChange?(mode: SceneMode): void;
  /** The owner's view: allows moving exhibits. */
  editable?: boolean;
  /** Id of the exhibit being moved (shows the gizmo; arrow keys nudge it instead of walking). */
  moving?: string | null;
  /** Called once per drop or nudge with the snapped placement. */
  onMove?(id: string, placement: Placement): void;
  /** Called when the visitor finishes moving with Escape (the page stops passing `moving`). */
  onMoveEnd?(): void;
  /** Also show a hint line and Inspect / Start tour / Back to walking / Stop tour buttons over the canvas, for a
   * page without its own. The crosshair (under pointer lock) and the touch joystick always show. */
  overlay?: boolean;
}

/** Keeps the previous value while its key is unchanged, so live updates that change nothing rebuild nothing. */
function useStable<T>(value: T, key: string): T {
  const [state, setState] = useState({ key, value });
  if (state.key !== key) {
    setState({ key, value });
    return value;
  }
  return state.value;
}

const hallKey = (h: HallShape) => `${h.minX}|${h.maxX}|${h.minZ}|${h.maxZ}|${h.height}`;
const itemsKey = (items: readonly ArrangedExhibit[]) =>
  items.map((i) => `${i.id}:${i.placement.position.join(",")}:${i.placement.rotationY}:${i.placement.scale}:${i.footprint.plinthSide}`).join(";");

/** The canvas takes focus when clicked or focused by a script (not in the tab order: the wrapper is); its keys
 * bubble to the wrapper's listeners. */
function onCreated(state: RootState) {
  adaptToRenderer(state);
  state.gl.domElement.tabIndex = -1;
  state.gl.domElement.style.outline = "none";
}

export function GalleryScene({
  gallery,
  selectedId,
  onSelect,
  mode,
  onModeChange,
  editable = false,
  moving = null,
  onMove,
  onMoveEnd,
  overlay = false,
}: GallerySceneProps) {
  const arrangement = useMemo(() => arrangeGallery(gallery.exhibits), [gallery.exhibits]);
  const hall = useStable(arrangement.hall, hallKey(arrangement.hall));
  const items = useStable(arrangement.items, itemsKey(arrangement.items));
  const itemById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const colliders = useMemo(() => [...hallWalls(hall), ...pilasters(hall), ...plinthColliders(items)], [hall, items]);

  const [wrapper, setWrapper] = useState<HTMLDivElement | null>(null);
  const inputRef = useRef(createWalkerInput());
  const [start] = useState(() => entrancePose(hall));
  const poseRef = useRef<Pose>({ ...start, pitch: -0.05 });
  const touch = useTouchScreen();
  useSilenceHandledModelErrors();
  useTouchLook(wrapper, inputRef, mode === "walk");

  // Which models are on screen, for the probe (benchmarks wait for readyCount === expectedCount).
  const models = useRef(new Map<string, "ready" | "failed">());
  const onModelState = useCallback((id: string, state: "ready" | "failed" | null) => {
    if (state) models.current.set(id, state);
    else models.current.delete(id);
  }, []);
  const exhibitsRef = useRef(gallery.exhibits);
  useEffect(() => {
    exhibitsRef.current = gallery.exhibits;
  }, [gallery.exhibits]);
  const counts = useCallback(() => {
    let ready = 0;
    let failed = 0;
    for (const state of models.current.values()) {
      if (state === "ready") ready++;
      else failed++;
    }
    const expected = exhibitsRef.current.filter((e) => e.status === "ready" && e.modelUrl).length;
    return { ready, expected, failed };
  }, []);

  // Exhibit groups, for the move gizmo.
  const [groups, setGroups] = useState(() => new Map<string, THREE.Group>());
  const register = useCallback((id: string, group: THREE.Group | null) => {
    setGroups((prev) => {
      if ((prev.get(id) ?? null) === group) return prev;
      const next = new Map(prev);
      if (group) next.set(id, group);
      else next.delete(id);
      return next;
    });
  }, []);

  const changeMode = useCallback((m: SceneMode) => onModeChange?.(m), [onModeChange]);
  const toWalk = useCallback(() => changeMode("walk"), [changeMode]);
  const inspect = useCallback(
    (id: string) => {
      onSelect(id);
      changeMode("inspect");
    },
    [onSelect, changeMode],
  );
  const selectedItem = selectedId ? itemById.get(selectedId) : undefined;
  useEffect(() => {
    if (mode === "inspect" && !selectedItem) toWalk();
  }, [mode, selectedItem, toWalk]);

  // The tour visits exhibits in hall order (failed ones skipped), each framed from its bounds, and dwells long
  // enough to read its plaque, which the tour bar shows as the caption.
  const captions = useMemo(() => new Map(gallery.exhibits.map((e) => [e.id, plaqueContent(e, null)])), [gallery.exhibits]);
  const stops = useMemo((): TourStop[] => {
    const failed = new Set(gallery.exhibits.filter((e) => e.status === "failed").map((e) => e.id));
    const visit = items.filter((i) => !failed.has(i.id));
    return (visit.length ? visit : items).map((i) => {
      const caption = captions.get(i.id);
      return { id: i.id, pose: viewpointFor(i, hall, TOUR_FOV), dwell: dwellFor(caption ? `${caption.title} ${caption.body}` : "") };
    });
  }, [gallery.exhibits, items, hall, captions]);
  const reducedMotion = usePrefersReducedMotion();
  const tourHandle = useRef<TourHandle | null>(null);
  const [tourView, setTourView] = useState<TourView | null>(null);
  const tourCaption = tourView?.id ? (captions.get(tourView.id) ?? null) : null;
  const tourState = useCallback(() => {
    const view = tourHandle.current?.view();
    return view ? { ...view, dwelt: tourHandle.current!.dwelt() } : null;
  }, []);
  // Splats need Spark, loaded only when a gallery has one.
  const hasSplats = gallery.exhibits.some((e) => e.kind === "splat" && e.modelUrl);

  const movingItem = editable && moving ? itemById.get(moving) : undefined;
  const movingGroup = movingItem ? groups.get(movingItem.id) : undefined;
  const others = useMemo(() => (movingItem ? items.filter((i) => i.id !== movingItem.id) : []), [items, movingItem]);
  const commitMove = useCallback((p: Placement) => movingItem && onMove?.(movingItem.id, p), [movingItem, onMove]);
  const finishMove = useCallback(() => onMoveEnd?.(), [onMoveEnd]);

  const onPointerMissed = useCallback(
    (e: MouseEvent) => {
      // Mouse users look around under pointer lock; touch users drag instead. Never while moving an exhibit:
      // the mouse is busy with the gizmo.
      const type = (e as PointerEvent).pointerType;
      if (mode !== "walk" || movingItem || type === "touch" || type === "pen") return;
      const canvas = e.target instanceof HTMLCanvasElement ? e.target : wrapper?.querySelector("canvas");
      // Browsers may refuse (e.g. just after leaving the lock): the visitor can still walk with the keys.
      canvas?.requestPointerLock()?.catch?.(() => {});
    },
    [mode, movingItem, wrapper],
  );

  // Focus shows as an inset ring (an outline would be clipped by the page's layout around the canvas).
  const [focused, setFocused] = useState(false);

  return (
    <div
      ref={setWrapper}
      tabIndex={0}
      role="application"
      aria-label="Gallery — use arrow keys or WASD to walk"
      data-gallery-stage=""
      onFocus={() => setFocused(true)}
      onBlur={(e) => setFocused(e.currentTarget.contains(e.relatedTarget))}
      style={{
        position: "relative",
        width: "100%",
        height: "100%",
        outline: "none",
        touchAction: "none",
        overflow: "hidden",
        boxShadow: focused ? "inset 0 0 0 2px rgba(242, 193, 92, 0.85)" : undefined,
      }}
    >
      <Canvas
        dpr={[1, 2]}
        frameloop="demand"
        camera={{ fov: TOUR_FOV, near: 0.05, far: 300, position: [start.x, EYE_HEIGHT, start.z] }}
        // No MSAA: it does nothing for Gaussian splats and multiplies their blending cost (Spark's advice); meshes
        // get their smoothing from the device pixel ratio instead.
        gl={{ antialias: false, powerPreference: "high-performance" }}
        onPointerMissed={onPointerMissed}
        onCreated={onCreated}
      >
        <GalleryEnvironment />
        <Hall hall={hall} items={items} />
        {hasSplats && (
          <Suspense fallback={null}>
            <SparkLayer />
          </Suspense>
        )}
        {gallery.exhibits.map((exhibit) => {
          const item = itemById.get(exhibit.id);
          return item ? (
            <Exhibit
              key={exhibit.id}
              exhibit={exhibit}
              item={item}
              selected={exhibit.id === selectedId}
              onSelect={onSelect}
              onInspect={inspect}
              onModelState={onModelState}
              register={register}
            />
          ) : null;
        })}
        {mode === "walk" && (
          <WalkControls target={wrapper} poseRef={poseRef} inputRef={inputRef} colliders={colliders} arrowsFree={!movingItem} onPick={onSelect} />
        )}
        {mode === "inspect" && selectedItem && <InspectControls item={selectedItem} target={wrapper} onExit={toWalk} />}
        {mode === "tour" && (
          <TourControls
            stops={stops}
            poseRef={poseRef}
            target={wrapper}
            cut={reducedMotion}
            handleRef={tourHandle}
            onArrive={onSelect}
            onChange={setTourView}
            onEnd={toWalk}
          />
        )}
        {movingItem && movingGroup && (
          <MoveGizmo object={movingGroup} item={movingItem} others={others} hall={hall} target={wrapper} onCommit={commitMove} onFinish={finishMove} />
        )}
        <SceneProbe counts={counts} tour={tourState} />
      </Canvas>
      {touch && mode === "walk" && <Joystick inputRef={inputRef} />}
      {mode === "tour" && (
        <TourBar
          view={tourView}
          caption={tourCaption}
          onPrevious={() => tourHandle.current?.previous()}
          onTogglePause={() => tourHandle.current?.togglePause()}
          onNext={() => tourHandle.current?.next()}
        />
      )}
      <SceneHud
        mode={mode}
        onModeChange={overlay ? onModeChange : undefined}
        hint={overlay}
        canInspect={!!selectedItem}
        canTour={stops.length > 0}
        touch={touch}
        moving={!!movingItem}
      />
    </div>
  );
}
