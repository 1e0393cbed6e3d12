/** The marketing copy a guide can ask for (product flow 6). */
export const COPY_KINDS = ['moments', 'video_script', 'live_script'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

export const COPY_KIND_LABEL: Record<CopyKind, string> = {
  moments: '朋友圈文案',
  video_script: '短视频脚本',
  live_script: '直播话术',
};
