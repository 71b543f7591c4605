// The TypeScript stub the model reads for a tool, written from the tool's zod schemas: the schema that
// validates a call is the one source of what the prompt says the call takes, so the two cannot drift.
// Only the zod kinds tool schemas use are rendered; anything else reads as `unknown`, which is honest to the
// model (it may pass anything the validator accepts) and keeps this small.
import { z } from "zod";

/** Schemas the prompt knows by name (`ImageHandle`): rendered as the name, declared once in the prompt. */
const typeNames = z.registry<{ typeName: string }>();

/** Gives `schema` a name the prompt uses instead of spelling it out (e.g. ImageHandle). */
export function namedType<T extends z.ZodType>(typeName: string, schema: T): T {
  typeNames.add(schema, { typeName });
  return schema;
}

/** The schema as a TypeScript type: `{ exhibit: string; seed?: number }`, `"image"`, `ImageHandle`. */
export function typeText(schema: z.ZodType): string {
  return typeNames.get(schema)?.typeName ?? structureText(schema);
}

/** A `type Name = …;` line for a named schema, spelling out its structure. */
export function typeDeclaration(schema: z.ZodType): string {
  const name = typeNames.get(schema)?.typeName;
  if (!name) throw new Error("typeDeclaration needs a schema given a name with namedType");
  return `type ${name} = ${structureText(schema)};`;
}

function structureText(schema: z.ZodType): string {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return typeText(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodNullable) return `${typeText(schema.unwrap() as z.ZodType)} | null`;
  if (schema instanceof z.ZodString) return "string";
  if (schema instanceof z.ZodNumber) return "number";
  if (schema instanceof z.ZodBoolean) return "boolean";
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((v) => JSON.stringify(v)).join(" | ");
  if (schema instanceof z.ZodEnum) return schema.options.map((v) => JSON.stringify(v)).join(" | ");
  if (schema instanceof z.ZodArray) return `${typeText(schema.element as z.ZodType)}[]`;
  if (schema instanceof z.ZodTuple) return `[${(schema.def.items as z.ZodType[]).map(typeText).join(", ")}]`;
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).map(typeText).join(" | ");
  if (schema instanceof z.ZodObject) {
    const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(
      ([key, field]) => `${key}${field instanceof z.ZodOptional ? "?" : ""}: ${typeText(field)}`,
    );
    return fields.length ? `{ ${fields.join("; ")} }` : "{}";
  }
  return "unknown";
}

/** `async function name(args: {…}): Promise<…>`: the stub the prompt shows for a tool. */
export function toolSignature(name: string, args: z.ZodObject, returns: z.ZodType): string {
  return `async function ${name}(args: ${typeText(args)}): Promise<${typeText(returns)}>`;
}
