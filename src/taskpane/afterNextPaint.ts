/**
 * Runs `work` in a task of its own once the browser has drawn the next frame. A focus moved then finds style and
 * layout already done, instead of forcing them inside React's commit of a big change (one long task, where two
 * short ones will do). Returns a cancel.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
