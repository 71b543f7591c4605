"use client";
// First-person walking at eye height: keys on the focused gallery element, mouse look under pointer lock, joystick
// and drag-to-look on touch screens (their handlers write to the same WalkerInput). Collides with walls and plinths.
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef, type RefObject } from "react";
import * as THREE from "three";
import { moveCircle, WALKER_RADIUS, type Collider } from "@/lib/layout/collision";
import { EYE_HEIGHT } from "@/lib/layout/layout";
import type { Pose } from "@/lib/layout/tour";
import { isWalkKey, walkAxes, type WalkAxes, type WalkerInput } from "./walker-input";

const WALK_SPEED = 1.9;
const RUN_SPEED = 3.8;
const TURN_SPEED = 1.8;
/** Radians per CSS pixel of mouse or finger movement. */
const LOOK_SENSITIVITY = 0.0028;
const MAX_PITCH = 1.35;
/** Longest step integrated at once: slow software renderers still walk at about real-time speed (collision
 * substeps keep long steps from passing through walls). */
const MAX_DT = 0.5;
/** In demand mode the first frame after an idle spell has a huge delta: it counts as one ordinary frame. */
const FIRST_DT = 1 / 60;

interface WalkControlsProps {
  /** The focusable element that receives the keys. */
  target: HTMLElement | null;
  /** Where the walker stands; shared with the tour and kept while inspecting. */
  poseRef: RefObject<Pose>;
  inputRef: RefObject<WalkerInput>;
  colliders: readonly Collider[];
  /** False while the arrows nudge an exhibit being moved. */
  arrowsFree: boolean;
  /** Under pointer lock a click picks the exhibit under the crosshair. */
  onPick(id: string): void;
}

export function WalkControls({ target, poseRef, inputRef, colliders, arrowsFree, onPick }: WalkControlsProps) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const velocity = useRef({ x: 0, z: 0 });
  const axes = useRef<WalkAxes>({ forward: 0, strafe: 0, turn: 0, run: false });
  const idle = useRef(true);

  // Keys: held codes go into the shared input; arrows and WASD never scroll the page while the gallery has focus.
  useEffect(() => {
    if (!target) return;
    const input = inputRef.current;
    const down = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !isWalkKey(e.code, arrowsFree)) return;
      e.preventDefault();
      input.keys.add(e.code);
      invalidate();
    };
    const up = (e: KeyboardEvent) => input.keys.delete(e.code);
    const clear = () => input.keys.clear();
    target.addEventListener("keydown", down);
    target.addEventListener("keyup", up);
    target.addEventListener("blur", clear);
    return () => {
      target.removeEventListener("keydown", down);
      target.removeEventListener("keyup", up);
      target.removeEventListener("blur", clear);
      clear();
    };
  }, [target, inputRef, arrowsFree, invalidate]);

  // Mouse look and crosshair picking while the pointer is locked to the canvas.
  useEffect(() => {
    const canvas = gl.domElement;
    const raycaster = new THREE.Raycaster();
    const centre = new THREE.Vector2(0, 0);
    const move = (e: MouseEvent) => {
      if (document.pointerLockElement !== canvas) return;
      inputRef.current.lookX += e.movementX;
      inputRef.current.lookY += e.movementY;
      invalidate();
    };
    const click = () => {
      if (document.pointerLockElement !== canvas) return;
      raycaster.setFromCamera(centre, camera);
      const hit = raycaster.intersectObjects(scene.children, true)[0];
      for (let o: THREE.Object3D | null = hit?.object ?? null; o; o = o.parent) {
        const id = o.userData.exhibitId;
        if (typeof id === "string") return onPick(id);
      }
    };
    document.addEventListener("mousemove", move);
    canvas.addEventListener("click", click);
    return () => {
      document.removeEventListener("mousemove", move);
      canvas.removeEventListener("click", click);
      if (document.pointerLockElement === canvas) document.exitPointerLock();
    };
  }, [gl, camera, scene, inputRef, invalidate, onPick]);

  useFrame((_, delta) => {
    const dt = Math.min(delta, idle.current ? FIRST_DT : MAX_DT);
    const input = inputRef.current;
    const pose = poseRef.current;
    const a = walkAxes(input, arrowsFree, axes.current);
    pose.yaw += a.turn * TURN_SPEED * dt - input.lookX * LOOK_SENSITIVITY;
    pose.pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pose.pitch - input.lookY * LOOK_SENSITIVITY));
    input.lookX = 0;
    input.lookY = 0;

    const speed = a.run ? RUN_SPEED : WALK_SPEED;
    const sin = Math.sin(pose.yaw);
    const cos = Math.cos(pose.yaw);
    // Yaw 0 looks down −Z; right is +X.
    let tx = -sin * a.forward + cos * a.strafe;
    let tz = -cos * a.forward - sin * a.strafe;
    const len = Math.hypot(tx, tz);
    if (len > 1) {
      tx /= len;
      tz /= len;
    }
    const v = velocity.current;
    const k = 1 - Math.exp(-dt * 10);
    v.x += (tx * speed - v.x) * k;
    v.z += (tz * speed - v.z) * k;
    if (Math.abs(v.x) < 1e-3 && Math.abs(v.z) < 1e-3 && len === 0) v.x = v.z = 0;
    else moveCircle(pose, v.x * dt, v.z * dt, WALKER_RADIUS, colliders);

    camera.position.set(pose.x, EYE_HEIGHT, pose.z);
    camera.rotation.set(pose.pitch, pose.yaw, 0, "YXZ");
    idle.current = v.x === 0 && v.z === 0 && a.turn === 0;
    if (!idle.current) invalidate();
  });
  return null;
}
