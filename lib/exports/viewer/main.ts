// The exported gallery's viewer: a classic script (bundled by scripts/build-viewer.mjs into one IIFE with three.js,
// the meshopt decoder and Spark for Gaussian splats, no CDN), so the zip's index.html works from file:// and from any static host. The
// gallery and its models come from script tags set before it (data/gallery.js, models/*.js as base64), because
// a page opened from file:// may not fetch its own folder.
import * as THREE from "three";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { MeshoptDecoder } from "three/examples/jsm/libs/meshopt_decoder.module.js";
import { SparkRenderer, SplatMesh } from "@sparkjsdev/spark";
import { GALLERY_GLOBAL, MODELS_GLOBAL, type ViewerExhibit, type ViewerGallery } from "./data";

type Status = { shown: number; failed: number; total: number; frames: number; errors: string[] };

const w = window as unknown as Record<string, unknown> & { __viewer?: Status };

function decode(base64: string): ArrayBuffer {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}

function mark(id: string, state: "shown" | "failed" | "no model", why?: string): void {
  const item = document.querySelector(`[data-exhibit="${CSS.escape(id)}"]`);
  if (!item) return;
  item.setAttribute("data-state", state);
  const label = item.querySelector("[data-status]");
  if (label) label.textContent = state === "failed" ? `could not be shown${why ? `: ${why}` : ""}` : state;
}

