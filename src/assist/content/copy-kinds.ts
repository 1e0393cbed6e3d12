/** The marketing copy a guide can ask for (product flow 6). */
export const COPY_KINDS = ['moments', 'video_script', 'live_script'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];
