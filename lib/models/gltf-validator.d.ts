// gltf-validator (Khronos, compiled from Dart) ships no typings: the parts we use.
declare module "gltf-validator" {
  export interface ValidatorMessage {
    code: string;
    message: string;
    severity: number;
    pointer?: string;
    offset?: number;
  }
  export interface ValidatorReport {
    issues: {
      numErrors: number;
      numWarnings: number;
      numInfos: number;
      numHints: number;
      messages: ValidatorMessage[];
      truncated: boolean;
    };
    info?: { totalVertexCount?: number; totalTriangleCount?: number; maxUVs?: number; [k: string]: unknown };
  }
  export interface ValidatorOptions {
    uri?: string;
    format?: "glb" | "gltf";
    maxIssues?: number;
    ignoredIssues?: string[];
    onlyIssues?: string[];
    writeTimestamp?: boolean;
    severityOverrides?: Record<string, number>;
    externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
  }
  export function validateBytes(data: Uint8Array, options?: ValidatorOptions): Promise<ValidatorReport>;
  export function version(): string;
}