function start(): void {
  const gallery = w[GALLERY_GLOBAL] as ViewerGallery | undefined;
  const models = (w[MODELS_GLOBAL] ?? {}) as Record<string, string>;
  const stage = document.getElementById("stage");
  if (!gallery || !stage) return;
  const status: Status = { shown: 0, failed: 0, total: gallery.exhibits.filter((e) => e.model).length, frames: 0, errors: [] };
  w.__viewer = status;

  const hasSplats = gallery.exhibits.some((e) => e.model && e.kind === "splat");
  // Spark's guidance: no antialiasing with splats (it costs much and splats gain nothing from it).
  const renderer = new THREE.WebGLRenderer({ antialias: !hasSplats, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  stage.appendChild(renderer.domElement);
  renderer.domElement.setAttribute("aria-label", `3D view of ${gallery.title}`);
  renderer.domElement.setAttribute("role", "img");

  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0x1d1a16);
  const { minX, maxX, minZ, maxZ, height } = gallery.hall;
  const camera = new THREE.PerspectiveCamera(60, 1, 0.05, 200);
  camera.position.set(0, 1.6, maxZ - 0.5);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.target.set(0, 1.2, (minZ + maxZ) / 2);
  controls.maxPolarAngle = Math.PI * 0.49;
  controls.update();

  scene.add(new THREE.HemisphereLight(0xfff4e0, 0x3a3027, 1.6));
  const sun = new THREE.DirectionalLight(0xffffff, 1.6);
  sun.position.set(3, height, maxZ);
  scene.add(sun);

  const floor = new THREE.Mesh(new THREE.PlaneGeometry(maxX - minX, maxZ - minZ), new THREE.MeshStandardMaterial({ color: 0x8c7f70, roughness: 0.9 }));
  floor.rotation.x = -Math.PI / 2;
  floor.position.set((minX + maxX) / 2, 0, (minZ + maxZ) / 2);
  scene.add(floor);
  const wallMaterial = new THREE.MeshStandardMaterial({ color: 0xe9e2d6, roughness: 1, side: THREE.BackSide });
  const walls = new THREE.Mesh(new THREE.BoxGeometry(maxX - minX, height, maxZ - minZ), wallMaterial);
  walls.position.set((minX + maxX) / 2, height / 2, (minZ + maxZ) / 2);
  scene.add(walls);

  // One SparkRenderer for the whole hall (as in the app's hall): it sorts every splat together and draws them in
  // three's transparent pass. Without it in the scene, SplatMeshes draw nothing and nothing warns.
  const spark = hasSplats ? new SparkRenderer({ renderer }) : null;
  if (spark) scene.add(spark);
  // Splats loaded but not yet in the renderer's displayed sort (about ten renders after loading: the sort runs in
  // a worker). The loop below marks each shown once a frame includes it.
  const pendingSplats = new Map<SplatMesh, string>();

  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const plinthMaterial = new THREE.MeshStandardMaterial({ color: 0xebe6dc, roughness: 0.7 });
  const stops: { exhibit: ViewerExhibit; target: THREE.Vector3 }[] = [];
  for (const e of gallery.exhibits) {
    const group = new THREE.Group();
    group.position.set(e.position[0], 0, e.position[2]);
    group.rotation.y = e.rotationY;
    const plinth = new THREE.Mesh(new THREE.BoxGeometry(e.plinthSide, e.plinthHeight, e.plinthSide), plinthMaterial);
    plinth.position.y = e.plinthHeight / 2;
    group.add(plinth);
    scene.add(group);
    stops.push({ exhibit: e, target: new THREE.Vector3(e.position[0], e.plinthHeight + 0.8 * e.scale, e.position[2]) });
    if (!e.model) {
      mark(e.id, "no model");
      continue;
    }
    const base64 = models[e.model];
    if (!base64) {
      status.failed++;
      mark(e.id, "failed", "its model is missing from the export");
      continue;
    }
    const failed = (err: unknown) => {
      const why = String((err as { message?: unknown } | null)?.message ?? err);
      status.failed++;
      status.errors.push(why);
      mark(e.id, "failed", why);
    };
    if (e.kind === "splat") {
      // Served splats are SPZ, already upright, standing on y = 0 and scaled to the exhibit's height, as served
      // GLBs are: the same placement on the plinth applies. Spark reads SPZ by its content.
      const splat = new SplatMesh({ fileBytes: decode(base64), raycastable: false });
      splat.initialized.then(() => {
        const model = new THREE.Group();
        model.position.y = e.plinthHeight;
        model.scale.setScalar(e.scale);
        model.add(splat);
        group.add(model);
        pendingSplats.set(splat, e.id);
      }, failed);
      continue;
    }
    loader.parse(
      decode(base64),
      "",
      (gltf) => {
        const model = gltf.scene;
        model.position.y = e.plinthHeight;
        model.scale.setScalar(e.scale);
        group.add(model);
        status.shown++;
        mark(e.id, "shown");
      },
      failed,
    );
  }

  // The tour: each exhibit in turn, from the aisle.
  let stop = -1;
  const caption = document.getElementById("caption");
  const goTo = (i: number) => {
    if (stops.length === 0) return;
    stop = (i + stops.length) % stops.length;
    const s = stops[stop]!;
    const dir = new THREE.Vector3(Math.sin(s.exhibit.rotationY), 0, Math.cos(s.exhibit.rotationY));
    camera.position.copy(s.target).addScaledVector(dir, 2.4 + s.exhibit.plinthSide).setY(1.6);
    controls.target.copy(s.target);
    controls.update();
    if (caption) caption.textContent = `${stop + 1} of ${stops.length}: ${s.exhibit.title}`;
  };
  document.getElementById("next")?.addEventListener("click", () => goTo(stop + 1));
  document.getElementById("previous")?.addEventListener("click", () => goTo(stop - 1));

  // Walking with the keyboard: arrows/WASD move the camera and its target together along the floor.
  const keys = new Set<string>();
  renderer.domElement.tabIndex = 0;
  renderer.domElement.addEventListener("keydown", (ev) => keys.add(ev.key.toLowerCase()));
  renderer.domElement.addEventListener("keyup", (ev) => keys.delete(ev.key.toLowerCase()));
  const clock = new THREE.Clock();

  const resize = () => {
    const { clientWidth, clientHeight } = stage;
    renderer.setSize(clientWidth, clientHeight, false);
    camera.aspect = clientWidth / Math.max(1, clientHeight);
    camera.updateProjectionMatrix();
  };
  new ResizeObserver(resize).observe(stage);
  resize();
  renderer.setAnimationLoop(() => {
    const dt = Math.min(0.1, clock.getDelta());
    const forward = (keys.has("w") || keys.has("arrowup") ? 1 : 0) - (keys.has("s") || keys.has("arrowdown") ? 1 : 0);
    const side = (keys.has("d") || keys.has("arrowright") ? 1 : 0) - (keys.has("a") || keys.has("arrowleft") ? 1 : 0);
    if (forward || side) {
      const look = new THREE.Vector3().subVectors(controls.target, camera.position).setY(0).normalize();
      const right = new THREE.Vector3(-look.z, 0, look.x);
      const step = look.multiplyScalar(forward * 2.5 * dt).addScaledVector(right, side * 2.5 * dt);
      camera.position.add(step);
      controls.target.add(step);
    }
    controls.update();
    renderer.render(scene, camera);
    status.frames++;
    if (spark && pendingSplats.size > 0 && spark.activeSplats > 0) {
      for (const [splat, id] of pendingSplats) {
        if (!spark.display.mapping.some((m) => m.node === splat && m.count > 0)) continue;
        pendingSplats.delete(splat);
        status.shown++;
        mark(id, "shown");
      }
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
