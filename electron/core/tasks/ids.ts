/** Ids of per-office documents are derived, so each office has exactly one per task. */
export const progressId = (taskId: string, office: string): string => `pr_${taskId}_${office}`;
export const reviewId = (taskId: string, office: string): string => `rv_${taskId}_${office}`;
export const attachmentId = (office: string, sha256: string): string => `at_${office}_${sha256}`;
