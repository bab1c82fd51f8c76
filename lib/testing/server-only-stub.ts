// Vitest runs server modules outside Next.js, where the real `server-only` package would throw on import.
export {};
