// Score floors of the object detector, shared by the worker and the main thread.

/** Below 0.25 centernet's boxes on the test photos are mostly wrong (benches in lawns). */
export const OBJECT_MIN_CONFIDENCE = 0.25;
/**
 * Weaker boxes are kept only as supporting evidence for captions (a table under a confident
 * laptop scored 0.14 in Azure's own laptop sample photo); they are never reported as objects.
 */
export const SUPPORT_MIN_CONFIDENCE = 0.12;
