import { previewHandler } from '@/server/write/handlers';

export const dynamic = 'force-dynamic';

/** Dry run of an edit: `PreviewRequest` -> `PreviewAnswer` (or invalid, conflict, refused). Writes nothing. */
export const POST = previewHandler();
