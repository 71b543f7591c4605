import "server-only";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { config } from "./config";
import { processSingleton } from "./singleton";

// S3-compatible object storage (ASSET_STORE=s3): one client per process, from the S3_* variables, for the
// asset store (lib/assets) and the built-in Spaces' shared files (lib/builtin-spaces). Objects are written
// whole from a Buffer: with a stream body, the SDK's default aws-chunked checksum trailer is stored as part of
// the object by some servers (s3rver did, without an error), so checksums are sent only when an operation
// requires them.

export interface ObjectStorage {
  readonly bucket: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** The object as a stream, or null when there is no such object. */
  stream(key: string): Promise<ReadableStream<Uint8Array> | null>;
}

/** Whether assets (and the built-in Spaces' files) live in object storage. */
export function usesObjectStorage(): boolean {
  return config().ASSET_STORE === "s3";
}

/** The process's object storage; throws, naming the variable, when ASSET_STORE=s3 is set without a bucket. */
export function objectStorage(): ObjectStorage {
  return processSingleton("objectStorage", () => {
    const c = config();
    if (!c.S3_BUCKET) throw new Error("ASSET_STORE=s3 needs S3_BUCKET (and S3_ENDPOINT for a server other than AWS)");
    const client = new S3Client({
      region: c.S3_REGION,
      ...(c.S3_ENDPOINT ? { endpoint: c.S3_ENDPOINT } : {}),
      forcePathStyle: c.S3_FORCE_PATH_STYLE,
      ...(c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } }
        : {}),
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    return s3Storage(client, c.S3_BUCKET);
  });
}

function isMissing(err: unknown): boolean {
  return err instanceof NoSuchKey || (err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === "NotFound"));
}

export function s3Storage(client: S3Client, bucket: string): ObjectStorage {
  return {
    bucket,
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ContentType: contentType }));
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async stream(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? (out.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
  };
}
