// Lets vitest import modules marked `import "server-only"`: tests run them on the server side anyway.
export {};
